"""Finding 7: deleting a release says which translations go with it, and a deleted release can be
recovered in the admin with every language."""

import pytest
from django.urls import reverse

from projects.factories import PartnerFactory, PressReleaseFactory, UserFactory
from projects.models import PressRelease
from tests.helpers.admin import admin_url, coordinator_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def release():
    tartu = PartnerFactory(city_en="Tartu", slug="tartu", language="et")
    PartnerFactory(city_en="Nyíregyháza", slug="nyiregyhaza", language="hu")
    PartnerFactory(city_en="Genoa", slug="genoa", language="it")
    return PressReleaseFactory(
        author=tartu,
        slug="better-closes-phase-i",
        title_en="BETTER closes Phase I",
        title_et="BETTER lõpetab I etapi",
        body_et="Tekst.",
        title_hu="A BETTER lezárja az I. szakaszt",
        body_hu="Szöveg.",
        title_it="BETTER chiude la fase I",
        body_it="Testo.",
    )


@pytest.fixture
def root_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_delete_confirmation_names_the_translations_other_cities_wrote(root_client, release):
    page = root_client.get(admin_url(release, "delete")).content.decode()

    named = page.split("also deletes its translations:", 1)[1].split("</ul>", 1)[0]
    assert "Hungarian (Nyíregyháza)" in named
    assert "Italian (Genoa)" in named
    # Its own city's Estonian is not a translation by another city; Swedish was never written.
    assert "Estonian" not in named
    assert "Swedish" not in named


def test_bulk_delete_confirmation_names_the_translations_too(root_client, release):
    response = root_client.post(
        admin_url(PressRelease, "changelist"), {"action": "delete_selected", "_selected_action": [release.pk]}
    )

    page = response.content.decode()
    assert "Hungarian (Nyíregyháza)" in page
    assert "Italian (Genoa)" in page


def test_deleted_release_is_recovered_with_every_language(root_client, release):
    pk = release.pk
    root_client.post(admin_url(release, "delete"), {"post": "yes"})
    assert not PressRelease.objects.filter(pk=pk).exists()

    listing = root_client.get(admin_url(PressRelease, "recoverlist"))
    assert listing.status_code == 200
    assert "BETTER closes Phase I" in listing.content.decode()
    assert (
        admin_url(PressRelease, "recoverlist")
        in root_client.get(admin_url(PressRelease, "changelist")).content.decode()
    )
    version = listing.context["deleted"][0]

    confirm = root_client.get(admin_url(PressRelease, "recover", version.pk))
    assert confirm.status_code == 200
    recovered = root_client.post(admin_url(PressRelease, "recover", version.pk))

    assert recovered.status_code == 302
    release = PressRelease.objects.get(pk=pk)
    assert release.title_hu == "A BETTER lezárja az I. szakaszt"
    assert release.title_it == "BETTER chiude la fase I"
    assert release.body_et == "Tekst."
    assert "Recovered after its deletion" in root_client.get(admin_url(release, "history")).content.decode()
    assert root_client.get(admin_url(PressRelease, "recoverlist")).context["deleted"] == []


def test_coordinator_recovers_only_their_own_citys_releases(client, release):
    pk = release.pk
    tartu = release.author
    genoa = PartnerFactory._meta.model.objects.get(slug="genoa")
    client.force_login(coordinator_user(tartu, "tartu"))
    client.post(admin_url(release, "delete"), {"post": "yes"})
    assert not PressRelease.objects.filter(pk=pk).exists()
    version_pk = client.get(admin_url(PressRelease, "recoverlist")).context["deleted"][0].pk

    client.force_login(coordinator_user(genoa, "genoa"))
    assert client.get(admin_url(PressRelease, "recoverlist")).context["deleted"] == []
    assert client.post(admin_url(PressRelease, "recover", version_pk)).status_code == 403
    assert not PressRelease.objects.filter(pk=pk).exists()

    client.force_login(UserFactory(username="tartu"))
    assert client.post(admin_url(PressRelease, "recover", version_pk)).status_code == 302
    assert PressRelease.objects.filter(pk=pk).exists()


def test_recovery_refused_when_the_slug_is_taken_says_why(root_client, release):
    root_client.post(admin_url(release, "delete"), {"post": "yes"})
    version = root_client.get(admin_url(PressRelease, "recoverlist")).context["deleted"][0]
    PressReleaseFactory(slug="better-closes-phase-i")

    response = root_client.post(admin_url(PressRelease, "recover", version.pk), follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert any("cannot be recovered" in message for message in messages), messages


def test_recover_list_url_is_named(release):
    assert reverse("admin:projects_pressrelease_recoverlist").endswith("/recover/")

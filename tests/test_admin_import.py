"""The admin's "Import release from file" (projects.backoffice.release_import), scoped per city."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from projects.factories import PartnerFactory, PressReleaseFactory, UserFactory
from projects.models import PressRelease
from tests.helpers.admin import admin_url, coordinator_user
from tests.helpers.samples import SAMPLES

EN_SAMPLE = SAMPLES / "en-better-adopt-good-practices.txt"
ET_SAMPLE = SAMPLES / "et-better-teise-etappi.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def birmingham():
    return PartnerFactory(slug="birmingham", city_en="Birmingham", language="en", country="GB")


@pytest.fixture
def tartu():
    return PartnerFactory(slug="tartu", city_en="Tartu", language="et")


def _upload(name, content):
    return SimpleUploadedFile(name, content if isinstance(content, bytes) else content.encode(), "text/plain")


def _post(client, **data):
    return client.post(admin_url(PressRelease, "import"), data)


def test_release_list_links_to_the_import_page(client, birmingham):
    client.force_login(coordinator_user(birmingham, "brum"))
    page = client.get(admin_url(PressRelease, "changelist")).content.decode()
    assert f'href="{admin_url(PressRelease, "import")}"' in page
    assert "Import release from file" in page


def test_coordinator_imports_several_files_for_their_city(client, birmingham):
    client.force_login(coordinator_user(birmingham, "brum"))
    response = _post(
        client,
        files=[_upload("adopt.txt", EN_SAMPLE.read_bytes()), _upload("second.txt", "Second release\n\nIts text.\n")],
        language="en",
        partner=birmingham.pk,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Every file imported" in page
    assert "<strong>adopt.txt</strong>: created" in page and "<strong>second.txt</strong>: created" in page
    release = PressRelease.objects.get(title_en="BETTER is to adopt good practices")
    assert (release.author, release.status, release.original_language) == (birmingham, "draft", "en")
    assert release.body_en.count("<tr>") == 4
    assert admin_url(release, "change") in page
    assert PressRelease.objects.count() == 2


def test_coordinator_cannot_import_for_another_city(client, birmingham, tartu):
    client.force_login(coordinator_user(birmingham, "brum"))
    response = _post(client, files=[_upload("r.txt", "Title\n\nText.\n")], language="en", partner=tartu.pk)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert PressRelease.objects.count() == 0


def test_coordinator_translates_another_citys_release_only_into_their_language(client, birmingham, tartu):
    release = PressReleaseFactory(author=birmingham)
    client.force_login(coordinator_user(tartu, "tartu-coordinator"))
    refused = _post(
        client, files=[_upload("hu.txt", "Cím\n\nSzöveg.\n")], language="hu", translation_of=release.slug
    ).content.decode()
    assert "You can translate other cities&#x27; releases into Estonian only." in refused
    _post(client, files=[_upload("et.txt", "Pealkiri\n\nTekst.\n")], language="et", translation_of=release.slug)
    release.refresh_from_db()
    assert (release.title_et, release.body_et) == ("Pealkiri", "Tekst.")
    assert not release.title_hu


def test_refused_file_is_reported_and_the_others_imported(client, birmingham):
    client.force_login(coordinator_user(birmingham, "brum"))
    page = _post(
        client,
        files=[_upload("good.txt", "Good\n\nText.\n"), _upload("latin.txt", "Tõde\n\nTekst.".encode("latin-1"))],
        language="en",
        partner=birmingham.pk,
    ).content.decode()
    assert "1 file refused" in page
    assert "<strong>latin.txt</strong>: refused — latin.txt is not UTF-8 text" in page
    assert list(PressRelease.objects.values_list("title_en", flat=True)) == ["Good"]


def test_preview_only_shows_the_markdown_and_saves_nothing(client, birmingham):
    client.force_login(coordinator_user(birmingham, "brum"))
    page = _post(
        client, files=[_upload("r.txt", "Title\n\nA\tB\n1\t2\n")], language="en", partner=birmingham.pk, dry_run="on"
    ).content.decode()
    assert "preview only, nothing saved" in page
    assert "| A | B |" in page
    assert PressRelease.objects.count() == 0


def test_staff_user_without_a_city_cannot_open_the_import(client):
    client.force_login(UserFactory(username="plain-staff"))
    assert client.get(admin_url(PressRelease, "import")).status_code == 403
    assert _post(client, files=[_upload("r.txt", "T\n\nX.\n")], language="en").status_code == 403


def test_import_page_needs_a_file(client, birmingham):
    client.force_login(coordinator_user(birmingham, "brum"))
    page = _post(client, language="en", partner=birmingham.pk).content.decode()
    assert "This field is required." in page


def test_tartu_imports_a_release_written_in_estonian_only(client, tartu):
    client.force_login(coordinator_user(tartu, "tartu-coordinator"))
    page = _post(client, files=[_upload("et.txt", ET_SAMPLE.read_bytes())], language="et", partner=tartu.pk)
    assert "Every file imported" in page.content.decode()
    release = PressRelease.objects.get()
    assert (release.original_language, release.title_et, release.status) == (
        "et",
        "BETTER on sisenemas teise etappi",
        "draft",
    )
    assert not release.title_en


def test_english_coordinator_translates_another_citys_estonian_release_into_english(client, birmingham, tartu):
    release = PressReleaseFactory(
        author=tartu,
        original_language="et",
        title_en="",
        lead_en="",
        body_en="",
        title_et="Pealkiri",
        body_et="Tekst.",
    )
    client.force_login(coordinator_user(birmingham, "brum"))
    page = _post(client, files=[_upload("en.txt", "Title\n\nText.\n")], language="en", translation_of=release.slug)
    assert "Every file imported" in page.content.decode()
    release.refresh_from_db()
    assert (release.title_en, release.body_en) == ("Title", "Text.")

"""Finding 9: a coordinator links their event or practice only to their own city's releases, and the
release's history records a link made to it."""

import pytest

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory
from projects.factories import PartnerFactory, PressReleaseFactory, UserFactory
from tests.helpers.admin import admin_url, coordinator_user, edit_in_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def cities():
    tartu = PartnerFactory(city_en="Tartu", slug="tartu", language="et")
    gavle = PartnerFactory(city_en="Gävle", slug="gavle", language="sv")
    return tartu, gavle


@pytest.fixture
def tartu_client(client, cities):
    client.force_login(coordinator_user(cities[0], "tartu"))
    return client


def test_coordinator_cannot_link_their_event_to_another_citys_release(tartu_client, cities):
    tartu, gavle = cities
    event = EventFactory(host=tartu)
    foreign = PressReleaseFactory(author=gavle, title_en="Gävle news")

    response = edit_in_admin(tartu_client, event, releases=[str(foreign.pk)])

    assert response.status_code == 200
    assert "releases" in response.context["adminform"].form.errors
    assert not event.releases.exists()
    assert "Event number" not in tartu_client.get(foreign.get_absolute_url()).content.decode()


def test_coordinator_cannot_link_their_practice_to_another_citys_release(tartu_client, cities):
    tartu, gavle = cities
    practice = GoodPracticeFactory(owner=tartu)
    foreign = PressReleaseFactory(author=gavle)

    response = edit_in_admin(tartu_client, practice, releases=[str(foreign.pk)])

    assert response.status_code == 200
    assert "releases" in response.context["adminform"].form.errors
    assert not practice.releases.exists()


def test_coordinator_links_their_own_release_and_its_history_records_it(tartu_client, cities):
    tartu, _gavle = cities
    event = EventFactory(host=tartu, title_en="Study visit in Tartu")
    own = PressReleaseFactory(author=tartu)

    response = edit_in_admin(tartu_client, event, releases=[str(own.pk)])

    assert response.status_code == 302
    assert list(event.releases.all()) == [own]
    history = tartu_client.get(admin_url(own, "history")).content.decode()
    assert "Linked to event “Study visit in Tartu (Sept. 13, 2021)”." in history

    edit_in_admin(tartu_client, event, releases=[])
    history = tartu_client.get(admin_url(own, "history")).content.decode()
    assert "Unlinked from event “Study visit in Tartu (Sept. 13, 2021)”." in history


def test_link_an_editor_made_to_another_citys_release_survives_the_coordinators_save(tartu_client, cities):
    tartu, gavle = cities
    event = EventFactory(host=tartu)
    foreign = PressReleaseFactory(author=gavle)
    event.releases.add(foreign)

    response = edit_in_admin(tartu_client, event, title_en="Renamed")

    assert response.status_code == 302
    assert list(event.releases.all()) == [foreign]


def test_editor_may_link_any_citys_release(client, cities):
    tartu, gavle = cities
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    event = EventFactory(host=tartu)
    foreign = PressReleaseFactory(author=gavle)

    assert edit_in_admin(client, event, releases=[str(foreign.pk)]).status_code == 302
    assert list(event.releases.all()) == [foreign]


@pytest.mark.parametrize(("app_label", "model_name"), [("events", "event"), ("practices", "goodpractice")])
def test_release_autocomplete_offers_a_coordinator_only_their_citys_releases(
    tartu_client, cities, app_label, model_name
):
    tartu, gavle = cities
    own = PressReleaseFactory(author=tartu, title_en="Tartu news")
    PressReleaseFactory(author=gavle, title_en="Gävle news")

    response = tartu_client.get(
        "/en/admin/autocomplete/",
        {"term": "news", "app_label": app_label, "model_name": model_name, "field_name": "releases"},
    )

    assert [item["id"] for item in response.json()["results"]] == [str(own.pk)]

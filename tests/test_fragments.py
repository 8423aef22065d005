"""Fragments kept in the shared cache (projects.web.fragments): cards, header, footer, filter forms and
the practice network are reused between requests, and any published change retires them all."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.factories import EventFactory
from practices.factories import ActionFactory, GoodPracticeFactory, RegionalActionPlanFactory, TransferFactory
from projects.factories import PartnerFactory, PressReleaseFactory, ProjectFactory
from projects.web import fragments, lookups

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_page_cache():
    # The pages themselves are rendered on every request: what is measured here is their fragments.
    with override_settings(PUBLIC_PAGE_CACHE=False):
        yield


def fragment_keys():
    return [key for key in cache._cache if fragments.FRAGMENT_PREFIX in key]  # locmem's own store


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_second_visit_renders_no_card_again(client, monkeypatch):
    PressReleaseFactory.create_batch(3, published_at=days_ago(2))
    first = client.get("/en/news/")
    rendered = []
    original = fragments._render
    monkeypatch.setattr(fragments, "_render", lambda *args: rendered.append(args) or original(*args))

    again = client.get("/en/news/")

    assert again.content == first.content
    assert rendered == []


def test_edited_release_title_shows_on_the_list_at_once(client):
    release = PressReleaseFactory(title_en="Harbour data opens", published_at=days_ago(2))
    assert "Harbour data opens" in client.get("/en/news/").content.decode()

    release.title_en = "Harbour data reopens"
    release.save()

    page = client.get("/en/news/").content.decode()
    assert "Harbour data reopens" in page
    assert "Harbour data opens" not in page


def test_unpublished_release_leaves_the_home_page_cards(client):
    release = PressReleaseFactory(title_en="Open council records", published_at=days_ago(1))
    assert "Open council records" in client.get("/en/").content.decode()

    release.status = release.Status.DRAFT
    release.save()

    assert "Open council records" not in client.get("/en/").content.decode()


def test_renamed_city_changes_the_cached_footer_and_event_cards(client):
    partner = PartnerFactory(city_en="Harbourtown", organisation="Harbour council")
    EventFactory(host=partner, title_en="Open data day")
    assert client.get("/en/events/").content.decode().count("Harbourtown") >= 2  # card and footer

    partner.city_en = "Rivertown"
    partner.save()

    page = client.get("/en/events/").content.decode()
    assert "Harbourtown" not in page
    assert "Rivertown" in page


def test_cards_are_kept_per_language(client):
    PressReleaseFactory(
        title_en="Digital council", title_et="Digitaalne volikogu", body_et="Tekst.", published_at=days_ago(1)
    )
    assert "Digital council" in client.get("/en/news/").content.decode()
    assert "Digitaalne volikogu" in client.get("/et/news/").content.decode()


def test_new_practice_changes_the_cached_network_and_filter(client):
    client.get("/en/practices/")
    GoodPracticeFactory(title_en="Chatbot for permits")
    assert "Chatbot for permits" in client.get("/en/practices/").content.decode()


def test_made_up_address_stores_no_fragment(client):
    cache.clear()
    for number in range(5):
        assert client.get(f"/en/no-such-page-{number}/").status_code == 404
    assert fragment_keys() == []


def test_filter_with_an_unknown_value_stores_no_filter_form(client):
    cache.clear()
    assert client.get("/en/events/?city=atlantis").status_code == 400
    before = len(fragment_keys())
    assert client.get("/en/events/?city=atlantis2").status_code == 400
    assert len(fragment_keys()) == before


def test_news_list_with_its_cards_cached_reads_no_release_row(client):
    PressReleaseFactory.create_batch(3, published_at=days_ago(2))
    client.get("/en/news/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/en/news/")

    assert page.status_code == 200
    assert page.content.decode().count('<article class="release-summary') == 3
    # The page's keys come from the index; the rows behind its three cards are not read again.
    assert not [
        query["sql"] for query in queries.captured_queries if '"projects_pressrelease"."title_en"' in query["sql"]
    ]


def test_filtered_list_with_its_keys_cached_asks_nothing_and_follows_a_new_event(client):
    tartu = PartnerFactory(slug="tartu", city_en="Tartu")
    EventFactory(title_en="Tartu study visit", host=tartu, kind="study-visit", start_date=datetime.date(2021, 5, 4))
    EventFactory(title_en="Genoa study visit", kind="study-visit", start_date=datetime.date(2021, 6, 4))
    address = "/en/events/?city=tartu&kind=study-visit"
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(address).content.decode()

    assert "Tartu study visit" in page
    assert "Genoa study visit" not in page
    # Its keys, count and cards are kept under the content version: the database is not asked.
    assert queries.captured_queries == []

    EventFactory(title_en="Second Tartu visit", host=tartu, kind="study-visit", start_date=datetime.date(2022, 5, 4))

    page = client.get(address).content.decode()
    assert page.index("Second Tartu visit") < page.index("Tartu study visit")
    assert "Genoa study visit" not in client.get(address + "&page=1").content.decode()


def test_home_page_shows_an_edited_mission_and_a_new_release_at_once(client):
    project = ProjectFactory(mission_en="Better e-government.")
    PressReleaseFactory(title_en="Harbour data opens", published_at=days_ago(2))
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert "Better e-government." in client.get("/en/").content.decode()
    # The project, the latest keys and their cards come from the worker's copy and the cache.
    assert queries.captured_queries == []

    project.mission_en = "Cities learn from each other."
    project.save()
    PressReleaseFactory(title_en="Library loans go digital", published_at=days_ago(1))

    page = client.get("/en/").content.decode()
    assert "Cities learn from each other." in page
    assert page.index("Library loans go digital") < page.index("Harbour data opens")


def test_release_without_related_rows_asks_nothing_about_them(client):
    release = PressReleaseFactory(published_at=days_ago(2))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(release.get_absolute_url())

    assert page.status_code == 200
    related = ("events_event", "practices_goodpractice", "projects_releaseimage")
    # Only the EXISTS of the release's own query names them.
    asked = [
        sql
        for sql in (query["sql"] for query in queries.captured_queries)
        if sql.lstrip().startswith("SELECT") and any(f'FROM "{table}"' in sql.split("WHERE")[0] for table in related)
    ]
    assert asked == []


def test_event_page_shows_a_practice_added_to_it(client):
    event = EventFactory(title_en="Open data day")
    assert "Chatbot for permits" not in client.get(event.get_absolute_url()).content.decode()

    practice = GoodPracticeFactory(title_en="Chatbot for permits")
    practice.events.add(event)

    assert "Chatbot for permits" in client.get(event.get_absolute_url()).content.decode()


def test_events_count_is_read_once_and_follows_a_new_event(client):
    EventFactory.create_batch(2)
    assert "2 events" in client.get("/en/events/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/events/?page=1")
    assert not [query["sql"] for query in queries.captured_queries if "COUNT(" in query["sql"]]

    EventFactory()

    assert "3 events" in client.get("/en/events/").content.decode()


def test_partner_page_with_its_network_cached_reads_no_practice_row(client):
    transfer = TransferFactory(practice__title_en="Chatbot for permits")
    importer = transfer.importer
    first = client.get(importer.get_absolute_url())
    assert "Chatbot for permits" in first.content.decode()

    with CaptureQueriesContext(connection) as queries:
        again = client.get(importer.get_absolute_url())

    assert again.content == first.content
    network = ("practices_goodpractice", "practices_transfer", "practices_action")
    assert not [query["sql"] for query in queries.captured_queries if any(table in query["sql"] for table in network)]


def test_partner_page_shows_a_new_import_and_a_new_action_at_once(client):
    plan = RegionalActionPlanFactory()
    city = plan.partner
    assert "Chatbot for permits" not in client.get(city.get_absolute_url()).content.decode()

    TransferFactory(importer=city, practice__title_en="Chatbot for permits")
    ActionFactory(plan=plan, title_en="Open the permit chatbot")

    page = client.get(city.get_absolute_url()).content.decode()
    assert "Chatbot for permits" in page
    assert "Open the permit chatbot" in page


def test_second_visit_reads_its_fragments_from_the_workers_copy(client, monkeypatch):
    PressReleaseFactory.create_batch(2, published_at=days_ago(2))
    client.get("/en/news/")
    asked = []
    original = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys, *args: asked.extend(keys) or original(keys, *args))

    client.get("/en/news/")

    # Only the content version comes from the shared cache: header, footer, cards and count do not.
    assert asked
    assert not [key for key in asked if fragments.FRAGMENT_PREFIX in key]


def test_practice_page_with_its_paths_cached_reads_no_transfer_row(client):
    transfer = TransferFactory(importer__city_en="Rivertown")
    url = transfer.practice.get_absolute_url()
    first = client.get(url)
    assert "Rivertown" in first.content.decode()

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)

    assert again.content == first.content
    related = ("practices_transfer", "practices_action", "events_event", "projects_pressrelease")
    assert not [query["sql"] for query in queries.captured_queries if any(table in query["sql"] for table in related)]


def test_practice_page_shows_a_new_importer_at_once(client):
    practice = GoodPracticeFactory()
    assert "Rivertown" not in client.get(practice.get_absolute_url()).content.decode()

    TransferFactory(practice=practice, importer__city_en="Rivertown")

    assert "Rivertown" in client.get(practice.get_absolute_url()).content.decode()


def test_event_page_reads_its_visiting_cities_with_the_event(client):
    event = EventFactory(title_en="Open data day")
    visitor = PartnerFactory(city_en="Rivertown")
    event.visitors.add(visitor)
    client.get(event.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        page = client.get(event.get_absolute_url()).content.decode()

    assert "Rivertown" in page
    # The event's own query; the cities come from the worker's copy of the partners.
    assert len(queries.captured_queries) == 1

    visitor.city_en = "Lakeside"
    visitor.save()

    page = client.get(event.get_absolute_url()).content.decode()
    assert ">Lakeside<" in page
    assert ">Rivertown<" not in page  # (its organisation keeps the name it was given)


def test_site_rows_are_copied_once_per_request_and_never_shared_between_requests(rf):
    city = PartnerFactory(city_en="Tartu", slug="tartu")
    first, second = rf.get("/en/"), rf.get("/en/")

    lookups.site_partners(first)[city.pk].note = "the first request's"

    assert lookups.site_partners(first)[city.pk].note == "the first request's"
    assert not hasattr(lookups.site_partners(second)[city.pk], "note")
    assert lookups.site_partners(second)[city.pk].city_en == "Tartu"

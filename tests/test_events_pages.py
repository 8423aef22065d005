"""The public events pages: the filtered list (/<lang>/events/) and one event (/<lang>/events/<slug>/)."""

import datetime
import json
import re

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation

from events.factories import EventFactory, RecordingFactory
from events.models import Event
from practices.factories import GoodPracticeFactory, TransferFactory
from practices.models import Transfer
from projects.factories import PartnerFactory, PhaseFactory, PressReleaseFactory, SemesterFactory
from projects.models import Partner, PressRelease, Semester
from tests.helpers.pages import count_queries

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]

GAVLE_THEMATIC = "thematic-event-gavle-2019-10"
GAVLE_STUDY_VISIT = "study-visit-gavle-2021-10-27"
GENOA_STUDY_VISIT = "study-visit-genoa-2021-07-17"
NYIREGYHAZA_STUDY_VISIT = "study-visit-nyiregyhaza-2021-09-13"
NYIREGYHAZA_WORKSHOP = "demo-import-workshop-digital-citizen-folder-nyiregyhaza-2022-05"


@pytest.fixture
def demo(demo_for_module, db):
    """Here the demo content is loaded once for the whole module (tests/conftest.py)."""


def listed_slugs(response):
    """The events a list page shows, in order, read from its links."""
    html = response.content.decode()
    match = re.search(r'<ol class="event-list">(.*?)</ol>', html, re.S)
    if match is None:
        return []
    return re.findall(r'<h3 class="event-summary__title">\s*<a href="/\w\w/events/([\w-]+)/"', match.group(1))


def json_ld(response):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def involving(slug, role=None):
    return set(Event.objects.involving(Partner.objects.get(slug=slug), role=role).values_list("slug", flat=True))


# --- the list, with the "Done when" of the issue ----------------------------------------------------------------


def test_city_filter_in_estonian_lists_the_events_gavle_hosted_and_visited(client, demo):
    response = client.get("/et/events/?city=gavle")
    assert response.status_code == 200
    slugs = listed_slugs(response)
    # The October 2019 thematic event and the 27 October 2021 study visit it hosted, the two it visited.
    assert {GAVLE_THEMATIC, GAVLE_STUDY_VISIT, GENOA_STUDY_VISIT, NYIREGYHAZA_STUDY_VISIT} <= set(slugs)
    # …and nothing else than Gävle's events (the demo import workshops add some).
    assert set(slugs) == involving("gavle")
    html = response.content.decode()
    assert "oktoober 2019" in html  # month precision, in Estonian, not "1. oktoober 2019"
    assert "1. oktoober 2019" not in html
    assert "27. oktoober 2021" in html


def test_city_and_role_host_lists_only_the_events_the_city_hosted(client, demo):
    slugs = set(listed_slugs(client.get("/et/events/?city=gavle&role=host")))
    assert {GAVLE_THEMATIC, GAVLE_STUDY_VISIT} <= slugs
    assert slugs == involving("gavle", role="host")
    assert GENOA_STUDY_VISIT not in slugs
    assert NYIREGYHAZA_STUDY_VISIT not in slugs


def test_city_and_role_visitor_lists_only_the_events_the_city_visited(client, demo):
    slugs = set(listed_slugs(client.get("/en/events/?city=gavle&role=visitor")))
    assert {GENOA_STUDY_VISIT, NYIREGYHAZA_STUDY_VISIT} <= slugs
    assert slugs == involving("gavle", role="visitor")
    assert GAVLE_THEMATIC not in slugs


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=thematic-event", {"thematic-event"}),
        ("kind=study-visit", {"study-visit"}),
        ("format=in-person", {"in-person"}),
        ("format=virtual", {"virtual"}),
    ],
)
def test_kind_and_format_filters_list_only_matching_events(client, demo, query, expected):
    slugs = listed_slugs(client.get(f"/en/events/?{query}"))
    assert slugs
    field = query.split("=")[0]
    assert set(Event.objects.filter(slug__in=slugs).values_list(field, flat=True)) == expected
    assert len(slugs) == Event.objects.filter(**{field: expected.pop()}).count()


def test_phase_and_year_filters_list_only_matching_events(client, demo):
    phase_one = set(listed_slugs(client.get("/en/events/?phase=1")))
    assert GAVLE_THEMATIC in phase_one
    assert phase_one == set(Event.objects.filter(semester__phase__number=1).values_list("slug", flat=True))
    year_2021 = set(listed_slugs(client.get("/en/events/?year=2021")))
    assert year_2021 == {GENOA_STUDY_VISIT, NYIREGYHAZA_STUDY_VISIT, GAVLE_STUDY_VISIT}


def test_when_filter_splits_upcoming_and_past_events(client, demo):
    today = timezone.localdate()
    EventFactory(slug="next-month", start_date=today + datetime.timedelta(days=30), host=Partner.objects.first())
    upcoming = set(listed_slugs(client.get("/en/events/?when=upcoming")))
    past = set(listed_slugs(client.get("/en/events/?when=past")))
    assert upcoming == {"next-month"}
    assert GAVLE_THEMATIC in past
    assert not upcoming & past
    assert len(upcoming | past) == Event.objects.count()


def test_filters_combine(client, demo):
    slugs = listed_slugs(client.get("/en/events/?city=gavle&kind=study-visit&year=2021&format=virtual&phase=1"))
    assert set(slugs) == {GAVLE_STUDY_VISIT, GENOA_STUDY_VISIT, NYIREGYHAZA_STUDY_VISIT}


def test_list_is_sorted_by_start_date_newest_first(client, demo):
    slugs = listed_slugs(client.get("/en/events/"))
    assert len(slugs) == Event.objects.count()
    dates = [Event.objects.get(slug=slug).start_date for slug in slugs]
    assert dates == sorted(dates, reverse=True)


def text_of(html):
    """The words of an HTML fragment, as a reader gets them."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" ,", ",")


def test_each_row_shows_title_link_kind_date_format_host_and_visitors(client, demo):
    html = client.get("/en/events/?city=gavle").content.decode()
    rows = [row.split("</article>")[0] for row in html.split('<article class="event-summary">')[1:]]
    row = next(row for row in rows if GAVLE_STUDY_VISIT in row)
    assert f'<a href="/en/events/{GAVLE_STUDY_VISIT}/">Study visit to Gävle</a>' in row
    assert '<time datetime="2021-10-27">Oct. 27, 2021</time>' in row
    assert text_of(row) == (
        "Study visit to Gävle Study visit · Oct. 27, 2021 · Virtual "
        "Host Gävle Visitors Genoa, Birmingham, Tartu, Nyíregyháza"
    )
    thematic = next(row for row in rows if GAVLE_THEMATIC in row)
    assert '<time datetime="2019-10">October 2019</time>' in thematic


def test_list_without_filter_shows_every_event(client, demo):
    assert len(listed_slugs(client.get("/en/events/"))) == Event.objects.count()


def test_empty_result_says_so_and_offers_all_events(client, demo):
    # Tartu attended the 2019 thematic event, but no study visit took place in 2019.
    response = client.get("/en/events/?city=tartu&kind=study-visit&year=2019")
    assert response.status_code == 200
    assert listed_slugs(response) == []
    assert "No event matches this filter." in response.content.decode()


# --- invalid filters: 400 with the form's errors, never 500, never the unfiltered list -------------------------

INVALID = [
    ("city=atlantis", "city"),
    ("role=chief&city=gavle", "role"),
    ("role=host", "role"),  # a role without a city
    ("kind=party", "kind"),
    ("phase=9", "phase"),
    ("phase=x", "phase"),
    ("phase=99999999999999999999", "phase"),
    ("year=abc", "year"),
    ("year=20211", "year"),
    ("year=1900", "year"),
    ("year=2021.5", "year"),
    ("format=paper", "format"),
    ("when=soon", "when"),
    ("city=gav%00le", "city"),
    ("city=%F0%9F%92%A9", "city"),
]


@pytest.mark.parametrize(("query", "parameter"), INVALID)
def test_invalid_filter_value_answers_400_with_the_form_error(client, demo, query, parameter):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    # The form is shown again with the field marked, and no events at all.
    assert '<form class="filter-form" method="get"' in html
    assert f'id="id_{parameter}_error"' in html
    assert re.search(rf'name="{parameter}"[^>]*aria-invalid="true"', html)
    assert listed_slugs(response) == []
    assert "error-summary" in html


@pytest.mark.parametrize(("year", "shown"), [("abc", None), ("nan", None), ("2021.5", "2021.5"), ("1900", "1900")])
def test_invalid_year_is_written_back_only_when_a_number_input_can_hold_it(client, demo, year, shown):
    response = client.get(f"/en/events/?year={year}")
    assert response.status_code == 400
    year_input = re.search(r'<input type="number" name="year"[^>]*>', response.content.decode()).group()
    value = re.search(r'value="([^"]*)"', year_input)
    # value="abc" on a number input is invalid HTML (and browsers show it empty); the error says what was wrong.
    assert (value.group(1) if value else None) == shown


def test_unknown_city_error_names_the_value(client, demo):
    response = client.get("/en/events/?city=atlantis")
    assert response.status_code == 400
    assert "There is no partner city “atlantis”." in response.content.decode()


def test_role_without_city_error_says_to_choose_a_city(client, demo):
    response = client.get("/en/events/?role=host")
    assert response.status_code == 400
    assert "Choose a city for the role to apply to." in response.content.decode()


def test_invalid_filter_error_is_shown_in_the_page_language(client, demo):
    response = client.get("/et/events/?city=atlantis")
    assert response.status_code == 400
    assert 'lang="et"' in response.content.decode()[:200]
    assert "atlantis" in response.content.decode()


def test_error_answers_carry_no_cache_validators(client, demo):
    response = client.get("/en/events/?city=atlantis")
    assert response.status_code == 400
    assert "ETag" not in response.headers
    assert "Last-Modified" not in response.headers


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "²"])
def test_page_that_is_not_a_number_answers_400_with_reason(client, demo, page):
    response = client.get(f"/en/events/?city=gavle&page={page}")
    assert response.status_code == 400
    assert "The page number must be a whole number from 1 upwards." in response.content.decode()


def test_page_past_the_last_answers_404_with_reason(client, demo):
    response = client.get("/en/events/?page=9")
    assert response.status_code == 404
    assert "There is no page 9" in response.content.decode()


# --- pagination and shareable addresses --------------------------------------------------------------------------


def test_pagination_keeps_the_filters_in_page_links(client):
    host = PartnerFactory(slug="pagetown")
    for number in range(25):
        EventFactory(host=host, start_date=datetime.date(2021, 1, 1) + datetime.timedelta(days=number))
    EventFactory()  # elsewhere: never listed
    first = client.get("/en/events/?city=pagetown&kind=study-visit")
    assert len(listed_slugs(first)) == 20
    html = first.content.decode()
    assert 'href="?city=pagetown&amp;kind=study-visit&amp;page=2"' in html
    second = client.get("/en/events/?city=pagetown&kind=study-visit&page=2")
    assert len(listed_slugs(second)) == 5
    assert not set(listed_slugs(first)) & set(listed_slugs(second))
    assert "25 events, page 2 of 2" in " ".join(second.content.decode().split())


def test_filter_form_is_a_plain_get_form_with_a_label_for_every_field(client, demo):
    html = client.get("/en/events/?city=gavle").content.decode()
    assert '<form class="filter-form" method="get" action="/en/events/"' in html
    assert "<script" not in html.split("</header>", 1)[1]
    for name in ["city", "role", "kind", "phase", "year", "format", "when"]:
        assert f'<label for="id_{name}">' in html
        assert f'id="id_{name}"' in html
    # The chosen values stay selected, so the address and the form agree.
    assert '<option value="gavle" selected>' in html


def test_list_links_to_the_calendar_and_the_json_with_the_same_filters(client, demo):
    html = client.get("/et/events/?city=tartu&role=&kind=&page=1").content.decode()
    assert 'href="/et/events/calendar.ics?city=tartu"' in html
    assert re.search(r'<a href="/et/events/calendar.ics\?city=tartu" type="text/calendar">', html)
    assert 'href="/api/events/?city=tartu&amp;lang=et"' in html


def test_unfiltered_list_links_to_the_whole_calendar(client, demo):
    html = client.get("/en/events/").content.decode()
    assert 'href="/en/events/calendar.ics"' in html
    assert "Subscribe to all events" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_events_page_answers_200_in_every_language(client, demo, language):
    paths = [
        f"/{language}/events/",
        f"/{language}/events/?city=gavle&role=host",
        f"/{language}/events/{GAVLE_THEMATIC}/",
        f"/{language}/events/{GAVLE_STUDY_VISIT}/",
        f"/{language}/events/{NYIREGYHAZA_WORKSHOP}/",
        f"/{language}/events/calendar.ics?city=tartu",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
    page = client.get(f"/{language}/events/").content.decode()
    assert f'<html lang="{language}">' in page


def test_site_navigation_has_events_marked_current_in_the_section(client, demo):
    html = client.get(f"/en/events/{GAVLE_THEMATIC}/").content.decode()
    assert '<a href="/en/events/" aria-current="true">Events</a>' in html
    html = client.get("/en/events/").content.decode()
    assert '<a href="/en/events/" aria-current="page">Events</a>' in html


# --- one event ---------------------------------------------------------------------------------------------------


def facts(response):
    """The event's fact list as {term: text}."""
    html = response.content.decode()
    block = re.search(r'<dl class="facts">(.*?)</dl>', html, re.S).group(1)
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block, re.S)
    return {term: text_of(text) for term, text in pairs}


def test_thematic_event_shows_its_date_at_month_precision_and_its_facts(client, demo):
    response = client.get(f"/en/events/{GAVLE_THEMATIC}/")
    assert response.status_code == 200
    shown = facts(response)
    assert shown["Kind"] == "Thematic event"
    assert shown["Date"].startswith("October 2019")
    assert "Oct. 1" not in response.content.decode()
    assert shown["Format"] == "In person"
    assert shown["Location"] == "Gävle"
    assert shown["Host"].startswith("Gävle")
    assert shown["Theme"] == "Physical and virtual infrastructure and tools that support innovation"
    assert shown["Phase"].startswith("Phase 1")
    assert shown["Semester"] == "1"
    assert '<time datetime="2019-10">October 2019</time>' in response.content.decode()


def test_thematic_event_month_is_localised(client, demo):
    assert facts(client.get(f"/et/events/{GAVLE_THEMATIC}/"))["Kuupäev"].startswith("oktoober 2019")
    assert facts(client.get(f"/hu/events/{GAVLE_THEMATIC}/"))["Dátum"].startswith("2019. október")


def test_study_visit_shows_host_visitors_practices_and_who_studied_them(client, demo):
    response = client.get(f"/en/events/{GAVLE_STUDY_VISIT}/")
    shown = facts(response)
    assert shown["Date"] == "Oct. 27, 2021"
    assert shown["Visitors"] == "Genoa, Birmingham, Tartu, Nyíregyháza"
    assert shown["Location"] == "Online"
    html = response.content.decode()
    event = Event.objects.get(slug=GAVLE_STUDY_VISIT)
    practices = list(event.practices.all())
    assert practices
    for practice in practices:
        assert f'href="{practice.get_absolute_url()}"' in html
    assert "studied here by" in html


def test_related_releases_are_the_published_ones_only(client, demo):
    event = Event.objects.get(slug=GAVLE_THEMATIC)
    draft = PressReleaseFactory(slug="draft-news", title_en="Draft news", status=PressRelease.Status.DRAFT)
    later = PressReleaseFactory(
        slug="later-news", title_en="Later news", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    event.releases.add(draft, later)
    html = client.get(f"/en/events/{GAVLE_THEMATIC}/").content.decode()
    published = [release for release in event.releases.all() if release.is_public]
    assert published
    for release in published:
        assert f'href="{release.get_absolute_url()}"' in html
    assert "Draft news" not in html
    assert "Later news" not in html


def test_import_workshop_shows_the_practice_its_owner_and_the_importing_partner(client, demo):
    response = client.get(f"/en/events/{NYIREGYHAZA_WORKSHOP}/")
    html = response.content.decode()
    section = re.search(r'<section[^>]*aria-labelledby="workshop-heading">(.*?)</section>', html, re.S).group(1)
    text = text_of(section)
    assert "Digital Citizen Folder" in text
    assert "Owner Genoa" in text
    assert "Importing partner Nyíregyháza" in text
    transfer = Transfer.objects.get(import_workshop__slug=NYIREGYHAZA_WORKSHOP)
    # The furthest stage, as on the practice's page: Nyíregyháza's plan has taken the practice up since.
    assert transfer.reached_stage == Transfer.Stage.ACTION_PLAN
    assert "Stage In action plan" in text
    assert f'href="{transfer.practice.get_absolute_url()}"' in section


def test_description_is_markdown_rendered_and_sanitised(client):
    EventFactory(slug="md", description_en="**Bold** words\n\n<script>alert(1)</script>")
    html = client.get("/en/events/md/").content.decode()
    assert "<strong>Bold</strong> words" in html
    assert "alert(1)" not in html


def test_recordings_are_links(client):
    event = EventFactory(slug="recorded")
    RecordingFactory(event=event, title_en="Seminar video", url="https://video.example.org/seminar")
    html = client.get("/en/events/recorded/").content.decode()
    assert '<a href="https://video.example.org/seminar">Seminar video</a>' in html


def test_event_missing_page_language_is_shown_in_english_with_notice_and_lang(client):
    EventFactory(slug="english-only", title_en="English only", theme_en="A theme", description_en="Words.")
    html = client.get("/sv/events/english-only/").content.decode()
    assert 'role="note"' in html
    assert '<h1 lang="en">English only</h1>' in html
    assert '<div class="prose" lang="en">' in html


def test_event_written_in_page_language_has_no_notice(client, demo):
    html = client.get(f"/et/events/{GAVLE_THEMATIC}/").content.decode()
    assert 'role="note"' not in html
    assert "<h1>Temaatiline üritus" in html


def test_unknown_event_answers_404(client, demo):
    assert client.get("/en/events/no-such-event/").status_code == 404


# --- schema.org JSON-LD ------------------------------------------------------------------------------------------


def test_thematic_event_json_ld_has_month_precision_place_and_organizer(client, demo):
    data = json_ld(client.get(f"/en/events/{GAVLE_THEMATIC}/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Thematic event: infrastructure and tools for innovation"
    assert data["startDate"] == "2019-10"
    assert data["endDate"] == "2019-10"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Gävle",
        "addressCountry": "SE",
    }
    # Issue 11: the organizer's url is its page on this site (its own website would be sameAs).
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Gävle Municipality",
        "url": "http://testserver/en/partners/gavle/",
    }
    assert data["url"] == f"http://testserver/en/events/{GAVLE_THEMATIC}/"
    assert data["inLanguage"] == "en"


def test_virtual_study_visit_json_ld_is_online_with_a_day_date(client, demo):
    data = json_ld(client.get(f"/et/events/{GAVLE_STUDY_VISIT}/"))
    assert data["startDate"] == "2021-10-27"
    assert data["endDate"] == "2021-10-27"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["inLanguage"] == "et"
    assert data["name"] == "Õppevisiit Gävlesse"


def test_hybrid_event_json_ld_has_both_locations(client):
    EventFactory(slug="hybrid", format=Event.Format.HYBRID, end_date=datetime.date(2021, 9, 14))
    data = json_ld(client.get("/en/events/hybrid/"))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["endDate"] == "2021-09-14"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    title = "</script><script>alert(1)</script><!--"
    EventFactory(slug="sneaky", title_en=title)
    response = client.get("/en/events/sneaky/")
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(response)["name"] == title


# --- constant query counts ---------------------------------------------------------------------------------------


def make_events_with_visitors(number):
    semester = Semester.objects.filter(phase__number=1).first() or SemesterFactory(phase=PhaseFactory(number=1))
    host = Partner.objects.filter(slug="counted").first() or PartnerFactory(slug="counted")
    for _ in range(number):
        # Each event has its own visitors: an N+1 on visitors or hosts would show.
        EventFactory(host=host, visitors=PartnerFactory.create_batch(2), start_date=semester.start_month)


@pytest.mark.parametrize("query", ["", "?kind=study-visit&when=past", "?city=counted&phase=1", "?page=2"])
def test_list_runs_the_same_number_of_queries_for_3_or_30_events(client, query, django_assert_max_num_queries):
    make_events_with_visitors(3 if "page" not in query else 23)
    with_three = count_queries(client, f"/en/events/{query}")
    make_events_with_visitors(27)
    with_thirty = count_queries(client, f"/en/events/{query}")
    assert with_three == with_thirty
    with django_assert_max_num_queries(9):  # 8, and the partners for the footer
        client.get(f"/en/events/{query}")


def make_rich_event(kind, number):
    """An event with `number` of everything its page shows."""
    event = EventFactory(kind=kind, visitors=PartnerFactory.create_batch(2))
    for _ in range(number):
        practice = GoodPracticeFactory(events=[event])
        if kind == Event.Kind.IMPORT_WORKSHOP:
            TransferFactory(practice=practice, import_workshop=event, study_visit=None, stage="import-workshop")
        else:
            TransferFactory(practice=practice, study_visit=event)
        RecordingFactory(event=event)
        event.releases.add(PressReleaseFactory())
    return event


@pytest.mark.parametrize("kind", [Event.Kind.STUDY_VISIT, Event.Kind.IMPORT_WORKSHOP])
def test_detail_runs_the_same_number_of_queries_for_3_or_30_related_rows(client, kind, django_assert_max_num_queries):
    small = make_rich_event(kind, 3)
    large = make_rich_event(kind, 30)
    assert count_queries(client, small.get_absolute_url()) == count_queries(client, large.get_absolute_url())
    with django_assert_max_num_queries(14):  # 12, the practices' actions of the stage, the footer's partners
        client.get(large.get_absolute_url())


# --- conditional GET: repeat visits get 304 ----------------------------------------------------------------------


def test_repeat_visit_to_the_list_with_if_modified_since_gets_304(client, demo):
    first = client.get("/en/events/?city=gavle")
    assert first.status_code == 200
    assert "Last-Modified" in first.headers
    assert "ETag" in first.headers
    again = client.get("/en/events/?city=gavle", headers={"if-modified-since": first.headers["Last-Modified"]})
    assert again.status_code == 304
    assert again.content == b""
    by_etag = client.get("/en/events/?city=gavle", headers={"if-none-match": first.headers["ETag"]})
    assert by_etag.status_code == 304


def test_list_is_sent_again_after_an_event_changes_or_goes(client, demo):
    first = client.get("/en/events/")
    later = timezone.now() + datetime.timedelta(minutes=5)
    Event.objects.filter(slug=GAVLE_THEMATIC).update(updated_at=later)
    changed = client.get("/en/events/", headers={"if-modified-since": first.headers["Last-Modified"]})
    assert changed.status_code == 200
    second = client.get("/en/events/")
    Event.objects.filter(slug=GAVLE_THEMATIC).delete()
    deleted = client.get("/en/events/", headers={"if-none-match": second.headers["ETag"]})
    assert deleted.status_code == 200


def test_repeat_visit_to_an_event_gets_304_until_something_on_it_changes(client, demo):
    path = f"/en/events/{GAVLE_STUDY_VISIT}/"
    first = client.get(path)
    assert first.status_code == 200
    assert client.get(path, headers={"if-modified-since": first.headers["Last-Modified"]}).status_code == 304
    assert client.get(path, headers={"if-none-match": first.headers["ETag"]}).status_code == 304
    # A practice examined there is edited: its page shows the practice, so it is sent again.
    Event.objects.get(slug=GAVLE_STUDY_VISIT).practices.update(updated_at=F("updated_at") + datetime.timedelta(days=9))
    assert client.get(path, headers={"if-modified-since": first.headers["Last-Modified"]}).status_code == 200
    # A recording is added: no timestamp moves, but the ETag does.
    second = client.get(path)
    RecordingFactory(event=Event.objects.get(slug=GAVLE_STUDY_VISIT))
    assert client.get(path, headers={"if-none-match": second.headers["ETag"]}).status_code == 200


def test_event_last_modified_is_an_http_date(client, demo):
    response = client.get(f"/en/events/{GAVLE_THEMATIC}/")
    assert re.fullmatch(r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT", response.headers["Last-Modified"])


def test_url_names_resolve_in_every_language():
    for language in LANGUAGES:
        with translation.override(language):
            assert reverse("events:event-list") == f"/{language}/events/"
            assert reverse("events:event-calendar") == f"/{language}/events/calendar.ics"
            assert reverse("events:event-detail", kwargs={"slug": "x"}) == f"/{language}/events/x/"

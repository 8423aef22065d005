"""Machine-readable events: the iCalendar feed /<lang>/events/calendar.ics and the JSON /api/events/."""

import datetime

import icalendar
import jsonschema
import pytest

from events import views as event_views
from events.calendar import event_dates
from events.factories import EventFactory
from events.models import Event
from projects.factories import PartnerFactory, SemesterFactory
from projects.models import Partner, Semester
from projects.web.api import FilteredListApi
from tests.helpers.api import PARTNER, list_schema
from tests.helpers.pages import count_queries

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]


@pytest.fixture
def demo(demo_for_module, db):
    """Here the demo content is loaded once for the whole module (tests/conftest.py)."""


def involving(slug, role=None):
    return Event.objects.involving(Partner.objects.get(slug=slug), role=role)


def add_events(host, number):
    """`number` events of `host`, each with two visitors of its own, in a semester: each event's phase
    is read too (the demo one's when the module loaded it)."""
    semester = Semester.objects.first() or SemesterFactory()
    for _ in range(number):
        EventFactory(host=host, visitors=PartnerFactory.create_batch(2), start_date=semester.start_month)


def parse_calendar(response):
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def entries(calendar):
    return {str(entry["url"]).rstrip("/").rsplit("/", 1)[-1]: entry for entry in calendar.walk("VEVENT")}


# --- iCalendar ---------------------------------------------------------------------------------------------------


def test_tartu_calendar_parses_and_holds_exactly_tartus_events(client, demo):
    response = client.get("/en/events/calendar.ics?city=tartu")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="better-events-tartu.ics"'
    calendar = parse_calendar(response)
    assert str(calendar["version"]) == "2.0"
    assert "BETTER" in str(calendar["prodid"])
    found = entries(calendar)
    expected = set(involving("tartu").values_list("slug", flat=True))
    # Hosted (the January 2020 thematic event, a demo import workshop) and visited (Gävle's study visit).
    assert {"thematic-event-tartu-2020-01", "study-visit-gavle-2021-10-27"} <= expected
    assert set(found) == expected
    uids = [str(entry["uid"]) for entry in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_day_event_is_an_all_day_entry_on_its_date(client, demo):
    entry = entries(parse_calendar(client.get("/en/events/calendar.ics?city=tartu")))["study-visit-gavle-2021-10-27"]
    start, end = entry.decoded("dtstart"), entry.decoded("dtend")
    # A date, not a date-time: an all-day entry, the same day in every time zone.
    assert type(start) is datetime.date
    assert start == datetime.date(2021, 10, 27)
    assert end == datetime.date(2021, 10, 28)  # DTEND is exclusive
    assert str(entry["summary"]) == "Study visit to Gävle"
    assert str(entry["url"]) == "http://testserver/en/events/study-visit-gavle-2021-10-27/"


def test_month_precision_event_is_one_transparent_all_day_entry_on_the_first(client, demo):
    # Issue 11 reverses the month-long entry: one all-day entry on the 1st that says the day is not known.
    entry = entries(parse_calendar(client.get("/en/events/calendar.ics?city=tartu")))["thematic-event-tartu-2020-01"]
    assert entry.decoded("dtstart") == datetime.date(2020, 1, 1)
    assert entry.decoded("dtend") == datetime.date(2020, 1, 2)
    assert str(entry["summary"]).endswith("(January 2020, exact day not known)")
    assert str(entry["transp"]) == "TRANSPARENT"
    assert str(entry["x-better-date-precision"]) == "month"
    assert "January 2020" in str(entry["description"])


def test_december_month_event_is_the_first_of_december_only():
    event = Event(start_date=datetime.date(2020, 12, 1), date_precision=Event.Precision.MONTH)
    assert event_dates(event) == (datetime.date(2020, 12, 1), datetime.date(2020, 12, 2))


def test_multi_day_event_ends_the_day_after_its_last_day():
    event = Event(start_date=datetime.date(2021, 9, 13), end_date=datetime.date(2021, 9, 15))
    assert event_dates(event) == (datetime.date(2021, 9, 13), datetime.date(2021, 9, 16))


def test_calendar_honours_role_and_kind_like_the_list(client, demo):
    found = entries(parse_calendar(client.get("/en/events/calendar.ics?city=gavle&role=host&kind=study-visit")))
    assert set(found) == {"study-visit-gavle-2021-10-27"}


def test_calendar_is_in_the_language_of_its_address(client, demo):
    response = client.get("/et/events/calendar.ics?city=tartu")
    entry = entries(parse_calendar(response))["study-visit-gavle-2021-10-27"]
    assert str(entry["summary"]) == "Õppevisiit Gävlesse"
    assert str(entry["url"]) == "http://testserver/et/events/study-visit-gavle-2021-10-27/"


def test_unfiltered_calendar_holds_every_event(client, demo):
    response = client.get("/en/events/calendar.ics")
    assert response["Content-Disposition"] == 'inline; filename="better-events.ics"'
    assert len(entries(parse_calendar(response))) == Event.objects.count()


@pytest.mark.parametrize(
    ("query", "parameter", "reason"),
    [
        ("city=atlantis", "city", "atlantis"),
        ("role=host", "role", "Choose a city"),
        ("kind=party", "kind", "party"),
        ("phase=9", "phase", "9"),
        ("year=abc", "year", "number"),
        ("format=paper", "format", "paper"),
        ("when=soon", "when", "soon"),
    ],
)
def test_invalid_calendar_filter_answers_400_in_plain_text_with_the_reason(client, demo, query, parameter, reason):
    response = client.get(f"/en/events/calendar.ics?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert body.startswith(f"{parameter}: ")
    assert reason in body
    assert "BEGIN:VCALENDAR" not in body


def test_calendar_runs_the_same_number_of_queries_for_3_or_30_events(client):
    host = PartnerFactory(slug="ics-host")
    add_events(host, 3)
    with_three = count_queries(client, "/en/events/calendar.ics?city=ics-host")
    add_events(host, 27)
    assert count_queries(client, "/en/events/calendar.ics?city=ics-host") == with_three


def test_repeat_calendar_fetch_with_if_modified_since_gets_304(client, demo):
    first = client.get("/en/events/calendar.ics?city=tartu")
    again = client.get("/en/events/calendar.ics?city=tartu", headers={"if-modified-since": first["Last-Modified"]})
    assert again.status_code == 304


# --- JSON API ----------------------------------------------------------------------------------------------------

EVENT = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "slug",
        "url",
        "title",
        "kind",
        "kind_label",
        "theme",
        "start_date",
        "end_date",
        "date_precision",
        "display_date",
        "format",
        "location",
        "host",
        "visitors",
        "phase",
        "semester",
    ],
    "properties": {
        "slug": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
        "url": {"type": "string", "pattern": "^https?://"},
        "title": {"type": "string", "minLength": 1},
        "kind": {"enum": list(Event.Kind.values)},
        "kind_label": {"type": "string", "minLength": 1},
        "theme": {"type": "string"},
        # "2019-10" when only the month is known (issue 11: as the JSON-LD says it).
        "start_date": {"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"},
        "end_date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}(-\d{2})?$"},
        "date_precision": {"enum": ["day", "month"]},
        "display_date": {"type": "string", "minLength": 1},
        "format": {"enum": list(Event.Format.values)},
        "location": {"type": "string"},
        "host": PARTNER,
        "visitors": {"type": "array", "items": PARTNER},
        "phase": {"type": ["integer", "null"], "minimum": 1},
        "semester": {"type": ["integer", "null"], "minimum": 1},
    },
}
EVENT_LIST_SCHEMA = list_schema(EVENT)

ERROR_SCHEMA = {
    "type": "object",
    "required": ["errors"],
    "additionalProperties": False,
    "properties": {
        "errors": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        }
    },
}


def api(client, query=""):
    response = client.get(f"/api/events/{query}")
    assert response["Content-Type"] == "application/json"
    return response, response.json()


def test_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(EVENT_LIST_SCHEMA)
    jsonschema.Draft202012Validator.check_schema(ERROR_SCHEMA)


def test_api_answers_the_documented_schema(client, demo):
    response, data = api(client)
    assert response.status_code == 200
    jsonschema.validate(data, EVENT_LIST_SCHEMA)
    assert data["count"] == len(data["results"]) == Event.objects.count()
    assert data["language"] == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_api_lang_gives_titles_and_links_in_that_language(client, demo, language):
    response, data = api(client, f"?city=gavle&lang={language}")
    assert response.status_code == 200
    jsonschema.validate(data, EVENT_LIST_SCHEMA)
    assert data["language"] == language
    visit = next(item for item in data["results"] if item["slug"] == "study-visit-gavle-2021-10-27")
    assert visit["url"] == f"http://testserver/{language}/events/study-visit-gavle-2021-10-27/"
    expected = {"et": "Õppevisiit Gävlesse", "hu": "Tanulmányút Gävlébe"}.get(language, "Study visit to Gävle")
    assert visit["title"] == expected


def test_api_filters_like_the_page(client, demo):
    _response, data = api(client, "?city=gavle&role=host")
    assert {item["slug"] for item in data["results"]} == set(
        involving("gavle", role="host").values_list("slug", flat=True)
    )
    visit = next(item for item in data["results"] if item["slug"] == "study-visit-gavle-2021-10-27")
    assert visit["host"] == {"slug": "gavle", "city": "Gävle", "country": "SE"}
    assert [partner["slug"] for partner in visit["visitors"]] == ["genoa", "birmingham", "tartu", "nyiregyhaza"]
    assert visit["date_precision"] == "day"
    thematic = next(item for item in data["results"] if item["slug"] == "thematic-event-gavle-2019-10")
    assert thematic["date_precision"] == "month"
    assert thematic["start_date"] == "2019-10"  # issue 11: reduced precision, as in the JSON-LD
    assert thematic["display_date"] == "October 2019"
    assert thematic["phase"] == 1


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?city=atlantis", "city"),
        ("?role=chief&city=gavle", "role"),
        ("?role=host", "role"),
        ("?kind=party", "kind"),
        ("?phase=9", "phase"),
        ("?phase=x", "phase"),
        ("?year=abc", "year"),
        ("?year=20211", "year"),
        ("?format=paper", "format"),
        ("?when=soon", "when"),
        ("?lang=de", "lang"),
        ("?lang=", "lang"),
    ],
)
def test_api_bad_filter_or_lang_answers_400_with_errors(client, demo, query, parameter):
    response, data = api(client, query)
    assert response.status_code == 400
    jsonschema.validate(data, ERROR_SCHEMA)
    assert parameter in data["errors"]


def test_api_unknown_city_error_names_the_value(client, demo):
    _response, data = api(client, "?city=atlantis")
    assert "atlantis" in data["errors"]["city"][0]


def test_api_runs_the_same_number_of_queries_for_3_or_30_events(client):
    host = PartnerFactory(slug="api-host")
    add_events(host, 3)
    with_three = count_queries(client, "/api/events/?city=api-host&lang=et")
    add_events(host, 27)
    assert count_queries(client, "/api/events/?city=api-host&lang=et") == with_three


def test_repeat_api_fetch_with_if_modified_since_gets_304(client, demo):
    first = client.get("/api/events/?city=tartu")
    again = client.get("/api/events/?city=tartu", headers={"if-modified-since": first["Last-Modified"]})
    assert again.status_code == 304


def test_api_answers_a_page_at_a_time_with_links_to_the_next_and_previous(client, monkeypatch):
    monkeypatch.setattr(FilteredListApi, "page_size", 2)
    host = PartnerFactory(slug="paged-host")
    for day in range(5):
        EventFactory(host=host, slug=f"paged-{day}", start_date=datetime.date(2021, 3, 1 + day))

    _response, first = api(client, "?city=paged-host&lang=et")
    _response, last = api(client, "?city=paged-host&lang=et&page=3")

    jsonschema.validate(first, EVENT_LIST_SCHEMA)
    assert (first["count"], first["page"], first["pages"]) == (5, 1, 3)
    assert [event["slug"] for event in first["results"]] == ["paged-0", "paged-1"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/events/?city=paged-host&lang=et&page=2"
    assert [event["slug"] for event in last["results"]] == ["paged-4"]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/events/?city=paged-host&lang=et&page=2"


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("0", "The page number must be a whole number from 1 upwards."),
        ("two", "The page number must be a whole number from 1 upwards."),
        ("-1", "The page number must be a whole number from 1 upwards."),
        ("99", "There is no page 99: these results fill 1 page(s)."),
    ],
)
def test_api_bad_page_answers_400_with_the_reason(client, demo, page, reason):
    response, data = api(client, f"?page={page}")

    assert response.status_code == 400
    jsonschema.validate(data, ERROR_SCHEMA)
    assert data["errors"] == {"page": [reason]}


def test_calendar_holds_the_latest_events_up_to_its_size_in_date_order(client, monkeypatch):
    monkeypatch.setattr(event_views, "CALENDAR_SIZE", 3)
    host = PartnerFactory(slug="many-host")
    for day in range(5):
        EventFactory(host=host, title_en=f"Meeting {day}", start_date=datetime.date(2022, 5, 1 + day))

    calendar = parse_calendar(client.get("/en/events/calendar.ics?city=many-host"))

    assert [str(entry["summary"]) for entry in calendar.walk("VEVENT")] == ["Meeting 2", "Meeting 3", "Meeting 4"]

"""Every iCalendar file of the site checked against RFC 5545 (issue 11): the events calendar, filtered
and not, in every language, and each event's own /<lang>/events/<slug>/event.ics."""

import datetime
import re

import icalendar
import pytest
from django.test import override_settings

from events.factories import EventFactory
from events.models import Event
from projects.factories import PartnerFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
TARTU_THEMATIC = "thematic-event-tartu-2020-01"
GAVLE_STUDY_VISIT = "study-visit-gavle-2021-10-27"
# RFC 5545 3.1: a content line is at most 75 octets, without its CRLF.
MAX_OCTETS = 75


@pytest.fixture
def demo(demo_for_module, db):
    """Here the demo content is loaded once for the whole module (tests/conftest.py)."""


def fetch(client, path):
    # Past the page cache: each fetch is rendered again, so stable bytes are the view's, not the cache's.
    with override_settings(PUBLIC_PAGE_CACHE=False):
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def content_lines(body):
    """The unfolded content lines; fails on a line that is not CRLF-ended, too long or split inside a character."""
    assert body.endswith(b"\r\n")
    physical = body[:-2].split(b"\r\n")
    for line in physical:
        assert b"\n" not in line and b"\r" not in line, f"bare line break in {line!r}"
        assert len(line) <= MAX_OCTETS, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")  # folding never splits a UTF-8 sequence
    unfolded = []
    for line in physical:
        if line.startswith((b" ", b"\t")):
            assert unfolded, "a continuation line starts the file"
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    return [line.decode("utf-8") for line in unfolded]


def components(lines):
    """[(name, {property: [lines]})] of the VCALENDAR and each VEVENT, in order."""
    found, stack = [], []
    for line in lines:
        name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
        if name == "BEGIN":
            stack.append((line.split(":", 1)[1], {}))
        elif name == "END":
            component, properties = stack.pop()
            assert line.split(":", 1)[1] == component
            found.append((component, properties))
        else:
            assert stack, f"property outside a component: {line}"
            stack[-1][1].setdefault(name, []).append(line)
    assert not stack
    return found


def check_strictly(body):
    """The RFC 5545 rules every calendar of the site must keep; returns the parsed calendar."""
    found = components(content_lines(body))
    calendars = [properties for name, properties in found if name == "VCALENDAR"]
    events = [properties for name, properties in found if name == "VEVENT"]
    assert len(calendars) == 1 and body.startswith(b"BEGIN:VCALENDAR\r\n")
    (calendar,) = calendars
    for required in ("PRODID", "VERSION"):
        assert len(calendar.get(required, [])) == 1, required
    assert calendar["VERSION"] == ["VERSION:2.0"]
    # RFC 7986 NAME and the older X-WR-CALNAME say the same.
    assert calendar["NAME"][0].split(":", 1)[1] == calendar["X-WR-CALNAME"][0].split(":", 1)[1]
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert len(event.get(required, [])) == 1, f"{required} in {event}"
        # DTSTAMP is a UTC date-time (RFC 5545 3.8.7.2).
        assert re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", event["DTSTAMP"][0])
        # All-day: both ends are DATE values, the end after the start.
        start = re.fullmatch(r"DTSTART;VALUE=DATE:(\d{8})", event["DTSTART"][0]).group(1)
        end = re.fullmatch(r"DTEND;VALUE=DATE:(\d{8})", event["DTEND"][0]).group(1)
        assert end > start
    uids = [event["UID"][0] for event in events]
    assert len(uids) == len(set(uids))
    return icalendar.Calendar.from_ical(body)


def calendar_addresses():
    addresses = [f"/{language}/events/calendar.ics" for language in LANGUAGES]
    addresses += [f"/en/events/calendar.ics?city={slug}" for slug in ("genoa", "gavle", "birmingham", "tartu")]
    addresses += ["/hu/events/calendar.ics?city=nyiregyhaza&role=visitor", "/et/events/calendar.ics?kind=study-visit"]
    return addresses


def test_every_calendar_keeps_the_rules_and_holds_its_events(client, demo):
    for address in calendar_addresses():
        calendar = check_strictly(fetch(client, address))
        assert calendar.walk("VEVENT"), address


def test_every_events_own_calendar_keeps_the_rules_and_holds_that_event_only(client, demo):
    for event in Event.objects.all():
        for language in ("en", "hu"):
            calendar = check_strictly(fetch(client, f"/{language}/events/{event.slug}/event.ics"))
            (entry,) = calendar.walk("VEVENT")
            assert str(entry["url"]) == f"http://testserver/{language}/events/{event.slug}/"
            assert str(entry["uid"]) == f"event-{event.pk}@better.interreg"


def test_calendar_fetched_twice_is_the_same_bytes_with_each_events_last_change_as_dtstamp(client, demo):
    first = fetch(client, "/en/events/calendar.ics?city=tartu")
    assert fetch(client, "/en/events/calendar.ics?city=tartu") == first

    stamps = {
        str(entry["uid"]): entry.decoded("dtstamp") for entry in icalendar.Calendar.from_ical(first).walk("VEVENT")
    }
    for event in Event.objects.filter(pk__in=[int(uid.split("-")[1].split("@")[0]) for uid in stamps]):
        expected = event.updated_at.astimezone(datetime.UTC).replace(microsecond=0)
        assert stamps[f"event-{event.pk}@better.interreg"] == expected


def test_long_title_with_accents_is_folded_within_75_octets(client):
    title = "Nyíregyháza és Gävle közös tematikus rendezvénye az e-közigazgatás jó gyakorlatairól " * 2
    EventFactory(slug="long-folded", title_en=title.strip(), theme_en="Ő" * 120)
    body = fetch(client, "/en/events/long-folded/event.ics")

    entry = check_strictly(body).walk("VEVENT")[0]
    assert str(entry["summary"]) == title.strip()
    assert str(entry["description"]).startswith("Ő" * 120)


def test_month_event_is_on_the_first_with_its_month_in_the_summary_in_every_language(client, demo):
    expected = {
        "en": "(January 2020, exact day not known)",
        "et": "(jaanuar 2020, täpne päev pole teada)",
        "hu": "(2020. január, a pontos nap nem ismert)",
        "it": "(Gennaio 2020, giorno esatto non noto)",
        "sv": "(januari 2020, exakt dag okänd)",
    }
    for language, ending in expected.items():
        calendar = check_strictly(fetch(client, f"/{language}/events/{TARTU_THEMATIC}/event.ics"))
        (entry,) = calendar.walk("VEVENT")
        assert str(entry["summary"]).endswith(ending), (language, str(entry["summary"]))
        assert (entry.decoded("dtstart"), entry.decoded("dtend")) == (
            datetime.date(2020, 1, 1),
            datetime.date(2020, 1, 2),
        )
        assert str(entry["transp"]) == "TRANSPARENT"
        assert str(entry["x-better-date-precision"]) == "month"


def test_day_event_is_opaque_and_carries_no_precision_property(client, demo):
    (entry,) = check_strictly(fetch(client, f"/en/events/{GAVLE_STUDY_VISIT}/event.ics")).walk("VEVENT")
    assert "transp" not in entry
    assert "x-better-date-precision" not in entry
    assert str(entry["summary"]) == "Study visit to Gävle"


def test_month_event_with_an_end_month_says_it_in_the_description(client):
    EventFactory(
        slug="spring-series",
        title_en="Spring series",
        date_precision=Event.Precision.MONTH,
        start_date=datetime.date(2020, 3, 1),
        end_date=datetime.date(2020, 5, 1),
    )
    (entry,) = check_strictly(fetch(client, "/en/events/spring-series/event.ics")).walk("VEVENT")
    assert "Only the month of this event is known: March 2020." in str(entry["description"])
    assert "It runs until May 2020." in str(entry["description"])
    # Still one placeholder day, not a block across three months.
    assert entry.decoded("dtend") == datetime.date(2020, 3, 2)


def test_filtered_calendar_is_named_after_its_filter(client, demo):
    def name(address):
        calendar = check_strictly(fetch(client, address))
        return str(calendar["name"]), str(calendar["x-wr-calname"])

    assert name("/en/events/calendar.ics") == ("BETTER events", "BETTER events")
    assert name("/en/events/calendar.ics?city=tartu&kind=study-visit") == (
        "BETTER events: Tartu, Study visit",
        "BETTER events: Tartu, Study visit",
    )
    assert name("/en/events/calendar.ics?city=gavle&role=host&when=past")[0] == "BETTER events: Gävle (host), past"
    assert name(f"/en/events/{GAVLE_STUDY_VISIT}/event.ics")[0] == "BETTER events: Study visit to Gävle"


def test_event_calendar_of_an_unknown_event_answers_404(client, demo):
    assert client.get("/en/events/no-such-event/event.ics").status_code == 404


def test_event_calendar_is_a_named_file(client):
    EventFactory(slug="named-file", host=PartnerFactory())
    response = client.get("/en/events/named-file/event.ics")
    assert response["Content-Disposition"] == 'inline; filename="named-file.ics"'


@pytest.mark.parametrize(
    "query",
    ["city=tartu&city=genoa", "kind=study-visit&kind=conference", "city=tartu&city=tartu", "when=past&when=upcoming"],
)
def test_calendar_with_a_repeated_parameter_answers_400_naming_it(client, demo, query):
    response = client.get(f"/en/events/calendar.ics?{query}")
    name = query.split("=", 1)[0]

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith(f"{name}: Give “{name}” once: it was given 2 times.")

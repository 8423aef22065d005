"""The about page (issue 3, item 4): the project, its mission, and the timeline of phases and semesters."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.factories import EventFactory
from events.models import Event
from projects import timeline as timeline_module
from projects import views as project_views
from projects.factories import PhaseFactory, ProjectFactory, SemesterFactory
from projects.models import Phase, Semester
from tests.helpers.html import parse
from tests.helpers.pages import count_queries, url, url_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
SVG = "{http://www.w3.org/2000/svg}"


def about(client, language="en"):
    response = client.get(url("projects:about", language))
    assert response.status_code == 200
    return response


def timeline_svg(response):
    """The timeline picture, parsed as the XML it must be."""
    found = re.search(
        r'<svg xmlns="http://www.w3.org/2000/svg" class="timeline__svg".*?</svg>', response.content.decode(), re.S
    )
    assert found, "no timeline picture"
    return ET.fromstring(found.group(0))  # noqa: S314 (the page under test, not untrusted input)


def markers(svg):
    return svg.findall(f".//{SVG}g[@class='timeline__event']")


def outline(path):
    """A marker's path moved to the origin: equal for equal shapes wherever they stand."""
    numbers = [float(number) for number in re.findall(r"-?[0-9.]+", path)]
    x0, y0 = numbers[0], numbers[1]
    if " a" in path:  # a circle: two arcs of the same radius
        return ("circle", numbers[2])
    # Whole units: each point was rounded on its own, so offsets may differ by a tenth.
    return tuple((round(x - x0), round(y - y0)) for x, y in zip(numbers[::2], numbers[1::2], strict=True))


def small_calendar():
    """Two phases of two semesters each, 2019-08 → 2021-07."""
    one = PhaseFactory(
        number=1, name_en="Learning", start_month=datetime.date(2019, 8, 1), end_month=datetime.date(2020, 7, 1)
    )
    two = PhaseFactory(
        number=2, name_en="Implementation", start_month=datetime.date(2020, 8, 1), end_month=datetime.date(2021, 7, 1)
    )
    SemesterFactory(phase=one, number=1, start_month=datetime.date(2019, 8, 1), end_month=datetime.date(2020, 1, 1))
    SemesterFactory(phase=one, number=2, start_month=datetime.date(2020, 2, 1), end_month=datetime.date(2020, 7, 1))
    SemesterFactory(phase=two, number=3, start_month=datetime.date(2020, 8, 1), end_month=datetime.date(2021, 1, 1))
    SemesterFactory(phase=two, number=4, start_month=datetime.date(2021, 2, 1), end_month=datetime.date(2021, 7, 1))
    return one, two


# --- every language -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_about_page_in_each_language_answers_200_with_a_well_formed_timeline(client, language, demo):
    response = about(client, language)
    assert parse(response).find("html").attrs["lang"] == language
    assert response["Content-Language"] == language
    # Coordinates are never localised ("12,5" in Hungarian would break the picture).
    svg = timeline_svg(response)
    assert len(markers(svg)) == Event.objects.count()
    assert re.fullmatch(r"0 0 [0-9.]+ [0-9.]+", svg.attrib["viewBox"])


def test_about_page_without_any_data_still_answers_200(client):
    section = parse(about(client)).find("section", cls="timeline")
    assert "phases have not been entered yet" in section.text()


# --- the project --------------------------------------------------------------------------------------------------


def test_about_page_shows_the_project_in_the_page_language_with_links(client, demo):
    document = parse(about(client, "et"))
    main = document.find("main")
    assert "Interreg Europe" in main.text()
    assert "viie linna omavalitsused" in document.find("p", cls="hero__summary").text()
    assert "Projekti eesmärk" in document.find("section", cls="mission").text()
    hrefs = {href for href, _text in main.links()}
    assert {
        "https://www.interregeurope.eu/better/",
        "https://www.tartu.ee/et/projekt-better",
        "https://www.facebook.com/Interreg-Europe-Better-102726124444893",
        "https://twitter.com/InterregB",
    } <= hrefs


def test_project_text_missing_in_the_page_language_falls_back_to_english_marked_lang_en(client):
    ProjectFactory(summary_en="Five cities, one cooperation.", mission_en="Better e-government.")
    document = parse(about(client, "sv"))
    summary = document.find("p", cls="hero__summary")
    assert summary.text() == "Five cities, one cooperation."
    assert summary.attrs["lang"] == "en"
    mission = document.find("section", cls="mission").find("p")
    assert mission.attrs["lang"] == "en"


# --- the timeline with the demo content ---------------------------------------------------------------------------


def test_timeline_text_shows_both_phases_and_eight_semesters(client, demo):
    document = parse(about(client))
    phases = document.find_all("li", cls="phase-list__phase")
    assert [phase.find("h3").text() for phase in phases] == [
        "Phase 1: International learning",
        "Phase 2: Implementation",
    ]
    semesters = [semester.find("h4").text() for semester in document.find_all("li", cls="semester-list__semester")]
    assert len(semesters) == 8
    assert semesters[0].startswith("Semester 1") and "August 2019 – January 2020" in semesters[0]
    assert semesters[7].startswith("Semester 8") and "February 2023 – July 2023" in semesters[7]
    assert len(phases[0].find_all("li", cls="semester-list__semester")) == 6


def test_timeline_picture_has_a_band_per_phase_and_semester_and_a_marker_per_event(client, demo):
    svg = timeline_svg(about(client))
    phase_labels = [text.text for text in svg.findall(f"{SVG}g[@class='timeline__phases']/{SVG}text")]
    semester_labels = [text.text for text in svg.findall(f"{SVG}g[@class='timeline__semesters']/{SVG}text")]
    assert phase_labels == ["Phase 1: International learning", "Phase 2: Implementation"]
    assert semester_labels == [f"Semester {number}" for number in range(1, 9)]
    placed = [marker.attrib["data-event"] for marker in markers(svg)]
    assert sorted(placed) == sorted(Event.objects.values_list("slug", flat=True))
    assert len(placed) == len(set(placed)) == 12


def test_timeline_picture_is_an_accessible_image_with_title_and_description(client, demo):
    response = about(client)
    svg = timeline_svg(response)
    assert svg.attrib["role"] == "img"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert svg.attrib["aria-labelledby"] == f"{title.attrib['id']} {desc.attrib['id']}"
    assert "Events: 12" in desc.text and "Semesters: 8" in desc.text
    # Its scroll box can be reached by keyboard, and the text equivalent follows it.
    scroll = parse(response).find("div", cls="timeline__scroll")
    assert scroll.attrs["tabindex"] == "0"
    assert scroll.attrs["aria-label"]


def test_timeline_places_month_events_across_their_month_and_day_events_as_points(client, demo):
    svg = timeline_svg(about(client))
    by_slug = {marker.attrib["data-event"]: marker for marker in markers(svg)}
    month_event = by_slug["thematic-event-gavle-2019-10"]
    bar = month_event.find(f"{SVG}rect")
    width = float(bar.attrib["width"])
    assert width == pytest.approx(timeline_module.MONTH_WIDTH - 2 * timeline_module.BAR_INSET)
    # October 2019 is the third month of an axis that starts in August 2019.
    start = timeline_module.MARGIN_X + 2 * timeline_module.MONTH_WIDTH
    assert start <= float(bar.attrib["x"]) < start + timeline_module.MONTH_WIDTH
    day_event = by_slug["study-visit-gavle-2021-10-27"]
    assert day_event.find(f"{SVG}rect") is None
    assert day_event.find(f"{SVG}path") is not None
    assert "Oct. 27, 2021" in day_event.find(f"{SVG}title").text


def test_each_kind_has_its_own_shape_and_an_entry_in_the_key(client, demo):
    response = about(client)
    svg = timeline_svg(response)
    shapes = {}
    for marker in markers(svg):
        shapes.setdefault(marker.attrib["data-kind"], set()).add(outline(marker.find(f"{SVG}path").attrib["d"]))
    assert all(len(found) == 1 for found in shapes.values())
    assert len({next(iter(found)) for found in shapes.values()}) == len(shapes) == 3
    key = parse(response).find("div", cls="timeline-legend").text()
    for label in ("Thematic event (4)", "Study visit (3)", "Import workshop (5)", "only the month is known"):
        assert label in key


def test_timeline_text_lists_each_event_under_its_semester_with_date_and_link(client, demo):
    document = parse(about(client))
    semesters = document.find_all("li", cls="semester-list__semester")
    first = semesters[0]
    visit = Event.objects.get(slug="study-visit-genoa-2021-07-17")
    fourth = semesters[3]
    assert (url_of(visit, "en"), visit.title_en) in fourth.links()
    assert "July 17, 2021" in fourth.text()
    assert "October 2019" in first.text() and "January 2020" in first.text()
    thematic = Event.objects.get(slug="thematic-event-gavle-2019-10")
    assert (url_of(thematic, "en"), thematic.title_en) in first.links()
    assert "No events in this semester." in semesters[7].text()
    listed = [href for semester in semesters for href, _text in semester.links() if "/events/" in (href or "")]
    assert sorted(listed) == sorted(url_of(event, "en") for event in Event.objects.all())


# --- timelines built from other data ------------------------------------------------------------------------------


def test_event_outside_the_phases_still_gets_a_marker_and_a_place_in_the_text(client):
    small_calendar()
    EventFactory(slug="after-the-project", title_en="After the project", start_date=datetime.date(2022, 3, 5))
    response = about(client)
    assert [marker.attrib["data-event"] for marker in markers(timeline_svg(response))] == ["after-the-project"]
    assert "Events outside the project" in response.content.decode()


def test_overlapping_events_go_to_separate_lanes():
    one, _two = small_calendar()
    events = [
        EventFactory(kind=Event.Kind.IMPORT_WORKSHOP, date_precision="month", start_date=datetime.date(2020, 4, 1)),
        EventFactory(kind=Event.Kind.IMPORT_WORKSHOP, date_precision="month", start_date=datetime.date(2020, 4, 1)),
        EventFactory(kind=Event.Kind.STUDY_VISIT, start_date=datetime.date(2020, 4, 14)),
        EventFactory(kind=Event.Kind.STUDY_VISIT, start_date=datetime.date(2020, 9, 14)),
    ]
    built = timeline_module.build_timeline(phases=Phase.objects.all(), semesters=Semester.objects.all(), events=events)
    lanes = [marker.lane for marker in built.markers]
    assert sorted(lanes[:3]) == [0, 1, 2]
    assert lanes[3] == 0
    assert built.height > timeline_module.LANES_Y + 3 * timeline_module.LANE_HEIGHT
    # A day is placed within its month, in proportion.
    september = timeline_module.MARGIN_X + 13 * timeline_module.MONTH_WIDTH
    assert built.markers[3].x == pytest.approx(september + 13.5 / 30 * timeline_module.MONTH_WIDTH, abs=0.1)


def test_about_page_runs_the_same_queries_for_3_or_30_events(client):
    small_calendar()
    ProjectFactory()
    for day in range(3):
        EventFactory(start_date=datetime.date(2020, 3, 1 + day))
    few = count_queries(client, url("projects:about", "en"))
    for day in range(27):
        EventFactory(start_date=datetime.date(2020, 9, 1) + datetime.timedelta(days=day * 9))
    many = count_queries(client, url("projects:about", "en"))
    assert many == few
    assert len(markers(timeline_svg(about(client)))) == 30


def test_repeat_visit_with_the_etag_gets_304_until_the_data_changes(client, demo):
    first = about(client)
    assert client.get(url("projects:about", "en"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    EventFactory(start_date=datetime.date(2022, 10, 4), host=Event.objects.first().host)
    assert client.get(url("projects:about", "en"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_large_project_draws_its_first_notable_events_per_semester_and_counts_all(client, demo, monkeypatch):
    monkeypatch.setattr(project_views, "TIMELINE_EVENT_LIMIT", 5)
    monkeypatch.setattr(project_views, "TIMELINE_NOTABLE_PER_SEMESTER", 1)
    semester = Semester.objects.order_by("number").first()
    host = Event.objects.first().host
    for day in range(4):
        EventFactory(
            kind=Event.Kind.STUDY_VISIT, start_date=semester.start_month + datetime.timedelta(days=day), host=host
        )
        EventFactory(
            kind=Event.Kind.THEMATIC_EVENT, start_date=semester.start_month + datetime.timedelta(days=day), host=host
        )

    response = about(client)

    drawn = Event.objects.filter(slug__in=[marker.attrib["data-event"] for marker in markers(timeline_svg(response))])
    assert drawn.exists() and all(event.kind in project_views.TIMELINE_NOTABLE_KINDS for event in drawn)
    # At most one per semester (and one outside them).
    per_semester = [event.semester_id for event in drawn]
    assert len(per_semester) == len(set(per_semester))
    page = response.content.decode()
    first_count = Event.objects.filter(semester=semester).count()
    assert f"{first_count} events in this semester: see the events of this phase" in page
    assert f'href="/en/events/?phase={semester.phase.number}"' in page
    legend_total = Event.objects.filter(kind=Event.Kind.THEMATIC_EVENT).count()
    assert f"Thematic event ({legend_total})" in page


def test_timeline_kept_in_the_cache_shows_a_new_event_at_once(client, settings):
    settings.PUBLIC_PAGE_CACHE = False  # the page itself is rendered each time: its timeline is kept
    small_calendar()
    EventFactory(slug="kick-off", title_en="Kick-off", start_date=datetime.date(2020, 3, 5))
    first = about(client).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = about(client).content.decode()
    assert again == first
    assert queries.captured_queries == []

    EventFactory(slug="after-the-project", title_en="After the project", start_date=datetime.date(2022, 3, 5))

    response = about(client)
    assert [marker.attrib["data-event"] for marker in markers(timeline_svg(response))] == [
        "kick-off",
        "after-the-project",
    ]

"""The event page's "Add to calendar" link in a real browser (issue 11): it downloads that event as an
iCalendar file a calendar program can import."""

import icalendar
import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TARTU_THEMATIC = "thematic-event-tartu-2020-01"


def test_add_to_calendar_downloads_the_event_as_icalendar(demo_site, page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site.url}/et/events/{TARTU_THEMATIC}/")
    link = page.get_by_role("link", name="Lisa kalendrisse")
    expect(link).to_be_visible()
    screenshot(page, "event-add-to-calendar-et")

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value

    assert download.suggested_filename == f"{TARTU_THEMATIC}.ics"
    with open(download.path(), "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]).endswith("(jaanuar 2020, täpne päev pole teada)")
    assert str(entry["url"]) == f"{demo_site.url}/et/events/{TARTU_THEMATIC}/"

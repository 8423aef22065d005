"""The public site in a real browser (issue 3): filtering events with the form, switching the language
of a release, and what a visitor sees when a filter address is wrong."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 800}

# What Gävle hosted and what it visited (demo content, from the project's releases), with the date
# each one's <time> element carries: the thematic event is known to the month only.
GAVLE_EVENTS = {
    "thematic-event-gavle-2019-10": "2019-10",  # hosted
    "study-visit-gavle-2021-10-27": "2021-10-27",  # hosted
    "study-visit-genoa-2021-07-17": "2021-07-17",  # visited
    "study-visit-nyiregyhaza-2021-09-13": "2021-09-13",  # visited
    "thematic-event-tartu-2020-01": "2020-01",  # visited: every city attended every thematic event
}
# An import workshop between Genoa and Nyíregyháza: Gävle neither hosted nor visited it.
NOT_GAVLE = "demo-import-workshop-lego-studio-genoa-2022-06"
EVENT_PATH = re.compile(r"/[a-z]{2}/events/([-\w]+)/")


def both_widths(page, screenshot, name):
    """Screenshots at desktop and phone width, then back to desktop."""
    screenshot(page, f"{name}-1280")
    page.set_viewport_size(PHONE)
    screenshot(page, f"{name}-360")
    page.set_viewport_size(DESKTOP)


def listed_event_slugs(page):
    """The events the page links to from its main content (/<lang>/events/<slug>/)."""
    paths = page.locator("main a[href]").evaluate_all("links => links.map(a => a.pathname)")
    return {match.group(1) for path in paths if (match := EVENT_PATH.fullmatch(path))}


def test_city_chosen_in_events_form_lists_gavles_hosted_and_visited_events(demo_site, page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site.url}/en/events/")
    assert NOT_GAVLE in listed_event_slugs(page)

    page.get_by_label("City", exact=True).select_option(label="Gävle")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/en/events/?*")

    # A shareable address: the filter is in the query string.
    assert parse_qs(urlsplit(page.url).query)["city"] == ["gavle"]
    expect(page.get_by_label("City", exact=True)).to_have_value("gavle")
    slugs = listed_event_slugs(page)
    assert set(GAVLE_EVENTS) <= slugs
    assert NOT_GAVLE not in slugs
    summaries = {
        slug: page.locator("main article", has=page.locator(f'a[href$="/events/{slug}/"]')) for slug in GAVLE_EVENTS
    }
    for slug, date in GAVLE_EVENTS.items():
        expect(summaries[slug].locator(f'time[datetime="{date}"]')).to_be_visible()
    # A date known to the month is shown as such, not as "1 October 2019".
    expect(summaries["thematic-event-gavle-2019-10"].locator("time")).to_have_text("October 2019")
    expect(page.locator("main")).to_contain_text(f"{len(slugs)} events")
    both_widths(page, screenshot, "flow-events-city-gavle")


def test_language_switcher_on_release_shows_hungarian_then_english_fallback_in_italian(demo_site, page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site.url}/en/news/better-closes-phase-i/")
    expect(page.locator("h1")).to_have_text("BETTER closes Phase I")
    switcher = page.get_by_role("navigation", name="Language")

    switcher.get_by_role("link", name="Magyar").click()

    page.wait_for_url("**/hu/news/better-closes-phase-i/")
    expect(page.locator("html")).to_have_attribute("lang", "hu")
    expect(page.locator("h1")).to_have_text("A BETTER lezárja az I. szakaszt")
    # A full translation: no notice, and the text is in the page's language.
    expect(page.locator("article.release .notice")).to_have_count(0)
    expect(page.locator("article.release .prose")).not_to_have_attribute("lang", "en")
    both_widths(page, screenshot, "flow-release-hu")

    # The switcher names each language in that language.
    page.locator("nav.language-switcher").get_by_role("link", name="Italiano").click()

    page.wait_for_url("**/it/news/better-closes-phase-i/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    notice = page.locator("article.release .notice")
    expect(notice).to_be_visible()
    # The English text is marked as English, for screen readers and translation tools.
    expect(page.locator("article.release h1")).to_have_attribute("lang", "en")
    expect(page.locator("article.release h1")).to_have_text("BETTER closes Phase I")
    expect(page.locator("article.release .release__lead")).to_have_attribute("lang", "en")
    expect(page.locator("article.release .prose")).to_have_attribute("lang", "en")
    both_widths(page, screenshot, "flow-release-it-fallback")


def test_unknown_city_in_events_address_shows_reason_with_status_400(demo_site, page, screenshot):
    page.set_viewport_size(DESKTOP)

    response = page.goto(f"{demo_site.url}/en/events/?city=atlantis")

    assert response.status == 400
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("atlantis")
    # The error is also next to the field, which is marked invalid for assistive technology.
    city = page.get_by_label("City", exact=True)
    expect(city).to_have_attribute("aria-invalid", "true")
    described_by = ", ".join(f"#{element_id}" for element_id in city.get_attribute("aria-describedby").split())
    expect(page.locator(described_by).filter(has_text="atlantis")).to_have_count(1)
    # Never the unfiltered list instead.
    assert listed_event_slugs(page) == set()
    # The summary's link takes the keyboard to the field to correct.
    summary.get_by_role("link").click()
    expect(city).to_be_focused()
    both_widths(page, screenshot, "flow-events-invalid-city")


def test_news_page_offers_its_feed_to_people_and_the_feed_lists_the_same_releases(demo_site, page, screenshot):
    # Issue 11: a visible feed link on the Italian news, and the feed behind it is not empty.
    page.goto(f"{demo_site.url}/it/news/")
    link = page.get_by_role("link", name="Abbonati alle notizie")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("type", "application/rss+xml")
    both_widths(page, screenshot, "news-feed-link-it")

    listed = page.locator("main .release-summary__title a").evaluate_all("links => links.map(a => a.href)")
    feed = page.request.get(link.evaluate("a => a.href")).text()
    items = re.findall(r"<item(?: xml:lang=\"\w+\")?><title>[^<]*</title><link>([^<]+)</link>", feed)
    assert listed and items[: len(listed)] == listed

"""The news feeds (issue 11): people find them on the news page and the home page, feed readers in the
<head> of every page, and a feed lists what the news page of its language lists."""

import datetime
import re

import feedparser
import pytest
from django.utils import timezone

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory
from projects.factories import PartnerFactory, PressReleaseFactory, ProjectFactory, SitePageFactory
from tests.helpers.html import parse
from tests.helpers.pages import url, url_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]


@pytest.fixture
def releases():
    """One release in English and Estonian, one in Hungarian only, one in English, Hungarian and Italian."""
    tartu = PartnerFactory(city_en="Tartu", slug="tartu")
    days = iter(range(30, 0, -10))

    def release(slug, **fields):
        published = timezone.now() - datetime.timedelta(days=next(days))
        return PressReleaseFactory(slug=slug, author=tartu, published_at=published, **fields)

    return [
        release("second-stage", title_et="BETTER astub teise etappi", body_et="Tekst."),
        release(
            "nyiregyhaza-hosts",
            original_language="hu",
            title_en="",
            lead_en="",
            body_en="",
            title_hu="Nyíregyháza vendégül látja a partnereket",
            body_hu="Szöveg.",
        ),
        release("phase-one", title_hu="Véget ér az első szakasz", body_hu="Szöveg.", title_it="Fine", body_it="Testo."),
    ]


@pytest.mark.parametrize("name", ["projects:release-list", "projects:home"])
def test_news_and_home_pages_show_links_to_the_feeds_of_their_language(client, releases, name):
    ProjectFactory()

    document = parse(client.get(url(name, "hu")))

    rss = document.find("a", type="application/rss+xml")
    assert rss.attrs["href"] == "/hu/news/feed/"
    assert rss.text() == "Feliratkozás a hírekre"
    assert rss.find("svg").attrs["aria-hidden"] == "true"  # the icon adds nothing to the words
    atom = document.find("a", type="application/atom+xml")
    assert (atom.attrs["href"], atom.text()) == ("/hu/news/atom/", "A hírek Atom-hírcsatornaként")


def test_every_page_names_the_feeds_of_its_language_for_feed_readers(client, releases):
    ProjectFactory()
    partner = releases[0].author
    pages = [
        url("projects:home", "sv"),
        url("projects:about", "sv"),
        url("projects:partner-list", "sv"),
        url_of(partner, "sv"),
        url("events:event-list", "sv"),
        url_of(EventFactory(host=partner), "sv"),
        url("practices:practice-list", "sv"),
        url_of(GoodPracticeFactory(owner=partner), "sv"),
        url_of(SitePageFactory(key="privacy"), "sv"),
        url("search", "sv"),
    ]
    for page in pages:
        document = parse(client.get(page))
        feeds = {
            link.attrs["type"]: link.attrs["href"]
            for link in document.find_all("link", rel="alternate")
            if "type" in link.attrs
        }
        assert feeds == {"application/rss+xml": "/sv/news/feed/", "application/atom+xml": "/sv/news/atom/"}, page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["projects:release-feed", "projects:release-atom"])
def test_feed_lists_what_the_news_page_lists_each_item_marked_with_its_language(client, releases, language, name):
    listed = [
        (link.attrs["href"], link.text(), link.attrs.get("lang"))
        for link in parse(client.get(url("projects:release-list", language))).find_all("a", cls=None)
        if re.fullmatch(rf"/{language}/news/[\w-]+/", link.attrs.get("href", "")) and link.parent.tag.startswith("h")
    ]
    assert len(listed) == 3

    response = client.get(url(name, language))
    feed = feedparser.parse(response.content)
    item_tag = "entry" if name == "projects:release-atom" else "item"
    marks = re.findall(rf"<{item_tag}(?: xml:lang=\"(\w+)\")?>", response.content.decode())
    items = [
        (entry.link.removeprefix("http://testserver"), entry.title, mark or None)
        for entry, mark in zip(feed.entries, marks, strict=True)
    ]
    assert items == listed

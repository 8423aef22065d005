"""News feeds (RSS 2.0, Atom) per language, read back with feedparser; NewsArticle JSON-LD on a release."""

import datetime
import json
from html.parser import HTMLParser
from io import BytesIO

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from PIL import Image

from projects.factories import PartnerFactory, PressReleaseFactory
from projects.feeds import FEED_SIZE
from projects.models import PressRelease
from projects.web.images import responsive_image
from tests.helpers.pages import url

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]


def read_feed(client, name, language):
    response = client.get(url(name, language))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.fixture
def releases():
    """The three BETTER releases, as published: only "BETTER closes Phase I" has a Hungarian version."""
    tartu = PartnerFactory(city_en="Tartu", city_hu="Tartu", slug="tartu", organisation="Tartu City Government")
    second_stage = PressReleaseFactory(
        slug="better-enters-its-second-stage",
        author=tartu,
        title_en="BETTER enters its second stage",
        title_et="BETTER astub teise etappi",
        body_et="Eestikeelne tekst.",
        published_at=timezone.now() - datetime.timedelta(days=600),
    )
    adopt = PressReleaseFactory(
        slug="better-is-to-adopt-good-practices",
        author=tartu,
        title_en="BETTER is to adopt good practices",
        title_et="BETTER hakkab häid praktikaid üle võtma",
        body_et="Eestikeelne tekst.",
        published_at=timezone.now() - datetime.timedelta(days=300),
    )
    phase_one = PressReleaseFactory(
        slug="better-closes-phase-i",
        author=tartu,
        title_en="BETTER closes Phase I",
        title_et="BETTER lõpetab I etapi",
        title_hu="A BETTER lezárja az I. szakaszt",
        lead_en="After three years each city has its Regional Action Plan.",
        lead_hu="Három év után minden városnak megvan a regionális cselekvési terve.",
        body_et="Eestikeelne tekst.",
        body_hu="Magyar szöveg.",
        published_at=timezone.now() - datetime.timedelta(days=10),
    )
    PressReleaseFactory(slug="draft", title_en="Draft release", title_hu="Piszkozat", body_hu="Szöveg.", status="draft")
    PressReleaseFactory(
        slug="scheduled",
        title_en="Scheduled release",
        title_hu="Időzített közlemény",
        body_hu="Szöveg.",
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    return {"second_stage": second_stage, "adopt": adopt, "phase_one": phase_one}


# --- RSS 2.0 ----------------------------------------------------------------------------------------------------


def test_hungarian_rss_lists_what_the_hungarian_news_page_lists(client, releases):
    # Issue 11 reverses "only the releases written in Hungarian": the feed lists what /hu/news/ lists.
    response, feed = read_feed(client, "projects:release-feed", "hu")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.language == "hu"
    assert [entry.title for entry in feed.entries] == [
        "A BETTER lezárja az I. szakaszt",
        "BETTER is to adopt good practices",
        "BETTER enters its second stage",
    ]
    entry = feed.entries[0]
    assert entry.link == "http://testserver/hu/news/better-closes-phase-i/"
    assert entry.id == entry.link
    assert entry.summary == "Három év után minden városnak megvan a regionális cselekvési terve."
    assert entry.author == "Tartu"
    assert entry.published_parsed[:3] == releases["phase_one"].published_at.utctimetuple()[:3]
    assert feed.feed.link == "http://testserver/hu/news/"


def test_english_rss_lists_every_published_release_newest_first(client, releases):
    _response, feed = read_feed(client, "projects:release-feed", "en")

    assert [entry.title for entry in feed.entries] == [
        "BETTER closes Phase I",
        "BETTER is to adopt good practices",
        "BETTER enters its second stage",
    ]
    assert all(entry.link.startswith("http://testserver/en/news/") for entry in feed.entries)


def test_feed_of_a_language_without_releases_lists_the_english_ones_marked(client, releases):
    # Issue 11 reverses "empty": /it/news/ lists the three releases in English, and so does its feed.
    response, feed = read_feed(client, "projects:release-feed", "it")

    assert feed.feed.language == "it"
    assert [entry.title for entry in feed.entries] == [
        "BETTER closes Phase I",
        "BETTER is to adopt good practices",
        "BETTER enters its second stage",
    ]
    assert response.content.decode().count('<item xml:lang="en">') == 3
    assert all("Non disponibile in italiano: mostrato in inglese" in entry.summary for entry in feed.entries)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["projects:release-feed", "projects:release-atom"])
def test_drafts_and_scheduled_releases_never_appear_in_a_feed(client, releases, language, name):
    response, feed = read_feed(client, name, language)

    links = [entry.link for entry in feed.entries]
    assert not any("/draft/" in link or "/scheduled/" in link for link in links)
    assert b"Piszkozat" not in response.content
    assert b"Scheduled release" not in response.content


def test_release_without_lead_is_described_by_its_sanitised_body(client):
    PressReleaseFactory(
        title_en="Body only",
        lead_en="",
        body_en='Read **this**.\n\n<script>alert("x")</script><a href="javascript:x">y</a>',
    )

    response, feed = read_feed(client, "projects:release-feed", "en")

    description = feed.entries[0].summary
    assert "<strong>this</strong>" in description
    assert "<script" not in response.content.decode()
    assert "alert" not in description
    assert "javascript:" not in response.content.decode()


def test_feed_holds_at_most_the_newest_releases(client):
    author = PartnerFactory()
    for number in range(FEED_SIZE + 5):
        PressReleaseFactory(
            author=author, published_at=timezone.now() - datetime.timedelta(hours=number), title_en=f"Release {number}"
        )

    _response, feed = read_feed(client, "projects:release-feed", "en")

    assert len(feed.entries) == FEED_SIZE
    assert feed.entries[0].title == "Release 0"
    assert feed.entries[-1].title == f"Release {FEED_SIZE - 1}"


def test_feeds_run_a_constant_number_of_queries(client):
    def queries_for(size):
        PressRelease.objects.all().delete()
        for _number in range(size):
            PressReleaseFactory(title_hu="Cím", body_hu="Szöveg.")
        with CaptureQueriesContext(connection) as context:
            client.get(url("projects:release-feed", "hu"))
        return len(context.captured_queries)

    assert queries_for(3) == queries_for(30)


# --- Atom -------------------------------------------------------------------------------------------------------


def test_estonian_atom_feed_lists_the_estonian_releases(client, releases):
    response, feed = read_feed(client, "projects:release-atom", "et")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    assert feed.feed.language == "et"
    assert [entry.title for entry in feed.entries] == [
        "BETTER lõpetab I etapi",
        "BETTER hakkab häid praktikaid üle võtma",
        "BETTER astub teise etappi",
    ]
    entry = feed.entries[0]
    assert entry.link == "http://testserver/et/news/better-closes-phase-i/"
    assert entry.id == entry.link
    assert entry.author == "Tartu"
    assert entry.published_parsed is not None
    assert entry.updated_parsed is not None
    assert any(link.rel == "self" and link.href == "http://testserver/et/news/atom/" for link in feed.feed.links)


# --- discovery --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "hu"])
def test_news_pages_point_feed_readers_to_the_feeds_of_their_language(client, releases, language):
    pages = [
        url("projects:release-list", language),
        url("projects:release-detail", language, slug="better-closes-phase-i"),
    ]
    for page in pages:
        html = client.get(page).content.decode()
        assert f'<link rel="alternate" type="application/rss+xml" href="/{language}/news/feed/"' in html
        assert f'<link rel="alternate" type="application/atom+xml" href="/{language}/news/atom/"' in html


# --- NewsArticle JSON-LD ----------------------------------------------------------------------------------------


class _JsonLdReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.blocks = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self.inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.blocks[-1] += data


def json_ld(response):
    reader = _JsonLdReader()
    reader.feed(response.content.decode())
    return [json.loads(block) for block in reader.blocks]


def test_release_page_describes_itself_as_a_news_article_in_the_page_language(client, releases):
    release = releases["phase_one"]
    with translation.override("hu"):
        response = client.get(release.get_absolute_url())

    (article,) = json_ld(response)
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "A BETTER lezárja az I. szakaszt"
    assert article["inLanguage"] == "hu"
    assert article["url"] == "http://testserver/hu/news/better-closes-phase-i/"
    assert datetime.datetime.fromisoformat(article["datePublished"]) == release.published_at
    assert datetime.datetime.fromisoformat(article["dateModified"]) == release.updated_at
    # Issue 11: the author's url is its page on this site.
    assert article["author"] == {
        "@type": "Organization",
        "name": "Tartu City Government",
        "url": "http://testserver/hu/partners/tartu/",
    }
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == "BETTER"
    assert article["description"] == "Három év után minden városnak megvan a regionális cselekvési terve."
    assert "image" not in article


def test_release_shown_in_english_fallback_says_its_language_is_english(client, releases):
    with translation.override("it"):
        response = client.get(releases["phase_one"].get_absolute_url())

    (article,) = json_ld(response)
    assert article["headline"] == "BETTER closes Phase I"
    assert article["inLanguage"] == "en"
    assert article["url"] == "http://testserver/it/news/better-closes-phase-i/"


def test_json_ld_cannot_break_out_of_its_script_element(client):
    release = PressReleaseFactory(title_en='Close </script><script>alert("x")</script> & <!-- more')

    response = client.get(release.get_absolute_url())

    html = response.content.decode()
    assert '</script><script>alert("x")' not in html
    assert "\\u003C/script\\u003E" in html
    (article,) = json_ld(response)
    assert article["headline"] == 'Close </script><script>alert("x")</script> & <!-- more'


def test_release_with_an_image_names_it_in_its_json_ld(client):
    buffer = BytesIO()
    Image.new("RGB", (1200, 800), "#0a4a8f").save(buffer, format="PNG")
    release = PressReleaseFactory(
        image=SimpleUploadedFile("visit.png", buffer.getvalue(), content_type="image/png"),
        image_alt_en="The partners in Gävle",
    )

    response = client.get(release.get_absolute_url())

    (article,) = json_ld(response)
    # The largest rendition, re-encoded without metadata, never the upload itself (issue 10, finding 8).
    assert article["image"] == f"http://testserver{responsive_image(release.image).src}"
    assert article["image"] != f"http://testserver{release.image.url}"


def test_feed_description_keeps_ordinal_dates_as_text_and_pasted_html_in_its_block(client):
    PressReleaseFactory(
        title_en="Real text",
        lead_en="",
        body_en='2021. július 17. napján.\n\n<ul style="x">- a- b\n\nAfter the list.',
    )

    _response, feed = read_feed(client, "projects:release-feed", "en")

    description = feed.entries[0].summary
    assert "<ol" not in description
    assert "<p>2021. július 17. napján.</p>" in description
    assert description.index("</ul>") < description.index("<p>After the list.</p>")

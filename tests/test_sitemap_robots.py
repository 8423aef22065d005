"""/sitemap.xml with hreflang alternates, and /robots.txt pointing to it."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405 (parses the site's own sitemap)

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from better_site.sitemaps import SITEMAPS, MultilingualSitemap
from events.factories import EventFactory
from practices.factories import GoodPracticeFactory
from projects.factories import PartnerFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def read_index(client):
    """The addresses of the sitemaps /sitemap.xml names (a sitemap index)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [sitemap.find("s:loc", NS).text for sitemap in root.findall("s:sitemap", NS)]


def read_sitemap(client):
    """{location: {hreflang: href}} of every <url> of every sitemap the index names."""
    entries = {}
    for address in read_index(client):
        response = client.get(address.removeprefix(HOST))
        assert response.status_code == 200, address
        root = ET.fromstring(response.content)  # noqa: S314
        for url in root.findall("s:url", NS):
            location = url.find("s:loc", NS).text
            entries[location] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            assert all(link.get("rel") == "alternate" for link in url.findall("x:link", NS))
    return entries


def every_language(path):
    return {f"{HOST}/{code}{path}" for code in LANGUAGES}


@pytest.fixture
def site():
    tartu = PartnerFactory(city_en="Tartu", slug="tartu")
    return {
        "partner": tartu,
        "release": PressReleaseFactory(
            slug="better-closes-phase-i",
            author=tartu,
            title_et="BETTER lõpetab I etapi",
            body_et="Tekst.",
            title_hu="A BETTER lezárja az I. szakaszt",
            body_hu="Szöveg.",
        ),
        "english_only": PressReleaseFactory(slug="english-only", author=tartu),
        "draft": PressReleaseFactory(slug="draft", author=tartu, status="draft"),
        "scheduled": PressReleaseFactory(
            slug="scheduled", author=tartu, published_at=timezone.now() + datetime.timedelta(days=1)
        ),
        "event": EventFactory(slug="study-visit-tartu", host=tartu, title_et="Õppevisiit Tartusse"),
        "practice": GoodPracticeFactory(slug="digital-citizen-folder", owner=tartu),
    }


def test_sitemap_lists_the_section_pages_in_every_language(client, site):
    entries = read_sitemap(client)

    for path in ("/", "/news/", "/about/", "/partners/", "/events/", "/practices/"):
        assert every_language(path) <= set(entries)
        alternates = entries[f"{HOST}/et{path}"]
        assert {code: alternates[code] for code in LANGUAGES} == {code: f"{HOST}/{code}{path}" for code in LANGUAGES}
        assert alternates["x-default"] == f"{HOST}/en{path}"


def test_release_is_listed_only_in_the_languages_it_is_written_in(client, site):
    entries = read_sitemap(client)

    path = "/news/better-closes-phase-i/"
    listed = {location for location in entries if location.endswith(path)}
    assert listed == {f"{HOST}/en{path}", f"{HOST}/et{path}", f"{HOST}/hu{path}"}
    assert entries[f"{HOST}/hu{path}"] == {
        "en": f"{HOST}/en{path}",
        "et": f"{HOST}/et{path}",
        "hu": f"{HOST}/hu{path}",
        # The English version, as the page's own <link hreflang="x-default"> says; never a redirecting address.
        "x-default": f"{HOST}/en{path}",
    }
    assert {location for location in entries if location.endswith("/news/english-only/")} == {
        f"{HOST}/en/news/english-only/"
    }


def test_drafts_and_scheduled_releases_are_not_in_the_sitemap(client, site):
    entries = read_sitemap(client)

    assert not any("/news/draft/" in location or "/news/scheduled/" in location for location in entries)


def test_sitemap_lists_events_practices_and_partners(client, site):
    entries = read_sitemap(client)

    # An event in the languages its title is written in, like its page's hreflang links.
    assert {location for location in entries if location.endswith("/events/study-visit-tartu/")} == {
        f"{HOST}/en/events/study-visit-tartu/",
        f"{HOST}/et/events/study-visit-tartu/",
    }
    # A practice too (issue 11): its factory writes it in English only, so no Italian or Swedish version is named.
    assert {location for location in entries if location.endswith("/practices/digital-citizen-folder/")} == {
        f"{HOST}/en/practices/digital-citizen-folder/"
    }
    assert entries[f"{HOST}/en/practices/digital-citizen-folder/"] == {
        "en": f"{HOST}/en/practices/digital-citizen-folder/",
        "x-default": f"{HOST}/en/practices/digital-citizen-folder/",
    }
    assert every_language("/partners/tartu/") <= set(entries)


def test_every_page_in_the_sitemap_answers(client, site):
    for location in read_sitemap(client):
        response = client.get(location.removeprefix(HOST))
        assert response.status_code == 200, location


def test_sitemap_runs_a_constant_number_of_queries(client):
    def queries_for(size):
        partner = PartnerFactory()
        for _number in range(size):
            PressReleaseFactory(author=partner, title_et="Pealkiri", body_et="Tekst.")
            EventFactory(host=partner)
            GoodPracticeFactory(owner=partner)
        with CaptureQueriesContext(connection) as context:
            for address in ["/sitemap.xml", *(f"/sitemap-{section}.xml" for section in SITEMAPS)]:
                assert client.get(address).status_code == 200
        return len(context.captured_queries)

    assert queries_for(3) == queries_for(30)


def test_large_section_is_split_into_pages_of_at_most_the_limit(client, site, monkeypatch):
    monkeypatch.setattr(MultilingualSitemap, "limit", 2)
    for number in range(3):
        PressReleaseFactory(slug=f"more-{number}", author=site["partner"])

    addresses = read_index(client)
    # Five published releases, two a page: three pages of news, each named by the index.
    assert [address for address in addresses if "sitemap-news" in address] == [
        f"{HOST}/sitemap-news.xml",
        f"{HOST}/sitemap-news.xml?p=2",
        f"{HOST}/sitemap-news.xml?p=3",
    ]
    pages = [ET.fromstring(client.get(f"/sitemap-news.xml?p={page}").content) for page in (1, 2, 3)]  # noqa: S314
    english = [
        [url.find("s:loc", NS).text for url in page.findall("s:url", NS) if "/en/" in url.find("s:loc", NS).text]
        for page in pages
    ]
    assert [len(page) for page in english] == [2, 2, 1]
    assert len({location for page in english for location in page}) == 5
    assert client.get("/sitemap-news.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_index_gives_each_section_its_latest_change(client, site):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    lastmod = {
        sitemap.find("s:loc", NS).text: sitemap.find("s:lastmod", NS) for sitemap in root.findall("s:sitemap", NS)
    }
    newest = max(release.updated_at for release in (site["release"], site["english_only"]))
    # Of the published releases only: the draft and the scheduled one were saved later.
    assert datetime.datetime.fromisoformat(lastmod[f"{HOST}/sitemap-news.xml"].text) == newest


def test_robots_txt_allows_the_site_keeps_out_of_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /*/admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_and_sitemap_live_at_the_root_in_no_language(client):
    assert client.get("/en/robots.txt").status_code == 404
    assert client.get("/en/sitemap.xml").status_code == 404

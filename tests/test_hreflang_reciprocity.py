"""hreflang and canonical links (issue 11): the sitemap and the pages name the same language versions,
every version names the others and is named back, and a fallback page points to the version it shows."""

import xml.etree.ElementTree as ET  # noqa: S405 (parses the site's own sitemap)

import pytest

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory
from projects.factories import PartnerFactory, PressReleaseFactory, ProjectFactory, SitePageFactory
from tests.helpers.html import parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


@pytest.fixture
def site():
    """A little of everything, each text written in some languages only."""
    ProjectFactory()
    tartu = PartnerFactory(city_en="Tartu", slug="tartu", organisation="Tartu City Government")
    PressReleaseFactory(
        slug="better-closes-phase-i",
        author=tartu,
        title_et="BETTER lõpetab I etapi",
        body_et="Tekst.",
        title_hu="A BETTER lezárja az I. szakaszt",
        body_hu="Szöveg.",
    )
    PressReleaseFactory(
        slug="better-teine-etapp",
        author=tartu,
        original_language="et",
        title_en="",
        lead_en="",
        body_en="",
        title_et="BETTER alustab teist etappi",
        body_et="Tartu linn alustab projekti teist etappi.",
    )
    EventFactory(slug="study-visit-tartu", host=tartu, title_et="Õppevisiit Tartusse")
    GoodPracticeFactory(slug="digital-citizen-folder", owner=tartu, title_hu="Digitális ügyfélmappa")
    SitePageFactory(key="privacy", title_en="Privacy notice", title_sv="Integritetspolicy", body_sv="Inga spårare.")


def read_sitemap(client):
    """{location: {hreflang: href}} of every <url> of every sitemap the index names."""
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    entries = {}
    for sitemap in index.findall("s:sitemap", NS):
        root = ET.fromstring(client.get(sitemap.find("s:loc", NS).text.removeprefix(HOST)).content)  # noqa: S314
        for url in root.findall("s:url", NS):
            links = url.findall("x:link", NS)
            entries[url.find("s:loc", NS).text] = {link.get("hreflang"): link.get("href") for link in links}
    return entries


def head_links(client, address):
    """(canonical address, {hreflang: href}) of the page at `address`."""
    response = client.get(address.removeprefix(HOST))
    assert response.status_code == 200, address
    document = parse(response)
    canonical = [link.attrs["href"] for link in document.find_all("link", rel="canonical")]
    assert len(canonical) == 1, address
    versions = {}
    for link in document.find_all("link", rel="alternate"):
        if "hreflang" in link.attrs:
            assert link.attrs["hreflang"] not in versions, address  # each language once
            versions[link.attrs["hreflang"]] = link.attrs["href"]
    return canonical[0], versions


def language_of(address):
    return address.removeprefix(HOST).split("/")[1]


def test_every_alternate_of_every_sitemap_page_names_it_back(client, site):
    entries = read_sitemap(client)
    pages = {address: head_links(client, address) for address in entries}
    assert len(pages) > 40

    for address, (canonical, versions) in pages.items():
        # A page in the sitemap is its own canonical, and names itself among its versions, as the sitemap does.
        assert canonical == address
        assert versions == entries[address], address
        assert versions[language_of(address)] == address
        assert "x-default" in versions
        for code, alternate in versions.items():
            assert alternate in pages, f"{address} names {alternate}, which the sitemap leaves out"
            assert language_of(alternate) == code or code == "x-default"
            _canonical, named_back = pages[alternate]
            assert named_back.get(language_of(address)) == address, f"{alternate} does not name {address} back"


def test_texts_are_listed_only_in_the_languages_they_are_written_in(client, site):
    entries = read_sitemap(client)

    def listed(path):
        return sorted(language_of(address) for address in entries if address.endswith(path))

    assert listed("/news/better-closes-phase-i/") == ["en", "et", "hu"]
    assert listed("/news/better-teine-etapp/") == ["et"]
    assert listed("/events/study-visit-tartu/") == ["en", "et"]
    assert listed("/practices/digital-citizen-folder/") == ["en", "hu"]
    assert listed("/privacy/") == ["en", "sv"]
    # The pages of the site's own words, in all five.
    for path in ("/news/", "/events/", "/practices/", "/partners/", "/partners/tartu/", "/about/"):
        assert listed(path) == LANGUAGES, path
    assert sorted(language_of(address) for address in entries if address.removeprefix(HOST)[3:] == "/") == LANGUAGES


@pytest.mark.parametrize(
    ("fallback", "shown"),
    [
        ("/it/news/better-closes-phase-i/", "/en/news/better-closes-phase-i/"),
        ("/en/news/better-teine-etapp/", "/et/news/better-teine-etapp/"),
        ("/hu/news/better-teine-etapp/", "/et/news/better-teine-etapp/"),
        ("/sv/events/study-visit-tartu/", "/en/events/study-visit-tartu/"),
        ("/it/practices/digital-citizen-folder/", "/en/practices/digital-citizen-folder/"),
        ("/hu/privacy/", "/en/privacy/"),
    ],
)
def test_fallback_page_points_to_the_version_it_shows_and_is_nobodys_alternate(client, site, fallback, shown):
    canonical, versions = head_links(client, HOST + fallback)

    assert canonical == HOST + shown
    assert versions == {}
    entries = read_sitemap(client)
    assert HOST + fallback not in entries
    assert all(HOST + fallback not in alternates.values() for alternates in entries.values())


@pytest.mark.parametrize(
    "path", ["/", "/news/", "/events/", "/practices/", "/partners/", "/partners/tartu/", "/about/"]
)
def test_pages_of_the_sites_own_words_name_all_five_languages_x_default_and_themselves(client, site, path):
    canonical, versions = head_links(client, f"{HOST}/hu{path}")

    assert canonical == f"{HOST}/hu{path}"
    assert versions == {
        **{code: f"{HOST}/{code}{path}" for code in LANGUAGES},
        "x-default": f"{HOST}/en{path}",
    }


def test_list_page_keeps_its_page_number_and_leaves_its_filter_out_of_its_addresses(client, site, settings):
    settings.NEWS_PAGE_SIZE = 1

    canonical, versions = head_links(client, f"{HOST}/et/news/?page=2")
    assert canonical == f"{HOST}/et/news/?page=2"
    assert versions["sv"] == f"{HOST}/sv/news/?page=2"

    canonical, versions = head_links(client, f"{HOST}/et/events/?city=tartu")
    assert canonical == f"{HOST}/et/events/"
    assert versions["x-default"] == f"{HOST}/en/events/"


@pytest.mark.parametrize("query", ["?page=²", "?page=" + "9" * 4301, "?kind=nothing"])
def test_list_that_cannot_be_shown_as_asked_names_no_versions(client, site, query):
    response = client.get(f"/en/events/{query}")

    assert response.status_code == 400
    document = parse(response)
    assert document.first("link", rel="canonical") is None
    assert [link for link in document.find_all("link", rel="alternate") if "hreflang" in link.attrs] == []

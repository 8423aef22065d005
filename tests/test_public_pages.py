"""The public pages of issue 2: home, news list, release, the language switcher and `/`."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory
from projects.factories import PartnerFactory, PressReleaseFactory, ProjectFactory
from projects.models import PressRelease
from tests.helpers.html import parse
from tests.helpers.pages import count_queries, url

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
OWN_NAMES = {"en": "English", "et": "Eesti", "hu": "Magyar", "it": "Italiano", "sv": "Svenska"}


def translated(language, message, **values):
    with translation.override(language):
        return gettext(message) % values if values else gettext(message)


# --- data ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def phase_one_release():
    """Like "BETTER closes Phase I": written in English, Estonian and Hungarian only."""
    return PressReleaseFactory(
        slug="better-closes-phase-i",
        author=PartnerFactory(city_en="Tartu", slug="tartu"),
        title_en="BETTER closes Phase I",
        title_et="BETTER lõpetab esimese etapi",
        title_hu="A BETTER lezárja az első szakaszt",
        lead_en="Three years of learning end.",
        lead_et="Kolm aastat õppimist lõpeb.",
        lead_hu="Három év tanulás ér véget.",
        body_en="| When | Host |\n|---|---|\n| October 2019 | Gävle |\n\n<script>alert(1)</script>",
        body_et="| Millal | Võõrustaja |\n|---|---|\n| oktoober 2019 | Gävle |",
        body_hu="| Mikor | Házigazda |\n|---|---|\n| 2019. október | Gävle |",
    )


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def hidden_releases():
    """A draft, a draft with a past date, and a release scheduled for tomorrow: none of them public."""
    return [
        PressReleaseFactory(
            slug="a-draft", title_en="Draft release", status=PressRelease.Status.DRAFT, published_at=None
        ),
        PressReleaseFactory(
            slug="a-dated-draft",
            title_en="Dated draft release",
            status=PressRelease.Status.DRAFT,
            published_at=days_ago(2),
        ),
        PressReleaseFactory(
            slug="tomorrow", title_en="Scheduled release", published_at=timezone.now() + datetime.timedelta(days=1)
        ),
    ]


# --- `/` ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("et", "/et/"),
        ("hu-HU,hu;q=0.9,en;q=0.5", "/hu/"),
        ("sv-SE", "/sv/"),
        ("xx", "/en/"),
        ("de-DE,fr;q=0.8", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_accept_language_else_english(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    # Caches must not hand one visitor's language to another.
    assert "Accept-Language" in response["Vary"]


def test_root_without_accept_language_header_redirects_to_english(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


# --- every page in every language ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_public_page_answers_200_in_the_page_language(client, language, phase_one_release):
    ProjectFactory()
    for page in (
        url("projects:home", language),
        url("projects:release-list", language),
        url("projects:release-detail", language, slug=phase_one_release.slug),
    ):
        response = client.get(page)
        assert response.status_code == 200, page
        document = parse(response)
        assert document.find("html").attrs["lang"] == language
        assert response["Content-Language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_landmarks_and_a_skip_link_to_main(client, language):
    response = client.get(url("projects:release-list", language))
    document = parse(response)
    skip = document.first("a", cls="skip-link")
    assert skip is not None and skip.attrs["href"] == "#main"
    assert document.first("main", id="main") is not None
    assert document.first("header") is not None and document.first("footer") is not None
    assert document.first("nav", cls="site-nav") is not None


def test_site_nav_links_only_to_pages_that_exist(client):
    response = client.get("/en/")
    links = [a.attrs["href"] for a in parse(response).find("nav", cls="site-nav").find_all("a")]
    assert links == ["/en/", "/en/news/", "/en/events/", "/en/practices/", "/en/partners/", "/en/about/"]
    for link in links:
        assert client.get(link).status_code == 200


def test_site_nav_marks_the_current_page_and_section(client, phase_one_release):
    nav = parse(client.get("/en/news/")).find("nav", cls="site-nav")
    assert nav.find("a", href="/en/news/").attrs["aria-current"] == "page"
    assert "aria-current" not in nav.find("a", href="/en/").attrs

    nav = parse(client.get(phase_one_release.get_absolute_url())).find("nav", cls="site-nav")
    assert nav.find("a", href="/en/news/").attrs["aria-current"] == "true"


# --- home ---------------------------------------------------------------------------------------------------------


def test_home_shows_project_mission_in_page_language_with_english_fallback(client):
    ProjectFactory(mission_en="Better e-government.", mission_et="Parem e-valitsus.")

    et_page = parse(client.get("/et/"))
    mission = et_page.find("section", cls="mission").find("p")
    assert mission.text() == "Parem e-valitsus."
    assert "lang" not in mission.attrs

    hu_page = parse(client.get("/hu/"))
    mission = hu_page.find("section", cls="mission").find("p")
    assert mission.text() == "Better e-government."
    assert mission.attrs["lang"] == "en"
    assert hu_page.find("h1").text() == "BETTER"


def test_home_lists_the_latest_three_published_releases(client, hidden_releases):
    ProjectFactory()
    for days in (5, 1, 3, 4, 2):
        PressReleaseFactory(title_en=f"Released {days} days ago", published_at=days_ago(days))
    response = client.get("/en/")
    titles = [h.text() for h in parse(response).find("section", cls="latest-news").find_all("h3")]
    assert titles == ["Released 1 days ago", "Released 2 days ago", "Released 3 days ago"]
    assert parse(response).find("section", cls="latest-news").first("a", href="/en/news/") is not None


def test_home_without_project_or_releases_still_answers(client):
    response = client.get("/sv/")
    assert response.status_code == 200
    assert translated("sv", "No news has been published yet.") in response.content.decode()


# --- news list ----------------------------------------------------------------------------------------------------


def test_news_lists_published_releases_newest_first(client, hidden_releases):
    older = PressReleaseFactory(title_en="Older", published_at=days_ago(10))
    newer = PressReleaseFactory(title_en="Newer", published_at=days_ago(1))
    response = client.get("/en/news/")
    assert list(response.context["releases"]) == [newer, older]
    content = response.content.decode()
    for hidden in hidden_releases:
        assert hidden.title_en not in content


def test_news_item_shows_title_lead_date_and_author_city(client):
    author = PartnerFactory(city_en="Nyiregyhaza", city_hu="Nyíregyháza")
    PressReleaseFactory(
        author=author,
        title_en="Study visit",
        title_hu="Tanulmányút",
        lead_en="Lead.",
        lead_hu="Bevezető.",
        body_hu="Szöveg.",
        published_at=datetime.datetime(2021, 9, 14, 10, 0, tzinfo=datetime.UTC),
    )
    item = parse(client.get("/hu/news/")).find("article", cls="release-summary")
    assert item.find("h2").text() == "Tanulmányút"
    assert item.find("p", cls="release-summary__lead").text() == "Bevezető."
    time = item.find("time")
    assert time.attrs["datetime"].startswith("2021-09-14")
    assert "2021" in time.text() and "szeptember" in time.text()
    assert "Nyíregyháza" in item.find("span", cls="release-meta__city").text()
    assert item.first("span", cls="badge") is None


def test_news_item_missing_page_language_is_marked_english(client):
    PressReleaseFactory(title_en="Only in English", lead_en="English lead.")
    PressReleaseFactory(title_en="Also Estonian", title_et="Ka eesti keeles", body_et="Tekst.", lead_et="Juhend.")
    items = parse(client.get("/et/news/")).find_all("article", cls="release-summary")
    by_title = {item.find("h2").text(): item for item in items}

    english = by_title["Only in English"]
    assert english.find("h2").find("a").attrs["lang"] == "en"
    assert english.find("p", cls="release-summary__lead").attrs["lang"] == "en"
    assert english.find("span", cls="badge").text() == translated("et", "in English")

    estonian = by_title["Ka eesti keeles"]
    assert "lang" not in estonian.find("h2").find("a").attrs
    assert estonian.first("span", cls="badge") is None


def test_news_is_paginated_by_the_news_page_size_setting(client, settings):
    settings.NEWS_PAGE_SIZE = 2
    releases = [PressReleaseFactory(published_at=days_ago(day)) for day in range(1, 6)]
    first = client.get("/en/news/")
    assert list(first.context["releases"]) == releases[:2]
    last = client.get("/en/news/?page=3")
    assert last.status_code == 200
    assert list(last.context["releases"]) == releases[4:]
    pagination = parse(last).find("nav", cls="pagination")
    assert pagination.find("a", aria_current="page").attrs["href"] == "?page=3"
    assert pagination.find("a", rel="prev").attrs["href"] == "?page=2"
    assert client.get("/en/news/?page=last").context["page_obj"].number == 3


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "2abc"])
def test_news_page_number_that_is_not_a_number_answers_400_with_reason(client, page):
    PressReleaseFactory()
    response = client.get("/en/news/", {"page": page})
    assert response.status_code == 400
    assert translated("en", "The page number must be a whole number from 1 upwards.") in response.content.decode()


def test_news_page_past_the_last_answers_404_with_reason(client):
    PressReleaseFactory()
    response = client.get("/et/news/?page=999")
    assert response.status_code == 404
    reason = translated("et", "There is no page %(number)s: the news has %(count)s page(s).", number=999, count=1)
    assert reason in response.content.decode()


def test_news_without_releases_answers_200_on_page_one(client):
    response = client.get("/it/news/")
    assert response.status_code == 200
    assert translated("it", "No news has been published yet.") in response.content.decode()


@pytest.mark.parametrize("path", ["/en/news/", "/et/news/", "/en/"])
def test_list_pages_run_the_same_number_of_queries_for_5_or_40_releases(
    client, settings, path, django_assert_max_num_queries
):
    settings.NEWS_PAGE_SIZE = 50
    ProjectFactory()
    # Each release has its own author: an N+1 on the author would show.
    PressReleaseFactory.create_batch(5)
    with_five = count_queries(client, path)
    PressReleaseFactory.create_batch(35)
    with_forty = count_queries(client, path)
    assert with_five == with_forty
    # The page's own queries, and the partners for the footer.
    with django_assert_max_num_queries(4):
        client.get(path)


# --- one release --------------------------------------------------------------------------------------------------


def test_release_in_page_language_shows_its_text_without_notice(client, phase_one_release):
    response = client.get("/hu/news/better-closes-phase-i/")
    document = parse(response)
    assert document.find("h1").text() == "A BETTER lezárja az első szakaszt"
    assert "lang" not in document.find("h1").attrs
    assert document.find("p", cls="release__lead").text() == "Három év tanulás ér véget."
    assert document.first("p", cls="notice") is None
    assert document.find("div", cls="prose").find("th").text() == "Mikor"


@pytest.mark.parametrize("language", ["it", "sv"])
def test_release_missing_page_language_is_shown_in_english_with_notice(client, phase_one_release, language):
    response = client.get(url("projects:release-detail", language, slug=phase_one_release.slug))
    document = parse(response)
    assert document.find("html").attrs["lang"] == language

    notice = document.find("p", cls="notice")
    with translation.override(language):
        language_name = translation.get_language_info(language)["name_translated"]
        expected = gettext("This release is not available in %(language)s. It is shown in English.") % {
            "language": language_name
        }
    assert notice.text() == expected
    assert "lang" not in notice.attrs  # the notice itself speaks the page's language

    title = document.find("h1")
    assert title.text() == "BETTER closes Phase I"
    assert title.attrs["lang"] == "en"
    assert document.find("p", cls="release__lead").attrs["lang"] == "en"
    body = document.find("div", cls="prose")
    assert body.attrs["lang"] == "en"
    assert body.find("th").text() == "When"


def test_release_page_offers_hreflang_only_for_its_real_languages(client, phase_one_release):
    # Issue 11: a written version lists the versions, itself included; the Italian page (a fallback) lists none.
    response = client.get("/hu/news/better-closes-phase-i/")
    # Language versions of the page; the typed alternates are the news feeds.
    alternates = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in parse(response).find_all("link", rel="alternate")
        if "type" not in link.attrs
    }
    assert alternates == {
        "en": "http://testserver/en/news/better-closes-phase-i/",
        "et": "http://testserver/et/news/better-closes-phase-i/",
        "hu": "http://testserver/hu/news/better-closes-phase-i/",
        "x-default": "http://testserver/en/news/better-closes-phase-i/",
    }


def test_english_only_release_offers_english_and_x_default_only(client):
    release = PressReleaseFactory(slug="english-only")
    document = parse(client.get(url("projects:release-detail", "en", slug=release.slug)))
    links = [link for link in document.find_all("link", rel="alternate") if "type" not in link.attrs]
    assert sorted(link.attrs["hreflang"] for link in links) == ["en", "x-default"]
    # Issue 11: its Estonian page is a fallback, pointing to the English one rather than offering versions.
    fallback = parse(client.get(url("projects:release-detail", "et", slug=release.slug)))
    assert [link for link in fallback.find_all("link", rel="alternate") if "type" not in link.attrs] == []
    assert fallback.find("link", rel="canonical").attrs["href"] == "http://testserver/en/news/english-only/"


def test_release_body_renders_tables_and_strips_scripts(client, phase_one_release):
    response = client.get("/en/news/better-closes-phase-i/")
    body = parse(response).find("div", cls="prose")
    assert body.first("table") is not None
    assert [cell.text() for cell in body.find_all("td")] == ["October 2019", "Gävle"]
    assert body.first("script") is None
    assert "alert(1)" not in response.content.decode()


@pytest.mark.parametrize("language", ["en", "et"])
def test_draft_and_future_releases_answer_404(client, hidden_releases, language):
    for release in hidden_releases:
        response = client.get(url("projects:release-detail", language, slug=release.slug))
        assert response.status_code == 404, release.slug


def test_draft_and_future_releases_are_not_on_the_home_page(client, hidden_releases):
    content = client.get("/en/").content.decode()
    for release in hidden_releases:
        assert release.title_en not in content


def test_scheduled_release_appears_once_its_time_has_come(client):
    release = PressReleaseFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(release.get_absolute_url()).status_code == 404
    PressRelease.objects.filter(pk=release.pk).update(published_at=days_ago(0) - datetime.timedelta(minutes=1))
    assert client.get(release.get_absolute_url()).status_code == 200


def test_release_shows_related_events_and_practices(client, phase_one_release):
    host = PartnerFactory(city_en="Gävle")
    event = EventFactory(
        title_en="Infrastructure and tools",
        host=host,
        kind="thematic-event",
        start_date=datetime.date(2019, 10, 1),
        date_precision="month",
    )
    event.releases.add(phase_one_release)
    practice = GoodPracticeFactory(title_en="Digital Citizen Folder", owner=PartnerFactory(city_en="Genoa"))
    practice.releases.add(phase_one_release)

    related = parse(client.get("/et/news/better-closes-phase-i/")).find("aside", cls="related")
    text = related.text()
    assert "Infrastructure and tools" in text
    assert "Gävle" in text
    assert "Digital Citizen Folder" in text and "Genoa" in text
    # English titles on an Estonian page say so.
    assert related.first(lang="en") is not None


def test_release_without_related_items_has_no_related_section(client, phase_one_release):
    assert parse(client.get("/en/news/better-closes-phase-i/")).first("aside", cls="related") is None


def test_release_page_runs_a_bounded_number_of_queries(client, phase_one_release, django_assert_max_num_queries):
    for _ in range(5):
        EventFactory().releases.add(phase_one_release)
        GoodPracticeFactory().releases.add(phase_one_release)
    # The release with its author, events with hosts, practices with owners, the images its body may
    # show, its Last-Modified/ETag, and the partners for the footer.
    with django_assert_max_num_queries(8):
        assert client.get("/en/news/better-closes-phase-i/").status_code == 200


# --- language switcher --------------------------------------------------------------------------------------------


def _switcher_links(response):
    switcher = parse(response).find("nav", cls="language-switcher")
    return {a.attrs["hreflang"]: a for a in switcher.find_all("a")}


def test_language_switcher_on_a_release_links_to_the_same_release_in_each_language(client, phase_one_release):
    links = _switcher_links(client.get("/hu/news/better-closes-phase-i/"))
    assert sorted(links) == sorted(LANGUAGES)
    for code, link in links.items():
        assert link.attrs["href"] == f"/{code}/news/better-closes-phase-i/"
        assert link.attrs["lang"] == code
        assert link.text() == OWN_NAMES[code]
        assert client.get(link.attrs["href"]).status_code == 200
    assert links["hu"].attrs["aria-current"] == "true"
    assert [code for code, link in links.items() if "aria-current" in link.attrs] == ["hu"]


def test_language_switcher_keeps_the_page_number(client, settings):
    settings.NEWS_PAGE_SIZE = 1
    PressReleaseFactory.create_batch(2)
    links = _switcher_links(client.get("/en/news/?page=2"))
    assert links["sv"].attrs["href"] == "/sv/news/?page=2"


def test_language_switcher_is_plain_links_without_script_or_form(client):
    response = client.get("/en/")
    switcher = parse(response).find("nav", cls="language-switcher")
    assert switcher.first("form") is None
    assert parse(response).first("script") is None


def test_language_switcher_on_a_missing_page_keeps_the_path(client):
    response = client.get("/et/no-such-page/")
    assert response.status_code == 404
    links = _switcher_links(response)
    assert links["hu"].attrs["href"] == "/hu/no-such-page/"
    assert parse(response).find("html").attrs["lang"] == "et"


# --- error pages --------------------------------------------------------------------------------------------------


def test_not_found_page_uses_the_site_layout(client):
    response = client.get("/sv/news/no-such-release/")
    assert response.status_code == 404
    document = parse(response)
    assert document.find("h1").text() == translated("sv", "Page not found")
    assert document.first("a", cls="skip-link") is not None


def test_server_error_page_renders_without_request_or_database():
    with translation.override("et"):
        html = render_to_string("500.html")
    assert '<html lang="et">' in html
    assert translated("et", "Server error") in html

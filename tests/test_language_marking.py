"""Language marking (issue 11): text in another language than the page's says so, a fallback page's
<title> and description included; every list page describes itself in the page's language."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory
from projects.factories import PartnerFactory, PressReleaseFactory, ProjectFactory, SitePageFactory
from tests.helpers.html import parse
from tests.helpers.pages import url, url_of

pytestmark = pytest.mark.django_db

ORGANISATION = "Tartu City Government"


@pytest.fixture
def tartu():
    return PartnerFactory(city_en="Tartu", city_hu="Tartu", city_it="Tartu", slug="tartu", organisation=ORGANISATION)


@pytest.fixture
def second_stage(tartu):
    """Written in English and Estonian: its Hungarian page is a fallback showing English."""
    return PressReleaseFactory(
        slug="better-enters-its-second-stage",
        author=tartu,
        title_en="BETTER enters its second stage",
        lead_en="The cities start implementing their plans.",
        title_et="BETTER astub teise etappi",
        body_et="Tekst.",
    )


def language_of(node):
    """The language a node's text is in: the lang of the nearest element that has one."""
    while node is not None:
        if "lang" in node.attrs:
            return node.attrs["lang"]
        node = node.parent
    return None


def nodes_with_text(document, text):
    """The elements whose own text holds `text` (a script's JSON-LD is data, not text in a language)."""
    return [node for node in document.iter() if node.tag != "script" and any(text in part for part in node.texts)]


def head(document):
    """(<title> text, its lang, the meta description) of a page."""
    title = document.find("title")
    description = document.first("meta", name="description")
    return title.text(), title.attrs.get("lang"), description.attrs["content"] if description else None


def translated(language, message, **values):
    with translation.override(language):
        return gettext(message) % values if values else gettext(message)


# --- organisation names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["hu", "it"])
def test_organisation_name_is_marked_english_wherever_a_page_shows_it(client, tartu, second_stage, language):
    event = EventFactory(host=tartu)
    practice = GoodPracticeFactory(owner=tartu)
    pages = [
        url("projects:partner-list", language),
        url_of(tartu, language),
        url_of(event, language),
        url_of(practice, language),
        url_of(second_stage, language),
        url("projects:release-list", language),
        url("projects:home", language),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        document = parse(response)
        assert document.find("html").attrs["lang"] == language
        shown = nodes_with_text(document, ORGANISATION)
        assert shown, page
        assert [language_of(node) for node in shown] == ["en"] * len(shown), page


# --- a fallback's <title> and description ---------------------------------------------------------------------------


def test_fallback_release_has_an_english_marked_title_and_a_hungarian_description(client, second_stage):
    document = parse(client.get(url_of(second_stage, "hu")))

    # The page's own words are Hungarian, so the document stays lang="hu"; the title is the text's, in English.
    assert document.find("html").attrs["lang"] == "hu"
    assert head(document) == (
        "BETTER enters its second stage – BETTER",
        "en",
        "Sajtóközlemény (angol nyelven): BETTER enters its second stage",
    )


def test_release_in_the_page_language_has_its_title_unmarked_and_its_lead_as_description(client, second_stage):
    second_stage.lead_et = "Linnad hakkavad oma kavasid ellu viima."
    second_stage.save()

    document = parse(client.get(url_of(second_stage, "et")))

    assert head(document) == ("BETTER astub teise etappi – BETTER", None, "Linnad hakkavad oma kavasid ellu viima.")


def test_fallback_event_has_an_english_marked_title_and_says_its_theme_is_in_english(client, tartu):
    event = EventFactory(host=tartu, title_en="Study visit to Tartu", theme_en="Digital services for residents")

    title, title_lang, description = head(parse(client.get(url_of(event, "hu"))))

    assert (title, title_lang) == ("Study visit to Tartu – BETTER", "en")
    assert description.startswith(translated("hu", "Study visit") + ", ")
    assert description.endswith("Tartu (angol nyelven): Digital services for residents")


def test_fallback_practice_has_an_english_marked_title_and_says_its_summary_is_in_english(client, tartu):
    practice = GoodPracticeFactory(owner=tartu, title_en="Digital citizen folder", summary_en="One place for it all.")

    assert head(parse(client.get(url_of(practice, "it")))) == (
        "Digital citizen folder – BETTER",
        "en",
        "Buona pratica (in inglese): One place for it all.",
    )


def test_fallback_site_page_is_titled_by_its_name_in_the_page_language(client):
    page = SitePageFactory(key="privacy", title_en="Privacy notice", body_en="No trackers.")

    title, title_lang, description = head(parse(client.get(url_of(page, "hu"))))

    assert (title, title_lang) == ("Adatvédelmi tájékoztató – BETTER", None)
    assert description == "Adatvédelmi tájékoztató – a BETTER weboldala (angol nyelven)."


# --- list pages describe themselves ---------------------------------------------------------------------------------

LIST_DESCRIPTIONS = {
    "projects:release-list": "Press releases of the BETTER partner cities, newest first.",
    "events:event-list": "Thematic events, study visits and import workshops of the BETTER partner cities, "
    "filtered by city, kind, phase, year and format.",
    "practices:practice-list": "Good practices in e-government of the five BETTER partner cities, and where each "
    "one travelled: which cities studied it, worked on it and wrote it into their action plans.",
    "projects:partner-list": "The five city governments that work together in BETTER.",
    "search": "Search the news, events and good practices of the BETTER partner cities.",
}


@pytest.mark.parametrize("language", ["en", "et", "hu", "it", "sv"])
@pytest.mark.parametrize("name", list(LIST_DESCRIPTIONS))
def test_every_list_page_has_a_meta_description_in_the_page_language(client, name, language):
    ProjectFactory()

    _title, _lang, description = head(parse(client.get(url(name, language))))

    assert description == translated(language, LIST_DESCRIPTIONS[name])
    if language != "en":
        assert description != LIST_DESCRIPTIONS[name]

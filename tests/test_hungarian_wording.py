"""Hungarian wording (issue 11): the definite article is a or az by the word it stands before, never
the placeholder "A(z)"; an import workshop is an "átvételi műhely" everywhere."""

import re

import pytest

from events.factories import EventFactory
from events.models import Event
from practices import demo_content
from projects.factories import ProjectFactory
from tests.helpers.html import parse
from tests.helpers.pages import url, url_of
from tests.test_translations import messages

pytestmark = pytest.mark.django_db


def hungarian_texts(value):
    """Every Hungarian text of the demo content: the "hu" values of its nested dicts and lists."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "hu" and isinstance(item, str):
                yield item
            else:
                yield from hungarian_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from hungarian_texts(item)


def test_hungarian_catalogue_never_leaves_the_article_undecided():
    undecided = [
        entry["msgstr"] for entry in messages("hu") if any(re.search(r"\b[Aa]\(z\)", form) for form in entry["msgstr"])
    ]
    assert undecided == []


def test_hungarian_about_page_is_about_the_better_project_with_the_article_a(client):
    ProjectFactory(name="BETTER")

    document = parse(client.get(url("projects:about", "hu")))

    assert document.find("h1").text() == "A BETTER projektről"
    assert document.find("title").text().startswith("A BETTER projektről – ")


def test_hungarian_search_hint_names_magyar_with_its_article(client):
    text = parse(client.get(url("search", "hu"))).find("p", cls="search-form__hint").text()

    assert text.startswith("A magyar nyelvű szövegekben keres,")


def test_import_workshop_is_atveteli_muhely_as_a_kind_and_in_titles(client):
    workshop = EventFactory(kind=Event.Kind.IMPORT_WORKSHOP, title_hu="Átvételi műhely Tartuban")

    document = parse(client.get(url_of(workshop, "hu")))

    assert document.find("p", cls="event__kind").text() == "Átvételi műhely"
    assert document.find("h1").text() == "Átvételi műhely Tartuban"


def test_no_hungarian_text_calls_it_a_workshop():
    demo = [
        text for name in dir(demo_content) if name.isupper() for text in hungarian_texts(getattr(demo_content, name))
    ]
    in_catalogue = [form for entry in messages("hu") for form in entry["msgstr"] if "workshop" in form.lower()]

    assert (in_catalogue, [text for text in demo if "workshop" in text.lower()]) == ([], [])
    # The demo content does speak of them, by the one term.
    assert any("átvételi műhely" in text.lower() for text in demo)

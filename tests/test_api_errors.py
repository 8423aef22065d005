"""Errors of the JSON API under /api/ (issue 11): always JSON in one shape, {"errors": {name: [reasons]}},
in the language `lang` asks for; and a filter parameter given twice is refused, by the API and by the
events list page alike."""

import jsonschema
import pytest
from django.test import Client

from events.models import Event

pytestmark = pytest.mark.django_db

ERROR_SCHEMA = {
    "type": "object",
    "required": ["errors"],
    "additionalProperties": False,
    "properties": {
        "errors": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        }
    },
}
APIS = ["/api/events/", "/api/practices/"]


@pytest.fixture
def demo(demo_for_module, db):
    """Here the demo content is loaded once for the whole module (tests/conftest.py)."""


def error_answer(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    data = response.json()
    jsonschema.validate(data, ERROR_SCHEMA)
    return data["errors"]


# --- language ----------------------------------------------------------------------------------------------------


def test_lang_sets_content_language_whatever_the_browser_asks(client, demo):
    response = client.get("/api/events/?lang=et", headers={"accept-language": "hu"})

    assert response.status_code == 200
    assert response["Content-Language"] == "et"
    assert response.json()["language"] == "et"


def test_without_lang_the_answer_is_english_even_to_an_estonian_browser(client, demo):
    response = client.get("/api/events/", headers={"accept-language": "et"})

    assert response["Content-Language"] == "en"
    assert response.json()["language"] == "en"


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("et", "Valikut „nope” siin ei ole."),
        ("it", "Qui non esiste la scelta “nope”."),
        ("en", "There is no choice “nope” here."),
    ],
)
def test_error_messages_are_in_the_lang_language_not_the_browsers(client, demo, lang, reason):
    response = client.get(f"/api/events/?kind=nope&lang={lang}", headers={"accept-language": "hu"})

    errors = error_answer(response, 400)
    assert errors["kind"][0].startswith(reason)
    assert response["Content-Language"] == lang


def test_unknown_lang_is_refused_in_english(client, demo):
    response = client.get("/api/events/?lang=de", headers={"accept-language": "sv"})

    errors = error_answer(response, 400)
    assert errors == {"lang": ["Choose one of: en, et, hu, it, sv."]}
    assert response["Content-Language"] == "en"


# --- unknown choices ---------------------------------------------------------------------------------------------


def test_unknown_kind_lists_every_valid_kind(client, demo):
    errors = error_answer(client.get("/api/events/?kind=nope"), 400)

    (message,) = errors["kind"]
    assert message == f"There is no choice “nope” here. Choose one of: {', '.join(Event.Kind.values)}."


def test_unknown_format_and_when_list_their_choices(client, demo):
    errors = error_answer(client.get("/api/events/?format=paper&when=soon"), 400)

    assert errors["format"] == ["There is no choice “paper” here. Choose one of: in-person, virtual, hybrid."]
    assert errors["when"] == ["There is no choice “soon” here. Choose one of: upcoming, past."]


# --- methods and addresses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_method_answers_json_405_with_allow(demo, api, method):
    # CSRF enforced as for a real client: the answer is still the 405, not the CSRF check's HTML 403.
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(f"{api}?lang=sv", data="{}", content_type="application/json")

    errors = error_answer(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert errors["method"] == [f"Detta API kan bara läsas: använd GET, HEAD, OPTIONS, inte {method.upper()}."]


@pytest.mark.parametrize("api", APIS)
def test_head_and_options_are_answered(client, demo, api):
    assert client.head(api).status_code == 200
    options = client.options(api)
    assert options.status_code == 200
    assert options["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("path", ["/api/", "/api/nothing/", "/api/events/extra/", "/api/events.json", "/api"])
def test_unknown_address_under_api_answers_json_404(client, demo, path):
    response = client.get(path)

    errors = error_answer(response, 404)
    assert errors["path"] == [f"There is no API at {path}. The APIs are /api/events/ and /api/practices/."]


def test_unknown_address_says_so_in_the_lang_language(client, demo):
    response = client.get("/api/nothing/?lang=hu")

    errors = error_answer(response, 404)
    assert errors["path"][0].startswith("Ezen a címen nincs API: /api/nothing/.")
    assert response["Content-Language"] == "hu"


def test_unknown_address_refuses_a_post_as_json_not_the_csrf_page(demo):
    response = Client(enforce_csrf_checks=True).post("/api/nothing/")

    assert "path" in error_answer(response, 404)


def test_api_address_without_its_slash_is_redirected_with_its_query(client, demo):
    response = client.get("/api/events?city=tartu&lang=et")

    assert response.status_code == 301
    assert response["Location"] == "/api/events/?city=tartu&lang=et"


# --- repeated parameters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("api", "query", "name"),
    [
        ("/api/events/", "city=tartu&city=genoa", "city"),
        ("/api/events/", "city=tartu&city=tartu", "city"),
        ("/api/events/", "kind=conference&kind=study-visit", "kind"),
        ("/api/events/", "lang=et&lang=hu", "lang"),
        ("/api/events/", "page=1&page=2", "page"),
        ("/api/practices/", "city=genoa&city=tartu", "city"),
        ("/api/practices/", "imported-by=genoa&imported-by=tartu", "imported-by"),
    ],
)
def test_repeated_parameter_answers_400_naming_it(client, demo, api, query, name):
    errors = error_answer(client.get(f"{api}?{query}"), 400)

    assert errors[name] == [f"Give “{name}” once: it was given 2 times."]


def test_repeated_parameter_on_the_events_page_answers_400_with_the_reason(client, demo):
    response = client.get("/en/events/?city=tartu&city=genoa")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Give “city” once: it was given 2 times." in html
    assert '<ol class="event-list">' not in html


def test_repeated_page_number_on_the_events_page_answers_400_with_the_reason(client, demo):
    response = client.get("/en/events/?page=1&page=2")

    assert response.status_code == 400
    assert "Give “page” once: it was given 2 times." in response.content.decode()


def test_repeated_parameter_reason_is_in_the_page_language(client, demo):
    response = client.get("/sv/events/?kind=conference&kind=conference")

    assert response.status_code == 400
    assert "Ange ”kind” bara en gång: den angavs 2 gånger." in response.content.decode()


def test_repeated_parameter_on_the_practices_page_answers_400_with_the_reason(client, demo):
    response = client.get("/en/practices/?theme=x&city=genoa&city=tartu")

    assert response.status_code == 400
    assert "Give “city” once: it was given 2 times." in response.content.decode()


def test_unrelated_repeated_parameter_is_ignored_like_any_unknown_one(client, demo):
    # Only the filters' own parameters are checked: a tracking tag added twice by a mail tool is not.
    assert client.get("/en/events/?utm_source=mail&utm_source=mail").status_code == 200
    assert client.get("/api/events/?utm_source=a&utm_source=b").status_code == 200

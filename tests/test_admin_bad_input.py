"""Finding 11: every admin list and autocomplete refuses bad filter values with a message, never a 500."""

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from projects.factories import PressReleaseFactory, UserFactory

pytestmark = pytest.mark.django_db

BAD_VALUES = ["\x00", "123456789012", "unknown-choice", "2024-13-45", "9" * 400]


@pytest.fixture
def root():
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def changelist_parameters(model_admin, user):
    """The query parameters the change list's filters, date hierarchy, search and ordering read."""
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    names = {"q", "o", "p", "_to_field"}
    for spec in changelist.filter_specs:
        names.update(spec.expected_parameters())
    if model_admin.date_hierarchy:
        names.update(f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day"))
    return sorted(names)


def admin_cases(user):
    for model, model_admin in admin.site._registry.items():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for name in changelist_parameters(model_admin, user):
            yield url, name


def assert_refused_with_a_message(client, response, url):
    assert response.status_code in {200, 302, 400}, response.status_code
    if response.status_code == 302:
        page = client.get(response["Location"])
        assert page.status_code == 200
        messages = [str(message) for message in page.context["messages"]]
        assert messages, f"{url}: redirected without saying why"
    elif response.status_code == 400:
        assert response.content


def test_every_changelist_filter_refuses_bad_values_without_a_server_error(root):
    PressReleaseFactory()
    client = Client(raise_request_exception=False)
    client.force_login(root)
    crashes = []
    checked = 0
    for url, name in admin_cases(root):
        for value in BAD_VALUES:
            response = client.get(url, {name: value})
            checked += 1
            if response.status_code >= 500:
                crashes.append(f"{url}?{name}={value!r}")
            elif "\x00" in value or value == "123456789012":
                assert_refused_with_a_message(client, response, url)
    assert checked > 200
    assert crashes == []


def test_press_release_status_with_a_nul_byte_is_refused_with_a_message(client, root):
    client.force_login(root)

    response = client.get("/en/admin/projects/pressrelease/?status__exact=%00", follow=True)

    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("status__exact" in message for message in messages), messages


def test_unknown_status_choice_is_refused_with_a_message(client, root):
    client.force_login(root)

    response = client.get("/en/admin/projects/pressrelease/?status__exact=deleted", follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert any("status__exact" in message for message in messages), messages


def test_twelve_digit_year_is_refused_with_a_message(client, root):
    client.force_login(root)

    response = client.get("/en/admin/projects/pressrelease/?published_at__year=123456789012", follow=True)

    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]]


AUTOCOMPLETE_SOURCES = [
    ("events", "event", "releases"),
    ("practices", "goodpractice", "events"),
    ("practices", "goodpractice", "releases"),
    ("practices", "transfer", "practice"),
    ("events", "recording", "event"),
    ("projects", "coordinator", "user"),
    ("practices", "action", "practices"),
]


@pytest.mark.parametrize(("app_label", "model_name", "field_name"), AUTOCOMPLETE_SOURCES)
@pytest.mark.parametrize("term", ["\x00", "x\x00", "123456789012", "🙂" * 50])
def test_autocomplete_refuses_bad_terms_without_a_server_error(root, app_label, model_name, field_name, term):
    client = Client(raise_request_exception=False)
    client.force_login(root)

    response = client.get(
        "/en/admin/autocomplete/",
        {"term": term, "app_label": app_label, "model_name": model_name, "field_name": field_name, "page": "1"},
    )

    assert response.status_code in {200, 400}
    if "\x00" in term:
        assert response.status_code == 400


@pytest.mark.parametrize(
    "params",
    [
        {"app_label": "\x00", "model_name": "event", "field_name": "releases"},
        {"app_label": "events", "model_name": "event", "field_name": "\x00"},
        {"app_label": "events", "model_name": "event", "field_name": "releases", "page": "\x00"},
        {"app_label": "events", "model_name": "event", "field_name": "releases", "page": "9" * 4301},
    ],
)
def test_autocomplete_refuses_bad_parameters_without_a_server_error(root, params):
    client = Client(raise_request_exception=False)
    client.force_login(root)

    response = client.get("/en/admin/autocomplete/", {"term": "a", **params})

    assert response.status_code in {200, 400, 403, 404}

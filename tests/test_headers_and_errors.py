"""Finding 10 and 12, deliverable 4: CSP and Permissions-Policy everywhere, error pages in the visitor's
language, 503 with Retry-After while the database is unreachable."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from projects.factories import PartnerFactory, PressReleaseFactory
from tests.helpers.admin import coordinator_user

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/hu/news/", "/en/events/", "/api/events/", "/sitemap.xml", "/en/admin/login/", "/en/no-such-page/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_a_strict_csp_and_a_permissions_policy(client, path):
    PressReleaseFactory()

    response = client.get(path)

    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_pages_carry_the_csp(client):
    client.force_login(coordinator_user(PartnerFactory(), "tartu"))

    response = client.get("/en/admin/projects/pressrelease/add/")

    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


def test_page_not_found_is_in_the_visitors_language(client):
    response = client.get("/hu/nincs-ilyen-oldal/")

    assert response.status_code == 404
    assert 'lang="hu"' in response.content.decode()
    assert "Az oldal nem található" in response.content.decode()


def test_bad_request_is_in_the_visitors_language(client):
    response = client.get("/sv/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="sv"' in html
    assert "Felaktig begäran" in html


def test_csrf_refusal_is_in_the_visitors_language():
    response = Client(enforce_csrf_checks=True).post("/it/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="it"' in html
    assert "Il modulo è scaduto" in html


def test_permission_denied_is_in_the_visitors_language(client):
    client.force_login(coordinator_user(PartnerFactory(), "tartu"))

    response = client.get("/et/admin/auth/user/add/")

    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="et"' in html
    assert "Juurdepääs keelatud" in html


def database_down(*args, **kwargs):
    raise OperationalError('connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused')


@pytest.mark.parametrize("path", ["/hu/", "/en/news/", "/en/admin/"])
def test_database_outage_answers_503_with_retry_after_then_recovers(path):
    PressReleaseFactory()
    client = Client(raise_request_exception=False)
    # Logged in: the session and the user are read from the database before any view runs.
    client.force_login(coordinator_user(PartnerFactory(), "tartu"))

    with mock.patch.object(CursorWrapper, "execute", database_down):
        down = client.get(path)

    assert down.status_code == 503
    assert down["Retry-After"] == "30"
    assert "Temporarily unavailable" in down.content.decode() or 'lang="hu"' in down.content.decode()
    # The next request, with the database back, is served as usual: no restart.
    assert client.get(path).status_code in {200, 302}


def test_database_outage_page_is_in_the_visitors_language():
    client = Client(raise_request_exception=False)

    with mock.patch.object(CursorWrapper, "execute", database_down):
        down = client.get("/it/news/")

    assert down.status_code == 503
    assert "Temporaneamente non disponibile" in down.content.decode()


def test_other_server_errors_still_answer_500():
    client = Client(raise_request_exception=False)

    with mock.patch("projects.views.ReleaseListView.get", side_effect=RuntimeError("bug")):
        response = client.get("/en/news/")

    assert response.status_code == 500
    assert "Retry-After" not in response

""" "Tidy pasted text" on a release's body in the admin (projects.backoffice.tidy_admin): the endpoint."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from projects.factories import PartnerFactory, UserFactory
from projects.models import PressRelease
from tests.helpers.admin import admin_url, coordinator_user
from tests.helpers.samples import SAMPLES

ET_SAMPLE = SAMPLES / "et-better-teise-etappi.txt"
TIDY_URL = reverse("admin:projects_pressrelease_tidy_text")

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = coordinator_user(PartnerFactory(slug="tartu", language="et"), "tartu-coordinator")
    client.force_login(user)
    return user


def _tidy(client, text, language="et", title=""):
    return client.post(TIDY_URL, {"text": text, "language": language, "title": title})


def test_change_form_offers_tidy_on_each_languages_body(client, coordinator):
    page = client.get(admin_url(PressRelease, "add")).content.decode()
    for language in ("en", "et", "hu", "it", "sv"):
        assert f'data-tidy-language="{language}"' in page
        assert f'data-tidy-title-field="id_title_{language}"' in page
    assert f'data-tidy-url="{TIDY_URL}"' in page
    assert "admin-extra/tidy-text.js" in page


def test_tidy_returns_the_markdown_title_preview_and_what_was_removed(client, coordinator):
    response = _tidy(client, ET_SAMPLE.read_text(encoding="utf-8"))
    assert response.status_code == 200
    result = json.loads(response.content)
    assert result["title"] == "BETTER on sisenemas teise etappi"
    assert result["body"].startswith("BETTER on *Interreg Europe* projekt")
    assert "| Oktoober 2019 |" in result["body"]
    assert "<table>" in result["html"] and "<script" not in result["html"]
    assert result["message"] == "Removed: või jälgige meid"


def test_tidy_reports_a_proposed_date_and_social_links(client, coordinator):
    text = "Pealkiri\n\nTartu, juuni 2022\n\nTekst.\n\nJälgi meid: https://www.facebook.com/better\n"
    result = json.loads(_tidy(client, text).content)
    assert result["proposed_date"] == "2022-06-01"
    assert "Release date in the text: June 2022" in result["message"]
    assert "Social-media links found: https://www.facebook.com/better" in result["message"]


def test_text_under_a_different_title_is_kept_whole_in_the_body(client, coordinator):
    result = json.loads(_tidy(client, "First paragraph\nwrapped.\n\nSecond.", title="The title").content)
    assert result["title"] == "The title"
    assert result["body"] == "First paragraph wrapped.\n\nSecond."


def test_title_repeated_at_the_top_of_the_body_is_not_kept_twice(client, coordinator):
    result = json.loads(_tidy(client, "# The Title\n\nText.", title="The title").content)
    assert result["body"] == "Text."


def test_tidy_answers_only_a_post(client, coordinator):
    assert client.get(TIDY_URL).status_code == 405


def test_tidy_refuses_an_unknown_language_and_a_too_long_text(client, coordinator):
    assert _tidy(client, "T\n\nX", language="xx").status_code == 400
    response = _tidy(client, "x" * 100_001)
    assert response.status_code == 400
    assert "too long" in json.loads(response.content)["error"]


def test_tidy_is_for_staff_who_may_edit_releases(client):
    assert client.post(TIDY_URL, {"text": "T", "language": "en"}).status_code == 302  # to the login page
    client.force_login(UserFactory(username="plain-staff"))
    assert _tidy(client, "T\n\nX").status_code == 403


def test_tidy_checks_the_csrf_token(coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert _tidy(client, "T\n\nX").status_code == 403

"""Editing comfort in the admin (issue 4, item 6), through the admin's real HTTP views.

Markdown preview (in the change form and the live-preview endpoint), partner autocomplete, search by
title in any language, list filters and date hierarchy, and an admin that follows its user's language
after login.
"""

import datetime
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from events.factories import EventFactory
from events.models import Event
from practices.factories import GoodPracticeFactory
from practices.models import GoodPractice
from projects.backoffice.markdown_preview import MAX_PREVIEW_CHARACTERS
from projects.backoffice.permissions import EDITOR_GROUP, ensure_groups
from projects.factories import (
    PartnerFactory,
    PhaseFactory,
    PressReleaseFactory,
    UserFactory,
)
from projects.models import PressRelease
from tests.helpers.admin import admin_url, coordinator_user

pytestmark = pytest.mark.django_db

PASSWORD = "better-test"  # UserFactory's


def preview_url(model=PressRelease):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_markdown_preview")


def coordinator(slug, language, country):
    return coordinator_user(
        PartnerFactory(slug=slug, city_en=slug.capitalize(), language=language, country=country), slug
    )


def previews(html):
    """{language: rendered HTML} of the Markdown previews in a change form."""
    found = re.findall(
        r'<div class="markdown-preview"[^>]*\blang="(\w+)"[^>]*>'
        r'.*?<div class="markdown-preview__body">(.*?)</div></div>',
        html,
        flags=re.DOTALL,
    )
    return dict(found)


# --- Markdown preview in the change form ---------------------------------------------------------------------------


def test_release_change_form_previews_the_body_under_each_language(admin_client):
    release = PressReleaseFactory(body_en="Three **years** of work.", title_et="Pealkiri", body_et="Kolm *aastat*.")
    html = admin_client.get(admin_url(PressRelease, "change", release.pk)).content.decode()
    shown = previews(html)
    assert set(shown) == {"en", "et", "hu", "it", "sv"}
    assert "<p>Three <strong>years</strong> of work.</p>" in shown["en"]
    assert "<p>Kolm <em>aastat</em>.</p>" in shown["et"]
    assert "Nothing to preview yet." in shown["hu"]


def test_preview_in_the_change_form_drops_scripts_and_handlers(admin_client):
    body = (
        'Safe **text**.\n\n<script>alert("x")</script>\n\n<img src="x" onerror="alert(1)">\n\n'
        "[link](javascript:alert(2))"
    )
    release = PressReleaseFactory(body_en=body)
    html = admin_client.get(admin_url(PressRelease, "change", release.pk)).content.decode()
    preview = previews(html)["en"]
    assert "<strong>text</strong>" in preview
    assert "<script" not in preview and "onerror" not in preview and "javascript:" not in preview
    # The textarea keeps the text as typed, escaped.
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_event_and_practice_descriptions_have_a_preview_too(admin_client):
    event = EventFactory(description_en="An *event*.")
    practice = GoodPracticeFactory(description_en="A *practice*.")
    event_html = admin_client.get(admin_url(Event, "change", event.pk)).content.decode()
    practice_html = admin_client.get(admin_url(GoodPractice, "change", practice.pk)).content.decode()
    assert "<p>An <em>event</em>.</p>" in previews(event_html)["en"]
    assert "<p>A <em>practice</em>.</p>" in previews(practice_html)["en"]
    assert f'data-preview-url="{preview_url(Event)}"' in event_html


def test_preview_script_and_styles_are_local_files(admin_client):
    html = admin_client.get(admin_url(PressRelease, "add")).content.decode()
    for path in ("admin-extra/markdown-preview.js", "admin-extra/admin-extra.css"):
        assert f"/static/{path}" in html
        assert finders.find(path)


# --- the live preview endpoint ---------------------------------------------------------------------------------------


def test_preview_endpoint_renders_sanitised_html(admin_client):
    text = "## Title\n\n**bold** <script>alert(1)</script><b onclick=alert(2)>x</b>"
    response = admin_client.post(preview_url(), {"text": text})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "<h2>Title</h2>" in html and "<strong>bold</strong>" in html
    assert "<script" not in html and "alert(1)" not in html and "onclick" not in html


def test_preview_endpoint_refuses_get(admin_client):
    assert admin_client.get(preview_url()).status_code == 405


def test_preview_endpoint_refuses_oversize_text(admin_client):
    response = admin_client.post(preview_url(), {"text": "a" * (MAX_PREVIEW_CHARACTERS + 1)})
    assert response.status_code == 400
    assert f"at most {MAX_PREVIEW_CHARACTERS} characters" in response.json()["error"]


def test_preview_endpoint_needs_the_csrf_token():
    user = UserFactory(is_superuser=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(preview_url(), {"text": "hello"}).status_code == 403


def test_preview_endpoint_is_for_staff_only(client):
    response = client.post(preview_url(), {"text": "hello"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.force_login(UserFactory(is_staff=False))
    assert client.post(preview_url(), {"text": "hello"}).status_code == 302


def test_preview_endpoint_needs_a_permission_on_the_model(client):
    user = UserFactory()  # staff, no permissions
    client.force_login(user)
    assert client.post(preview_url(), {"text": "hello"}).status_code == 403
    user.groups.add(ensure_groups()[EDITOR_GROUP])
    client.force_login(user)
    assert client.post(preview_url(), {"text": "hello"}).status_code == 200


def test_coordinator_may_use_the_preview(client):
    client.force_login(coordinator("tartu", "et", "EE"))
    assert client.post(preview_url(), {"text": "*tere*"}).json() == {"html": "<p><em>tere</em></p>"}


# --- autocomplete, search, filters, date hierarchy --------------------------------------------------------------


def select_tag(html, name):
    return re.search(rf'<select name="{name}"[^>]*>', html).group(0)


def test_partner_choices_are_autocompletes_for_editors(admin_client):
    release_html = admin_client.get(admin_url(PressRelease, "add")).content.decode()
    event_html = admin_client.get(admin_url(Event, "add")).content.decode()
    practice_html = admin_client.get(admin_url(GoodPractice, "add")).content.decode()
    assert "admin-autocomplete" in select_tag(release_html, "author")
    assert "admin-autocomplete" in select_tag(event_html, "host")
    assert "admin-autocomplete" in select_tag(practice_html, "owner")
    # Events and practices were autocompletes already.
    assert "admin-autocomplete" in select_tag(practice_html, "events")


def test_coordinator_city_choice_stays_a_select_of_their_own_city(client):
    PartnerFactory(slug="genoa")
    client.force_login(coordinator("tartu", "et", "EE"))
    html = client.get(admin_url(PressRelease, "add")).content.decode()
    assert "admin-autocomplete" not in select_tag(html, "author")
    options = re.findall(r'<option value="(\d+)"', html.split('<select name="author"')[1].split("</select>")[0])
    assert len(options) == 1


def test_partner_autocomplete_finds_a_city_by_its_name_in_another_language(admin_client):
    genoa = PartnerFactory(city_en="Genoa", city_it="Genova")
    PartnerFactory(city_en="Tartu")
    params = {"app_label": "projects", "model_name": "pressrelease", "field_name": "author", "term": "Genova"}
    response = admin_client.get(reverse("admin:autocomplete"), params)
    assert [result["id"] for result in response.json()["results"]] == [str(genoa.pk)]


def test_coordinator_picks_the_importing_city_of_a_transfer_by_autocomplete(client):
    client.force_login(coordinator("tartu", "et", "EE"))
    gavle = PartnerFactory(city_en="Gävle", city_sv="Gävle", slug="gavle")
    params = {"app_label": "practices", "model_name": "transfer", "field_name": "importer", "term": "gäv"}
    response = client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(gavle.pk)]


@pytest.mark.parametrize(
    ("model", "factory", "field"),
    [
        (Event, EventFactory, "title_it"),
        (GoodPractice, GoodPracticeFactory, "title_sv"),
        (PressRelease, PressReleaseFactory, "title_hu"),
    ],
    ids=["event", "practice", "release"],
)
def test_search_finds_a_title_written_in_another_language(admin_client, model, factory, field):
    wanted = factory(**{field: "Különleges kifejezés"})
    factory()
    response = admin_client.get(admin_url(model, "changelist"), {"q": "különleges"})
    assert list(response.context["cl"].result_list) == [wanted]


def test_release_list_filters_by_phase_of_publication(admin_client):
    one = PhaseFactory(number=1, start_month=datetime.date(2019, 8, 1), end_month=datetime.date(2022, 7, 1))
    PhaseFactory(number=2, start_month=datetime.date(2022, 8, 1), end_month=datetime.date(2023, 7, 1))
    tz = timezone.get_current_timezone()
    last_day = PressReleaseFactory(published_at=datetime.datetime(2022, 7, 31, 23, 30, tzinfo=tz))
    PressReleaseFactory(published_at=datetime.datetime(2022, 8, 1, 0, 30, tzinfo=tz))
    PressReleaseFactory(status="draft", published_at=None)
    response = admin_client.get(admin_url(PressRelease, "changelist"), {"phase": one.pk})
    assert list(response.context["cl"].result_list) == [last_day]


def test_release_list_with_an_unknown_phase_is_empty_not_an_error(admin_client):
    PhaseFactory()
    PressReleaseFactory()
    response = admin_client.get(admin_url(PressRelease, "changelist"), {"phase": "99999"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_lists_filter_by_city_status_kind_and_phase_with_date_hierarchy(admin_client):
    # A filter shows only with something to choose: two cities, two phases.
    EventFactory(host=PartnerFactory(), visitors=[PartnerFactory()])
    PhaseFactory.create_batch(2)

    def filters(model):
        response = admin_client.get(admin_url(model, "changelist"))
        return response.context["cl"], {spec.title for spec in response.context["cl"].filter_specs}

    releases, release_filters = filters(PressRelease)
    assert {"status", "authoring partner", "phase"} <= {str(title) for title in release_filters}
    assert releases.date_hierarchy == "published_at"
    events, event_filters = filters(Event)
    assert {"kind", "host", "phase"} <= {str(title) for title in event_filters}
    assert events.date_hierarchy == "start_date"
    _practices, practice_filters = filters(GoodPractice)
    assert "owner city" in {str(title) for title in practice_filters}


def test_event_list_filters_by_kind(admin_client):
    visit = EventFactory(kind=Event.Kind.STUDY_VISIT)
    EventFactory(kind=Event.Kind.THEMATIC_EVENT)
    response = admin_client.get(admin_url(Event, "changelist"), {"kind__exact": Event.Kind.STUDY_VISIT})
    assert list(response.context["cl"].result_list) == [visit]


# --- the admin follows its user's language --------------------------------------------------------------------------


def login_url(language):
    with translation.override(language):
        return reverse("admin:login")


def admin_index(language):
    with translation.override(language):
        return reverse("admin:index")


def test_coordinator_logging_in_at_the_english_admin_lands_in_their_language(client):
    coordinator("tartu", "et", "EE")
    # As the login page sends it: its hidden `next` is the admin's index.
    response = client.post(login_url("en"), {"username": "tartu", "password": PASSWORD, "next": admin_index("en")})
    assert response.status_code == 302
    assert response["Location"] == "/et/admin/"
    page = client.get(response["Location"])
    assert '<html lang="et"' in page.content.decode()


def test_coordinator_login_without_any_next_lands_in_their_language(client):
    coordinator("genoa", "it", "IT")
    response = client.post(login_url("en"), {"username": "genoa", "password": PASSWORD})
    assert response["Location"] == "/it/admin/"


def test_coordinator_login_to_a_page_they_asked_for_keeps_it(client):
    coordinator("tartu", "et", "EE")
    wanted = admin_url(PressRelease, "changelist")  # /en/admin/projects/pressrelease/
    response = client.post(login_url("en"), {"username": "tartu", "password": PASSWORD, "next": wanted})
    assert response["Location"] == wanted


def test_coordinator_can_still_choose_another_admin_language_after_login(client):
    client.force_login(coordinator("tartu", "et", "EE"))
    response = client.get(admin_index("en"))
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_editor_login_stays_in_the_language_of_the_address(client):
    UserFactory(username="editor", is_superuser=True)
    response = client.post(login_url("sv"), {"username": "editor", "password": PASSWORD, "next": admin_index("sv")})
    assert response["Location"] == "/sv/admin/"


def test_failed_login_shows_the_form_again(client):
    coordinator("tartu", "et", "EE")
    response = client.post(login_url("en"), {"username": "tartu", "password": "wrong", "next": admin_index("en")})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_preview_endpoint_answers_json_in_every_admin_language(admin_client):
    with translation.override("hu"):
        url = preview_url()
    assert url.startswith("/hu/admin/")
    response = admin_client.post(url, {"text": "*szia*"})
    assert json.loads(response.content) == {"html": "<p><em>szia</em></p>"}

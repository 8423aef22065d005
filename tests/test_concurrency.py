"""Optimistic concurrency: two people editing the same object cannot silently overwrite each other.

Two browser sessions are two test clients: both GET the change form, then both POST it.
"""

import re

import pytest
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from events.factories import EventFactory
from events.models import Event
from practices.factories import GoodPracticeFactory
from practices.models import GoodPractice
from projects.factories import PartnerFactory, PressReleaseFactory, UserFactory
from projects.models import PressRelease
from tests.helpers.admin import admin_url, coordinator_user, form_values, restore_url, versions

pytestmark = pytest.mark.django_db

TOKEN = "concurrency_token"


def session(username, **user):
    client = Client()
    client.force_login(UserFactory(username=username, **user))
    return client


@pytest.fixture
def genoa():
    return PartnerFactory(city_en="Genoa", slug="genoa", country="IT", language="it")


@pytest.fixture
def release(genoa):
    return PressReleaseFactory(author=genoa, slug="phase-one", title_en="Original", body_en="Original body.")


@pytest.fixture
def first():
    return session("first", is_superuser=True)


@pytest.fixture
def second():
    return session("second", is_superuser=True)


def opened(client, obj):
    """The change form as a browser holds it after loading the page."""
    return form_values(client.get(admin_url(obj, "change")), type(obj))


def post(client, obj, data, **changes):
    data = {**data, **{name: value if isinstance(value, list) else [value] for name, value in changes.items()}}
    return client.post(admin_url(obj, "change"), data)


def conflict_errors(response):
    form = response.context["adminform"].form
    return [error for error in form.non_field_errors().as_data() if error.code == "conflict"]


def test_change_form_carries_the_version_it_was_loaded_from(first, release):
    data = opened(first, release)
    assert data[TOKEN] == [release.updated_at.isoformat()]


def test_save_without_a_concurrent_change_goes_through(first, release):
    response = post(first, release, opened(first, release), title_en="Changed once")
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.title_en == "Changed once"


def test_second_save_of_the_same_release_is_refused_and_keeps_its_input(first, second, release):
    first_form, second_form = opened(first, release), opened(second, release)
    assert post(first, release, first_form, title_en="First's title", title_et="Esimese pealkiri").status_code == 302

    response = post(second, release, second_form, title_en="Second's title", lead_en="Second's lead")

    assert response.status_code == 200
    assert len(conflict_errors(response)) == 1
    html = response.content.decode()
    # Who changed it, and what: the error lists the first editor's changes.
    assert "Someone else saved this press release after you opened it" in html
    assert re.search(r"Saved meanwhile by:\s*first \(", html)
    assert re.search(r"Title \(English\)</th>\s*<td>\s*<del>Original</del>.*?<ins>First&#x27;s title</ins>", html, re.S)
    assert re.search(r"Title \(Estonian\)</th>.*?<ins>Esimese pealkiri</ins>", html, re.S)
    # The second editor's input is still in the form, not thrown away.
    shown = form_values(response)
    assert shown["title_en"] == ["Second's title"]
    assert shown["lead_en"] == ["Second's lead"]
    # Nothing of it was saved.
    release.refresh_from_db()
    assert (release.title_en, release.lead_en, release.title_et) == (
        "First's title",
        "A short lead paragraph.",
        "Esimese pealkiri",
    )


def test_saving_again_after_the_conflict_overwrites_knowingly(first, second, release):
    first_form, second_form = opened(first, release), opened(second, release)
    assert post(first, release, first_form, title_en="First's title").status_code == 302
    refused = post(second, release, second_form, title_en="Second's title")
    # The re-rendered form carries the version the second editor has now been shown.
    resubmitted = form_values(refused)
    release.refresh_from_db()
    assert resubmitted[TOKEN] == [release.updated_at.isoformat()]

    assert post(second, release, resubmitted).status_code == 302
    release.refresh_from_db()
    assert release.title_en == "Second's title"
    assert versions(release)[-1].revision.user.username == "second"


def test_first_save_after_a_refusal_by_someone_else_is_refused_again(first, second, release):
    # Each save is checked against the version its own editor saw, whatever came before.
    first_form, second_form = opened(first, release), opened(second, release)
    assert post(first, release, first_form, title_en="One").status_code == 302
    resubmitted = form_values(post(second, release, second_form, title_en="Two"))
    assert post(first, release, opened(first, release), title_en="Three").status_code == 302
    response = post(second, release, resubmitted)
    assert response.status_code == 200 and conflict_errors(response)
    release.refresh_from_db()
    assert release.title_en == "Three"


def test_form_without_the_version_is_refused_with_a_message(first, release):
    data = opened(first, release)
    del data[TOKEN]
    response = post(first, release, data, title_en="Crafted")
    assert response.status_code == 200
    assert "sent without the version of the page it was based on" in response.content.decode()
    release.refresh_from_db()
    assert release.title_en == "Original"


def test_form_with_a_nonsense_version_is_refused_not_an_error_page(first, release):
    response = post(first, release, opened(first, release), **{TOKEN: "yesterday", "title_en": "Crafted"})
    assert response.status_code == 200
    assert conflict_errors(response)
    release.refresh_from_db()
    assert release.title_en == "Original"


def test_change_made_outside_the_admin_also_refuses_the_save(first, release):
    data = opened(first, release)
    release.title_en = "Changed in the shell"
    release.save()
    response = post(first, release, data, title_en="From the form")
    assert response.status_code == 200
    assert conflict_errors(response)
    html = response.content.decode()
    # The shell's save is a revision too: without a user, but with what it changed.
    assert "an unrecorded user" in html
    assert re.search(
        r"Title \(English\)</th>\s*<td>\s*<del>Original</del>.*?<ins>Changed in the shell</ins>", html, re.S
    )
    release.refresh_from_db()
    assert release.title_en == "Changed in the shell"


def test_change_to_an_object_outside_the_recorded_history_also_refuses_the_save(first, release):
    # Created before revisions were kept, then changed by a queryset update, which records nothing.
    Version.objects.get_for_object(release).delete()
    data = opened(first, release)
    PressRelease.objects.filter(pk=release.pk).update(title_en="Updated in bulk", updated_at=timezone.now())
    response = post(first, release, data, title_en="From the form")
    assert response.status_code == 200
    assert conflict_errors(response)
    assert "outside the recorded history" in response.content.decode()
    release.refresh_from_db()
    assert release.title_en == "Updated in bulk"


def test_two_coordinators_of_the_same_city_cannot_overwrite_each_other(genoa, release):
    one, two = Client(), Client()
    one.force_login(coordinator_user(genoa, "genoa"))
    two.force_login(coordinator_user(genoa, "genoa2"))
    one_form, two_form = opened(one, release), opened(two, release)
    assert post(one, release, one_form, body_en="Body by one.").status_code == 302
    response = post(two, release, two_form, body_en="Body by two.")
    assert response.status_code == 200 and conflict_errors(response)
    assert "genoa" in response.content.decode()
    release.refresh_from_db()
    assert release.body_en == "Body by one."


def test_second_save_of_an_event_keeps_its_new_recording_rows(first, second, genoa):
    event = EventFactory(host=genoa, slug="visit", title_en="Visit")
    first_form, second_form = opened(first, event), opened(second, event)
    assert post(first, event, first_form, location="Genoa harbour").status_code == 302
    recording = {
        "recordings-TOTAL_FORMS": "1",
        "recordings-0-title_en": "Slides",
        "recordings-0-url": "https://example.org/slides",
        "recordings-0-order": "0",
    }
    response = post(second, event, second_form, location="Town hall", **recording)
    assert response.status_code == 200 and conflict_errors(response)
    assert re.search(r"Location</th>\s*<td>.*?<ins>Genoa harbour</ins>", response.content.decode(), re.S)
    shown = form_values(response, Event)
    assert shown["location"] == ["Town hall"]
    assert shown["recordings-0-title_en"] == ["Slides"]
    event.refresh_from_db()
    assert event.location == "Genoa harbour"
    assert not event.recordings.exists()


def test_second_save_of_a_practice_is_refused(first, second, genoa):
    practice = GoodPracticeFactory(owner=genoa, slug="signature", title_en="Digital signature")
    first_form, second_form = opened(first, practice), opened(second, practice)
    assert post(first, practice, first_form, summary_en="First summary.").status_code == 302
    response = post(second, practice, second_form, summary_en="Second summary.")
    assert response.status_code == 200 and conflict_errors(response)
    assert form_values(response, GoodPractice)["summary_en"] == ["Second summary."]
    practice.refresh_from_db()
    assert practice.summary_en == "First summary."


def test_restore_is_refused_when_the_object_changed_after_the_restore_form_was_opened(first, second, release):
    assert post(first, release, opened(first, release), title_en="Second version").status_code == 302
    earliest = versions(release)[0]
    restore_form = form_values(first.get(restore_url(release, earliest)))
    assert post(second, release, opened(second, release), title_en="Third version").status_code == 302

    response = first.post(restore_url(release, earliest), restore_form)

    assert response.status_code == 200
    assert conflict_errors(response)
    html = response.content.decode()
    # The difference shown is against the object as it really is now, not the version being restored.
    assert re.search(
        r"Title \(English\)</th>\s*<td>\s*<del>Second version</del>.*?<ins>Third version</ins>", html, re.S
    )
    release.refresh_from_db()
    assert release.title_en == "Third version"
    assert PressRelease.objects.count() == 1


def test_view_only_page_shows_no_version_field(client, genoa, release):
    # Birmingham writes English, the source language of every release: another city's is view-only.
    birmingham = PartnerFactory(city_en="Birmingham", slug="birmingham", country="GB", language="en")
    client.force_login(coordinator_user(birmingham, "birmingham"))
    response = client.get(admin_url(release, "change"))
    assert response.status_code == 200
    assert TOKEN not in response.content.decode()
    assert "Concurrency token" not in response.content.decode()

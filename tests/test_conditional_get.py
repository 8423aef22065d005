"""Conditional GET on the news pages, the home page and the feeds: a repeat visit gets a 304."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from events.factories import EventFactory
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from tests.helpers.pages import url

pytestmark = pytest.mark.django_db

LIST_PAGES = ["projects:home", "projects:release-list", "projects:release-feed", "projects:release-atom"]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def release():
    """A release published and last edited days ago: a later edit is seconds apart at least."""
    release = PressReleaseFactory(
        slug="better-closes-phase-i",
        author=PartnerFactory(city_en="Tartu"),
        title_hu="A BETTER lezárja az I. szakaszt",
        body_hu="Szöveg.",
        published_at=days_ago(3),
    )
    PressRelease.objects.filter(pk=release.pk).update(updated_at=days_ago(2))
    release.refresh_from_db()
    return release


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_answers_304_to_a_repeat_visit_with_its_last_modified(client, release, name):
    first = client.get(url(name, "hu"))

    assert first.status_code == 200
    # The time of the last public change the site saw (projects.web.cache): not before the release's edit.
    assert parse_http_date(first["Last-Modified"]) >= int(release.updated_at.timestamp())
    repeat = client.get(url(name, "hu"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert repeat.status_code == 304
    assert repeat.content == b""


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_answers_304_to_a_repeat_visit_with_its_etag(client, release, name):
    first = client.get(url(name))

    assert first.has_header("ETag")
    assert client.get(url(name), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_answers_200_again_after_a_release_is_edited(client, release, name):
    first = client.get(url(name))

    release.title_en = "BETTER closes Phase 1"
    release.save()

    again = client.get(url(name), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "BETTER closes Phase 1" in again.content.decode()
    assert client.get(url(name), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_list_answers_200_when_a_scheduled_release_comes_out_without_any_edit(client, release):
    scheduled = PressReleaseFactory(
        title_en="Scheduled news", published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    PressRelease.objects.filter(pk=scheduled.pk).update(updated_at=days_ago(5))
    first = client.get(url("projects:release-list"))
    assert "Scheduled news" not in first.content.decode()

    # Its time comes: the clock moves, no row changes but the moment it is due.
    PressRelease.objects.filter(pk=scheduled.pk).update(published_at=timezone.now() - datetime.timedelta(minutes=1))

    again = client.get(url("projects:release-list"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "Scheduled news" in again.content.decode()


def test_list_answers_200_when_a_release_is_taken_back_to_draft(client, release):
    other = PressReleaseFactory(title_en="Withdrawn news", published_at=days_ago(4))
    PressRelease.objects.filter(pk=other.pk).update(updated_at=days_ago(4))
    first = client.get(url("projects:release-list"))
    assert "Withdrawn news" in first.content.decode()

    other.status = PressRelease.Status.DRAFT
    other.save()

    again = client.get(
        url("projects:release-list"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"], HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 200
    assert "Withdrawn news" not in again.content.decode()


def test_list_etag_changes_when_a_release_is_deleted(client, release):
    other = PressReleaseFactory(title_en="Deleted news", published_at=days_ago(4))
    PressRelease.objects.filter(pk=other.pk).update(updated_at=days_ago(4))
    first = client.get(url("projects:release-list"))

    other.delete()

    again = client.get(url("projects:release-list"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Deleted news" not in again.content.decode()


def test_release_page_answers_304_then_200_after_its_edit(client, release):
    page = url("projects:release-detail", "hu", slug=release.slug)
    first = client.get(page)

    assert parse_http_date(first["Last-Modified"]) >= int(release.updated_at.timestamp())
    assert client.get(page, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(page, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    release.body_hu = "Javított szöveg."
    release.save()

    again = client.get(page, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "Javított szöveg." in again.content.decode()


def test_release_page_answers_200_after_a_related_event_changes(client, release):
    event = EventFactory(title_en="Study visit to Gävle")
    event.releases.add(release)
    page = url("projects:release-detail", slug=release.slug)
    first = client.get(page)
    assert client.get(page, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    event.title_en = "Study visit to Gävle, 27 October"
    event.save()

    again = client.get(page, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Study visit to Gävle, 27 October" in again.content.decode()


def test_release_page_is_not_affected_by_the_edit_of_a_draft(client, release):
    other = PressReleaseFactory(title_en="Another release", status="draft", published_at=None)
    page = url("projects:release-detail", slug=release.slug)
    first = client.get(page)

    other.title_en = "Another release, edited"
    other.save()

    assert client.get(page, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(page, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_error_answers_carry_no_validators(client, release):
    missing = client.get(url("projects:release-detail", slug="no-such-release"))
    bad_page = client.get(url("projects:release-list") + "?page=abc")
    draft = PressReleaseFactory(status="draft", published_at=None)
    draft_page = client.get(draft.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=http_date(timezone.now().timestamp()))

    assert missing.status_code == 404
    assert bad_page.status_code == 400
    assert draft_page.status_code == 404
    for response in (missing, bad_page, draft_page):
        assert not response.has_header("Last-Modified")
        assert not response.has_header("ETag")


def test_empty_site_answers_200_then_304(client):
    response = client.get(url("projects:release-list"))

    assert response.status_code == 200
    assert client.get(url("projects:release-list"), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304

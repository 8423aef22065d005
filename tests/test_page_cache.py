"""The shared page cache (projects.web.cache): repeat visits are served from it, and every kind of
change a public page shows retires it at once; a draft's edit does not."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory, TransferFactory
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from projects.web import cache as page_cache
from projects.web import markdown as markdown_module
from tests.helpers.pages import url

pytestmark = pytest.mark.django_db

NEWS = "/en/news/"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def served(client, path, **headers):
    response = client.get(path, headers=headers)
    return response, response.get("X-Page-Cache")


@pytest.fixture
def release():
    return PressReleaseFactory(
        slug="phase-one-closes", title_en="Phase one closes", body_en="The *first* phase.", published_at=days_ago(3)
    )


def test_repeat_anonymous_visit_is_served_from_the_cache(client, release):
    first, first_state = served(client, NEWS)
    again, again_state = served(client, NEWS)

    assert (first_state, again_state) == ("miss", "hit")
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_page_from_the_cache_carries_every_header_of_the_page_rendered(client, release):
    # The cache answers before any other middleware runs: what they add is stored with the page.
    first, _state = served(client, "/sv/news/")
    again, state = served(client, "/sv/news/")

    assert state == "hit"
    for name in ("Content-Security-Policy", "Permissions-Policy", "Content-Language", "X-Frame-Options", "ETag"):
        assert again[name] == first[name], name
    assert again["Content-Language"] == "sv"
    assert again.headers.keys() - {"X-Page-Cache"} == first.headers.keys() - {"X-Page-Cache"}


def test_page_without_a_language_prefix_is_kept_per_accept_language(client, release):
    states = [served(client, "/sitemap.xml", accept_language=language)[1] for language in ("en", "hu", "hu")]
    again, _state = served(client, "/sitemap.xml", accept_language="hu")

    assert states == ["miss", "miss", "hit"]
    assert "Accept-Language" in again["Vary"]


def test_static_files_never_look_in_the_page_cache(client, release, monkeypatch):
    keys = []
    original = page_cache.page_key
    monkeypatch.setattr(page_cache, "page_key", lambda *args: keys.append(args) or original(*args))

    client.get("/static/css/site.css")
    client.get("/media/nothing.jpg")
    assert keys == []
    served(client, NEWS)
    assert len(keys) == 1


def test_cached_page_answers_304_to_its_etag_without_a_query(client, release, django_assert_num_queries):
    first, _state = served(client, NEWS)
    with django_assert_num_queries(0):
        repeat, _state = served(client, NEWS, if_none_match=first["ETag"])

    assert repeat.status_code == 304


def test_cached_page_is_read_with_the_version_in_one_cache_round_trip(client, release, monkeypatch):
    served(client, NEWS)
    reads, depth = [], []

    def counted(name, original):
        def read(*args, **kwargs):
            if not depth:  # (the test cache's get_many reads each key with get)
                reads.append(name)
            depth.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                depth.pop()

        return read

    for name in ("get", "get_many"):
        monkeypatch.setattr(page_cache.cache, name, counted(name, getattr(page_cache.cache, name)))

    _response, state = served(client, NEWS)

    assert state == "hit"
    assert reads == ["get_many"]


def test_query_in_another_order_is_the_same_page(client, release):
    first, _state = served(client, "/en/events/?kind=study-visit&when=past")
    _response, state = served(client, "/en/events/?when=past&kind=study-visit")

    assert first.status_code == 200
    assert state == "hit"


def test_query_with_a_repeated_parameter_is_refused_not_served_the_cached_page(client, release):
    # Issue 11: a repeated parameter answers 400, so it can no longer share the page of one value.
    served(client, "/en/events/?kind=study-visit&when=past")
    response, state = served(client, "/en/events/?when=past&kind=study-visit&when=past")

    assert response.status_code == 400
    assert state is None


def test_page_in_another_language_is_another_entry(client, release):
    served(client, NEWS)
    _response, state = served(client, "/it/news/")

    assert state == "miss"


def test_head_request_is_answered_from_the_cache_without_a_body(client, release):
    served(client, NEWS)
    response = client.head(NEWS)

    assert (response.status_code, response["X-Page-Cache"], response.content) == (200, "hit", b"")


def test_public_pages_set_no_cookie_and_do_not_vary_on_it(client, release):
    for path in (NEWS, release.get_absolute_url(), "/en/events/", "/en/about/", "/en/search/?q=phase", "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response.cookies, path
        assert "cookie" not in response.get("Vary", "").lower(), path
        assert served(client, path)[1] == "hit", path


def test_signed_in_visitor_never_gets_or_fills_the_cache(client, release):
    user = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    client.force_login(user)

    first, first_state = served(client, NEWS)
    second, second_state = served(client, NEWS)

    assert first.status_code == second.status_code == 200
    assert first_state is None and second_state is None


def test_admin_pages_are_never_cached(client, release):
    client.get("/en/admin/login/")
    _response, state = served(client, "/en/admin/login/")

    assert state is None


def test_error_answers_are_not_cached(client, release):
    served(client, "/en/news/no-such-release/")
    missing, state = served(client, "/en/news/no-such-release/")

    assert missing.status_code == 404
    assert state is None


# --- Each kind of change retires the cached pages --------------------------------------------------------------------


def test_publishing_a_draft_shows_it_at_once(client, release):
    draft = PressReleaseFactory(title_en="Freshly published", status="draft", published_at=None)
    assert "Freshly published" not in served(client, NEWS)[0].content.decode()

    draft.status = PressRelease.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save()

    response, state = served(client, NEWS)
    assert state == "miss"
    assert "Freshly published" in response.content.decode()


def test_editing_a_published_release_shows_the_edit(client, release):
    page = release.get_absolute_url()
    served(client, page)

    release.body_en = "The *second* phase."
    release.save()

    response, state = served(client, page)
    assert state == "miss"
    assert "<em>second</em>" in response.content.decode()


def test_unpublishing_a_release_removes_it_from_the_list_and_its_page(client, release):
    served(client, NEWS)
    served(client, release.get_absolute_url())

    release.status = PressRelease.Status.DRAFT
    release.save()

    assert "Phase one closes" not in served(client, NEWS)[0].content.decode()
    assert served(client, release.get_absolute_url())[0].status_code == 404


def test_deleting_a_release_removes_it(client, release):
    served(client, NEWS)

    release.delete()

    assert "Phase one closes" not in served(client, NEWS)[0].content.decode()


def test_linking_and_unlinking_an_event_changes_the_release_page(client, release):
    event = EventFactory(title_en="Study visit to Gävle")
    page = release.get_absolute_url()
    assert "Study visit to Gävle" not in served(client, page)[0].content.decode()

    event.releases.add(release)
    assert "Study visit to Gävle" in served(client, page)[0].content.decode()

    release.events.clear()
    assert "Study visit to Gävle" not in served(client, page)[0].content.decode()


def test_a_bulk_update_by_our_code_retires_the_pages(client, release):
    served(client, NEWS)

    PressRelease.objects.filter(pk=release.pk).update(title_en="Phase one is closed")

    response, state = served(client, NEWS)
    assert state == "miss"
    assert "Phase one is closed" in response.content.decode()


def test_scheduled_release_appears_when_due_without_any_edit(client, release, monkeypatch):
    PressReleaseFactory(title_en="Scheduled news", published_at=timezone.now() + datetime.timedelta(hours=1))
    first, _state = served(client, NEWS)
    assert "Scheduled news" not in first.content.decode()
    assert served(client, NEWS)[1] == "hit"

    # The clock moves past the publication time; no row changes.
    later = timezone.now() + datetime.timedelta(hours=1, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    again, state = served(client, NEWS, if_none_match=first["ETag"])
    assert (again.status_code, state) == (200, "miss")
    assert "Scheduled news" in again.content.decode()


def test_event_edit_changes_the_event_list_and_page(client, release):
    event = EventFactory(title_en="Thematic event in Tartu")
    served(client, "/en/events/")
    served(client, event.get_absolute_url())

    event.title_en = "Thematic event in Tartu, moved"
    event.save()

    assert "Thematic event in Tartu, moved" in served(client, "/en/events/")[0].content.decode()
    assert "Thematic event in Tartu, moved" in served(client, event.get_absolute_url())[0].content.decode()


def test_transfer_stage_change_changes_the_practice_page(client, release):
    practice = GoodPracticeFactory(title_en="Digital citizen folder")
    transfer = TransferFactory(practice=practice, importer=PartnerFactory(city_en="Gävle"))
    page = practice.get_absolute_url()
    first, _state = served(client, page)

    transfer.delete()

    again, state = served(client, page, if_none_match=first["ETag"])
    assert (again.status_code, state) == (200, "miss")


def test_editing_a_draft_changes_no_public_page_nor_etag(client, release):
    draft = PressReleaseFactory(title_en="Work in progress", status="draft", published_at=None)
    first, _state = served(client, NEWS)
    page, _state = served(client, release.get_absolute_url())

    draft.title_en = "Work in progress, second go"
    draft.save()
    draft.delete()

    again, state = served(client, NEWS)
    assert state == "hit"
    assert again["ETag"] == first["ETag"]
    assert served(client, release.get_absolute_url(), if_none_match=page["ETag"])[0].status_code == 304


# --- Markdown is rendered once per text and language ---------------------------------------------------------------


def test_release_body_markdown_is_rendered_once_per_language(client, release, settings, monkeypatch):
    settings.PUBLIC_PAGE_CACHE = False  # the views render every time: only the Markdown is kept
    page_cache._markdown_in_process.cache_clear()
    calls = []
    real = markdown_module.render_markdown
    monkeypatch.setattr(
        markdown_module, "render_markdown", lambda text, images=None: calls.append(text) or real(text, images=images)
    )

    for _visit in range(3):
        assert "<em>first</em>" in client.get(url("projects:release-detail", slug=release.slug)).content.decode()
    client.get(url("projects:release-detail", "it", slug=release.slug))
    # Another process sharing the cache (its own in-process memo empty) reads it from the cache.
    page_cache._markdown_in_process.cache_clear()
    client.get(url("projects:release-detail", slug=release.slug))

    assert calls == [release.body_en, release.body_en]

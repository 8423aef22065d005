"""Publishing and previewing press releases (issue 4, item 3), through the real views."""

import datetime
import re
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from projects.factories import PartnerFactory, PressReleaseFactory, UserFactory
from projects.models import PressRelease
from tests.helpers.admin import admin_url, edit_in_admin

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]


def public_url(release, language="en"):
    with translation.override(language):
        return release.get_absolute_url()


def preview_url(release, language="en"):
    with translation.override(language):
        return reverse("admin:projects_pressrelease_preview", args=[release.pk])


def news_slugs(client, language="en"):
    response = client.get(f"/{language}/news/")
    assert response.status_code == 200
    return [release.slug for release in response.context["releases"]]


def article(html):
    """The release itself on a page: what a visitor reads."""
    match = re.search(r'<article class="release">.*?</article>', html, re.DOTALL)
    assert match, "no release on the page"
    return match.group(0)


@pytest.fixture
def draft():
    return PressReleaseFactory(
        slug="draft-release",
        status=PressRelease.Status.DRAFT,
        published_at=None,
        title_en="Draft: BETTER meets in Tartu",
        body_en="Still being **written**.",
        title_et="Mustand: BETTER kohtub Tartus",
        lead_et="Eestikeelne juhatus.",
        body_et="Alles **kirjutamisel**.",
    )


@pytest.fixture
def scheduled():
    return PressReleaseFactory(
        slug="scheduled-release",
        title_en="Scheduled for a minute ahead",
        published_at=timezone.now() + datetime.timedelta(minutes=1),
    )


# --- a scheduled release publishes itself -------------------------------------------------------------------------


def test_scheduled_release_appears_on_the_news_when_its_time_comes(client, scheduled):
    assert "scheduled-release" not in news_slugs(client)
    assert client.get(public_url(scheduled)).status_code == 404
    later = timezone.now() + datetime.timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "scheduled-release" in news_slugs(client)
        assert "scheduled-release" in news_slugs(client, "et")
        response = client.get(public_url(scheduled))
        assert response.status_code == 200
        assert "Scheduled for a minute ahead" in response.content.decode()


def test_release_scheduled_a_second_ahead_appears_by_itself(client):
    release = PressReleaseFactory(slug="soon", published_at=timezone.now() + datetime.timedelta(seconds=1))
    assert "soon" not in news_slugs(client)
    time.sleep(max(0.0, (release.published_at - timezone.now()).total_seconds()) + 0.05)
    # Nothing ran in between: the clock alone made it public.
    assert "soon" in news_slugs(client)
    assert client.get(public_url(release)).status_code == 200


def test_publishing_through_the_admin_with_a_future_time_schedules_the_release(admin_client, draft):
    when = timezone.localtime() + datetime.timedelta(hours=3)
    response = edit_in_admin(
        admin_client,
        draft,
        status="published",
        published_at_0=when.strftime("%Y-%m-%d"),
        published_at_1=when.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == PressRelease.Status.PUBLISHED
    assert not draft.is_public
    assert "draft-release" not in news_slugs(admin_client)
    html = admin_client.get(admin_url(draft, "change")).content.decode()
    assert "Scheduled: appears on the public site by itself on" in html
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(hours=4)):
        assert "draft-release" in news_slugs(admin_client)


def test_publishing_through_the_admin_without_a_time_is_a_form_error(admin_client, draft):
    response = edit_in_admin(admin_client, draft, status="published", published_at_0="", published_at_1="")
    assert response.status_code == 200
    assert "published_at" in response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.status == PressRelease.Status.DRAFT


def test_published_release_change_form_says_it_is_public(admin_client):
    release = PressReleaseFactory()
    html = admin_client.get(admin_url(release, "change")).content.decode()
    assert "on the public site." in html
    assert "Published on" in html


def test_draft_is_not_found_on_the_public_site(client, draft):
    assert client.get(public_url(draft)).status_code == 404
    assert client.get(public_url(draft, "et")).status_code == 404
    assert "draft-release" not in news_slugs(client)


# --- the preview ----------------------------------------------------------------------------------------------------


def test_staff_preview_of_a_draft_shows_its_text_in_english_and_estonian(admin_client, draft):
    response = admin_client.get(preview_url(draft, "en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "projects/pressrelease_detail.html" in [template.name for template in response.templates]
    assert "Preview — not public" in html
    assert "Draft: BETTER meets in Tartu" in html
    assert "<strong>written</strong>" in html
    assert '<html lang="en">' in html

    response = admin_client.get(preview_url(draft, "et"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="et">' in html
    assert "Mustand: BETTER kohtub Tartus" in html
    assert "Eestikeelne juhatus." in html
    assert "<strong>kirjutamisel</strong>" in html
    assert response["X-Robots-Tag"].startswith("noindex")
    # The page's context is the public view's: the notice about a missing language works the same.
    assert response.context["in_page_language"] is True
    assert admin_client.get(preview_url(draft, "hu")).context["in_page_language"] is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_preview_of_a_published_release_is_the_public_page(admin_client, client, language):
    release = PressReleaseFactory(title_et="Pealkiri", lead_et="Juhatus.", body_et="Tekst **paks**.")
    public = client.get(public_url(release, language))
    preview = admin_client.get(preview_url(release, language))
    assert public.status_code == preview.status_code == 200
    assert article(preview.content.decode()) == article(public.content.decode())


def test_preview_of_a_scheduled_release_says_when_it_appears(admin_client, scheduled):
    html = admin_client.get(preview_url(scheduled)).content.decode()
    assert "Scheduled: this page appears on the public site by itself on" in html
    assert "Scheduled for a minute ahead" in html


def test_preview_links_back_to_the_change_form(admin_client, draft):
    html = admin_client.get(preview_url(draft, "et")).content.decode()
    assert f'href="/et/admin/projects/pressrelease/{draft.pk}/change/"' in html


def test_anonymous_preview_goes_to_the_admin_login(client, draft):
    response = client.get(preview_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "Draft: BETTER" not in response.content.decode()


def test_non_staff_preview_goes_to_the_admin_login(client, draft):
    client.force_login(UserFactory(is_staff=False))
    response = client.get(preview_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_view_permission_cannot_preview(client, draft):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(preview_url(draft)).status_code == 403


def test_staff_with_view_permission_previews_another_citys_draft(client, draft):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_pressrelease"))
    client.force_login(user)
    response = client.get(preview_url(draft, "et"))
    assert response.status_code == 200
    assert "Mustand: BETTER kohtub Tartus" in response.content.decode()


def test_preview_of_a_missing_release_is_not_found(admin_client):
    assert admin_client.get("/en/admin/projects/pressrelease/999999/preview/").status_code == 404
    assert admin_client.get("/en/admin/projects/pressrelease/not-a-number/preview/").status_code == 404


# --- "View on site" -------------------------------------------------------------------------------------------------


def _view_on_site(html):
    match = re.search(r'<a href="([^"]+)" class="viewsitelink"', html)
    assert match, "no View on site link"
    return match.group(1)


def test_view_on_site_of_a_draft_opens_its_preview(admin_client, draft):
    link = _view_on_site(admin_client.get(admin_url(draft, "change")).content.decode())
    assert link == preview_url(draft)
    assert admin_client.get(link).status_code == 200


def test_view_on_site_of_a_scheduled_release_opens_its_preview(admin_client, scheduled):
    link = _view_on_site(admin_client.get(admin_url(scheduled, "change")).content.decode())
    assert link == preview_url(scheduled)


def test_view_on_site_of_a_published_release_opens_its_public_page(admin_client):
    release = PressReleaseFactory(author=PartnerFactory(), slug="out-now")
    with translation.override("et"):
        link = _view_on_site(admin_client.get(admin_url(release, "change")).content.decode())
    response = admin_client.get(link)
    assert response.status_code == 302
    assert response["Location"].endswith("/et/news/out-now/")
    assert admin_client.get(response["Location"]).status_code == 200

"""A release's original language (issue 8, items 1 and 5): any of the five languages may be the one a
city wrote first. Pages, feeds, the sitemap, hreflang and JSON-LD show a page's language where it is
written, otherwise English, otherwise the original, always marked.
"""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease, ReleaseSlugRedirect
from tests.helpers.admin import admin_url, coordinator_user, form_fields
from tests.helpers.html import parse
from tests.helpers.pages import url_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
NO_ENGLISH = {"title_en": "", "lead_en": "", "body_en": ""}


@pytest.fixture
def tartu():
    return PartnerFactory(city_en="Tartu", slug="tartu", language="et", country="EE")


@pytest.fixture
def birmingham():
    return PartnerFactory(city_en="Birmingham", slug="birmingham", language="en", country="GB")


def estonian_only(author, **fields):
    """Tartu's release about the second stage, written in Estonian only."""
    values = {
        "original_language": "et",
        "slug": "better-teine-etapp",
        "title_et": "BETTER alustab teist etappi",
        "lead_et": "",
        "body_et": "Tartu linn alustab projekti teist etappi.",
        **NO_ENGLISH,
        **fields,
    }
    return PressReleaseFactory(author=author, **values)


def page(client, release, language):
    response = client.get(url_of(release, language))
    assert response.status_code == 200, response.status_code
    return response


# --- the rule in the model -----------------------------------------------------------------------------------------


def test_release_without_its_original_title_violates_the_database_constraint(tartu):
    release = estonian_only(tartu)
    with pytest.raises(IntegrityError), transaction.atomic():
        PressRelease.objects.filter(pk=release.pk).update(title_et="")


def test_release_without_its_original_body_is_a_validation_error_on_that_field(tartu):
    release = PressRelease(author=tartu, original_language="et", title_et="Pealkiri", title_en="Title", body_en="Text")
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "body_et" in error.value.message_dict
    assert "title_en" not in error.value.message_dict and "body_en" not in error.value.message_dict


def test_estonian_only_release_is_valid_and_saved(tartu):
    release = estonian_only(tartu)
    release.full_clean()
    assert release.available_languages == ["et"]
    assert PressRelease.objects.filter(pk=release.pk).exists()


def test_empty_slug_is_made_from_the_original_title_transliterated():
    author = PartnerFactory(language="hu")
    release = PressReleaseFactory(
        author=author, original_language="hu", slug="", title_hu="Zárul a BETTER első fázisa", body_hu="Szöveg."
    )
    assert release.slug == "zarul-a-better-elso-fazisa"


def test_slug_already_taken_gets_a_number(tartu):
    first = estonian_only(tartu, slug="")
    second = estonian_only(tartu, slug="")
    assert (first.slug, second.slug) == ("better-alustab-teist-etappi", "better-alustab-teist-etappi-2")


def test_in_language_finds_only_releases_written_in_it(tartu):
    english = PressReleaseFactory(author=tartu)
    estonian = estonian_only(tartu)
    assert list(PressRelease.objects.in_language("en")) == [english]
    assert list(PressRelease.objects.in_language("et")) == [estonian]


# --- which language a page shows -----------------------------------------------------------------------------------


def test_page_language_then_english_then_the_original(tartu):
    release = estonian_only(tartu, title_en="BETTER starts its second stage", body_en="Tartu starts.")
    release.title_hu, release.body_hu = "A BETTER második szakasza", "Tartu elkezdi."
    release.save()
    assert [release.shown_language(code) for code in LANGUAGES] == ["en", "et", "hu", "en", "en"]
    only_estonian = estonian_only(tartu, slug="another")
    assert {only_estonian.shown_language(code) for code in LANGUAGES} == {"et"}


def test_title_without_body_does_not_make_a_language_shown(tartu):
    release = estonian_only(tartu, title_hu="Csak cím")
    assert release.shown_language("hu") == "et"
    with translation.override("hu"):
        assert release.title == "BETTER alustab teist etappi"


def test_estonian_only_release_on_the_english_page_is_shown_in_estonian_and_marked(client, tartu):
    release = estonian_only(tartu)
    html = parse(page(client, release, "en"))
    heading = html.find("h1")
    assert heading.text() == "BETTER alustab teist etappi"
    assert heading.attrs["lang"] == "et"
    assert html.find("div", cls="prose").attrs["lang"] == "et"
    notice = html.find("p", cls="notice").text()
    assert "not available in English" in notice and "Estonian" in notice
    assert "Tartu linn alustab" in html.find("div", cls="prose").text()


def test_estonian_only_release_on_the_estonian_page_has_no_notice(client, tartu):
    release = estonian_only(tartu)
    html = parse(page(client, release, "et"))
    assert "lang" not in html.find("h1").attrs
    assert html.first("p", cls="notice") is None


def test_hungarian_page_falls_back_to_english_before_the_original(client, tartu):
    release = estonian_only(tartu, title_en="BETTER starts its second stage", body_en="Tartu starts.")
    html = parse(page(client, release, "hu"))
    assert html.find("h1").text() == "BETTER starts its second stage"
    assert html.find("h1").attrs["lang"] == "en"


def test_lead_missing_in_the_shown_language_is_left_out(client, tartu):
    release = PressReleaseFactory(
        author=tartu, lead_en="An English lead.", title_hu="Magyar cím", body_hu="Magyar szöveg.", lead_hu=""
    )
    response = page(client, release, "hu")
    assert "An English lead." not in response.content.decode()
    assert parse(response).first("p", cls="release__lead") is None
    with translation.override("hu"):
        assert release.lead == ""


def test_list_marks_a_release_shown_in_its_original(client, tartu):
    estonian_only(tartu)
    html = parse(client.get(reverse("projects:release-list")))
    summary = html.find("article", cls="release-summary")
    assert summary.find("a").attrs["lang"] == "et"
    assert summary.find("span", cls="badge").text() == "Language: Estonian"


# --- outdated translations -----------------------------------------------------------------------------------------


def test_translation_made_from_an_earlier_original_shows_a_notice_until_confirmed(client, tartu):
    release = estonian_only(tartu, title_en="BETTER starts its second stage", body_en="The event takes place.")
    assert parse(page(client, release, "en")).first("p", cls="notice--outdated") is None

    release.body_et = "Üritus jääb ära."  # the original now says the event is cancelled
    release.save()
    notice = parse(page(client, release, "en")).find("p", cls="notice--outdated")
    assert "earlier version of the original (Estonian)" in notice.text()
    assert notice.find("a").attrs["href"] == url_of(release, "et")
    assert release.translation_status("en") == "outdated"
    assert release.translation_status("et") == "complete"  # the original is never outdated

    assert release.confirm_translation("en")
    release.save()
    assert parse(page(client, release, "en")).first("p", cls="notice--outdated") is None


def test_translation_rewritten_after_the_original_changed_is_up_to_date(tartu):
    release = estonian_only(tartu, title_en="Second stage", body_en="The event takes place.")
    release.body_et = "Üritus jääb ära."
    release.save()
    release.body_en = "The event is cancelled."
    release.save()
    assert release.translation_status("en") == "complete"


# --- feeds, sitemap, hreflang, JSON-LD, search ---------------------------------------------------------------------


def test_english_feed_carries_an_estonian_only_release_marked_in_estonian(client, tartu):
    estonian_only(tartu)
    PressReleaseFactory(author=tartu, title_en="An English release")
    rss = client.get(reverse("projects:release-feed")).content.decode()
    assert "An English release" in rss
    item = re.search(r'<item xml:lang="et">(.*?)</item>', rss, re.S)
    assert item and "BETTER alustab teist etappi" in item.group(1)
    assert "Not available in English: shown in Estonian" in item.group(1)
    atom = client.get(reverse("projects:release-atom")).content.decode()
    assert re.search(r'<entry xml:lang="et">\s*<title>BETTER alustab teist etappi</title>', atom)


def test_estonian_feed_has_the_release_unmarked_and_hungarian_feed_has_it_marked_in_estonian(client, tartu):
    # Issue 11 reverses "the Hungarian feed has none": /hu/news/ lists it in Estonian, so its feed does too.
    estonian_only(tartu)
    with translation.override("et"):
        estonian = client.get(reverse("projects:release-feed")).content.decode()
    with translation.override("hu"):
        hungarian = client.get(reverse("projects:release-feed")).content.decode()
    assert "<item><title>BETTER alustab teist etappi</title>" in estonian
    assert '<item xml:lang="et"><title>BETTER alustab teist etappi</title>' in hungarian


def test_sitemap_lists_an_estonian_only_release_in_estonian_with_it_as_x_default(client, tartu):
    release = estonian_only(tartu)
    xml = client.get("/sitemap-news.xml").content.decode()
    entry = re.search(r"<url><loc>[^<]*/et/news/better-teine-etapp/</loc>(.*?)</url>", xml, re.S)
    assert entry
    assert re.search(r'hreflang="x-default" href="[^"]*/et/news/better-teine-etapp/"', entry.group(1))
    assert f"/en{release.get_absolute_url()[3:]}</loc>" not in xml


def test_hreflang_names_the_written_languages_and_the_original_as_x_default(client, tartu):
    release = estonian_only(tartu, title_hu="Második szakasz", body_hu="Tartu.")
    # Read on a written version (issue 11: the English page is a fallback, which names no versions).
    links = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in parse(page(client, release, "hu")).find_all("link", rel="alternate")
        if "hreflang" in link.attrs
    }
    assert sorted(links) == ["et", "hu", "x-default"]
    assert links["x-default"].endswith("/et/news/better-teine-etapp/")
    english = parse(page(client, release, "en"))
    assert english.find("link", rel="canonical").attrs["href"].endswith("/et/news/better-teine-etapp/")


def test_json_ld_is_in_the_shown_language_without_a_lead_from_elsewhere(client, tartu):
    release = estonian_only(tartu, lead_hu="Magyar bevezető")
    script = parse(page(client, release, "en")).find("script", type="application/ld+json")
    data = json.loads(script.text())
    assert data["inLanguage"] == "et"
    assert data["headline"] == "BETTER alustab teist etappi"
    assert "description" not in data


def test_search_on_the_english_page_finds_an_estonian_only_release_by_its_words(client, tartu):
    estonian_only(tartu)
    response = client.get("/en/search/", {"q": "alustab"})
    assert "BETTER alustab teist etappi" in response.content.decode()


# --- the admin: a coordinator of Tartu publishes in Estonian only ---------------------------------------------------


def test_tartu_coordinator_publishes_an_estonian_only_release_through_the_admin(client, tartu):
    client.force_login(coordinator_user(tartu, "tartu-coordinator"))
    data = form_fields(client.get(admin_url(PressRelease, "add")))
    assert data["original_language"] == "et"  # the form starts in the city's language
    data.update(
        {
            "slug": "",
            "title_et": "BETTER alustab teist etappi",
            "body_et": "Tartu linn alustab projekti teist etappi.",
            "status": "published",
            "published_at_0": "2022-07-01",
            "published_at_1": "10:00:00",
        }
    )
    response = client.post(admin_url(PressRelease, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = PressRelease.objects.get()
    assert (release.original_language, release.slug, release.title_en) == (
        "et",
        "better-alustab-teist-etappi",
        None,
    )
    client.logout()
    html = parse(client.get("/en/news/better-alustab-teist-etappi/"))
    assert html.find("h1").attrs["lang"] == "et"
    assert "not available in English" in html.find("p", cls="notice").text()


def test_birmingham_coordinators_form_starts_in_english(client, birmingham):
    client.force_login(coordinator_user(birmingham, "birmingham-coordinator"))
    assert form_fields(client.get(admin_url(PressRelease, "add")))["original_language"] == "en"


def test_release_without_text_in_its_original_language_is_a_form_error_on_that_tab(admin_client, tartu):
    data = form_fields(admin_client.get(admin_url(PressRelease, "add")))
    data.update({"author": tartu.pk, "original_language": "et", "title_en": "Only English", "body_en": "Text."})
    response = admin_client.post(admin_url(PressRelease, "add"), data)
    errors = response.context["adminform"].form.errors
    assert {"title_et", "body_et"} <= set(errors)
    assert not PressRelease.objects.exists()


def test_birmingham_coordinator_translates_an_estonian_release_into_english_only(client, tartu, birmingham):
    release = estonian_only(tartu)
    client.force_login(coordinator_user(birmingham, "birmingham-coordinator"))
    data = form_fields(client.get(admin_url(release, "change")))
    assert "title_en" in data and "title_et" not in data  # the original is read-only for them
    data.update({"title_en": "BETTER starts its second stage", "body_en": "Tartu starts the second stage."})
    assert client.post(admin_url(release, "change"), data).status_code == 302
    release.refresh_from_db()
    assert (release.title_en, release.title_et) == ("BETTER starts its second stage", "BETTER alustab teist etappi")


def test_tartu_coordinator_cannot_touch_english_of_their_own_language_original_elsewhere(client, tartu):
    other = PartnerFactory(language="hu")
    release = estonian_only(other)  # another city's release, written in Estonian
    client.force_login(coordinator_user(tartu, "tartu-coordinator"))
    response = client.get(admin_url(release, "change"))
    # Estonian is that release's original: nothing of it is Tartu's to translate.
    assert 'name="title_et"' not in response.content.decode()
    assert 'name="title_en"' not in response.content.decode()


def test_list_badges_mark_the_original_and_count_title_and_body_only(admin_client, tartu):
    estonian_only(tartu, title_hu="Cím", body_hu="Szöveg.")
    html = admin_client.get(admin_url(PressRelease, "changelist")).content.decode()
    assert "et ✓ original" in html
    assert "hu ✓" in html  # no Hungarian lead: still complete
    assert "en ✗" in html


def test_list_says_scheduled_for_a_future_publication(admin_client, tartu):
    PressReleaseFactory(author=tartu, published_at=timezone.now() + datetime.timedelta(days=3))
    html = admin_client.get(admin_url(PressRelease, "changelist")).content.decode()
    assert "Scheduled for" in html


def test_failed_save_promises_no_publication(admin_client, tartu):
    release = PressReleaseFactory(author=tartu, status="draft", published_at=None)
    data = form_fields(admin_client.get(admin_url(release, "change")))
    # Published with a date, but the body is emptied: the save fails.
    data.update({"status": "published", "published_at_0": "2022-07-01", "published_at_1": "10:00", "body_en": ""})
    response = admin_client.post(admin_url(release, "change"), data)
    assert response.status_code == 200
    summary = parse(response).find("p", cls="translation-summary__publication").text()
    assert "Draft: not on the public site." in summary
    assert "Published" not in summary
    release.refresh_from_db()
    assert release.status == "draft"


# --- a changed slug keeps its old address -------------------------------------------------------------------------


def test_published_release_whose_slug_changes_redirects_its_old_address_permanently(client, tartu):
    release = estonian_only(tartu)
    old = url_of(release, "hu")
    release.slug = "better-teine-etapp-algab"
    release.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == url_of(release, "hu")
    assert client.get(response["Location"]).status_code == 200


def test_draft_whose_slug_changes_leaves_no_redirect(client, tartu):
    release = estonian_only(tartu, status="draft", published_at=None)
    release.slug = "renamed"
    release.save()
    assert not ReleaseSlugRedirect.objects.exists()


def test_old_address_taken_by_another_release_shows_that_release(client, tartu):
    release = estonian_only(tartu)
    release.slug = "renamed"
    release.save()
    newcomer = PressReleaseFactory(author=tartu, slug="better-teine-etapp", title_en="A newcomer")
    assert not ReleaseSlugRedirect.objects.filter(old_slug="better-teine-etapp").exists()
    assert client.get(url_of(newcomer, "en")).status_code == 200


def test_redirect_to_a_release_taken_back_to_draft_is_not_found(client, tartu):
    release = estonian_only(tartu)
    old = url_of(release, "en")
    release.slug = "renamed"
    release.save()
    release.status = "draft"
    release.save()
    assert client.get(old).status_code == 404

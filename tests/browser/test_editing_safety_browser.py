"""Editing safety in the real admin, in Chromium (issue 4, "Done when"): two sessions editing the same release
cannot silently overwrite each other, an earlier version is restored from the history page, a release
scheduled ahead appears on the public news by itself, and the release list shows every language's state
between the admin's two sidebars at 1280 px."""

import datetime
import re
import time

import pytest
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from projects.backoffice.versions import versions_of
from projects.models import Partner, PressRelease

from .admin_pages import fill_in_tab, log_in
from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Demo releases, all of Tartu's: its coordinator and the superuser may both edit every field of them.
CONFLICT_SLUG = "better-enters-its-second-stage"
RESTORE_SLUG = "better-is-to-adopt-good-practices"
CHANGELIST = "/admin/projects/pressrelease/"


def session(context, demo_site, username):
    """A page of its own browser context (own cookies: a separate session), logged in as `username`."""
    page = context.new_page()
    return page, log_in(page, demo_site, username)


def change_url(demo_site, language, release):
    return f"{demo_site.url}/{language}{CHANGELIST}{release.pk}/change/"


def save(page):
    """Presses Save and waits for the answer: a redirect, or the same form shown again."""
    with page.expect_navigation():
        page.locator("input[name=_save]").click()


def test_second_of_two_concurrent_saves_is_refused_with_its_input_kept(demo_site, context, new_context, screenshot):
    release = PressRelease.objects.get(slug=CONFLICT_SLUG)
    first_lead = "Tartu's coordinator rewrote this lead in the first session."
    second_lead = "The project editor rewrote this lead in a second session."
    tartu, tartu_language = session(context, demo_site, "tartu")
    editor, editor_language = session(new_context(), demo_site, "admin")

    # Both open the same release, before either has saved.
    tartu.goto(change_url(demo_site, tartu_language, release))
    editor.goto(change_url(demo_site, editor_language, release))
    fill_in_tab(tartu, "id_lead_en", first_lead)
    fill_in_tab(editor, "id_lead_en", second_lead)

    save(tartu)
    tartu.wait_for_url(f"**{CHANGELIST}")
    expect(tartu.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.lead_en == first_lead

    # The second save is based on a page that is now out of date: refused, and said so.
    save(editor)
    expect(editor).to_have_url(change_url(demo_site, editor_language, release))
    conflict = editor.locator(".errorlist .history-conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Someone else saved this press release after you opened it.")
    expect(conflict).to_contain_text("Saved meanwhile by: tartu (")
    # What changed: the lead, with the words the first session wrote.
    lead_change = conflict.locator(".history-changes tr", has_text="Lead")
    expect(lead_change).to_have_count(1)
    expect(lead_change.locator("ins").first).to_be_visible()
    assert "Tartu's coordinator" in " ".join(lead_change.locator("ins").all_inner_texts())
    # The second person's text is still in the form; the database keeps the first person's.
    expect(editor.locator("#id_lead_en")).to_have_value(second_lead)
    screenshot(editor, "safety-01-conflict")
    release.refresh_from_db()
    assert release.lead_en == first_lead

    # Saving again, now knowingly, replaces the first person's lead.
    save(editor)
    editor.wait_for_url(f"**{CHANGELIST}")
    expect(editor.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.lead_en == second_lead
    assert versions_of(release).order_by("-pk").first().revision.user.username == "admin"


def test_earlier_version_restored_from_history_page_is_back_on_public_page(demo_site, page, screenshot):
    release = PressRelease.objects.get(slug=RESTORE_SLUG)
    original_lead = release.lead_en
    changed_lead = "A lead that should not have been saved."
    language = log_in(page, demo_site, "tartu")

    page.goto(change_url(demo_site, language, release))
    fill_in_tab(page, "id_lead_en", changed_lead)
    save(page)
    page.wait_for_url(f"**{CHANGELIST}")
    release.refresh_from_db()
    assert release.lead_en == changed_lead
    page.goto(f"{demo_site.url}/en/news/{RESTORE_SLUG}/")
    expect(page.locator("article.release .release__lead")).to_have_text(changed_lead)

    # The history page, from the change form's own link: the change, and the version before it.
    page.goto(change_url(demo_site, language, release))
    page.locator("a.historylink").click()
    page.wait_for_url(f"**{CHANGELIST}{release.pk}/history/")
    rows = page.locator("#change-history > tbody > tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("a[href*='/restore/']")).to_have_count(0)  # the latest version is the current one
    screenshot(page, "safety-02-history-before-restore")

    rows.nth(1).locator("a[href*='/restore/']").click()
    page.wait_for_url(f"**{CHANGELIST}{release.pk}/history/*/restore/")
    expect(page.locator(".history-restore-notice")).to_be_visible()
    expect(page.locator("#id_lead_en")).to_have_value(original_lead)
    save(page)

    page.wait_for_url(f"**{CHANGELIST}{release.pk}/history/")
    restored = versions_of(release).order_by("pk").first()
    with translation.override(language):
        saved_at = formats.localize(timezone.localtime(restored.revision.date_created))
        restore_message = gettext("The version saved on %(date)s has been restored.") % {"date": saved_at}
        restore_note = gettext("Restored the version saved on %(date)s") % {"date": saved_at}
    expect(page.locator(".messagelist .success", has_text=restore_message)).to_be_visible()
    release.refresh_from_db()
    assert release.lead_en == original_lead
    # The restore is a save of its own, on top of the history: nothing is lost, not even the change undone.
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator(".history-comment")).to_have_text(restore_note)
    expect(rows.nth(0)).to_contain_text("tartu")
    screenshot(page, "safety-03-history-after-restore")

    page.goto(f"{demo_site.url}/en/news/{RESTORE_SLUG}/")
    expect(page.locator("article.release .release__lead")).to_have_text(original_lead)
    screenshot(page, "safety-04-public-release-restored")


# The issue asks for a release scheduled one minute ahead. The admin's time field takes seconds
# (HH:MM:SS is always among Django's input formats), so the test schedules it a few seconds ahead
# instead: the mechanism is the same, the public list filters on the publication time at each request.
SCHEDULE_AHEAD = datetime.timedelta(seconds=8)
SCHEDULED = {
    "title_en": "Tartu schedules its open data day",
    "lead_en": "Tartu invites everyone to its open data day.",
    "body_en": "The city shows what its open data can do.",
}


def test_release_scheduled_ahead_appears_on_public_news_when_its_time_comes(demo_site, page, screenshot):
    language = log_in(page, demo_site, "tartu")
    page.goto(f"{demo_site.url}/{language}{CHANGELIST}add/")
    # Tartu's form starts in Estonian (issue 8); this release is written in English first.
    page.locator("#id_original_language").select_option("en")
    for field_id, value in SCHEDULED.items():
        fill_in_tab(page, f"id_{field_id}", value)
    page.locator("#id_status").select_option("published")
    # In the site's time zone, as the admin reads its date and time fields.
    publish_at = timezone.localtime(timezone.now() + SCHEDULE_AHEAD).replace(microsecond=0)
    page.locator("#id_published_at_0").fill(publish_at.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill(publish_at.strftime("%H:%M:%S"))
    save(page)
    page.wait_for_url(f"**{CHANGELIST}")
    expect(page.locator(".messagelist .success")).to_be_visible()
    release = PressRelease.objects.get(slug="tartu-schedules-its-open-data-day")
    assert release.status == PressRelease.Status.PUBLISHED
    assert release.published_at == publish_at

    news = page.locator("main").get_by_role("link", name=SCHEDULED["title_en"])
    page.goto(f"{demo_site.url}/en/news/")
    expect(news).to_have_count(0)
    # The page above was served before the publication time, or it proves nothing.
    assert timezone.now() < publish_at, "the release was saved too late to be seen unpublished; raise SCHEDULE_AHEAD"
    screenshot(page, "safety-05-news-before-scheduled-time")

    # Nothing runs in between: the same list, reloaded, until the time has passed (bounded).
    deadline = time.monotonic() + SCHEDULE_AHEAD.total_seconds() + 10
    while news.count() == 0 and time.monotonic() < deadline:
        time.sleep(0.5)
        page.reload()
    expect(news).to_be_visible()
    assert timezone.now() >= publish_at
    screenshot(page, "safety-06-news-after-scheduled-time")


@pytest.fixture(scope="module")
def outdated_release(demo_site, django_db_blocker):
    """A Genoa release whose Estonian and Italian were written before the English changed: the list's
    widest states ("it ⟳ non aggiornata")."""
    with django_db_blocker.unblock():
        release = PressRelease.objects.create(
            author=Partner.objects.get(slug="genoa"),
            slug="genoa-maps-its-flood-alerts",
            status=PressRelease.Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(days=2),
            title_en="Genoa maps its flood alerts",
            lead_en="Genoa puts its flood alerts on one map.",
            body_en="Every alert of the city is on the map.",
            title_et="Genova kaardistab oma üleujutushoiatused",
            lead_et="Genova koondab oma üleujutushoiatused ühele kaardile.",
            body_et="Kõik linna hoiatused on kaardil.",
            title_it="Genova mappa le allerte alluvione",
            lead_it="Genova mette le sue allerte alluvione su una mappa.",
            body_it="Ogni allerta della città è sulla mappa.",
        )
        release.lead_en = "Genoa now puts all of its flood alerts on one public map."
        release.save()
        assert release.is_translation_outdated("it")
        return release


@pytest.mark.parametrize("language", ["et", "it"])
def test_release_list_shows_every_languages_state_at_1280_px(
    demo_site, outdated_release, page, screenshot, horizontal_overflow, language
):
    log_in(page, demo_site, "tartu")
    # The admin follows the address's language: Estonian is Tartu's, Italian has the longest words here.
    page.goto(f"{demo_site.url}/{language}{CHANGELIST}")
    rows = page.locator("#result_list tbody tr")
    expect(rows.first).to_be_visible()
    expect(page.locator(".translation-status--outdated").first).to_be_visible()
    screenshot(page, f"safety-07-release-list-{language}")

    results = page.locator("#changelist-form .results")
    scroll_width, client_width = results.evaluate("(box) => [box.scrollWidth, box.clientWidth]")
    assert scroll_width <= client_width, "the release table scrolls sideways"
    visible = results.bounding_box()
    for row in range(rows.count()):
        badges = rows.nth(row).locator(".translation-status__item")
        expect(badges).to_have_text([re.compile(rf"^{code} ") for code in ("en", "et", "hu", "it", "sv")])
        for badge in badges.all():
            box = badge.bounding_box()
            assert visible["x"] <= box["x"] and box["x"] + box["width"] <= visible["x"] + visible["width"] + 0.5
    scroll_width, sticking_out = horizontal_overflow(page)
    assert scroll_width <= DESKTOP["width"], sticking_out

"""Real press releases in the browser (issue 8): "Tidy pasted text" in the admin, and the two real
samples imported, published and read on their public pages."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from projects.backoffice.importing import import_file
from projects.models import Partner, PressRelease
from tests.helpers.samples import SAMPLES

from .admin_pages import log_in
from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EN_SAMPLE = SAMPLES / "en-better-adopt-good-practices.txt"
ET_SAMPLE = SAMPLES / "et-better-teise-etappi.txt"


@pytest.fixture(scope="module")
def samples(demo_site, django_db_blocker):
    """Both samples imported as the importer does it, then published: the English one as Birmingham's
    release, the Estonian one as Tartu's release written in Estonian."""
    with django_db_blocker.unblock():
        english = import_file(
            EN_SAMPLE.name, EN_SAMPLE.read_bytes(), language="en", partner=Partner.objects.get(slug="birmingham")
        )
        estonian = import_file(
            ET_SAMPLE.name, ET_SAMPLE.read_bytes(), language="et", partner=Partner.objects.get(slug="tartu")
        )
        assert (english.outcome, estonian.outcome) == ("created", "created")
        releases = {}
        for language, result in (("en", english), ("et", estonian)):
            release = PressRelease.objects.get(pk=result.release.pk)
            release.status = PressRelease.Status.PUBLISHED
            release.published_at = timezone.now() - datetime.timedelta(hours=1)
            release.save()
            releases[language] = release
        return releases


def _check_page(page, horizontal_overflow):
    article = page.locator("main .prose").first
    expect(article.locator("table")).to_have_count(1)
    assert article.locator("ol").count() == 0  # no numbered list made of an ordinal date
    scroll_width, sticking_out = horizontal_overflow(page)
    assert sticking_out == [] and scroll_width <= DESKTOP["width"]
    # Nothing after the table is nested in a list: the last paragraph sits at the article's own level.
    last = article.locator("p").last
    assert last.evaluate("p => p.closest('ul, ol, table') === null")


def test_english_sample_public_page_has_a_readable_table(demo_site, samples, page, screenshot, horizontal_overflow):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site.url}/en/news/{samples['en'].slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("BETTER is to adopt good practices")
    _check_page(page, horizontal_overflow)
    cell = page.locator("main table tbody tr").first.locator("td").nth(1)
    expect(cell.locator("li")).to_have_count(3)
    expect(cell.locator("li").first).to_have_text(
        'Digital services to citizens - "Digital Citizen Folder" - "Segnalaci"'
    )
    screenshot(page, "issue8-01-english-sample-public")


def test_estonian_sample_public_page_has_its_table_and_paragraphs(
    demo_site, samples, page, screenshot, horizontal_overflow
):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site.url}/et/news/{samples['et'].slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("BETTER on sisenemas teise etappi")
    _check_page(page, horizontal_overflow)
    expect(page.locator("main table tbody tr")).to_have_count(4)
    expect(page.locator("main table th").first).to_have_text("Kuupäev")
    expect(page.get_by_role("link", name="anneli.saalik@tartu.ee")).to_have_attribute(
        "href", "mailto:anneli.saalik@tartu.ee"
    )
    screenshot(page, "issue8-02-estonian-sample-public")


def test_demo_release_with_an_ordinal_date_shows_no_numbered_list(demo_site, page):
    page.goto(f"{demo_site.url}/et/news/better-closes-phase-i/")
    body = page.locator("main .prose").first
    expect(body).to_contain_text("2022.")
    assert body.locator("ol").count() == 0


def test_coordinator_tidies_a_pasted_release_before_saving(demo_site, page, screenshot):
    releases = PressRelease.objects.count()
    log_in(page, demo_site, "tartu")
    page.goto(f"{demo_site.url}/et/admin/projects/pressrelease/add/")
    tabs = page.locator(".ui-tabs", has=page.locator("#id_body_et"))
    tabs.get_by_role("tab", name="et", exact=True).click()
    body = page.locator("#id_body_et")
    body.fill(ET_SAMPLE.read_text(encoding="utf-8"))
    field = page.locator(".markdown-field", has=body)
    field.locator(".tidy-text__button").click()

    expect(body).to_have_value(re.compile(r"^BETTER on \*Interreg Europe\* projekt"))
    expect(page.locator("#id_title_et")).to_have_value("BETTER on sisenemas teise etappi")
    preview = field.locator(".markdown-preview__body")
    expect(preview.locator("table tbody tr")).to_have_count(4)
    expect(field.locator(".tidy-text__status")).to_contain_text("või jälgige meid")
    assert "jälgige" not in body.input_value()
    # Nothing is saved by tidying.
    assert PressRelease.objects.count() == releases
    screenshot(page, "issue8-03-admin-tidy-pasted-text")


def test_update_preview_renders_the_text_typed_so_far(demo_site, page):
    # An event's description: the Markdown preview alone, without the release form's other scripts.
    log_in(page, demo_site, "tartu")
    page.goto(f"{demo_site.url}/et/admin/events/event/add/")
    tabs = page.locator(".ui-tabs", has=page.locator("#id_description_et"))
    tabs.get_by_role("tab", name="et", exact=True).click()
    body = page.locator("#id_description_et")
    body.fill("2022. aasta juulis algas **teine etapp**.")
    field = page.locator(".markdown-field", has=body)
    field.locator(".markdown-preview__update").click()

    preview = field.locator(".markdown-preview__body")
    expect(preview.locator("strong")).to_have_text("teine etapp")
    expect(preview.locator("ol")).to_have_count(0)


def test_coordinator_previews_an_import_from_the_release_list(demo_site, page, screenshot):
    releases = PressRelease.objects.count()
    log_in(page, demo_site, "tartu")
    page.goto(f"{demo_site.url}/et/admin/projects/pressrelease/")
    page.get_by_role("link", name="Impordi pressiteade failist").click()
    page.locator("#id_files").set_input_files(str(ET_SAMPLE))
    expect(page.locator("#id_language")).to_have_value("et")
    page.locator("#id_dry_run").check()
    page.get_by_role("button", name="Impordi").click()
    result = page.locator(".release-import__result")
    expect(result).to_contain_text("ainult eelvaade, midagi ei salvestatud")
    expect(result).to_contain_text("eemaldatud: või jälgige meid")
    expect(result.locator(".release-import__markdown")).to_contain_text("| Oktoober 2019 |")
    assert PressRelease.objects.count() == releases
    screenshot(page, "issue8-04-admin-import-preview")

    # Imported for real: a draft in Estonian, nothing in English asked for.
    page.locator("#id_files").set_input_files(str(ET_SAMPLE))
    page.locator("#id_dry_run").uncheck()
    page.get_by_role("button", name="Impordi").click()
    expect(page.locator(".release-import__result")).to_contain_text("loodi mustand „BETTER on sisenemas teise etappi“")
    assert PressRelease.objects.count() == releases + 1
    release = PressRelease.objects.latest("created_at")
    assert release.title_et == "BETTER on sisenemas teise etappi"
    assert (release.original_language, release.status, release.author.slug) == ("et", "draft", "tartu")
    screenshot(page, "issue8-05-admin-import-done")

"""A city coordinator's day in the real admin (issue 4, item 7): Tartu's coordinator adds the Estonian
version of a Genoa release, publishes a release of Tartu's own, and finds both on the public site."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from projects.models import Partner, PressRelease

from .admin_pages import fill_in_tab, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

GENOA_SLUG = "genoa-opens-its-rain-data"
ESTONIAN = {
    "title_et": "Genova avab oma vihmaandmed",
    "lead_et": "Genova avaldab oma vihmamõõturite ja jõgede andmed.",
    "body_et": "Genova linn avaldab nüüd **kõigi** oma vihmamõõturite andmed.",
}
OWN = {
    "title_en": "Tartu opens a citizen data portal",
    "lead_en": "Tartu puts its open data in one place.",
    "body_en": "The portal lists every open data set of the city.",
    "title_et": "Tartu avab elanike andmeportaali",
    "lead_et": "Tartu koondab oma avaandmed ühte kohta.",
    "body_et": "Portaal loetleb kõik linna avaandmete kogumid.",
}


@pytest.fixture(scope="module")
def genoa_release(demo_site, django_db_blocker):
    """A published release of Genoa in English only: the demo's releases are all Tartu's."""
    with django_db_blocker.unblock():
        return PressRelease.objects.create(
            author=Partner.objects.get(slug="genoa"),
            slug=GENOA_SLUG,
            status=PressRelease.Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(days=1),
            title_en="Genoa opens its rain data",
            lead_en="Genoa publishes the data of its rain gauges and rivers.",
            body_en="The city of Genoa now publishes the data of **all** its rain gauges.",
        )


def test_coordinator_translates_other_citys_release_and_publishes_own_release(
    demo_site, genoa_release, page, screenshot
):
    log_in(page, demo_site, "tartu")
    # The admin then speaks the coordinator's language: Estonian for Tartu.
    page.wait_for_url("**/et/admin/")
    expect(page.locator("html")).to_have_attribute("lang", "et")
    screenshot(page, "admin-01-index")

    # 1. Genoa's release: only the Estonian fields can be filled in.
    page.locator("#content-main a[href$='/admin/projects/pressrelease/']").first.click()
    page.wait_for_url("**/et/admin/projects/pressrelease/")
    screenshot(page, "admin-02-release-list")
    page.get_by_role("link", name="Genoa opens its rain data").click()
    page.wait_for_url(f"**/et/admin/projects/pressrelease/{genoa_release.pk}/change/")
    for read_only in ("id_author", "id_title_en", "id_body_en", "id_status", "id_slug", "id_title_hu"):
        expect(page.locator(f"#{read_only}")).to_have_count(0)
    screenshot(page, "admin-03-genoa-release-before")
    for field_id, value in ESTONIAN.items():
        fill_in_tab(page, f"id_{field_id}", value)
    screenshot(page, "admin-04-genoa-release-estonian-filled")
    page.locator("input[name=_save]").click()

    page.wait_for_url("**/et/admin/projects/pressrelease/")
    success = page.locator(".messagelist .success")
    expect(success).to_be_visible()
    expect(success).to_contain_text(ESTONIAN["title_et"])
    screenshot(page, "admin-05-genoa-release-saved")
    genoa_release.refresh_from_db()
    assert (genoa_release.title_et, genoa_release.lead_et, genoa_release.body_et) == tuple(ESTONIAN.values())
    assert genoa_release.title_en == "Genoa opens its rain data"  # the source text is untouched

    # 2. A release of Tartu's own, published now.
    page.locator("a.addlink[href$='/admin/projects/pressrelease/add/']").first.click()
    page.wait_for_url("**/et/admin/projects/pressrelease/add/")
    author_choices = page.locator("#id_author option:not([value=''])")
    expect(author_choices).to_have_count(1)
    expect(author_choices).to_have_text("Tartu")
    expect(page.locator("#id_author")).to_have_value(str(Partner.objects.get(slug="tartu").pk))
    for field_id, value in OWN.items():
        fill_in_tab(page, f"id_{field_id}", value)
    # Tartu writes in Estonian first (the form's default for its coordinator): the slug is made from the
    # Estonian title as it is typed (issue 8).
    expect(page.locator("#id_original_language")).to_have_value("et")
    expect(page.locator("#id_slug")).to_have_value("tartu-avab-elanike-andmeportaali")
    page.locator("#id_status").select_option("published")
    # The date and time widgets' own shortcuts: "today" and "now", in the server's time zone.
    page.locator("#id_published_at_0 ~ .datetimeshortcuts a").first.click()
    page.locator("#id_published_at_1 ~ .datetimeshortcuts a").first.click()
    expect(page.locator("#id_published_at_0")).not_to_have_value("")
    expect(page.locator("#id_published_at_1")).not_to_have_value("")
    screenshot(page, "admin-06-own-release-filled")
    page.locator("input[name=_save]").click()

    page.wait_for_url("**/et/admin/projects/pressrelease/")
    success = page.locator(".messagelist .success")
    expect(success).to_be_visible()
    expect(success).to_contain_text(OWN["title_et"])
    screenshot(page, "admin-07-own-release-saved")
    own = PressRelease.objects.get(slug="tartu-avab-elanike-andmeportaali")
    assert own.author.slug == "tartu"
    assert own.status == PressRelease.Status.PUBLISHED
    assert abs(timezone.now() - own.published_at) < datetime.timedelta(minutes=2)

    # 3. The public site, in Estonian.
    page.goto(f"{demo_site.url}/et/news/")
    expect(page.get_by_role("link", name=OWN["title_et"])).to_be_visible()
    expect(page.get_by_role("link", name=ESTONIAN["title_et"])).to_be_visible()
    screenshot(page, "admin-08-public-news-et")

    page.goto(f"{demo_site.url}/et/news/{GENOA_SLUG}/")
    expect(page.locator("html")).to_have_attribute("lang", "et")
    expect(page.locator("article.release h1")).to_have_text(ESTONIAN["title_et"])
    expect(page.locator("article.release .release__lead")).to_have_text(ESTONIAN["lead_et"])
    expect(page.locator("article.release .prose")).to_contain_text("Genova linn avaldab nüüd kõigi")
    expect(page.locator("article.release .prose strong")).to_have_text("kõigi")
    # A real Estonian version now: no English fallback notice.
    expect(page.locator("article.release .notice")).to_have_count(0)
    screenshot(page, "admin-09-public-genoa-release-et")

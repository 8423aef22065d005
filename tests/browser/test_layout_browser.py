"""The layout in a real browser (issue 11, items 1 and 2): no sideways scroll at 320 and 375 px even with a
very long unbroken title, a phone header whose Menu opens without JavaScript, a side column at 1280 px,
filters whose choices are read in full, the footer's EU emblem, and the site's pages without axe violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from projects.models import Partner, PressRelease

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = {"1280": DESKTOP, "768": {"width": 768, "height": 1000}, "375": {"width": 375, "height": 800}}
NARROW = {"320": {"width": 320, "height": 800}, "375": {"width": 375, "height": 800}}
LONG_WORD = "Közigazgatásiinnovációsjógyakorlatátvételiműhelysorozatzárórendezvénye" * 2
LONG_SLUG = "a-release-with-a-very-long-unbroken-title"

PAGE_TYPES = [
    ("home", "/{lang}/"),
    ("news-list", "/{lang}/news/"),
    ("release", "/{lang}/news/better-closes-phase-i/"),
    ("release-long-title", f"/{{lang}}/news/{LONG_SLUG}/"),
    ("events-list", "/{lang}/events/?city=genoa"),
    ("event", "/{lang}/events/thematic-event-gavle-2019-10/"),
    ("practices-list", "/{lang}/practices/"),
    ("practice", "/{lang}/practices/service-design-gavle/"),
    ("partners-list", "/{lang}/partners/"),
    ("partner", "/{lang}/partners/genoa/"),
    ("about", "/{lang}/about/"),
    ("accessibility", "/{lang}/accessibility/"),
    ("privacy", "/{lang}/privacy/"),
    ("search", "/{lang}/search/?q=Genoa"),
]
PAGES = [
    pytest.param(f"{lang}-{name}", path.format(lang=lang), id=f"{lang}-{name}")
    for lang in ["en", "hu"]
    for name, path in PAGE_TYPES
]


@pytest.fixture(scope="module")
def site(demo_site, django_db_blocker):
    """The demo site plus a release whose title and lead are one unbroken word, committed for the server."""
    with django_db_blocker.unblock():
        PressRelease.objects.create(
            author=Partner.objects.get(slug="tartu"),
            slug=LONG_SLUG,
            title_en=LONG_WORD,
            title_hu=LONG_WORD,
            body_en=f"{LONG_WORD} https://example.org/{LONG_WORD}",
            body_hu=LONG_WORD,
            status=PressRelease.Status.PUBLISHED,
            published_at=timezone.now(),
        )
    return demo_site


@pytest.fixture(scope="module")
def page(browser):
    """One tab for the module: these pages only read."""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_page_type_at_320_and_375_px_does_not_scroll_sideways(site, page, name, path, screenshot, horizontal_overflow):
    response = page.goto(site.url + path)
    assert response is not None and response.status == 200, path
    # Screenshots of every page type at every width, for people to look at.
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        screenshot(page, f"layout-{name}-{width}")
    for width, viewport in NARROW.items():
        page.set_viewport_size(viewport)
        scroll_width, sticking_out = horizontal_overflow(page)
        if scroll_width > viewport["width"]:
            screenshot(page, f"layout-{name}-{width}")
        assert scroll_width <= viewport["width"], f"{name} at {width} px is {scroll_width} px wide: {sticking_out}"


def test_phone_menu_opens_and_closes_without_javascript(site, browser):
    context = browser.new_context(viewport=NARROW["375"], java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site.url}/en/news/")
        header = page.locator("header.site-header")
        # A compact header: the brand and the Menu button, not the whole navigation.
        assert header.bounding_box()["height"] < 120
        nav = page.get_by_role("navigation", name="Main")
        expect(nav).to_be_hidden()
        menu = page.locator("summary", has_text="Menu")
        expect(menu).to_be_visible()

        menu.click()
        expect(nav).to_be_visible()
        expect(page.get_by_role("navigation", name="Language")).to_be_visible()
        expect(page.get_by_role("search")).to_be_visible()
        nav.get_by_role("link", name="Events").click()
        page.wait_for_url("**/en/events/")
        expect(page.get_by_role("navigation", name="Main")).to_be_hidden()

        page.locator("summary", has_text="Menu").click()
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        page.locator("summary", has_text="Menu").click()
        expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    finally:
        context.close()


def test_phone_menu_is_a_button_that_keyboard_users_open(site, page):
    page.set_viewport_size(NARROW["320"])
    page.goto(f"{site.url}/hu/")
    nav = page.locator("nav.site-nav")
    expect(nav).to_be_hidden()
    # A <summary>: keyboard-focusable, and exposed as an expandable control (Chromium: a disclosure triangle).
    menu = page.locator("summary.site-menu__button", has_text="Menü")
    menu.focus()
    expect(menu).to_be_focused()
    page.keyboard.press("Enter")
    expect(nav).to_be_visible()
    nav.get_by_role("link", name="Események").focus()
    expect(nav.get_by_role("link", name="Események")).to_be_focused()


def test_desktop_shows_the_navigation_without_a_menu_button(site, page):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site.url}/en/")
    expect(page.locator("nav.site-nav")).to_be_visible()
    expect(page.locator("summary.site-menu__button")).to_be_hidden()


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/better-closes-phase-i/",
        "/en/events/thematic-event-gavle-2019-10/",
        "/en/practices/service-design-gavle/",
    ],
)
def test_content_page_at_1280_px_has_its_related_column_beside_the_text(site, page, path):
    page.set_viewport_size(DESKTOP)
    page.goto(site.url + path)
    article = page.locator("main article").first.bounding_box()
    aside = page.locator("main .content-layout__aside").bounding_box()
    assert aside["x"] >= article["x"] + article["width"]
    # Together they use the page's width, rather than leaving its right part empty.
    assert aside["x"] + aside["width"] > DESKTOP["width"] * 0.85
    page.set_viewport_size(NARROW["375"])
    article = page.locator("main article").first.bounding_box()
    aside = page.locator("main .content-layout__aside").bounding_box()
    assert aside["y"] >= article["y"] + article["height"]


MEASURE_SELECTS = """
() => [...document.querySelectorAll('main select')].map((select) => {
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const widest = Math.max(...[...select.options].map((option) => context.measureText(option.text).width));
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
  return {name: select.name, widest: Math.ceil(widest), room: Math.floor(room)};
})
"""


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW["375"]], ids=["1280", "375"])
@pytest.mark.parametrize("lang", ["en", "et", "hu", "it", "sv"])
def test_event_filter_choices_are_shown_in_full(site, page, lang, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{site.url}/{lang}/events/")
    clipped = [select for select in page.evaluate(MEASURE_SELECTS) if select["widest"] > select["room"]]
    assert clipped == []


@pytest.mark.parametrize("lang", ["en", "hu"])
def test_footer_shows_the_eu_emblem_and_statement_on_a_white_ground(site, page, lang):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site.url}/{lang}/")
    emblem = page.locator("footer svg.eu-funding__emblem")
    expect(emblem).to_be_visible()
    box = emblem.bounding_box()
    assert box["width"] / box["height"] == pytest.approx(1.5, abs=0.01)
    band = page.locator("footer .site-footer__funding-band")
    assert band.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 255, 255)"


@pytest.mark.parametrize("path", ["/en/accessibility/", "/hu/privacy/", "/it/contact/"])
@pytest.mark.parametrize("viewport", [DESKTOP, NARROW["320"]], ids=["1280", "320"])
def test_site_page_and_open_menu_have_no_axe_violations(site, page, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(site.url + path)
    if viewport is not DESKTOP:
        page.locator("summary.site-menu__button").click()
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []

"""axe-core on every page type of the public site, in two languages, at desktop width and at 320 px
(WCAG 2.1 AA, issue 3 item 7): no violation of any impact, minor to critical (issue 11 item 5), and no
sideways scrolling at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# WCAG 1.4.10 (Reflow): content readable at 320 CSS px without scrolling in two directions.
NARROW = {"width": 320, "height": 800}
# A common phone width: screenshots of every page type are taken there too.
PHONE = {"width": 360, "height": 800}

# English and Hungarian (long compound words: the language most likely to overflow a narrow screen).
LANGUAGES = ["en", "hu"]
SEARCH_TERMS = {"en": "Genoa", "hu": "Genova"}

# (page type, address with {lang} and {q}, expected status)
PAGE_TYPES = [
    ("home", "/{lang}/", 200),
    ("news-list", "/{lang}/news/", 200),
    # Written in English, Estonian and Hungarian: a full translation in both languages.
    ("release", "/{lang}/news/better-closes-phase-i/", 200),
    ("events-list", "/{lang}/events/", 200),
    ("events-filtered", "/{lang}/events/?city=gavle&kind=study-visit", 200),
    ("events-invalid-filter", "/{lang}/events/?city=atlantis", 400),
    ("event-study-visit", "/{lang}/events/study-visit-gavle-2021-10-27/", 200),
    ("event-thematic", "/{lang}/events/thematic-event-gavle-2019-10/", 200),
    ("practices-list", "/{lang}/practices/", 200),
    ("practice-detail", "/{lang}/practices/digital-citizen-folder/", 200),
    ("partners-list", "/{lang}/partners/", 200),
    ("partner-detail", "/{lang}/partners/gavle/", 200),
    ("about", "/{lang}/about/", 200),
    # The footer's site pages.
    ("accessibility", "/{lang}/accessibility/", 200),
    ("privacy", "/{lang}/privacy/", 200),
    ("contact", "/{lang}/contact/", 200),
    ("legal-notice", "/{lang}/legal-notice/", 200),
    ("eu-funding", "/{lang}/eu-funding/", 200),
    ("search", "/{lang}/search/?q={q}", 200),
    ("search-no-results", "/{lang}/search/?q=xylophonequartz", 200),
    ("login", "/{lang}/admin/login/", 200),
    ("not-found", "/{lang}/no-such-page/", 404),
]
# A release shown in English under another language's page, with its fallback notice.
FALLBACK_PAGES = [
    ("hu-release-fallback", "/hu/news/better-enters-its-second-stage/", 200),
    ("it-release-fallback", "/it/news/better-closes-phase-i/", 200),
]

# (name, path, status); the name is the test id and the screenshots' file name.
PAGES = [
    pytest.param(f"{lang}-{name}", path.format(lang=lang, q=SEARCH_TERMS[lang]), status, id=f"{lang}-{name}")
    for lang in LANGUAGES
    for name, path, status in PAGE_TYPES
] + [pytest.param(name, path, status, id=name) for name, path, status in FALLBACK_PAGES]


@pytest.fixture(scope="module")
def page(browser):
    """One tab for the whole module, instead of pytest-playwright's new context per test: these
    pages only read, and a fresh context costs about 0.2 s for each of the ~100 checks."""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def open_page(page, url, status, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: HTTP {response and response.status}"


def describe_violations(name, url, width, violations):
    lines = [f"{name} ({url}) at {width} px: {len(violations)} axe-core violation(s)"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = node.get("failureSummary", "").strip().replace("\n", "\n        ")
            lines.append(f"        {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more element(s)")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
@pytest.mark.parametrize(("name", "path", "status"), PAGES)
def test_page_type_has_no_axe_violations_of_any_impact(demo_site, page, name, path, status, viewport):
    url = demo_site.url + path
    open_page(page, url, status, viewport)

    results = Axe().run(page)

    # Minor and moderate too: each is a barrier to someone, and a clean page keeps new ones visible.
    violations = results.response["violations"]
    assert not violations, describe_violations(name, url, viewport["width"], violations)


@pytest.mark.parametrize(("name", "path", "status"), PAGES)
def test_page_type_at_320px_does_not_scroll_sideways(
    demo_site, page, name, path, status, screenshot, horizontal_overflow
):
    url = demo_site.url + path
    # Screenshots of each page type for people to look at: desktop and phone widths.
    open_page(page, url, status, DESKTOP)
    screenshot(page, f"{name}-1280")
    page.set_viewport_size(PHONE)
    screenshot(page, f"{name}-360")

    page.set_viewport_size(NARROW)
    scroll_width, sticking_out = horizontal_overflow(page)

    if scroll_width > NARROW["width"]:
        screenshot(page, f"{name}-320")
    details = "\n".join(
        f"  {item['element']} (right edge {item['right']} px): {item['text']!r}" for item in sticking_out
    )
    assert scroll_width <= NARROW["width"], (
        f"{name} ({url}) is {scroll_width} px wide at 320 px; sticking out:\n{details}"
    )

"""Fixtures of the browser tests: a live server over BETTER's demo content, and screenshots.

pytest-django's `live_server` fixture makes every test that uses it transactional, so the database
is flushed after each test and the demo content would have to be loaded again for every one of the
~100 page checks (about 1.5 s each time on two cores). Here the same live server (pytest-django's
own LiveServer class) runs once per module over demo content loaded once per module, and the
module's teardown flushes the database as a transactional test would. A module whose tests change
data therefore starts from a fresh copy of the demo content and leaves nothing behind.

Modules that use `demo_site` carry the `django_db` marker: pytest-django creates the test database
only for tests that ask for one. Each test then runs inside a transaction of the test thread's
connection, which is harmless: the server thread has its own connection, and the demo content is
committed before any test starts.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer

# Gitignored; kept after the run so that a person can look at the pages.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

DESKTOP = {"width": 1280, "height": 900}

# Elements that stick out of the viewport on the right, innermost first: what makes a page scroll
# sideways. Reported by selector and text so that the failing CSS can be found.
OVERFLOW_SCRIPT = """
() => {
  const limit = document.documentElement.clientWidth;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) {
      name += '.' + el.className.trim().split(/\\s+/).join('.');
    }
    return name;
  };
  const path = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body; node = node.parentElement) parts.unshift(describe(node));
    return parts.join(' > ');
  };
  // Inside a box that scrolls or clips sideways (a wide table's scroll region), sticking out is
  // that box's business: the page itself does not scroll.
  const clipped = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > limit + 0.5 && !clipped(el);
  });
  // Innermost only: an element none of whose descendants also sticks out.
  return wide
    .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
    .slice(0, 10)
    .map((el) => ({
      element: path(el),
      right: Math.round(el.getBoundingClientRect().right),
      text: (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
    }));
}
"""


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests run last, after pytest-django has put the rest in its order.

    From the first browser test on, Playwright's event loop counts as running in the test thread,
    and Django then gives the thread a second set of database connections. Tests run after that
    would leave connections open that pytest-django cannot see, and the test database could not be
    dropped at the end. Last is also where the slowest tests belong.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """The uploads of a module's demo content (the partners' logos), never the checkout's media/."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_root(settings, demo_media):
    """The tests/conftest.py fixture of the same name gives every test an empty folder; here each test
    keeps its module's, where demo_site stored the logos, so the pages show them as they would be."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, browser, demo_media):
    """A live server over the demo content (password `better-demo` for the demo accounts).

    After `browser`: while Playwright's event loop runs in this thread, Django keeps the thread's
    database connections apart from those opened before it started. Starting it first keeps all of
    this module's work on one set, which the teardown closes; an open one would stop pytest-django
    from dropping the test database at the end.
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        call_command("load_demo_content", stdout=StringIO())
        server = LiveServer("localhost")
        try:
            yield server
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
            connections.close_all()


@pytest.fixture
def screenshot():
    """`screenshot(page, name)`: the whole page as test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take


@pytest.fixture
def horizontal_overflow():
    """`horizontal_overflow(page)`: (scrollWidth, the elements sticking out) of the page as laid out now."""

    def measure(page):
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        return scroll_width, page.evaluate(OVERFLOW_SCRIPT)

    return measure


# Reports a Content-Security-Policy violation to the console, where the `page` fixture collects it:
# Chromium logs refused resources itself, but not every refused inline style or handler.
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (event) => {
  console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
    + ` in ${event.sourceFile || document.location.href}:${event.lineNumber}`);
});
"""


@pytest.fixture
def page(page):
    """pytest-playwright's page, failing its test on any Content-Security-Policy violation: the site's
    pages and the admin must work under the strict policy with nothing inline."""
    violations = []
    page.add_init_script(CSP_LISTENER)
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    assert not violations, "\n".join(violations)

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

# Playwright's sync API runs an event loop in the test thread; Django's ORM would refuse to be
# used from it during live_server set-up. Tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--disable-quic",
        ],
    }


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to a temporary folder, never the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The database is rolled back after each test but the (in-memory) cache is not: start every test
    from an empty one, so that no page or content version of an earlier test is served."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _reset_language():
    """A request to a /<lang>/ page leaves that language active in the test thread; start every
    test from English so no test depends on the one before it."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def demo(db):
    """The demo content (the five cities, their events and practices), loaded for one test."""
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture(scope="module")
def demo_for_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a test module inside a transaction that is rolled back at
    its end; each test runs in its own savepoint within it (pytest-django), so what a test changes
    is undone and no other module ever sees these rows."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)

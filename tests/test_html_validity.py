"""The Nu Html Checker (vnu, the W3C's validator) over one page of every public type in every language,
and over the site's own stylesheets: no error and no warning (issue 11, item 5).

The pages are rendered once with the test client over the demo content, written to a temporary
folder and checked in one run of the checker (it takes a few seconds to start); each document then
passes or fails as a test of its own, naming the line and the checker's message. `make validators`
installs the checker (the vnu-jar npm package) and Java.
"""

import json
import shutil
import subprocess
import time
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.core.exceptions import SuspiciousOperation
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.test import Client, override_settings
from django.utils import translation

from better_site import errors
from projects.factories import PressReleaseFactory
from projects.models import Partner

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The site's own stylesheets; static/vendor/ holds third-party files as they were published.
STYLESHEETS = sorted(path for path in (ROOT / "static").rglob("*.css") if "vendor" not in path.parts)

LANGUAGES = ["en", "et", "hu", "it", "sv"]
# A word found in every language's pages, and one found nowhere.
SEARCH_TERMS = {"en": "Genoa", "et": "Tartu", "hu": "Genova", "it": "Genova", "sv": "Gävle"}
NO_RESULTS = "xylophonequartz"

# (page type, address with {lang}, {q} and {none}, expected status)
PAGE_TYPES = [
    ("home", "/{lang}/", 200),
    ("news-list", "/{lang}/news/", 200),
    # Written in English, Estonian and Hungarian; the Italian and Swedish pages show the English text.
    ("release-closes-phase-i", "/{lang}/news/better-closes-phase-i/", 200),
    # Written in English and Estonian: the fallback notice in Hungarian, Italian and Swedish.
    ("release-second-stage", "/{lang}/news/better-enters-its-second-stage/", 200),
    # Written in Italian only (added below): its original text, marked as Italian, everywhere else.
    ("release-italian-only", "/{lang}/news/solo-in-italiano/", 200),
    ("events-list", "/{lang}/events/", 200),
    ("events-filtered", "/{lang}/events/?city=gavle&role=host&kind=study-visit&year=2021&when=past", 200),
    ("events-no-match", "/{lang}/events/?city=tartu&kind=study-visit&year=2019", 200),
    ("events-invalid-filter", "/{lang}/events/?city=atlantis&year=nineteen", 400),
    ("event-study-visit", "/{lang}/events/study-visit-gavle-2021-10-27/", 200),
    ("event-thematic", "/{lang}/events/thematic-event-gavle-2019-10/", 200),
    ("practices-list", "/{lang}/practices/", 200),
    ("practices-filtered", "/{lang}/practices/?city=genoa", 200),
    ("practice", "/{lang}/practices/digital-citizen-folder/", 200),
    ("partners-list", "/{lang}/partners/", 200),
    ("partner", "/{lang}/partners/nyiregyhaza/", 200),
    ("about", "/{lang}/about/", 200),
    ("accessibility", "/{lang}/accessibility/", 200),
    ("privacy", "/{lang}/privacy/", 200),
    ("contact", "/{lang}/contact/", 200),
    ("legal-notice", "/{lang}/legal-notice/", 200),
    ("eu-funding", "/{lang}/eu-funding/", 200),
    ("search-results", "/{lang}/search/?q={q}", 200),
    ("search-no-results", "/{lang}/search/?q={none}", 200),
    ("search-empty", "/{lang}/search/", 200),
    ("not-found", "/{lang}/no-such-page/", 404),
    ("login", "/{lang}/admin/login/", 200),
]

DOCUMENTS = {
    f"{lang}-{name}.html": (path.format(lang=lang, q=SEARCH_TERMS[lang], none=NO_RESULTS), status)
    for lang in LANGUAGES
    for name, path, status in PAGE_TYPES
}


def database_down(request):
    try:
        raise OperationalError("the database cannot be reached")
    except OperationalError:
        return errors.server_error(request)


# The error pages Django's handlers render where no view can (a bad Host header, a failed CSRF check,
# an exception, the database gone): (page type, handler, expected status).
ERROR_PAGES = [
    ("bad-request", lambda request: errors.bad_request(request, SuspiciousOperation("bad host")), 400),
    ("forbidden", errors.permission_denied, 403),
    ("csrf-failure", lambda request: errors.csrf_failure(request, reason="CSRF cookie not set."), 403),
    ("server-error", errors.server_error, 500),
    ("database-down", database_down, 503),
]
ERROR_DOCUMENTS = {
    f"{lang}-{name}.html": (lang, handler, status) for lang in LANGUAGES for name, handler, status in ERROR_PAGES
}


def run_checker(files):
    """vnu's messages about `files`, grouped by file name: [(type, line, message, extract)]."""
    started = time.monotonic()
    completed = subprocess.run(
        [
            shutil.which("java") or "java",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            # Inline style attributes and <style> elements too (there should be none: the CSP forbids them).
            "--also-check-css",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    elapsed = time.monotonic() - started
    # The report goes to stderr unless --stdout; a crash would leave no JSON there.
    report = json.loads(completed.stderr)
    found = {file.name: [] for file in files}
    for message in report["messages"]:
        name = Path(unquote(urlsplit(message.get("url", "")).path)).name
        # vnu's levels: "error", "info" with subType "warning", plain "info" (advice only), and
        # "non-document-error" (a document it could not read or parse as a whole).
        kind = "warning" if message.get("subType") == "warning" else message["type"]
        if kind == "info":
            continue
        line = message.get("lastLine", message.get("firstLine", "?"))
        found.setdefault(name, []).append((kind, line, message.get("message", ""), message.get("extract", "")))
    return found, elapsed


@pytest.fixture(scope="module")
def checked(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every document rendered over the demo content and written out, the stylesheets beside them, all
    checked in one run. Like conftest's demo_for_module, the content is rolled back at the end; the
    uploads (the partners' logos and their renditions) go to a temporary folder, never the checkout."""
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make validators` (npm ci)"
    assert shutil.which("java"), "java is missing: run `make validators` (Debian's default-jre-headless)"
    folder = tmp_path_factory.mktemp("html-validity")
    client = Client()
    files = []
    statuses = {}
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo_content", stdout=StringIO())
        PressReleaseFactory(
            author=Partner.objects.get(slug="genoa"),
            original_language="it",
            slug="solo-in-italiano",
            title_en="",
            lead_en="",
            body_en="",
            title_it="Genova apre lo sportello digitale",
            lead_it="Il comune porta i suoi servizi online.",
            body_it="Il **fascicolo del cittadino** raccoglie pratiche e documenti.",
        )
        responses = {name: client.get(path) for name, (path, _status) in DOCUMENTS.items()}
        transaction.set_rollback(True)
    for name, (language, handler, _status) in ERROR_DOCUMENTS.items():
        with translation.override(language):
            responses[name] = handler(None)
    for name, response in responses.items():
        statuses[name] = response.status_code
        file = folder / name
        file.write_bytes(response.content)
        files.append(file)
    for stylesheet in STYLESHEETS:
        copy = folder / f"{stylesheet.parent.name}-{stylesheet.name}"
        shutil.copyfile(stylesheet, copy)
        files.append(copy)
    messages, elapsed = run_checker(files)
    # A message about no document of ours (the checker could not read one, say) fails every test.
    stray = {name: found for name, found in messages.items() if name not in {file.name for file in files}}
    assert not stray, "\n".join(describe(name or "(no document)", "?", found) for name, found in stray.items())
    error_count = sum(kind == "error" for found in messages.values() for kind, *_ in found)
    warning_count = sum(kind == "warning" for found in messages.values() for kind, *_ in found)
    # For the test log (pytest -s / -rA): what was checked and how long the checker took.
    print(f"vnu: {len(files)} documents, {error_count} errors, {warning_count} warnings, {elapsed:.1f} s")
    return {"folder": folder, "statuses": statuses, "messages": messages}


def describe(name, path, found):
    lines = [f"{name} ({path}): {len(found)} message(s) from the Nu Html Checker"]
    for kind, line, message, extract in found:
        lines.append(f"  line {line}: {kind}: {message}")
        if extract:
            lines.append(f"      {extract.strip()[:160]!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_public_page_has_no_html_errors_or_warnings(checked, name):
    path, status = DOCUMENTS[name]
    assert checked["statuses"][name] == status, f"{path}: HTTP {checked['statuses'][name]}, expected {status}"
    found = checked["messages"][name]
    assert not found, describe(name, path, found)


@pytest.mark.parametrize("name", ERROR_DOCUMENTS)
def test_error_page_has_no_html_errors_or_warnings(checked, name):
    language, _handler, status = ERROR_DOCUMENTS[name]
    assert checked["statuses"][name] == status, f"{name}: HTTP {checked['statuses'][name]}, expected {status}"
    found = checked["messages"][name]
    assert not found, describe(name, f"the {status} page in {language}", found)


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda path: str(path.relative_to(ROOT / "static")))
def test_stylesheet_has_no_css_errors_or_warnings(checked, stylesheet):
    name = f"{stylesheet.parent.name}-{stylesheet.name}"
    found = checked["messages"][name]
    assert not found, describe(name, stylesheet.relative_to(ROOT), found)


def test_checker_reports_an_invalid_document(tmp_path):
    """The checker is really consulted: a document with a known fault fails it."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><title>x</title><p><div>block in a paragraph</p></html>')
    messages, _elapsed = run_checker([broken])
    assert any(kind == "error" for kind, *_ in messages["broken.html"])

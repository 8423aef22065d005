"""The public site's shared cache: one content version, whole pages, and rendered Markdown.

**The content version.** Every public page is a function of the published content, of the code and of
the day (upcoming/past events). Rather than asking the database on each request what changed (the
row-reading freshness checks this replaces), one *content version* is kept in the cache itself, so
every instance sharing the cache (Redis in production) sees the same one:

- it is a counter bumped by signals whenever something a public page can show is saved, deleted or
  re-linked (post_save, post_delete, m2m_changed on the models of projects, events and practices),
  and by `VersionedQuerySet.update()` for bulk updates done by our own code (QuerySet.update() sends
  no signal). A release that was not public (a draft, or scheduled) and stays so bumps nothing:
  public pages (and their ETags) do not change while a coordinator works on it; only the time the
  next scheduled release becomes due is looked up again;
- it is bumped twice: at once (the instance that made the change serves it on its next request) and
  again after the transaction commits. Another instance may read the version, then render from the
  database before the commit and store the old page under it; the bump after the commit retires that
  version, so a stale page never outlives the commit;
- a scheduled release becomes public without any edit. The version entry therefore keeps the next
  due publication time (one indexed query, made again only after a change); the first request after
  that time bumps the version. All instances read the same due time, so all switch together;
- the day is part of the version, so "upcoming" and "past" move at midnight without any edit;
- a counter that is lost (cache cleared or evicted) starts again from the clock in microseconds,
  never from a value an older page may have been stored under.

Signals were chosen over a database-kept version (a trigger-maintained table) because the cache is
the thing that must agree across instances anyway: reading the version costs one cache round trip
and no query, and the same version gives every page its ETag and Last-Modified for free.

**Pages.** `PublicPageCacheMiddleware` keeps whole public responses per scheme and host, language,
path and normalised query (parameters sorted), under the code version; each entry names the content
version it was rendered under and is served only under that one. The page is read together with the
version, in one round trip. Only anonymous GET/HEAD requests are served from or stored in it: a request carrying a
session or messages cookie (a signed-in coordinator, the admin, a pending message) always reaches the
view, the admin and the language switcher are never cached, and a response that sets a cookie,
varies on Cookie, is private or no-store, streams, or is not a 200 is never stored.

**Markdown.** `cached_markdown` keeps each rendered text per language (the table label is
translated) under a digest of the text itself: a changed text has a new key, so it never needs
invalidating, and it is safe to share between instances and to keep in each process too.
"""

import dataclasses
import datetime
import hashlib
import math
import re
import time
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import activate, get_language, get_language_from_request

VERSION_KEY = "better:content:version"
CHANGED_KEY = "better:content:changed"
DUE_KEY = "better:content:next-due"
SERVED_KEY = "better:content:served"
PAGE_PREFIX = "better:page"
MARKDOWN_PREFIX = "better:markdown"
# Entries of an old version are never read again; they only wait to expire.
PAGE_TIMEOUT = 60 * 60
MARKDOWN_TIMEOUT = 7 * 24 * 60 * 60
# The apps whose models public pages show; of these, only the coordinator links are back-office only.
PUBLIC_APPS = {"projects", "events", "practices"}
PRIVATE_MODELS = {"projects.coordinator"}


def _code_version():
    """What the site's pages are rendered with: templates, static files and code. Every worker of
    a deployment computes the same value (unlike a start time), and a deployment changes it."""
    digest = hashlib.sha256()
    for folder, pattern in (("templates", "**/*.html"), ("static", "**/*.css"), (".", "*/*.py")):
        for path in sorted((settings.BASE_DIR / folder).glob(pattern)):
            if ".venv" in path.parts:
                continue
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


CODE_VERSION = _code_version()


@dataclasses.dataclass(frozen=True)
class Freshness:
    last_modified: datetime.datetime
    etag: str


@dataclasses.dataclass(frozen=True)
class ContentVersion:
    token: str  # in cache keys and ETags
    changed: datetime.datetime  # Last-Modified of every public page


# --- The version -------------------------------------------------------------------------------------------------


def _fresh_counter():
    return time.time_ns() // 1000


def bump_content_version():
    """Something a public page shows has changed: retire every cached page and ETag."""
    found = cache.get_many([VERSION_KEY, CHANGED_KEY, SERVED_KEY])
    changed = time.time()
    if found.get(SERVED_KEY) is not None and found.get(SERVED_KEY) == found.get(VERSION_KEY):
        # Last-Modified has one-second steps: a version that was served must be followed by a later
        # second, or a visitor of the old one would be told 304 (at most a second ahead of the clock).
        changed = max(changed, math.floor(found.get(CHANGED_KEY) or 0) + 1)
    try:
        counter = cache.incr(VERSION_KEY)
    except ValueError:  # no counter (yet, or evicted)
        counter = _fresh_counter()
        cache.set(VERSION_KEY, counter, timeout=None)
    cache.set_many({CHANGED_KEY: changed, DUE_KEY: (counter, _next_due(timezone.now()))}, timeout=None)


def content_changed():
    """Bump now and once more after the transaction commits (see the module docstring)."""
    bump_content_version()
    transaction.on_commit(bump_content_version)


def _next_due(now):
    """The earliest publication time still to come of a published release (a timestamp), or None."""
    from projects.models import PressRelease  # projects.models may import this module

    found = PressRelease.objects.filter(status=PressRelease.Status.PUBLISHED, published_at__gt=now).order_by(
        "published_at"
    )
    moment = found.values_list("published_at", flat=True).first()
    return moment.timestamp() if moment else None


def content_version() -> ContentVersion:
    """The current version: one cache round trip; a query only after a change, none otherwise."""
    return read_content_version()[0]


def read_content_version(also=()):
    """(the current version, {key: value} of the keys in `also` found), read in one round trip: the page
    cache asks for its page along with the version."""
    now = timezone.now()
    also = list(also)
    for _attempt in range(3):
        found = cache.get_many([VERSION_KEY, CHANGED_KEY, DUE_KEY, SERVED_KEY, *also])
        counter = found.get(VERSION_KEY)
        if counter is None:
            bump_content_version()
            continue
        due = found.get(DUE_KEY)
        if due is None or due[0] != counter:
            # Kept by every bump; lost only to eviction or a race with a bump: looked up again, under
            # this counter only (a change committed meanwhile bumps it, and it is looked up again).
            cache.set(DUE_KEY, (counter, _next_due(now)), timeout=None)
        elif due[1] is not None and due[1] <= now.timestamp():
            # A scheduled release has just become public: every instance sees the same due time.
            bump_content_version()
            continue
        break
    if found.get(SERVED_KEY) != counter:
        cache.set(SERVED_KEY, counter, timeout=None)
    changed = datetime.datetime.fromtimestamp(found.get(CHANGED_KEY) or time.time(), tz=datetime.UTC)
    today = timezone.localdate(now)
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    version = ContentVersion(
        token=f"{counter}.{today.toordinal()}", changed=max(changed, midnight).replace(microsecond=0)
    )
    return version, {key: found[key] for key in also if key in found}


def request_content_version(request) -> ContentVersion:
    """The version for this request, read once (the middleware reads it before the view runs)."""
    if not hasattr(request, "_content_version"):
        request._content_version = content_version()
    return request._content_version


def page_freshness(request, prefix="page") -> Freshness:
    """ETag and Last-Modified of a public page from the content version: no query.

    The ETag names the language and the whole address too (scheme, host, path and the query as sent),
    so two different answers never share one: the same path on another host or over HTTPS has other
    absolute links, and ?lang=et another language. It changes only when published content, the code
    or the day changes (a draft's edit changes nothing).
    """
    version = request_content_version(request)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{request.META.get('QUERY_STRING', '')}"
    key = (CODE_VERSION, version.token, get_language(), address)
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:20]
    return Freshness(last_modified=version.changed, etag=f'"{prefix}-{digest}"')


# --- Bumping: signals and bulk updates ---------------------------------------------------------------------------


def _is_public_model(model):
    meta = model._meta
    # Migrations' historical models have their own registry: their tables may not be complete yet.
    return meta.app_label in PUBLIC_APPS and meta.label_lower not in PRIVATE_MODELS and meta.apps is global_apps


def _release_state(instance):
    """Whether a release is public now (published and due); None when its fields were not loaded."""
    status = instance.__dict__.get("status")
    if status is None or "published_at" not in instance.__dict__:
        return None
    published_at = instance.__dict__["published_at"]
    return status == "published" and published_at is not None and published_at <= timezone.now()


def refresh_due_time():
    """A release that is not public (a draft, or scheduled) changed: nothing public changed, but the
    time the next scheduled release becomes due may have (content_version bumps then)."""
    counter = cache.get(VERSION_KEY)
    if counter is not None:
        cache.set(DUE_KEY, (counter, _next_due(timezone.now())), timeout=None)


def _not_public_changed():
    refresh_due_time()
    transaction.on_commit(refresh_due_time)


def remember_loaded_state(sender, instance, **kwargs):
    if sender._meta.label_lower == "projects.pressrelease":
        instance._published_when_loaded = _release_state(instance)


def _on_save(sender, instance, **kwargs):
    if not _is_public_model(sender):
        return
    if sender._meta.label_lower == "projects.pressrelease":
        before = getattr(instance, "_published_when_loaded", None)
        after = _release_state(instance)
        instance._published_when_loaded = after
        if before is False and after is False:
            # A draft or a scheduled release that stays one: public pages and their ETags stay as they
            # are (they would tell the time of unpublished work); only the next due time is looked up.
            _not_public_changed()
            return
    content_changed()


def _on_delete(sender, instance, **kwargs):
    if not _is_public_model(sender):
        return
    if sender._meta.label_lower == "projects.pressrelease" and _release_state(instance) is False:
        _not_public_changed()
        return
    content_changed()


def _on_m2m(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and _is_public_model(type(instance)):
        content_changed()


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

    post_init.connect(remember_loaded_state, dispatch_uid="better.cache.remember_loaded_state")
    post_save.connect(_on_save, dispatch_uid="better.cache.save")
    post_delete.connect(_on_delete, dispatch_uid="better.cache.delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="better.cache.m2m")


class VersionedQuerySet(QuerySet):
    """QuerySet.update() sends no signal: the public models' querysets bump the version themselves."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            content_changed()
        return rows

    update.alters_data = True


# --- Whole pages -------------------------------------------------------------------------------------------------

_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
# The back office and the language switcher: never from the cache.
# /healthz too: it must ask the database and the cache themselves, never a stored answer or the version.
# Nor static files and uploads, which are files already (served by WhiteNoise or Django, behind nginx).
_NEVER_CACHED = re.compile(
    rf"^/(?:(?:{_LANGUAGE_CODES})/)?(?:admin|i18n|healthz)(?:/|$)"
    rf"|^(?:{re.escape(settings.STATIC_URL)}|{re.escape(settings.MEDIA_URL)})"
)


def normalised_query(query_string):
    """Parameters sorted: ?b=2&a=1 and ?a=1&b=2 are one page. A repeated pair is kept: ?a=1&a=1 is
    refused with a 400 by the filtered lists, never answered with the page of ?a=1."""
    pairs = sorted(parse_qsl(query_string, keep_blank_values=True))
    return urlencode(pairs)


def page_key(request, language):
    """The page's entry: one per address and language. It holds (version token, response), so the page
    is read in the same round trip as the version, and is served only if stored under the current one."""
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(f"{CODE_VERSION}|{language}|{address}".encode()).hexdigest()
    return f"{PAGE_PREFIX}:{digest}"


def _anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _cacheable_request(request):
    return (
        settings.PUBLIC_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and _anonymous(request)
        and not _NEVER_CACHED.match(request.path)
    )


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",")}
    control = response.get("Cache-Control", "").lower()
    return "cookie" not in vary and "*" not in vary and "private" not in control and "no-store" not in control


# The request headers that make an answer conditional; most requests carry none of them.
_PRECONDITIONS = ("HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def _conditional(request, response):
    if not any(header in request.META for header in _PRECONDITIONS):
        return response
    last_modified = parse_http_date_safe(response["Last-Modified"]) if response.has_header("Last-Modified") else None
    return get_conditional_response(request, etag=response.get("ETag"), last_modified=last_modified, response=response)


def _one_chunk(response):
    """The body in one piece: a feed is written in hundreds of small pieces, and a WSGI server sends
    each piece in its own write (stored pieces would be sent so from the cache too)."""
    if not response.streaming and len(getattr(response, "_container", ())) > 1:
        response.content = response.content
    return response


class PublicPageCacheMiddleware:
    """Serves and stores anonymous public responses (see the module docstring). The first middleware: a
    stored page is the whole answer, with every other middleware's headers, so serving it runs none of
    them. Its key names the page's language, found as LocaleMiddleware finds it (the address's prefix,
    else the cookie or Accept-Language; such a page varies on Accept-Language, which it then says)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .fragments import store_fragments  # fragments build on this module

        response = self._respond(request)
        store_fragments(request, response)
        return response

    def _respond(self, request):
        if not _cacheable_request(request):
            return _one_chunk(self.get_response(request))
        # Read before the view: a change committed while it renders retires this version (module docstring).
        language = get_language_from_request(request, check_path=True)
        # Active from here, as LocaleMiddleware would make it: an error before the page (a host not
        # allowed, the database down) is answered in the visitor's language.
        activate(language)
        key = page_key(request, language)
        version, found = read_content_version(also=[key])
        request._content_version = version
        stored_version, cached = found.get(key, (None, None))
        if stored_version == version.token:
            cached["X-Page-Cache"] = "hit"
            if request.method == "HEAD":
                cached.content = b""
            return _conditional(request, cached)
        response = _one_chunk(self.get_response(request))
        if request.method == "GET" and _storable(response):
            # Every stored page can be revalidated cheaply: validators from the version where the view set none.
            freshness = page_freshness(request)
            if not response.has_header("ETag"):
                response["ETag"] = freshness.etag
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(freshness.last_modified.timestamp())
            cache.set(key, (version.token, response), PAGE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
            return _conditional(request, response)
        return response


# --- Markdown ----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _markdown_in_process(digest, language, text, images=()):
    from .markdown import render_markdown

    key = f"{MARKDOWN_PREFIX}:{CODE_VERSION}:{language}:{digest}"
    html = cache.get(key)
    if html is None:
        html = render_markdown(text, images=dict(images))
        cache.set(key, html, MARKDOWN_TIMEOUT)
    return html


def cached_markdown(text, images=None):
    """render_markdown(text, images=images) in the active language, kept per text, images and language
    (see the module docstring): the images are part of the key, so a new rendition address is a new entry."""
    if not text:
        return ""
    named = tuple(sorted((images or {}).items()))
    digest = hashlib.sha256(repr((text, named)).encode()).hexdigest()
    return _markdown_in_process(digest, get_language(), text, named)

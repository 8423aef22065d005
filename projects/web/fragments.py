"""Fragments of public pages kept in the shared cache under the content version.

A list page's cost is mostly its cards (a release, event or practice teaser: a few includes, a date,
city links, an image look-up each). A card is a function of its object, the language, the code and
the published content, so it is kept under the content version (projects.web.cache): any change a
public page can show retires every card at once, with no invalidation to get wrong. A page reads all
its cards in one cache round trip and renders only the missing ones. Kept the same way: the header
and footer, a valid filter form, the practice network and a city's part in it (`{% fragment %}`), and a list's count
(projects.web.pagination), since counting reads every matching row. The rest of a page (headings,
pagination, a detail page's own content) is rendered on each request.

Fragments rendered for a request are stored only once its response is known to be a 200
(`store_fragments`, called by the page cache middleware): a 400 for a made-up filter value or a 404
for a made-up address stores nothing, so visitors cannot fill the cache with addresses they invent.
"""

import hashlib

from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from projects.models import plain_values

from . import near_cache
from .cache import CODE_VERSION, PAGE_TIMEOUT, request_content_version

FRAGMENT_PREFIX = "better:fragment"
_PENDING = "_better_fragments"


def fragment_key(request, name, *parts):
    """A key naming the fragment, its inputs, the language and the code and content versions."""
    version = request_content_version(request).token
    inputs = hashlib.sha256(repr((CODE_VERSION, name, parts)).encode()).hexdigest()[:24]
    return f"{FRAGMENT_PREFIX}:{version}:{get_language()}:{inputs}"


class KeyedRows:
    """The rows of a list by primary key, read from the database only where they are needed.

    A list page knows its keys from an index (DeferredJoinPaginator, a partner's latest events); its
    cards come from the cache by key, so only the rows whose card is missing are read, with their
    prefetches. Anything else that iterates the list reads all of its rows once, as a list would.
    `queryset` may be a function that makes it: a list whose cards are all cached then never spends
    the time to build its queryset of rows (the columns to defer, the flags to compute).
    """

    def __init__(self, keys, queryset):
        self.keys = list(keys)
        self.queryset = queryset
        self._rows = None

    def rows(self, keys):
        """{key: row} of the given keys, from the rows read already or in one query."""
        if self._rows is not None:
            return {key: self._rows[key] for key in keys if key in self._rows}
        if not keys:
            return {}
        queryset = self.queryset() if callable(self.queryset) else self.queryset
        return {row.pk: row for row in queryset.filter(pk__in=keys)}

    def _all(self):
        if self._rows is None:
            self._rows = self.rows(self.keys)
        # A row deleted since its key was read is left out rather than failing the page.
        return [self._rows[key] for key in self.keys if key in self._rows]

    def _with_rows(self, rows):
        self._rows = {row.pk: row for row in rows}
        return self

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self.keys)

    def __bool__(self):
        return bool(self.keys)

    def __getitem__(self, index):
        return self._all()[index]


def cached_cards(context, objects, template_name, name, **extra):
    """Each object rendered with `template_name` (as `name`, with `extra`), read in one round trip.

    `objects` may be KeyedRows: then only the rows of the missing cards are read. Without a request
    in the context (a template rendered outside a view) nothing is cached.
    """
    request = context.get("request")
    template = get_template(template_name)
    if request is None:
        return [_render(context, template, name, obj, extra) for obj in objects]
    if not isinstance(objects, KeyedRows):
        objects = list(objects)
        objects = KeyedRows([obj.pk for obj in objects], None)._with_rows(objects)
    keys = {pk: fragment_key(request, template_name, name, sorted(extra.items()), pk) for pk in objects.keys}
    found = near_cache.get_many(request, list(keys.values()))
    rows = objects.rows([pk for pk, key in keys.items() if key not in found])
    missing = {}
    cards = []
    for pk, key in keys.items():
        html = found.get(key)
        if html is None:
            if pk not in rows:
                continue  # deleted since its key was read
            html = missing[key] = _render(context, template, name, rows[pk], extra)
        cards.append(mark_safe(html))  # noqa: S308 - our own template's output, escaped when it was rendered
    remember_fragments(request, missing)
    return cards


def _render(context, template, name, obj, extra):
    with context.push(**{name: obj, **extra}):
        return str(template.template.render(context))


def cached_block(request, name, parts, render):
    """What `render()` returns (HTML, a count), kept under `fragment_key(request, name, *parts)`."""
    if request is None:
        return render()
    key = fragment_key(request, name, *parts)
    html = near_cache.get(request, key)
    if html is None:
        html = render()
        remember_fragments(request, {key: html})
    return html


def cached_keys(request, name, parts, queryset, start, stop):
    """The primary keys of `queryset[start:stop]`, kept like a fragment (under the content version and
    the language: a list's keys are a function of the published content, the language and the day)."""
    return cached_block(request, name, parts, lambda: list(plain_values(queryset, "pk", flat=True)[start:stop]))


def remember_fragments(request, rendered):
    if rendered:
        request.__dict__.setdefault(_PENDING, {}).update(rendered)


def store_fragments(request, response):
    """Stores the fragments the request rendered, if its answer is a page served to everyone (200)."""
    pending = request.__dict__.pop(_PENDING, None)
    if pending and response.status_code == 200 and request.method in ("GET", "HEAD"):
        near_cache.set_many(request, pending, PAGE_TIMEOUT)

"""Fragments of public pages kept in the shared cache under the content version.

A list page's cost is mostly its cards (a release, event or practice teaser: a few includes, a date,
city links, an image look-up each). A card is a function of its object, the language, the code and
the published content, so it is kept under the content version (projects.web.cache): any change a
public page can show retires every card at once, with no invalidation to get wrong. A page reads all
its cards in one cache round trip and renders only the missing ones. What is cached is each card and
the footer; the page around them (headings, filters, counts, pagination) is rendered per request.

Fragments rendered for a request are stored only once its response is known to be a 200
(`store_fragments`, called by the page cache middleware): a 400 for a made-up filter value or a 404
for a made-up address stores nothing, so visitors cannot fill the cache with addresses they invent.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .cache import CODE_VERSION, PAGE_TIMEOUT, request_content_version

FRAGMENT_PREFIX = "better:fragment"
_PENDING = "_better_fragments"


def fragment_key(request, name, *parts):
    """A key naming the fragment, its inputs, the language and the code and content versions."""
    version = request_content_version(request).token
    inputs = hashlib.sha256(repr((CODE_VERSION, name, parts)).encode()).hexdigest()[:24]
    return f"{FRAGMENT_PREFIX}:{version}:{get_language()}:{inputs}"


def cached_cards(context, objects, template_name, name, **extra):
    """Each object rendered with `template_name` (as `name`, with `extra`), read in one round trip.

    Without a request in the context (a template rendered outside a view) nothing is cached.
    """
    objects = list(objects)
    request = context.get("request")
    template = get_template(template_name)
    if request is None:
        return [_render(context, template, name, obj, extra) for obj in objects]
    keys = [fragment_key(request, template_name, name, sorted(extra.items()), obj.pk) for obj in objects]
    found = cache.get_many(keys)
    missing = {}
    cards = []
    for key, obj in zip(keys, objects, strict=True):
        html = found.get(key)
        if html is None:
            html = missing[key] = _render(context, template, name, obj, extra)
        cards.append(mark_safe(html))  # noqa: S308 - our own template's output, escaped when it was rendered
    _remember(request, missing)
    return cards


def _render(context, template, name, obj, extra):
    with context.push(**{name: obj, **extra}):
        return str(template.template.render(context))


def cached_block(request, name, parts, render):
    """The output of `render()` kept under `fragment_key(request, name, *parts)`."""
    if request is None:
        return render()
    key = fragment_key(request, name, *parts)
    html = cache.get(key)
    if html is None:
        html = render()
        _remember(request, {key: html})
    return html


def _remember(request, rendered):
    if rendered:
        request.__dict__.setdefault(_PENDING, {}).update(rendered)


def store_fragments(request, response):
    """Stores the fragments the request rendered, if its answer is a page served to everyone (200)."""
    pending = request.__dict__.pop(_PENDING, None)
    if pending and response.status_code == 200 and request.method in ("GET", "HEAD"):
        cache.set_many(pending, PAGE_TIMEOUT)

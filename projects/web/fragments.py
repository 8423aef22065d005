"""Fragments of public pages kept in the shared cache under the content version.

A list page's cost is mostly its cards (a release, event or practice teaser: a few includes, a date,
city links, an image look-up each). A card is a function of its object, the language, the code and
the published content, so it is kept under the content version (projects.web.cache): any change a
public page can show retires every card at once, with no invalidation to get wrong. A page reads all
its cards in one cache round trip and renders only the missing ones. What is cached is each card and
the footer; the page around them (headings, filters, counts, pagination) is rendered per request.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .cache import CODE_VERSION, PAGE_TIMEOUT, request_content_version

FRAGMENT_PREFIX = "better:fragment"


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
    if missing:
        cache.set_many(missing, PAGE_TIMEOUT)
    return cards


def _render(context, template, name, obj, extra):
    with context.push(**{name: obj, **extra}):
        return str(template.template.render(context))


def cached_block(request, name, parts, render):
    """The output of `render()` kept under `fragment_key(request, name, *parts)`.

    Only on the site's own addresses: an error page for any address a visitor makes up (a 404) is
    rendered, not stored, so made-up addresses cannot fill the cache.
    """
    if request is None or getattr(request, "resolver_match", None) is None:
        return render()
    key = fragment_key(request, name, *parts)
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, PAGE_TIMEOUT)
    return html

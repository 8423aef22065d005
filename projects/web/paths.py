"""The addresses of the site's objects, kept per worker.

An object's path is a function of the URL patterns, the language (its prefix), the script prefix
and the object's slug alone, yet reverse() works it out afresh each time, and a list, a search or a
sitemap asks for dozens. So each worker keeps the paths it has worked out (least recently used first
to go).
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def object_path(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), remembered."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _path(viewname, get_language(), get_script_prefix(), urlconf, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=8192)
def _path(viewname, _language, _prefix, urlconf, arguments):
    return reverse(viewname, urlconf=urlconf, kwargs=dict(arguments))

"""Addresses of pages in a given language, and the number of queries a page takes."""

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def url_of(obj, language):
    with translation.override(language):
        return obj.get_absolute_url()


def count_queries(client, path, data=None):
    """How many SQL queries the page at `path` takes to render (not served from the page cache, and
    with no cached fragment: the worst case); it must answer 200."""
    cache.clear()
    with override_settings(PUBLIC_PAGE_CACHE=False), CaptureQueriesContext(connection) as queries:
        response = client.get(path, data)
    assert response.status_code == 200, response.status_code
    return len(queries)

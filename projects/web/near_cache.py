"""A worker's own copy of the shared-cache entries a public page reads on almost every request.

Fragments (projects.web.fragments: their keys name the content version) and image sizes
(projects.web.images: their keys name the file, which is never changed in place) never change under
their key, yet each read from Redis is a round trip, and a page makes four to eight of them. So the
entries a worker reads or stores are kept in its memory as well.

The copy belongs to one content version: a request that reads another version (any published
change, a new day, or a cleared shared cache) starts an empty copy. An instance therefore never
serves what another has retired, and it holds at most MAX_ENTRIES entries of one version. Without a
request (a template rendered outside a view) the shared cache is used alone.
"""

import threading

from django.core.cache import cache

from .cache import request_content_version

MAX_ENTRIES = 4096
# A larger value (a long list's fragment) is read from the shared cache each time: memory stays bounded.
MAX_VALUE_CHARS = 64 * 1024

_lock = threading.Lock()
_copy = {"version": None, "entries": {}}


def get_many(request, keys):
    """{key: value} of the keys found, from this worker's copy first, then in one shared-cache read."""
    if request is None:
        return cache.get_many(keys)
    entries = _entries(request)
    found = {key: entries[key] for key in keys if key in entries}
    missing = [key for key in keys if key not in found]
    if missing:
        fetched = cache.get_many(missing)
        _keep(entries, fetched)
        found.update(fetched)
    return found


def get(request, key):
    return get_many(request, [key]).get(key)


def set_many(request, values, timeout):
    """Stores `values` in the shared cache, and in this worker's copy."""
    cache.set_many(values, timeout)
    if request is not None:
        _keep(_entries(request), values)


def memo(request, name, compute):
    """What `compute()` returns (site-wide rows a page looks up, such as the partner cities), worked out
    once per content version by each worker; without a request, worked out each time."""
    if request is None:
        return compute()
    entries = _entries(request)
    key = ("memo", name)
    if key not in entries:
        _keep(entries, {key: compute()})
    return entries[key]


def _entries(request):
    version = request_content_version(request).token
    with _lock:
        if _copy["version"] != version:
            _copy.update(version=version, entries={})
        return _copy["entries"]


def _keep(entries, values):
    with _lock:
        for key, value in values.items():
            if not (isinstance(value, str) and len(value) > MAX_VALUE_CHARS):
                entries[key] = value
        while len(entries) > MAX_ENTRIES:
            del entries[next(iter(entries))]  # the oldest first

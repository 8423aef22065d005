"""Conditional GET for the public pages: news, home, releases, feeds, events, practices.

Django's `condition` answers 304 when the validators match. The validators come from the shared
content version (projects.web.cache): no query, the same on every instance, changed by every
publish, edit, unpublish, deletion, link and scheduled release coming due, and never by a draft's
edit. The ETag also carries the code's fingerprint, so that a deployment is not answered with a 304
for a page cached before it.
"""

from functools import wraps

from django.views.decorators.http import condition

from projects.models import PressRelease

from .cache import CODE_VERSION, Freshness, page_freshness

__all__ = ["CODE_VERSION", "Freshness", "conditional", "page_conditional"]


def conditional(freshness):
    """`condition` with ETag and Last-Modified from `freshness(request, *args, **kwargs)`.

    Error answers (400, 404) carry no validators: only a real page may be revalidated into a 304.
    """

    def once(request, *args, **kwargs):
        if not hasattr(request, "_news_freshness"):
            request._news_freshness = freshness(request, *args, **kwargs)
        return request._news_freshness

    def etag(request, *args, **kwargs):
        found = once(request, *args, **kwargs)
        return found.etag if found else None

    def last_modified(request, *args, **kwargs):
        found = once(request, *args, **kwargs)
        return found.last_modified if found else None

    def decorator(view):
        conditioned = condition(etag_func=etag, last_modified_func=last_modified)(view)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = conditioned(request, *args, **kwargs)
            if response.status_code >= 400:
                for header in ("ETag", "Last-Modified"):
                    if header in response.headers:
                        del response.headers[header]
            return response

        return wrapper

    return decorator


def page_conditional(prefix, exists=None):
    """`conditional` with the content version's validators (see projects.web.cache.page_freshness).

    `exists(**kwargs)` tells a detail page's object is there (one indexed query, asked of revalidating
    requests only): a missing one gets no validators, so it answers 404, never a 304, whatever date or
    tag the request brings.
    """

    def freshness(request, *args, **kwargs):
        # Only a request that brings a date or a tag can be answered 304 without the view: only then is
        # the object's existence asked. Any other request reaches the view, which answers 404 itself
        # (and the 404 keeps no validators).
        revalidates = "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META
        if exists is not None and revalidates and not exists(**kwargs):
            return None
        return page_freshness(request, prefix)

    return conditional(freshness)


news_conditional = page_conditional("news")
release_conditional = page_conditional(
    "release", exists=lambda slug, **kwargs: PressRelease.objects.published().filter(slug=slug).exists()
)

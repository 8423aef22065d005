"""Conditional GET for the news pages, the home page and the news feeds.

Django's `condition` answers 304 when the validators match. The validators come from one cheap
aggregate query, asked once per request although `condition` wants the ETag and Last-Modified
separately. The ETag also carries a fingerprint of the code and templates, so that a deployment
is not answered with a 304 for a page cached before it; Last-Modified stays the data's own time.
"""

import dataclasses
import datetime
import hashlib
from functools import wraps

from django.conf import settings
from django.db.models import Count, Max, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.views.decorators.http import condition

from projects.models import PressRelease


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


def _etag(prefix, values):
    digest = hashlib.sha256(repr((CODE_VERSION, values)).encode()).hexdigest()[:20]
    return f'"{prefix}-{digest}"'


def _published():
    return Q(status=PressRelease.Status.PUBLISHED, published_at__lte=timezone.now())


def news_freshness() -> Freshness | None:
    """Validators of everything that lists releases (news pages, home, feeds).

    Only public releases count: an edit of a draft or of a scheduled release must not change a
    public validator, or the validator would tell the time of unpublished work. A scheduled release
    appears when its time comes without any edit: its publication time counts once passed. A release
    taken back to draft or deleted leaves no time behind, but changes the published count and the
    sum of published ids in the ETag (browsers send If-None-Match with If-Modified-Since, and the
    ETag decides).
    """
    published = _published()
    found = PressRelease.objects.aggregate(
        updated=Max("updated_at", filter=published),
        published=Max("published_at", filter=published),
        count=Count("pk", filter=published),
        ids=Sum("pk", filter=published),
    )
    moments = [moment for moment in (found["updated"], found["published"]) if moment is not None]
    if not moments:
        return None
    latest = max(moments)
    return Freshness(last_modified=latest, etag=_etag("news", sorted(found.items())))


def _per_release(aggregate):
    """`aggregate` over one relation of the outer release, as a subquery: one join at a time, so
    the relations never multiply each other's rows."""
    return Subquery(
        PressRelease.objects.filter(pk=OuterRef("pk")).values("pk").annotate(value=aggregate).values("value")[:1]
    )


def release_freshness(*, slug) -> Freshness | None:
    """Validators of one public release's page (None if there is none), in one query.

    The page also names the release's events and practices, so their edits and links count.
    """
    changes = {
        "events_updated": _per_release(Max("events__updated_at")),
        "practices_updated": _per_release(Max("practices__updated_at")),
    }
    counts = {
        "n_events": _per_release(Count("events")),
        "n_practices": _per_release(Count("practices")),
    }
    row = (
        PressRelease.objects.published()
        .filter(slug=slug)
        .values("pk", "updated_at", "published_at")
        .annotate(**changes, **counts)
        .first()
    )
    if row is None:
        return None
    moments = [row["updated_at"], row["published_at"], *(row[name] for name in changes)]
    latest = max(moment for moment in moments if moment is not None)
    return Freshness(last_modified=latest, etag=_etag(f"release-{row['pk']}", sorted(row.items())))


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


news_conditional = conditional(lambda request, *args, **kwargs: news_freshness())
release_conditional = conditional(lambda request, *args, slug, **kwargs: release_freshness(slug=slug))

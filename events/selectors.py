import datetime
import hashlib

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.utils import timezone

from projects.web.conditional import Freshness

from .filters import EventFilter
from .models import Event


def event_filterset(*, data=None, queryset=None) -> EventFilter:
    """Events filtered by the public parameters; check `.is_valid()` before using `.qs`."""
    if queryset is None:
        queryset = Event.objects.with_relations()
    return EventFilter(data=data if data is not None else {}, queryset=queryset)


def _etag(prefix, values):
    # Counts are part of the values: a deletion leaves no timestamp behind.
    digest = hashlib.sha256(repr(values).encode()).hexdigest()[:20]
    return f'"{prefix}-{digest}"'


def _start_of_today():
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


def events_freshness() -> Freshness:
    """Validators of every list of events (page, iCalendar, JSON), from one aggregate query.

    A list also changes at midnight without any edit, when events move from upcoming to past.
    """
    found = Event.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
    midnight = _start_of_today()
    latest = max(found["latest"] or midnight, midnight)
    return Freshness(last_modified=latest, etag=_etag("events", (latest.isoformat(), found["count"])))


def _per_event(aggregate):
    """`aggregate` over one relation of the outer event, as a subquery: one join at a time, so the
    relations never multiply each other's rows."""
    return Subquery(Event.objects.filter(pk=OuterRef("pk")).values("pk").annotate(value=aggregate).values("value")[:1])


def event_freshness(*, slug) -> Freshness | None:
    """Validators of one event's page (None if there is no such event), in one query.

    The page shows the event and what is related to it: practices examined, published releases,
    transfers; their latest change counts, and a release's publication time too (a scheduled
    release appears on the page when it comes).
    """
    published = Q(releases__status="published", releases__published_at__lte=timezone.now())
    changes = {
        "practices": _per_event(Max("practices__updated_at")),
        "releases": _per_event(Max("releases__updated_at", filter=published)),
        "releases_published": _per_event(Max("releases__published_at", filter=published)),
        "workshop_practices": _per_event(Max("workshop_transfers__practice__updated_at")),
        "studied_practices": _per_event(Max("studied_transfers__practice__updated_at")),
    }
    counts = {
        "n_practices": _per_event(Count("practices")),
        "n_releases": _per_event(Count("releases", filter=published)),
        "n_recordings": _per_event(Count("recordings")),
        "n_workshop_transfers": _per_event(Count("workshop_transfers")),
        "n_studied_transfers": _per_event(Count("studied_transfers")),
    }
    row = Event.objects.filter(slug=slug).values("pk", "updated_at").annotate(**changes, **counts).first()
    if row is None:
        return None
    latest = max(value for value in [row["updated_at"], *(row[name] for name in changes)] if value is not None)
    return Freshness(last_modified=latest, etag=_etag(f"event-{row['pk']}", sorted(row.items())))

"""Every public page runs the same number of SQL queries with BETTER's real data as with more
than a thousand extra events and releases: nothing is fetched row by row."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Event
from practices.models import GoodPractice, Transfer
from projects.models import Partner, PressRelease
from tests.helpers.pages import count_queries

PAGES = [
    "/en/",
    "/et/news/",
    "/en/news/feed/",
    "/hu/news/atom/",
    "/en/events/",
    "/et/events/?city=gavle",
    "/en/events/?kind=study-visit&phase=1",
    "/en/events/calendar.ics?city=tartu",
    "/api/events/?city=tartu&lang=et",
    "/en/practices/",
    "/api/practices/?lang=hu",
    "/en/partners/",
    "/en/partners/tartu/",
    "/en/about/",
    "/en/search/?q=BETTER",
    "/sitemap.xml",
]

EXTRA = 1100


def add_bulk_content(batch):
    """More than a thousand events (hosted and visited by every city) and releases, and a few
    dozen practices with transfers; bulk inserts keep the set-up fast."""
    partners = list(Partner.objects.order_by("pk"))
    start = datetime.date(2019, 8, 1)
    events = Event.objects.bulk_create(
        Event(
            kind=Event.Kind.REGIONAL_EVENT,
            slug=f"bulk-event-{batch}-{n}",
            title_en=f"Regional event {n} on BETTER",
            start_date=start + datetime.timedelta(days=n % 1400),
            host=partners[n % len(partners)],
        )
        for n in range(EXTRA)
    )
    Event.visitors.through.objects.bulk_create(
        Event.visitors.through(event_id=event.pk, partner_id=partners[(i + 1) % len(partners)].pk)
        for i, event in enumerate(events)
    )
    now = timezone.now()
    releases = PressRelease.objects.bulk_create(
        PressRelease(
            author=partners[n % len(partners)],
            slug=f"bulk-release-{batch}-{n}",
            title_en=f"BETTER news {n}",
            title_et=f"BETTER uudis {n}",
            body_en="Body with a **table**.\n\n| a | b |\n|---|---|\n| 1 | 2 |",
            body_et="Sisu.",
            status=PressRelease.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=n + 1),
        )
        for n in range(EXTRA)
    )
    Event.releases.through.objects.bulk_create(
        Event.releases.through(event_id=event.pk, pressrelease_id=release.pk)
        for event, release in zip(events[:200], releases[:200], strict=True)
    )
    practices = GoodPractice.objects.bulk_create(
        GoodPractice(owner=partners[n % len(partners)], slug=f"bulk-practice-{batch}-{n}", title_en=f"Practice {n}")
        for n in range(40)
    )
    Transfer.objects.bulk_create(
        Transfer(practice=practice, importer=partners[(i + 2) % len(partners)], stage=Transfer.Stage.STUDIED)
        for i, practice in enumerate(practices)
    )


@pytest.fixture
def query_counts(db, client):
    """Each page's query count with the demo content, then with 1,100 and with 2,200 extra events
    and releases. (A relation that is empty in the demo, such as practices Tartu owns, skips its
    prefetch query, so the demo may take fewer queries; it never takes more.)"""
    call_command("load_demo_content", verbosity=0)
    counts = [{path: count_queries(client, path) for path in PAGES}]
    for batch in (1, 2):
        add_bulk_content(batch)
        counts.append({path: count_queries(client, path) for path in PAGES})
    return counts


def test_public_pages_with_thousands_more_events_and_releases_run_the_same_queries(query_counts):
    demo, large, larger = query_counts
    assert Event.objects.count() > 2000 and PressRelease.objects.count() > 2000
    grew = {path: (large[path], larger[path]) for path in PAGES if larger[path] != large[path]}
    assert not grew, f"pages whose query count grew with the data (1,100 → 2,200 extra): {grew}"
    above = {path: (demo[path], large[path]) for path in PAGES if demo[path] > large[path]}
    assert not above, f"pages that took more queries with less data: {above}"

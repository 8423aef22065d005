"""Every public page runs the same number of SQL queries with BETTER's real data as with more
than a thousand extra events and releases: nothing is fetched row by row. And what a page reads
and sends does not grow with the data either: its size stays the same between 1,100 and 2,200
extra rows, and its list and search queries read an index, never the whole table."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from better_site.sitemaps import MultilingualSitemap
from events.models import Event
from practices.models import GoodPractice, Transfer
from projects.models import Partner, PressRelease

pytestmark = pytest.mark.django_db

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
    # Every extra release matches ("BETTER uudis 17"): more than the count limit of the search.
    "/et/search/?q=uudis",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap-events.xml",
]
# Pages that list the whole practice catalogue (a city's or everyone's), which add_bulk_content also
# grows by 40 practices a batch: their size follows the catalogue, a few dozen practices in real life.
CATALOGUE_PAGES = {"/en/practices/", "/en/partners/tartu/"}
# Tables that grow with the data: a page's queries never read them whole.
LARGE_TABLES = ("projects_pressrelease", "events_event")

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


def measure(client, path):
    """(queries, bytes sent, rows its listing queries read) of the page at `path`, which must answer 200.

    Measured with an empty cache: the worst case, with every fragment (cards, footer) rendered."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    sqls = [query["sql"] for query in queries.captured_queries]
    return len(queries), len(response.content), sum(rows_read(plan) for _sql, plan in explain_all(sqls))


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """Each page measured with the demo content, then with 1,100 and with 2,200 extra events and
    releases; once for the module, in a transaction rolled back at its end. (A relation that is
    empty in the demo, such as practices Tartu owns, skips its prefetch query, so the demo may take
    fewer queries; it never takes more.)"""
    from django.db import transaction
    from django.test import Client, override_settings

    client = Client()
    # The pages' own cost: bulk inserts send no signal, so the page cache would answer from before them.
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(PUBLIC_PAGE_CACHE=False):
        call_command("load_demo_content", verbosity=0)
        stages = [{path: measure(client, path) for path in PAGES}]
        for batch in (1, 2):
            add_bulk_content(batch)
            with connection.cursor() as cursor:
                # Fresh statistics, as autovacuum would have them: the planner sees the tables' real sizes.
                cursor.execute("ANALYZE")
            stages.append({path: measure(client, path) for path in PAGES})
        yield (
            stages,
            {
                "events": Event.objects.count(),
                "releases": PressRelease.objects.count(),
                "rows": [{path: rows for path, (_count, _size, rows) in stage.items()} for stage in stages],
            },
        )
        transaction.set_rollback(True)


def explain_all(sqls):
    """The executed plans (EXPLAIN ANALYZE) of the queries, their SQL as run (values inlined by the capture)."""
    plans = []
    with connection.cursor() as cursor:
        for sql in sqls:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0][0]["Plan"]
            # The queries that list rows; not the aggregates (the freshness checks' latest change, a
            # paginator's count), which scan an index of the whole table and return one row.
            if plan["Node Type"] != "Aggregate":
                plans.append((sql, plan))
    return plans


def rows_read(plan):
    """The rows a plan read from the large tables: what each scan returned and what its filter threw away."""
    total = 0
    if plan.get("Relation Name") in LARGE_TABLES:
        loops = plan.get("Actual Loops", 1)
        total += (plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)) * loops
        total += plan.get("Rows Removed by Index Recheck", 0)
    for child in plan.get("Plans", []):
        total += rows_read(child)
    return total


@pytest.fixture
def query_counts(measured):
    stages, _facts = measured
    return [{path: count for path, (count, _size, _rows) in stage.items()} for stage in stages]


def test_public_pages_with_thousands_more_events_and_releases_run_the_same_queries(query_counts, measured):
    demo, large, larger = query_counts
    facts = measured[1]
    assert facts["events"] > 2000 and facts["releases"] > 2000
    grew = {path: (large[path], larger[path]) for path in PAGES if larger[path] != large[path]}
    assert not grew, f"pages whose query count grew with the data (1,100 → 2,200 extra): {grew}"
    above = {path: (demo[path], large[path]) for path in PAGES if demo[path] > large[path]}
    assert not above, f"pages that took more queries with less data: {above}"


def test_public_pages_send_the_same_amount_with_thousands_more_rows(measured):
    stages, _facts = measured
    _demo, large, larger = stages
    # A few hundred bytes of slack for longer numbers ("2,200 results"); a list drawn in full would
    # grow by hundreds of kilobytes. The sitemap index names one more sitemap page (~130 bytes) per
    # 200 more releases or events: a 50,000-entry index holds ten million objects.
    index_slack = 150 * (2 * EXTRA // MultilingualSitemap.limit + 2)
    grew = {
        path: (large[path][1], larger[path][1])
        for path in PAGES
        if path not in CATALOGUE_PAGES
        and larger[path][1] > large[path][1] * 1.02 + 1024 + (index_slack if path == "/sitemap.xml" else 0)
    }
    assert not grew, f"pages whose size grew with the data (bytes at 1,100 → 2,200 extra rows): {grew}"
    # The largest answers are a sitemap page (200 objects in up to five languages) and the calendar.
    too_big = {path: size for path, (_count, size, _rows) in larger.items() if size > 1_000_000}
    assert not too_big, too_big


def test_public_pages_read_the_same_rows_with_thousands_more(measured):
    """What the database really read (EXPLAIN ANALYZE) from the release and event tables, per page."""
    _stages, facts = measured
    _demo, large, larger = facts["rows"]

    # A little slack for rows that are honestly counted (a page of 20, a count limited to 501).
    grew = {path: (large[path], larger[path]) for path in PAGES if larger[path] > large[path] * 1.1 + 50}
    assert not grew, f"pages whose queries read more rows with more data (1,100 → 2,200 extra): {grew}"

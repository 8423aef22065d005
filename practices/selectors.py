"""Reading good practices and their transfer paths for the public pages and the API.

A practice's path to an importing city is built from what the site records: the Transfer row
(its stage, the study visit, the import workshop) and the actions of the city's Regional Action Plan
that the practice inspired. The furthest stage reached is Transfer.furthest_stage of those records,
the same rule the partner and event pages use.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.db.models import Count, Max, Prefetch
from django.utils import timezone

from events.models import Event
from events.selectors import Freshness
from projects.models import Partner, PressRelease

from .filters import PracticeFilter
from .models import Action, GoodPractice, RegionalActionPlan, Theme, Transfer

Stage = Transfer.Stage
STAGES = [Stage.STUDIED, Stage.IMPORT_WORKSHOP, Stage.ACTION_PLAN, Stage.IMPLEMENTED]
STAGE_RANK = {stage.value: rank for rank, stage in enumerate(STAGES)}


def stage_label(stage):
    return Stage(stage).label


@dataclass(frozen=True)
class Step:
    """One stage of a transfer path, reached or not yet."""

    stage: str
    label: str
    reached: bool
    current: bool


@dataclass
class TransferPath:
    """Where one practice stands in one importing city."""

    practice: GoodPractice
    importer: Partner
    transfer: Transfer | None = None
    actions: list[Action] = field(default_factory=list)

    @property
    def study_visit(self):
        return self.transfer.study_visit if self.transfer else None

    @property
    def import_workshop(self):
        return self.transfer.import_workshop if self.transfer else None

    @property
    def completed_actions(self):
        return [action for action in self.actions if action.status == Action.Status.COMPLETED]

    @cached_property
    def stage(self):
        """The furthest stage the records show: Transfer.furthest_stage, the rule every page shares."""
        return Transfer.furthest_stage(transfer=self.transfer, actions=self.actions).value

    @property
    def stage_label(self):
        return stage_label(self.stage)

    @property
    def stage_rank(self):
        return STAGE_RANK[self.stage]

    @property
    def steps(self):
        rank = self.stage_rank
        return [
            Step(stage=stage.value, label=stage.label, reached=index <= rank, current=index == rank)
            for index, stage in enumerate(STAGES)
        ]


def transfer_paths(practice):
    """The practice's paths, one per importing city in the partners' order.

    Reads only prefetched relations (see practice_queryset): no query per practice.
    """
    paths = {}
    for transfer in practice.transfers.all():
        paths[transfer.importer_id] = TransferPath(practice=practice, importer=transfer.importer, transfer=transfer)
    for action in practice.actions.all():
        partner = action.plan.partner
        if partner.pk == practice.owner_id:
            # A city's own practice in its own plan is not a transfer.
            continue
        path = paths.setdefault(partner.pk, TransferPath(practice=practice, importer=partner))
        path.actions.append(action)
    return sorted(paths.values(), key=lambda path: (path.importer.order, path.importer.slug))


def practice_queryset():
    """Everything the catalogue and the API show of a practice, in a constant number of queries."""
    return GoodPractice.objects.with_relations().prefetch_related(
        Prefetch(
            "transfers",
            queryset=Transfer.objects.select_related("importer", "study_visit", "import_workshop").order_by(
                "importer__order", "importer__slug"
            ),
        ),
        Prefetch(
            "actions",
            queryset=Action.objects.select_related("plan__partner").order_by(
                "plan__partner__order", "plan__partner__slug", "number"
            ),
        ),
    )


def practice_detail_queryset():
    """practice_queryset plus the events where the practice was examined and its published releases."""
    return practice_queryset().prefetch_related(
        Prefetch("events", queryset=Event.objects.select_related("host").order_by("start_date", "slug")),
        Prefetch("releases", queryset=PressRelease.objects.published().select_related("author")),
    )


def practice_filterset(*, data=None, queryset=None) -> PracticeFilter:
    """Practices filtered by the public parameters; check `.is_valid()` before using `.qs`."""
    if queryset is None:
        queryset = practice_queryset()
    return PracticeFilter(data=data if data is not None else {}, queryset=queryset)


def partners():
    """The cities of the network, in the site's order."""
    return list(Partner.objects.all())


# Conditional GET (Last-Modified / ETag)


def practices_freshness(*, slug=None) -> Freshness | None:
    """Validators of the catalogue and the API (slug None) or of one practice's page (None if no such practice).

    On PostgreSQL one query (see _one_query_freshness); elsewhere (SQLite for `make run`) the
    queries of _rows_freshness.
    """
    if connection.vendor == "postgresql":
        return _one_query_freshness(slug=slug)
    return _rows_freshness(slug=slug)


# The tables without timestamps whose rows the practices pages show (transfers, actions and what
# they link, plans, themes, cities): small, bounded by the partnership, fingerprinted whole.
def _fingerprinted_tables():
    return [
        Transfer._meta.db_table,
        Action._meta.db_table,
        Action.practices.through._meta.db_table,
        RegionalActionPlan._meta.db_table,
        Theme._meta.db_table,
        Partner._meta.db_table,
    ]


def _one_query_freshness(*, slug=None) -> Freshness | None:
    """One query: the latest change of the practices (or the one), events and releases from their
    updated_at indexes (never reading their rows), and a digest the database computes of the small
    tables without timestamps. For one practice, its published releases (count and latest
    publication), since a scheduled one appears on its page when it comes."""
    # Every name in the SQL comes from the models; the values are parameters.
    quote = connection.ops.quote_name
    practice = quote(GoodPractice._meta.db_table)
    event = quote(Event._meta.db_table)
    release = quote(PressRelease._meta.db_table)
    links = quote(GoodPractice.releases.through._meta.db_table)
    now = timezone.now()
    digests = ", ".join(
        f"(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM {quote(table)} t)"  # noqa: S608
        for table in _fingerprinted_tables()
    )
    if slug is None:
        practice_part = (
            f"(SELECT NULL::integer), (SELECT max(updated_at) FROM {practice}), (SELECT count(*) FROM {practice})"  # noqa: S608
        )
        release_part = "(SELECT NULL::timestamptz), (SELECT 0)"
        params = []
    else:
        one = f"FROM {practice} WHERE slug = %s"
        practice_part = f"(SELECT id {one}), (SELECT updated_at {one}), (SELECT 1)"
        published = f"{release}.status = 'published' AND {release}.published_at <= %s"
        joined = (
            f"FROM {release} JOIN {links} ON {links}.pressrelease_id = {release}.id "
            f"JOIN {practice} ON {practice}.id = {links}.goodpractice_id WHERE {practice}.slug = %s AND {published}"
        )
        release_part = f"(SELECT max({release}.published_at) {joined}), (SELECT count(*) {joined})"
        params = [slug, slug, slug, now, slug, now]
    sql = (
        f"SELECT {practice_part}, (SELECT max(updated_at) FROM {event}), "  # noqa: S608
        f"(SELECT max(updated_at) FROM {release}), {release_part}, {digests}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    practice_id, practice_updated, _practice_count, events_updated, releases_updated, published = row[:6]
    if slug is not None and practice_id is None:
        return None
    stamps = [stamp for stamp in (practice_updated, events_updated, releases_updated, published) if stamp is not None]
    latest = max(stamps) if stamps else timezone.make_aware(datetime.datetime(2019, 1, 1))
    digest = hashlib.sha256(repr(row).encode()).hexdigest()[:24]
    prefix = "practices" if slug is None else f"practice-{practice_id}"
    return Freshness(last_modified=latest, etag=f'"{prefix}-{digest}"')


def _rows_freshness(*, slug=None) -> Freshness | None:
    """Validators from the rows themselves, a query per table (databases other than PostgreSQL).

    Last-Modified is the latest timestamp among what the pages show: the practices (or the one), the
    events and the published releases (a scheduled release appears when its time comes). Transfers,
    actions, action plans, themes and cities have no timestamp, and a deletion leaves none behind, so
    the ETag also fingerprints their rows: a changed stage never answers 304. These tables are small
    (five cities and their practices), so reading them costs a constant few queries.
    """
    practices = GoodPractice.objects.all()
    if slug is not None:
        practices = practices.filter(slug=slug)
    practice_rows = list(practices.order_by("pk").values_list("pk", "updated_at"))
    if slug is not None and not practice_rows:
        return None
    events = Event.objects.aggregate(latest=Max("updated_at"))
    releases = PressRelease.objects.published().aggregate(
        latest=Max("updated_at"), published=Max("published_at"), count=Count("pk")
    )
    stamps = [stamp for _pk, stamp in practice_rows]
    stamps += [events["latest"], releases["latest"], releases["published"]]
    stamps = [stamp for stamp in stamps if stamp is not None]
    latest = max(stamps) if stamps else timezone.make_aware(datetime.datetime(2019, 1, 1))

    digest = hashlib.sha256(repr((practice_rows, events, releases)).encode())
    for rows in (
        Transfer.objects.values_list(),
        Action.objects.values_list(),
        Action.practices.through.objects.values_list(),
        RegionalActionPlan.objects.values_list(),
        Theme.objects.values_list(),
        Partner.objects.values_list(),
    ):
        digest.update(repr(list(rows.order_by("pk"))).encode())
    prefix = "practices" if slug is None else f"practice-{practice_rows[0][0]}"
    return Freshness(last_modified=latest, etag=f'"{prefix}-{digest.hexdigest()[:24]}"')

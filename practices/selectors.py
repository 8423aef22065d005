"""Reading good practices and their transfer paths for the public pages and the API.

A practice's path to an importing city is built from what the site records: the Transfer row
(its stage, the study visit, the import workshop) and the actions of the city's Regional Action Plan
that the practice inspired. The furthest stage reached is Transfer.furthest_stage of those records,
the same rule the partner and event pages use.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch, prefetch_related_objects

from events.models import Event
from projects.models import Partner, PressRelease

from .filters import PracticeFilter
from .models import Action, GoodPractice, Transfer

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
    return GoodPractice.objects.with_relations().prefetch_related(*path_lookups())


def path_lookups():
    """The prefetches transfer_paths reads: the transfers and the actions that take the practice up."""
    return [
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
    ]


def practice_list_queryset(language):
    """What the catalogue's cards and network show: no long texts, and each transfer with its importer
    only (the stage reads the workshop's key, not the workshop)."""
    return (
        GoodPractice.objects.with_relations()
        .for_list(language)
        .prefetch_related(
            Prefetch(
                "transfers",
                queryset=Transfer.objects.select_related("importer").order_by("importer__order", "importer__slug"),
            ),
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("plan__partner").order_by(
                    "plan__partner__order", "plan__partner__slug", "number"
                ),
            ),
        )
    )


def practice_detail_queryset():
    """A practice's own fields, with its owner city and theme; what it is linked to is read by
    practice_related, only when the page's fragment of it is not cached."""
    return GoodPractice.objects.with_relations()


def practice_related(practice):
    """{paths, events, releases} of one practice: its transfer paths, the events where it was examined
    and its published releases, in one query each."""
    prefetch_related_objects(
        [practice],
        *path_lookups(),
        Prefetch("events", queryset=Event.objects.select_related("host").order_by("start_date", "slug")),
        Prefetch("releases", queryset=PressRelease.objects.published().select_related("author")),
    )
    return {
        "paths": transfer_paths(practice),
        "events": list(practice.events.all()),
        "releases": list(practice.releases.all()),
    }


def practice_filterset(*, data=None, queryset=None, request=None) -> PracticeFilter:
    """Practices filtered by the public parameters; check `.is_valid()` before using `.qs`. With the
    page's `request`, a city is looked up in the worker's copy of the cities (projects.web.filters)."""
    if queryset is None:
        queryset = practice_queryset()
    return PracticeFilter(data=data if data is not None else {}, queryset=queryset, request=request)


def partners():
    """The cities of the network, in the site's order."""
    return list(Partner.objects.all())

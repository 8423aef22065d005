"""One truth for a transfer's stage (issue 11, item 3): the partner page, the practice page, the event page,
the network and the API all say the stage that Transfer.furthest_stage computes from the records."""

import pytest

from events.factories import EventFactory
from events.models import Event
from practices.factories import ActionFactory, GoodPracticeFactory, RegionalActionPlanFactory, TransferFactory
from practices.models import Action, Transfer
from practices.selectors import practice_queryset, transfer_paths
from projects.factories import PartnerFactory
from projects.models import Partner
from tests.helpers.html import parse
from tests.helpers.pages import url_of

pytestmark = pytest.mark.django_db

Stage = Transfer.Stage


def partner_page_stages(client, partner):
    """{practice title: stage label} of the partner page's "Good practices X imports"."""
    document = parse(client.get(url_of(partner, "en")))
    stages = {}
    for item in document.find(aria_labelledby="imported-practices-heading").find_all("li"):
        stages[item.find("a").text()] = item.find("span", cls="stage-badge").text()
    return stages


def practice_page_stages(client, practice):
    """{importer city: stage label} of the practice page's transfer paths."""
    document = parse(client.get(url_of(practice, "en")))
    return {
        section.find("h3").text(): section.find("p", cls="transfer__current").find("span", cls="stage-badge").text()
        for section in document.find_all("section", cls="transfer")
    }


def network_stage_counts(client):
    """{(owner city, importer city): {stage label: number of practices}} from the catalogue's network table."""
    document = parse(client.get("/en/practices/"))
    counts = {}
    for row in document.find("div", cls="network__table").find("tbody").find_all("tr"):
        owner, importer = row.find("th").text(), row.find_all("td")[0].text()
        items = [item.text().rsplit(": ", 1) for item in row.find_all("li")]
        counts[(owner, importer)] = {label: int(number) for label, number in items}
    return counts


def api_stages(client):
    """{(practice slug, importer slug): stage} from /api/practices/."""
    results = client.get("/api/practices/", {"lang": "en"}).json()["results"]
    return {(item["slug"], path["importer"]["slug"]): path["stage"] for item in results for path in item["transfers"]}


# --- the rule -----------------------------------------------------------------------------------------------------


def test_furthest_stage_without_records_beyond_the_row_is_the_recorded_stage():
    transfer = TransferFactory(stage=Stage.STUDIED)
    assert Transfer.furthest_stage(transfer=transfer) == Stage.STUDIED


def test_furthest_stage_with_a_named_workshop_is_at_least_the_workshop():
    workshop = EventFactory(kind=Event.Kind.IMPORT_WORKSHOP)
    transfer = TransferFactory(stage=Stage.STUDIED, import_workshop=workshop)
    assert Transfer.furthest_stage(transfer=transfer) == Stage.IMPORT_WORKSHOP


def test_furthest_stage_with_an_inspired_action_is_the_action_plan_and_completed_action_implemented():
    transfer = TransferFactory(stage=Stage.STUDIED)
    planned = ActionFactory(plan=RegionalActionPlanFactory(partner=transfer.importer), status=Action.Status.PLANNED)
    assert Transfer.furthest_stage(transfer=transfer, actions=[planned]) == Stage.ACTION_PLAN
    done = ActionFactory(plan=planned.plan, status=Action.Status.COMPLETED)
    assert Transfer.furthest_stage(transfer=transfer, actions=[planned, done]) == Stage.IMPLEMENTED


def test_furthest_stage_never_goes_below_the_recorded_stage():
    transfer = TransferFactory(stage=Stage.IMPLEMENTED)
    planned = ActionFactory(plan=RegionalActionPlanFactory(partner=transfer.importer), status=Action.Status.PLANNED)
    assert Transfer.furthest_stage(transfer=transfer, actions=[planned]) == Stage.IMPLEMENTED


def test_reached_stage_counts_only_the_importers_own_actions():
    transfer = TransferFactory(stage=Stage.STUDIED)
    elsewhere = ActionFactory(status=Action.Status.COMPLETED)  # another city's plan
    elsewhere.practices.add(transfer.practice)
    assert transfer.reached_stage == Stage.STUDIED
    own = ActionFactory(plan=RegionalActionPlanFactory(partner=transfer.importer), status=Action.Status.COMPLETED)
    own.practices.add(transfer.practice)
    assert Transfer.objects.get(pk=transfer.pk).reached_stage == Stage.IMPLEMENTED


# --- the pages and the API agree -----------------------------------------------------------------------------------


def test_genoa_partner_page_says_implemented_like_the_gavle_service_design_page(client, demo):
    genoa = Partner.objects.get(slug="genoa")
    practice = genoa.imports.get(practice__slug="service-design-gavle").practice
    assert partner_page_stages(client, genoa)[practice.title_en] == "Implemented"
    assert practice_page_stages(client, practice)["Genoa"] == "Implemented"


def test_partner_pages_show_stages_past_the_import_workshop(client, demo):
    shown = set()
    for partner in Partner.objects.all():
        shown |= set(partner_page_stages(client, partner).values())
    assert {"In action plan", "Implemented"} <= shown


def test_every_transfer_has_one_stage_on_partner_page_practice_page_network_and_api(client, demo):
    api = api_stages(client)
    network = network_stage_counts(client)
    expected_network = {}
    paths = [path for practice in practice_queryset() for path in transfer_paths(practice)]
    assert len(paths) > 20
    partner_pages = {partner.pk: partner_page_stages(client, partner) for partner in Partner.objects.all()}
    for path in paths:
        label = str(Stage(path.stage).label)
        practice = path.practice
        assert partner_pages[path.importer.pk][practice.title_en] == label, (practice.slug, path.importer.slug)
        assert practice_page_stages(client, practice)[path.importer.city_en] == label
        assert api[(practice.slug, path.importer.slug)] == path.stage
        edge = expected_network.setdefault((practice.owner.city_en, path.importer.city_en), {})
        edge[label] = edge.get(label, 0) + 1
    assert network == expected_network


def test_practice_taken_up_only_by_an_action_plan_shows_on_the_partner_page_with_its_stage(client):
    importer = PartnerFactory(city_en="Tartu")
    practice = GoodPracticeFactory(title_en="Segnalaci")
    action = ActionFactory(plan=RegionalActionPlanFactory(partner=importer), status=Action.Status.COMPLETED)
    action.practices.add(practice)
    assert partner_page_stages(client, importer) == {"Segnalaci": "Implemented"}
    assert practice_page_stages(client, practice) == {"Tartu": "Implemented"}


def test_import_workshop_page_shows_the_furthest_stage_of_its_transfer(client):
    workshop = EventFactory(kind=Event.Kind.IMPORT_WORKSHOP)
    transfer = TransferFactory(stage=Stage.IMPORT_WORKSHOP, import_workshop=workshop)
    action = ActionFactory(plan=RegionalActionPlanFactory(partner=transfer.importer), status=Action.Status.IN_PROGRESS)
    action.practices.add(transfer.practice)
    document = parse(client.get(url_of(workshop, "en")))
    facts = document.find("section", aria_labelledby="workshop-heading").text()
    assert "In action plan" in facts

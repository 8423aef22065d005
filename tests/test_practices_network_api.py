"""/api/practices/ (the catalogue's filters plus `lang`) and the transfer network drawn on the server."""

import xml.etree.ElementTree as ET  # noqa: S405 (parses only our own output)

import jsonschema
import pytest
from django.urls import reverse
from django.utils import translation

from events.factories import EventFactory
from events.models import Event
from practices.factories import (
    ActionFactory,
    GoodPracticeFactory,
    RegionalActionPlanFactory,
    ThemeFactory,
    TransferFactory,
)
from practices.models import Action, GoodPractice, Transfer
from practices.network import STAGE_STYLES, build_network, legend_sample
from practices.selectors import TransferPath, transfer_paths
from projects.factories import PartnerFactory
from tests.helpers.api import PARTNER, list_schema
from tests.helpers.pages import count_queries

pytestmark = pytest.mark.django_db

API = "/api/practices/"
SVG = "{http://www.w3.org/2000/svg}"

STAGE = {"enum": ["studied", "import-workshop", "action-plan", "implemented"]}
PRACTICE = {
    "type": "object",
    "required": ["slug", "url", "title", "summary", "owner", "theme", "website", "transfers"],
    "additionalProperties": False,
    "properties": {
        "slug": {"type": "string", "pattern": "^[-a-z0-9]+$"},
        "url": {"type": "string", "pattern": "^https?://[^/]+/(en|et|hu|it|sv)/practices/[-a-z0-9]+/$"},
        "title": {"type": "string", "minLength": 1},
        "summary": {"type": "string"},
        "owner": PARTNER,
        "theme": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["slug", "name"],
                    "additionalProperties": False,
                    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
                },
            ]
        },
        "website": {"type": "string"},
        "transfers": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "importer",
                    "stage",
                    "stage_label",
                    "study_visit",
                    "import_workshop",
                    "actions",
                ],
                "additionalProperties": False,
                "properties": {
                    "importer": PARTNER,
                    "stage": STAGE,
                    "stage_label": {"type": "string", "minLength": 1},
                    "study_visit": {"type": ["string", "null"]},
                    "import_workshop": {"type": ["string", "null"]},
                    "actions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["number", "title", "status", "status_label"],
                            "additionalProperties": False,
                            "properties": {
                                "number": {"type": "integer", "minimum": 0},
                                "title": {"type": "string", "minLength": 1},
                                "status": {"enum": ["planned", "in-progress", "completed", "on-hold"]},
                                "status_label": {"type": "string"},
                            },
                        },
                    },
                },
            },
        },
    },
}
SCHEMA = list_schema(PRACTICE)


def get_json(client, **params):
    response = client.get(API, params)
    assert response["Content-Type"] == "application/json"
    return response, response.json()


def slugs(data):
    return {item["slug"] for item in data["results"]}


# --- the API ------------------------------------------------------------------------------------------------------


def test_api_is_routed_as_api_practices():
    assert reverse("api-practices") == API


def test_api_answer_matches_the_json_schema(client, demo):
    response, data = get_json(client)

    assert response.status_code == 200
    jsonschema.validate(data, SCHEMA)
    assert data["count"] == GoodPractice.objects.count() == len(data["results"])


def test_api_shows_where_the_digital_citizen_folder_travelled(client, demo):
    _response, data = get_json(client, city="genoa")

    folder = next(item for item in data["results"] if item["slug"] == "digital-citizen-folder")
    assert folder["url"] == "http://testserver/en/practices/digital-citizen-folder/"
    assert folder["owner"]["slug"] == "genoa"
    assert folder["theme"]["slug"] == "digital-services-to-citizens"
    transfers = {transfer["importer"]["slug"]: transfer for transfer in folder["transfers"]}
    assert set(transfers) == {"birmingham", "gavle", "nyiregyhaza"}
    assert {transfer["study_visit"] for transfer in transfers.values()} == {"study-visit-genoa-2021-07-17"}
    nyiregyhaza = transfers["nyiregyhaza"]
    assert nyiregyhaza["import_workshop"] == "demo-import-workshop-digital-citizen-folder-nyiregyhaza-2022-05"
    assert nyiregyhaza["stage"] == "action-plan"
    assert nyiregyhaza["actions"] == [
        {
            "number": 1,
            "title": "Offer residents a digital citizen folder",
            "status": "in-progress",
            "status_label": "In progress",
        }
    ]
    assert transfers["gavle"] == {
        **transfers["gavle"],
        "stage": "studied",
        "import_workshop": None,
        "actions": [],
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"city": "genoa"}, 5),
        ({"theme": "security-and-resilience"}, 2),
        ({"imported-by": "tartu"}, 2),
        ({"city": "gavle", "imported-by": "tartu"}, 2),
        ({"city": "tartu"}, 0),
    ],
)
def test_api_filters_like_the_catalogue(client, demo, params, expected):
    response, data = get_json(client, **params)

    assert response.status_code == 200
    assert data["count"] == expected
    page = client.get(reverse("practices:practice-list"), params)
    assert slugs(data) == {practice.slug for practice in page.context["practices"]}


def test_api_answers_in_the_language_asked_for(client, demo):
    _response, data = get_json(client, lang="et", city="gavle")

    assert data["language"] == "et"
    e_services = next(item for item in data["results"] if item["slug"] == "e-services-gavle")
    with translation.override("et"):
        assert e_services["title"] == GoodPractice.objects.get(slug="e-services-gavle").title
    assert e_services["title"] != GoodPractice.objects.get(slug="e-services-gavle").title_en
    assert e_services["url"].startswith("http://testserver/et/practices/")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lang": "xx"}, "lang"),
        ({"city": "atlantis"}, "city"),
        ({"theme": "nope"}, "theme"),
        ({"imported-by": "atlantis"}, "imported-by"),
    ],
)
def test_api_unknown_value_answers_400_with_errors(client, demo, params, field):
    response, data = get_json(client, **params)

    assert response.status_code == 400
    assert list(data) == ["errors"]
    assert data["errors"][field]


def test_api_runs_the_same_number_of_queries_for_3_or_30_practices(client):
    owner, first, second, theme = PartnerFactory(), PartnerFactory(), PartnerFactory(), ThemeFactory()
    plan = RegionalActionPlanFactory(partner=first)
    visit = EventFactory(host=owner, kind=Event.Kind.STUDY_VISIT)

    def add(count):
        for _index in range(count):
            practice = GoodPracticeFactory(owner=owner, theme=theme)
            TransferFactory(practice=practice, importer=first, study_visit=visit)
            TransferFactory(practice=practice, importer=second, study_visit=visit)
            ActionFactory(plan=plan).practices.add(practice)

    add(3)
    few = count_queries(client, API, {"lang": "hu"})
    add(27)
    assert count_queries(client, API, {"lang": "hu"}) == few


def test_api_repeat_request_answers_304(client, demo):
    first = client.get(API, {"city": "genoa"})

    assert client.get(API, {"city": "genoa"}, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304


# --- transfer paths and the network, as code ------------------------------------------------------------------------


@pytest.fixture
def cities():
    return [PartnerFactory(slug=slug, city_en=slug.title(), country=code) for slug, code in CITIES]


CITIES = [("genoa", "IT"), ("gavle", "SE"), ("birmingham", "GB"), ("tartu", "EE"), ("nyiregyhaza", "HU")]


def paths_of(*practices):
    found = []
    for practice in GoodPractice.objects.filter(pk__in=[p.pk for p in practices]).prefetch_related(
        "transfers__importer", "transfers__study_visit", "transfers__import_workshop", "actions__plan__partner"
    ):
        found.extend(transfer_paths(practice))
    return found


def test_path_stage_is_the_furthest_of_the_record_and_its_evidence(cities):
    genoa, gavle, birmingham, tartu, nyiregyhaza = cities
    practice = GoodPracticeFactory(owner=genoa)
    TransferFactory(practice=practice, importer=gavle, stage=Transfer.Stage.STUDIED)
    TransferFactory(practice=practice, importer=tartu, stage=Transfer.Stage.IMPLEMENTED)
    ActionFactory(plan=RegionalActionPlanFactory(partner=birmingham), status=Action.Status.PLANNED).practices.add(
        practice
    )
    ActionFactory(plan=RegionalActionPlanFactory(partner=nyiregyhaza), status=Action.Status.COMPLETED).practices.add(
        practice
    )
    # The owner's own plan citing its own practice is no transfer.
    ActionFactory(plan=RegionalActionPlanFactory(partner=genoa)).practices.add(practice)

    stages = {path.importer.slug: path.stage for path in paths_of(practice)}

    assert stages == {
        "gavle": "studied",
        "birmingham": "action-plan",
        "tartu": "implemented",
        "nyiregyhaza": "implemented",
    }


def test_network_aggregates_practices_per_city_pair_with_the_furthest_stage(cities):
    genoa, gavle, birmingham, *_rest = cities
    first, second = GoodPracticeFactory(owner=genoa), GoodPracticeFactory(owner=genoa)
    TransferFactory(practice=first, importer=gavle, stage=Transfer.Stage.STUDIED)
    TransferFactory(
        practice=second,
        importer=gavle,
        stage=Transfer.Stage.IMPORT_WORKSHOP,
        import_workshop=EventFactory(host=gavle, kind=Event.Kind.IMPORT_WORKSHOP),
    )
    TransferFactory(practice=GoodPracticeFactory(owner=gavle), importer=genoa)
    TransferFactory(practice=first, importer=birmingham)

    network = build_network(cities, paths_of(first, second, *GoodPractice.objects.filter(owner=gavle)))

    edges = {(edge.source.slug, edge.target.slug): edge for edge in network.edges}
    assert set(edges) == {("genoa", "gavle"), ("genoa", "birmingham"), ("gavle", "genoa")}
    assert edges[("genoa", "gavle")].count == 2
    assert edges[("genoa", "gavle")].stage == "import-workshop"
    assert edges[("genoa", "gavle")].stage_counts == [("Studied", 1), ("Import workshop", 1)]
    assert network.transfer_count == 4
    assert network.practice_count == 3


def test_network_svg_draws_both_directions_of_a_pair_as_separate_arrows(cities):
    genoa, gavle, *_rest = cities
    TransferFactory(practice=GoodPracticeFactory(owner=genoa), importer=gavle)
    TransferFactory(practice=GoodPracticeFactory(owner=gavle), importer=genoa)

    network = build_network(cities, paths_of(*GoodPractice.objects.all()))
    svg = ET.fromstring(str(network.svg(id_prefix="test")))  # noqa: S314 (our own output)

    arrows = [g for g in svg.iter(f"{SVG}g") if "network-edge" in (g.get("class") or "").split()]
    assert [(g.get("data-from"), g.get("data-to")) for g in arrows] == [("genoa", "gavle"), ("gavle", "genoa")]
    there, back = (g.find(f"{SVG}path").get("d") for g in arrows)
    assert there != back
    assert svg.get("aria-labelledby") == "test-title test-desc"
    assert [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "network-node__name"] == [
        "Genoa",
        "Gavle",
        "Birmingham",
        "Tartu",
        "Nyiregyhaza",
    ]


def test_network_svg_escapes_city_names(cities):
    cities[0].city_en = 'Genoa <script>"x"</script>'

    markup = str(build_network(cities, []).svg())

    assert "<script>" not in markup
    assert ET.fromstring(markup) is not None  # noqa: S314 (our own output)


def test_stages_differ_in_line_pattern_not_only_in_colour():
    patterns = {stage: (style["dashes"], style["cap"]) for stage, style in STAGE_STYLES.items()}

    assert len(set(patterns.values())) == len(STAGE_STYLES) == 4
    for stage in STAGE_STYLES:
        sample = ET.fromstring(str(legend_sample(stage)))  # noqa: S314 (our own output)
        assert sample.get("aria-hidden") == "true"


def test_path_without_transfer_row_is_built_from_actions_alone(cities):
    genoa, gavle, *_rest = cities
    practice = GoodPracticeFactory(owner=genoa)
    ActionFactory(plan=RegionalActionPlanFactory(partner=gavle)).practices.add(practice)

    (path,) = paths_of(practice)

    assert isinstance(path, TransferPath)
    assert path.transfer is None
    assert path.study_visit is None
    assert [step.reached for step in path.steps] == [True, True, True, False]
    assert [step.current for step in path.steps] == [False, False, True, False]

"""The good-practice pages: the catalogue with its transfer network (/<lang>/practices/) and one
practice with its transfer path (/<lang>/practices/<slug>/)."""

import datetime
import re
import xml.etree.ElementTree as ET  # noqa: S405 (parses only our own output)

import pytest
from django.utils import timezone

from events.factories import EventFactory
from events.models import Event
from practices.factories import (
    ActionFactory,
    GoodPracticeFactory,
    RegionalActionPlanFactory,
    ThemeFactory,
    TransferFactory,
)
from practices.models import Action, GoodPractice, RegionalActionPlan, Transfer
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import Partner
from tests.helpers.pages import count_queries, url

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
SVG = "{http://www.w3.org/2000/svg}"
GENOA_STUDY_VISIT = "study-visit-genoa-2021-07-17"
NYIREGYHAZA_WORKSHOP = "demo-import-workshop-digital-citizen-folder-nyiregyhaza-2022-05"


def list_url(language="en"):
    return url("practices:practice-list", language)


def detail_url(slug, language="en"):
    return url("practices:practice-detail", language, slug=slug)


def listed_slugs(response):
    """The practices a catalogue page lists, in order, read from their title links."""
    return re.findall(
        r'<h3 class="practice-summary__title">\s*<a href="/\w\w/practices/([\w-]+)/"', response.content.decode()
    )


def network_svg(response):
    """The inline SVG of the page, parsed as XML (it must be well-formed)."""
    html = response.content.decode()
    match = re.search(r"<svg [^>]*class=\"network__svg\".*?</svg>", html, re.S)
    assert match, "the page has no network picture"
    return ET.fromstring(match.group(0))  # noqa: S314 (our own page, parsed to prove it is well-formed)


def svg_edges(svg):
    return {
        (group.get("data-from"), group.get("data-to")): group
        for group in svg.iter(f"{SVG}g")
        if "network-edge" in (group.get("class") or "").split()
    }


def transfer_sections(response):
    """{importer slug: the HTML of its transfer path}."""
    html = response.content.decode()
    return dict(
        re.findall(r'<section class="transfer" aria-labelledby="transfer-([\w-]+)">(.*?)</section>', html, re.S)
    )


def reached_steps(section):
    return re.findall(r'class="transfer-step transfer-step--reached"', section)


def city_pairs(practices):
    return {(transfer.practice.owner.slug, transfer.importer.slug) for transfer in practices}


# --- the "Done when" of the issue: the Digital Citizen Folder shows where it travelled ----------------------------


def test_digital_citizen_folder_detail_shows_each_city_that_studied_it_at_the_genoa_study_visit(client, demo):
    response = client.get(detail_url("digital-citizen-folder"))

    assert response.status_code == 200
    sections = transfer_sections(response)
    assert set(sections) == {"birmingham", "gavle", "nyiregyhaza"}
    visit = Event.objects.get(slug=GENOA_STUDY_VISIT)
    for section in sections.values():
        assert f'href="{visit.get_absolute_url()}"' in section
        assert "Study visit to Genoa" in section
        assert "July 17, 2021" in section


def test_digital_citizen_folder_detail_shows_the_demo_workshop_and_action_of_nyiregyhaza(client, demo):
    response = client.get(detail_url("digital-citizen-folder"))

    nyiregyhaza = transfer_sections(response)["nyiregyhaza"]
    workshop = Event.objects.get(slug=NYIREGYHAZA_WORKSHOP)
    assert f'href="{workshop.get_absolute_url()}"' in nyiregyhaza
    assert "Offer residents a digital citizen folder" in nyiregyhaza
    assert "In progress" in nyiregyhaza
    # Studied, import workshop, in the action plan: three of four stages, the third the current one.
    assert len(reached_steps(nyiregyhaza)) == 3
    assert "stage 3 of 4" in nyiregyhaza
    current = re.search(r'<li class="transfer-step [\w-]+" aria-current="step">(.*?)</li>', nyiregyhaza, re.S)
    assert "In action plan" in current.group(1)


def test_transfer_path_says_in_words_which_stages_are_not_yet_reached(client, demo):
    response = client.get(detail_url("digital-citizen-folder"))

    gavle = transfer_sections(response)["gavle"]
    assert len(reached_steps(gavle)) == 1
    assert gavle.count("not yet reached") == 3
    assert "reached, current stage" in gavle
    # The stages in their order: studied → import workshop → action plan → implemented.
    names = re.findall(r'<span class="transfer-step__name">(.*?)</span>', gavle)
    assert names == ["Studied", "Import workshop", "In action plan", "Implemented"]


def test_digital_citizen_folder_detail_lists_its_events_and_releases(client, demo):
    response = client.get(detail_url("digital-citizen-folder"))

    html = response.content.decode()
    events_section = re.search(r'aria-labelledby="events-heading">(.*?)</section>', html, re.S).group(1)
    assert "Study visit to Genoa" in events_section
    assert "Import workshop (demo): Genoa&#x27;s Digital Citizen Folder for Nyíregyháza" in events_section
    releases_section = re.search(r'aria-labelledby="releases-heading">(.*?)</section>', html, re.S).group(1)
    assert "BETTER closes Phase I" in releases_section


def test_catalogue_shows_digital_citizen_folder_with_its_importers_and_their_stage(client, demo):
    response = client.get(list_url())

    html = response.content.decode()
    item = re.search(r'practices/digital-citizen-folder/".*?</article>', html, re.S).group(0)
    assert "Genoa" in item
    assert "Digital services to citizens" in item
    importers = re.findall(
        r'<li><a href="[^"]+"[^>]*>([^<]+)</a> <span class="stage-badge stage-badge--([\w-]+)"', item
    )
    assert importers == [("Gävle", "studied"), ("Birmingham", "studied"), ("Nyíregyháza", "action-plan")]


# --- filters ------------------------------------------------------------------------------------------------------


def test_catalogue_without_filter_lists_every_practice(client, demo):
    response = client.get(list_url())

    assert response.status_code == 200
    assert sorted(listed_slugs(response)) == sorted(GoodPractice.objects.values_list("slug", flat=True))


def test_city_filter_lists_the_five_practices_genoa_owns(client, demo):
    response = client.get(list_url(), {"city": "genoa"})

    assert response.status_code == 200
    slugs = listed_slugs(response)
    assert len(slugs) == 5
    assert set(slugs) == set(GoodPractice.objects.filter(owner__slug="genoa").values_list("slug", flat=True))
    assert "digital-citizen-folder" in slugs


def test_imported_by_filter_lists_the_practices_tartu_took_up(client, demo):
    response = client.get(list_url(), {"imported-by": "tartu"})

    assert response.status_code == 200
    expected = set(Transfer.objects.filter(importer__slug="tartu").values_list("practice__slug", flat=True))
    assert expected == {"e-services-gavle", "service-design-gavle"}
    assert set(listed_slugs(response)) == expected


def test_imported_by_filter_also_finds_a_practice_only_an_action_plan_took_up(client):
    owner, importer = PartnerFactory(slug="gavle"), PartnerFactory(slug="tartu")
    practice = GoodPracticeFactory(owner=owner, slug="inspiring")
    ActionFactory(plan=RegionalActionPlanFactory(partner=importer)).practices.add(practice)
    GoodPracticeFactory(owner=owner, slug="not-taken-up")

    response = client.get(list_url(), {"imported-by": "tartu"})

    assert listed_slugs(response) == ["inspiring"]


def test_theme_filter_lists_the_practices_of_that_theme(client, demo):
    response = client.get(list_url(), {"theme": "security-and-resilience"})

    assert response.status_code == 200
    assert set(listed_slugs(response)) == {"police-operation-centre-update", "rain-and-hydrometric-data-model"}


def test_filters_combine(client, demo):
    response = client.get(
        list_url(), {"city": "genoa", "theme": "digital-services-to-citizens", "imported-by": "nyiregyhaza"}
    )

    assert set(listed_slugs(response)) == {"digital-citizen-folder", "segnalaci"}


def test_filter_form_keeps_the_chosen_values_and_offers_to_clear_them(client, demo):
    response = client.get(list_url(), {"city": "genoa", "imported-by": "tartu"})

    html = response.content.decode()
    assert '<option value="genoa" selected>' in html
    assert '<select name="imported-by" id="id_imported-by">' in html
    assert f'href="{list_url()}">Clear the filters</a>' in html
    assert listed_slugs(response) == []
    assert "No practice matches this filter." in html


@pytest.mark.parametrize(
    ("parameter", "value", "message"),
    [
        ("city", "atlantis", "There is no partner city “atlantis”."),
        ("theme", "nope", "There is no theme “nope”."),
        ("imported-by", "atlantis", "There is no partner city “atlantis”."),
        ("city", "gen\x00oa", "Null characters are not allowed."),
    ],
)
def test_unknown_filter_value_answers_400_with_the_form_error_and_no_list(client, demo, parameter, value, message):
    response = client.get(list_url(), {parameter: value})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary" role="alert"' in html
    assert 'aria-invalid="true"' in html
    assert listed_slugs(response) == []
    assert "network__svg" not in html


def test_400_answer_carries_no_validators(client, demo):
    response = client.get(list_url(), {"city": "atlantis"})

    assert response.status_code == 400
    assert "ETag" not in response.headers
    assert "Last-Modified" not in response.headers


def test_catalogue_links_its_selection_as_json(client, demo):
    response = client.get(list_url("et"), {"city": "genoa"})

    assert 'href="/api/practices/?city=genoa&amp;lang=et"' in response.content.decode()


# --- every language, with English fallback ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_and_detail_answer_200_in_each_language(client, demo, language):
    for address in (list_url(language), detail_url("digital-citizen-folder", language)):
        response = client.get(address)

        assert response.status_code == 200, address
        assert f'<html lang="{language}">' in response.content.decode()


def test_practice_without_translation_is_marked_english_in_catalogue_and_detail(client):
    GoodPracticeFactory(slug="only-english", title_en="Only in English", summary_en="An English summary.")

    listing = client.get(list_url("sv")).content.decode()
    detail = client.get(detail_url("only-english", "sv")).content.decode()

    assert '<a href="/sv/practices/only-english/" lang="en">Only in English</a>' in listing
    assert '<p class="practice-summary__text" lang="en">An English summary.</p>' in listing
    assert '<h1 lang="en">Only in English</h1>' in detail
    assert 'class="notice" role="note"' in detail


def test_practice_in_page_language_has_no_english_marks_nor_notice(client):
    GoodPracticeFactory(
        slug="both", title_en="In English", title_et="Eesti keeles", summary_en="Summary.", summary_et="Kokkuvõte."
    )

    detail = client.get(detail_url("both", "et")).content.decode()

    assert "<h1>Eesti keeles</h1>" in detail
    assert '<p class="practice__lead">Kokkuvõte.</p>' in detail
    assert 'class="notice" role="note"' not in detail


# --- the detail page's fields ---------------------------------------------------------------------------------------


def test_detail_shows_every_field_and_renders_the_description_as_sanitised_markdown(client):
    GoodPracticeFactory(
        slug="full",
        title_en="A full practice",
        summary_en="The summary.",
        description_en="## How it works\n\n**Bold** move.\n\n<script>alert(1)</script>",
        resources_needed_en="Two developers.",
        evidence_of_success_en="Half the queues.",
        potential_for_transfer_en="Any city with a portal.",
        timescale_en="2019–2021",
        website="https://example.org/practice",
    )

    html = client.get(detail_url("full")).content.decode()

    for text in ("A full practice", "The summary.", "Two developers.", "Half the queues.", "Any city with a portal."):
        assert text in html
    assert "2019–2021" in html
    assert 'href="https://example.org/practice"' in html
    assert "<h2>How it works</h2>" in html
    assert "<strong>Bold</strong>" in html
    assert "<script>alert(1)</script>" not in html


def test_unknown_practice_answers_404(client):
    assert client.get(detail_url("no-such-practice")).status_code == 404


def test_completed_action_counts_as_implemented_even_if_the_transfer_says_studied(client):
    practice = GoodPracticeFactory(slug="done")
    importer = PartnerFactory(slug="tartu", city_en="Tartu")
    TransferFactory(practice=practice, importer=importer, stage=Transfer.Stage.STUDIED)
    action = ActionFactory(plan=RegionalActionPlanFactory(partner=importer), status=Action.Status.COMPLETED)
    action.practices.add(practice)

    section = transfer_sections(client.get(detail_url("done")))["tartu"]

    assert len(reached_steps(section)) == 4
    assert "stage 4 of 4" in section
    assert "No import workshop is recorded." in section


def test_practice_nobody_took_up_says_so(client):
    GoodPracticeFactory(slug="alone")

    html = client.get(detail_url("alone")).content.decode()

    assert "No other city has taken up this practice yet." in html
    assert transfer_sections(client.get(detail_url("alone"))) == {}


def test_draft_release_is_not_listed_on_the_practice(client):
    practice = GoodPracticeFactory(slug="with-news")
    published = PressReleaseFactory(title_en="Published news")
    draft = PressReleaseFactory(title_en="Draft news", status="draft", published_at=None)
    practice.releases.set([published, draft])

    html = client.get(detail_url("with-news")).content.decode()

    assert "Published news" in html
    assert "Draft news" not in html


# --- the network picture --------------------------------------------------------------------------------------------


def test_network_svg_is_well_formed_with_one_node_per_city_and_an_arrow_per_city_pair(client, demo):
    svg = network_svg(client.get(list_url()))

    nodes = [group for group in svg.iter(f"{SVG}g") if group.get("class") == "network-node"]
    assert [node.get("data-city") for node in nodes] == list(Partner.objects.values_list("slug", flat=True))
    names = {text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "network-node__name"}
    assert names == {"Genoa", "Gävle", "Birmingham", "Tartu", "Nyíregyháza"}
    edges = svg_edges(svg)
    assert set(edges) == city_pairs(Transfer.objects.select_related("practice__owner", "importer"))
    assert ("genoa", "nyiregyhaza") in edges
    for group in edges.values():
        assert group.find(f"{SVG}path") is not None
        assert group.find(f"{SVG}polygon") is not None  # the arrowhead


def test_network_arrow_counts_practices_and_shows_the_furthest_stage(client, demo):
    svg = network_svg(client.get(list_url()))

    genoa_to_nyiregyhaza = svg_edges(svg)[("genoa", "nyiregyhaza")]
    assert genoa_to_nyiregyhaza.get("data-count") == "5"
    assert genoa_to_nyiregyhaza.find(f"{SVG}text").text == "5"
    # The Digital Citizen Folder is in Nyíregyháza's action plan; the other four were studied.
    assert genoa_to_nyiregyhaza.get("data-stage") == "action-plan"
    assert svg_edges(svg)[("genoa", "birmingham")].get("data-stage") == "studied"


def test_network_is_accessible_with_title_desc_and_a_table_next_to_it(client, demo):
    response = client.get(list_url())
    svg = network_svg(response)

    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text and desc.text
    html = response.content.decode()
    table = re.search(r'<table>\s*<caption id="network-table-caption">.*?</table>', html, re.S).group(0)
    rows = re.findall(r'<tr>\s*<th scope="row">', table)
    assert len(rows) == len(svg_edges(svg))
    assert re.search(r"Genoa</a></th>\s*<td><a [^>]*>Nyíregyháza</a></td>\s*<td [^>]*>5</td>", table)
    assert "Studied: 4" in table
    assert "In action plan: 1" in table


def test_network_follows_the_filter_and_the_page_says_so(client, demo):
    response = client.get(list_url(), {"city": "gavle"})

    edges = svg_edges(network_svg(response))
    assert edges
    assert {source for source, _target in edges} == {"gavle"}
    assert "the transfers of the practices that match the filter" in response.content.decode()


def test_network_keeps_all_five_cities_when_nothing_travelled(client):
    for slug in ("genoa", "gavle", "birmingham", "tartu", "nyiregyhaza"):
        PartnerFactory(slug=slug)

    response = client.get(list_url())

    svg = network_svg(response)
    assert len([g for g in svg.iter(f"{SVG}g") if g.get("class") == "network-node"]) == 5
    assert svg_edges(svg) == {}
    assert "No transfers are recorded for these practices yet." in response.content.decode()


def test_site_navigation_links_to_the_catalogue(client, demo):
    html = client.get(detail_url("digital-citizen-folder", "hu")).content.decode()

    assert f'<a href="{list_url("hu")}" aria-current="true">' in html


# --- constant number of queries ----------------------------------------------------------------------------------


def make_practices(count, partners, theme):
    """`count` practices, each studied by two cities with an event, and in one city's action plan."""
    owner, first, second = partners
    plan = RegionalActionPlan.objects.filter(partner=first).first() or RegionalActionPlanFactory(partner=first)
    visit = EventFactory(host=owner, kind=Event.Kind.STUDY_VISIT)
    release = PressReleaseFactory()
    for _index in range(count):
        practice = GoodPracticeFactory(owner=owner, theme=theme)
        TransferFactory(practice=practice, importer=first, study_visit=visit)
        TransferFactory(practice=practice, importer=second, study_visit=visit)
        ActionFactory(plan=plan).practices.add(practice)
        practice.events.add(visit)
        practice.releases.add(release)


def test_catalogue_runs_the_same_number_of_queries_for_3_or_30_practices(client):
    partners, theme = [PartnerFactory() for _ in range(3)], ThemeFactory()
    make_practices(3, partners, theme)
    few = count_queries(client, list_url())
    filtered_few = count_queries(client, list_url(), {"imported-by": partners[1].slug})

    make_practices(27, partners, theme)
    assert count_queries(client, list_url()) == few
    assert count_queries(client, list_url(), {"imported-by": partners[1].slug}) == filtered_few


def test_detail_runs_the_same_number_of_queries_for_3_or_30_transfers(client):
    owner, theme = PartnerFactory(), ThemeFactory()
    practice = GoodPracticeFactory(owner=owner, theme=theme, slug="busy")

    def add_importers(count):
        for _index in range(count):
            importer = PartnerFactory()
            visit = EventFactory(host=owner, kind=Event.Kind.STUDY_VISIT)
            workshop = EventFactory(host=importer, kind=Event.Kind.IMPORT_WORKSHOP)
            TransferFactory(
                practice=practice,
                importer=importer,
                study_visit=visit,
                import_workshop=workshop,
                stage=Transfer.Stage.IMPORT_WORKSHOP,
            )
            ActionFactory(plan=RegionalActionPlanFactory(partner=importer)).practices.add(practice)
            practice.events.add(visit, workshop)
            practice.releases.add(PressReleaseFactory())

    add_importers(3)
    few = count_queries(client, detail_url("busy"))
    add_importers(27)
    assert count_queries(client, detail_url("busy")) == few


# --- conditional GET ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("address", [list_url(), detail_url("digital-citizen-folder")])
def test_repeat_visit_with_last_modified_answers_304(client, demo, address):
    first = client.get(address)
    assert first.status_code == 200
    assert first.headers["Last-Modified"]
    assert "no-cache" in first.headers["Cache-Control"]

    again = client.get(address, headers={"If-Modified-Since": first.headers["Last-Modified"]})

    assert again.status_code == 304


@pytest.mark.parametrize("address", [list_url(), detail_url("digital-citizen-folder")])
def test_repeat_visit_with_etag_answers_304_until_a_transfer_changes(client, demo, address):
    etag = client.get(address).headers["ETag"]
    assert client.get(address, headers={"If-None-Match": etag}).status_code == 304

    # A transfer has no timestamp of its own: the ETag must still change with it.
    transfer = Transfer.objects.get(practice__slug="digital-citizen-folder", importer__slug="gavle")
    transfer.stage = Transfer.Stage.IMPLEMENTED
    transfer.save()
    changed = client.get(address, headers={"If-None-Match": etag})

    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag


def test_practice_edited_after_the_last_visit_answers_200(client, demo):
    first = client.get(detail_url("digital-citizen-folder"))
    GoodPractice.objects.filter(slug="digital-citizen-folder").update(
        updated_at=timezone.now() + datetime.timedelta(minutes=5)
    )

    again = client.get(
        detail_url("digital-citizen-folder"), headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )

    assert again.status_code == 200

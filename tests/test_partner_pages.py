"""The partner pages (issue 3, item 2): the list of cities and each city's page."""

import datetime
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from PIL import Image

from events.factories import EventFactory
from events.models import Event
from practices.factories import (
    ActionFactory,
    GoodPracticeFactory,
    RegionalActionPlanFactory,
    TransferFactory,
)
from practices.models import Action, Transfer
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import Partner, PressRelease
from tests.helpers.html import parse
from tests.helpers.pages import count_queries, url, url_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]


def list_items(document, labelled_by):
    """The <li> of the list labelled by the heading `labelled_by`."""
    return document.find(aria_labelledby=labelled_by).find_all("li")


# --- data ---------------------------------------------------------------------------------------------------------


def build_city(size, *, slug):
    """A city with `size` of everything its page lists: hosted and visited events, own and imported
    practices, actions (each inspired by practices) and releases (published, plus one draft)."""
    city = PartnerFactory(city_en=slug.replace("-", " ").title(), slug=slug)
    other = PartnerFactory()
    plan = RegionalActionPlanFactory(partner=city)
    for number in range(size):
        day = datetime.date(2021, 1, 1) + datetime.timedelta(days=number)
        EventFactory(host=city, start_date=day, visitors=[other])
        EventFactory(host=other, start_date=day, visitors=[city])
        own = GoodPracticeFactory(owner=city)
        TransferFactory(practice=own, importer=other)
        imported = GoodPracticeFactory(owner=other)
        TransferFactory(practice=imported, importer=city, study_visit=None)
        ActionFactory(plan=plan, number=number + 1).practices.set([imported, own])
        PressReleaseFactory(author=city)
    PressReleaseFactory(author=city, status=PressRelease.Status.DRAFT, published_at=None)
    return city


# --- every page in every language ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_pages_in_each_language_answer_200_in_that_language(client, language):
    partner = PartnerFactory(city_en="Tartu", slug="tartu")
    for path in (url("projects:partner-list", language), url_of(partner, language)):
        response = client.get(path)
        assert response.status_code == 200, path
        assert parse(response).find("html").attrs["lang"] == language
        assert response["Content-Language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_partner_slug_answers_404(client, language):
    PartnerFactory(slug="tartu")
    response = client.get(url("projects:partner-detail", language, slug="atlantis"))
    assert response.status_code == 404


def test_partner_detail_url_is_the_partners_address_under_the_language():
    partner = PartnerFactory(slug="gavle")
    assert url_of(partner, "sv") == "/sv/partners/gavle/"
    assert url("projects:partner-list", "et") == "/et/partners/"


# --- the list -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "city", "country"),
    [("en", "Genoa", "Italy"), ("it", "Genova", None), ("sv", "Genua", None), ("et", "Genova", None)],
)
def test_partner_list_names_each_city_in_the_page_language_and_links_to_its_page(client, language, city, country):
    genoa = PartnerFactory(
        slug="genoa", city_en="Genoa", city_it="Genova", city_sv="Genua", city_et="Genova", country="IT"
    )
    genoa.organisation = "Municipality of Genoa"
    genoa.save()
    document = parse(client.get(url("projects:partner-list", language)))
    card = document.find("li", cls="partner-card")
    link = card.find("a")
    assert link.text() == city
    assert link.attrs["href"] == url_of(genoa, language)
    assert "lang" not in link.attrs
    assert "Municipality of Genoa" in card.text()
    if country:
        assert country in card.text()


def test_partner_list_shows_all_five_demo_cities_in_their_order(client, demo):
    document = parse(client.get(url("projects:partner-list", "en")))
    cities = [card.find("h2").text() for card in document.find_all("li", cls="partner-card")]
    assert cities == ["Genoa", "Gävle", "Birmingham", "Tartu", "Nyíregyháza"]
    assert "Estonia" in document.find("main").text()


def test_city_name_missing_in_the_page_language_falls_back_to_english_marked_lang_en(client):
    PartnerFactory(slug="tartu", city_en="Tartu")
    link = parse(client.get(url("projects:partner-list", "hu"))).find("li", cls="partner-card").find("a")
    assert link.text() == "Tartu"
    assert link.attrs["lang"] == "en"


def png_file(name):
    buffer = BytesIO()
    Image.new("RGB", (600, 200), "#0a4a8f").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)


def test_partner_logo_shows_as_a_decorative_image_next_to_the_name(client):
    partner = PartnerFactory(slug="tartu")
    partner.logo.save("tartu.png", png_file("tartu.png"))
    for path in (url("projects:partner-list", "en"), url_of(partner, "en")):
        image = parse(client.get(path)).find("main").find("img")
        assert image.attrs["src"]
        # The city's name is right next to it: the logo is decoration for a screen reader.
        assert image.attrs["alt"] == ""


def test_partner_list_runs_the_same_queries_for_3_or_30_partners(client):
    PartnerFactory.create_batch(3)
    few = count_queries(client, url("projects:partner-list", "en"))
    PartnerFactory.create_batch(27)
    assert count_queries(client, url("projects:partner-list", "en")) == few


# --- a city's page with the demo content --------------------------------------------------------------------------


def test_gavle_page_lists_the_events_it_hosted_and_those_it_visited(client, demo):
    gavle = Partner.objects.get(slug="gavle")
    document = parse(client.get(url_of(gavle, "en")))
    hosted = [item.text() for item in list_items(document, "hosted-heading")]
    visited = [item.text() for item in list_items(document, "visited-heading")]

    assert any("Thematic event" in text and "October 2019" in text for text in hosted)
    assert not any("1 October 2019" in text or "October 1, 2019" in text for text in hosted)
    assert any("Study visit to Gävle" in text and "Oct. 27, 2021" in text for text in hosted)
    assert any("Study visit to Genoa" in text and "July 17, 2021" in text for text in visited)
    assert any("Study visit to Nyíregyháza" in text and "Sept. 13, 2021" in text for text in visited)
    assert not any("Study visit to Gävle" in text for text in visited)
    assert not any("Study visit to Genoa" in text for text in hosted)


def test_event_entries_link_to_the_event_page_with_a_machine_date_of_the_real_precision(client, demo):
    gavle = Partner.objects.get(slug="gavle")
    document = parse(client.get(url_of(gavle, "et")))
    thematic = Event.objects.get(slug="thematic-event-gavle-2019-10")
    visit = Event.objects.get(slug="study-visit-gavle-2021-10-27")
    hosted = document.find(aria_labelledby="hosted-heading")
    hrefs = [href for href, _text in hosted.links()]
    assert url_of(thematic, "et") in hrefs
    assert url_of(visit, "et") in hrefs
    times = {node.attrs["datetime"]: node.text() for node in hosted.find_all("time")}
    assert times["2019-10"] == "oktoober 2019"
    assert times["2021-10-27"] == "27. oktoober 2021"


def test_visited_event_names_its_host_and_hosted_event_its_visitors(client, demo):
    gavle = Partner.objects.get(slug="gavle")
    document = parse(client.get(url_of(gavle, "en")))
    genoa_visit = next(item for item in list_items(document, "visited-heading") if "Genoa" in item.text())
    assert ("/en/partners/genoa/", "Genoa") in genoa_visit.links()
    own_visit = next(item for item in list_items(document, "hosted-heading") if "Study visit" in item.text())
    visitors = {text for _href, text in own_visit.links()}
    assert {"Tartu", "Birmingham", "Genoa", "Nyíregyháza"} <= visitors


def test_genoa_page_lists_its_five_practices(client, demo):
    genoa = Partner.objects.get(slug="genoa")
    document = parse(client.get(url_of(genoa, "en")))
    owned = [item.text() for item in list_items(document, "owned-practices-heading")]
    assert len(owned) == 5
    for title in (
        "Digital Citizen Folder",
        "Segnalaci",
        "Platform for Labour Policies",
        "Technological update of the local Police operation centre",
        "Rain and hydrometric level data digital model",
    ):
        assert any(title in text for text in owned), title


def test_imported_practices_show_owner_and_stage(client, demo):
    tartu = Partner.objects.get(slug="tartu")
    document = parse(client.get(url_of(tartu, "en")))
    imported = {item.text() for item in list_items(document, "imported-practices-heading")}
    expected = (
        Transfer.objects.filter(importer=tartu)
        .select_related("practice__owner")
        .prefetch_related("practice__actions__plan")
    )
    assert len(imported) == expected.count() > 0
    for transfer in expected:
        line = next(text for text in imported if transfer.practice.title_en in text)
        assert transfer.practice.owner.city_en in line
        # The furthest stage the records show, as on the practice's page (see test_transfer_stage).
        assert str(transfer.reached_stage.label) in line


def test_tartu_page_shows_its_contact_and_its_arengukava_action_plan(client, demo):
    tartu = Partner.objects.get(slug="tartu")
    document = parse(client.get(url_of(tartu, "et")))
    contact = document.find("section", id="contact")
    assert "Anneli Saalik" in contact.text()
    assert ("mailto:anneli.saalik@tartu.ee", "anneli.saalik@tartu.ee") in contact.links()
    plan = document.find("section", id="action-plan")
    assert "Tartu linna arengukava" in plan.text()
    actions = list_items(document, "actions-heading")
    assert len(actions) == Action.objects.filter(plan__partner=tartu).count() == 2
    first = Action.objects.filter(plan__partner=tartu).order_by("number").first()
    with translation.override("et"):
        status = str(first.get_status_display())
        inspiring = [practice.title for practice in first.practices.all()]
    assert status in actions[0].text()
    assert all(title in actions[0].text() for title in inspiring)


def test_action_plan_in_english_names_the_arengukava(client, demo):
    tartu = Partner.objects.get(slug="tartu")
    plan = parse(client.get(url_of(tartu, "en"))).find("section", id="action-plan")
    assert "Tartu city development plan (arengukava)" in plan.text()


def test_partner_without_public_contact_is_told_so_politely(client, demo):
    gavle = Partner.objects.get(slug="gavle")
    contact = parse(client.get(url_of(gavle, "en"))).find("section", id="contact")
    assert "has not named a public contact yet" in contact.text()
    assert not any((href or "").startswith("mailto:") for href, _text in contact.links())


def test_partner_without_action_plan_or_events_still_has_a_page_saying_so(client):
    partner = PartnerFactory(slug="new-city", city_en="New City")
    document = parse(client.get(url_of(partner, "en")))
    assert "has not published its regional action plan yet" in document.find("section", id="action-plan").text()
    assert "No events hosted yet." in document.find("section", id="events").text()
    assert "No news published yet." in document.find("section", id="news").text()


def test_action_plan_document_is_linked_when_there_is_one(client):
    plan = RegionalActionPlanFactory(partner=PartnerFactory(slug="tartu"))
    plan.document = "action-plans/tartu.pdf"
    plan.save()
    section = parse(client.get(url_of(plan.partner, "en"))).find("section", id="action-plan")
    assert any((href or "").endswith("action-plans/tartu.pdf") for href, _text in section.links())


def test_partner_page_shows_its_published_releases_never_drafts_or_scheduled_ones(client):
    partner = PartnerFactory(slug="tartu")
    PressReleaseFactory(author=partner, title_en="Published release")
    PressReleaseFactory(author=partner, title_en="Draft release", status=PressRelease.Status.DRAFT, published_at=None)
    PressReleaseFactory(
        author=partner,
        title_en="Dated draft release",
        status=PressRelease.Status.DRAFT,
        published_at=timezone.now() - datetime.timedelta(days=3),
    )
    PressReleaseFactory(
        author=partner, title_en="Scheduled release", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    PressReleaseFactory(author=PartnerFactory(), title_en="Another city's release")
    response = client.get(url_of(partner, "en"))
    news = parse(response).find("section", id="news").text()
    assert "Published release" in news
    page = response.content.decode()
    for hidden in ("Draft release", "Dated draft release", "Scheduled release", "Another city&#x27;s release"):
        assert hidden not in page


def test_partner_page_shows_the_demo_releases_its_city_wrote(client, demo):
    tartu = Partner.objects.get(slug="tartu")
    news = parse(client.get(url_of(tartu, "en"))).find("section", id="news")
    for release in PressRelease.objects.published().filter(author=tartu):
        assert (url_of(release, "en"), release.title_en) in news.links()


def test_partner_page_runs_the_same_queries_for_3_or_30_of_everything(client):
    few = count_queries(client, url_of(build_city(3, slug="small-city"), "en"))
    many = count_queries(client, url_of(build_city(30, slug="busy-city"), "en"))
    assert many == few


def test_repeat_visit_with_the_etag_gets_304(client, demo):
    path = url("projects:partner-detail", "en", slug="tartu")
    first = client.get(path)
    assert first.status_code == 200
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get(url("projects:partner-list", "en"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200

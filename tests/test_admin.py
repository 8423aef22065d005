"""The admin, through its real HTTP views, logged in as a superuser."""

import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.urls import reverse

from events.factories import EventFactory, RecordingFactory
from events.models import Event, Recording
from practices.factories import (
    ActionFactory,
    GoodPracticeFactory,
    RegionalActionPlanFactory,
    ThemeFactory,
    TransferFactory,
)
from practices.models import Action, GoodPractice, RegionalActionPlan, Theme, Transfer
from projects.factories import (
    CoordinatorFactory,
    PartnerFactory,
    PhaseFactory,
    PressReleaseFactory,
    ProjectFactory,
    SemesterFactory,
)
from projects.models import Coordinator, Partner, Phase, PressRelease, Project, Semester
from tests.helpers.admin import admin_url
from tests.helpers.pages import count_queries

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]

FACTORIES = {
    Project: ProjectFactory,
    Partner: PartnerFactory,
    Phase: PhaseFactory,
    Semester: SemesterFactory,
    PressRelease: PressReleaseFactory,
    Coordinator: CoordinatorFactory,
    Event: EventFactory,
    Recording: RecordingFactory,
    Theme: ThemeFactory,
    GoodPractice: GoodPracticeFactory,
    Transfer: TransferFactory,
    RegionalActionPlan: RegionalActionPlanFactory,
    Action: ActionFactory,
}
MODELS = list(FACTORIES)


def empty_inline(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def release_data(author, **overrides):
    data = {
        "author": author.pk,
        "slug": "better-closes-phase-one",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "original_language": "en",
        **empty_inline("images"),
    }
    for code in LANGUAGES:
        data.update({f"title_{code}": "", f"lead_{code}": "", f"body_{code}": "", f"image_alt_{code}": ""})
    data.update({"title_en": "BETTER closes Phase I", "body_en": "Three years of cooperation."})
    data.update(overrides)
    return data


def event_data(host, **overrides):
    data = {
        "kind": Event.Kind.STUDY_VISIT,
        "slug": "study-visit-tartu",
        "start_date": "2021-09-13",
        "end_date": "2021-09-14",
        "date_precision": Event.Precision.DAY,
        "format": Event.Format.IN_PERSON,
        "location": "Tartu",
        "host": host.pk,
        **empty_inline("recordings"),
    }
    for code in LANGUAGES:
        data.update({f"title_{code}": "", f"theme_{code}": "", f"description_{code}": ""})
    data["title_en"] = "Study visit to Tartu"
    data.update(overrides)
    return data


def practice_data(owner, **overrides):
    data = {"owner": owner.pk, "slug": "digital-signature", "theme": "", "website": "", **empty_inline("transfers")}
    for field in [
        "title",
        "summary",
        "description",
        "resources_needed",
        "evidence_of_success",
        "potential_for_transfer",
        "timescale",
        "image_alt",
    ]:
        for code in LANGUAGES:
            data[f"{field}_{code}"] = ""
    data["title_en"] = "Digital signature"
    data.update(overrides)
    return data


def test_every_model_of_the_site_is_registered():
    registered = {
        model for model in admin.site._registry if model._meta.app_label in {"projects", "events", "practices"}
    }
    assert registered == set(MODELS)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label_lower)
def test_each_admin_page_of_a_model_answers_200(admin_client, model):
    obj = FACTORIES[model]()
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client.get(admin_url(model, "changelist"), {"q": "number"}).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_release_add_form_shows_a_tab_field_per_language(admin_client):
    html = admin_client.get(admin_url(PressRelease, "add")).content.decode()
    for code in LANGUAGES:
        assert f'name="title_{code}"' in html
        assert f'name="body_{code}"' in html
    # No language is required in the browser: the original language, chosen in the form, decides on
    # the server (issue 8), and the form starts with English for a project editor.
    for code in LANGUAGES:
        assert not re.search(rf'<input[^>]*name="title_{code}"[^>]*required', html)
    assert re.search(r'<option value="en" selected>', html)


def test_translation_tabs_load_only_local_scripts(admin_client):
    html = admin_client.get(admin_url(PressRelease, "add")).content.decode()
    sources = re.findall(r'<script src="([^"]+)"', html)
    assert "/static/vendor/jquery-ui-1.13.3/jquery-ui.min.js" in sources
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in sources
    for source in sources:
        # Served by the site itself: no other host, and every static file really there.
        assert source.startswith("/") and not source.startswith("//"), source
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source


def test_posting_a_release_saves_its_translations(admin_client):
    author = PartnerFactory()
    data = release_data(
        author,
        status="published",
        published_at_0="2022-07-20",
        published_at_1="10:00:00",
        title_et="BETTER lõpetab esimese etapi",
        body_et="Kolm aastat koostööd.",
        title_hu="A BETTER lezárja az első szakaszt",
        body_hu="Három év együttműködés.",
    )
    response = admin_client.post(admin_url(PressRelease, "add"), data)
    assert response.status_code == 302
    release = PressRelease.objects.get(slug="better-closes-phase-one")
    assert release.title_et == "BETTER lõpetab esimese etapi"
    assert release.body_hu == "Három év együttműködés."
    assert release.available_languages == ["en", "et", "hu"]
    assert release.is_public


def test_published_release_without_datetime_is_a_form_error(admin_client):
    response = admin_client.post(admin_url(PressRelease, "add"), release_data(PartnerFactory(), status="published"))
    assert response.status_code == 200
    assert "published_at" in response.context["adminform"].form.errors
    assert not PressRelease.objects.exists()


def test_release_without_english_title_is_a_form_error(admin_client):
    data = release_data(PartnerFactory(), title_en="", title_et="Ainult eesti keeles", body_et="Tekst.")
    response = admin_client.post(admin_url(PressRelease, "add"), data)
    assert response.status_code == 200
    assert "title_en" in response.context["adminform"].form.errors
    assert not PressRelease.objects.exists()


def test_search_by_estonian_title_finds_the_release(admin_client):
    PressReleaseFactory(title_en="BETTER closes Phase I", title_et="BETTER lõpetab esimese etapi")
    PressReleaseFactory(title_en="Study visit to Genoa")
    response = admin_client.get(admin_url(PressRelease, "changelist"), {"q": "lõpetab"})
    assert [release.title_en for release in response.context["cl"].result_list] == ["BETTER closes Phase I"]


def test_release_change_page_links_to_its_public_page(admin_client):
    release = PressReleaseFactory()
    html = admin_client.get(admin_url(PressRelease, "change", release.pk)).content.decode()
    assert "viewsitelink" in html


def test_partner_change_page_links_to_its_public_page(admin_client):
    partner = PartnerFactory()
    response = admin_client.get(admin_url(Partner, "change", partner.pk))
    assert response.status_code == 200
    assert "viewsitelink" in response.content.decode()


def test_event_whose_host_visits_is_a_form_error(admin_client):
    host, guest = PartnerFactory(), PartnerFactory()
    response = admin_client.post(admin_url(Event, "add"), event_data(host, visitors=[host.pk, guest.pk]))
    assert response.status_code == 200
    assert "visitors" in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_changing_host_to_a_visitor_is_a_form_error(admin_client):
    host, guest = PartnerFactory(), PartnerFactory()
    event = EventFactory(host=host, visitors=[guest])
    data = event_data(guest, slug=event.slug, visitors=[guest.pk])
    response = admin_client.post(admin_url(Event, "change", event.pk), data)
    assert response.status_code == 200
    assert "visitors" in response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.host == host


def test_event_ending_before_it_starts_is_a_form_error(admin_client):
    data = event_data(PartnerFactory(), start_date="2021-09-13", end_date="2021-09-10")
    response = admin_client.post(admin_url(Event, "add"), data)
    assert response.status_code == 200
    assert "end_date" in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_posting_an_event_derives_its_semester_and_saves_visitors_and_releases(admin_client):
    semester = SemesterFactory(phase=PhaseFactory(number=1), number=5)
    host, guest = PartnerFactory(), PartnerFactory()
    release = PressReleaseFactory()
    data = event_data(host, visitors=[guest.pk], releases=[release.pk], semester="")
    response = admin_client.post(admin_url(Event, "add"), data)
    assert response.status_code == 302
    event = Event.objects.get(slug="study-visit-tartu")
    assert event.semester == semester
    assert list(event.visitors.all()) == [guest]
    assert list(event.releases.all()) == [release]
    html = admin_client.get(admin_url(Event, "change", event.pk)).content.decode()
    assert "Semester 5" in html


def test_month_precision_event_is_stored_on_the_first_of_the_month(admin_client):
    data = event_data(PartnerFactory(), start_date="2019-10-15", end_date="", date_precision=Event.Precision.MONTH)
    response = admin_client.post(admin_url(Event, "add"), data)
    assert response.status_code == 302
    assert Event.objects.get().start_date == datetime.date(2019, 10, 1)


def test_transfer_to_the_owner_is_a_form_error(admin_client):
    practice = GoodPracticeFactory()
    data = {"practice": practice.pk, "importer": practice.owner.pk, "stage": "studied"}
    response = admin_client.post(admin_url(Transfer, "add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert len(errors["importer"]) == 1
    assert not Transfer.objects.exists()


def test_transfer_inline_to_the_owner_of_a_new_practice_is_a_form_error(admin_client):
    owner = PartnerFactory()
    data = practice_data(
        owner,
        **{
            "transfers-TOTAL_FORMS": "1",
            "transfers-0-importer": owner.pk,
            "transfers-0-stage": "studied",
            "transfers-0-study_visit": "",
            "transfers-0-import_workshop": "",
        },
    )
    response = admin_client.post(admin_url(GoodPractice, "add"), data)
    assert response.status_code == 200
    (formset,) = [inline.formset for inline in response.context["inline_admin_formsets"]]
    assert "importer" in formset.forms[0].errors
    assert not GoodPractice.objects.exists()
    assert "cannot import its own practice" in response.content.decode()


def test_transfer_inline_with_a_thematic_event_as_study_visit_is_a_form_error(admin_client):
    practice = GoodPracticeFactory()
    thematic = EventFactory(kind=Event.Kind.THEMATIC_EVENT)
    data = practice_data(
        practice.owner,
        slug=practice.slug,
        **{
            "transfers-TOTAL_FORMS": "1",
            "transfers-0-importer": PartnerFactory().pk,
            "transfers-0-stage": "studied",
            "transfers-0-study_visit": thematic.pk,
            "transfers-0-import_workshop": "",
        },
    )
    response = admin_client.post(admin_url(GoodPractice, "change", practice.pk), data)
    assert response.status_code == 200
    (formset,) = [inline.formset for inline in response.context["inline_admin_formsets"]]
    assert "study_visit" in formset.forms[0].errors
    assert not Transfer.objects.exists()


def test_transfer_inline_saves_a_valid_transfer(admin_client):
    practice = GoodPracticeFactory()
    visit = EventFactory(host=practice.owner)
    importer = PartnerFactory()
    data = practice_data(
        practice.owner,
        slug=practice.slug,
        **{
            "transfers-TOTAL_FORMS": "1",
            "transfers-0-importer": importer.pk,
            "transfers-0-stage": "studied",
            "transfers-0-study_visit": visit.pk,
            "transfers-0-import_workshop": "",
            "transfers-0-notes_en": "Studied in Tartu.",
            # The version the form was loaded from (see projects.backoffice.concurrency).
            "concurrency_token": practice.updated_at.isoformat(),
        },
    )
    response = admin_client.post(admin_url(GoodPractice, "change", practice.pk), data)
    assert response.status_code == 302
    transfer = Transfer.objects.get()
    assert (transfer.importer, transfer.study_visit, transfer.notes_en) == (importer, visit, "Studied in Tartu.")


def _make_rows(model, count):
    partners = PartnerFactory.create_batch(3)
    for index in range(count):
        partner = partners[index % 3]
        if model is Event:
            EventFactory(host=partner, visitors=[p for p in partners if p != partner])
        elif model is PressRelease:
            PressReleaseFactory(author=partner)
        elif model is GoodPractice:
            TransferFactory(practice=GoodPracticeFactory(owner=partner), importer=partners[(index + 1) % 3])
        elif model is Transfer:
            TransferFactory(practice__owner=partner, importer=partners[(index + 1) % 3])
        elif model is Coordinator:
            CoordinatorFactory(partner=partner)
        elif model is Action:
            ActionFactory(plan=RegionalActionPlanFactory(partner=PartnerFactory()))
        elif model is Recording:
            RecordingFactory(event__host=partner)


@pytest.mark.parametrize(
    "model",
    [Event, PressRelease, GoodPractice, Transfer, Coordinator, Action, Recording],
    ids=lambda model: model._meta.label_lower,
)
def test_changelist_queries_do_not_grow_with_rows(admin_client, model):
    SemesterFactory()  # events then fall in a semester of a phase, both shown in the list
    _make_rows(model, 5)
    few = count_queries(admin_client, admin_url(model, "changelist"))
    _make_rows(model, 25)
    assert model.objects.count() == 30
    assert count_queries(admin_client, admin_url(model, "changelist")) == few


def test_study_visit_autocomplete_offers_only_study_visits(admin_client):
    visit = EventFactory(kind=Event.Kind.STUDY_VISIT)
    EventFactory(kind=Event.Kind.THEMATIC_EVENT)
    params = {"app_label": "practices", "model_name": "transfer", "field_name": "study_visit", "term": ""}
    response = admin_client.get(reverse("admin:autocomplete"), params)
    assert [result["id"] for result in response.json()["results"]] == [str(visit.pk)]

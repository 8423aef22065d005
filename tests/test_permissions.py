"""Per-city scope in the admin (issue 4, item 1), through the admin's real HTTP views.

The five demo coordinators work on their own city's objects and on other cities' ones. Forms are
read from the page and sent back as a browser would (projects.backoffice.scope decides what the page
offers); crafted POSTs add what the page did not offer, and the database must show they had no effect.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from events.factories import EventFactory, RecordingFactory
from events.models import Event, Recording
from practices.factories import GoodPracticeFactory, TransferFactory
from practices.models import Action, GoodPractice, RegionalActionPlan, Transfer
from projects.backoffice.permissions import COORDINATOR_GROUP, EDITOR_GROUP, ensure_groups
from projects.factories import PressReleaseFactory, UserFactory
from projects.models import Partner, PressRelease
from tests.helpers.admin import admin_url, form_fields

# The demo content, loaded once for the module (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_for_module")]

CITY_LANGUAGES = {"genoa": "it", "gavle": "sv", "birmingham": "en", "tartu": "et", "nyiregyhaza": "hu"}
CITIES = list(CITY_LANGUAGES)


def model_fields_in_form(model, data):
    names = {field.name for field in model._meta.get_fields()}
    return {name for name in data if name in names}


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def partner(slug):
    return Partner.objects.get(slug=slug)


def other_city(city):
    # Tartu's coordinator works on Genoa's objects, as in the issue; Genoa's on Tartu's.
    return "tartu" if city == "genoa" else "genoa"


# The four city-scoped models of the matrix


@dataclass
class Case:
    model: type
    city_field: str
    translated: list  # the translated fields, by their original names
    edit: tuple  # (field, new value) outside the translations; the plan has only translated text
    make: Callable  # an object of a city
    new: Callable  # what a coordinator types into the add form, for a city

    def __str__(self):
        return self.model._meta.model_name


def make_plan(city):
    # Every demo city has its one action plan (one per partner).
    return RegionalActionPlan.objects.get(partner=city)


CASES = [
    Case(
        PressRelease,
        "author",
        ["title", "lead", "body", "image_alt"],
        ("slug", "changed-by-owner"),
        lambda city: PressReleaseFactory(author=city),
        # Written in the city's own language, the add form's default original language (issue 8).
        lambda city: {
            "author": city.pk,
            f"title_{city.language}": "News from the city",
            "slug": f"news-{city.slug}",
            f"body_{city.language}": "Text.",
        },
    ),
    Case(
        Event,
        "host",
        ["title", "theme", "description"],
        ("location", "Town hall"),
        lambda city: EventFactory(host=city),
        lambda city: {
            "host": city.pk,
            "kind": Event.Kind.STUDY_VISIT,
            "title_en": "Study visit",
            "slug": f"visit-{city.slug}",
            "start_date": "2022-03-15",
        },
    ),
    Case(
        GoodPractice,
        "owner",
        [
            "title",
            "summary",
            "description",
            "resources_needed",
            "evidence_of_success",
            "potential_for_transfer",
            "timescale",
            "image_alt",
        ],
        ("website", "https://example.org/changed"),
        lambda city: GoodPracticeFactory(owner=city),
        lambda city: {"owner": city.pk, "title_en": "Open data portal", "slug": f"open-data-{city.slug}"},
    ),
    Case(
        RegionalActionPlan,
        "partner",
        ["title", "policy_instrument", "summary"],
        ("policy_instrument_en", "Rewritten instrument"),
        make_plan,
        lambda city: {"partner": city.pk, "title_en": "Digital plan", "policy_instrument_en": "City strategy"},
    ),
]

matrix = pytest.mark.parametrize("case", CASES, ids=str)
cities = pytest.mark.parametrize("city", CITIES)


def city_of(case, obj):
    return getattr(obj, f"{case.city_field}_id")


# The matrix: 5 coordinators × 4 models × add/change/delete/translate


@matrix
@cities
def test_coordinator_adding_for_own_city_saves_it(client, case, city):
    own = partner(city)
    if case.model is RegionalActionPlan:
        RegionalActionPlan.objects.filter(partner=own).delete()  # one plan per city
    login(client, city)
    data = form_fields(client.get(admin_url(case.model, "add")))
    assert data[case.city_field] == str(own.pk)  # the add form starts with the coordinator's city
    before = case.model.objects.count()
    response = client.post(admin_url(case.model, "add"), {**data, **case.new(own)})
    assert response.status_code == 302
    assert case.model.objects.count() == before + 1
    assert city_of(case, case.model.objects.latest("pk")) == own.pk


@matrix
@cities
def test_coordinator_changing_own_city_object_saves_every_field(client, case, city):
    own = partner(city)
    obj = case.make(own)
    login(client, city)
    data = form_fields(client.get(admin_url(case.model, "change", obj.pk)))
    field, value = case.edit
    # Every language of one's own object, e.g. Tartu's Italian title too.
    data.update({field: value, "title_en": "Rewritten in English", "title_it": "In italiano"})
    response = client.post(admin_url(case.model, "change", obj.pk), data)
    assert response.status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == value
    assert (obj.title_en, obj.title_it) == ("Rewritten in English", "In italiano")


@matrix
@cities
def test_coordinator_deleting_own_city_object_removes_it(client, case, city):
    obj = case.make(partner(city))
    login(client, city)
    assert client.get(admin_url(case.model, "delete", obj.pk)).status_code == 200
    response = client.post(admin_url(case.model, "delete", obj.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not case.model.objects.filter(pk=obj.pk).exists()


@matrix
@cities
def test_coordinator_on_other_city_object_changes_only_own_language(client, case, city):
    other = partner(other_city(city))
    obj = case.make(other)
    original = {field.attname: getattr(obj, field.attname) for field in case.model._meta.concrete_fields}
    language = CITY_LANGUAGES[city]
    login(client, city)
    response = client.get(admin_url(case.model, "change", obj.pk))
    data = form_fields(response)
    # Crafted: what the page did not offer, sent anyway.
    field, value = case.edit
    crafted = {"title_en": "Overwritten source", case.city_field: partner(city).pk, field: value}
    if case.model is PressRelease:
        crafted["status"] = PressRelease.Status.DRAFT if obj.status == "published" else "published"

    if language == "en":
        # Birmingham: English is the source, which belongs to the city that wrote it: view only.
        assert model_fields_in_form(case.model, data) == set()
        response = client.post(admin_url(case.model, "change", obj.pk), {**data, **crafted})
        assert response.status_code == 403
    else:
        own_language = {f"{name}_{language}" for name in case.translated}
        assert model_fields_in_form(case.model, data) == own_language
        data.update({name: f"Translated {name}" for name in own_language})
        response = client.post(admin_url(case.model, "change", obj.pk), {**data, **crafted})
        assert response.status_code == 302
    obj.refresh_from_db()
    for attname, value_before in original.items():
        if language != "en" and attname in {f"{name}_{language}" for name in case.translated}:
            assert getattr(obj, attname) == f"Translated {attname}"
        # Bookkeeping that a save updates by itself: when, and which English a translation follows.
        elif attname != "updated_at" and not attname.endswith("source_fingerprint"):
            assert getattr(obj, attname) == value_before, attname


@matrix
@cities
def test_coordinator_deleting_other_city_object_is_forbidden(client, case, city):
    obj = case.make(partner(other_city(city)))
    login(client, city)
    assert client.get(admin_url(case.model, "delete", obj.pk)).status_code == 403
    assert client.post(admin_url(case.model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert case.model.objects.filter(pk=obj.pk).exists()


@matrix
@cities
def test_coordinator_adding_for_other_city_is_a_form_error(client, case, city):
    other = partner(other_city(city))
    if case.model is RegionalActionPlan:
        RegionalActionPlan.objects.filter(partner=other).delete()  # so only the scope can refuse it
    login(client, city)
    data = form_fields(client.get(admin_url(case.model, "add")))
    before = case.model.objects.count()
    response = client.post(admin_url(case.model, "add"), {**data, **case.new(other)})
    assert response.status_code == 200
    assert case.city_field in response.context["adminform"].form.errors
    assert case.model.objects.count() == before


@matrix
def test_coordinator_moving_own_object_to_other_city_is_a_form_error(client, case):
    obj = case.make(partner("tartu"))
    login(client, "tartu")
    data = form_fields(client.get(admin_url(case.model, "change", obj.pk)))
    data[case.city_field] = partner("genoa").pk
    response = client.post(admin_url(case.model, "change", obj.pk), data)
    assert response.status_code == 200
    assert case.city_field in response.context["adminform"].form.errors
    obj.refresh_from_db()
    assert city_of(case, obj) == partner("tartu").pk


# The issue's own example: Tartu translates Genoa's release


@pytest.mark.parametrize("status", ["draft", "published"])
def test_tartu_on_genoa_release_edits_estonian_and_nothing_else(client, status):
    release = PressReleaseFactory(author=partner("genoa"), status=status, title_en="Genoa opens its Smart City Week")
    login(client, "tartu")
    response = client.get(admin_url(PressRelease, "change", release.pk))
    html = response.content.decode()
    assert 'name="title_et"' in html and 'name="body_et"' in html
    assert 'name="title_en"' not in html and 'name="status"' not in html
    assert "Genoa opens its Smart City Week" in html  # the English source, shown to translate from
    data = form_fields(response)
    data.update({"title_et": "Genova avab nutilinna nädala", "body_et": "Tekst."})
    # Crafted: the source and the status, which the page did not offer.
    data.update({"title_en": "Hijacked", "status": "published" if status == "draft" else "draft"})
    assert client.post(admin_url(PressRelease, "change", release.pk), data).status_code == 302
    release.refresh_from_db()
    assert (release.title_et, release.body_et) == ("Genova avab nutilinna nädala", "Tekst.")
    assert (release.title_en, release.status) == ("Genoa opens its Smart City Week", status)


def test_other_city_objects_stay_in_the_coordinator_list(client):
    genoa_release = PressReleaseFactory(author=partner("genoa"), status="draft")
    login(client, "tartu")
    response = client.get(admin_url(PressRelease, "changelist"))
    assert genoa_release in response.context["cl"].result_list


# Inline rows and relations of another city's object


def test_crafted_recording_on_other_city_event_is_not_saved(client):
    event = EventFactory(host=partner("genoa"))
    recording = RecordingFactory(event=event, title_en="Opening talk")
    login(client, "tartu")
    data = form_fields(client.get(admin_url(Event, "change", event.pk)))
    assert "recordings-0-title_en" not in data  # the inline is shown read-only
    data.update(
        {
            "recordings-TOTAL_FORMS": "2",
            "recordings-0-id": recording.pk,
            "recordings-0-event": event.pk,
            "recordings-0-title_en": "Renamed",
            "recordings-0-url": recording.url,
            "recordings-0-order": "0",
            "recordings-0-DELETE": "on",
            "recordings-1-title_en": "Planted",
            "recordings-1-url": "https://video.example.org/planted",
            "recordings-1-order": "1",
        }
    )
    client.post(admin_url(Event, "change", event.pk), data)
    assert list(Recording.objects.filter(event=event).values_list("title_en", flat=True)) == ["Opening talk"]


def test_recording_inline_on_own_event_is_saved(client):
    event = EventFactory(host=partner("tartu"))
    login(client, "tartu")
    data = form_fields(client.get(admin_url(Event, "change", event.pk)))
    data.update(
        {
            "recordings-TOTAL_FORMS": "1",
            "recordings-0-title_en": "Opening talk",
            "recordings-0-url": "https://video.example.org/tartu",
            "recordings-0-order": "0",
        }
    )
    assert client.post(admin_url(Event, "change", event.pk), data).status_code == 302
    assert list(event.recordings.values_list("title_en", flat=True)) == ["Opening talk"]


def test_crafted_transfer_change_on_other_city_practice_is_not_saved(client):
    transfer = TransferFactory(practice__owner=partner("genoa"), importer=partner("gavle"))
    practice = transfer.practice
    login(client, "tartu")
    data = form_fields(client.get(admin_url(GoodPractice, "change", practice.pk)))
    data.update(
        {
            "transfers-0-id": transfer.pk,
            "transfers-0-practice": practice.pk,
            "transfers-0-importer": partner("tartu").pk,
            "transfers-0-stage": Transfer.Stage.IMPLEMENTED,
            "transfers-0-DELETE": "on",
        }
    )
    client.post(admin_url(GoodPractice, "change", practice.pk), data)
    transfer.refresh_from_db()
    assert (transfer.importer, transfer.stage) == (partner("gavle"), Transfer.Stage.STUDIED)


def test_crafted_relations_on_other_city_event_are_not_saved(client):
    event = EventFactory(host=partner("genoa"), visitors=[partner("gavle")])
    release = PressReleaseFactory(author=partner("tartu"))
    login(client, "tartu")
    data = form_fields(client.get(admin_url(Event, "change", event.pk)))
    data.update({"visitors": [partner("tartu").pk], "releases": [release.pk], "title_et": "Õppevisiit"})
    assert client.post(admin_url(Event, "change", event.pk), data).status_code == 302
    event.refresh_from_db()
    assert list(event.visitors.all()) == [partner("gavle")]
    assert not event.releases.exists()
    assert event.title_et == "Õppevisiit"


def test_other_city_action_cannot_be_changed_from_its_plan(client):
    plan = RegionalActionPlan.objects.get(partner=partner("genoa"))
    # The inline lists the plan's actions in order; pick one that is not completed yet.
    index, action = next((i, a) for i, a in enumerate(plan.actions.all()) if a.status != "completed")
    title, status = action.title_en, action.status
    login(client, "tartu")
    data = form_fields(client.get(admin_url(RegionalActionPlan, "change", plan.pk)))
    prefix = f"actions-{index}"
    data.update({f"{prefix}-id": action.pk, f"{prefix}-plan": plan.pk, f"{prefix}-status": "completed"})
    data.update({f"{prefix}-number": action.number, f"{prefix}-title_en": "Rewritten", f"{prefix}-DELETE": "on"})
    client.post(admin_url(RegionalActionPlan, "change", plan.pk), data)
    action.refresh_from_db()
    assert (action.title_en, action.status) == (title, status)


# Rows that hang from a city's object: recordings, transfers, actions


def test_recording_for_other_city_event_is_a_form_error(client):
    genoa_event, tartu_event = EventFactory(host=partner("genoa")), EventFactory(host=partner("tartu"))
    login(client, "tartu")
    data = form_fields(client.get(admin_url(Recording, "add")))
    data.update({"title_en": "Talk", "url": "https://video.example.org/talk", "order": "0"})
    response = client.post(admin_url(Recording, "add"), {**data, "event": genoa_event.pk})
    assert response.status_code == 200
    assert "event" in response.context["adminform"].form.errors
    assert client.post(admin_url(Recording, "add"), {**data, "event": tartu_event.pk}).status_code == 302
    assert list(Recording.objects.values_list("event", flat=True)) == [tartu_event.pk]


def test_event_autocomplete_of_a_recording_offers_only_own_events(client):
    login(client, "tartu")
    params = {"app_label": "events", "model_name": "recording", "field_name": "event", "term": ""}
    response = client.get(reverse("admin:autocomplete"), params)
    offered = {int(result["id"]) for result in response.json()["results"]}
    assert offered
    assert offered == set(Event.objects.filter(host__slug="tartu").values_list("pk", flat=True))


def test_transfer_of_other_city_practice_cannot_be_deleted(client):
    transfer = TransferFactory(practice__owner=partner("genoa"), importer=partner("tartu"))
    login(client, "tartu")
    assert client.post(admin_url(Transfer, "delete", transfer.pk), {"post": "yes"}).status_code == 403
    assert Transfer.objects.filter(pk=transfer.pk).exists()


def test_action_for_other_city_plan_is_a_form_error(client):
    login(client, "tartu")
    data = form_fields(client.get(admin_url(Action, "add")))
    genoa_plan = RegionalActionPlan.objects.get(partner__slug="genoa")
    data.update({"plan": genoa_plan.pk, "number": "99", "title_en": "Planted", "status": "planned"})
    response = client.post(admin_url(Action, "add"), data)
    assert response.status_code == 200
    assert "plan" in response.context["adminform"].form.errors
    assert not Action.objects.filter(number=99).exists()


def test_bulk_delete_including_other_city_release_is_forbidden(client):
    own = PressReleaseFactory(author=partner("tartu"))
    genoa = PressReleaseFactory(author=partner("genoa"))
    login(client, "tartu")
    data = {"action": "delete_selected", "_selected_action": [own.pk, genoa.pk], "post": "yes"}
    assert client.post(admin_url(PressRelease, "changelist"), data).status_code == 403
    assert PressRelease.objects.filter(pk__in=[own.pk, genoa.pk]).count() == 2


# Shared content, project editors, and staff without a city


def test_coordinator_views_own_partner_but_cannot_change_it(client):
    genoa = partner("genoa")
    login(client, "genoa")
    data = form_fields(client.get(admin_url(Partner, "change", genoa.pk)))
    assert model_fields_in_form(Partner, data) == set()
    response = client.post(admin_url(Partner, "change", genoa.pk), {**data, "organisation": "Renamed"})
    assert response.status_code == 403
    genoa.refresh_from_db()
    assert genoa.organisation != "Renamed"


@pytest.mark.parametrize("name", ["project", "phase", "semester", "theme"])
def test_coordinator_cannot_add_shared_content(client, name):
    app_label = "practices" if name == "theme" else "projects"
    login(client, "tartu")
    assert client.get(reverse(f"admin:{app_label}_{name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{app_label}_{name}_add")).status_code == 403


def test_coordinator_cannot_see_coordinator_rows(client):
    login(client, "tartu")
    assert client.get(reverse("admin:projects_coordinator_changelist")).status_code == 403


def test_project_editor_changes_any_city_and_shared_content(client):
    editor = UserFactory(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    release = PressReleaseFactory(author=partner("genoa"))
    client.force_login(editor)
    data = form_fields(client.get(admin_url(PressRelease, "change", release.pk)))
    data.update({"title_en": "Edited by the project", "author": partner("tartu").pk})
    assert client.post(admin_url(PressRelease, "change", release.pk), data).status_code == 302
    release.refresh_from_db()
    assert (release.title_en, release.author) == ("Edited by the project", partner("tartu"))

    gavle = partner("gavle")
    data = form_fields(client.get(admin_url(Partner, "change", gavle.pk)))
    assert (
        client.post(admin_url(Partner, "change", gavle.pk), {**data, "organisation": "Gävle kommun"}).status_code == 302
    )
    gavle.refresh_from_db()
    assert gavle.organisation == "Gävle kommun"

    event = EventFactory(host=partner("nyiregyhaza"))
    assert client.post(admin_url(Event, "delete", event.pk), {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()
    assert client.get(reverse("admin:projects_coordinator_changelist")).status_code == 200


def test_staff_without_coordinator_row_changes_nothing(client):
    # Even with the coordinators' model permissions, a user without a city has no scope.
    user = UserFactory(username="orphan", is_staff=True)
    user.groups.add(Group.objects.get(name=COORDINATOR_GROUP))
    release = PressReleaseFactory(author=partner("tartu"), title_en="Untouched")
    client.force_login(user)
    data = form_fields(client.get(admin_url(PressRelease, "change", release.pk)))
    assert model_fields_in_form(PressRelease, data) == set()
    assert client.post(admin_url(PressRelease, "change", release.pk), {**data, "title_en": "X"}).status_code == 403
    assert client.get(admin_url(PressRelease, "add")).status_code == 403
    assert client.post(admin_url(PressRelease, "delete", release.pk), {"post": "yes"}).status_code == 403
    release.refresh_from_db()
    assert release.title_en == "Untouched"


# The groups themselves


def test_migrate_creates_both_groups_with_their_permissions():
    Group.objects.filter(name__in=[COORDINATOR_GROUP, EDITOR_GROUP]).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    coordinators = Group.objects.get(name=COORDINATOR_GROUP)
    editors = Group.objects.get(name=EDITOR_GROUP)
    coordinator_perms = {f"{p.content_type.app_label}.{p.codename}" for p in coordinators.permissions.all()}
    editor_perms = {f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()}
    assert {"projects.change_pressrelease", "events.delete_event", "practices.add_action"} <= coordinator_perms
    assert {"projects.view_partner", "practices.view_theme"} <= coordinator_perms
    assert not {"projects.change_partner", "projects.view_coordinator", "practices.change_theme"} & coordinator_perms
    assert {"projects.change_partner", "projects.change_coordinator", "auth.view_user"} <= editor_perms


def test_ensure_groups_run_again_keeps_one_group_each_with_the_same_permissions():
    first = {name: set(group.permissions.all()) for name, group in ensure_groups().items()}
    second = {name: set(group.permissions.all()) for name, group in ensure_groups().items()}
    assert first == second
    assert Group.objects.filter(name__in=[COORDINATOR_GROUP, EDITOR_GROUP]).count() == 2

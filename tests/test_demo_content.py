import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.http import HttpRequest
from PIL import Image

from events.models import Event
from practices.models import Action, GoodPractice, RegionalActionPlan, Theme, Transfer
from projects.models import Coordinator, Partner, Phase, PressRelease, Project, Semester, SitePage

CITY_SLUGS = ["genoa", "gavle", "birmingham", "tartu", "nyiregyhaza"]

STUDY_VISITS = {
    datetime.date(2021, 7, 17): ("genoa", {"birmingham", "gavle", "nyiregyhaza"}),
    datetime.date(2021, 9, 13): ("nyiregyhaza", {"genoa", "gavle", "birmingham"}),
    datetime.date(2021, 10, 27): ("gavle", {"tartu", "birmingham", "genoa", "nyiregyhaza"}),
}

PRACTICE_VISITS = {
    "digital-citizen-folder": datetime.date(2021, 7, 17),
    "segnalaci": datetime.date(2021, 7, 17),
    "platform-for-labour-policies": datetime.date(2021, 7, 17),
    "police-operation-centre-update": datetime.date(2021, 7, 17),
    "rain-and-hydrometric-data-model": datetime.date(2021, 7, 17),
    "lego-education-innovation-studio": datetime.date(2021, 9, 13),
    "digital-tree-innovation-habitat": datetime.date(2021, 9, 13),
    "service-design-gavle": datetime.date(2021, 10, 27),
    "e-services-gavle": datetime.date(2021, 10, 27),
}

MODELS = [Project, Partner, Phase, Semester, Event, Theme, GoodPractice, Transfer, RegionalActionPlan, Action]


def load():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row's primary key per model, plus the many-to-many links."""
    rows = {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in MODELS}
    rows["PressRelease"] = sorted(PressRelease.objects.values_list("pk", flat=True))
    rows["visitors"] = sorted(Event.visitors.through.objects.values_list("event_id", "partner_id"))
    rows["practice events"] = sorted(GoodPractice.events.through.objects.values_list("goodpractice_id", "event_id"))
    rows["event releases"] = sorted(Event.releases.through.objects.values_list("event_id", "pressrelease_id"))
    rows["users"] = sorted(get_user_model().objects.values_list("pk", flat=True))
    rows["coordinators"] = sorted(Coordinator.objects.values_list("user_id", "partner_id"))
    return rows


@pytest.mark.django_db
def test_demo_content_loaded_has_project_partners_and_calendar():
    load()
    project = Project.objects.get(acronym="BETTER")
    assert project.programme == "Interreg Europe"
    assert project.website == "https://www.interregeurope.eu/better/"
    assert project.twitter_url == "https://twitter.com/InterregB"
    assert all(getattr(project, f"summary_{code}") for code in ("en", "et", "hu"))

    assert list(Partner.objects.values_list("slug", flat=True)) == CITY_SLUGS
    genoa = Partner.objects.get(slug="genoa")
    assert (genoa.country, genoa.language, genoa.city_en, genoa.city_it) == ("IT", "it", "Genoa", "Genova")
    tartu = Partner.objects.get(slug="tartu")
    assert (tartu.contact_name, tartu.contact_email) == ("Anneli Saalik", "anneli.saalik@tartu.ee")
    assert Partner.objects.exclude(slug="tartu").filter(contact_name="").count() == 4

    assert Phase.objects.count() == 2
    phase1, phase2 = Phase.objects.order_by("number")
    assert (phase1.start_month, phase1.end_month) == (datetime.date(2019, 8, 1), datetime.date(2022, 7, 1))
    assert (phase2.start_month, phase2.end_month) == (datetime.date(2022, 8, 1), datetime.date(2023, 7, 1))
    assert list(phase1.semesters.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert list(phase2.semesters.values_list("number", flat=True)) == [7, 8]
    semester6 = Semester.objects.get(number=6)
    assert (semester6.start_month, semester6.end_month) == (datetime.date(2022, 2, 1), datetime.date(2022, 7, 1))


@pytest.mark.django_db
def test_demo_content_loaded_has_four_thematic_events_known_only_by_month():
    load()
    events = Event.objects.filter(kind=Event.Kind.THEMATIC_EVENT).order_by("start_date")
    assert [(event.start_date, event.host.slug) for event in events] == [
        (datetime.date(2019, 10, 1), "gavle"),
        (datetime.date(2020, 1, 1), "tartu"),
        (datetime.date(2020, 6, 1), "birmingham"),
        (datetime.date(2020, 11, 1), "nyiregyhaza"),
    ]
    assert all(event.date_precision == Event.Precision.MONTH for event in events)
    assert [event.format for event in events] == ["in-person", "in-person", "virtual", "virtual"]
    # No recording link is known, so none is made up.
    assert not any(event.recordings.exists() for event in events)
    # Every partner but the host attended ("the five cities met four times").
    for event in events:
        assert {partner.slug for partner in event.visitors.all()} == set(CITY_SLUGS) - {event.host.slug}


@pytest.mark.django_db
def test_demo_content_loaded_has_study_visits_with_their_hosts_visitors_and_practices():
    load()
    visits = Event.objects.filter(kind=Event.Kind.STUDY_VISIT)
    assert {
        visit.start_date: (visit.host.slug, {partner.slug for partner in visit.visitors.all()}) for visit in visits
    } == STUDY_VISITS
    assert all(visit.date_precision == Event.Precision.DAY for visit in visits)

    assert GoodPractice.objects.count() == 9
    for slug, visit_date in PRACTICE_VISITS.items():
        practice = GoodPractice.objects.get(slug=slug)
        studied_at = practice.events.filter(kind=Event.Kind.STUDY_VISIT)
        assert [event.start_date for event in studied_at] == [visit_date], slug
        # The owner is the city that showed the practice.
        assert practice.owner == studied_at[0].host
        assert practice.theme is not None and practice.summary_en


@pytest.mark.django_db
def test_demo_content_loaded_derives_semester_and_phase_from_event_dates():
    load()
    october_2019 = Event.objects.get(kind=Event.Kind.THEMATIC_EVENT, start_date=datetime.date(2019, 10, 1))
    assert october_2019.semester.number == 1
    assert october_2019.phase.number == 1
    gavle_visit = Event.objects.get(start_date=datetime.date(2021, 10, 27))
    assert gavle_visit.semester.number == 5
    genoa_visit = Event.objects.get(start_date=datetime.date(2021, 7, 17))
    assert genoa_visit.semester.number == 4
    workshops = Event.objects.filter(kind=Event.Kind.IMPORT_WORKSHOP)
    assert workshops.exists()
    assert set(workshops.values_list("semester__number", flat=True)) == {6}


@pytest.mark.django_db
def test_demo_content_loaded_gavle_hosted_and_visited_the_events_of_its_city_page():
    load()
    gavle = Partner.objects.get(slug="gavle")
    hosted = Event.objects.involving(gavle, role="host")
    assert hosted.filter(kind=Event.Kind.THEMATIC_EVENT, start_date=datetime.date(2019, 10, 1)).exists()
    assert hosted.filter(kind=Event.Kind.STUDY_VISIT, start_date=datetime.date(2021, 10, 27)).exists()
    visited = Event.objects.involving(gavle, role="visitor").filter(kind=Event.Kind.STUDY_VISIT)
    assert sorted((event.start_date, event.host.slug) for event in visited) == [
        (datetime.date(2021, 7, 17), "genoa"),
        (datetime.date(2021, 9, 13), "nyiregyhaza"),
    ]


@pytest.mark.django_db
def test_demo_content_loaded_every_visitor_studied_each_practice_shown_to_it():
    load()
    for visit_date, (_host, visitors) in STUDY_VISITS.items():
        visit = Event.objects.get(kind=Event.Kind.STUDY_VISIT, start_date=visit_date)
        for practice in visit.practices.all():
            importers = set(
                Transfer.objects.filter(practice=practice, study_visit=visit).values_list("importer__slug", flat=True)
            )
            assert importers == visitors, practice.slug
    assert Transfer.objects.count() == 5 * 3 + 2 * 3 + 2 * 4


@pytest.mark.django_db
def test_demo_content_loaded_import_workshops_are_labelled_demo_and_move_their_transfer():
    load()
    workshops = Event.objects.filter(kind=Event.Kind.IMPORT_WORKSHOP)
    assert workshops.count() >= 3
    for workshop in workshops:
        assert "demo" in workshop.title_en.lower()
        assert "Demo data" in workshop.description_en
        assert workshop.date_precision == Event.Precision.MONTH
        transfer = Transfer.objects.get(import_workshop=workshop)
        assert transfer.stage == Transfer.Stage.IMPORT_WORKSHOP
        assert transfer.importer == workshop.host
        assert list(workshop.visitors.all()) == [transfer.practice.owner]
        assert workshop in transfer.practice.events.all()


@pytest.mark.django_db
def test_demo_content_loaded_gives_each_partner_an_action_plan_with_actions():
    load()
    plans = RegionalActionPlan.objects.all()
    assert [plan.partner.slug for plan in plans] == CITY_SLUGS
    assert plans.get(partner__slug="tartu").policy_instrument_en == "Tartu city development plan (arengukava)"
    for plan in plans.exclude(partner__slug="tartu"):
        assert "Demo data" in plan.summary_en
    for plan in plans:
        actions = plan.actions.all()
        assert 1 <= actions.count() <= 3
        for action in actions:
            assert action.practices.exists()
            # An action builds on a practice the city studied, never on one of its own.
            for practice in action.practices.all():
                assert practice.owner != plan.partner
                assert Transfer.objects.filter(practice=practice, importer=plan.partner).exists()


@pytest.mark.django_db
def test_demo_content_loaded_publishes_three_releases_in_their_languages():
    load()
    releases = PressRelease.objects.published()
    assert releases.count() == 3
    by_slug = {release.slug: release for release in releases}
    assert set(by_slug) == {
        "better-enters-its-second-stage",
        "better-is-to-adopt-good-practices",
        "better-closes-phase-i",
    }
    phase_i = by_slug["better-closes-phase-i"]
    assert phase_i.available_languages == ["en", "et", "hu"]
    assert not phase_i.has_language("it") and not phase_i.has_language("sv")
    assert phase_i.lead_et and phase_i.lead_hu and "| Gävle |" in phase_i.body_hu
    assert "et" in by_slug["better-enters-its-second-stage"].available_languages
    assert "anneli.saalik@tartu.ee" in by_slug["better-enters-its-second-stage"].body_et
    for slug in ("better-is-to-adopt-good-practices", "better-closes-phase-i"):
        # The releases carry Markdown tables of events.
        assert "|---|" in by_slug[slug].body_en
    assert by_slug["better-closes-phase-i"].published_at.date() == datetime.date(2022, 6, 28)
    assert by_slug["better-is-to-adopt-good-practices"].events.filter(kind=Event.Kind.STUDY_VISIT).count() == 3
    assert by_slug["better-is-to-adopt-good-practices"].practices.count() == 9
    assert by_slug["better-enters-its-second-stage"].events.filter(kind=Event.Kind.THEMATIC_EVENT).count() == 4


@pytest.mark.django_db
def test_demo_content_loaded_twice_keeps_the_same_rows():
    load()
    first = snapshot()
    output = load()
    assert snapshot() == first
    assert Partner.objects.count() == 5
    assert Event.objects.filter(kind=Event.Kind.STUDY_VISIT).count() == 3
    assert "already exist" in output


@pytest.mark.django_db
def test_demo_content_loaded_creates_demo_accounts_that_can_log_in(client):
    output = load()
    assert "admin" in output and "better-demo" in output
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    # django-axes throttles by the request (its address): a login without one is refused.
    assert client.login(request=HttpRequest(), username="admin", password="better-demo")
    client.logout()
    for slug in CITY_SLUGS:
        user = get_user_model().objects.get(username=slug)
        assert user.is_staff and not user.is_superuser
        assert user.coordinator.partner.slug == slug
        assert user.has_perm("projects.change_pressrelease")
        assert user.has_perm("practices.add_transfer")
        assert user.has_perm("projects.view_partner")
        assert not user.has_perm("projects.change_partner")
        assert client.login(request=HttpRequest(), username=slug, password="better-demo")
        client.logout()


@pytest.mark.django_db
def test_demo_content_reloaded_keeps_a_password_the_user_changed(client):
    load()
    tartu = get_user_model().objects.get(username="tartu")
    tartu.set_password("my-own-secret-42")
    tartu.save()
    load()
    assert client.login(request=HttpRequest(), username="tartu", password="my-own-secret-42")
    assert not get_user_model().objects.get(username="tartu").check_password("better-demo")


@pytest.mark.django_db
def test_demo_content_without_demo_accounts_setting_creates_no_user(settings):
    settings.DEMO_ACCOUNTS = False
    output = load()
    assert get_user_model().objects.count() == 0
    assert Coordinator.objects.count() == 0
    assert "better-demo" not in output
    assert Partner.objects.count() == 5


@pytest.mark.django_db
def test_demo_content_reloaded_keeps_what_editors_changed():
    load()
    release = PressRelease.objects.get(slug="better-closes-phase-i")
    release.title_it = "BETTER chiude la fase I"
    release.body_it = "Testo italiano."
    release.save()
    release.events.clear()

    load()

    release.refresh_from_db()
    assert release.title_it == "BETTER chiude la fase I"
    assert not release.events.exists()


@pytest.mark.django_db
def test_demo_content_reloaded_with_reset_restores_the_demo_rows():
    load()
    release = PressRelease.objects.get(slug="better-closes-phase-i")
    release.title_it = "BETTER chiude la fase I"
    release.save()
    release.events.clear()

    call_command("load_demo_content", "--reset", stdout=StringIO())

    release.refresh_from_db()
    assert not release.title_it
    assert release.events.exists()


@pytest.mark.django_db
def test_demo_content_loaded_writes_the_five_site_pages_in_english_estonian_and_hungarian():
    load()
    pages = SitePage.objects.all()
    assert {page.key for page in pages} == set(SitePage.Key.values)
    for page in pages:
        assert all(page.has_language(code) for code in ("en", "et", "hu")), page.key
    accessibility = SitePage.objects.get(key="accessibility").body_en
    for part in ("Conformance status", "Known limits", "Feedback and contact", "Enforcement procedure"):
        assert part in accessibility
    privacy = SitePage.objects.get(key="privacy").body_en
    assert "Session cookie" in privacy and "Server logs" in privacy and "no trackers" in privacy


@pytest.mark.django_db
def test_demo_content_loaded_gives_each_partner_a_placeholder_mark_said_to_be_one():
    load()
    for partner in Partner.objects.all():
        assert partner.logo_is_placeholder, partner.slug
        with partner.logo.open("rb") as stored, Image.open(stored) as image:
            assert image.size == (192, 192)


@pytest.mark.django_db
def test_demo_content_loaded_again_keeps_a_logo_an_editor_uploaded():
    load()
    genoa = Partner.objects.get(slug="genoa")
    genoa.logo.save("genoa-coat-of-arms.png", ContentFile(genoa.logo.read()), save=True)
    load()
    genoa.refresh_from_db()
    assert genoa.logo.name.startswith("partners/genoa-coat-of-arms") and not genoa.logo_is_placeholder


@pytest.mark.django_db
def test_demo_events_filtered_by_genoa_include_the_four_thematic_events_it_attended(client):
    load()
    html = client.get("/en/events/", {"city": "genoa", "kind": "thematic-event"}).content.decode()
    for event in Event.objects.filter(kind=Event.Kind.THEMATIC_EVENT):
        assert event.get_absolute_url() in html
    assert html.count('class="event-summary__title') == 4

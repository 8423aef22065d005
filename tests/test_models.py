"""Invariants of the domain model, enforced by the database and mirrored in clean()."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events.factories import EventFactory
from events.models import Event
from practices.factories import GoodPracticeFactory, TransferFactory
from practices.models import Transfer
from projects.factories import PartnerFactory, PhaseFactory, PressReleaseFactory, SemesterFactory
from projects.models import Partner, Phase, PressRelease

pytestmark = pytest.mark.django_db


def assert_rejected_by_database(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_partner_with_lowercase_country_is_rejected_by_database():
    partner = PartnerFactory()
    assert_rejected_by_database(lambda: Partner.objects.filter(pk=partner.pk).update(country="ee"))


def test_partner_with_unknown_language_is_rejected_by_database():
    partner = PartnerFactory()
    assert_rejected_by_database(lambda: Partner.objects.filter(pk=partner.pk).update(language="de"))


def test_phase_ending_before_it_starts_is_rejected_by_database_and_clean():
    phase = PhaseFactory.build(start_month=datetime.date(2022, 8, 1), end_month=datetime.date(2021, 7, 1))
    with pytest.raises(ValidationError):
        phase.full_clean()
    assert_rejected_by_database(phase.save)


def test_semester_outside_its_phase_fails_validation():
    phase = PhaseFactory(start_month=datetime.date(2019, 8, 1), end_month=datetime.date(2022, 7, 1))
    semester = SemesterFactory.build(
        phase=phase, start_month=datetime.date(2022, 8, 1), end_month=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError, match="within its phase"):
        semester.full_clean()


def test_published_release_without_datetime_is_rejected_by_database_and_clean():
    release = PressReleaseFactory.build(author=PartnerFactory(), published_at=None)
    with pytest.raises(ValidationError) as excinfo:
        release.full_clean()
    assert "published_at" in excinfo.value.message_dict
    assert_rejected_by_database(release.save)


def test_release_without_english_body_is_rejected_by_database():
    release = PressReleaseFactory()
    assert_rejected_by_database(lambda: PressRelease.objects.filter(pk=release.pk).update(body_en=""))


def test_release_slug_is_unique():
    PressReleaseFactory(slug="same")
    assert_rejected_by_database(lambda: PressReleaseFactory(slug="same"))


def test_published_queryset_hides_drafts_and_future_releases():
    visible = PressReleaseFactory()
    PressReleaseFactory(status=PressRelease.Status.DRAFT)
    scheduled = PressReleaseFactory(published_at=timezone.now() + datetime.timedelta(minutes=1))
    assert list(PressRelease.objects.published()) == [visible]
    assert not scheduled.is_public


def test_release_in_missing_language_falls_back_to_english():
    release = PressReleaseFactory(title_en="Hello", title_et="Tere", body_et="Sisu", title_hu="")
    with translation.override("et"):
        assert release.title == "Tere"
    with translation.override("hu"):
        assert release.title == "Hello"
    assert release.has_language("et")
    assert not release.has_language("hu")
    assert release.available_languages == ["en", "et"]


def test_release_in_language_queryset_keeps_only_real_translations():
    written = PressReleaseFactory(title_et="Tere", body_et="Sisu")
    PressReleaseFactory(title_et="Tere", body_et="")
    PressReleaseFactory()
    assert list(PressRelease.objects.in_language("et")) == [written]
    assert PressRelease.objects.in_language("en").count() == 3


def test_event_ending_before_it_starts_is_rejected_by_database_and_clean():
    event = EventFactory.build(
        host=PartnerFactory(), start_date=datetime.date(2021, 9, 13), end_date=datetime.date(2021, 9, 12)
    )
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    assert "end_date" in excinfo.value.message_dict
    assert_rejected_by_database(event.save)


def test_month_precision_event_not_on_first_day_is_rejected_by_database():
    event = EventFactory(date_precision=Event.Precision.MONTH, start_date=datetime.date(2019, 10, 1))
    assert_rejected_by_database(lambda: Event.objects.filter(pk=event.pk).update(start_date=datetime.date(2019, 10, 5)))


def test_month_precision_event_is_moved_to_first_day_by_clean():
    event = EventFactory.build(host=PartnerFactory(), date_precision="month", start_date=datetime.date(2019, 10, 17))
    event.full_clean()
    assert event.start_date == datetime.date(2019, 10, 1)


def test_month_precision_event_displays_only_its_month():
    event = EventFactory(date_precision=Event.Precision.MONTH, start_date=datetime.date(2019, 10, 1))
    with translation.override("en"):
        assert event.display_date == "October 2019"


def test_event_date_in_two_languages_is_written_in_each():
    # The day's text is kept per process: the same day must still read in the page's own language.
    event = EventFactory(start_date=datetime.date(2021, 7, 17), end_date=datetime.date(2021, 7, 17))
    with translation.override("en"):
        english = event.display_date
    with translation.override("hu"):
        hungarian = event.display_date
    with translation.override("en"):
        assert event.display_date == english
    assert "July" in english
    assert "július" in hungarian


def test_event_machine_start_date_follows_its_precision():
    by_day = EventFactory.build(date_precision=Event.Precision.DAY, start_date=datetime.date(2021, 10, 27))
    by_month = EventFactory.build(date_precision=Event.Precision.MONTH, start_date=datetime.date(2019, 10, 1))
    assert by_day.machine_start_date == "2021-10-27"
    assert by_month.machine_start_date == "2019-10"


def test_host_added_as_visitor_is_refused():
    event = EventFactory()
    # add() runs without a savepoint of its own; the caller's atomic block keeps the test usable.
    with pytest.raises(ValidationError, match="host"), transaction.atomic():
        event.visitors.add(event.host)
    assert not event.visitors.exists()


def test_host_added_as_visitor_from_partner_side_is_refused():
    event = EventFactory()
    with pytest.raises(ValidationError), transaction.atomic():
        event.host.visited_events.add(event)
    assert not event.visitors.exists()


def test_event_semester_and_phase_are_derived_from_its_date():
    phase = PhaseFactory(number=1, start_month=datetime.date(2019, 8, 1), end_month=datetime.date(2022, 7, 1))
    autumn = SemesterFactory(
        phase=phase, number=1, start_month=datetime.date(2019, 8, 1), end_month=datetime.date(2020, 1, 1)
    )
    spring = SemesterFactory(
        phase=phase, number=2, start_month=datetime.date(2020, 2, 1), end_month=datetime.date(2020, 7, 1)
    )
    event = EventFactory(start_date=datetime.date(2020, 1, 31))
    assert event.semester == autumn
    assert event.phase == phase

    event.start_date = datetime.date(2020, 2, 1)
    event.save()
    event.refresh_from_db()
    assert event.semester == spring

    event.start_date = datetime.date(2024, 1, 1)
    event.save()
    assert event.semester is None and event.phase is None


def test_phase_str_is_numbered():
    assert str(Phase(number=2, name_en="Implementation")) == "Phase 2: Implementation"


def test_transfer_to_the_practice_owner_fails_validation():
    practice = GoodPracticeFactory()
    transfer = Transfer(practice=practice, importer=practice.owner, stage=Transfer.Stage.STUDIED)
    with pytest.raises(ValidationError) as excinfo:
        transfer.full_clean()
    assert "importer" in excinfo.value.message_dict


def test_transfer_naming_a_thematic_event_as_study_visit_fails_validation():
    transfer = TransferFactory.build(
        practice=GoodPracticeFactory(),
        importer=PartnerFactory(),
        study_visit=EventFactory(kind=Event.Kind.THEMATIC_EVENT),
    )
    with pytest.raises(ValidationError) as excinfo:
        transfer.full_clean()
    assert "study_visit" in excinfo.value.message_dict


def test_transfer_at_workshop_stage_without_workshop_is_rejected_by_database():
    transfer = TransferFactory()
    assert_rejected_by_database(
        lambda: Transfer.objects.filter(pk=transfer.pk).update(stage=Transfer.Stage.IMPORT_WORKSHOP)
    )


def test_practice_imported_twice_by_the_same_city_is_rejected_by_database():
    transfer = TransferFactory()
    assert_rejected_by_database(lambda: Transfer.objects.create(practice=transfer.practice, importer=transfer.importer))


@pytest.mark.django_db
def test_remembered_object_address_follows_language_and_script_prefix():
    from django.urls import set_script_prefix

    release = PressReleaseFactory(slug="harbour-data")
    assert release.get_absolute_url() == "/en/news/harbour-data/"
    with translation.override("et"):
        assert release.get_absolute_url() == "/et/news/harbour-data/"
    set_script_prefix("/better/")
    try:
        assert release.get_absolute_url() == "/better/en/news/harbour-data/"
    finally:
        set_script_prefix("/")
    release.slug = "harbour-data-2"
    assert release.get_absolute_url() == "/en/news/harbour-data-2/"

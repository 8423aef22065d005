"""Detail pages read their object by SQL written once per process (projects.web.written): each request
still gets its own object, at its own time, and an unknown address still answers 404."""

import datetime

import pytest
from django.db.models import Value
from django.test import override_settings
from django.utils import timezone

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from projects.web import written

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def no_page_cache():
    # Each page is rendered by its view, not served from the page cache.
    with override_settings(PUBLIC_PAGE_CACHE=False):
        yield


def make(kind, title, **kwargs):
    city = PartnerFactory()
    if kind == "news":
        return PressReleaseFactory(title_en=title, author=city, **kwargs)
    if kind == "events":
        return EventFactory(title_en=title, host=city, **kwargs)
    return GoodPracticeFactory(title_en=title, owner=city, **kwargs)


@pytest.mark.parametrize("kind", ["news", "events", "practices"])
def test_detail_pages_in_turn_each_show_their_own_object(client, kind):
    first, second = make(kind, "Harbour sensors"), make(kind, "Library loans")

    for shown, other in ((first, second), (second, first), (first, second)):
        page = client.get(shown.get_absolute_url()).content.decode()
        assert shown.title_en in page
        assert other.title_en not in page


@pytest.mark.parametrize("kind", ["news", "events", "practices"])
def test_unknown_address_answers_404(client, kind):
    make(kind, "Harbour sensors", slug="harbour-sensors")

    assert client.get(f"/en/{kind}/harbour-sensors/").status_code == 200
    assert client.get(f"/en/{kind}/harbour-sensor/").status_code == 404
    assert client.get(f"/en/{kind}/harbour-sensors-x/").status_code == 404


def test_scheduled_release_page_appears_when_due_without_an_edit(client, monkeypatch):
    # The release page's SQL holds a time: each request binds its own "now", never the first one's.
    make("news", "Harbour sensors", slug="published")
    in_an_hour = timezone.now() + datetime.timedelta(hours=1)
    scheduled = make("news", "Harbour zeppelin", slug="later", published_at=in_an_hour)
    assert client.get("/en/news/published/").status_code == 200
    assert client.get(scheduled.get_absolute_url()).status_code == 404

    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_sql_with_a_second_time_is_refused_when_written():
    from projects.models import PressRelease

    queryset = PressRelease.objects.published().filter(created_at__gte=timezone.now(), slug=written.TEXT_STAND_IN)
    with pytest.raises(AssertionError, match="unexpected parameters"):
        written.write(queryset)


def test_written_rows_are_whole_objects_with_annotations_and_deferred_fields_read_on_use():
    release = PressReleaseFactory(title_en="Harbour sensors", body_en="Buoys report the water level.")
    queryset = PressRelease.objects.filter(slug=written.TEXT_STAND_IN).annotate(score=Value(7)).defer("body_en")

    (row,) = written.instances(PressRelease, written.write(queryset), release.slug)

    assert (row.pk, row.title_en, row.score) == (release.pk, "Harbour sensors", 7)
    assert "body_en" in row.get_deferred_fields()
    assert row.body_en == "Buoys report the water level."
    assert written.instances(PressRelease, written.write(queryset), "no-such-release") == []


def test_written_sql_that_selects_columns_out_of_order_is_refused():
    release = PressReleaseFactory()
    sql = 'SELECT "slug", "id" FROM "projects_pressrelease" WHERE "slug" = %s'

    with pytest.raises(AssertionError, match="columns in order"):
        written.instances(PressRelease, (sql, (written.TEXT_STAND_IN,)), release.slug)

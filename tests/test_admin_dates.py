"""The release list's date hierarchy offers the years that have releases, found by index."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

LIST = "/en/admin/projects/pressrelease/"


def published(year, month=6):
    return timezone.make_aware(datetime.datetime(year, month, 15, 10))


def test_years_with_releases_are_offered_without_a_scan_of_every_release(admin_client):
    for year in (2020, 2022, 2023):
        PressReleaseFactory(published_at=published(year))
    with CaptureQueriesContext(connection) as queries:
        page = admin_client.get(LIST)

    html = page.content.decode()
    assert page.status_code == 200
    assert "?published_at__year=2020" in html
    assert "?published_at__year=2022" in html
    assert "?published_at__year=2023" in html
    assert "?published_at__year=2021" not in html  # no release that year
    assert not [query["sql"] for query in queries.captured_queries if "DISTINCT" in query["sql"]]


def test_a_year_opens_on_its_months(admin_client):
    PressReleaseFactory(published_at=published(2020, month=3))
    PressReleaseFactory(published_at=published(2022, month=9))

    html = admin_client.get(f"{LIST}?published_at__year=2022").content.decode()

    assert "published_at__month=9" in html
    assert "published_at__month=3" not in html


def test_other_filters_narrow_the_years(admin_client):
    first = PressReleaseFactory(published_at=published(2020))
    PressReleaseFactory(published_at=published(2022))

    html = admin_client.get(f"{LIST}?author__id__exact={first.author_id}").content.decode()

    assert "published_at__year=2020" in html
    assert "published_at__year=2022" not in html

"""schema.org JSON-LD of release and event pages as search engines check it (issue 11): images, a
publisher with a logo, organizations that link to their page here, and one way of writing a date of
which only the month is known (the same in the JSON API)."""

import datetime
import json
import re
from io import BytesIO

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from events.factories import EventFactory
from events.models import Event
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from projects.web.images import responsive_image

pytestmark = pytest.mark.django_db

LOGO_URL = "http://testserver/static/img/better-logo.png"


def json_ld(response):
    assert response.status_code == 200
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def png(colour, size=(1200, 800)):
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return SimpleUploadedFile(f"{colour.strip('#')}.png", buffer.getvalue(), content_type="image/png")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def image_url(release):
    return f"http://testserver{responsive_image(release.image).src}"


# --- the logo ----------------------------------------------------------------------------------------------------


def test_logo_is_a_committed_600_pixel_square_png():
    path = finders.find("img/better-logo.png")
    assert path is not None
    with Image.open(path) as logo:
        assert (logo.format, logo.size) == ("PNG", (600, 600))


# --- NewsArticle -------------------------------------------------------------------------------------------------


def test_release_publisher_has_a_logo_image_object(client):
    release = PressReleaseFactory()

    publisher = json_ld(client.get(release.get_absolute_url()))["publisher"]

    assert publisher == {
        "@type": "Organization",
        "name": "BETTER",
        "url": "http://testserver/en/",
        "logo": {"@type": "ImageObject", "url": LOGO_URL, "width": 600, "height": 600},
    }


def test_release_author_links_to_its_page_here_and_its_own_website_as_same_as(client):
    author = PartnerFactory(slug="gavle-like", organisation="Gävle Municipality", website="https://www.gavle.se/")
    release = PressReleaseFactory(author=author)

    data = json_ld(client.get(f"/sv{release.get_absolute_url()[3:]}"))

    assert data["author"] == {
        "@type": "Organization",
        "name": "Gävle Municipality",
        "url": "http://testserver/sv/partners/gavle-like/",
        "sameAs": "https://www.gavle.se/",
    }


def test_release_with_an_image_has_it_as_its_image(client):
    release = PressReleaseFactory(image=png("#0a4a8f"), image_alt_en="Partners")

    assert json_ld(client.get(release.get_absolute_url()))["image"] == image_url(release)


# --- Event -------------------------------------------------------------------------------------------------------


def test_event_image_is_that_of_its_latest_published_release_with_an_image(client):
    event = EventFactory(slug="with-images")
    older = PressReleaseFactory(image=png("#111111"), image_alt_en="Older", published_at=days_ago(30))
    latest = PressReleaseFactory(image=png("#222222"), image_alt_en="Latest", published_at=days_ago(10))
    newest_without_image = PressReleaseFactory(published_at=days_ago(1))
    draft = PressReleaseFactory(
        image=png("#333333"), image_alt_en="Draft", status=PressRelease.Status.DRAFT, published_at=None
    )
    event.releases.set([older, latest, newest_without_image, draft])

    data = json_ld(client.get("/en/events/with-images/"))

    assert data["image"] == image_url(latest)


def test_event_without_a_release_image_has_the_site_logo(client):
    event = EventFactory(slug="no-images")
    event.releases.set([PressReleaseFactory()])

    assert json_ld(client.get("/en/events/no-images/"))["image"] == LOGO_URL


def test_event_organizer_and_attendees_link_to_their_pages_here(client):
    host = PartnerFactory(slug="host-city", organisation="Host City Council", website="https://host.example.org/")
    visitor = PartnerFactory(slug="visiting-city", organisation="Visiting City Council")
    EventFactory(slug="linked", host=host, visitors=[visitor])

    data = json_ld(client.get("/it/events/linked/"))

    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Host City Council",
        "url": "http://testserver/it/partners/host-city/",
        "sameAs": "https://host.example.org/",
    }
    assert data["attendee"] == [
        {
            "@type": "Organization",
            "name": "Visiting City Council",
            "url": "http://testserver/it/partners/visiting-city/",
        }
    ]


def test_month_only_date_is_written_the_same_in_json_ld_and_the_api(client):
    host = PartnerFactory(slug="month-host")
    EventFactory(
        slug="month-only",
        host=host,
        date_precision=Event.Precision.MONTH,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2020, 3, 1),
    )

    data = json_ld(client.get("/en/events/month-only/"))
    (item,) = client.get("/api/events/?city=month-host").json()["results"]

    assert (data["startDate"], data["endDate"]) == ("2020-01", "2020-03")
    assert (item["start_date"], item["end_date"]) == ("2020-01", "2020-03")
    assert item["date_precision"] == "month"


def test_day_date_is_a_full_date_in_both(client):
    host = PartnerFactory(slug="day-host")
    EventFactory(slug="one-day", host=host, start_date=datetime.date(2021, 10, 27))

    data = json_ld(client.get("/en/events/one-day/"))
    (item,) = client.get("/api/events/?city=day-host").json()["results"]

    assert data["startDate"] == item["start_date"] == "2021-10-27"
    assert item["end_date"] is None

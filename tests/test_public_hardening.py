"""Findings 5, 11 and 12 of the launch probe on public pages: feed leads, huge page numbers, ETags of drafts."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from events.factories import EventFactory
from projects.factories import PressReleaseFactory
from projects.models import PressRelease
from tests.helpers.pages import url

pytestmark = pytest.mark.django_db

ATTACK = '<img src=x onerror="alert(document.cookie)">'


@pytest.mark.parametrize("name", ["projects:release-feed", "projects:release-atom"])
def test_lead_with_markup_reaches_feed_readers_as_text_not_html(client, name):
    PressReleaseFactory(title_en="Markup in the lead", lead_en=f"Look: {ATTACK} & more")

    response = client.get(url(name))

    feed = feedparser.parse(response.content)
    # The feed's HTML, once unescaped by the reader, shows the text as typed and holds no element.
    html = feed.entries[0].summary if name.endswith("atom") else feed.entries[0].description
    assert "<img" not in html
    assert "&lt;img src=x" in html
    # What a reader that does not sanitise would insert into its page: no element either.
    assert "<img" not in response.content.decode().replace("&lt;", "<").replace("&amp;lt;", "")


@pytest.mark.parametrize("name", ["events:event-list", "projects:release-list"])
def test_page_number_of_4301_digits_answers_400(client, name):
    EventFactory()
    PressReleaseFactory()

    response = client.get(url(name), {"page": "9" * 4301})

    assert response.status_code == 400
    assert "page number" in response.content.decode()


def test_news_etag_does_not_change_when_a_draft_is_edited(client):
    PressReleaseFactory(title_en="Public news", published_at=timezone.now() - datetime.timedelta(days=3))
    draft = PressReleaseFactory(title_en="Secret draft", status=PressRelease.Status.DRAFT, published_at=None)
    for name in ["projects:home", "projects:release-list", "projects:release-feed"]:
        first = client.get(url(name))

        draft.title_en = f"Secret draft, edited for {name}"
        draft.save()

        again = client.get(url(name))
        assert again["ETag"] == first["ETag"]
        assert again["Last-Modified"] == first["Last-Modified"]
        assert client.get(url(name), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_news_etag_does_not_change_when_a_scheduled_release_is_edited(client):
    PressReleaseFactory(title_en="Public news", published_at=timezone.now() - datetime.timedelta(days=3))
    scheduled = PressReleaseFactory(title_en="Coming soon", published_at=timezone.now() + datetime.timedelta(days=3))
    first = client.get(url("projects:release-list"))

    scheduled.title_en = "Coming soon, edited"
    scheduled.save()

    assert client.get(url("projects:release-list"))["ETag"] == first["ETag"]

"""RSS 2.0 and Atom feeds of the news, one per language.

A feed in a language lists what the news page in that language lists: every published release, in
that language where it is written in it, otherwise as the page shows it (in English, else in its
original language). An item in another language than its feed is marked: xml:lang on the item, and
a line in the feed's language at the start of its description saying which language it is in. The
language is the page's (the feeds live under the language prefixes).
"""

import collections

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from .models import PressRelease
from .release_text import render_body

FEED_SIZE = 20
FeedRequest = collections.namedtuple("FeedRequest", ["language", "absolute"])


class _MarkedItemLanguage:
    """An item in another language than its feed carries xml:lang (see ReleaseRssFeed.item_extra_kwargs)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("content_language"):
            attributes["xml:lang"] = item["content_language"]
        return attributes


class _Rss(_MarkedItemLanguage, Rss201rev2Feed):
    pass


class _Atom(_MarkedItemLanguage, Atom1Feed):
    pass


class ReleaseRssFeed(Feed):
    feed_type = _Rss
    title = _("BETTER – news")
    description = _("Press releases of the BETTER partner cities, newest first.")
    item_guid_is_permalink = True

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed's own Last-Modified is its newest item; projects.web.conditional's covers edits and
        # withdrawals too and is the one If-Modified-Since is compared with, so it must be the one sent.
        if "Last-Modified" in response.headers:
            del response.headers["Last-Modified"]
        return response

    def get_object(self, request, *args, **kwargs):
        # Per request, never on the feed instance (one for every request): the language, and how the
        # body's images get full addresses.
        return FeedRequest(language=get_language(), absolute=request.build_absolute_uri)

    def link(self):
        return reverse("projects:release-list")

    def items(self, obj):
        releases = PressRelease.objects.published()
        items = list(releases.select_related("author").prefetch_related("images")[:FEED_SIZE])
        for item in items:
            item.feed_absolute_url = obj.absolute  # item_description has only the item to go on
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The lead where there is one, as the plain text it is (the description is HTML: a lead's
        # "<img onerror=…>" would run in a reader that does not sanitise); otherwise the body,
        # through the same sanitiser as the page.
        description = escape(item.lead) if item.lead else render_body(item, absolute=item.feed_absolute_url)
        shown = item.shown_language()
        if shown != get_language():
            if shown == item.original_language:
                note = gettext("Not available in %(language)s: shown in %(shown)s, the language it was written in.")
            else:
                note = gettext("Not available in %(language)s: shown in %(shown)s.")
            note = note % {
                "language": get_language_info(get_language())["name_translated"],
                "shown": get_language_info(shown)["name_translated"],
            }
            description = f"<p>{escape(note)}</p>" + (f"<p>{escape(item.lead)}</p>" if item.lead else description)
        return description

    def item_extra_kwargs(self, item):
        shown = item.shown_language()
        return {"content_language": shown if shown != get_language() else None}

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author.city


class ReleaseAtomFeed(ReleaseRssFeed):
    feed_type = _Atom
    subtitle = ReleaseRssFeed.description

    def author_name(self):
        return "BETTER"

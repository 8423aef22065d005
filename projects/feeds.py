"""RSS 2.0 and Atom feeds of the news, one per language.

A feed in a language holds only the releases really written in it: a reader who subscribes to the
Hungarian news wants Hungarian texts, not English fallbacks. The language is the page's (the
feeds live under the language prefixes).
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import PressRelease
from .web.cache import cached_markdown

FEED_SIZE = 20


class ReleaseRssFeed(Feed):
    feed_type = Rss201rev2Feed
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
        return get_language()

    def link(self):
        return reverse("projects:release-list")

    def items(self, language):
        return PressRelease.objects.published().in_language(language).select_related("author")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The lead where there is one; otherwise the body, through the same sanitiser as the page.
        return item.lead or cached_markdown(item.body)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author.city


class ReleaseAtomFeed(ReleaseRssFeed):
    feed_type = Atom1Feed
    subtitle = ReleaseRssFeed.description

    def author_name(self):
        return "BETTER"

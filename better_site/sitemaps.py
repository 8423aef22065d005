"""/sitemap.xml: an index of sitemaps, one per section, paged; together they name every public page in
every language it exists in, with hreflang alternates.

The languages are those of projects.web.languages, the rule the pages' own canonical and hreflang links
follow: a text's page in the languages the text is written in (a fallback page in another language
is not listed, nor named as an alternate), a page of the site's own words in every language.

Paged by objects (at most LIMIT a page, so at most LIMIT × 5 <url>, well under the protocol's 50,000
URLs and 10 MB): a page of the sitemap reads its objects only, never the whole table, whatever the size
of the site. Project level, because it lists the pages of all three apps.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property

from events.models import Event
from practices.models import GoodPractice
from projects.models import Partner, PressRelease, SitePage, has_text, plain_values
from projects.web.cache import PAGE_TIMEOUT, content_version
from projects.web.languages import title_languages

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


LIMIT = 200


class SectionPaginator(Paginator):
    """Pages of a section whose size is counted once per content version: the index names every
    section's pages, and a count reads every row of the section's index."""

    def __init__(self, object_list, per_page, *, section):
        super().__init__(object_list, per_page)
        self.section = section

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return Paginator.count.func(self)
        key = f"better:sitemap-count:{content_version().token}:{self.section}"
        count = cache.get(key)
        if count is None:
            count = Paginator.count.func(self)
            cache.set(key, count, PAGE_TIMEOUT)
        return count


class MultilingualSitemap(Sitemap):
    """One <url> per page and language, each naming all its language versions and an x-default.

    Django's i18n sitemap pages (object, language) pairs, which means reading every object to know how
    many pairs there are; here a page is LIMIT objects, each with the <url> of each of its languages.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = LIMIT

    @property
    def paginator(self):
        return SectionPaginator(self.items(), self.limit, section=type(self).__name__)

    def get_latest_lastmod(self):
        """The newest change of the section, by one aggregate (Django's reads every object)."""
        items = self.items()
        if not hasattr(self, "lastmod") or not isinstance(items, QuerySet):
            return None
        return items.order_by().aggregate(latest=Max("updated_at"))["latest"]

    def _page_objects(self, page):
        """The objects of a page. Of a queryset, the page's keys first (a deep page skips thousands of
        rows, which an index-only scan of the keys skips cheaply), then those objects by key."""
        items = self.items()
        if not isinstance(items, QuerySet):
            return self.paginator.page(page).object_list
        pages = SectionPaginator(plain_values(items, "pk", flat=True), self.limit, section=type(self).__name__)
        keys = list(pages.page(page).object_list)
        if not keys:
            return items.none()
        # The page's keys are consecutive in key order: a range of the primary key's index reads exactly
        # them, where a list of 200 keys may be planned as a scan of the whole table.
        return items.filter(pk__gte=keys[0], pk__lte=keys[-1])

    def _urls(self, page, protocol, domain):
        urls = []
        stamps = []
        for obj in self._page_objects(page):
            languages = self.get_languages_for_item(obj)
            links = [
                {"location": f"{protocol}://{domain}{self._location((obj, code))}", "lang_code": code}
                for code in languages
            ]
            default = self.x_default_language(obj)
            if self.x_default and default in languages:
                # Not Django's x-default (the address without a language prefix, which only redirects):
                # the version the page's own <link hreflang="x-default"> names.
                location = next(link["location"] for link in links if link["lang_code"] == default)
                links.append({"location": location, "lang_code": "x-default"})
            lastmod = self._get("lastmod", (obj, None))
            stamps.append(lastmod)
            for link in links:
                if link["lang_code"] == "x-default":
                    continue
                urls.append(
                    {
                        "item": (obj, link["lang_code"]),
                        "location": link["location"],
                        "lastmod": lastmod,
                        "changefreq": self._get("changefreq", (obj, None)),
                        "priority": str(self._get("priority", (obj, None)) or ""),
                        "alternates": links,
                    }
                )
        if stamps and all(stamp is not None for stamp in stamps):
            self.latest_lastmod = max(stamps)
        return urls

    def x_default_language(self, item):
        """The version x-default names: English, the language every page falls back to."""
        return DEFAULT_LANGUAGE


class SectionSitemap(MultilingualSitemap):
    """The pages that are not one object: home, the lists, the project page."""

    changefreq = "weekly"
    view_names = [
        "projects:home",
        "projects:release-list",
        "projects:about",
        "projects:partner-list",
        "events:event-list",
        "practices:practice-list",
    ]

    def items(self):
        return self.view_names

    def location(self, item):
        return reverse(item)


class ReleaseSitemap(MultilingualSitemap):
    """Published releases, each only in the languages it is really written in."""

    def items(self):
        # Only what the <url>s say: the slug, the languages it is written in, the date (no bodies).
        return (
            PressRelease.objects.published()
            .order_by("pk")
            .only("pk", "slug", "updated_at", "original_language", *(f"title_{code}" for code in LANGUAGE_CODES))
            .annotate(**{f"has_body_{code}": has_text(f"body_{code}") for code in LANGUAGE_CODES})
        )

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGE_CODES if getattr(item, f"title_{code}") and getattr(item, f"has_body_{code}")]

    def x_default_language(self, item):
        # English where it is written, otherwise the original: what a page in another language shows
        # (PressRelease.shown_language, read from the annotations: the bodies are not fetched).
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in self.get_languages_for_item(item) else item.original_language

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(MultilingualSitemap):
    """Every event, in the languages its title is written in: the same versions its page's hreflang links name."""

    def items(self):
        return Event.objects.order_by("pk").only(
            "pk", "slug", "updated_at", *(f"title_{code}" for code in LANGUAGE_CODES)
        )

    def get_languages_for_item(self, item):
        return title_languages(item)

    def lastmod(self, item):
        return item.updated_at


class PracticeSitemap(EventSitemap):
    """Every good practice, in the languages its title is written in, like an event."""

    def items(self):
        return GoodPractice.objects.order_by("pk").only(
            "pk", "slug", "updated_at", *(f"title_{code}" for code in LANGUAGE_CODES)
        )


class SitePageSitemap(MultilingualSitemap):
    """The footer's pages (accessibility statement, privacy notice...), each in the languages it is written in."""

    def items(self):
        return (
            SitePage.objects.order_by("pk")
            .only("pk", "key", "updated_at", *(f"title_{code}" for code in LANGUAGE_CODES))
            .annotate(**{f"has_body_{code}": has_text(f"body_{code}") for code in LANGUAGE_CODES})
        )

    def get_languages_for_item(self, item):
        return item.available_languages

    def lastmod(self, item):
        return item.updated_at


class PartnerSitemap(MultilingualSitemap):
    """Every partner city's page, in every language: the page is the site's own words around the city's name
    (a proper name) and its events, practices and news, each marked with its own language."""

    def items(self):
        return Partner.objects.order_by("pk").only("pk", "slug")


SITEMAPS = {
    "sections": SectionSitemap,
    "news": ReleaseSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
    "partners": PartnerSitemap,
    "pages": SitePageSitemap,
}

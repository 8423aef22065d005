"""/sitemap.xml: every public page in every language it exists in, with hreflang alternates.

Project level, because it lists the pages of all three apps.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from practices.models import GoodPractice
from projects.models import Partner, PressRelease

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class MultilingualSitemap(Sitemap):
    """One <url> per page and language, each naming all its language versions and an x-default."""

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # Django's x-default drops the language prefix (/news/x/), an address that only redirects here
        # (every language has its prefix). A sitemap lists pages, not redirects, and the pages' own
        # <link hreflang="x-default"> name the English version: say the same.
        for url in urls:
            # With i18n, Django's item is (object, language code).
            item = url["item"][0] if isinstance(url["item"], tuple) else url["item"]
            default = self.x_default_language(item)
            english = next((link for link in url["alternates"] if link["lang_code"] == default), None)
            if english is None:
                continue
            x_default = next((link for link in url["alternates"] if link["lang_code"] == "x-default"), None)
            if x_default is None:
                # Django names an x-default only where English exists; a release without English has its original.
                url["alternates"].append({"location": english["location"], "lang_code": "x-default"})
            else:
                x_default["location"] = english["location"]
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
        return PressRelease.objects.published().order_by("pk")

    def get_languages_for_item(self, item):
        return item.available_languages

    def x_default_language(self, item):
        # English where it is written, otherwise the original: what a page in another language shows.
        return item.shown_language(DEFAULT_LANGUAGE)

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(MultilingualSitemap):
    """Every event, in the languages its title is written in: the same versions its page's hreflang links name."""

    def items(self):
        return Event.objects.order_by("pk")

    def get_languages_for_item(self, item):
        return [code for code in LANGUAGE_CODES if getattr(item, f"title_{code}", None)]

    def lastmod(self, item):
        return item.updated_at


class PracticeSitemap(MultilingualSitemap):
    """Every good practice, in every language: its page is translated, with English texts where one is missing."""

    def items(self):
        return GoodPractice.objects.order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class PartnerSitemap(MultilingualSitemap):
    """Every partner city's page, in every language."""

    def items(self):
        return Partner.objects.order_by("pk").only("pk", "slug")


SITEMAPS = {
    "sections": SectionSitemap,
    "news": ReleaseSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
    "partners": PartnerSitemap,
}

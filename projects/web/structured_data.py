"""schema.org data of the news pages, for <script type="application/ld+json">."""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
PUBLISHER_NAME = "BETTER"

# As Django's json_script: a "</script>" or "<!--" inside a title cannot end or hide the script element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """JSON text that is safe inside a <script> element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308


def organization(partner):
    """A partner as a schema.org Organization, with its website where it has one."""
    data = {"@type": "Organization", "name": partner.organisation}
    if partner.website:
        data["url"] = partner.website
    return data


def news_article(request, release):
    """A schema.org NewsArticle of one release, in the language the page shows it in; headline and
    description are that language's (a release's texts follow its shown language), no lead no description."""
    language = get_language()
    url = request.build_absolute_uri(release.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        # Search engines cut headlines at 110 characters.
        "headline": release.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        # The language the page shows it in (its own, English, or the original: PressRelease.shown_language).
        "inLanguage": release.shown_language(language),
        "datePublished": release.published_at.isoformat() if release.published_at else None,
        "dateModified": release.updated_at.isoformat(),
        "author": organization(release.author),
        "publisher": {
            "@type": "Organization",
            "name": PUBLISHER_NAME,
            "url": request.build_absolute_uri(reverse("projects:home")),
        },
    }
    if release.lead:
        data["description"] = release.lead
    if release.image:
        data["image"] = request.build_absolute_uri(release.image.url)
    return {key: value for key, value in data.items() if value is not None}

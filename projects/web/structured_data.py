"""schema.org data of the news pages, for <script type="application/ld+json">."""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .images import responsive_image

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
PUBLISHER_NAME = "BETTER"
# Drawn by scripts/make_logo_png.py: search engines want a raster logo, not the SVG favicon.
LOGO_PATH = "img/better-logo.png"
LOGO_SIZE = 600

# As Django's json_script: a "</script>" or "<!--" inside a title cannot end or hide the script element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """JSON text that is safe inside a <script> element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308


def logo(request):
    """The site's logo as a schema.org ImageObject."""
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(static(LOGO_PATH)),
        "width": LOGO_SIZE,
        "height": LOGO_SIZE,
    }


def publisher(request):
    """The project itself, which publishes every page."""
    return {
        "@type": "Organization",
        "name": PUBLISHER_NAME,
        "url": request.build_absolute_uri(reverse("projects:home")),
        "logo": logo(request),
    }


def organization(request, partner):
    """A partner as a schema.org Organization: `url` its page on this site (in the page's language),
    `sameAs` its own website where it has one."""
    data = {
        "@type": "Organization",
        "name": partner.organisation,
        "url": request.build_absolute_uri(partner.get_absolute_url()),
    }
    if partner.website:
        data["sameAs"] = partner.website
    return data


def release_image(request, release):
    """The absolute address of a release's image (its largest rendition), or None."""
    # The largest rendition, never the upload itself: a re-encoded copy carries no metadata at all.
    image = responsive_image(release.image) if release.image else None
    return request.build_absolute_uri(image.src) if image is not None else None


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
        "author": organization(request, release.author),
        "publisher": publisher(request),
        "image": release_image(request, release),
    }
    if release.lead:
        data["description"] = release.lead
    return {key: value for key, value in data.items() if value is not None}

"""Which language a page's content is really in: translated fields fall back to English where empty."""

from django.conf import settings
from django.utils.translation import get_language, override

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def content_language(obj, field):
    """The language a translated field is really shown in: the page's, or English where it falls back.

    An object that chooses its own (a press release, shown whole in one language: see
    PressRelease.text_language) is asked.
    """
    language = get_language() or DEFAULT_LANGUAGE
    if hasattr(obj, "text_language"):
        return obj.text_language(field, language) or language
    if getattr(obj, f"{field}_{language}", None):
        return language
    return DEFAULT_LANGUAGE


def alternates(request, obj, codes, default=DEFAULT_LANGUAGE):
    """hreflang links to the object's page in each of `codes` (the languages it is really written
    in), and the `default` one (English, or a release's original where it has no English) again as
    x-default."""
    links = []
    for code in codes:
        with override(code):
            links.append({"code": code, "url": request.build_absolute_uri(obj.get_absolute_url())})
    links += [{"code": "x-default", "url": link["url"]} for link in links if link["code"] == default]
    return links

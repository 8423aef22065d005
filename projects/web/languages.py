"""Which language a page's content is really in (translated fields fall back to English where empty),
and which language versions of a page exist: its canonical address and its hreflang alternates.

One rule for the pages and the sitemap (better_site.sitemaps): a text's page exists in the languages
the text is written in. Its page in any other language is a fallback (the site's words in that
language around a text in another): it names the written version as canonical, names no
alternates, and is named by none, nor by the sitemap. Pages that are mostly the site's own words
(home, the lists, about, a partner city) exist in every language.
"""

import functools
import re

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def content_language(obj, field, language=None):
    """The language a translated field is really shown in on a page in `language` (default: the active
    one): the page's, or English where it falls back.

    An object that chooses its own (a press release, shown whole in one language: see
    PressRelease.text_language) is asked.
    """
    language = language or get_language() or DEFAULT_LANGUAGE
    if hasattr(obj, "text_language"):
        return obj.text_language(field, language) or language
    if getattr(obj, f"{field}_{language}", None):
        return language
    return DEFAULT_LANGUAGE


def title_languages(obj):
    """The languages an event or a good practice is written in: those of its title (English always is)."""
    return [code for code in LANGUAGE_CODES if getattr(obj, f"title_{code}", None)]


def _versions(urls, current, default):
    """{"canonical", "alternates"} of a page whose language versions are `urls` ({code: address})."""
    if current not in urls:
        # A fallback: the version it shows is the one to index; hreflang is for canonical pages only.
        return {"canonical": urls[default], "alternates": []}
    alternates = [{"code": code, "url": address} for code, address in urls.items()]
    # Every version names every other and itself, and x-default: the reciprocal set search engines require.
    alternates.append({"code": "x-default", "url": urls[default]})
    return {"canonical": urls[current], "alternates": alternates}


def language_versions(request, obj, codes, default=DEFAULT_LANGUAGE):
    """The canonical address and hreflang alternates of an object's page, written in `codes`.

    `default` is the version x-default names, and the one a fallback page shows: English, or a
    release's original where it has no English.
    """
    # The object's address in the page's language, then in the others by the same URL pattern (what
    # reversing it under each language gives, kept per worker: translated_paths).
    paths = translated_paths(obj.get_absolute_url())
    urls = {code: request.build_absolute_uri(paths[code]) for code in codes}
    return _versions(urls, get_language(), default)


def every_language_versions(request):
    """The same for a page of the site's own words, in all its languages: the path in each, and the
    list's page number (a filter's choices are not separate pages to index)."""
    query = ""
    page = request.GET.get("page", "")
    # A page number as the lists read it; anything else (too long, "²") is answered 400 by the list itself.
    if re.fullmatch(r"[1-9][0-9]{0,8}", page) and page != "1":
        query = f"?page={page}"
    urls = {code: request.build_absolute_uri(path) + query for code, path in translated_paths(request.path).items()}
    return _versions(urls, get_language(), DEFAULT_LANGUAGE)


@functools.lru_cache(maxsize=2048)
def translated_paths(path):
    """{language: the path in that language}: a function of the path and the URL patterns alone, so
    each worker resolves a path once (five resolves and reverses a page otherwise)."""
    return {code: translate_url(path, code) for code in LANGUAGE_CODES}

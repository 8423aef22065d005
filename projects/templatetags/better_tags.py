"""Template tags of the public site: Markdown, content languages, the language switcher, site navigation."""

import re

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from projects.web import fragments
from projects.web.cache import cached_markdown
from projects.web.images import RENDITION_WIDTHS, responsive_image
from projects.web.languages import content_language, every_language_versions

register = template.Library()

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Organisations are named as the project's documents name them, in English, whatever the page's language.
ORGANISATION_LANGUAGE = "en"
_LANGUAGE_PREFIX = re.compile(r"^/(" + "|".join(map(re.escape, LANGUAGE_CODES)) + r")(?=/|$)")


@register.filter(is_safe=True)
def markdown(text):
    """Markdown → sanitised HTML (see projects.web.markdown)."""
    return mark_safe(cached_markdown(text))  # noqa: S308 (nh3 has sanitised it; kept per text and language)


@register.filter
def content_lang(obj, field):
    """`{{ release|content_lang:"title" }}` → "et", or "en" where the Estonian title is missing."""
    return content_language(obj, field)


@register.simple_tag
def lang_attr(obj, field):
    """` lang="en"` on an element whose translated field fell back to English; nothing otherwise."""
    language = content_language(obj, field)
    if language == get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def has_language(obj, code):
    """`{% if release|has_language:LANGUAGE_CODE %}`: really written in that language, not a fallback."""
    return obj.has_language(code)


@register.filter
def object_url(obj):
    """The object's page, or "" while its app has no such page yet (the template then shows plain text)."""
    try:
        return obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


def url_in_language(request, code):
    """The page the visitor is on, in another language (query string kept)."""
    if request is None:
        return f"/{code}/"
    path = request.get_full_path()
    translated = translate_url(path, code)
    if translated != path or code == get_language():
        return translated
    # No view answers this path (a "not found" page): swap the language prefix by hand.
    if _LANGUAGE_PREFIX.match(path):
        return _LANGUAGE_PREFIX.sub(f"/{code}", path, count=1)
    return f"/{code}{path}"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language for the switcher: its own name, the same page in it, whether current."""
    request = context.get("request")
    current = get_language()
    links = []
    for code in LANGUAGE_CODES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                # Each language by its own name ("Eesti", "Magyar"), as its speakers look for it.
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                "url": url_in_language(request, code),
                "current": code == current,
            }
        )
    return links


@register.inclusion_tag("includes/nav_item.html", takes_context=True)
def nav_item(context, view_name, label, section=None):
    """A site navigation link; aria-current="page" on the page itself, "true" anywhere else in its section.

    `section` is the start of the view names that belong to the item, e.g. "projects:release-".
    """
    request = context.get("request")
    url = reverse(view_name)
    current = None
    if request is not None:
        match = getattr(request, "resolver_match", None)
        if request.path == url:
            current = "page"
        elif section and match is not None and match.view_name.startswith(section):
            current = "true"
    return {"url": url, "label": label, "current": current}


@register.simple_tag(takes_context=True)
def rendition(context, image, *widths):
    """`{% rendition release.image as img %}`: resized copies of an uploaded image for srcset.

    Gives img.src, img.srcset, img.width and img.height (see projects.web.images.ResponsiveImage), or None
    where there is no image or its file is missing or broken: the template then shows none.
    `{% rendition partner.logo 240 480 as img %}` asks for other widths than the default 480 and 960.
    """
    widths = [int(width) for width in widths] or RENDITION_WIDTHS
    return responsive_image(image, widths, request=context.get("request"))


@register.simple_tag(takes_context=True)
def cached_cards(context, objects, template_name, name, **extra):
    """`{% cached_cards releases "includes/release_summary.html" "release" heading_level=2 as cards %}`:
    the cards of a list from the shared cache, rendered only where missing (projects.web.fragments)."""
    return fragments.cached_cards(context, objects, template_name, name, **extra)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        parts = [str(part.resolve(context)) for part in self.parts]
        html = fragments.cached_block(
            context.get("request"), self.name.resolve(context), parts, lambda: self.nodelist.render(context)
        )
        return mark_safe(html)  # noqa: S308 - rendered by our templates, escaped then


@register.tag
def fragment(parser, token):
    """`{% fragment "footer" %}…{% endfragment %}`: the block kept in the shared cache under the
    content version and the language, varying on any further values named (projects.web.fragments).
    Only for blocks whose output depends on nothing else."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def page_language_versions(context):
    """The page's canonical address and hreflang alternates: its view's (a text's page, in the languages
    the text is written in), otherwise those of a page of the site's own words, in every language."""
    if context.get("errors") or context.get("page_error"):
        # A list that cannot be shown as asked (400) is no version of anything.
        return None
    versions = context.get("language_versions")
    if versions is None:
        versions = every_language_versions(context["request"])
    return versions


@register.simple_tag
def organisation(partner):
    """A partner's organisation, marked as the English it is entered in ("Tartu City Government")."""
    return format_html('<span lang="{}">{}</span>', ORGANISATION_LANGUAGE, partner.organisation)

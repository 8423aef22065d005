"""Template tags of the press releases: the language a release is shown in, and its body with its images."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from projects.release_text import render_body

register = template.Library()


@register.simple_tag
def shown_language(release):
    """`{% shown_language release as shown %}`: shown.code ("et"), shown.name (in the page's language),
    shown.is_page_language, shown.original (the original's code and name)."""
    code = release.shown_language()
    original = release.original_language
    return {
        "code": code,
        "name": get_language_info(code)["name_translated"],
        "is_page_language": code == get_language(),
        "original_code": original,
        "original_name": get_language_info(original)["name_translated"],
    }


@register.simple_tag
def release_body(release):
    """`{% release_body release %}`: the body in the shown language, Markdown → sanitised HTML with the
    release's images."""
    return mark_safe(render_body(release))  # noqa: S308 (nh3 has sanitised it; the images are our own markup)

"""Markdown written by coordinators → HTML that is safe to put on a public page.

Markdown passes raw HTML through, so everything it produces goes through the nh3 sanitiser with a
short allow-list: the structure a press release needs (headings, lists, tables, links, quotes,
code) and nothing that runs or restyles (scripts, styles, event handlers, javascript: URLs).
"""

import re
import xml.etree.ElementTree as ET  # noqa: S405 (only used to walk Markdown's own tree, never to parse input)

import markdown
import nh3
from django.utils.html import escape
from django.utils.translation import gettext
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "ol": {"start"},
}
# Column alignment of Markdown tables, as classes: HTML's align="" is obsolete and style="" is never let through.
ALIGN_CLASSES = {"align-left", "align-center", "align-right"}
ALLOWED_CLASSES = {"th": ALIGN_CLASSES, "td": ALIGN_CLASSES}
URL_SCHEMES = {"http", "https", "mailto"}
# Markdown tables put their header cells in the first row only: they head columns.
SET_ATTRIBUTES = {"th": {"scope": "col"}}


class _PageStructure(Treeprocessor):
    """Fits Markdown's tree into the page.

    The page title is the only <h1>: the body's top heading level becomes <h2> and the others follow
    ('# A' / '## B' and '## A' / '### B' both give <h2>A</h2> <h3>B</h3>), so no level is skipped.
    Table cells get their column alignment as a class rather than an attribute.
    """

    def run(self, root: ET.Element) -> None:
        headings = [element for element in root.iter() if re.fullmatch(r"h[1-6]", element.tag)]
        if headings:
            shift = 2 - min(int(element.tag[1]) for element in headings)
            for element in headings:
                element.tag = f"h{min(int(element.tag[1]) + shift, 6)}"
        for element in root.iter():
            if element.tag in {"th", "td"} and element.get("align"):
                element.set("class", f"align-{element.attrib.pop('align')}")


class _PageStructureExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_PageStructure(md), "better_page_structure", 5)


def _markdown():
    return markdown.Markdown(
        extensions=["tables", "sane_lists", _PageStructureExtension()],
        # align="…" rather than style="…", turned into a class by _PageStructure.
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        set_tag_attribute_values=SET_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def _wrap_tables(html: str) -> str:
    """Let a wide table scroll on its own on a narrow screen instead of widening the whole page.

    Runs after sanitising: there a table start tag can only be the bare `<table>` (no attribute is
    allowed on it), and the wrapper is our own markup. The region is focusable so that keyboard users
    can scroll it too.
    """
    label = escape(gettext("Table (scrolls sideways)"))
    opening = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}"><table>'
    return html.replace("<table>", opening).replace("</table>", "</table></div>")


def render_markdown(text: str) -> str:
    """Markdown → sanitised HTML (a str; the caller marks it safe)."""
    if not text:
        return ""
    return _wrap_tables(sanitise_html(_markdown().convert(text)))

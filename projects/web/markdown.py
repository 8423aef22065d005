"""Markdown written by coordinators → HTML that is safe to put on a public page.

Markdown passes raw HTML through, so everything it produces goes through the nh3 sanitiser with a
short allow-list: the structure a press release needs (headings, lists, tables, links, quotes,
code) and nothing that runs or restyles (scripts, styles, event handlers, javascript: URLs).

Real releases are pasted from other systems, so two more rules keep their text in place:
- Pasted HTML is balanced within its own block (paragraph, or table cell) before Markdown reads
  it: an unclosed `<ul>` in one paragraph cannot swallow the rest of the page.
- An ordinal date at the start of a paragraph ("2022. aastal", "2021. július 17.") is text; only
  "1. …" (or "0. …") starts a numbered list, and a list goes on with any number.
"""

import dataclasses
import re
import secrets
import xml.etree.ElementTree as ET  # noqa: S405 (only used to walk Markdown's own tree, never to parse input)

import markdown
import nh3
from django.utils.html import escape, format_html
from django.utils.translation import gettext
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneOListProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .months import ALL_MONTH_NAMES

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


# "2022. …" (a year) or "17. juuli …" / "3. June" (a day and a month): a date, not a list item.
_ORDINAL_DATE = re.compile(
    r"^[ ]{0,3}(?:\d{4,}\.|\d{1,2}\.[ ]+(?:" + "|".join(map(re.escape, ALL_MONTH_NAMES)) + r")\w*)(?:\s|$)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[ ]{0,3}(\d+)\.")


class _OrdinalAwareOListProcessor(SaneOListProcessor):
    """Numbered lists as sane_lists makes them, except that a date is never taken for a list item
    and a new list starts only at 1 (or 0): Estonian and Hungarian write ordinals with a dot."""

    def test(self, parent, block):
        if not super().test(parent, block) or _ORDINAL_DATE.match(block):
            return False
        number = int(_NUMBER.match(block).group(1))
        if parent.tag in {"ol", "ul"}:
            return True
        sibling = self.lastChild(parent)
        if sibling is not None and sibling.tag in self.SIBLING_TAGS:
            # The next item of the list above, not a paragraph that starts with "5. semestril".
            return number <= int(sibling.get("start", "1")) + len(sibling)
        return number <= 1


_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A tag's name is followed by a space, "/" or ">": <https://…> and <name@example.org> are Markdown's autolinks.
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]*?(/?)>", re.DOTALL)
_CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def balance_html(fragment: str) -> str:
    """Closes the tags `fragment` leaves open (at its end) and drops closing tags it never opened.

    Code spans are left alone: their `<` is text.
    """
    code = [(match.start(), match.end()) for match in _CODE_SPAN.finditer(fragment)]
    out, stack, position = [], [], 0
    for match in _TAG.finditer(fragment):
        if any(start <= match.start() < end for start, end in code) or match.group(0).startswith("<!--"):
            continue
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        out.append(fragment[position : match.start()])
        position = match.end()
        if closing:
            if name in stack:
                while stack:
                    opened = stack.pop()
                    out.append(f"</{opened}>")
                    if opened == name:
                        break
            # A closing tag that was never opened here is dropped.
            continue
        out.append(match.group(0))
        if not self_closing and name not in _VOID_TAGS:
            stack.append(name)
    out.append(fragment[position:])
    out.extend(f"</{name}>" for name in reversed(stack))
    return "".join(out)


def _balance_table_row(line: str) -> str:
    # Markdown's table cells are split on "|" not escaped by a backslash.
    cells = re.split(r"(?<!\\)(\|)", line)
    return "".join(cell if cell == "|" else balance_html(cell) for cell in cells)


class _BalanceHtmlPerBlock(Preprocessor):
    """Pasted HTML stays in its block: runs before Markdown collects raw HTML blocks, which would
    otherwise take an unclosed block-level tag and the whole rest of the text with it."""

    def run(self, lines):
        out, block = [], []
        for line in [*lines, None]:
            if line is not None and line.strip():
                block.append(line)
                continue
            if block:
                out.extend(self._balanced(block))
                block = []
            if line is not None:
                out.append(line)
        return out

    @staticmethod
    def _balanced(block):
        if "<" not in "".join(block) or all(line.startswith(("    ", "\t")) for line in block):
            return block  # nothing to balance, or an indented code block (its "<" is text)
        if len(block) > 1 and "|" in block[0] and _TABLE_DIVIDER.match(block[1]):
            return [_balance_table_row(line) for line in block]
        return balance_html("\n".join(block)).split("\n")


class _PageStructureExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_PageStructure(md), "better_page_structure", 5)
        # Before "html_block" (20), which gathers raw HTML blocks.
        md.preprocessors.register(_BalanceHtmlPerBlock(md), "better_balance_html", 25)
        # After sane_lists, which registers its own "olist" under the same name.
        md.parser.blockprocessors.register(_OrdinalAwareOListProcessor(md.parser), "olist", 40)


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


def render_markdown(text: str, *, images=None) -> str:
    """Markdown → sanitised HTML (a str; the caller marks it safe).

    `images` ({name: InlineImage}) are the images the text may show: `![description](name)` places
    one. Any other image is dropped by the sanitiser (the admin refuses them: image_reference_errors).
    """
    if not text:
        return ""
    md = _markdown()
    placed = {}
    if images:
        md.treeprocessors.register(_NamedImages(md, images, placed), "better_named_images", 4)
    html = _wrap_tables(sanitise_html(md.convert(text)))
    for token, image in placed.items():
        html = html.replace(token, _image_html(image))
    return html


# --- images named in the text ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class InlineImage:
    """An image the text may show by name, as the page's <img> needs it (a resized copy, never the upload)."""

    src: str
    srcset: str
    width: int
    height: int
    alt: str = ""
    alt_lang: str | None = None  # where the alt text is in another language than the page


class _NamedImages(Treeprocessor):
    """Swaps each <img> whose src names one of the images for a token; the token becomes our own
    <img> after sanitising (the sanitiser lets no <img> through: nobody can show an image from elsewhere)."""

    def __init__(self, md, images, placed):
        super().__init__(md)
        self.images = images
        self.placed = placed
        self.prefix = f"betterimage{secrets.token_hex(8)}n"

    def run(self, root: ET.Element) -> None:
        for element in root.iter("img"):
            image = self.images.get(element.get("src", ""))
            if image is None:
                continue
            written_alt = element.get("alt", "").strip()
            if written_alt:
                # The description written in the text, in the text's language.
                image = dataclasses.replace(image, alt=written_alt, alt_lang=None)
            token = f"{self.prefix}{len(self.placed)}x"
            self.placed[token] = image
            element.tag = "span"  # dropped by the sanitiser, its text (the token) kept
            element.attrib.clear()
            element.text = token


def _image_html(image: InlineImage) -> str:
    return format_html(
        '<img class="prose__image" src="{}" srcset="{}" sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"'
        ' width="{}" height="{}" alt="{}"{} loading="lazy" decoding="async">',
        image.src,
        image.srcset,
        image.width,
        image.height,
        image.alt,
        format_html(' lang="{}"', image.alt_lang) if image.alt_lang else "",
    )


# Image syntax a text may hold: ![alt](target "title"), ![alt][reference], and raw <img> HTML.
_INLINE_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\[(?P<reference>[^\]]*)\]")
_RAW_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def image_reference_errors(text: str, names) -> list:
    """[(line number, what is written)] for every image in `text` that is not `![…](name)` with one of
    `names`: the sanitiser would drop it without a word, so the admin refuses it instead."""
    errors = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        for match in _INLINE_IMAGE.finditer(line):
            if match.group("target") not in names:
                errors.append((number, match.group(0)))
        errors += [(number, match.group(0)) for match in _REFERENCE_IMAGE.finditer(line)]
        errors += [(number, match.group(0)) for match in _RAW_IMAGE.finditer(line)]
    return errors

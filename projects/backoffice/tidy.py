"""Real release text (pasted from a word processor, a web page or a PDF) → the site's Markdown.

One pure function, `tidy_text`, used by the file import and by the admin's "Tidy pasted text":

- the title is the first line with text, without heading marks or emphasis, and leaves the body;
- hard-wrapped lines are joined into paragraphs. A copy with a blank line after every printed line
  ("double-spaced") is recognised: there a blank line after a line that does not end a sentence
  does not end the paragraph. Line-end hyphens are kept as written (no guessing);
- tab-separated lines become a table, its first row the header. HTML in a cell is cleaned inside
  that cell (every attribute removed; items run together as "- a- b" become a list). A table with a
  list in a cell is written as a plain HTML <table> (a Markdown pipe table cannot hold a list);
- bold, italics and links stay; bare URLs and e-mail addresses become links; a link to "" or "#"
  becomes its text;
- boilerplate at the end ("Follow us on:", "Jälgi meid", a lone "Pressiteade", bare social-media
  URLs) is removed and reported, with the social-media links it held;
- a release date written in the release's language ("Juuni 2022", "June 2022", "2022. június")
  is proposed, month precision;
- every letter survives: the text is never transliterated.
"""

import datetime
import html
import re
import unicodedata
from dataclasses import dataclass, field

import markdown

from projects.web.months import MONTHS


@dataclass(frozen=True)
class TidiedText:
    title: str
    body: str
    proposed_date: datetime.date | None = None
    removed: list[str] = field(default_factory=list)
    social_links: list[str] = field(default_factory=list)


SOCIAL_HOSTS = (
    "facebook.com",
    "fb.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "linkedin.com",
    "youtube.com",
    "youtu.be",
    "tiktok.com",
    "flickr.com",
    "vimeo.com",
)
_SOCIAL_URL = re.compile(
    r"https?://(?:[\w-]+\.)*(?:{})(?:/[^\s<>()\[\]]*)?".format("|".join(map(re.escape, SOCIAL_HOSTS))), re.IGNORECASE
)
# "Follow us" in the site's languages, with the words that commonly go with it.
_FOLLOW = (
    r"(?:please\s+)?follow\s+us(?:\s+on)?|find\s+us\s+on|"
    r"jälgi(?:ge)?\s+meid(?:\s+ka)?|"
    r"kövess(?:en|etek)?\s+minket|"
    r"seguici(?:\s+su)?|seguiteci(?:\s+su)?|"
    r"följ\s+oss(?:\s+på)?"
)
_LABELS = r"press\s+release|pressiteade|sajtóközlemény|comunicato\s+stampa|pressmeddelande"
_SOCIAL_NAMES = (
    r"(?:facebook|twitter|instagram|linkedin|youtube|tiktok|sotsiaalmeedia|social\s+media|közösségi\s+médi)\w*|x"
)
# The little words around them: "Follow us on Facebook and Instagram", "Kövessen minket a Facebookon".
_CONNECTORS = r"and|ja|ka|ning|és|e|och|or|või|vagy|o|eller|on|in|at|a|az|su|på|meie|our|us"


def is_boilerplate(line):
    """True for a line made of nothing but "follow us", social-media names and URLs, or a label."""
    if not re.search(
        r"{}|{}|{}|{}".format(_FOLLOW, _LABELS, _SOCIAL_NAMES.replace("|x", ""), _SOCIAL_URL.pattern), line, re.I
    ):
        return False
    rest = _SOCIAL_URL.sub(" ", line)
    for words in (_FOLLOW, _LABELS, _SOCIAL_NAMES, _CONNECTORS):
        rest = re.sub(rf"\b(?:{words})\b", " ", rest, flags=re.IGNORECASE)
    return not re.sub(r"[\W_]+", "", rest)


# A sentence that trails off into "… või jälgige meid" / "… or follow us on:": the phrase goes, the sentence stays.
_TRAILING_FOLLOW = re.compile(
    rf"[\s,;]*(?:\b(?:or|või|vagy|o|oppure|eller)\s+)?\b(?:{_FOLLOW})(?:\s+(?:{_SOCIAL_NAMES}|{_CONNECTORS}))*\s*[:.]?\s*$",
    re.IGNORECASE,
)
# "… please visit our website or:" right before a removed "Follow us on:": the dangling "or" goes.
_DANGLING_OR = re.compile(r"\s+(or|või|vagy|o|oppure|eller)\s*:\s*$", re.IGNORECASE)

_SENTENCE_END = re.compile(r"[.!?:;…](?:[\"'”’»)\]*_]*)$")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+\S")
_HEADING = re.compile(r"^#{1,6}\s")
_SETEXT = re.compile(r"^(=+|-+)\s*$")

# Bare URLs and e-mail addresses; not those already in a Markdown link, an autolink or an HTML attribute.
_URL = re.compile(r"(?<![<(\[\"'=/\w@.])((?:https?://|www\.)[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?])", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![<(\[\"'=:/\w.+-])([\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})(?![\w>\]])")
_EMPTY_LINK = re.compile(r"\[([^\]]*)\]\(\s*#?\s*\)")
_EMPTY_HTML_LINK = re.compile(
    r"<a\b(?:[^>]*?\bhref\s*=\s*[\"']\s*#?\s*[\"'][^>]*|(?![^>]*\bhref)[^>]*)>(.*?)</a>", re.IGNORECASE | re.DOTALL
)
_MD_LINK_OR_AUTOLINK = re.compile(r"<a\b[^>]*>.*?</a>|\[[^\]]*\]\([^)]*\)|<[^<>\s]+>", re.IGNORECASE | re.DOTALL)


def tidy_text(text: str, language: str) -> TidiedText:
    lines = _clean_lines(text)
    removed = []
    proposed_date = propose_date(lines, language)
    title, lines = _take_title(lines, removed, _dateline_pattern(language))
    blocks = _blocks(lines)
    blocks, social = _strip_end_boilerplate(blocks, removed)
    body = "\n\n".join(_render_block(block) for block in blocks)
    return TidiedText(
        title=title,
        body=body,
        proposed_date=proposed_date,
        removed=removed,
        social_links=social,
    )


# Lines


def _clean_lines(text):
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = []
    for line in text.split("\n"):
        line = line.rstrip()
        if "\t" in line.strip():
            lines.append(line.strip())
        elif _LIST_ITEM.match(line):
            lines.append(line)  # its indentation is its nesting
        else:
            lines.append(re.sub(r"[ ]{2,}", " ", line.strip()))
    return lines


def _strip_emphasis(line):
    line = re.sub(r"^#{1,6}\s*|\s+#+$", "", line.strip())
    previous = None
    while previous != line:
        previous = line
        line = re.sub(r"^(\*\*|__|\*|_)(.+)\1$", r"\2", line).strip()
        line = re.sub(r"^<(b|strong|i|em|h\d)\b[^>]*>(.*)</\1>$", r"\2", line, flags=re.IGNORECASE).strip()
    return line


def _take_title(lines, removed, dateline):
    """The first line with text; a lone label ("Pressiteade") above it is removed, a dateline
    ("Tartu, juuni 2022") above it stays at the top of the body."""
    datelines = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if re.fullmatch(rf"[\W_]*(?:{_LABELS})[\W_]*", line, re.IGNORECASE):
            removed.append(line.strip())
            continue
        if dateline is not None and dateline.match(_strip_emphasis(line)):
            datelines += [line, ""]
            continue
        rest = lines[index + 1 :]
        if rest and _SETEXT.match(rest[0]):
            rest = rest[1:]
        return _strip_emphasis(line), datelines + rest
    return "", datelines


# Lines already laid out as Markdown or HTML blocks: a pipe table's rows, a quote, block-level tags
# (a table tidied before), an image of the release. They keep their line breaks, so tidying tidied text changes nothing.
_LAID_OUT = re.compile(r"^(?:\||>|!\[|</?(?:table|thead|tbody|tr|th|td|ul|ol|li|blockquote|div|pre|h[1-6])\b)", re.I)


def _is_text(line):
    return (
        bool(line.strip())
        and "\t" not in line
        and not _LIST_ITEM.match(line)
        and not _HEADING.match(line)
        and not _LAID_OUT.match(line)
    )


def _double_spaced(lines):
    """True for a copy with a blank line after every printed line: no two text lines touch."""
    text_lines = [line for line in lines if _is_text(line)]
    if len(text_lines) < 3:
        return False
    return not any(_is_text(a) and _is_text(b) for a, b in zip(lines, lines[1:], strict=False))


# Blocks: ("p", [lines]) ("h", line) ("list", [items]) ("table", [rows])


def _blocks(lines):
    double = _double_spaced(lines)
    longest = max((len(line) for line in lines if _is_text(line)), default=0)
    blocks = []
    blank_before = True
    for line in lines:
        if not line.strip():
            blank_before = True
            continue
        last = blocks[-1] if blocks else None
        if "\t" in line:
            if last and last[0] == "table" and (not blank_before or double or _same_width(last, line)):
                last[1].append(line.split("\t"))
            else:
                blocks.append(("table", [line.split("\t")]))
        elif _HEADING.match(line):
            blocks.append(("h", line))
        elif _LAID_OUT.match(line):
            if last and last[0] == "raw" and not blank_before:
                last[1].append(line)
            else:
                blocks.append(("raw", [line]))
        elif _LIST_ITEM.match(line):
            if last and last[0] == "list" and (not blank_before or _bullet(last[1][-1]) == _bullet(line)):
                last[1].append(line)
            else:
                blocks.append(("list", [line]))
        elif last and last[0] == "list" and not blank_before:
            last[1][-1] += " " + line.strip()  # a list item's wrapped line
        elif last and last[0] == "p" and (not blank_before or (double and _continues(last[1][-1], line, longest))):
            last[1].append(line)
        else:
            blocks.append(("p", [line]))
        blank_before = False
    return blocks


def _bullet(item):
    return item.lstrip()[:1] in "-*+•"


def _same_width(table_block, line):
    return len(table_block[1][0]) == len(line.split("\t"))


def _continues(previous, line, longest):
    """In a double-spaced copy: does `line` go on with the sentence `previous` left open?"""
    if _SENTENCE_END.search(previous):
        return False
    first_letter = next((char for char in line if char.isalpha()), "")
    # A lower-case start goes on; so does any line after a full printed line (not a short heading).
    return first_letter.islower() or len(previous) >= 0.6 * longest


# End boilerplate


def _strip_end_boilerplate(blocks, removed):
    social = []
    follow_removed = False
    while blocks:
        kind, content = blocks[-1]
        if kind not in {"p", "list"} or not all(is_boilerplate(line) for line in content):
            break
        line = (" " if kind == "p" else "\n").join(line.strip() for line in content)
        blocks.pop()
        removed.insert(0, line)
        social[:0] = _SOCIAL_URL.findall(line)
        follow_removed = True
    if blocks and blocks[-1][0] == "p":
        lines = blocks[-1][1]
        trailing = _TRAILING_FOLLOW.search(lines[-1])
        if trailing and trailing.start() > 0:
            removed.insert(0, trailing.group(0).strip(" ,;"))
            lines[-1] = lines[-1][: trailing.start()].rstrip()
            follow_removed = True
        dangling = _DANGLING_OR.search(lines[-1]) if follow_removed else None
        if dangling:
            removed.insert(0, dangling.group(1))
            lines[-1] = lines[-1][: dangling.start()].rstrip()
        if follow_removed and not _SENTENCE_END.search(lines[-1]):
            lines[-1] += "."
    return blocks, list(dict.fromkeys(social))


# Rendering


def _render_block(block):
    kind, content = block
    if kind == "h":
        return _inline(content)
    if kind == "p":
        return _inline(" ".join(line.strip() for line in content))
    if kind == "list":
        # "•" is a bullet to a word processor, not to Markdown.
        return "\n".join(_inline(re.sub(r"^(\s*)•", r"\1-", item)) for item in content)
    if kind == "raw":
        return "\n".join(content)
    return _render_table(content)


def _inline(text):
    text = _EMPTY_LINK.sub(r"\1", text)
    text = _EMPTY_HTML_LINK.sub(r"\1", text)
    # Links already written stay as they are; only the text between them gets autolinked.
    parts = []
    position = 0
    for match in _MD_LINK_OR_AUTOLINK.finditer(text):
        parts.append(_autolink(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_autolink(text[position:]))
    return "".join(parts)


def _autolink(text):
    text = _URL.sub(
        lambda m: f"<{m.group(1)}>" if "://" in m.group(1) else f"[{m.group(1)}](https://{m.group(1)})", text
    )
    return _EMAIL.sub(r"[\1](mailto:\1)", text)


def _render_table(rows):
    width = max(len(row) for row in rows)
    cells = [[_clean_cell(cell) for cell in row] + [("", [])] * (width - len(row)) for row in rows]
    if any(items for row in cells for _text, items in row):
        return _html_table(cells)
    header, *body = cells
    lines = ["| " + " | ".join(_pipe(text) for text, _items in header) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(_pipe(text) for text, _items in row) + " |" for row in body]
    return "\n".join(lines)


def _pipe(text):
    return text.replace("|", "\\|") or " "


def _html_table(cells):
    header, *body = cells

    def cell(tag, text, items):
        inner = _inline_html(text)
        if items:
            inner += "<ul>" + "".join(f"<li>{_inline_html(item)}</li>" for item in items) + "</ul>"
        return f"<{tag}>{inner}</{tag}>"

    head = "<tr>" + "".join(cell("th", *c) for c in header) + "</tr>"
    rows = "\n".join("<tr>" + "".join(cell("td", *c) for c in row) + "</tr>" for row in body)
    # One line per row and no blank line inside: Markdown passes the block through as it is.
    return "\n".join(["<table>", "<thead>", head, "</thead>", "<tbody>", rows, "</tbody>", "</table>"])


def _inline_html(text):
    if not text:
        return ""
    rendered = markdown.markdown(_inline(text), output_format="html")
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered.strip(), flags=re.DOTALL)


_RUN_TOGETHER = re.compile(r"(?:^|(?<=\S))-\s+")


def _clean_cell(cell):
    """A table cell → (text as inline Markdown, list items). Every HTML attribute goes."""
    cell = cell.strip()
    had_list = bool(re.search(r"<(ul|ol|li)\b", cell, re.IGNORECASE))
    cell = re.sub(r"<li\b[^>]*>", "\n- ", cell, flags=re.IGNORECASE)
    cell = re.sub(r"</?(ul|ol|li|p|div)\b[^>]*>|<br\s*/?>", "\n", cell, flags=re.IGNORECASE)
    cell = re.sub(r"<a\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", r"[\2](\1)", cell, flags=re.IGNORECASE)
    cell = re.sub(r"</?(b|strong)\b[^>]*>", "**", cell, flags=re.IGNORECASE)
    cell = re.sub(r"</?(i|em)\b[^>]*>", "*", cell, flags=re.IGNORECASE)
    cell = re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?=[\s/>])[^<>]*>", "", cell)  # any other tag, with its attributes
    cell = html.unescape(cell)
    if cell.count("**") % 2:  # a <b> never closed
        cell = cell[::-1].replace("**", "", 1)[::-1]
    text_lines, items = [], []
    for line in (part.strip() for part in cell.split("\n")):
        if not line:
            continue
        if line.startswith("- ") or (had_list and line.startswith("-")):
            # "- a- b": items run together; " - " inside an item is a dash and stays.
            items += [item.strip() for item in _RUN_TOGETHER.split(line) if item.strip()]
        elif had_list and items:
            items[-1] += " " + line
        else:
            text_lines.append(line)
    return " ".join(text_lines), items


# Dates


def _date_pattern(language):
    months = MONTHS.get(language)
    if not months:
        return None
    names = "|".join(map(re.escape, months))
    if language == "hu":
        # "2022. június", "2022. június 3."
        return re.compile(rf"(?P<year>\d{{4}})\.\s+(?P<month>{names})(?:\s+\d{{1,2}}\.?)?", re.IGNORECASE)
    # "June 2022", "3 June 2022", "3. juuni 2022", "June 3, 2022"
    return re.compile(rf"(?:\d{{1,2}}\.?\s+)?(?P<month>{names})(?:\s+\d{{1,2}},)?\s+(?P<year>\d{{4}})", re.IGNORECASE)


# "Tartu, " before a date: a place name of up to three words.
_PLACE = r"(?:[^\W\d_][\w.-]*(?:[ -][^\W\d_][\w.-]*){0,2},\s*)?"


def _dateline_pattern(language):
    """A line that is nothing but a date, a place perhaps before it."""
    pattern = _date_pattern(language)
    if pattern is None:
        return None
    return re.compile(rf"^{_PLACE}(?:{pattern.pattern})[\s.,;:–—-]*$", re.IGNORECASE)


def propose_date(lines, language):
    """The release date written as a dateline: a line that is a date (a place may come first:
    "Tartu, 3. juuni 2022"), or a date opening the first paragraph ("June 2022 – …"). Dates inside
    sentences and tables are what the release is about, not when it was written."""
    pattern = _date_pattern(language)
    if pattern is None:
        return None
    dateline = _dateline_pattern(language)
    opening = re.compile(rf"^{_PLACE}(?:{pattern.pattern})\s*[–—:-]\s", re.IGNORECASE)
    text_lines = [_strip_emphasis(line) for line in lines if _is_text(line)]
    matches = [dateline.match(line) for line in text_lines]
    # The first paragraph: the line after the title (or the title's own line, before it is known).
    matches += [opening.match(line) for line in text_lines[:2]]
    for match in matches:
        if match:
            year = int(match.group("year"))
            if 1900 <= year <= 2100:
                return datetime.date(year, MONTHS[language].index(match.group("month").lower()) + 1, 1)
    return None

"""Site search over published releases, events and good practices, in the page's language.

Project level, because it spans all three apps. Each kind of result is searched in its translated
fields of the page's language, falling back field by field to English where a translation is
missing: the text searched is the text the visitor sees.

PostgreSQL: full-text search with the language's text search configuration (stemming and stop
words); Estonian has none in PostgreSQL, so it gets 'simple' (exact words, no stemming). Other
databases (SQLite for `make run`): every word must appear somewhere in the fields, ignoring case.
"""

import dataclasses
import functools
import html
import operator
import re
import unicodedata

from django import forms
from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Count, F, Q, TextField, Value, Window
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from events.models import Event
from practices.models import GoodPractice
from projects.models import PressRelease
from projects.web.cache import cached_markdown

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 20
SNIPPET_WORDS = 30

# PostgreSQL's built-in text search configurations of the site's languages.
TEXT_SEARCH_CONFIGS = {"en": "english", "hu": "hungarian", "it": "italian", "sv": "swedish"}
FALLBACK_CONFIG = "simple"


def text_search_config(language):
    return TEXT_SEARCH_CONFIGS.get(language, FALLBACK_CONFIG)


# --- the query --------------------------------------------------------------------------------------------------


class QueryField(forms.CharField):
    """Free text as typed. Control characters (a NUL byte, which PostgreSQL refuses in text, a tab)
    become spaces rather than errors: a search box should not lecture anyone about bytes."""

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)
        return super().to_python(value)


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "max_length": _(
                "Search for at most %(limit_value)d characters; this search has %(show_value)d. A few words are enough."
            )
        },
    )


def query_words(query):
    """The words of a query, without websearch syntax (quotes, "-", "or")."""
    words = re.findall(r"\w+", query.casefold())
    return [word for word in words if word != "or"]


# --- what is searched -------------------------------------------------------------------------------------------


def translated(field, language):
    """The field as the visitor sees it: the page's language, or English where that is empty."""
    english = F(f"{field}_{DEFAULT_LANGUAGE}")
    if language == DEFAULT_LANGUAGE:
        return english
    # Each language column has its own field class (modeltranslation's), so the type is said outright.
    return Coalesce(NullIf(F(f"{field}_{language}"), Value("")), english, output_field=TextField())


@dataclasses.dataclass(frozen=True)
class Kind:
    key: str
    label: object
    model: type
    # (field, weight, translated?): A counts most, D least.
    fields: tuple
    # Where the snippet comes from, first non-empty wins; Markdown fields are turned into plain text.
    snippet_fields: tuple
    related: tuple

    def base_queryset(self):
        queryset = self.model.objects.select_related(*self.related)
        if self.model is PressRelease:
            # Drafts and releases scheduled for later do not exist for visitors.
            queryset = queryset.published()
        return queryset

    def expressions(self, language):
        return [
            (translated(field, language) if is_translated else F(field), weight)
            for field, weight, is_translated in self.fields
        ]


KINDS = (
    Kind(
        key="releases",
        label=_("News"),
        model=PressRelease,
        fields=(
            ("title", "A", True),
            ("lead", "B", True),
            ("body", "C", True),
            ("author__city", "D", True),
        ),
        snippet_fields=("lead", "body"),
        related=("author",),
    ),
    Kind(
        key="events",
        label=_("Events"),
        model=Event,
        fields=(
            ("title", "A", True),
            ("theme", "B", True),
            ("description", "C", True),
            ("host__city", "D", True),
            ("location", "D", False),
        ),
        snippet_fields=("theme", "description"),
        related=("host",),
    ),
    Kind(
        key="practices",
        label=_("Good practices"),
        model=GoodPractice,
        fields=(
            ("title", "A", True),
            ("summary", "B", True),
            ("description", "C", True),
            ("evidence_of_success", "C", True),
            ("potential_for_transfer", "C", True),
            ("owner__city", "D", True),
            ("theme__name", "D", True),
        ),
        snippet_fields=("summary", "description"),
        related=("owner", "theme"),
    ),
)


# --- results ----------------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Hit:
    obj: object
    url: str
    meta: list
    snippet: str
    snippet_lang: str


@dataclasses.dataclass
class Group:
    key: str
    label: object
    hits: list
    count: int


@dataclasses.dataclass
class Results:
    query: str
    language: str
    groups: list
    full_text: bool

    @property
    def total(self):
        return sum(group.count for group in self.groups)


def uses_full_text(using="default"):
    return connections[using].vendor == "postgresql"


def search(query, language, *, full_text=None, limit=RESULTS_PER_KIND):
    """Results of `query` in `language`, grouped by kind; at most `limit` hits per kind, with counts.

    `full_text` forces PostgreSQL full-text search on or off; by default it follows the database.
    One query per kind whatever the data.
    """
    if full_text is None:
        full_text = uses_full_text()
    words = query_words(query)
    groups = []
    for kind in KINDS:
        matches = _full_text_matches(kind, query, language) if full_text else _plain_matches(kind, words, language)
        # The number of all matches rides along with the first ones (a window over the whole result).
        hits = list(matches.annotate(match_count=Window(Count("pk")))[:limit])
        groups.append(
            Group(
                key=kind.key,
                label=kind.label,
                hits=[_hit(kind, obj, words, language) for obj in hits],
                count=hits[0].match_count if hits else 0,
            )
        )
    return Results(query=query, language=language, groups=groups, full_text=full_text)


def _full_text_matches(kind, query, language):
    config = text_search_config(language)
    vector = functools.reduce(
        operator.add,
        (SearchVector(expression, config=config, weight=weight) for expression, weight in kind.expressions(language)),
    )
    # websearch syntax never fails on odd input ("quotes", -not, or, stray &|!:*()); it ignores what it
    # cannot read.
    search_query = SearchQuery(query, config=config, search_type="websearch")
    return (
        kind.base_queryset()
        .alias(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(F("document"), search_query))
        # Best first; equal ranks in the usual order of their list (newest first).
        .order_by("-rank", *kind.model._meta.ordering)
    )


def _plain_matches(kind, words, language):
    if not words:
        return kind.base_queryset().none()
    names = {f"_search_{index}": expression for index, (expression, _weight) in enumerate(kind.expressions(language))}
    condition = Q()
    for word in words:
        condition &= functools.reduce(operator.or_, (Q(**{f"{name}__icontains": word}) for name in names))
    return kind.base_queryset().alias(**names).filter(condition)


# --- presenting a hit -------------------------------------------------------------------------------------------


def _field_language(obj, field, language):
    return language if getattr(obj, f"{field}_{language}", None) else DEFAULT_LANGUAGE


def _plain_text(text):
    """Markdown → the words a reader sees (no table pipes, link targets or emphasis marks)."""
    return " ".join(html.unescape(strip_tags(cached_markdown(text))).split())


def _stem(word):
    """The start of a word that its other forms share, roughly ("visits" → "visi"), for highlighting only."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 2)]


def _snippet(text, words):
    """About SNIPPET_WORDS words of `text` where the query's words are, with those words in <mark>."""
    tokens = text.split()
    stems = [_stem(word) for word in words]

    def matches(token):
        bare = re.sub(r"^\W+|\W+$", "", token).casefold()
        return bool(bare) and any(bare.startswith(stem) for stem in stems)

    found = [index for index, token in enumerate(tokens) if matches(token)] or [0]

    def window_start(index):
        return max(0, min(index - SNIPPET_WORDS // 3, len(tokens) - SNIPPET_WORDS))

    # The window around a match that shows the most matches ("digital services" together, not apart).
    start = max(
        (window_start(index) for index in found),
        key=lambda begin: sum(begin <= index < begin + SNIPPET_WORDS for index in found),
    )
    window = tokens[start : start + SNIPPET_WORDS]
    parts = [_marked(token) if matches(token) else escape(token) for token in window]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return mark_safe(prefix + " ".join(parts) + suffix)  # noqa: S308 (every token is escaped)


def _marked(token):
    """`Genoa,` → `<mark>Genoa</mark>,`: the word highlighted, not the punctuation around it."""
    lead, word, trail = re.fullmatch(r"(\W*)(.*?)(\W*)", token).groups()
    return f"{escape(lead)}<mark>{escape(word)}</mark>{escape(trail)}"


def _meta(kind, obj):
    if kind.model is PressRelease:
        # In the site's time zone, as the news pages show it.
        return [date_format(timezone.localtime(obj.published_at), "DATE_FORMAT"), obj.author.city]
    if kind.model is Event:
        return [obj.get_kind_display(), obj.display_date, obj.host.city]
    return [part for part in (obj.owner.city, obj.theme.name if obj.theme else "") if part]


def _hit(kind, obj, words, language):
    """The hit with a snippet from the first field that shows a word of the query (a body rather than a
    lead that does not mention it), or else from the first field that has any text."""
    texts = [(field, _plain_text(getattr(obj, field))) for field in kind.snippet_fields if getattr(obj, field)]
    stems = [_stem(word) for word in words]
    chosen = next(
        ((field, text) for field, text in texts if any(stem in text.casefold() for stem in stems)),
        texts[0] if texts else None,
    )
    snippet, snippet_lang = "", language
    if chosen is not None:
        field, text = chosen
        snippet = _snippet(text, words)
        snippet_lang = _field_language(obj, field, language)
    return Hit(obj=obj, url=obj.get_absolute_url(), meta=_meta(kind, obj), snippet=snippet, snippet_lang=snippet_lang)

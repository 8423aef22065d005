"""Site search over published releases, events and good practices, in the page's language.

Project level, because it spans all three apps. Each kind of result is searched in its translated
fields of the page's language, falling back field by field to English where a translation is
missing: the text searched is the text the visitor sees.

PostgreSQL: full-text search with the language's text search configuration (stemming and stop
words); Estonian has none in PostgreSQL, so it gets 'simple' (exact words, no stemming). Accents are
ignored on both sides (unaccent), so "Nyiregyhaza" finds "Nyíregyháza". Releases and events are
searched on an index: a tsvector per language that the database keeps up to date (a trigger, see the
migrations projects 0006 and events 0003, *_search_vectors) with a GIN index, so a search costs about
the same with 10,000 releases as with ten. Good practices have such vectors too (practices 0005),
which also hold their city's and theme's names.
Other databases (SQLite for `make run`): every word must appear somewhere in the fields, ignoring case.
"""

import bisect
import dataclasses
import functools
import html
import operator
import re
import unicodedata

from django import forms
from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connections
from django.db.models import Count, F, Func, Lookup, Q, TextField, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import Event
from practices.models import GoodPractice
from projects.models import Partner, PressRelease, shown_text_expression
from projects.web import written
from projects.web.cache import cached_markdown
from projects.web.dates import format_day
from projects.web.folding import Folded, fold
from projects.web.languages import content_language
from projects.web.lookups import attach_site_rows

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 10
# The bound that keeps a search's cost the same at any size (see _indexed_hits).
COUNT_LIMIT = 100
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SNIPPET_WORDS = 30
SHOWN_RELEASE_FIELDS = ("title", "lead", "body")

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
    # (field, translated?): what the SQLite fallback matches. On PostgreSQL each kind's vector, with its
    # fields' weights, is the database's (the *_search_vectors migrations).
    fields: tuple
    # Where the snippet comes from, first non-empty wins; Markdown fields are turned into plain text.
    snippet_fields: tuple
    related: tuple
    # The partner a result belongs to, whose city's name finds it too, where the kept vector lacks it.
    city_relation: str = ""

    def base_queryset(self):
        queryset = self.model.objects.select_related(*self.related)
        if self.model is PressRelease:
            # Drafts and releases scheduled for later do not exist for visitors.
            queryset = queryset.published()
        return queryset

    def expressions(self, language):
        return [
            _searched(self.model, field, language) if is_translated else F(field)
            for field, is_translated in self.fields
        ]


def _searched(model, field, language):
    # A release is shown whole in one language (its own, English, or its original), not field by field.
    if model is PressRelease and field in SHOWN_RELEASE_FIELDS:
        return shown_text_expression(field, language)
    return translated(field, language)


KINDS = (
    Kind(
        key="releases",
        label=_("News"),
        model=PressRelease,
        fields=(
            ("title", True),
            ("lead", True),
            ("body", True),
            ("author__city", True),
        ),
        snippet_fields=("lead", "body"),
        related=("author",),
        city_relation="author",
    ),
    Kind(
        key="events",
        label=_("Events"),
        model=Event,
        fields=(
            ("title", True),
            ("theme", True),
            ("description", True),
            ("host__city", True),
            ("location", False),
        ),
        snippet_fields=("theme", "description"),
        related=("host",),
        city_relation="host",
    ),
    Kind(
        key="practices",
        label=_("Good practices"),
        model=GoodPractice,
        fields=(
            ("title", True),
            ("summary", True),
            ("description", True),
            ("evidence_of_success", True),
            ("potential_for_transfer", True),
            ("owner__city", True),
            ("theme__name", True),
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
    # The title as shown, the language it is shown in, and the page's.
    title: str
    title_lang: str
    page_lang: str

    @property
    def html(self):
        """The hit's list item. Put together here rather than by the template: a page has up to thirty
        hits, and the template's tags and lookups for them took longer than the search itself. Every
        text is escaped here but the snippet, which _snippet escaped."""
        meta = '<span aria-hidden="true"> · </span>'.join(f"<span>{_escape(part)}</span>" for part in self.meta)
        snippet = ""
        if self.snippet:
            snippet = f'<p class="search-hit__snippet"{self._lang_attr(self.snippet_lang)}>{self.snippet}</p>\n'
        return mark_safe(  # noqa: S308 (every text escaped, the snippet by _snippet)
            f'<li class="search-hit">\n<h3 class="search-hit__title"><a href="{_escape(self.url)}"'
            f"{self._lang_attr(self.title_lang)}>{_escape(self.title)}</a></h3>\n"
            f'<p class="search-hit__meta">{meta}</p>\n{snippet}</li>\n'
        )

    def _lang_attr(self, language):
        """` lang="…"` on a text in another language than the page's (a fallback to English)."""
        return f' lang="{_escape(language)}"' if language != self.page_lang else ""


def _escape(value):
    # The standard library's escape, as Django's does it, without its lazy-string wrapper.
    return html.escape(str(value))


@dataclasses.dataclass
class Group:
    key: str
    label: object
    hits: list
    count: int
    # More matches than COUNT_LIMIT: `count` is then that limit, and the page says "more than".
    capped: bool = False

    @property
    def count_label(self):
        return f"{self.count}+" if self.capped else str(self.count)


@dataclasses.dataclass
class Results:
    query: str
    language: str
    groups: list
    full_text: bool

    @property
    def total(self):
        return sum(group.count for group in self.groups)

    @property
    def capped(self):
        return any(group.capped for group in self.groups)


def uses_full_text(using="default"):
    return connections[using].vendor == "postgresql"


def search(query, language, *, full_text=None, limit=RESULTS_PER_KIND, request=None):
    """Results of `query` in `language`, grouped by kind; at most `limit` hits per kind, with counts.

    `full_text` forces PostgreSQL full-text search on or off; by default it follows the database. With
    the page's `request`, the hits' cities come from the site's lookups (projects.web.lookups).
    A constant number of queries whatever the data: on PostgreSQL, the cities the query names, then one
    per kind, which finds, ranks and counts the matches and reads the best ones whole (_full_text_hits).
    """
    if full_text is None:
        full_text = uses_full_text()
    words = query_words(query)
    stems = tuple(fold(_stem(word)) for word in words)
    groups = []
    cities = _cities_named(query, language) if full_text else []
    for kind in KINDS:
        if full_text:
            hits, count, capped = _full_text_hits(kind, query, language, limit, cities, request)
        else:
            # The number of all matches rides along with the first ones (a window over the whole result).
            hits = list(_plain_matches(kind, words, language).annotate(match_count=Window(Count("pk")))[:limit])
            count, capped = (hits[0].match_count if hits else 0), False
        groups.append(
            Group(
                key=kind.key,
                label=kind.label,
                hits=[_hit(kind, obj, stems, language) for obj in hits],
                count=count,
                capped=capped,
            )
        )
    return Results(query=query, language=language, groups=groups, full_text=full_text)


def unaccented(expression):
    """Text without its accents, by the IMMUTABLE wrapper the search migration creates."""
    return Func(expression, function="public.better_unaccent", output_field=TextField())


def indexed_vector(kind, language):
    """The kind's tsvector column of `language`, kept by the database (see the module's docstring)."""
    # Unqualified: in a subquery the name must mean the subquery's own row (only these tables have such
    # columns). A name from the site's language codes only: nothing a visitor typed.
    return RawSQL(f"search_{language}", [], output_field=SearchVectorField())  # noqa: S611


def _search_query(query, language):
    # websearch syntax never fails on odd input ("quotes", -not, or, stray &|!:*()); it ignores what it
    # cannot read. Without accents, as the indexed words are.
    return SearchQuery(unaccented(Value(query)), config=text_search_config(language), search_type="websearch")


def _cities_named(query, language):
    """The partners whose city the query names: their releases and events are found too (the city is
    not part of the indexed text). Five rows; its SQL written once per language. Read first, so that
    the planner sees the cities' keys: a condition it could not estimate would walk the whole list's
    index for a word that matches nothing."""
    return [pk for (pk,) in written.run(_cities_sql(language), query)]


def _cities_queryset(query, language):
    vector = SearchVector(unaccented(translated("city", language)), config=text_search_config(language))
    return Partner.objects.alias(city_vector=vector).filter(city_vector=_search_query(query, language)).values("pk")


@functools.lru_cache(maxsize=16)
def _cities_sql(language):
    return written.write(_cities_queryset(written.TEXT_STAND_IN, language))


def _full_text_hits(kind, query, language, limit, cities, request):
    """(hits, count, capped) of a kind, by one query whose SQL is written once per kind, language and
    number of cities named, and run with each search's own words, cities and time
    (projects.web.written): putting the queries together took most of a search's time, and each round
    trip to the database costs about as much as its answer."""
    cities = cities if kind.city_relation else []
    sql = _full_text_sql(kind.key, language, limit, COUNT_LIMIT, len(cities))
    rows = list(written.instances(kind.model, sql, query, [cities]))
    attach_site_rows(request, rows, *kind.related)
    count = rows[0].match_count if rows else 0
    return rows, min(count, COUNT_LIMIT), count > COUNT_LIMIT


@functools.lru_cache(maxsize=256)
def _full_text_sql(key, language, limit, count_limit, city_count):
    """The best `limit` matches of a kind, whole but for the languages they do not show, each with its
    rank and the number of matches (match_count).

    A kind is searched on the tsvector the database keeps, whose GIN index finds the matches. A word
    found everywhere ("tartu") matches most rows; ranking or counting all of them would cost as much as
    the table is big. So only the newest count_limit + 1 matches, read in the list's order from its
    index, are ranked and counted (past count_limit the page says "more than"); the best hits are those
    among them.
    """
    kind = _kind(key)
    search_query = _search_query(written.TEXT_STAND_IN, language)
    ordering = kind.model._meta.ordering
    condition = Q(document=search_query)
    if city_count:
        condition |= Q(**{f"{kind.city_relation}__in": written.key_stand_ins(0, city_count)})
    newest = kind.base_queryset().alias(document=indexed_vector(kind, language)).filter(condition)
    # "= ANY(ARRAY(…))", not "IN (…)": the keys are read first, then their rows by primary key; an IN
    # may be joined by reading the whole table.
    newest_keys = ArraySubquery(newest.order_by(*ordering).values("pk")[: count_limit + 1])
    matches = kind.model.objects.filter(AnyOf(F("pk"), newest_keys)).alias(document=indexed_vector(kind, language))
    ranked = matches.annotate(rank=SearchRank(F("document"), search_query), match_count=Window(Count("pk")))
    # Best first; equal ranks in the usual order of their list (newest first).
    ranked = ranked.order_by("-rank", *ordering).defer(*_other_languages(kind, language))
    # Never more hits than the count the page gives ("the best 10 of 100+").
    return written.write(ranked[: min(limit, count_limit)])


class AnyOf(Lookup):
    """`key = ANY(array)`, as an expression to filter on (Django words an array as `IN`, or parenthesised)."""

    lookup_name = "any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def _kind(key):
    return next(kind for kind in KINDS if kind.key == key)


def _other_languages(kind, language):
    """The translated columns of languages a hit does not show (its own and English are shown)."""
    shown = {language, DEFAULT_LANGUAGE}
    return [
        f"{field}_{code}"
        for field, is_translated in kind.fields
        if is_translated and "__" not in field
        for code in LANGUAGE_CODES
        if code not in shown
    ]


def _plain_matches(kind, words, language):
    if not words:
        return kind.base_queryset().none()
    # Both sides folded (projects.web.folding): "Nyiregyhaza" finds "Nyíregyháza" here too.
    names = {f"_search_{index}": Folded(expression) for index, expression in enumerate(kind.expressions(language))}
    condition = Q()
    for word in words:
        condition &= functools.reduce(operator.or_, (Q(**{f"{name}__contains": fold(word)}) for name in names))
    return kind.base_queryset().alias(**names).filter(condition)


# --- presenting a hit -------------------------------------------------------------------------------------------


def _plain_text(text):
    """Markdown → the words a reader sees (no table pipes, link targets or emphasis marks)."""
    return _plain_text_in(get_language(), text)


@functools.lru_cache(maxsize=4096)
def _plain_text_in(language, text):
    # A pure function of the text and the language (a table's label is translated): kept in each
    # process, as the rendered Markdown is, so a hit costs its snippet and not a render and a parse.
    return " ".join(html.unescape(strip_tags(cached_markdown(text))).split())


def _stem(word):
    """The start of a word that its other forms share, roughly ("visits" → "visi"), for highlighting only."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 2)]


def _snippet(text, stems):
    """About SNIPPET_WORDS words of `text` where the query's words are (their folded `stems`), with
    those words in <mark>."""
    tokens = text.split()
    matched = [index for index, token in enumerate(tokens) if (bare := _bare(token)) and bare.startswith(stems)]
    anchors = matched or [0]

    def window_start(index):
        return max(0, min(index - SNIPPET_WORDS // 3, len(tokens) - SNIPPET_WORDS))

    # The window around a match that shows the most matches ("digital services" together, not apart).
    start = max(
        (window_start(index) for index in anchors),
        key=lambda begin: bisect.bisect_left(matched, begin + SNIPPET_WORDS) - bisect.bisect_left(matched, begin),
    )
    end = min(start + SNIPPET_WORDS, len(tokens))
    # The words between two matches escaped in one piece, each match highlighted.
    parts, rest = [], start
    for index in matched[bisect.bisect_left(matched, start) : bisect.bisect_left(matched, end)]:
        if rest < index:
            parts.append(_escape(" ".join(tokens[rest:index])))
        parts.append(_marked(tokens[index]))
        rest = index + 1
    if rest < end:
        parts.append(_escape(" ".join(tokens[rest:end])))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + " ".join(parts) + suffix)  # noqa: S308 (every token is escaped)


@functools.lru_cache(maxsize=65536)
def _bare(token):
    """A token folded as the index compares words, without the punctuation around it. Words repeat
    from text to text: each is folded once per process."""
    return fold(_EDGE_PUNCTUATION.sub("", token))


_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def _marked(token):
    """`Genoa,` → `<mark>Genoa</mark>,`: the word highlighted, not the punctuation around it."""
    lead, word, trail = re.fullmatch(r"(\W*)(.*?)(\W*)", token).groups()
    return f"{_escape(lead)}<mark>{_escape(word)}</mark>{_escape(trail)}"


def _meta(kind, obj):
    if kind.model is PressRelease:
        # In the site's time zone, as the news pages show it.
        return [format_day(timezone.localdate(obj.published_at)), obj.author.city]
    if kind.model is Event:
        return [obj.get_kind_display(), obj.display_date, obj.host.city]
    return [part for part in (obj.owner.city, obj.theme.name if obj.theme else "") if part]


def _passage(text, stems):
    """The paragraph of a Markdown text where a word of the query is (else None): a snippet shows
    about SNIPPET_WORDS words, so only that paragraph is rendered, not the whole body."""
    return next((paragraph for paragraph, folded in _paragraphs(text) if any(stem in folded for stem in stems)), None)


@functools.lru_cache(maxsize=1024)
def _paragraphs(text):
    """((paragraph, folded), …) of a Markdown text: a pure function of the text, kept in each process as
    its rendered Markdown is, so a hit does not fold its whole body again on every search."""
    paragraphs = [paragraph for paragraph in re.split(r"\n\s*\n", text) if paragraph.strip()] or [text]
    return tuple((paragraph, fold(paragraph)) for paragraph in paragraphs)


def _hit(kind, obj, stems, language):
    """The hit with a snippet from the first field that shows a word of the query (its folded `stems`):
    a body rather than a lead that does not mention it, or else from the first field that has any text."""
    texts = [(field, text) for field in kind.snippet_fields if (text := getattr(obj, field))]
    chosen = next(((field, passage) for field, text in texts if (passage := _passage(text, stems)) is not None), None)
    if chosen is None and texts:
        chosen = texts[0]
    snippet, snippet_lang = "", language
    if chosen is not None:
        field, passage = chosen
        snippet = _snippet(_plain_text(passage), stems)
        snippet_lang = content_language(obj, field, language)
    return Hit(
        obj=obj,
        url=obj.get_absolute_url(),
        meta=_meta(kind, obj),
        snippet=snippet,
        snippet_lang=snippet_lang,
        title=obj.title,
        title_lang=content_language(obj, "title", language),
        page_lang=language,
    )

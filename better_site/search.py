"""Site search over published releases, events and good practices, in the page's language.

Project level, because it spans all three apps. Each kind of result is searched in its translated
fields of the page's language, falling back field by field to English where a translation is
missing: the text searched is the text the visitor sees.

PostgreSQL: full-text search with the language's text search configuration (stemming and stop
words); Estonian has none in PostgreSQL, so it gets 'simple' (exact words, no stemming). Accents are
ignored on both sides (unaccent), so "Nyiregyhaza" finds "Nyíregyháza". Releases and events are
searched on an index: a tsvector per language that the database keeps up to date (a trigger, see
projects' and events' migrations *_i9_search_vectors) with a GIN index, so a search costs about the
same with 10,000 releases as with ten. Practices, a few dozen at most, are searched as they are.
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
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import connections
from django.db.models import Count, F, Func, Q, TextField, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import Event
from practices.models import GoodPractice
from projects.models import PressRelease, plain_values, shown_text_expression
from projects.web import written
from projects.web.cache import cached_markdown
from projects.web.dates import format_day
from projects.web.folding import Folded, fold
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
    # (field, weight, translated?): A counts most, D least.
    fields: tuple
    # Where the snippet comes from, first non-empty wins; Markdown fields are turned into plain text.
    snippet_fields: tuple
    related: tuple
    # Kept by the database per language (PostgreSQL): the translated fields above of the kind itself.
    indexed: bool = False
    # The partner a result belongs to: its city's name finds it too (not part of the indexed vector).
    city_relation: str = ""

    def base_queryset(self):
        queryset = self.model.objects.select_related(*self.related)
        if self.model is PressRelease:
            # Drafts and releases scheduled for later do not exist for visitors.
            queryset = queryset.published()
        return queryset

    def expressions(self, language):
        return [
            (_searched(self.model, field, language) if is_translated else F(field), weight)
            for field, weight, is_translated in self.fields
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
            ("title", "A", True),
            ("lead", "B", True),
            ("body", "C", True),
            ("author__city", "D", True),
        ),
        snippet_fields=("lead", "body"),
        related=("author",),
        indexed=True,
        city_relation="author",
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
        indexed=True,
        city_relation="host",
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
    A constant number of queries whatever the data: on PostgreSQL, the cities the query names, then
    per kind the hits and their count (counted up to COUNT_LIMIT: past that, "more than").
    """
    if full_text is None:
        full_text = uses_full_text()
    words = query_words(query)
    groups = []
    cities = _cities_named(query, language) if full_text else []
    for kind in KINDS:
        if full_text and kind.indexed:
            hits, count, capped = _indexed_hits(kind, query, language, cities, limit, request)
        elif full_text:
            hits, count, capped = _computed_hits(kind, query, language, limit, request)
        else:
            # The number of all matches rides along with the first ones (a window over the whole result).
            hits = list(_plain_matches(kind, words, language).annotate(match_count=Window(Count("pk")))[:limit])
            count, capped = (hits[0].match_count if hits else 0), False
        groups.append(
            Group(
                key=kind.key,
                label=kind.label,
                hits=[_hit(kind, obj, words, language) for obj in hits],
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
    not part of the indexed text). Five rows; its SQL written once per language (see _candidates)."""
    return [pk for (pk,) in written.run(_cities_sql(language), query)]


def _cities_queryset(query, language):
    from projects.models import Partner

    vector = SearchVector(unaccented(translated("city", language)), config=text_search_config(language))
    return plain_values(
        Partner.objects.alias(city_vector=vector).filter(city_vector=_search_query(query, language)), "pk"
    )


@functools.lru_cache(maxsize=16)
def _cities_sql(language):
    return written.write(_cities_queryset(written.TEXT_STAND_IN, language))


def _indexed_hits(kind, query, language, cities, limit, request=None):
    """(hits, count, capped) from the kind's indexed tsvector: the GIN index finds the matches.

    A word found everywhere ("tartu") matches most rows; ranking or counting all of them would cost as
    much as the table is big. So one query reads the newest COUNT_LIMIT + 1 matches with their rank, in
    the list's order from its index: they are counted (past COUNT_LIMIT the page says "more than"),
    and the best hits are those of the newest COUNT_LIMIT (all matches, where there are fewer).
    """
    candidates = _candidates(kind, query, language, cities)
    count = len(candidates)
    # Best first; equal ranks in the usual order of their list (newest first), which is the candidates' order.
    ranked = sorted(candidates[:COUNT_LIMIT], key=lambda candidate: -candidate[1])
    best = [pk for pk, _rank in ranked[:limit]]
    # Then the best `limit` read whole by primary key: each step reads a bounded number of rows.
    found = _hit_rows(kind, best, language, request)
    hits = [found[pk] for pk in best if pk in found]
    return hits, min(count, COUNT_LIMIT), count > COUNT_LIMIT


def _candidates_queryset(kind, query, language, cities):
    """(key, rank) of the newest COUNT_LIMIT + 1 matches, in the list's order from its index."""
    search_query = _search_query(query, language)
    condition = Q(document=search_query)
    if cities:
        condition |= Q(**{f"{kind.city_relation}__in": cities})
    matches = kind.base_queryset().alias(document=indexed_vector(kind, language)).filter(condition)
    ranked = matches.annotate(rank=SearchRank(F("document"), search_query)).order_by(*kind.model._meta.ordering)
    return plain_values(ranked, "pk", "rank")[: COUNT_LIMIT + 1]


def _candidates(kind, query, language, cities):
    """_candidates_queryset's rows. Its SQL depends only on the kind, the language and how many cities
    the query names: it is written once and run with each search's own query, cities and time
    (projects.web.written), which saves most of the time a search takes to put its queries together."""
    return written.run(_candidates_sql(kind.key, language, len(cities)), query, [cities])


@functools.lru_cache(maxsize=128)
def _candidates_sql(key, language, city_count):
    kind = _kind(key)
    cities = written.key_stand_ins(0, city_count)
    return written.write(_candidates_queryset(kind, written.TEXT_STAND_IN, language, cities))


def _kind(key):
    return next(kind for kind in KINDS if kind.key == key)


def _computed_hits(kind, query, language, limit, request):
    """(hits, count, capped) of a kind searched on a vector computed by the query (the practices, a few
    dozen): the best `limit` keys and the number of all matches by SQL written once per language, then
    their rows (_hit_rows)."""
    best = written.run(_computed_sql(kind.key, language, limit), query)
    found = _hit_rows(kind, [pk for pk, _count in best], language, request)
    return [found[pk] for pk, _count in best if pk in found], (best[0][1] if best else 0), False


@functools.lru_cache(maxsize=16)
def _computed_sql(key, language, limit):
    kind = _kind(key)
    search_query = _search_query(written.TEXT_STAND_IN, language)
    matches = (
        kind.model.objects.alias(document=_vector(kind, language))
        .filter(document=search_query)
        .annotate(rank=SearchRank(F("document"), search_query), match_count=Window(Count("pk")))
        # Best first; equal ranks in the usual order of their list.
        .order_by("-rank", *kind.model._meta.ordering)
    )
    return written.write(plain_values(matches, "pk", "match_count")[:limit])


def _hit_rows(kind, keys, language, request):
    """{key: row} of the hits, with their related rows (a city, a theme). With a request, read by SQL
    written once per kind, language and number of hits, the related rows from the site's lookups;
    else by the ORM with joins."""
    if not keys:
        return {}
    if request is None:
        rows = kind.model.objects.filter(pk__in=keys).select_related(*kind.related)
        return {row.pk: row for row in rows.defer(*_other_languages(kind, language))}
    rows = written.instances(kind.model, _hit_rows_sql(kind.key, language, len(keys)), keys=[keys])
    return {row.pk: row for row in attach_site_rows(request, list(rows), *kind.related)}


@functools.lru_cache(maxsize=128)
def _hit_rows_sql(key, language, count):
    kind = _kind(key)
    stand_ins = written.key_stand_ins(0, count)
    return written.write(
        kind.model.objects.filter(pk__in=stand_ins).defer(*_other_languages(kind, language)), has_text=False
    )


def _other_languages(kind, language):
    """The translated columns of languages a hit does not show (its own and English are shown)."""
    shown = {language, DEFAULT_LANGUAGE}
    return [
        f"{field}_{code}"
        for field, _weight, is_translated in kind.fields
        if is_translated and "__" not in field
        for code in LANGUAGE_CODES
        if code not in shown
    ]


def _vector(kind, language):
    """The kind's weighted tsvector of `language`, as an expression on its fields (and its joins)."""
    config = text_search_config(language)
    return functools.reduce(
        operator.add,
        (
            SearchVector(unaccented(expression), config=config, weight=weight)
            for expression, weight in kind.expressions(language)
        ),
    )


def _plain_matches(kind, words, language):
    if not words:
        return kind.base_queryset().none()
    # Both sides folded (projects.web.folding): "Nyiregyhaza" finds "Nyíregyháza" here too.
    names = {
        f"_search_{index}": Folded(expression) for index, (expression, _weight) in enumerate(kind.expressions(language))
    }
    condition = Q()
    for word in words:
        condition &= functools.reduce(operator.or_, (Q(**{f"{name}__contains": fold(word)}) for name in names))
    return kind.base_queryset().alias(**names).filter(condition)


# --- presenting a hit -------------------------------------------------------------------------------------------


def _field_language(obj, field, language):
    if hasattr(obj, "text_language"):  # a release says which language it shows
        return obj.text_language(field, language) or language
    return language if getattr(obj, f"{field}_{language}", None) else DEFAULT_LANGUAGE


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


def _snippet(text, words):
    """About SNIPPET_WORDS words of `text` where the query's words are, with those words in <mark>."""
    tokens = text.split()
    stems = tuple(fold(_stem(word)) for word in words)
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
    # The words between two matches escaped in one piece (the standard library's escape, as Django's
    # does it, without Django's lazy-string wrapper), each match highlighted.
    parts, rest = [], start
    for index in matched[bisect.bisect_left(matched, start) : bisect.bisect_left(matched, end)]:
        if rest < index:
            parts.append(html.escape(" ".join(tokens[rest:index])))
        parts.append(_marked(tokens[index]))
        rest = index + 1
    if rest < end:
        parts.append(html.escape(" ".join(tokens[rest:end])))
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
    return f"{html.escape(lead)}<mark>{html.escape(word)}</mark>{html.escape(trail)}"


def _meta(kind, obj):
    if kind.model is PressRelease:
        # In the site's time zone, as the news pages show it.
        return [format_day(timezone.localdate(obj.published_at)), obj.author.city]
    if kind.model is Event:
        return [obj.get_kind_display(), obj.display_date, obj.host.city]
    return [part for part in (obj.owner.city, obj.theme.name if obj.theme else "") if part]


def _passage(text, stems):
    """The paragraph of a Markdown text where a word of the query is (else the first): a snippet shows
    about SNIPPET_WORDS words, so only that paragraph is rendered, not the whole body."""
    paragraphs = [paragraph for paragraph in re.split(r"\n\s*\n", text) if paragraph.strip()] or [text]
    return next((paragraph for paragraph in paragraphs if any(stem in fold(paragraph) for stem in stems)), None)


def _hit(kind, obj, words, language):
    """The hit with a snippet from the first field that shows a word of the query (a body rather than a
    lead that does not mention it), or else from the first field that has any text."""
    stems = [fold(_stem(word)) for word in words]
    fields = [field for field in kind.snippet_fields if getattr(obj, field)]
    chosen = next(
        ((field, passage) for field in fields if (passage := _passage(getattr(obj, field), stems)) is not None),
        None,
    )
    if chosen is None and fields:
        chosen = (fields[0], getattr(obj, fields[0]))
    snippet, snippet_lang = "", language
    if chosen is not None:
        field, passage = chosen
        snippet = _snippet(_plain_text(passage), words)
        snippet_lang = _field_language(obj, field, language)
    return Hit(obj=obj, url=obj.get_absolute_url(), meta=_meta(kind, obj), snippet=snippet, snippet_lang=snippet_lang)

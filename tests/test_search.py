"""Site search /<lang>/search/?q=: releases, events and practices in the page's language.

PostgreSQL full-text search runs in the normal suite (the test database is PostgreSQL); the plain
fallback that SQLite gets is run here too, by asking for it and by faking the database vendor.
"""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from better_site import search as search_module
from better_site.search import MAX_QUERY_LENGTH, RESULTS_PER_KIND, search, text_search_config
from events.factories import EventFactory
from practices.factories import GoodPracticeFactory, ThemeFactory
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from tests.helpers.samples import ET_SAMPLE

pytestmark = pytest.mark.django_db


def search_url(language):
    with translation.override(language):
        return reverse("search")


def get(client, language, query):
    return client.get(search_url(language), {"q": query})


def titles(results, key):
    group = next(group for group in results.groups if group.key == key)
    return [hit.obj.title for hit in group.hits]


# --- what is found ----------------------------------------------------------------------------------------------


def test_city_name_in_english_finds_its_practices_and_study_visit(client, demo):
    response = get(client, "en", "Genoa")

    assert response.status_code == 200
    results = response.context["results"]
    assert results.full_text
    assert {"Digital Citizen Folder", "Segnalaci", "Platform for Labour Policies"} <= set(titles(results, "practices"))
    assert "Study visit to Genoa" in titles(results, "events")
    page = response.content.decode()
    assert 'href="/en/practices/digital-citizen-folder/"' in page
    assert 'href="/en/events/study-visit-genoa-2021-07-17/"' in page


def test_practice_is_found_by_its_theme_and_city_names_as_renamed(client):
    # A practice's kept search vector holds its city's and theme's names (practices 0005); renaming
    # either renews it, through the whole table and in each language (Hungarian falls back to English).
    owner = PartnerFactory(city_en="Gavle old", slug="gavle")
    theme = ThemeFactory(name_en="Paperless permits")
    GoodPracticeFactory(title_en="Kiosk", owner=owner, theme=theme, slug="kiosk")

    assert titles(get(client, "en", "paperless").context["results"], "practices") == ["Kiosk"]

    theme.name_en = "Digital signatures"
    theme.save()
    owner.city_en = "Gävle"
    owner.city_hu = "Gävle városa"
    owner.save()

    assert titles(get(client, "en", "paperless").context["results"], "practices") == []
    assert titles(get(client, "en", "signatures").context["results"], "practices") == ["Kiosk"]
    assert titles(get(client, "en", "Gavle").context["results"], "practices") == ["Kiosk"]
    assert titles(get(client, "hu", "városa").context["results"], "practices") == ["Kiosk"]
    assert titles(get(client, "hu", "signatures").context["results"], "practices") == ["Kiosk"]


def test_hungarian_word_finds_the_hungarian_release_through_stemming(client, demo):
    # The title says "szakaszt" (accusative); the Hungarian configuration reduces both to "szakasz".
    response = get(client, "hu", "szakasz")

    assert response.status_code == 200
    assert titles(response.context["results"], "releases") == ["A BETTER lezárja az I. szakaszt"]
    assert "A BETTER lezárja az I. szakaszt" in response.content.decode()


def test_estonian_search_without_stemmer_still_finds_exact_words(client, demo):
    # PostgreSQL has no Estonian configuration: 'simple' matches words as written, so "etappi" finds
    # "BETTER astub teise etappi" and not the release that only says "etapi" and "etapp".
    assert text_search_config("et") == "simple"

    exact = get(client, "et", "etappi")
    other_form = get(client, "et", "etapi")

    assert titles(exact.context["results"], "releases") == ["BETTER astub teise etappi"]
    assert "BETTER lõpetab I etapi" in titles(other_form.context["results"], "releases")
    assert "BETTER astub teise etappi" not in titles(other_form.context["results"], "releases")


def test_languages_with_postgresql_configurations_use_them():
    assert [text_search_config(code) for code in ("en", "hu", "it", "sv", "et")] == [
        "english",
        "hungarian",
        "italian",
        "swedish",
        "simple",
    ]


def test_english_stemming_matches_other_forms_of_a_word(client, demo):
    response = get(client, "en", "visits")

    assert "Study visit to Genoa" in titles(response.context["results"], "events")


def test_release_without_translation_is_found_by_its_english_text_and_marked_english(client):
    PressReleaseFactory(title_en="Gävle opens a citizen lab", lead_en="A laboratory for citizens.", slug="lab")

    response = get(client, "hu", "laboratory")

    assert titles(response.context["results"], "releases") == ["Gävle opens a citizen lab"]
    page = response.content.decode()
    assert '<a href="/hu/news/lab/" lang="en">Gävle opens a citizen lab</a>' in page
    assert re.search(r'<p class="search-hit__snippet" lang="en">A <mark>laboratory</mark> for citizens\.</p>', page)


def test_translated_release_is_searched_in_the_visitors_language_not_in_english(client):
    PressReleaseFactory(
        title_en="Budget approved",
        body_en="The council approved the budget.",
        title_hu="Elfogadták a költségvetést",
        body_hu="A közgyűlés elfogadta a költségvetést.",
    )

    english_word = get(client, "hu", "council")
    hungarian_word = get(client, "hu", "közgyűlés")

    assert english_word.context["results"].total == 0
    assert titles(hungarian_word.context["results"], "releases") == ["Elfogadták a költségvetést"]


def test_drafts_and_scheduled_releases_are_never_found(client):
    PressReleaseFactory(title_en="Secret draft zeppelin", status=PressRelease.Status.DRAFT, published_at=None)
    PressReleaseFactory(
        title_en="Scheduled zeppelin", published_at=timezone.now() + datetime.timedelta(days=2), slug="later"
    )
    PressReleaseFactory(title_en="Public zeppelin", slug="public")

    response = get(client, "en", "zeppelin")

    assert titles(response.context["results"], "releases") == ["Public zeppelin"]
    assert "Secret draft" not in response.content.decode()
    assert "Scheduled zeppelin" not in response.content.decode()


def test_search_sql_written_once_runs_with_each_searchs_own_words_cities_and_time(client, monkeypatch):
    # The SQL of each kind is written once and kept (search._full_text_sql): nothing of a first search
    # may stay in it, neither its words, nor its cities, nor the time it ran at.
    tartu = PartnerFactory(city_en="Tartu", slug="tartu")
    genoa = PartnerFactory(city_en="Genoa", slug="genoa")
    PressReleaseFactory(
        title_en="Harbour zeppelin",
        author=genoa,
        slug="later",
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    PressReleaseFactory(title_en="Council meets", author=tartu, slug="council")
    with translation.override("en"):
        assert titles(search("zeppelin", "en"), "releases") == []
        assert titles(search("tartu", "en"), "releases") == ["Council meets"]

        later = timezone.now() + datetime.timedelta(hours=2)
        monkeypatch.setattr(timezone, "now", lambda: later)

        assert titles(search("zeppelin", "en"), "releases") == ["Harbour zeppelin"]
        assert titles(search("genoa", "en"), "releases") == ["Harbour zeppelin"]
        assert titles(search("o'brien'); drop table projects_pressrelease; --", "en"), "releases") == []
    assert PressRelease.objects.count() == 2


def test_results_are_grouped_by_kind_with_counts_and_links(client):
    partner = PartnerFactory(city_en="Tartu", slug="tartu")
    PressReleaseFactory(title_en="Tartu hackathon results", author=partner, slug="hack")
    EventFactory(title_en="Hackathon in Tartu", host=partner, slug="hack-event")
    GoodPracticeFactory(title_en="Hackathon method", owner=partner, slug="hack-practice")

    response = get(client, "en", "hackathon")

    results = response.context["results"]
    assert [(group.key, group.count) for group in results.groups] == [("releases", 1), ("events", 1), ("practices", 1)]
    assert results.total == 3
    page = response.content.decode()
    assert "3 results for “hackathon”" in page
    assert '<h2 id="results-releases">News <span class="search-group__count">(1)</span></h2>' in page
    assert 'href="/en/news/hack/"' in page
    assert 'href="/en/events/hack-event/"' in page
    assert 'href="/en/practices/hack-practice/"' in page


def test_more_hits_than_shown_says_how_many_there_are(client):
    owner = PartnerFactory()
    for number in range(RESULTS_PER_KIND + 5):
        GoodPracticeFactory(title_en=f"Open data practice {number}", owner=owner, theme=None)

    response = get(client, "en", "open data")

    group = response.context["results"].groups[2]
    assert (group.count, len(group.hits)) == (RESULTS_PER_KIND + 5, RESULTS_PER_KIND)
    assert f"The best {RESULTS_PER_KIND} of {RESULTS_PER_KIND + 5} are shown." in response.content.decode()


def test_nothing_found_says_so(client, demo):
    response = get(client, "en", "xylophone")

    assert response.status_code == 200
    assert response.context["results"].total == 0
    assert "0 results for “xylophone”" in response.content.decode()
    assert "Nothing matches all of these words." in response.content.decode()


def test_snippet_escapes_content_and_marks_the_words(client):
    GoodPracticeFactory(title_en="Safe practice", summary_en='Open <script>alert("x")</script> data for all.')

    response = get(client, "en", "open")

    page = response.content.decode()
    assert "<script>alert" not in page
    assert "<mark>Open</mark>" in page


def test_snippet_escapes_the_words_between_marks(client):
    GoodPracticeFactory(title_en="Forms", summary_en='Open forms & "open" data: 3 < 4 and open <i>services</i>.')

    response = get(client, "en", "open")

    page = response.content.decode()
    assert (
        "<mark>Open</mark> forms &amp; &quot;<mark>open</mark>&quot; data: 3 &lt; 4 and <mark>open</mark> services."
    ) in page


# --- the query itself -------------------------------------------------------------------------------------------


def test_empty_query_shows_the_form_with_a_hint(client):
    for query in (None, "", "   "):
        response = client.get(search_url("en"), {} if query is None else {"q": query})

        assert response.status_code == 200
        page = response.content.decode()
        assert '<input type="search" id="search-q" name="q"' in page
        assert "Type a word or two" in page
        assert "results" not in response.context


def test_over_long_query_answers_400_with_the_reason(client):
    response = get(client, "en", "a" * (MAX_QUERY_LENGTH + 1))

    assert response.status_code == 400
    page = response.content.decode()
    assert f"Search for at most {MAX_QUERY_LENGTH} characters; this search has {MAX_QUERY_LENGTH + 1}." in page
    assert 'aria-invalid="true"' in page


def test_query_of_maximum_length_is_searched(client):
    response = get(client, "en", "b" * MAX_QUERY_LENGTH)

    assert response.status_code == 200
    assert response.context["results"].total == 0


@pytest.mark.parametrize(
    "query",
    [
        '"digital citizen',
        "digital & | ! : * ( )",
        "!!!",
        "'; DROP TABLE projects_pressrelease; --",
        "1' OR '1'='1",
        "a\x00b",
        "\x00",
        "-",
        "or",
        "the and of",
        "Nyíregyháza ✓ 😀 日本語",
        "<script>alert(1)</script>",
        "a:*",
        "\\",
        "%",
        "_",
    ],
)
@pytest.mark.parametrize("language", ["en", "et", "hu"])
def test_odd_query_answers_a_page_never_an_error(client, language, query):
    GoodPracticeFactory(title_en="Digital Citizen Folder", summary_en="A folder for every citizen.")

    response = get(client, language, query)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_nul_byte_is_dropped_rather_than_refused(client):
    GoodPracticeFactory(title_en="Digital Citizen Folder")

    response = client.get(search_url("en") + "?q=Digital%00")

    assert response.status_code == 200
    assert titles(response.context["results"], "practices") == ["Digital Citizen Folder"]
    assert "\x00" not in response.content.decode()


def test_header_search_form_is_on_every_page_and_leads_to_search(client):
    response = client.get(reverse("projects:home"))

    page = response.content.decode()
    assert '<form class="site-search" role="search" method="get" action="/en/search/"' in page
    assert '<label for="site-search-q" class="visually-hidden">' in page
    assert '<input type="search" id="site-search-q" name="q"' in page


def test_search_pages_run_a_constant_number_of_queries(client):
    def queries_for(size):
        owner = PartnerFactory()
        for number in range(size):
            PressReleaseFactory(title_en=f"Water report {size}-{number}", author=owner)
            EventFactory(title_en=f"Water event {size}-{number}", host=owner)
            GoodPracticeFactory(title_en=f"Water practice {size}-{number}", owner=owner)
        with CaptureQueriesContext(connection) as context:
            response = get(client, "en", f"water {size}")
        assert response.status_code == 200
        return len(context.captured_queries)

    assert queries_for(3) == queries_for(30)


# --- the fallback without PostgreSQL ----------------------------------------------------------------------------


def test_plain_fallback_finds_words_anywhere_in_the_translated_fields(demo):
    with translation.override("en"):
        results = search("genoa", "en", full_text=False)

    assert not results.full_text
    assert "Digital Citizen Folder" in titles(results, "practices")
    assert "Study visit to Genoa" in titles(results, "events")


def test_plain_fallback_needs_every_word_and_uses_the_visitors_language(demo):
    with translation.override("hu"):
        both = search("lezárja szakaszt", "hu", full_text=False)
        one_missing = search("lezárja xylophone", "hu", full_text=False)
        english_word = search("closes", "hu", full_text=False)

        assert titles(both, "releases") == ["A BETTER lezárja az I. szakaszt"]
        assert one_missing.total == 0
        # The Hungarian version is what a Hungarian visitor sees, so its English title is not searched.
        assert "A BETTER lezárja az I. szakaszt" not in titles(english_word, "releases")


def test_plain_fallback_ignores_accents(demo):
    with translation.override("hu"):
        results = search("lezarja szakaszt", "hu", full_text=False)

        assert titles(results, "releases") == ["A BETTER lezárja az I. szakaszt"]
    with translation.override("en"):
        assert search("Nyiregyhaza", "en", full_text=False).total > 0


def test_plain_fallback_ignores_query_syntax(demo):
    with translation.override("en"):
        results = search('"Digital & Citizen!" or (folder)', "en", full_text=False)
        nothing = search("&|!:*()", "en", full_text=False)

    assert titles(results, "practices") == ["Digital Citizen Folder"]
    assert nothing.total == 0


def test_database_without_postgresql_gets_the_plain_fallback(monkeypatch, demo):
    assert search_module.uses_full_text()
    # Any other database: full-text SQL would fail there. (SQLite's own path, `make run`, is run
    # for real by test_smoke_sqlite, accents included.)
    monkeypatch.setattr(connections["default"], "vendor", "other")

    with translation.override("en"):
        results = search("Genoa", "en")

    assert not search_module.uses_full_text()
    assert not results.full_text
    assert "Study visit to Genoa" in titles(results, "events")


# --- on an index, without accents ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "query", "fields", "title"),
    [
        ("en", "Nyiregyhaza", {"title_en": "Digital desk opens in Nyíregyháza"}, "Digital desk opens in Nyíregyháza"),
        ("sv", "Gavle", {"title_sv": "Digitalt möte i Gävle", "body_sv": "Text."}, "Digitalt möte i Gävle"),
        # Unaccented and stemmed: "fázist" (accusative) and "fazis" meet in the Hungarian stem.
        (
            "hu",
            "fazis",
            {"title_hu": "A BETTER lezárja az I. fázist", "body_hu": "Szöveg."},
            "A BETTER lezárja az I. fázist",
        ),
        ("et", "kokkuvote", {"title_et": "Esimese etapi kokkuvõte", "body_et": "Tekst."}, "Esimese etapi kokkuvõte"),
    ],
)
def test_query_without_accents_finds_the_accented_words(client, language, query, fields, title):
    # The lead says it too, in the same language: the snippet shows it.
    PressReleaseFactory(**fields, **{f"lead_{language}": f"{title}."})
    PressReleaseFactory(title_en="Unrelated news", title_sv="Annat", body_sv="Text.")

    response = get(client, language, query)

    assert titles(response.context["results"], "releases") == [title]
    # The word is highlighted in the text as written, accents and all.
    marked = re.findall(r"<mark>(.*?)</mark>", response.content.decode())
    assert len(marked) == 1 and marked[0] in title


def test_query_without_accents_finds_events_of_the_city_by_its_name(client):
    gavle = PartnerFactory(city_en="Gävle", city_sv="Gävle", slug="gavle")
    EventFactory(title_en="Workshop on open data", host=gavle)

    response = get(client, "en", "gavle")

    assert titles(response.context["results"], "events") == ["Workshop on open data"]


def test_indexed_vectors_follow_edits_of_the_text(client):
    release = PressReleaseFactory(title_en="Old heading about bicycles")
    release.title_en = "New heading about tramways"
    release.save()
    PressRelease.objects.filter(pk=release.pk).update(lead_en="Now with gondolas.")

    assert titles(get(client, "en", "tramways").context["results"], "releases") == ["New heading about tramways"]
    assert titles(get(client, "en", "gondolas").context["results"], "releases") == ["New heading about tramways"]
    assert get(client, "en", "bicycles").context["results"].total == 0


def test_search_uses_the_gin_index_of_the_page_language():
    PressReleaseFactory.create_batch(3)
    query = search_module._search_query("tartu", "hu")
    matches = PressRelease.objects.alias(document=search_module.indexed_vector(search_module.KINDS[0], "hu")).filter(
        document=query
    )
    matches = matches.order_by()  # the filter alone: an ordered query may walk the list's own index instead
    with connection.cursor() as cursor:
        # Few rows: the planner would rather read them all; the question is whether it can use the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = matches.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "projects_pressrelease_search_hu_gin" in plan


def test_very_many_matches_are_counted_up_to_a_limit_and_said_so(client, monkeypatch):
    monkeypatch.setattr(search_module, "COUNT_LIMIT", 3)
    for number in range(6):
        PressReleaseFactory(
            title_en=f"Harbour report {number}", published_at=timezone.now() - datetime.timedelta(hours=number + 1)
        )

    response = get(client, "en", "harbour")

    results = response.context["results"]
    group = next(group for group in results.groups if group.key == "releases")
    assert (group.count, group.capped) == (3, True)
    # Ranked among the newest matches; all equally good here, so newest first.
    assert titles(results, "releases") == ["Harbour report 0", "Harbour report 1", "Harbour report 2"]
    page = response.content.decode()
    assert "More than 3 results for “harbour”" in page
    assert "The best 3 of 3+ are shown." in page


def test_real_estonian_release_is_found_in_its_table_without_accents_and_shown_as_plain_words(client):
    # Tartu's real release (../shared/press-release-samples), imported as a coordinator imports it: its
    # tab-separated table of events becomes a Markdown table. "Ungari" (Hungary) is only in a row of
    # that table ("Nyíregyháza, Ungari"); the snippet shows the row's words, not table pipes or tabs,
    # and the emphasis marks of its other paragraphs are gone.
    PartnerFactory(slug="tartu", city_en="Tartu", language="et")
    call_command("import_press_releases", str(ET_SAMPLE), language="et", partner="tartu", stdout=StringIO())
    release = PressRelease.objects.get()
    release.status = PressRelease.Status.PUBLISHED
    release.published_at = timezone.now() - datetime.timedelta(hours=1)
    release.save()

    response = get(client, "et", "ungari")

    assert titles(response.context["results"], "releases") == ["BETTER on sisenemas teise etappi"]
    page = response.content.decode()
    item = re.search(r'<li class="search-hit">.*?</li>', page, re.S).group(0)
    assert f'href="{release.get_absolute_url()}"' in item
    assert "Nyíregyháza, <mark>Ungari</mark> (virtuaalne seminar" in item
    assert "|" not in item and "\t" not in item and "*" not in item
    assert "lang=" not in item  # Estonian text on the Estonian page

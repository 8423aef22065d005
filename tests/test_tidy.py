"""Real release text → the site's Markdown (projects.backoffice.tidy), on the two real samples and
on crafted inputs for every rule."""

import datetime
import html
import re

import pytest

from projects.backoffice.tidy import tidy_text
from projects.web.markdown import render_markdown
from tests.helpers.samples import EN_SAMPLE, ET_SAMPLE


def _sample(path):
    return path.read_text(encoding="utf-8")


def _words(text):
    return re.findall(r"\w+", text)


def _text_of(markup):
    """The words a reader sees: tags and Markdown link targets left out, entities decoded."""
    markup = re.sub(r"\]\([^)]*\)", "]", markup)
    return html.unescape(re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?=[\s/>])[^>]*>", " ", markup))


def _rows(rendered):
    """The rendered table's rows, each a list of (cell text, [list items])."""
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", rendered, re.DOTALL):
        cells = []
        for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL):
            items = [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", cell, re.DOTALL)]
            text = html.unescape(re.sub(r"<ul>.*?</ul>", "", cell, flags=re.DOTALL)).strip()
            cells.append((text, items))
        rows.append(cells)
    return rows


# The English sample: a table whose cells hold unclosed <ul style=…> lists with items run together.


def test_english_sample_title_is_its_first_line():
    tidied = tidy_text(_sample(EN_SAMPLE), "en")
    assert tidied.title == "BETTER is to adopt good practices"
    assert "BETTER is to adopt good practices" not in tidied.body


def test_english_sample_table_has_its_rows_cells_and_lists():
    tidied = tidy_text(_sample(EN_SAMPLE), "en")
    rows = _rows(render_markdown(tidied.body))
    assert rows[0] == [("Dates", []), ("Good practices examined", []), ("Participants", [])]
    assert len(rows) == 4
    assert rows[1] == [
        ("17 July 2021", []),
        (
            "",
            [
                'Digital services to citizens - "Digital Citizen Folder" - "Segnalaci"',
                'Digital services to enterprises – "Platform for Labour Policies"',
                'Security and resilience - "Technological update of the local Police operation Center" '
                '& "Rain and hydrometric level data digital model"',
            ],
        ),
        ("Host: Genoa Visitors: Birmingham; Gävle; Nyíregyháza", []),
    ]
    assert rows[2][0] == ("13 September 2021", [])
    assert rows[2][1][1] == [
        "Lego education innovation studio - possibilities of using LEGO® tools for educational and talent "
        "development purposes",
        "Digital tree – Innovation Habitat - developing a culture of skills related to Big Data, Machine Learning "
        "and Data Science",
    ]
    assert rows[3][0] == ("27 October 2021", [])
    assert len(rows[3][1][1]) == 2
    assert rows[3][2] == ("Host: Gävle Visitors: Tartu; Birmingham; Genoa; Nyíregyháza", [])


def test_english_sample_cells_keep_no_attribute():
    body = tidy_text(_sample(EN_SAMPLE), "en").body
    assert "style" not in body
    assert "list-style-type" not in body


def test_english_sample_renders_without_nesting_the_rest_of_the_page():
    rendered = render_markdown(tidy_text(_sample(EN_SAMPLE), "en").body)
    after_table = rendered.split("</table>", 1)[1]
    assert "<ul>" not in after_table and "</ul>" not in after_table
    assert re.match(r"</div>\s*<p>While in earlier stages", after_table)


def test_english_sample_paragraphs_are_kept_apart():
    body = tidy_text(_sample(EN_SAMPLE), "en").body
    paragraphs = [block for block in body.split("\n\n") if not block.startswith("<table>")]
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("BETTER is gradually turning") and paragraphs[0].endswith("as follows:")
    assert paragraphs[2].startswith("This process will be done through 'Import workshops'")


def test_english_sample_end_boilerplate_is_removed_and_reported():
    tidied = tidy_text(_sample(EN_SAMPLE), "en")
    assert "Follow us on:" in tidied.removed
    assert "Follow us" not in tidied.body
    # The sentence before it keeps its words; the empty link keeps its text.
    assert tidied.body.endswith("For more information, please visit our website.")
    assert "(#)" not in tidied.body


def test_english_sample_loses_no_word_but_the_boilerplate():
    source = _sample(EN_SAMPLE)
    tidied = tidy_text(source, "en")
    kept = set(_words(tidied.title + " " + _text_of(tidied.body)))
    removed = set(_words(" ".join(tidied.removed)))
    lost = [word for word in _words(_text_of(source)) if word not in kept and word not in removed]
    assert lost == []


# The Estonian sample: a tab-separated table, bare e-mail and autolinks, a dangling "või jälgige meid".


def test_estonian_sample_title_is_its_first_line():
    tidied = tidy_text(_sample(ET_SAMPLE), "et")
    assert tidied.title == "BETTER on sisenemas teise etappi"
    assert not tidied.body.startswith("BETTER on sisenemas")


def test_estonian_sample_table_has_its_rows_and_cells():
    tidied = tidy_text(_sample(ET_SAMPLE), "et")
    rows = _rows(render_markdown(tidied.body))
    assert [[text for text, _items in row] for row in rows] == [
        ["Kuupäev", "Teema", "Korraldaja"],
        [
            "Oktoober 2019",
            "Füüsiline ja virtuaalne infrastruktuur/vahendid, mis toetavad innovatsiooni",
            "Gävle, Rootsi",
        ],
        ["Jaanuar 2020", "Uute innovaatiliste toodete ja teenuste arendamine ja rakendamine", "Tartu"],
        [
            "Juuni 2020",
            "Protsessid, mis toetavad uusi ärimudeleid, töötamist üle era- ja avaliku sektori ning koostööd elanikega",
            "Birmingham, Suurbritannia (virtuaalne seminar, salvestised avalikult kättesaadavad)",
        ],
        [
            "November 2020",
            "Inimesed ja oskused, mis paneb innovatsiooni toimima",
            "Nyíregyháza, Ungari (virtuaalne seminar, salvestised avalikult kättesaadavad)",
        ],
    ]


def test_estonian_sample_paragraphs_and_links():
    tidied = tidy_text(_sample(ET_SAMPLE), "et")
    paragraphs = [block for block in tidied.body.split("\n\n") if not block.startswith("|")]
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("BETTER on *Interreg Europe* projekt, kus koos **Tartu linnaga**")
    assert "[anneli.saalik@tartu.ee](mailto:anneli.saalik@tartu.ee)" in paragraphs[3]
    assert paragraphs[3].endswith(
        "külastage <https://www.interregeurope.eu/better/> või <https://www.tartu.ee/et/projekt-better>."
    )


def test_estonian_sample_dangling_follow_phrase_is_removed_and_reported():
    tidied = tidy_text(_sample(ET_SAMPLE), "et")
    assert tidied.removed == ["või jälgige meid"]
    assert "jälgige" not in tidied.body


def test_estonian_sample_loses_no_word_or_letter_but_the_boilerplate():
    source = _sample(ET_SAMPLE)
    tidied = tidy_text(source, "et")
    kept = set(_words(tidied.title + " " + _text_of(tidied.body)))
    removed = set(_words(" ".join(tidied.removed)))
    lost = [word for word in _words(source) if word not in kept and word not in removed]
    assert lost == []
    for letter in "õäöüÕÄÖÜőű":
        assert source.count(letter) == (tidied.title + tidied.body + "".join(tidied.removed)).count(letter)


def test_samples_propose_no_date_from_dates_inside_sentences_and_tables():
    assert tidy_text(_sample(EN_SAMPLE), "en").proposed_date is None
    assert tidy_text(_sample(ET_SAMPLE), "et").proposed_date is None


# Crafted inputs, one rule each


def test_title_loses_heading_marks_and_emphasis():
    tidied = tidy_text("\n\n  # **Zárul a BETTER első fázisa** \n\nSzöveg.", "hu")
    assert tidied.title == "Zárul a BETTER első fázisa"
    assert tidied.body == "Szöveg."


def test_setext_title_underline_is_dropped():
    tidied = tidy_text("The title\n=========\n\nText.", "en")
    assert (tidied.title, tidied.body) == ("The title", "Text.")


def test_lone_press_release_label_above_title_is_removed():
    tidied = tidy_text("Pressiteade\n\nTartu võõrustab\n\nTekst.", "et")
    assert tidied.title == "Tartu võõrustab"
    assert tidied.removed == ["Pressiteade"]


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    text = (
        "Title\n\nThe partners met in\n   Genoa to examine   \n\tdigital services.\n \n\t\n\n\n"
        "A second paragraph\nstarts here.\n"
    )
    assert tidy_text(text, "en").body == (
        "The partners met in Genoa to examine digital services.\n\nA second paragraph starts here."
    )


PDF_COPY = """Zárul a BETTER első fázisa

Nyíregyháza, 2022. június

A BETTER projekt partnerei 2021. július 17-én

Genovában találkoztak, ahol a digitális

szolgáltatásokat vizsgálták. Ez volt az első

tanulmányút.

Háttér

A projekt öt városa e-kormányzati megoldásokat

fejleszt, és a tapasztalatokat megosztja.

A következő lépés az import-

műhelyek sorozata lesz.
"""


def test_pdf_copy_with_a_blank_line_after_every_printed_line_becomes_clean_paragraphs():
    tidied = tidy_text(PDF_COPY, "hu")
    assert tidied.body.split("\n\n") == [
        "Nyíregyháza, 2022. június",
        "A BETTER projekt partnerei 2021. július 17-én Genovában találkoztak, ahol a digitális "
        "szolgáltatásokat vizsgálták. Ez volt az első tanulmányút.",
        "Háttér",
        "A projekt öt városa e-kormányzati megoldásokat fejleszt, és a tapasztalatokat megosztja.",
        # Line-end hyphenation is not guessed at: the hyphen and the word both stay.
        "A következő lépés az import- műhelyek sorozata lesz.",
    ]
    assert tidied.proposed_date == datetime.date(2022, 6, 1)


def test_pdf_copy_renders_its_ordinal_dates_as_text():
    rendered = render_markdown(tidy_text(PDF_COPY, "hu").body)
    assert "<ol" not in rendered
    assert "<p>Nyíregyháza, 2022. június" in rendered


def test_blank_line_after_a_sentence_is_a_real_paragraph_break_in_a_double_spaced_copy():
    text = "T\n\nOne sentence ends here.\n\nAnother starts.\n\nAnd one more line\n\nthat continues."
    assert tidy_text(text, "en").body.split("\n\n") == [
        "One sentence ends here.",
        "Another starts.",
        "And one more line that continues.",
    ]


def test_single_spaced_text_keeps_a_paragraph_break_after_an_open_line():
    # Not a double-spaced copy: here a blank line always ends the paragraph.
    text = "T\n\nBackground\nof the project\n\nthe cities meet.\nThey learn."
    assert tidy_text(text, "en").body.split("\n\n") == ["Background of the project", "the cities meet. They learn."]


def test_tab_separated_block_becomes_a_table_with_a_header_row():
    text = "T\n\nIntro:\nWhen\tWhere\nMay 2021\tTartu | Town hall\nJune 2021\tGävle\n\nAfter."
    body = tidy_text(text, "en").body
    assert body.split("\n\n") == [
        "Intro:",
        "| When | Where |\n| --- | --- |\n| May 2021 | Tartu \\| Town hall |\n| June 2021 | Gävle |",
        "After.",
    ]
    rows = _rows(render_markdown(body))
    assert [[text for text, _ in row] for row in rows] == [
        ["When", "Where"],
        ["May 2021", "Tartu | Town hall"],
        ["June 2021", "Gävle"],
    ]


def test_short_table_rows_are_padded_to_the_widest():
    body = tidy_text("T\n\na\tb\tc\n1\t2", "en").body
    assert body.endswith("| 1 | 2 |   |")


def test_html_in_a_cell_is_cleaned_inside_that_cell():
    text = (
        'T\n\nName\tNotes\n<b style="color:red">Tartu</b>\t<span class="x">old <i>town</i></span>\n'
        'Genoa\t<ul class="a"><li style="x">one</li><li>two</li></ul>\n\nAfter the table.'
    )
    body = tidy_text(text, "en").body
    assert "style" not in body and "class" not in body and "span" not in body
    rendered = render_markdown(body)
    rows = _rows(rendered)
    assert rows[1] == [("<strong>Tartu</strong>", []), ("old <em>town</em>", [])]
    assert rows[2] == [("Genoa", []), ("", ["one", "two"])]
    assert rendered.rstrip().endswith("</table></div>\n\n<p>After the table.</p>")


def test_unclosed_list_with_run_together_items_in_a_cell_becomes_a_list_in_that_cell():
    text = 'T\n\nA\tB\n<ul style="list-style-type: none">- first item- second - with a dash- third\tnext cell\n\nAfter.'
    rows = _rows(render_markdown(tidy_text(text, "en").body))
    assert rows[1] == [("", ["first item", "second - with a dash", "third"]), ("next cell", [])]


def test_bold_italics_and_links_are_kept():
    body = tidy_text("T\n\nSome **bold**, *italic* and [a link](https://example.org/x).", "en").body
    assert body == "Some **bold**, *italic* and [a link](https://example.org/x)."


def test_bare_urls_and_emails_become_links():
    body = tidy_text(
        "T\n\nSee https://www.tartu.ee/et/projekt-better, www.better.eu or write to anneli.saalik@tartu.ee.", "et"
    ).body
    assert body == (
        "See <https://www.tartu.ee/et/projekt-better>, [www.better.eu](https://www.better.eu) "
        "or write to [anneli.saalik@tartu.ee](mailto:anneli.saalik@tartu.ee)."
    )
    rendered = render_markdown(body)
    assert 'href="mailto:anneli.saalik@tartu.ee"' in rendered
    assert 'href="https://www.tartu.ee/et/projekt-better"' in rendered


def test_urls_already_in_links_are_left_alone():
    text = "T\n\n[site](https://a.example/x) and <https://b.example/> and mail [me](mailto:me@x.ee)."
    assert tidy_text(text, "en").body == text.split("\n\n", 1)[1]


@pytest.mark.parametrize(
    "source",
    ["[our website]()", "[our website](#)", "[our website]( # )", '<a href="#">our website</a>', "<a>our website</a>"],
)
def test_link_with_empty_or_hash_target_keeps_only_its_text(source):
    assert tidy_text(f"T\n\nVisit {source} today.", "en").body == "Visit our website today."


@pytest.mark.parametrize(
    ("ending", "language"),
    [
        ("Follow us on:\n\nhttps://www.facebook.com/better.project\n\nhttps://twitter.com/better_eu", "en"),
        ("Jälgi meid\n\n- https://www.facebook.com/better.project\n- https://twitter.com/better_eu", "et"),
        ("Kövessen minket a Facebookon: https://www.facebook.com/better.project https://twitter.com/better_eu", "hu"),
        (
            "Seguici su Facebook | Twitter\n\nhttps://www.facebook.com/better.project\nhttps://twitter.com/better_eu",
            "it",
        ),
        ("Följ oss på https://www.facebook.com/better.project och https://twitter.com/better_eu", "sv"),
    ],
)
def test_end_boilerplate_is_removed_and_its_social_links_reported(ending, language):
    tidied = tidy_text(f"Title\n\nThe real text.\n\n{ending}\n", language)
    assert tidied.body == "The real text."
    assert tidied.social_links == ["https://www.facebook.com/better.project", "https://twitter.com/better_eu"]
    assert " ".join(tidied.removed).split() == ending.split()


def test_lone_press_release_label_at_the_end_is_removed():
    tidied = tidy_text("Pealkiri\n\nTekst.\n\nPressiteade\n", "et")
    assert (tidied.body, tidied.removed) == ("Tekst.", ["Pressiteade"])


def test_follow_words_inside_the_text_are_kept():
    text = "Title\n\nCitizens can follow us on the new portal, which we built with Facebook's help.\n\nThe end."
    tidied = tidy_text(text, "en")
    assert tidied.removed == [] and tidied.body == text.split("\n\n", 1)[1]


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("Juuni 2022", "et", datetime.date(2022, 6, 1)),
        ("Tartu, 3. juuni 2022", "et", datetime.date(2022, 6, 1)),
        ("June 2022", "en", datetime.date(2022, 6, 1)),
        ("Birmingham, 14 March 2021", "en", datetime.date(2021, 3, 1)),
        ("2022. június", "hu", datetime.date(2022, 6, 1)),
        ("Nyíregyháza, 2021. július 17.", "hu", datetime.date(2021, 7, 1)),
        ("Genova, 3 giugno 2022", "it", datetime.date(2022, 6, 1)),
        ("Gävle, 3 juni 2022", "sv", datetime.date(2022, 6, 1)),
        # Another language's month is not this language's date.
        ("Juni 2022", "en", None),
        ("June 2022", "et", None),
    ],
)
def test_release_date_written_in_the_release_language_is_proposed(line, language, expected):
    assert tidy_text(f"Title\n\n{line}\n\nText.", language).proposed_date == expected


def test_date_opening_the_first_paragraph_is_proposed():
    assert tidy_text("Title\n\nJune 2022 – Genoa hosted.", "en").proposed_date == datetime.date(2022, 6, 1)


def test_dateline_above_the_title_stays_in_the_body():
    tidied = tidy_text("Tartu, juuni 2022\n\nPealkiri\n\nTekst.", "et")
    assert tidied.title == "Pealkiri"
    assert tidied.body == "Tartu, juuni 2022\n\nTekst."
    assert tidied.proposed_date == datetime.date(2022, 6, 1)


def test_every_letter_survives():
    text = "Pealkiri: õ ä ö ü\n\nŐ ő Ű ű ‘quoted’ – “dashes” — Gävle, Nyíregyháza, città, LEGO®.\n"
    tidied = tidy_text(text, "hu")
    assert tidied.title == "Pealkiri: õ ä ö ü"
    assert tidied.body == "Ő ő Ű ű ‘quoted’ – “dashes” — Gävle, Nyíregyháza, città, LEGO®."


def test_bom_and_windows_line_ends_are_handled():
    tidied = tidy_text("\ufeffTitle\r\n\r\nLine one\r\ngoes on.\r\n", "en")
    assert (tidied.title, tidied.body) == ("Title", "Line one goes on.")


def test_lists_stay_lists():
    text = "T\n\nWe did:\n\n- one thing\n  that wrapped\n- another\n\n1. first\n2. second"
    assert tidy_text(text, "en").body == "We did:\n\n- one thing that wrapped\n- another\n\n1. first\n2. second"


def test_empty_text_gives_empty_result():
    tidied = tidy_text("  \n\n\t\n", "en")
    assert (tidied.title, tidied.body, tidied.proposed_date, tidied.removed) == ("", "", None, [])


@pytest.mark.parametrize(("path", "language"), [(EN_SAMPLE, "en"), (ET_SAMPLE, "et")])
def test_tidying_a_tidied_text_changes_nothing(path, language):
    tidied = tidy_text(_sample(path), language)
    again = tidy_text(f"{tidied.title}\n\n{tidied.body}", language)
    assert (again.title, again.body, again.removed) == (tidied.title, tidied.body, [])


def test_markdown_tables_quotes_and_html_blocks_keep_their_lines():
    text = (
        "T\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n> quoted\n> on two lines\n\n<table>\n<tr><td>x</td></tr>\n</table>"
    )
    assert tidy_text(text, "en").body == text.split("\n\n", 1)[1]


def test_word_processor_bullets_become_markdown_list_items():
    assert tidy_text("T\n\n• one\n• two", "en").body == "- one\n- two"


def test_url_inside_an_html_link_is_not_linked_again():
    text = 'T\n\nSee <a href="https://a.example/">https://a.example/</a> now.'
    assert tidy_text(text, "en").body == 'See <a href="https://a.example/">https://a.example/</a> now.'


def test_image_references_of_the_release_are_kept():
    text = "T\n\nBefore.\n\n![The partners in Genoa](genoa-visit)\n\nAfter."
    assert tidy_text(text, "en").body == "Before.\n\n![The partners in Genoa](genoa-visit)\n\nAfter."

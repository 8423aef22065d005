"""Markdown bodies of releases become HTML that is safe to publish (projects.web.markdown)."""

import re

import pytest

from projects.templatetags.better_tags import markdown as markdown_filter
from projects.web.markdown import render_markdown

TABLE = """| When | Host |
|:--|--:|
| October 2019 | Gävle |
| January 2020 | Tartu |
"""


def test_table_is_rendered_as_html_table_with_column_headers():
    html = render_markdown(TABLE)
    assert "<table>" in html
    assert '<th class="align-left" scope="col">When</th>' in html
    assert '<th class="align-right" scope="col">Host</th>' in html
    assert '<td class="align-left">October 2019</td>' in html
    assert "<tbody>" in html


def test_table_is_wrapped_in_a_focusable_scroll_region():
    html = render_markdown(TABLE)
    assert '<div class="table-scroll" role="region" tabindex="0" aria-label="' in html
    assert html.count("<div") == html.count("</div>") == 1


def test_basic_formatting_is_kept():
    html = render_markdown("Some *emphasis*, **strong**, `code`.\n\n> quoted\n\n- one\n- two\n\n1. first\n2. second")
    for fragment in ("<em>emphasis</em>", "<strong>strong</strong>", "<code>code</code>", "<blockquote>", "<ul>"):
        assert fragment in html
    assert "<ol>" in html and "<li>first</li>" in html


def test_script_tag_and_its_content_are_removed():
    html = render_markdown("Hello <script>alert('x')</script> world\n\n<style>body{display:none}</style>")
    assert "<script" not in html
    assert "alert" not in html
    assert "<style" not in html
    assert "display:none" not in html
    assert "Hello" in html


def test_event_handler_attributes_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> <a href="https://example.org" onclick="steal()">x</a>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html  # images are not part of a release body


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        '<a href="JaVaScRiPt:alert(1)">click</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>',
    ],
)
def test_script_urls_are_removed_from_links(source):
    html = render_markdown(source)
    assert "javascript" not in html.lower()
    assert "data:" not in html
    assert "click" in html


def test_links_get_noopener_noreferrer():
    html = render_markdown("[Interreg Europe](https://www.interregeurope.eu/better/) and [news](/en/news/)")
    assert '<a href="https://www.interregeurope.eu/better/" rel="noopener noreferrer">Interreg Europe</a>' in html
    assert '<a href="/en/news/" rel="noopener noreferrer">news</a>' in html


def test_author_supplied_rel_and_target_are_replaced():
    html = render_markdown('<a href="https://example.org" rel="opener" target="_blank">x</a>')
    assert 'rel="noopener noreferrer"' in html
    assert "target" not in html
    assert 'rel="opener"' not in html


def test_style_and_class_attributes_are_removed():
    html = render_markdown('<p style="position:fixed" class="evil" id="main">text</p>')
    assert html == "<p>text</p>"


def test_body_headings_start_at_h2_below_the_page_title():
    assert render_markdown("# Top\n\n## Sub").split() == ["<h2>Top</h2>", "<h3>Sub</h3>"]
    assert render_markdown("## Top\n\n### Sub").split() == ["<h2>Top</h2>", "<h3>Sub</h3>"]
    assert "<h1" not in render_markdown("<h1>Raw heading</h1>")


def test_empty_body_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_template_filter_output_is_marked_safe_and_sanitised():
    html = markdown_filter("**bold** <script>x()</script>")
    assert hasattr(html, "__html__")
    assert html == "<p><strong>bold</strong> </p>"


# Real text pasted from other systems (issue 8)


@pytest.mark.parametrize(
    "paragraph",
    [
        "2022. aastal jõudis BETTER teise etappi.",
        "2021. július 17. napján Genovában találkoztak.",
        "17. juulil toimus esimene õppevisiit.",
        "3. June saw the second visit.",
        "5. semestril kohtuvad partnerid taas.",
    ],
)
def test_ordinal_date_at_the_start_of_a_paragraph_stays_text(paragraph):
    html = render_markdown(f"Intro.\n\n{paragraph}\n\nMore.")
    assert "<ol" not in html and "<li>" not in html
    assert f"<p>{paragraph}</p>" in html


def test_numbered_list_is_still_a_list():
    html = render_markdown("1. first\n2. second\n3. third")
    assert html.count("<li>") == 3 and "<ol>" in html and "start" not in html


def test_year_after_a_numbered_list_is_not_its_next_item():
    html = render_markdown("1. first\n\n2. second\n\n2022. aastal aga midagi muud.")
    assert html.count("<li>") == 2
    assert "<p>2022. aastal aga midagi muud.</p>" in html


ENGLISH_SAMPLE_CELL = (
    '<ul style="list-style-type: none">- Digital services to citizens - "Digital Citizen Folder" - "Segnalaci"'
    '- Digital services to enterprises – "Platform for Labour Policies"'
)


def test_unclosed_list_pasted_in_a_paragraph_stays_in_that_paragraph():
    row = f"17 July 2021\t{ENGLISH_SAMPLE_CELL}\tHost: Genoa"
    text = f"Dates\tGood practices\n{row}\n\nWhile in earlier stages.\n\n- a real list"
    html = render_markdown(text)
    before, after = html.split("While in earlier stages.", 1)
    assert before.count("<ul>") == before.count("</ul>") == 1
    assert "<p>While in earlier stages.</p>" in html
    assert after.count("<ul>") == 1  # the real list, at the top level again
    assert "style" not in html


def test_unclosed_block_tag_at_the_start_of_a_line_does_not_swallow_the_rest():
    html = render_markdown(f"{ENGLISH_SAMPLE_CELL}\n\nNext paragraph with **bold**.\n\n2022. aastal.")
    assert "<p>Next paragraph with <strong>bold</strong>.</p>" in html
    assert html.index("</ul>") < html.index("Next paragraph")
    assert "<p>2022. aastal.</p>" in html


def test_unclosed_tag_in_a_table_cell_is_closed_in_that_cell():
    text = f"| Dates | Practices | Host |\n|---|---|---|\n| 17 July 2021 | {ENGLISH_SAMPLE_CELL} | Genoa |\n\nAfter."
    html = render_markdown(text)
    cells = re.findall(r"<td>(.*?)</td>", html, re.DOTALL)
    assert len(cells) == 3
    assert cells[1].count("<ul>") == cells[1].count("</ul>") == 1
    assert cells[2] == "Genoa"
    assert "<p>After.</p>" in html


def test_stray_closing_tags_are_dropped_and_open_ones_closed_per_paragraph():
    html = render_markdown("<strong>opened here\n\nand closed here</strong> only.\n\n</ul></ol>Plain.")
    assert "<p><strong>opened here</strong></p>" in html
    assert "<p>and closed here only.</p>" in html
    assert "<p>Plain.</p>" in html


def test_html_inside_a_code_span_is_left_as_text():
    html = render_markdown("Use `<ul>` for lists.")
    assert "<code>&lt;ul&gt;</code>" in html and "</ul>" not in html

"""Markdown bodies of releases become HTML that is safe to publish (projects.web.markdown)."""

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

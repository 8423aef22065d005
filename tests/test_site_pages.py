"""The footer and the site's own pages (issue 11, item 1): the EU emblem and co-funding statement, the
partners with their logos, and the accessibility statement, privacy notice, contact... in five languages."""

import math
import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from PIL import Image

from projects.factories import PartnerFactory, SitePageFactory
from projects.models import SitePage
from tests.helpers.admin import admin_url
from tests.helpers.html import parse
from tests.helpers.pages import count_queries, url, url_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "et", "hu", "it", "sv"]
CO_FUNDED = {
    "en": "Co-funded by the European Union",
    "et": "Kaasrahastanud Euroopa Liit",
    "hu": "Az Európai Unió társfinanszírozásával",
    "it": "Cofinanziato dall'Unione europea",
    "sv": "Medfinansieras av Europeiska unionen",
}
# One page of each type; each must carry the footer.
PAGES = ["projects:home", "projects:release-list", "projects:partner-list", "projects:about"]


def png(size=(300, 300)):
    buffer = BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def footer(client, path):
    return parse(client.get(path)).find("footer", cls="site-footer")


# --- the EU emblem ------------------------------------------------------------------------------------------------


def emblem_svg():
    with translation.override("en"):
        return render_to_string("includes/eu_emblem.html")


def test_eu_emblem_is_a_blue_rectangle_of_ratio_3_to_2_with_twelve_gold_stars():
    svg = emblem_svg()
    assert re.search(r'viewBox="0 0 300 200"', svg)
    assert '<rect width="300" height="200" fill="#003399"/>' in svg
    assert '<g fill="#FFDD00">' in svg
    assert len(re.findall(r"<polygon ", svg)) == 12
    assert "<title" in svg and "Flag of the European Union" in svg


def test_eu_emblem_stars_stand_on_a_circle_of_a_third_of_the_height_each_of_an_eighteenth_point_up():
    height, centre = 200, (150, 100)
    angles = []
    for points in re.findall(r'<polygon points="([^"]+)"', emblem_svg()):
        corners = [tuple(map(float, pair.split(","))) for pair in points.split()]
        assert len(corners) == 10  # five points, five inner corners
        middle = (sum(x for x, _ in corners) / 10, sum(y for _, y in corners) / 10)
        # On the circle, a third of the height from the centre.
        assert math.dist(middle, centre) == pytest.approx(height / 3, abs=0.01)
        # The five points at an eighteenth of the height from the star's centre, the first straight up.
        for outer in corners[::2]:
            assert math.dist(outer, middle) == pytest.approx(height / 18, abs=0.01)
        assert corners[0][0] == pytest.approx(middle[0], abs=0.01) and corners[0][1] < middle[1]
        angles.append(round(math.degrees(math.atan2(middle[0] - centre[0], centre[1] - middle[1]))) % 360)
    # Like the hours on a clock face.
    assert sorted(angles) == list(range(0, 360, 30))


# --- the footer on every page ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_footer_shows_emblem_co_funding_programme_and_legal_links(client, name, language):
    part = footer(client, url(name, language))
    assert part.first("svg", cls="eu-funding__emblem") is not None
    assert CO_FUNDED[language] in part.text()
    assert "Interreg Europe" in part.text()
    links = dict(part.links())
    for key in ["accessibility", "privacy", "contact"]:
        assert url("projects:site-page", language, key=key) in links


def test_footer_lists_partners_with_their_logos_and_names_placeholders_as_such(client):
    genoa = PartnerFactory(city_en="Genoa", organisation="Municipality of Genoa")
    genoa.logo.save("genoa.png", png(), save=True)
    demo = PartnerFactory(city_en="Tartu")
    demo.logo.save("placeholder-tartu.png", png(), save=True)
    PartnerFactory(city_en="Gävle")  # no logo yet: named, without an image

    part = footer(client, url("projects:home"))
    items = part.find("ul", cls="footer-partners").find_all("li")
    assert [item.find("span", cls="footer-partners__city").text() for item in items] == ["Genoa", "Tartu", "Gävle"]
    real, placeholder = items[0].find("img"), items[1].find("img")
    assert real.attrs["alt"] == ""  # the city's name stands beside it
    assert placeholder.attrs["alt"] == "placeholder mark, not a real logo"
    assert items[2].first("img") is None
    assert items[0].find("a").attrs["href"] == url_of(genoa, "en")


def test_footer_partners_cost_the_same_queries_whatever_their_number(client):
    for _index in range(2):
        PartnerFactory().logo.save("logo.png", png(), save=True)
    few = count_queries(client, url("projects:release-list"))
    for _index in range(6):
        PartnerFactory().logo.save("logo.png", png(), save=True)
    assert count_queries(client, url("projects:release-list")) == few


# --- the site's pages ------------------------------------------------------------------------------------------------


def test_site_page_in_its_language_shows_its_text_without_notice(client):
    SitePageFactory(
        key="privacy",
        title_en="Privacy notice",
        body_en="No trackers.",
        title_hu="Adatvédelem",
        body_hu="Nincs követés.",
    )
    document = parse(client.get(url("projects:site-page", "hu", key="privacy")))
    assert document.find("h1").text() == "Adatvédelem"
    assert "Nincs követés." in document.find("div", cls="prose").text()
    assert document.first("p", cls="notice") is None


def test_site_page_missing_in_a_language_falls_back_to_english_marked_as_such(client):
    SitePageFactory(key="contact", title_en="Contact", body_en="Write to **us**.")
    response = client.get(url("projects:site-page", "it", key="contact"))
    assert response.status_code == 200
    document = parse(response)
    assert document.find("h1").attrs.get("lang") == "en"
    assert document.find("div", cls="prose").attrs.get("lang") == "en"
    assert "<strong>us</strong>" in response.content.decode()
    assert "non è disponibile in" in document.find("p", cls="notice").text()
    # Issue 11: the fallback names the English page as canonical and offers no language versions itself.
    assert [link for link in document.find_all("link", rel="alternate") if "hreflang" in link.attrs] == []
    assert document.find("link", rel="canonical").attrs["href"] == "http://testserver/en/contact/"


def test_site_page_body_goes_through_the_sanitiser(client):
    SitePageFactory(key="legal-notice", title_en="Legal notice", body_en="Hi <script>alert(1)</script>")
    assert "<script>alert" not in client.get(url("projects:site-page", key="legal-notice")).content.decode()


def test_site_page_not_written_yet_answers_404(client):
    assert client.get(url("projects:site-page", key="privacy")).status_code == 404


def test_site_page_address_takes_only_known_keys(client):
    assert client.get("/en/no-such-page/").status_code == 404


def test_site_page_without_english_text_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SitePage.objects.create(key="privacy", title_en="", body_en="")


def test_site_page_with_unknown_key_is_refused_by_clean_and_the_database():
    page = SitePage(key="imprint", title_en="Imprint", body_en="Text")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "key" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        page.save()


def test_project_editor_edits_site_page_text_per_language_in_the_admin(admin_client):
    page = SitePageFactory(key="accessibility")
    response = admin_client.get(admin_url(page, "change"))
    assert response.status_code == 200
    html = response.content.decode()
    for code in LANGUAGES:
        assert f'name="title_{code}"' in html and f'name="body_{code}"' in html

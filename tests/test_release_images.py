"""Images in a release's text (issue 8, item 4): uploaded in the admin beside the hero image, checked
like it, shown where the body names them; any other image in the body is a form error naming its line."""

import pytest
from django.core.files.base import ContentFile

from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease, ReleaseImage
from projects.web.markdown import InlineImage, image_reference_errors, render_markdown
from tests.helpers.admin import admin_url, form_fields, versions
from tests.helpers.html import parse
from tests.helpers.pages import url_of
from tests.test_media import picture, upload

IMAGE = InlineImage(src="/media/renditions/a.webp", srcset="/media/renditions/a.webp 480w", width=480, height=300)


# --- the renderer --------------------------------------------------------------------------------------------------


def test_named_image_is_rendered_with_its_rendition_and_the_alt_text_written_in_the_body():
    html = render_markdown("Before.\n\n![The market square](square)\n\nAfter.", images={"square": IMAGE})
    assert '<img class="prose__image" src="/media/renditions/a.webp"' in html
    assert 'alt="The market square"' in html
    assert 'width="480" height="300"' in html


def test_named_image_without_alt_in_the_body_takes_its_own_marked_with_its_language():
    image = InlineImage(**{**IMAGE.__dict__, "alt": "Raekoja plats", "alt_lang": "et"})
    html = render_markdown("![](square)", images={"square": image})
    assert 'alt="Raekoja plats" lang="et"' in html


def test_image_from_elsewhere_is_never_rendered():
    html = render_markdown('![x](https://example.org/a.png) <img src="https://example.org/b.png">', images={"a": IMAGE})
    assert "<img" not in html


def test_text_cannot_forge_the_placeholder_of_an_image():
    html = render_markdown("betterimage0000000000000000n0x and ![a](a)", images={"a": IMAGE})
    assert html.count("<img") == 1
    assert "betterimage0000000000000000n0x" in html


def test_references_to_unknown_images_are_listed_with_their_lines():
    text = "First line.\n![Map](map)\n![Logo](https://example.org/logo.png)\n\n![Ref][logo]\n<img src=x.png>"
    assert image_reference_errors(text, {"map"}) == [
        (3, "![Logo](https://example.org/logo.png)"),
        (5, "![Ref][logo]"),
        (6, "<img src=x.png>"),
    ]


# --- the admin -----------------------------------------------------------------------------------------------------


def release_form(client, release=None, **fields):
    page = client.get(admin_url(release, "change") if release else admin_url(PressRelease, "add"))
    data = form_fields(page)
    data.update(fields)
    return data


def test_image_uploaded_in_the_inline_is_shown_where_the_body_names_it(admin_client, client):
    author = PartnerFactory()
    data = release_form(
        admin_client,
        author=author.pk,
        original_language="en",
        slug="with-a-map",
        title_en="With a map",
        body_en="Where we met:\n\n![Map of the old town](map)",
        status="published",
        published_at_0="2022-07-01",
        published_at_1="10:00",
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-name": "map",
            "images-0-alt_en": "A map of Tartu's old town",
            "images-0-image": upload("map.png", picture()),
        },
    )
    response = admin_client.post(admin_url(PressRelease, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = PressRelease.objects.get(slug="with-a-map")
    assert list(release.images.values_list("name", flat=True)) == ["map"]
    # Kept with the release's revisions, like other inlines.
    assert versions(release)[-1].revision.version_set.filter(object_id=str(release.images.get().pk)).exists()

    prose = parse(client.get(url_of(release, "en"))).find("div", cls="prose")
    image = prose.find("img")
    assert image.attrs["alt"] == "Map of the old town"
    assert image.attrs["src"].startswith("/media/renditions/")


def test_body_naming_an_image_from_elsewhere_is_a_form_error_naming_the_line(admin_client):
    data = release_form(
        admin_client,
        author=PartnerFactory().pk,
        original_language="en",
        title_en="Logo",
        body_en="Intro.\n\n![Logo](https://example.org/logo.png)",
    )
    response = admin_client.post(admin_url(PressRelease, "add"), data)
    errors = response.context["adminform"].form.errors["body_en"]
    assert "Line 3" in errors[0] and "https://example.org/logo.png" in errors[0]
    assert not PressRelease.objects.exists()


def test_body_naming_an_image_deleted_in_the_same_save_is_a_form_error(admin_client):
    release = PressReleaseFactory(body_en="![Map](map)")
    ReleaseImage.objects.create(release=release, name="map", image=ContentFile(picture(), "map.png"), alt_en="Map")
    data = release_form(admin_client, release, **{"images-0-DELETE": "on"})
    response = admin_client.post(admin_url(release, "change"), data)
    assert "Line 1" in response.context["adminform"].form.errors["body_en"][0]
    assert release.images.exists()


def test_text_file_uploaded_as_an_image_in_the_text_is_refused_like_a_hero_image(admin_client):
    data = release_form(
        admin_client,
        author=PartnerFactory().pk,
        original_language="en",
        title_en="Map",
        body_en="![Map](map)",
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-name": "map",
            "images-0-alt_en": "Map",
            "images-0-image": upload("map.png", b"not an image at all"),
        },
    )
    response = admin_client.post(admin_url(PressRelease, "add"), data)
    assert response.status_code == 200
    formset_errors = response.context["inline_admin_formsets"][0].formset.errors
    assert "image" in formset_errors[0]
    assert not PressRelease.objects.exists()


def test_image_in_the_text_needs_alt_text_in_the_original_language(admin_client):
    data = release_form(
        admin_client,
        author=PartnerFactory().pk,
        original_language="et",
        title_et="Kaart",
        body_et="![Kaart](map)",
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-name": "map",
            "images-0-alt_en": "Only in English",
            "images-0-image": upload("map.png", picture()),
        },
    )
    response = admin_client.post(admin_url(PressRelease, "add"), data)
    assert response.status_code == 200
    assert "alt_et" in response.context["inline_admin_formsets"][0].formset.errors[0]


@pytest.mark.django_db
def test_hungarian_page_shows_the_images_estonian_alt_text_marked_where_it_has_no_hungarian(client):
    release = PressReleaseFactory(
        original_language="et",
        title_et="Kaart",
        body_et="![](map)",
        title_hu="Térkép",
        body_hu="![](map)",
        **{"title_en": "", "body_en": "", "lead_en": ""},
    )
    ReleaseImage.objects.create(release=release, name="map", image=ContentFile(picture(), "map.png"), alt_et="Kaart")
    prose = parse(client.get(url_of(release, "hu"))).find("div", cls="prose")
    assert "lang" not in prose.attrs  # the body is Hungarian ...
    image = prose.find("img")
    assert (image.attrs["alt"], image.attrs["lang"]) == ("Kaart", "et")  # ... its image's description is not

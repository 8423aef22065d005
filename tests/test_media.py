"""Images (issue 4, item 5): checked uploads in the admin, alt text per language, renditions on public pages.

Uploads go through the admin's real add and change views as a browser sends them (multipart, every
field of the form); images are made with Pillow in the test. Uploaded files land in a temporary
MEDIA_ROOT (tests/conftest.py).
"""

import os
import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageDraw

from practices.factories import GoodPracticeFactory
from practices.models import GoodPractice
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import Partner, PressRelease
from projects.web.images import MAX_IMAGE_BYTES, get_rendition, responsive_image
from tests.helpers.admin import admin_url, coordinator_user, form_fields

pytestmark = pytest.mark.django_db


# --- images made in the test -------------------------------------------------------------------------------------


def picture(size=(1600, 1000), fmt="PNG", mode="RGB"):
    """A picture with detail (gradient, shapes, noise), so that its encoded size is realistic."""
    width, height = size
    image = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize(size),
            Image.effect_noise(size, 20),
            Image.linear_gradient("L").rotate(90).resize(size),
        ],
    )
    draw = ImageDraw.Draw(image)
    draw.ellipse([width // 2, height // 8, width * 3 // 4, height // 2], fill=(250, 200, 60))
    image = image.convert(mode)
    buffer = BytesIO()
    # The fastest PNG compression: these tests are about content, not file size.
    image.save(buffer, format=fmt, **({"compress_level": 1} if fmt == "PNG" else {}))
    return buffer.getvalue()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    b'<script>alert("x")</script><rect width="100" height="100" fill="red"/></svg>'
)


def post_release(client, author, **fields):
    data = form_fields(client.get(admin_url(PressRelease, "add")))
    data.update(
        {
            "author": author.pk,
            "slug": "better-closes-phase-one",
            "title_en": "BETTER closes Phase I",
            "body_en": "Text.",
        }
    )
    data.update(fields)
    return client.post(admin_url(PressRelease, "add"), data)


def form_errors(response):
    assert response.status_code == 200, "the form should come back with errors"
    return response.context["adminform"].form.errors


def coordinator_client(client, partner):
    client.force_login(coordinator_user(partner, f"coordinator-{partner.slug}"))
    return client


# --- uploads: only real images, within the limits ----------------------------------------------------------------


def test_real_png_upload_on_a_release_is_saved(admin_client):
    response = post_release(
        admin_client,
        PartnerFactory(),
        image=upload("harbour.png", picture()),
        image_alt_en="The harbour of Genoa at dawn",
    )
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.image.name.startswith("releases/harbour")
    assert release.image.name.endswith(".png")
    with default_storage.open(release.image.name) as stored, Image.open(stored) as image:
        assert (image.format, image.size) == ("PNG", (1600, 1000))


def test_text_file_named_png_is_a_form_error_and_nothing_is_saved(admin_client):
    response = post_release(
        admin_client,
        PartnerFactory(),
        image=upload("photo.png", b"This is not an image at all, only text.\n" * 20),
        image_alt_en="A photo",
    )
    errors = form_errors(response)
    assert "not a JPEG, PNG, WebP or GIF image" in errors["image"][0]
    assert not PressRelease.objects.exists()
    assert not default_storage.exists("releases")


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_image_is_a_form_error(admin_client, name):
    response = post_release(
        admin_client, PartnerFactory(), image=upload(name, SVG, "image/svg+xml"), image_alt_en="A logo"
    )
    assert "SVG and other formats are not accepted" in form_errors(response)["image"][0]
    assert not PressRelease.objects.exists()


def test_image_in_another_format_is_a_form_error_naming_it(admin_client):
    response = post_release(admin_client, PartnerFactory(), image=upload("scan.bmp", picture(fmt="BMP")))
    assert form_errors(response)["image"] == ["This is a BMP image; upload a JPEG, PNG, WebP or GIF image."]
    assert not PressRelease.objects.exists()


def test_jpeg_named_png_is_stored_under_its_real_format(admin_client):
    response = post_release(
        admin_client, PartnerFactory(), image=upload("photo.png", picture(fmt="JPEG")), image_alt_en="A photo"
    )
    assert response.status_code == 302
    assert PressRelease.objects.get().image.name.endswith(".jpg")


def test_oversize_file_is_a_form_error_naming_the_limit(admin_client):
    # A real PNG of random pixels (incompressible), just over the limit.
    noise = Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3))
    buffer = BytesIO()
    noise.save(buffer, format="PNG", compress_level=1)
    assert buffer.tell() > MAX_IMAGE_BYTES
    response = post_release(admin_client, PartnerFactory(), image=upload("big.png", buffer.getvalue()))
    (message,) = form_errors(response)["image"]
    assert "an image may be at most 5.0\xa0MB" in message
    assert not PressRelease.objects.exists()


def test_image_over_the_pixel_limit_is_a_form_error_naming_it(admin_client):
    wide = Image.new("RGB", (6001, 20), (10, 80, 160))
    buffer = BytesIO()
    wide.save(buffer, format="PNG")
    response = post_release(admin_client, PartnerFactory(), image=upload("panorama.png", buffer.getvalue()))
    assert form_errors(response)["image"] == [
        "The image is 6001 × 20 pixels; an image may be at most 6000 × 6000 pixels."
    ]
    assert not PressRelease.objects.exists()


def test_upload_field_states_the_limits_and_accepted_types(admin_client):
    html = admin_client.get(admin_url(PressRelease, "add")).content.decode()
    assert 'accept="image/jpeg,image/png,image/webp,image/gif"' in html
    assert "at most 5.0\xa0MB and 6000 × 6000 pixels" in html


# --- alt text per language ------------------------------------------------------------------------------------------


def test_release_image_without_english_alt_text_is_a_form_error(admin_client):
    response = post_release(admin_client, PartnerFactory(), image=upload("harbour.png", picture()))
    assert "image_alt_en" in form_errors(response)
    assert not PressRelease.objects.exists()


def test_release_image_without_alt_text_in_a_written_language_is_a_form_error(admin_client):
    response = post_release(
        admin_client,
        PartnerFactory(),
        image=upload("harbour.png", picture()),
        image_alt_en="The harbour at dawn",
        title_et="BETTER lõpetab esimese etapi",
        body_et="Kolm aastat koostööd.",
    )
    errors = form_errors(response)
    assert list(errors) == ["image_alt_et"]
    assert "written in Estonian" in errors["image_alt_et"][0]
    assert not PressRelease.objects.exists()


def test_release_with_alt_text_in_each_written_language_is_saved(admin_client):
    response = post_release(
        admin_client,
        PartnerFactory(),
        image=upload("harbour.png", picture()),
        image_alt_en="The harbour at dawn",
        title_et="BETTER lõpetab esimese etapi",
        body_et="Kolm aastat koostööd.",
        image_alt_et="Sadam koidikul",
        # A title alone is no Hungarian version yet: no Hungarian alt text asked for.
        title_hu="A BETTER lezárja az első szakaszt",
    )
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert (release.image_alt_en, release.image_alt_et) == ("The harbour at dawn", "Sadam koidikul")
    assert not release.image_alt_hu


def test_translation_added_to_a_release_with_image_needs_its_alt_text(admin_client):
    release = PressReleaseFactory(image_alt_en="The harbour at dawn")
    release.image.save("harbour.png", ContentFile(picture()))
    url = admin_url(PressRelease, "change", release.pk)
    data = form_fields(admin_client.get(url))
    data.update({"title_it": "BETTER chiude la prima fase", "body_it": "Tre anni di cooperazione."})
    assert "image_alt_it" in form_errors(admin_client.post(url, data))
    release.refresh_from_db()
    assert not release.title_it

    data = form_fields(admin_client.get(url))
    data.update(
        {"title_it": "BETTER chiude la prima fase", "body_it": "Tre anni.", "image_alt_it": "Il porto all'alba"}
    )
    assert admin_client.post(url, data).status_code == 302
    release.refresh_from_db()
    assert (release.title_it, release.image_alt_it) == ("BETTER chiude la prima fase", "Il porto all'alba")


def test_tartu_translating_genoas_release_with_image_must_describe_it_in_estonian(client):
    genoa = PartnerFactory(slug="genoa", city_en="Genoa", language="it", country="IT")
    tartu = PartnerFactory(slug="tartu", city_en="Tartu", language="et", country="EE")
    release = PressReleaseFactory(author=genoa, image_alt_en="The harbour at dawn")
    release.image.save("harbour.png", ContentFile(picture()))
    coordinator_client(client, tartu)
    url = admin_url(PressRelease, "change", release.pk)

    data = form_fields(client.get(url))
    assert "image" not in data and "image_alt_en" not in data  # read-only for a translator
    data.update({"title_et": "BETTER lõpetab esimese etapi", "body_et": "Kolm aastat koostööd."})
    assert list(form_errors(client.post(url, data))) == ["image_alt_et"]
    release.refresh_from_db()
    assert not release.title_et

    data.update({"image_alt_et": "Sadam koidikul"})
    assert client.post(url, data).status_code == 302
    release.refresh_from_db()
    assert (release.title_et, release.image_alt_et) == ("BETTER lõpetab esimese etapi", "Sadam koidikul")


def test_practice_with_an_italian_title_needs_an_italian_alt_text(admin_client):
    practice = GoodPracticeFactory(title_it="Firma digitale")
    url = admin_url(GoodPractice, "change", practice.pk)
    data = form_fields(admin_client.get(url))
    data.update({"image": upload("signature.png", picture()), "image_alt_en": "A signed form on a tablet"})
    assert list(form_errors(admin_client.post(url, data))) == ["image_alt_it"]
    practice.refresh_from_db()
    assert not practice.image

    data = form_fields(admin_client.get(url))
    data.update(
        {
            "image": upload("signature.png", picture()),
            "image_alt_en": "A signed form on a tablet",
            "image_alt_it": "Un modulo firmato su un tablet",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    practice.refresh_from_db()
    assert practice.image.name.startswith("practices/signature")


def test_practice_image_must_be_a_real_image(admin_client):
    practice = GoodPracticeFactory()
    url = admin_url(GoodPractice, "change", practice.pk)
    data = form_fields(admin_client.get(url))
    data.update({"image": upload("photo.jpg", b"GIF89a but not really"), "image_alt_en": "A photo"})
    assert "image" in form_errors(admin_client.post(url, data))
    practice.refresh_from_db()
    assert not practice.image


def test_partner_logo_is_checked_and_needs_no_alt_text(admin_client):
    partner = PartnerFactory()
    url = admin_url(Partner, "change", partner.pk)
    data = form_fields(admin_client.get(url))
    data["logo"] = upload("logo.svg", SVG, "image/svg+xml")
    assert list(form_errors(admin_client.post(url, data))) == ["logo"]

    data = form_fields(admin_client.get(url))
    data["logo"] = upload("logo.png", picture(size=(400, 200), mode="RGBA"))
    assert admin_client.post(url, data).status_code == 302
    partner.refresh_from_db()
    assert partner.logo.name.startswith("partners/logo")


def test_change_form_shows_a_thumbnail_of_the_current_image(admin_client):
    release = PressReleaseFactory(image_alt_en="The harbour at dawn")
    release.image.save("harbour.png", ContentFile(picture()))
    html = admin_client.get(admin_url(PressRelease, "change", release.pk)).content.decode()
    thumbnail = get_rendition(release.image, 480)
    assert f'<img class="image-upload-thumbnail" src="{thumbnail.url}" width="480" height="300"' in html


# --- renditions ----------------------------------------------------------------------------------------------------


def stored_release_image(size=(1600, 1000), fmt="PNG", **release_fields):
    release = PressReleaseFactory(image_alt_en="The harbour at dawn", **release_fields)
    release.image.save(f"harbour.{fmt.lower()}", ContentFile(picture(size=size, fmt=fmt)))
    return release


def test_rendition_has_the_requested_width_and_is_smaller_than_the_original():
    release = stored_release_image()
    for width in (480, 960):
        rendition = get_rendition(release.image, width)
        name = rendition.url.removeprefix("/media/")
        assert name.startswith("renditions/") and name.endswith(".webp")
        with default_storage.open(name) as stored, Image.open(stored) as image:
            assert (image.format, image.size) == ("WEBP", (width, width * 1000 // 1600))
        assert (rendition.width, rendition.height) == (width, width * 1000 // 1600)
        assert default_storage.size(name) < release.image.size


def test_rendition_is_made_once_and_reused(monkeypatch):
    release = stored_release_image()
    first = get_rendition(release.image, 480)
    saved = []
    monkeypatch.setattr(default_storage, "save", lambda *args, **kwargs: saved.append(args))
    assert get_rendition(release.image, 480) == first
    assert saved == []


def test_small_original_is_not_enlarged():
    release = stored_release_image(size=(300, 200))
    image = responsive_image(release.image)
    assert [rendition.width for rendition in image.renditions] == [300]
    assert image.srcset.endswith(" 300w")


def test_missing_original_gives_no_rendition():
    release = PressReleaseFactory(image="releases/gone.png", image_alt_en="Gone")
    assert get_rendition(release.image, 480) is None
    assert responsive_image(release.image) is None


def test_svg_put_in_place_without_the_form_gives_no_rendition():
    release = PressReleaseFactory(image_alt_en="A logo")
    release.image.save("logo.svg", ContentFile(SVG))
    assert get_rendition(release.image, 480) is None


def test_release_page_shows_the_image_through_renditions_with_alt_text_in_its_language(client):
    release = stored_release_image(
        title_et="BETTER lõpetab esimese etapi", body_et="Kolm aastat.", image_alt_et="Sadam koidikul"
    )
    html = client.get(release.get_absolute_url()).content.decode()
    small, large = get_rendition(release.image, 480), get_rendition(release.image, 960)
    assert f'srcset="{small.url} 480w, {large.url} 960w"' in html
    assert 'width="960" height="600" alt="The harbour at dawn">' in html
    # The page shows resized copies, never the upload itself.
    assert re.findall(r'<img[^>]*src="([^"]+)"', html) == [large.url]

    with translation.override("et"):
        html = client.get(release.get_absolute_url()).content.decode()
    assert 'alt="Sadam koidikul">' in html
    with translation.override("it"):
        html = client.get(release.get_absolute_url()).content.decode()
    # Not written in Italian: the English alt text, marked as English.
    assert 'alt="The harbour at dawn" lang="en">' in html


def test_release_page_whose_image_file_is_missing_shows_no_image(client):
    release = PressReleaseFactory(image="releases/gone.png", image_alt_en="Gone")
    response = client.get(release.get_absolute_url())
    assert response.status_code == 200
    assert "release__image" not in response.content.decode()


def test_news_list_shows_thumbnails_with_a_constant_number_of_queries(client):
    def count_queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("projects:release-list"))
        assert response.status_code == 200
        return len(context), response.content.decode()

    stored_release_image(size=(1000, 625))
    few, html = count_queries()
    assert html.count('class="release-summary__image"') == 1
    for _index in range(4):
        stored_release_image(size=(1000, 625))
    many, html = count_queries()
    assert html.count('class="release-summary__image"') == 5
    assert many == few


def test_practice_page_shows_its_image_through_a_rendition(client):
    practice = GoodPracticeFactory(image_alt_en="A signed form on a tablet")
    practice.image.save("signature.jpg", ContentFile(picture(fmt="JPEG")))
    html = client.get(practice.get_absolute_url()).content.decode()
    assert f'src="{get_rendition(practice.image, 960).url}"' in html
    assert 'alt="A signed form on a tablet"' in html


def test_partner_page_shows_its_logo_through_a_rendition(client):
    partner = PartnerFactory()
    partner.logo.save("logo.png", ContentFile(picture(size=(600, 200), mode="RGBA")))
    html = client.get(partner.get_absolute_url()).content.decode()
    small, large = get_rendition(partner.logo, 240), get_rendition(partner.logo, 480)
    assert f'srcset="{small.url} 240w, {large.url} 480w"' in html
    assert 'width="480" height="160"' in html

"""Uploads under production settings (issue 10, findings 4 and 8, deliverable 2).

- Uploads are served outside DEBUG, always with `nosniff` and a sandboxing CSP; anything that is not
  an image goes out as an attachment (better_site.media).
- S3-compatible storage when MEDIA_S3_* is set (better_site.storage), headers stored with each object.
- Renditions are made through the storage API, so app servers sharing a storage agree.
- Originals are stored without metadata (EXIF, GPS); JSON-LD points at a rendition.
- Replaced and deleted uploads leave the storage once the transaction commits (projects.files).
"""

import json
import os
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from PIL import Image

from practices.factories import GoodPracticeFactory, RegionalActionPlanFactory
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.models import PressRelease
from projects.web.images import RENDITION_WIDTHS, rendition_name, responsive_image
from tests.helpers.admin import admin_url, form_fields

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SANDBOX_CSP = "sandbox; default-src 'none'"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<html><script>fetch('/en/admin/').then(r => r.text()).then(alert)</script></html>"
GPS_LATITUDE = (44.0, 24.0, 30.5)  # Genoa's harbour: where the photographer stood


def photo_with_gps(size=(640, 480), fmt="JPEG"):
    """A photo as a phone takes it: EXIF with the camera, the time and a GPS position."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2026:05:14 08:30:00"  # DateTime
    exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (8.0, 55.0, 10.0)}  # GPSInfo
    buffer = BytesIO()
    image.save(buffer, format=fmt, exif=exif)
    return buffer.getvalue()


def has_metadata(data):
    with Image.open(BytesIO(data)) as image:
        return bool(image.getexif()) or any(key in image.info for key in ("exif", "xmp", "comment"))


def png(size=(800, 500)):
    buffer = BytesIO()
    Image.linear_gradient("L").resize(size).convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- serving uploads under production settings -------------------------------------------------------------------


def test_uploaded_image_outside_debug_is_served_inline_with_safe_headers(client, settings):
    assert settings.DEBUG is False
    name = default_storage.save("releases/harbour.png", ContentFile(png()))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_CSP
    assert "attachment" not in response.get("Content-Disposition", "")
    assert body(response) == png()


def test_pdf_document_is_served_as_an_attachment(client):
    name = default_storage.save("action-plans/plan.pdf", ContentFile(PDF))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == SANDBOX_CSP
    assert body(response) == PDF


@pytest.mark.parametrize("name", ["action-plans/plan.html", "action-plans/logo.svg", "action-plans/notes"])
def test_file_a_browser_could_render_is_sent_as_bytes_to_download(client, name):
    stored = default_storage.save(name, ContentFile(HTML))
    response = client.get(f"/media/{stored}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_CSP


@pytest.mark.parametrize("path", ["/media/missing.png", "/media/..%2Fmanage.py", "/media/releases/"])
def test_missing_file_or_path_outside_the_media_folder_is_404(client, path):
    default_storage.save("releases/harbour.png", ContentFile(png()))
    assert client.get(path).status_code == 404


def test_unchanged_upload_answers_304_to_a_conditional_get(client):
    name = default_storage.save("releases/harbour.png", ContentFile(png()))
    last_modified = client.get(f"/media/{name}")["Last-Modified"]
    response = client.get(f"/media/{name}", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304
    assert response["Content-Security-Policy"] == SANDBOX_CSP


def test_post_to_an_upload_is_refused(client):
    name = default_storage.save("releases/harbour.png", ContentFile(png()))
    assert client.post(f"/media/{name}").status_code == 405


# --- S3-compatible storage -----------------------------------------------------------------------------------------


def settings_in_subprocess(code, **env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "MEDIA_S3_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="better_site.settings.prod",
        DJANGO_SECRET_KEY="x9!Vq2#pL7@mZ4$wR8^tY1&uI6*oP3(aS5)dF0_gH2+jK4=lQ7",
        DATABASE_URL="sqlite:////tmp/unused.sqlite3",
        DJANGO_ALLOWED_HOSTS="better.example.org",
        **env_overrides,
    )
    script = f"import django, json; django.setup()\n{code}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_s3_variables_uploads_use_the_local_folder():
    found = settings_in_subprocess(
        "from django.conf import settings; print(json.dumps([settings.STORAGES['default']['BACKEND'], "
        "settings.SERVE_MEDIA]))"
    )
    assert found == ["django.core.files.storage.FileSystemStorage", True]


def test_with_s3_variables_uploads_go_to_the_bucket_with_plain_urls():
    found = settings_in_subprocess(
        "from django.conf import settings; from django.core.files.storage import storages\n"
        "s = storages['default']\n"
        "print(json.dumps([settings.STORAGES['default']['BACKEND'], type(s).__name__, s.bucket_name, "
        "s.url('releases/a b.jpg'), settings.SERVE_MEDIA]))",
        MEDIA_S3_BUCKET="better-media",
        MEDIA_S3_ENDPOINT_URL="https://s3.example.net",
        MEDIA_S3_ACCESS_KEY_ID="key-id",
        MEDIA_S3_SECRET_ACCESS_KEY="not-a-real-secret",
        MEDIA_S3_CUSTOM_DOMAIN="media.better.example.net",
    )
    assert found == [
        "better_site.storage.MediaS3Storage",
        "MediaS3Storage",
        "better-media",
        "https://media.better.example.net/releases/a%20b.jpg",
        False,
    ]


def test_s3_objects_carry_their_headers_documents_as_attachments():
    from better_site.storage import MediaS3Storage

    storage = MediaS3Storage(bucket_name="better-media", access_key="id", secret_key="secret")  # noqa: S106
    document = storage._get_write_parameters("action-plans/plan.pdf")
    image = storage._get_write_parameters("releases/harbour.jpg")
    page = storage._get_write_parameters("action-plans/page.html")
    assert document["ContentType"] == "application/pdf"
    assert document["ContentDisposition"] == 'attachment; filename="plan.pdf"'
    assert image["ContentType"] == "image/jpeg"
    assert "ContentDisposition" not in image
    assert page["ContentDisposition"].startswith("attachment;")


# --- renditions through the storage ---------------------------------------------------------------------------------


@pytest.fixture
def memory_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage", "OPTIONS": {"base_url": "/media/"}},
    }
    return default_storage


def test_renditions_in_a_shared_storage_are_made_once_and_found_by_another_server(memory_storage, settings):
    release = PressReleaseFactory(image=ContentFile(png(), name="harbour.png"))
    first = responsive_image(release.image)
    assert first is not None
    for width in RENDITION_WIDTHS:
        assert memory_storage.exists(rendition_name(release.image.name, width))
    # Nothing was written to the local folder: the storage API only.
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.*"))
    # Another app server: its own (empty) cache, the same storage. It reuses the copies it finds.
    cache.clear()
    second = responsive_image(PressRelease.objects.get(pk=release.pk).image)
    assert (second.src, second.srcset) == (first.src, first.srcset)
    assert len(memory_storage.listdir("renditions")[1]) == len(RENDITION_WIDTHS)


def test_renditions_follow_a_storage_under_another_root(settings, tmp_path):
    other_root = tmp_path / "shared-volume"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(other_root), "base_url": "/uploads/"},
        },
    }
    release = PressReleaseFactory(image=ContentFile(png(), name="harbour.png"))
    image = responsive_image(release.image)
    assert image.src.startswith("/uploads/renditions/")
    assert (other_root / image.src.removeprefix("/uploads/")).is_file()


# --- metadata: none in any file the site serves ---------------------------------------------------------------------


def post_release_with_image(client, author, image_bytes, name="harbour.jpg", **fields):
    data = form_fields(client.get(admin_url(PressRelease, "add")))
    data.update(
        {
            "author": author.pk,
            "slug": "harbour-day",
            "title_en": "Harbour day",
            "body_en": "Text.",
            "image": ContentFile(image_bytes, name=name),
            "image_alt_en": "The harbour at dawn",
            **fields,
        }
    )
    return client.post(admin_url(PressRelease, "add"), data)


def test_gps_exif_is_stripped_from_an_uploaded_jpeg(admin_client):
    original = photo_with_gps()
    assert has_metadata(original)
    response = post_release_with_image(admin_client, PartnerFactory(), original)
    assert response.status_code == 302
    release = PressRelease.objects.get()
    with default_storage.open(release.image.name) as stored:
        data = stored.read()
    assert not has_metadata(data)
    assert b"PhoneMaker" not in data
    with Image.open(BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (640, 480))


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_exif_is_stripped_from_other_formats_too(admin_client, fmt):
    response = post_release_with_image(admin_client, PartnerFactory(), photo_with_gps(fmt=fmt), name="photo.img")
    assert response.status_code == 302
    with default_storage.open(PressRelease.objects.get().image.name) as stored:
        assert not has_metadata(stored.read())


def test_sideways_phone_photo_is_stored_upright_without_its_exif(admin_client):
    image = Image.linear_gradient("L").resize((300, 200)).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to view
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    assert post_release_with_image(admin_client, PartnerFactory(), buffer.getvalue()).status_code == 302
    with default_storage.open(PressRelease.objects.get().image.name) as stored, Image.open(stored) as saved:
        assert saved.size == (200, 300)
        assert not saved.getexif()


def test_json_ld_image_and_every_served_image_file_have_no_exif(client, admin_client):
    post_release_with_image(admin_client, PartnerFactory(), photo_with_gps())
    PressRelease.objects.update(status=PressRelease.Status.PUBLISHED, published_at=timezone.now())
    release = PressRelease.objects.get()
    page = client.get(release.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    image_url = json.loads(script)["image"]
    assert "/media/renditions/" in image_url
    served = {image_url.removeprefix("http://testserver")} | set(re.findall(r'"(/media/[^" ]+)', html))
    assert served
    for url in served:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not has_metadata(body(response)), url


# --- replaced and deleted uploads leave the storage -----------------------------------------------------------------


def stored(name):
    return default_storage.exists(name)


@pytest.mark.parametrize(
    ("make", "field", "content"),
    [
        (lambda file: PressReleaseFactory(image=file), "image", png),
        (lambda file: PartnerFactory(logo=file), "logo", png),
        (lambda file: GoodPracticeFactory(image=file), "image", png),
        (lambda file: RegionalActionPlanFactory(document=file), "document", lambda: PDF),
    ],
    ids=["release image", "partner logo", "practice image", "action plan document"],
)
def test_replaced_upload_is_deleted_after_commit(django_capture_on_commit_callbacks, make, field, content):
    obj = make(ContentFile(content(), name="first.png" if field != "document" else "first.pdf"))
    old = getattr(obj, field).name
    assert stored(old)
    with django_capture_on_commit_callbacks(execute=True):
        setattr(obj, field, ContentFile(content(), name="second.png" if field != "document" else "second.pdf"))
        obj.save()
    new = getattr(obj, field).name
    assert new != old
    assert stored(new)
    assert not stored(old)


def test_renditions_of_a_replaced_image_are_deleted_too(django_capture_on_commit_callbacks):
    release = PressReleaseFactory(image=ContentFile(png(), name="first.png"))
    old = release.image.name
    responsive_image(release.image)
    assert stored(rendition_name(old, RENDITION_WIDTHS[0]))
    with django_capture_on_commit_callbacks(execute=True):
        release.image = ContentFile(png(), name="second.png")
        release.save()
    assert not any(stored(rendition_name(old, width)) for width in RENDITION_WIDTHS)


def test_image_replaced_in_the_admin_is_deleted(admin_client, django_capture_on_commit_callbacks):
    release = PressReleaseFactory(image=ContentFile(png(), name="first.png"), image_alt_en="A harbour")
    old = release.image.name
    data = form_fields(admin_client.get(admin_url(release, "change")))
    data["image"] = ContentFile(png((700, 400)), name="second.png")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(admin_url(release, "change"), data)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.image.name != old
    assert not stored(old)
    assert stored(release.image.name)


def test_uploads_of_a_deleted_object_are_deleted_after_commit(django_capture_on_commit_callbacks):
    plan = RegionalActionPlanFactory(document=ContentFile(PDF, name="plan.pdf"))
    name = plan.document.name
    with django_capture_on_commit_callbacks(execute=True):
        plan.delete()
    assert not stored(name)


def test_rolled_back_replacement_deletes_nothing(django_capture_on_commit_callbacks):
    release = PressReleaseFactory(image=ContentFile(png(), name="first.png"))
    old = release.image.name
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        release.image = ContentFile(png(), name="second.png")
        release.save()
        transaction.set_rollback(True)
    assert callbacks == []
    assert stored(old)


def test_file_another_row_still_uses_is_kept(django_capture_on_commit_callbacks):
    first = PressReleaseFactory(image=ContentFile(png(), name="shared.png"))
    second = PressReleaseFactory(image=first.image.name)
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert stored(second.image.name)


def test_media_view_sends_last_modified_as_http_date(client):
    name = default_storage.save("releases/harbour.png", ContentFile(png()))
    modified = default_storage.get_modified_time(name)
    assert client.get(f"/media/{name}")["Last-Modified"] == http_date(modified.timestamp())
    assert reverse("media", kwargs={"path": name}) == f"/media/{name}"


@pytest.mark.parametrize("fmt", ["GIF", "WEBP"])
def test_animated_image_keeps_every_frame_when_stripped(admin_client, fmt):
    frames = [Image.new("RGB", (120, 80), colour) for colour in ("red", "green", "blue")]
    buffer = BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    extra = {"exif": exif} if fmt == "WEBP" else {"comment": b"PhoneMaker"}
    frames[0].save(buffer, format=fmt, save_all=True, append_images=frames[1:], duration=200, loop=0, **extra)
    assert b"PhoneMaker" in buffer.getvalue()
    response = post_release_with_image(admin_client, PartnerFactory(), buffer.getvalue(), name="anim.img")
    assert response.status_code == 302
    with default_storage.open(PressRelease.objects.get().image.name) as stored:
        data = stored.read()
    assert b"PhoneMaker" not in data
    with Image.open(BytesIO(data)) as image:
        assert (image.format, image.n_frames) == (fmt, 3)

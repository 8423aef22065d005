"""Back-up and restore (issue 10, finding 13): `export_content` / `import_content` round trip.

Every row of every model (all languages, the revisions) and every uploaded file's bytes come back
identical in an empty database. Content types and permissions are compared by their natural keys:
a new database numbers them its own way.
"""

import tarfile
from io import BytesIO, StringIO

import pytest
import reversion
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from PIL import Image
from reversion.models import Revision, Version

from events.factories import EventFactory
from practices.factories import GoodPracticeFactory, RegionalActionPlanFactory
from projects.factories import PartnerFactory, PressReleaseFactory
from projects.management.commands.export_content import storage_files
from projects.models import PressRelease
from projects.web.images import responsive_image

LANGUAGES = ("en", "et", "hu", "it", "sv")
SKIPPED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


def png(colour):
    buffer = BytesIO()
    Image.new("RGB", (640, 400), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def natural(model, value):
    if value is None:
        return None
    if model is ContentType:
        return ContentType.objects.get(pk=value).natural_key()
    if model is Permission:
        return Permission.objects.get(pk=value).natural_key()
    return value


def snapshot_rows():
    """{model label: sorted rows}, each row every concrete field's value."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if label in SKIPPED or not model._meta.managed or model._meta.proxy:
            continue
        fields = list(model._meta.concrete_fields)
        if model._meta.auto_created:
            # A many-to-many table's own ids are numbering, not content.
            fields = [field for field in fields if not field.primary_key]
        rows = []
        for values in model._base_manager.values_list(*[field.attname for field in fields]):
            row = tuple(
                natural(field.related_model, value) if field.is_relation else value
                for field, value in zip(fields, values, strict=True)
            )
            rows.append(row)
        found[label] = sorted(rows, key=repr)
    return found


def snapshot_files():
    found = {}
    for name in storage_files(default_storage):
        with default_storage.open(name, "rb") as stored:
            found[name] = stored.read()
    return found


@pytest.fixture
def site_content(transactional_db):
    call_command("load_demo_content", stdout=StringIO())
    partner = PartnerFactory(logo=ContentFile(png("navy"), name="logo.png"))
    release = PressReleaseFactory(
        author=partner,
        image=ContentFile(png("orange"), name="harbour.png"),
        **{f"title_{code}": f"Title in {code}" for code in LANGUAGES},
        **{f"lead_{code}": f"Lead in {code}" for code in LANGUAGES},
        **{f"body_{code}": f"Body in **{code}**" for code in LANGUAGES},
        **{f"image_alt_{code}": f"Alt text in {code}" for code in LANGUAGES},
    )
    with reversion.create_revision():
        release.title_it = "Titolo rivisto"
        release.save()
        reversion.set_comment("Second version")
    responsive_image(release.image)  # renditions are files too
    GoodPracticeFactory(owner=partner, image=ContentFile(png("green"), name="practice.png"))
    RegionalActionPlanFactory(partner=partner, document=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf"))
    EventFactory(host=partner)
    return release


def test_export_then_import_into_an_empty_database_gives_every_row_and_file_back(site_content, tmp_path, settings):
    rows_before = snapshot_rows()
    files_before = snapshot_files()
    assert Version.objects.get_for_object(site_content).count() >= 2
    assert rows_before["projects.pressrelease"] and rows_before["reversion.version"] and rows_before["auth.user"]
    assert any(name.startswith("renditions/") for name in files_before)
    archive = tmp_path / "backup.tar"
    call_command("export_content", str(archive), stdout=StringIO())

    # A new site: an emptied, migrated database and an empty uploads folder.
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    assert not PressRelease.objects.exists() and not Revision.objects.exists()
    assert snapshot_files() == {}

    output = StringIO()
    call_command("import_content", str(archive), stdout=output)
    assert "Imported" in output.getvalue()
    rows_after = snapshot_rows()
    assert rows_after.keys() == rows_before.keys()
    for label in rows_before:
        assert rows_after[label] == rows_before[label], label
    assert snapshot_files() == files_before
    # The restored release reads as before in every language, and its history is there.
    restored = PressRelease.objects.get(pk=site_content.pk)
    assert [getattr(restored, f"title_{code}") for code in LANGUAGES] == [
        "Title in en",
        "Title in et",
        "Title in hu",
        "Titolo rivisto",
        "Title in sv",
    ]
    assert Version.objects.get_for_object(restored).count() == Version.objects.get_for_object(site_content).count()
    # New rows get new numbers: the sequences continue after the imported rows.
    assert PressReleaseFactory().pk > max(row[0] for row in rows_before["projects.pressrelease"])


def test_import_into_a_database_with_content_is_refused_and_changes_nothing(site_content, tmp_path):
    archive = tmp_path / "backup.tar"
    call_command("export_content", str(archive), stdout=StringIO())
    before = snapshot_rows()
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_content", str(archive), stdout=StringIO())
    assert snapshot_rows() == before


def test_archive_with_a_changed_file_is_refused(site_content, tmp_path, settings):
    archive = tmp_path / "backup.tar"
    call_command("export_content", str(archive), stdout=StringIO())
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name.endswith(".pdf"):
                content = b"<html><script>alert(1)</script></html>"
                member.size = len(content)
            target.addfile(member, BytesIO(content))
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    with pytest.raises(CommandError, match="does not match"):
        call_command("import_content", str(tampered), stdout=StringIO())
    assert not PressRelease.objects.exists()

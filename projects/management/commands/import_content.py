"""`manage.py import_content backup.tar`: put an export_content tar into an empty, migrated database.

Run `manage.py migrate` first (the same code version as the export, or a later one: migrations after
the export's are applied by migrate before, as for any upgrade). The database must hold no content:
the only rows allowed are the groups `migrate` itself creates, which the export's groups replace.
The uploads storage must not hold any of the export's files. Rows and files are checked against the
manifest; everything goes in one transaction, and files written before a failure are removed again.
"""

import hashlib
import json
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction

from ..exact_json import FORMAT as DATA_FORMAT
from .export_content import EXCLUDED, FORMAT

# Rows migrate makes (projects.backoffice.permissions): replaced by the export's own.
REPLACED_MODELS = {"auth.group"}


def models_with_rows():
    found = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in REPLACED_MODELS or label in EXCLUDED or model._meta.app_label in EXCLUDED:
            continue
        if model._meta.managed and not model._meta.proxy and model._base_manager.exists():
            found.append(label)
    return found


class Command(BaseCommand):
    help = "Load an export_content tar (rows, languages, revisions, uploaded files) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the tar file written by export_content")

    def handle(self, *args, archive, **options):
        not_empty = models_with_rows()
        if not_empty:
            raise CommandError(
                "The database is not empty (rows in: " + ", ".join(sorted(not_empty)) + "). "
                "Import into a new database after `manage.py migrate`."
            )
        with tempfile.TemporaryDirectory() as work, tarfile.open(archive, mode="r:*") as tar:
            manifest = self._member(tar, "manifest.json")
            manifest = json.loads(manifest)
            if manifest.get("format") != FORMAT:
                raise CommandError(f"Not an export of this site (format {manifest.get('format')!r}).")
            # loaddata knows a fixture's format by its extension.
            data_path = Path(work) / f"data.{DATA_FORMAT}"
            data_path.write_bytes(self._member(tar, "data.json"))
            files = self._files(tar, manifest["files"])
            clashes = [name for name in files if default_storage.exists(name)]
            if clashes:
                raise CommandError(f"The uploads storage already holds {len(clashes)} of the files, e.g. {clashes[0]}.")
            written = []
            try:
                with transaction.atomic():
                    Group.objects.all().delete()
                    call_command("loaddata", str(data_path), verbosity=0)
                    for name, content in files.items():
                        saved = default_storage.save(name, ContentFile(content))
                        written.append(saved)
                        if saved != name:
                            raise CommandError(f"The storage stored {name} as {saved}.")
            except BaseException:
                for name in written:
                    default_storage.delete(name)
                raise
        rows = sum(manifest["rows"].values())
        self.stdout.write(f"Imported {rows} rows and {len(files)} files from {archive}.")

    def _member(self, tar, name):
        try:
            member = tar.extractfile(name)
        except KeyError as error:
            raise CommandError(f"The archive has no {name}.") from error
        return member.read()

    def _files(self, tar, expected):
        files = {}
        for member in tar.getmembers():
            if not member.name.startswith("media/"):
                continue
            if not member.isfile():
                raise CommandError(f"Unexpected entry in the archive: {member.name}")
            name = member.name.removeprefix("media/")
            content = tar.extractfile(member).read()
            want = expected.get(name)
            if want is None or hashlib.sha256(content).hexdigest() != want["sha256"]:
                raise CommandError(f"The file {name} does not match the archive's manifest.")
            files[name] = content
        missing = set(expected) - set(files)
        if missing:
            raise CommandError(f"The archive lacks {len(missing)} files of its manifest, e.g. {sorted(missing)[0]}.")
        return files

"""`manage.py export_content backup.tar`: the whole site in one file, for backups and moves.

The tar holds:
- `data.json`: every row of every model (every app's, the accounts, django-reversion's revisions
  and versions, the admin's log), every language's fields, primary keys kept; content types and
  permissions by their natural keys, because a new database numbers them its own way (Django's
  JSON serialisation, with times to the microsecond);
- `media/<name>`: every file of the uploads storage, read through the storage API (local folder
  or S3 alike), renditions included;
- `manifest.json`: the format, the Django apps' latest migrations, the row counts, and each file's
  size and SHA-256, which `import_content` checks.

Sessions are left out: they are logins, not content. Restore with `import_content`.
"""

import hashlib
import io
import json
import tarfile
import tempfile
from pathlib import Path

from django.core import serializers
from django.core.files.storage import default_storage
from django.core.management import BaseCommand, call_command
from django.db.migrations.recorder import MigrationRecorder

from ..exact_json import FORMAT as DATA_FORMAT

FORMAT = "better-content/1"
serializers.register_serializer(DATA_FORMAT, "projects.management.exact_json")
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]


def storage_files(storage, folder=""):
    """Every file name in the storage, walking its folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local uploads folder that was never created: no files
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from storage_files(storage, f"{folder}/{sub}" if folder else sub)


def latest_migrations():
    applied = {}
    for app, name in MigrationRecorder.Migration.objects.values_list("app", "name").order_by("app", "name"):
        applied[app] = name
    return applied


class Command(BaseCommand):
    help = "Write every row (all languages, all revisions) and every uploaded file to one tar file."

    def add_arguments(self, parser):
        # A file, never stdout: the JSON log lines go to stdout.
        parser.add_argument("output", help="the tar file to write")

    def handle(self, *args, output, **options):
        with tempfile.TemporaryDirectory() as work:
            data_path = Path(work) / "data.json"
            call_command(
                "dumpdata",
                exclude=EXCLUDED,
                format=DATA_FORMAT,  # Django's JSON, times to the microsecond
                natural_foreign=True,
                use_base_manager=True,  # rows a default manager hides (drafts, deleted) too
                output=str(data_path),
                indent=None,
                verbosity=0,
            )
            rows = json.loads(data_path.read_bytes())
            counts = {}
            for row in rows:
                counts[row["model"]] = counts.get(row["model"], 0) + 1
            files = {}
            with open(output, "wb") as target, tarfile.open(fileobj=target, mode="w") as tar:
                tar.add(data_path, arcname="data.json")
                for name in storage_files(default_storage):
                    with default_storage.open(name, "rb") as stored:
                        content = stored.read()
                    files[name] = {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
                    info = tarfile.TarInfo(f"media/{name}")
                    info.size = len(content)
                    tar.addfile(info, io.BytesIO(content))
                manifest = json.dumps(
                    {"format": FORMAT, "migrations": latest_migrations(), "rows": counts, "files": files},
                    indent=2,
                    sort_keys=True,
                ).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(manifest)
                tar.addfile(info, io.BytesIO(manifest))
        self.stdout.write(f"Exported {sum(counts.values())} rows and {len(files)} files to {output}.")

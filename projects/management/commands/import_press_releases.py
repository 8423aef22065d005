"""manage.py import_press_releases FILE... --language xx --partner <city slug> [--translation-of <release slug>]
[--replace] [--dry-run]

Each file becomes a draft release (or a translation of an existing one): see projects.backoffice.importing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from projects.backoffice.importing import MAX_FILE_BYTES, import_file
from projects.models import Partner, PressRelease


class Command(BaseCommand):
    help = "Imports press releases from text files as drafts, or as translations of an existing release."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--language",
            required=True,
            choices=[code for code, _name in settings.LANGUAGES],
            help="The files' language.",
        )
        parser.add_argument("--partner", help="Slug of the city that wrote the releases (required for new releases).")
        parser.add_argument(
            "--translation-of", metavar="SLUG", help="Import the files as translations of this release."
        )
        parser.add_argument("--replace", action="store_true", help="Overwrite a translation that already has text.")
        parser.add_argument("--dry-run", action="store_true", help="Show what would be imported; write nothing.")

    def handle(self, *args, files, language, partner, translation_of, replace, dry_run, **options):
        author = None
        if partner:
            author = Partner.objects.filter(slug=partner).first()
            if author is None:
                raise CommandError(f"No partner city with the slug {partner!r}.")
        release = None
        if translation_of:
            release = PressRelease.objects.filter(slug=translation_of).first()
            if release is None:
                raise CommandError(f"No press release with the slug {translation_of!r}.")
        elif author is None:
            raise CommandError("Name the city that wrote the releases: --partner <city slug>.")

        refused = 0
        for name in files:
            data = self._read(name)
            if data is None:
                refused += 1
                self.stderr.write(f"{name}: refused: the file cannot be read.")
                continue
            result = import_file(
                name,
                data,
                language=language,
                partner=author,
                translation_of=release,
                replace=replace,
                dry_run=dry_run,
            )
            if result.refused:
                refused += 1
                self.stderr.write(f"{name}: refused: {result.message}")
                continue
            self.stdout.write(f"{name}: {result.outcome}: {result.message}")
            for note in result.notes:
                self.stdout.write(f"  {note}")
            if dry_run:
                self._show(result.tidied)
        if refused:
            raise CommandError(f"{refused} of {len(files)} file(s) refused.")

    @staticmethod
    def _read(name):
        """The file's bytes (one more than the limit at most, enough to refuse it), or None."""
        try:
            with Path(name).open("rb") as file:
                return file.read(MAX_FILE_BYTES + 1)
        except OSError:
            return None

    def _show(self, tidied):
        self.stdout.write(f"  title: {tidied.title}")
        self.stdout.write(
            f"  proposed date: {tidied.proposed_date:%Y-%m}" if tidied.proposed_date else "  proposed date: none"
        )
        self.stdout.write("  Markdown:")
        for line in tidied.body.splitlines():
            self.stdout.write(f"    {line}")

"""Press releases imported from text files: read, decoded, tidied and saved as drafts.

Shared by `manage.py import_press_releases` and the admin's "Import release from file". Each file is
one release in the given language: a new draft written by the given city in that original language,
or, with `translation_of`, that language's translation of an existing release (a translation that
already has text is only overwritten with `replace`). Nothing is published by importing.

Each file is imported in its own transaction and its outcome reported (created, translated,
refused and why), so one bad file in a batch stops nothing and half-imports nothing. Who may import
what is for the caller to check (`refusal_for_user` for the admin).
"""

import codecs
import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.models import PressRelease, Project

from .permissions import coordinator_partner, is_project_editor, translation_language
from .tidy import TidiedText, tidy_text

MAX_FILE_BYTES = 1024 * 1024
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANGUAGE_NAMES = dict(settings.LANGUAGES)
TITLE_MAX_LENGTH = PressRelease._meta.get_field("title").max_length
# Control characters other than tab, line feed, form feed and carriage return: not a text file.
_CONTROL = {chr(code) for code in range(32)} - {"\t", "\n", "\x0c", "\r"}


OUTCOME_LABELS = {
    "created": gettext_lazy("created"),
    "translated": gettext_lazy("translated"),
    "dry run": gettext_lazy("preview only, nothing saved"),
    "refused": gettext_lazy("refused"),
}


class ImportRefusedError(Exception):
    """A file that cannot become a release; the message says why, for the person importing."""


@dataclass
class ImportResult:
    name: str
    outcome: str  # "created", "translated", "dry run" or "refused"
    message: str = ""
    release: PressRelease | None = None
    tidied: TidiedText | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def refused(self):
        return self.outcome == "refused"

    @property
    def label(self):
        return OUTCOME_LABELS[self.outcome]


def decode(name, data):
    """The text of a file: UTF-8 (a byte-order mark is accepted) or UTF-16 with a byte-order mark."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefusedError(_("%(name)s is larger than 1 MiB: not a press release.") % {"name": name})
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            if b"\x00" in data:
                raise ImportRefusedError(_("%(name)s is a binary file, not text.") % {"name": name})
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefusedError(
            _("%(name)s is not UTF-8 text (nor UTF-16 with a byte-order mark): save it as UTF-8 and try again.")
            % {"name": name}
        ) from None
    if _CONTROL.intersection(text):
        raise ImportRefusedError(_("%(name)s is a binary file, not text.") % {"name": name})
    if not text.strip():
        raise ImportRefusedError(_("%(name)s is empty.") % {"name": name})
    return text


def refusal_for_user(user, *, language, partner=None, release=None):
    """Why `user` may not import this (a message), or None where they may.

    The admin's per-city rules (projects.backoffice.scope): project editors import anything; a
    coordinator creates releases of their own city and translates their own city's releases into
    any language, other cities' only into their city's language.
    """
    if is_project_editor(user):
        return None
    own = coordinator_partner(user)
    if own is None:
        return _("Only city coordinators and project editors import releases.")
    if release is None:
        if partner is None or partner.pk != own.pk:
            return _("You can import releases for %(city)s only.") % {"city": own}
        return None
    allowed = translation_language(user, release.original_language)
    if release.author_id == own.pk or language == allowed:
        return None
    return _("You can translate other cities' releases into %(language)s only.") % {
        "language": LANGUAGE_NAMES.get(allowed or "", "—")
    }


def import_file(name, data, *, language, partner=None, translation_of=None, replace=False, dry_run=False):
    """One file → one draft release or one translation, in its own transaction. Never raises for
    a bad file: the result says what happened."""
    try:
        if language not in LANGUAGE_CODES:
            raise ImportRefusedError(_("%(language)s is not a language of the site.") % {"language": language})
        tidied = tidy_text(decode(name, data), language)
        if not tidied.title or not tidied.body:
            raise ImportRefusedError(_("%(name)s has no text after its title.") % {"name": name})
        if len(tidied.title) > TITLE_MAX_LENGTH:
            raise ImportRefusedError(
                _("The first line of %(name)s is too long to be a title (%(length)s characters, at most %(max)s).")
                % {"name": name, "length": len(tidied.title), "max": TITLE_MAX_LENGTH}
            )
        with transaction.atomic():
            if translation_of is not None:
                result = _translate(name, tidied, language, translation_of, replace)
            else:
                result = _create(name, tidied, language, partner)
            result.notes = _notes(tidied, partner or (result.release.author if result.release else None))
            if dry_run:
                # Nothing was created: the result names what would have been.
                result.outcome, result.message = "dry run", tidied.title
                transaction.set_rollback(True)
            return result
    except ImportRefusedError as error:
        return ImportResult(name, "refused", str(error))
    except IntegrityError as error:
        # The first line names the rule the database enforced; its DETAIL would dump the whole row.
        reason = str(error).splitlines()[0]
        return ImportResult(
            name, "refused", _("%(name)s could not be saved: %(error)s") % {"name": name, "error": reason}
        )


def _create(name, tidied, language, partner):
    if partner is None:
        raise ImportRefusedError(_("Name the city that wrote %(name)s.") % {"name": name})
    release = PressRelease(
        author=partner,
        original_language=language,
        # Left empty: save() makes it from the original title, transliterated (PressRelease.make_slug).
        slug="",
        status=PressRelease.Status.DRAFT,
        published_at=_proposed_datetime(tidied.proposed_date),
    )
    setattr(release, f"title_{language}", tidied.title)
    setattr(release, f"body_{language}", tidied.body)
    release.save()
    return ImportResult(name, "created", _("created the draft “%(title)s”") % {"title": tidied.title}, release, tidied)


def _translate(name, tidied, language, translation_of, replace):
    release = PressRelease.objects.select_for_update().filter(pk=translation_of.pk).first()
    if release is None:
        raise ImportRefusedError(_("The release to translate no longer exists."))
    if language == release.original_language:
        raise ImportRefusedError(
            _("%(language)s is the original language of “%(title)s”: it cannot be its own translation.")
            % {"language": LANGUAGE_NAMES[language], "title": release}
        )
    has_text = any(getattr(release, f"{part}_{language}", "") for part in ("title", "lead", "body"))
    if has_text and not replace:
        raise ImportRefusedError(
            _("“%(title)s” already has a %(language)s translation; replace it explicitly to overwrite it.")
            % {"title": release, "language": LANGUAGE_NAMES[language]}
        )
    setattr(release, f"title_{language}", tidied.title)
    setattr(release, f"body_{language}", tidied.body)
    release.save()
    return ImportResult(
        name,
        "translated",
        _("translated “%(title)s” into %(language)s") % {"title": release, "language": LANGUAGE_NAMES[language]},
        release,
        tidied,
    )


def _proposed_datetime(day):
    """A proposed date (month precision) as the draft's publication time: noon, so no time zone moves the day."""
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def _notes(tidied, partner):
    notes = [_("removed: %(text)s") % {"text": text.replace("\n", " ")} for text in tidied.removed]
    known = {url.rstrip("/").lower() for url in _known_links(partner)}
    new = [url for url in tidied.social_links if url.rstrip("/").lower() not in known]
    if new:
        notes.append(_("social-media links not on record: %(links)s") % {"links": ", ".join(new)})
    if tidied.proposed_date:
        notes.append(_("proposed date: %(date)s") % {"date": tidied.proposed_date.strftime("%Y-%m")})
    return notes


def _known_links(partner):
    links = [url for project in Project.objects.all() for url in (project.facebook_url, project.twitter_url)]
    if partner is not None:
        links.append(partner.website)
    return [url for url in links if url]

"""Which languages of a press release are complete, missing or outdated.

A release is written first in its original language (PressRelease.original_language, usually
English); every other language is a translation of it. Each translation remembers a fingerprint of
the original text (title, lead and body) it was written from, in the release's
`<code>_source_fingerprint` column; the release keeps the fingerprint of its current original text
in `source_fingerprint`. A translation whose remembered fingerprint differs from the current one is
*outdated*: the original changed after it was written.

A language is complete when its title and body are written: the lead is optional.

The rule, applied by PressRelease.save() (so the admin, the shell and the demo loader agree):
- a save that changes a language's title, lead or body records the current original fingerprint for
  that language: whoever wrote the translation wrote it against the original as it is now;
- a save that leaves a language untouched keeps what it remembered, so changing the original makes
  every untouched translation outdated;
- a save that changes the original language takes every translation as written from the new
  original (nothing says otherwise);
- a translator who checks an outdated translation and finds nothing to change re-confirms it
  (PressRelease.confirm_translation(), a checkbox on the admin's change form).

Everything here is also expressed as Q objects, so the admin's list can filter in the database.
QuerySet.update() and bulk_create() bypass save() and so leave the fingerprints as they were.
"""

import hashlib

from django.conf import settings
from django.db.models import F, Q, TextChoices
from django.utils.translation import gettext_lazy as _

# The usual original. TARGET_LANGUAGES (the others) stays for migration 0002, written before
# releases had an original language.
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TARGET_LANGUAGES = [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]
# What a translation is made from (and what makes it outdated when it changes) ...
TEXT_FIELDS = ("title", "lead", "body")
# ... and what a language needs to be complete: the lead is optional.
REQUIRED_FIELDS = ("title", "body")


class Status(TextChoices):
    COMPLETE = "complete", _("complete")
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")


def text_fields(code):
    return [f"{field}_{code}" for field in TEXT_FIELDS]


def fingerprint_field(code):
    return f"{code}_source_fingerprint"


def fingerprint(title, lead, body):
    """A digest of an original text; equal texts give equal digests."""
    # The unit separator cannot occur in typed text, so ("a", "bc") and ("ab", "c") differ.
    text = "\x1f".join(value or "" for value in (title, lead, body))
    return hashlib.sha256(text.encode()).hexdigest()


def source_fingerprint(release):
    return fingerprint(*(getattr(release, name) for name in text_fields(release.original_language)))


# Reading one release (its own columns only: no query)


def missing_fields(release, code):
    """The required fields of `code` still to write, e.g. ["body"]."""
    return [field for field in REQUIRED_FIELDS if not getattr(release, f"{field}_{code}")]


def has_text(release, code):
    return any(getattr(release, name) for name in text_fields(code))


def is_outdated(release, code):
    if code == release.original_language or not has_text(release, code):
        return False
    return getattr(release, fingerprint_field(code)) != release.source_fingerprint


def status(release, code):
    if is_outdated(release, code):
        return Status.OUTDATED
    return Status.MISSING if missing_fields(release, code) else Status.COMPLETE


# The same in the database


def missing_q(code):
    """Releases where `code` lacks a title or a body (NULL or empty)."""
    query = Q()
    for name in (f"{field}_{code}" for field in REQUIRED_FIELDS):
        query |= Q(**{f"{name}__isnull": True}) | Q(**{name: ""})
    return query


def has_text_q(code):
    query = Q()
    for name in text_fields(code):
        query |= Q(**{f"{name}__gt": ""})  # NULL > '' is not true: NULL counts as empty
    return query


def outdated_q(code):
    """Releases whose `code` translation was written from an earlier original text."""
    return ~Q(original_language=code) & has_text_q(code) & ~Q(**{fingerprint_field(code): F("source_fingerprint")})


# Keeping the fingerprints up to date


def record_sources(release, update_fields=None):
    """Update the release's fingerprints before it is saved; returns the names of the columns changed.

    Compares the values about to be written with those stored (one query for a stored release).
    """
    tracked = [name for code in LANGUAGE_CODES for name in text_fields(code)] + ["original_language"]
    if update_fields is not None and not set(tracked) & set(update_fields):
        return []
    stored = None
    if release.pk is not None:
        stored = type(release)._base_manager.filter(pk=release.pk).values(*tracked).first()

    def written(name):
        # A save limited to some fields leaves the others as stored.
        if stored is not None and update_fields is not None and name not in update_fields:
            return stored[name] or ""
        return getattr(release, name) or ""

    values = {name: written(name) for name in tracked}
    original = values["original_language"]
    rebased = stored is None or stored["original_language"] != original
    current = fingerprint(*(values[name] for name in text_fields(original)))
    changes = {"source_fingerprint": current}
    for code in LANGUAGE_CODES:
        names = text_fields(code)
        if code == original or not any(values[name] for name in names):
            changes[fingerprint_field(code)] = ""  # the original, or no translation: nothing to be outdated
        elif rebased or any(values[name] != (stored[name] or "") for name in names):
            changes[fingerprint_field(code)] = current  # written (or rewritten) now, from the original as it is
    changed = []
    for name, value in changes.items():
        if getattr(release, name) != value:
            setattr(release, name, value)
            changed.append(name)
    return changed

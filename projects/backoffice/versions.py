"""Revisions of the site's content, and what changed between two of them, in words a coordinator reads.

django-reversion stores every save of a press release, an event and a good practice as a revision
(who, when, the serialized object with all its languages and many-to-many links, plus the inline
objects it follows): the admin's saves with their user, other saves (shell, commands) without one.
This module turns stored versions, and the object as it is now, into field-level differences: field
names as the admin shows them, old → new values, long texts as a short word diff. It knows no model of
a higher app: the admins register their own models.
"""

import datetime
import difflib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, connection, transaction
from django.db.models import FileField, TextField
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator
from reversion import revisions
from reversion.errors import RevertError
from reversion.models import Version

# The registration options (fields, follow) of a model: reversion's own admin reads them the same way.
from reversion.revisions import _get_options

# Texts longer than this (or with line breaks) are shown as a word diff rather than old → new.
LONG_TEXT = 100
# Unchanged words kept on each side of a change in a word diff.
CONTEXT_WORDS = 6
# Below this similarity a text counts as rewritten: old and new are shown one after the other,
# each cut after this many words.
REWRITTEN = 0.4
LONG_TEXT_WORDS = 60


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    # For long texts and links: [(operation, text)] with operation "equal", "delete", "insert" or "skip".
    segments: list | None = None
    separator: str = " "


@dataclass
class RelatedChange:
    """An inline object (a recording, a transfer) added, removed or changed along with its parent."""

    action: str
    kind: str
    name: str
    changes: list = field(default_factory=list)

    # Read like Changes by the template that lists both.
    related = ()

    @property
    def fields(self):
        return self.changes

    @property
    def action_label(self):
        return {"added": _("added"), "removed": _("removed"), "changed": _("changed")}[self.action]


@dataclass
class Snapshot:
    """One state of an object: its field values (by attname) and those of the inline objects it follows."""

    model: type
    values: dict
    # (model, object id) → (name, values)
    related: dict = field(default_factory=dict)


@dataclass
class Changes:
    fields: list
    related: list

    def __bool__(self):
        return bool(self.fields or self.related)


@dataclass
class HistoryEntry:
    version: Version
    revision: object
    # None for the first recorded version: there is nothing before it to compare with.
    changes: Changes | None
    readable: bool = True
    is_latest: bool = False

    @property
    def note(self):
        """The revision's comment, unless it only names the changed fields that the diff already shows."""
        structured = self.revision.comment.startswith("[")
        if structured and self.changes:
            return ""
        # The admin's structured message is translated into the reader's language here.
        return self.revision.get_comment()


# --- Snapshots --------------------------------------------------------------------------------


def _compared_fields(model):
    """The fields a difference is listed for, in the admin's order, each language after its field."""
    options = _get_options(model)
    names = set(options.fields)
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = {}
    languages = [code for code, _name in settings.LANGUAGES]
    result = []
    for name in options.fields:
        model_field = model._meta.get_field(name)
        # Not editable: derived or bookkeeping (timestamps, the semester of an event), never typed;
        # timestamps change on every save, and listing them would hide the real changes.
        if isinstance(model_field, TranslationField) or not model_field.editable:
            continue
        if name in translated:
            # The untranslated column only mirrors a language: the per-language fields tell the story.
            by_language = {f.language: f for f in translated[name] if f.name in names}
            result.extend(by_language[code] for code in languages if code in by_language)
        else:
            result.append(model_field)
    return result


def _normalise(model_field, value):
    if model_field.many_to_many:
        return sorted(value or [])
    if isinstance(value, FieldFile):
        value = value.name
    if isinstance(value, str):
        # Browsers send line breaks as CRLF, the shell and imports as LF: the same text either way.
        value = value.replace("\r\n", "\n")
    if value == "":
        # Translations are NULL until written and "" once cleared: both are "not written".
        return None
    if isinstance(value, datetime.datetime):
        # Stored versions keep milliseconds only.
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def _values(model, raw):
    return {f.attname: _normalise(f, raw.get(f.attname)) for f in _compared_fields(model)}


def _version_values(version):
    return _values(version._model, version.field_dict)


def inline_versions(version, revision_versions=None):
    """The versions of the inline objects (recordings, transfers) that belong to `version`'s object.

    Only those of this object: a revision may hold several objects saved together (an action on a
    list), and their inline objects are theirs, not this one's.
    """
    model = version._model
    foreign_keys = {}
    for name in _get_options(model).follow:
        relation = model._meta.get_field(name)
        # The follow names are reverse relations: the foreign key sits on the inline model.
        foreign_keys[relation.related_model] = relation.field.attname
    found = []
    for other in revision_versions if revision_versions is not None else version.revision.version_set.all():
        if other.pk == version.pk or other.db != version.db:
            continue
        foreign_key = foreign_keys.get(other._model)
        if foreign_key and str(other.field_dict.get(foreign_key)) == version.object_id:
            found.append(other)
    return found


def snapshot_of_version(version, revision_versions=None):
    """The state stored in `version`, with its inline objects stored in the same revision."""
    related = {
        (other._model, other.object_id): (other.object_repr, _version_values(other))
        for other in inline_versions(version, revision_versions)
    }
    return Snapshot(version._model, _version_values(version), related)


def _raw_values(obj):
    raw = {}
    for model_field in _compared_fields(type(obj)):
        if model_field.many_to_many:
            raw[model_field.attname] = list(getattr(obj, model_field.name).values_list("pk", flat=True))
        else:
            raw[model_field.attname] = getattr(obj, model_field.attname)
    return raw


def inline_objects(obj):
    """The inline objects `obj` carries along in its revisions, as they are now."""
    return [item for name in _get_options(type(obj)).follow for item in getattr(obj, name).all()]


def snapshot_of_object(obj):
    """The state of `obj` as it is in the database now."""
    related = {
        (type(item), str(item.pk)): (str(item), _values(type(item), _raw_values(item))) for item in inline_objects(obj)
    }
    return Snapshot(type(obj), _values(type(obj), _raw_values(obj)), related)


def revert(version):
    """Puts `version`'s object back as it was, with its inline objects; nothing else of the revision.

    Inline objects added since are deleted, those deleted since come back. Raises RevertError where the
    old state no longer fits the database (its slug is another object's now, a partner was deleted).
    """
    model = version._model
    inlines = inline_versions(version)
    kept = {(other._model, other.object_id) for other in inlines}
    current = model._base_manager.using(version.db).filter(pk=version.object_id).first()
    if current is not None:
        for item in inline_objects(current):
            if (type(item), str(item.pk)) not in kept:
                item.delete()
    for each in [version, *inlines]:
        try:
            with transaction.atomic(using=version.db):
                each.revert()
        except (IntegrityError, ObjectDoesNotExist) as error:
            raise RevertError(
                _(
                    "%(object)s cannot be put back as it was: a value that must be unique (such as the slug) is "
                    "now used by another object, or something it refers to has been deleted."
                )
                % {"object": each.object_repr}
            ) from error


def record_save_outside_admin(sender, instance, raw=False, **kwargs):
    """post_save: a save made outside the admin (shell, management command, factory) is a revision too.

    The admin's views open their own revision, with the user and the change message: then this does
    nothing. Many-to-many links set after save() (visitors added in the shell) are not in this revision;
    the admin records the state as it finds it before the next change (HistoryAdminMixin).
    """
    # A migration's historical model ("__fake__") shares the registered model's name but not its relations.
    if raw or revisions.is_active() or not revisions.is_registered(sender) or sender.__module__ == "__fake__":
        return
    with revisions.create_revision():
        revisions.add_to_revision(instance)
        revisions.set_comment(str(_("Saved outside the admin.")))


def matches_latest_version(obj):
    """Whether the latest recorded version of `obj` is the state it has now (False if none is recorded)."""
    latest = versions_of(obj).order_by("-pk").first()
    if latest is None:
        return False
    try:
        stored = snapshot_of_version(latest)
    except RevertError:
        return False
    now = snapshot_of_object(obj)
    # Inline objects by their values: their names may read differently now than when stored.
    related_values = [{key: values for key, (_name, values) in snapshot.related.items()} for snapshot in (stored, now)]
    return stored.values == now.values and related_values[0] == related_values[1]


# --- Differences -------------------------------------------------------------------------------


class Lookups:
    """Names of the objects that foreign keys and many-to-many links point to: one query per model."""

    def __init__(self, snapshots):
        wanted = {}
        for snapshot in snapshots:
            for model, values in [(snapshot.model, snapshot.values)] + [
                (model, values) for (model, _id), (_name, values) in snapshot.related.items()
            ]:
                for model_field in _compared_fields(model):
                    if not model_field.is_relation:
                        continue
                    value = values.get(model_field.attname)
                    pks = value if model_field.many_to_many else [value]
                    wanted.setdefault(model_field.related_model, set()).update(pk for pk in pks or [] if pk)
        self.names = {
            model: {pk: str(obj) for pk, obj in model._base_manager.in_bulk(list(pks)).items()}
            for model, pks in wanted.items()
            if pks
        }

    def name(self, model, pk):
        found = self.names.get(model, {}).get(pk)
        return found if found is not None else _("#%(pk)s (deleted)") % {"pk": pk}


def field_label(model_field):
    if isinstance(model_field, TranslationField):
        language = dict(settings.LANGUAGES).get(model_field.language, model_field.language)
        return f"{capfirst(model_field.translated_field.verbose_name)} ({language})"
    return str(capfirst(model_field.verbose_name))


def display_value(model_field, value, lookups):
    """A stored value as the admin would show it; "" for no value."""
    if value is None or value == []:
        return ""
    if model_field.many_to_many:
        return ", ".join(lookups.name(model_field.related_model, pk) for pk in value)
    if model_field.is_relation:
        return lookups.name(model_field.related_model, value)
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value) if timezone.is_aware(value) else value)
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def _is_long(model_field, old, new):
    if isinstance(model_field, FileField) or model_field.is_relation:
        return False
    texts = [value for value in (old, new) if isinstance(value, str)]
    return bool(texts) and (
        isinstance(model_field, TextField) or any(len(text) > LONG_TEXT or "\n" in text for text in texts)
    )


def word_diff(old, new, context=CONTEXT_WORDS):
    """[(operation, text)]: the words deleted and inserted, with a few unchanged words around them.

    Operations are "equal", "delete", "insert" and "skip" (unchanged words left out). Spacing and
    line breaks are not compared: a change of wording is what a reader looks for.
    """
    a, b = (old or "").split(), (new or "").split()
    if a == b:
        return [("skip", str(_("Only spacing or line breaks changed.")))]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < REWRITTEN:
        # Rewritten rather than edited: word by word would interleave two different texts.
        return [*_shortened("delete", a), *_shortened("insert", b)]
    chunks = _merge_small_equal_runs(matcher.get_opcodes(), a, b)
    segments = []
    for index, (tag, old_words, new_words) in enumerate(chunks):
        if tag != "equal":
            segments += [("delete", " ".join(old_words))] if old_words else []
            segments += [("insert", " ".join(new_words))] if new_words else []
            continue
        head = [] if index == 0 else old_words[:context]
        tail = [] if index == len(chunks) - 1 else old_words[-context:]
        if len(head) + len(tail) >= len(old_words):
            segments.append(("equal", " ".join(old_words)))
            continue
        segments += [("equal", " ".join(head))] if head else []
        segments.append(("skip", "…"))
        segments += [("equal", " ".join(tail))] if tail else []
    return segments


def _merge_small_equal_runs(opcodes, a, b):
    """[(tag, old words, new words)], a single unchanged word between two changes taken into them.

    Otherwise "the" or "and" common to two different sentences cuts a change into confetti.
    """
    chunks = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        between_changes = 0 < index < len(opcodes) - 1
        if tag == "equal" and not (between_changes and i2 - i1 <= 1):
            chunks.append(["equal", a[i1:i2], b[j1:j2]])
        elif chunks and chunks[-1][0] == "change":
            chunks[-1][1] += a[i1:i2]
            chunks[-1][2] += b[j1:j2]
        else:
            chunks.append(["change", a[i1:i2], b[j1:j2]])
    return chunks


def _shortened(operation, words, limit=LONG_TEXT_WORDS):
    if not words:
        return []
    if len(words) <= limit:
        return [(operation, " ".join(words))]
    return [(operation, " ".join(words[:limit])), ("skip", "…")]


def diff_values(model, old, new, lookups):
    changes = []
    for model_field in _compared_fields(model):
        before, after = old.get(model_field.attname), new.get(model_field.attname)
        if before == after:
            continue
        change = FieldChange(
            label=field_label(model_field),
            old=display_value(model_field, before, lookups),
            new=display_value(model_field, after, lookups),
        )
        if model_field.many_to_many:
            change.segments = link_diff(model_field, before, after, lookups)
            change.separator = ", "
        elif _is_long(model_field, before, after):
            change.segments = word_diff(before or "", after or "")
        changes.append(change)
    return changes


def link_diff(model_field, old, new, lookups):
    """Many-to-many links: those kept, removed and added, by name."""
    old, new = set(old or []), set(new or [])
    segments = [
        (
            "delete" if pk not in new else "insert" if pk not in old else "equal",
            lookups.name(model_field.related_model, pk),
        )
        for pk in old | new
    ]
    return sorted(segments, key=lambda segment: segment[1])


def diff_snapshots(old, new, lookups=None):
    """What changed from `old` to `new`: the object's fields, then its inline objects."""
    lookups = lookups or Lookups([old, new])
    related = []
    for key in sorted(set(old.related) | set(new.related), key=lambda key: (key[0]._meta.label, key[1])):
        model = key[0]
        kind = str(capfirst(model._meta.verbose_name))
        if key not in old.related:
            related.append(RelatedChange("added", kind, new.related[key][0]))
        elif key not in new.related:
            related.append(RelatedChange("removed", kind, old.related[key][0]))
        else:
            changes = diff_values(model, old.related[key][1], new.related[key][1], lookups)
            if changes:
                related.append(RelatedChange("changed", kind, new.related[key][0], changes))
    return Changes(diff_values(old.model, old.values, new.values, lookups), related)


# --- History of one object ----------------------------------------------------------------------


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user")


def object_history(obj):
    """Every recorded version of `obj`, newest first, each with what changed since the one before."""
    versions = list(versions_of(obj).prefetch_related("revision__version_set").order_by("pk"))
    snapshots = []
    for version in versions:
        try:
            snapshots.append(snapshot_of_version(version, version.revision.version_set.all()))
        except RevertError:
            # Stored by an older, incompatible shape of the model: listed, but not compared.
            snapshots.append(None)
    lookups = Lookups([snapshot for snapshot in snapshots if snapshot is not None])
    entries = []
    previous = None
    for version, snapshot in zip(versions, snapshots, strict=True):
        changes = None
        if snapshot is not None and previous is not None:
            changes = diff_snapshots(previous, snapshot, lookups)
        entries.append(HistoryEntry(version, version.revision, changes, readable=snapshot is not None))
        previous = snapshot if snapshot is not None else previous
    if entries:
        entries[-1].is_latest = True
    entries.reverse()
    return entries


# --- Concurrency --------------------------------------------------------------------------------


def version_token(obj):
    """What identifies the state of `obj` an editor loaded: the time of its last save, to the microsecond."""
    value = getattr(obj, "updated_at", None)
    return value.astimezone(datetime.UTC).isoformat() if value else ""


def current_token(model, pk, lock=True):
    """The token of the row as the database holds it now, locking the row for the rest of the transaction."""
    rows = model._base_manager.filter(pk=pk)
    if lock and connection.in_atomic_block:
        # Two saves racing each other: the second waits here until the first is committed.
        rows = rows.select_for_update()
    value = rows.values_list("updated_at", flat=True).first()
    return value.astimezone(datetime.UTC).isoformat() if value else ""


def parse_token(token):
    try:
        value = datetime.datetime.fromisoformat(token)
    except (TypeError, ValueError):
        return None
    return value if timezone.is_aware(value) else None


@dataclass
class Conflict:
    """Someone saved the object after the editor loaded it: who, when, and what they changed."""

    saves: list
    changes: Changes | None
    changed_at: datetime.datetime | None = None


def find_conflict(obj, loaded_token, current=None):
    """The saves of `obj` made after the state identified by `loaded_token`, and their changes.

    `current` is the state to compare with, when the database row is not it (during a restore).
    Where the loaded state is not in the history (changed outside the admin, or a token that was
    tampered with), neither is known: only the time of the last save is.
    """
    loaded_version = _version_with_token(obj, loaded_token)
    if loaded_version is None:
        return Conflict(saves=[], changes=None, changed_at=getattr(obj, "updated_at", None))
    later = versions_of(obj).filter(pk__gt=loaded_version.pk).order_by("pk")
    loaded = snapshot_of_version(loaded_version)
    return Conflict(
        saves=[(version.revision.user, version.revision.date_created) for version in later],
        changes=diff_snapshots(loaded, current or snapshot_of_object(obj)),
        changed_at=getattr(obj, "updated_at", None),
    )


def _version_with_token(obj, token):
    """The recorded version of `obj` whose last save is the one `token` names, or None."""
    loaded_at = parse_token(token)
    if loaded_at is None:
        return None
    updated_at = obj._meta.get_field("updated_at")
    wanted = _normalise(updated_at, loaded_at)
    for version in versions_of(obj).order_by("-pk"):
        try:
            stored = version.field_dict.get("updated_at")
        except RevertError:
            continue
        if stored is not None and _normalise(updated_at, stored) == wanted:
            return version
    return None

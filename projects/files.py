"""Uploaded files go when nothing uses them any more: a replaced upload and the uploads of a deleted object.

A photo keeps its owner's data (a face, a place) after it was replaced; it must not stay online at an
address anyone kept. `delete_replaced_files(Model, "image", ...)` (called from each app's ready())
deletes from the storage, through the storage API:
- the previous file of a field that now holds another one, once the save is committed;
- every file of a deleted object, once the delete is committed;
- with each image, its renditions (projects.web.images).
A transaction that is rolled back deletes nothing. A file still used by another row (the same name
in any registered field) is kept. Older revisions in the history still name the old file: restoring
one brings back the text, and the page shows no image until a new one is uploaded.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from projects.web.images import ALL_RENDITION_WIDTHS, rendition_name

logger = logging.getLogger(__name__)

# (model, field name) of every registered file field, to check that no row still uses a file.
REGISTERED = []


def delete_replaced_files(model, *field_names):
    for field_name in field_names:
        REGISTERED.append((model, field_name))
    uid = f"{model._meta.label}.files"
    pre_save.connect(partial(_remember_previous, field_names=field_names), sender=model, weak=False, dispatch_uid=uid)
    post_save.connect(partial(_delete_previous, field_names=field_names), sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(partial(_delete_current, field_names=field_names), sender=model, weak=False, dispatch_uid=uid)


def _remember_previous(sender, instance, raw=False, field_names=(), **kwargs):
    instance._previous_files = {}
    if raw or instance.pk is None:
        return
    previous = sender._base_manager.filter(pk=instance.pk).values(*field_names).first() or {}
    for field_name in field_names:
        old = previous.get(field_name)
        if old and old != getattr(instance, field_name).name:
            instance._previous_files[field_name] = old


def _delete_previous(sender, instance, raw=False, field_names=(), **kwargs):
    for field_name, name in getattr(instance, "_previous_files", {}).items():
        storage = sender._meta.get_field(field_name).storage
        transaction.on_commit(partial(delete_unused_file, storage, name), using=kwargs.get("using"))
    instance._previous_files = {}


def _delete_current(sender, instance, field_names=(), **kwargs):
    for field_name in field_names:
        field_file = getattr(instance, field_name)
        if field_file and field_file.name:
            transaction.on_commit(
                partial(delete_unused_file, field_file.storage, field_file.name), using=kwargs.get("using")
            )


def file_in_use(name):
    return any(model._base_manager.filter(**{field_name: name}).exists() for model, field_name in REGISTERED)


def delete_unused_file(storage, name):
    """Delete `name` and its renditions from the storage unless a row still uses it."""
    if file_in_use(name):
        return
    for stored in (name, *(rendition_name(name, width) for width in ALL_RENDITION_WIDTHS)):
        try:
            storage.delete(stored)
        except Exception as error:  # noqa: BLE001 - a file that cannot be deleted is logged, never a failed save
            logger.warning("Could not delete %s from the storage: %s", stored, error)

"""Optimistic concurrency in the admin: a save based on an outdated page is refused, not silently applied.

The change form carries, in a hidden field, the time of the last save of the object the editor loaded
(`updated_at`, to the microsecond). On save the form compares it with the database row, locked for the
rest of the admin's transaction so that two saves cannot pass the check together. If they differ,
someone else saved in between: the form is shown again with the editor's input, an error naming who
changed what, and the new token, so that saving again (now knowingly) overwrites.
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from . import versions as history

TOKEN_FIELD = "concurrency_token"  # noqa: S105 (a form field's name, no secret)
# Set on the request by the restore view: the state before it puts an earlier version in place.
_CURRENT_STATE = "_concurrency_current_state"


def remember_current_state(request, obj):
    """Keep the token and state of `obj` as they are, before a view changes the row inside its transaction."""
    setattr(request, _CURRENT_STATE, (history.current_token(type(obj), obj.pk), history.snapshot_of_object(obj)))


def _current_state(request, instance):
    """(token, snapshot or None) of the object as the database holds it, its row locked from now on."""
    remembered = getattr(request, _CURRENT_STATE, None)
    if remembered is not None:
        return remembered
    return history.current_token(type(instance), instance.pk), None


def _loaded_token(request, instance):
    """The token a freshly shown form carries: the object as it was read for this page."""
    remembered = getattr(request, _CURRENT_STATE, None)
    return remembered[0] if remembered is not None else history.version_token(instance)


def concurrency_form(form_class, request):
    """`form_class` with the hidden version token and the check of it against the database."""

    class ConcurrencyForm(form_class):
        concurrency_token = forms.CharField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk is not None:
                self.fields[TOKEN_FIELD].initial = _loaded_token(request, self.instance)

        def clean(self):
            cleaned_data = super().clean()
            if self.instance.pk is not None:
                self._check_version(cleaned_data.get(TOKEN_FIELD, ""))
            return cleaned_data

        def _check_version(self, loaded_token):
            current_token, current_snapshot = _current_state(request, self.instance)
            if loaded_token == current_token:
                return
            if not loaded_token:
                message = _(
                    "This form was sent without the version of the page it was based on, so it cannot tell "
                    "whether someone else changed this %(name)s meanwhile. Nothing was saved. Check the "
                    "values below and save again."
                ) % {"name": self.instance._meta.verbose_name}
            else:
                message = self._conflict_message(loaded_token, current_snapshot)
            self.add_error(None, ValidationError(message, code="conflict"))
            # The editor has now been told: the next save is made knowingly, against the current version.
            self.data = self.data.copy()
            self.data[self.add_prefix(TOKEN_FIELD)] = current_token

        def _conflict_message(self, loaded_token, current_snapshot):
            current = type(self.instance)._base_manager.get(pk=self.instance.pk)
            conflict = history.find_conflict(current, loaded_token, current_snapshot)
            # Rendered with autoescape: names and texts typed by editors stay text.
            return render_to_string(
                "admin/history/conflict.html",
                {"conflict": conflict, "opts": current._meta, "object": current},
                request=request,
            )

    ConcurrencyForm.__name__ = ConcurrencyForm.__qualname__ = form_class.__name__
    return ConcurrencyForm


class ConcurrencyAdminMixin:
    """Adds the version token to the change form of an admin whose model has `updated_at`."""

    @property
    def media(self):
        # Styles of the conflict message (and of the restore form, which is this change form).
        return super().media + forms.Media(css={"all": ["history/history.css"]})

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not fieldsets or TOKEN_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        if not self.has_change_permission(request, obj):
            # A view-only page shows every field as text: the token would appear as one.
            return fieldsets
        # In the first fieldset: a hidden field gets a hidden row, so no empty box is drawn.
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], TOKEN_FIELD]}), *rest]

    def get_readonly_fields(self, request, obj=None):
        # The token is no model field: it is never shown as a read-only value.
        return [name for name in super().get_readonly_fields(request, obj) if name != TOKEN_FIELD]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields") is not None:
            # The model form factory only accepts model fields; the token is declared by the subclass.
            kwargs["fields"] = [name for name in kwargs["fields"] if name != TOKEN_FIELD]
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form
        return concurrency_form(form, request)

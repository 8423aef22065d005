"""History that loses nothing: every admin save is a revision; the history page lists them with what changed,
and an earlier version can be restored. Saves outside the admin are revisions too (history.record_save_outside_admin).

A mixin rather than reversion's VersionAdmin: VersionAdmin also replaces the change list template and
adds views for recovering deleted objects, which would collide with the other admin mixins of the site.
What is kept from it: revisions around the admin's views (reversion's API), the user and the change
message on each revision, registration of the model with the inlines it follows.
"""

from contextlib import contextmanager, nullcontext

from django.contrib import messages
from django.contrib.admin import options
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import select_template
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion import revisions
from reversion.errors import RevertError
from reversion.utils import mute_signals

from . import versions as history
from .concurrency import remember_current_state


class _RollBack(Exception):
    """Carries a rendered response out of a transaction that must not be kept."""

    def __init__(self, response):
        self.response = response


def _follow_name_of_inline(model, inline):
    """The accessor from `model` to the objects an inline edits (e.g. "recordings"), or None."""
    if not issubclass(inline, options.InlineModelAdmin):
        return None
    fk_name = inline.fk_name
    if not fk_name:
        for candidate in inline.model._meta.get_fields():
            if isinstance(candidate, models.ForeignKey) and issubclass(model, candidate.remote_field.model):
                fk_name = candidate.name
                break
    if not fk_name:
        return None
    remote = inline.model._meta.get_field(fk_name).remote_field
    return None if remote.hidden else remote.get_accessor_name()


class HistoryAdminMixin:
    """Records a revision on every admin save and offers the history page and the restore view."""

    object_history_template = "admin/history/object_history.html"
    restore_form_template = "admin/history/restore_form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._register_with_reversion()

    def _register_with_reversion(self):
        # Many-to-many links (visitors, releases, events) are stored in the object's own version;
        # inline objects (recordings, transfers) are followed so that a revision carries them too.
        follow = []
        for inline in self.inlines:
            name = _follow_name_of_inline(self.model, inline)
            if name:
                follow.append(name)
                if not revisions.is_registered(inline.model):
                    revisions.register(inline.model)
        if not revisions.is_registered(self.model):
            revisions.register(self.model, follow=follow)

    @contextmanager
    def revision(self, request):
        with revisions.create_revision():
            revisions.set_user(request.user if request.user.is_authenticated else None)
            yield

    # --- Recording ---

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if revisions.is_active():
            # Stored as the admin's structured message: shown later in the reader's language.
            revisions.set_comment(entry.change_message or gettext("Created."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if revisions.is_active():
            revisions.set_comment(entry.change_message)
        return entry

    def add_view(self, request, form_url="", extra_context=None):
        with self.revision(request):
            return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            self._record_state_not_in_history(request, object_id)
        with self.revision(request):
            return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        # Actions and list-editable saves change objects too. Not the deletion action: a revision
        # saved after the deletion would drop the deleted objects' last state (see delete_queryset).
        recorded = request.method == "POST" and request.POST.get("action") != "delete_selected"
        context = self.revision(request) if recorded else nullcontext()
        with context:
            return super().changelist_view(request, extra_context)

    def _record_state_not_in_history(self, request, object_id):
        """Keep the object's state first where the history does not hold it.

        Saves outside the admin are recorded, but not everything is: objects created before history was
        kept, links added after save() in the shell, queryset updates.
        """
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            return
        if history.matches_latest_version(obj):
            return
        first = not history.versions_of(obj).exists()
        with revisions.create_revision():
            revisions.add_to_revision(obj)
            revisions.set_comment(
                gettext("State before the first recorded change.")
                if first
                else gettext("State as found before this change: changed outside the recorded history.")
            )

    def delete_model(self, request, obj):
        self._record_state_before_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._record_state_before_deletion(request, list(queryset))
        super().delete_queryset(request, queryset)

    def _record_state_before_deletion(self, request, objects):
        # A deleted object's last state stays in the history tables, with who deleted it.
        with self.revision(request):
            revisions.set_comment(gettext("Deleted."))
            for obj in objects:
                revisions.add_to_revision(obj)

    # --- Permissions ---

    def has_restore_permission(self, request, obj):
        """Only someone who may change every field of `obj` may restore it.

        A restore brings back every field at once. A coordinator who may only translate another city's
        object sees its other fields read-only: restoring would change them behind that rule.
        """
        if obj is None or not self.has_change_permission(request, obj):
            return False
        always_read_only = {*self.readonly_fields, *self.get_readonly_fields(request, None)}
        return set(self.get_readonly_fields(request, obj)) <= always_read_only

    # --- Views ---

    def get_urls(self):
        # Before the admin's own patterns: "<path:object_id>/" would swallow these addresses.
        return [
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_restore",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            # The admin's own view answers these (redirect with a message, or 403).
            return super().history_view(request, object_id, extra_context)
        can_restore = self.has_restore_permission(request, obj)
        entries = history.object_history(obj)
        for entry in entries:
            entry.restore_url = (
                reverse(
                    f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_restore",
                    args=[quote(str(obj.pk)), entry.version.pk],
                )
                if can_restore and not entry.is_latest and entry.readable
                else None
            )
        context = {"revisions": entries, "can_restore": can_restore, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def restore_view(self, request, object_id, version_id):
        """An earlier version, shown in the change form; saving it restores it, as a new revision.

        As reversion's admin does it: inside a transaction, the object and its inline objects are put
        back as they were (only these: not other objects saved in the same revision), then the
        ordinary change form runs on them, with its permissions, read-only fields and validation.
        Showing the form, or a refused save, rolls everything back; a valid save is kept and recorded
        as a revision of its own.
        """
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        version = get_object_or_404(history.versions_of(obj), pk=version_id)
        try:
            earlier = version._object_version.object
        except RevertError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(self._history_url(obj))
        # Checked on the object as it is and as it would become: restoring must not move an
        # object into or out of another city's hands.
        if not self.has_restore_permission(request, obj) or not self.has_restore_permission(request, earlier):
            raise PermissionDenied
        # Only showing the form: what a save would set off (checks, bookkeeping) stays muted.
        signals = (
            mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
            if request.method != "POST"
            else nullcontext()
        )
        saved_at = formats.localize(timezone.localtime(version.revision.date_created))
        context = {
            "title": _("Restore an earlier version of %(name)s") % {"name": obj},
            "restore_version": version,
            "restore_saved_at": saved_at,
            "history_url": self._history_url(obj),
            "show_save_and_add_another": False,
            "show_save_and_continue": False,
            "show_delete": False,
        }
        try:
            with transaction.atomic(using=router.db_for_write(self.model)), signals:
                remember_current_state(request, obj)
                # Inside the restore's own revision: putting the old state back is not a save of its own.
                with self.revision(request):
                    history.revert(version)
                    response = self.changeform_view(request, quote(str(obj.pk)), request.path, context)
                    if request.method == "POST" and response.status_code == 302:
                        revisions.set_comment(gettext("Restored the version saved on %(date)s") % {"date": saved_at})
                    else:
                        if response.status_code == 200:
                            self._render_restore_form(response)
                        raise _RollBack(response)
        except (RevertError, models.ProtectedError, ValidationError) as error:
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, _("This version cannot be restored. %(reason)s") % {"reason": reason})
            return HttpResponseRedirect(self._history_url(obj))
        except _RollBack as rolled_back:
            return rolled_back.response
        messages.success(request, _("The version saved on %(date)s has been restored.") % {"date": saved_at})
        return HttpResponseRedirect(self._history_url(obj))

    def _render_restore_form(self, response):
        # The change form as the other mixins build it, with a notice on top.
        names = response.template_name
        response.context_data["restore_base_template"] = select_template([names] if isinstance(names, str) else names)
        response.template_name = self.restore_form_template
        # Rendered now, while the earlier version is in the database.
        response.render()

    def _history_url(self, obj):
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_history", args=[quote(str(obj.pk))]
        )

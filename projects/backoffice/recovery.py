"""Deleting without losing: the delete confirmation names the translations that go with an object, and
a deleted object is recovered from its last revision (django-reversion keeps it, history.py records
the state before every deletion).

`RecoveryAdminMixin` goes before `HistoryAdminMixin`. Recovery follows the same rule as restoring:
someone who may edit the object in full (an editor, or the coordinator of its city).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, router, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from reversion import revisions
from reversion.errors import RevertError
from reversion.models import Version

from projects.models import Partner

from . import versions as history

RECOVER_LIST_LIMIT = 100


def translations_of(obj):
    """["Hungarian (Nyíregyháza)", …]: the languages `obj` is written in besides English and its own
    city's, i.e. what other cities' coordinators translated, each with the city of that language."""
    try:
        fields = translator.get_options_for_model(type(obj)).all_fields
    except NotRegistered:
        return []
    own = getattr(getattr(obj, "author", None), "language", None)
    cities = dict(Partner.objects.values_list("language", "city"))
    found = []
    for code, name in settings.LANGUAGES:
        if code in (settings.MODELTRANSLATION_DEFAULT_LANGUAGE, own):
            continue
        if any(getattr(obj, f"{field}_{code}", None) for field in fields):
            found.append(f"{gettext(name)} ({cities[code]})" if code in cities else gettext(name))
    return found


class RecoveryAdminMixin:
    recover_list_template = "admin/history/recover_list.html"
    recover_form_template = "admin/history/recover_form.html"

    # --- Deleting: say what goes ---

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        if isinstance(response, TemplateResponse) and not response.is_rendered:
            obj = response.context_data.get("object")
            response.context_data["translations_removed"] = [(obj, translations_of(obj))] if obj else []
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (self._delete_selected_with_translations(function), name, description)
        return actions

    def _delete_selected_with_translations(self, function):
        def delete_selected(modeladmin, request, queryset):
            response = function(modeladmin, request, queryset)
            if isinstance(response, TemplateResponse) and not response.is_rendered:
                response.context_data["translations_removed"] = [(obj, translations_of(obj)) for obj in queryset]
            return response

        return delete_selected

    # --- Recovering ---

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("recover/", self.admin_site.admin_view(self.recoverlist_view), name=f"{name}_recoverlist"),
            path("recover/<int:version_id>/", self.admin_site.admin_view(self.recover_view), name=f"{name}_recover"),
            *super().get_urls(),
        ]

    def has_recover_permission(self, request, version):
        try:
            obj = version._object_version.object
        except RevertError:
            return False
        return self.has_add_permission(request) and self.has_restore_permission(request, obj)

    def deleted_versions(self, request):
        """The last version of each deleted object the user may recover, newest deletion first."""
        found = Version.objects.get_deleted(self.model).select_related("revision__user")[:RECOVER_LIST_LIMIT]
        return [version for version in found if self.has_recover_permission(request, version)]

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Recover deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            "deleted": self.deleted_versions(request),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.recover_list_template, context)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        if not self.has_recover_permission(request, version):
            raise PermissionDenied
        if self.model._base_manager.filter(pk=unquote(version.object_id)).exists():
            return HttpResponseRedirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"))
        obj = version._object_version.object
        if request.method == "POST":
            return self._recover(request, version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Recover %(name)s") % {"name": version.object_repr},
            "version": version,
            "translations": translations_of(obj),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.recover_form_template, context)

    def _recover(self, request, version):
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_recoverlist")
        try:
            with transaction.atomic(using=router.db_for_write(self.model)), revisions.create_revision():
                revisions.set_user(request.user)
                revisions.set_comment(gettext("Recovered after its deletion."))
                history.revert(version)
                obj = self.model._base_manager.get(pk=version.object_id)
                revisions.add_to_revision(obj)
        except (RevertError, IntegrityError, models.ProtectedError) as error:
            messages.error(
                request,
                _("“%(name)s” cannot be recovered. %(reason)s") % {"name": version.object_repr, "reason": error},
            )
            return HttpResponseRedirect(changelist)
        self.log_addition(request, obj, [{"added": {}}])
        messages.success(request, _("“%(name)s” has been recovered.") % {"name": obj})
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
        )

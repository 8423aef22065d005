"""The translation workflow in the press releases' admin.

- a "translations" column: each language complete (✓), missing (✗) or outdated (⟳), in text;
- list filters "missing translation" and "outdated translation" by language, in the database;
- on the change form (templates/admin/projects/pressrelease/change_form.html), the same at a
  glance with preview links per language, and for an outdated translation the user may edit a
  checkbox to re-confirm it when the change to the original needs no change to it.

Everything refers to the release's original language (PressRelease.original_language), marked as
such; the badges count the title and the body only, the lead being optional.

The state itself lives in the model (projects.translation_status); this module only shows it.
"""

import functools

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from projects import translation_status
from projects.models import PressRelease
from projects.translation_status import Status

from .preview import preview_url

# The name of the change form's re-confirm checkboxes; one value per language.
CONFIRM_FIELD = "_translation_confirmed"
SYMBOLS = {Status.COMPLETE: "✓", Status.MISSING: "✗", Status.OUTDATED: "⟳"}
LANGUAGE_NAMES = dict(settings.LANGUAGES)


class _LanguageFilter(admin.SimpleListFilter):
    languages = translation_status.LANGUAGE_CODES

    def lookups(self, request, model_admin):
        return [(code, LANGUAGE_NAMES[code]) for code in self.languages]

    def queryset(self, request, queryset):
        code = self.value()
        if code is None:
            return queryset
        if code not in self.languages:
            raise IncorrectLookupParameters(gettext("Unknown language: %(code)s") % {"code": code})
        return queryset.filter(self.condition(code))


class MissingTranslationFilter(_LanguageFilter):
    title = _("missing translation")
    parameter_name = "missing_translation"
    condition = staticmethod(translation_status.missing_q)


class OutdatedTranslationFilter(_LanguageFilter):
    title = _("outdated translation")
    parameter_name = "outdated_translation"
    condition = staticmethod(translation_status.outdated_q)


def describe(release, code):
    """ "Estonian: missing body" — the full sentence behind a symbol."""
    return _texts(get_language(), *_state(release, code))[0]


def status_label(release, code):
    return _texts(get_language(), *_state(release, code))[1]


def _missing(release, code):
    return translation_status.missing_fields(release, code)


def _state(release, code):
    state = release.translation_status(code)
    missing = tuple(_missing(release, code)) if state == Status.MISSING else ()
    return code, state, code == release.original_language, missing


@functools.lru_cache(maxsize=1024)
def _texts(language, code, state, is_original, missing):
    """(description, label) of one language's state, in the active `language`: a list of 50 releases
    asks for the same few sentences 250 times, each a handful of catalogue look-ups."""
    name = LANGUAGE_NAMES[code]
    if is_original and state == Status.COMPLETE:
        description = gettext("%(language)s: the original") % {"language": name}
    elif state == Status.MISSING:
        fields = ", ".join(str(PressRelease._meta.get_field(field).verbose_name) for field in missing)
        description = gettext("%(language)s: missing %(fields)s") % {"language": name, "fields": fields}
    elif state == Status.OUTDATED:
        description = gettext("%(language)s: outdated, the original changed after it was translated") % {
            "language": name
        }
    else:
        description = gettext("%(language)s: complete") % {"language": name}
    label = f"{code} {SYMBOLS[state]}"
    if is_original:
        label = f"{label} {gettext('original')}"
    elif state == Status.OUTDATED:
        label = f"{label} {Status.OUTDATED.label}"
    return description, label


class TranslationWorkflowAdminMixin:
    """For PressReleaseAdmin. Add "translations" to list_display and the two filters to list_filter."""

    @admin.display(description=_("translations"))
    def translations(self, obj):
        # Read from the row's own columns: no query per release.
        return format_html(
            '<span class="translation-status">{}</span>',
            format_html_join(
                " ",
                '<span class="translation-status__item translation-status--{}" title="{}">{}</span>',
                (
                    (state[1], *_texts(get_language(), *state))
                    for state in (_state(obj, code) for code in translation_status.LANGUAGE_CODES)
                ),
            ),
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            form = context["adminform"].form
            confirmed = request.POST.getlist(CONFIRM_FIELD) if request.method == "POST" else []
            if request.method == "POST":
                # The form came back with errors: `obj` holds what was typed, nothing of it saved. The
                # summary tells what is stored, never a publication or translation that did not happen.
                obj = self.model._default_manager.filter(pk=obj.pk).first() or obj
            context["summary_release"] = obj
            context["translation_rows"] = [
                {
                    "code": code,
                    "name": LANGUAGE_NAMES[code],
                    "status": obj.translation_status(code),
                    "label": status_label(obj, code),
                    "description": describe(obj, code),
                    "is_original": code == obj.original_language,
                    "missing": [
                        capfirst(PressRelease._meta.get_field(field).verbose_name) for field in _missing(obj, code)
                    ],
                    "preview_url": preview_url(obj, code),
                    "can_confirm": obj.is_translation_outdated(code) and self.may_edit_language(form, code),
                    "confirmed": code in confirmed,
                }
                for code in translation_status.LANGUAGE_CODES
            ]
            context["translation_confirm_field"] = CONFIRM_FIELD
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    @staticmethod
    def may_edit_language(form, code):
        """The user may write `code` in this form: its fields are there and not disabled (read-only
        fields are left out of the admin's form altogether)."""
        for name in translation_status.text_fields(code):
            field = form.fields.get(name)
            if field is None or field.disabled:
                return False
        return True

    def save_model(self, request, obj, form, change):
        if change:
            confirmed = []
            for code in dict.fromkeys(request.POST.getlist(CONFIRM_FIELD)):
                # Only a language the user may write in this form; any other value is ignored.
                if code in LANGUAGE_NAMES and self.may_edit_language(form, code) and obj.confirm_translation(code):
                    confirmed.append(LANGUAGE_NAMES[code])
            if confirmed:
                self.message_user(
                    request,
                    gettext("Marked as up to date with the original: %(languages)s.")
                    % {"languages": ", ".join(str(name) for name in confirmed)},
                    messages.SUCCESS,
                )
        super().save_model(request, obj, form, change)

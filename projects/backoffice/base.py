"""The base classes every model admin of the site builds on (projects, events, practices).

The bases are deliberately small: rules for the whole back office (per-city scope, revisions,
concurrency checks) are mixins in this package, added to these two classes or to a model's admin.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.db import models
from django.urls import NoReverseMatch
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from modeltranslation import settings as mt_settings
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from .scope import CityScopeMixin


def in_every_language(*fields):
    """`title` → `title_en`, `title_et`, …: a search finds a text in whichever language it was written."""
    return [build_localized_fieldname(field, code) for field in fields for code in mt_settings.AVAILABLE_LANGUAGES]


class SafeViewOnSiteMixin:
    """Offers "View on site" only where the object's public page exists.

    Some public pages (a partner's, an event's, a practice's) come in later issues: until their URL
    names exist, get_absolute_url() raises NoReverseMatch, and the admin's redirect would be a 500.
    """

    def get_view_on_site_url(self, obj=None):
        if obj is not None and hasattr(obj, "get_absolute_url"):
            try:
                obj.get_absolute_url()
            except NoReverseMatch:
                return None
        return super().get_view_on_site_url(obj)


class FastActionCheckboxMixin:
    """The change list's row checkbox written directly: Django renders a form widget through the
    template engine for each row, a third of the time a page of 50 releases takes to draw. The same
    markup, attributes and label as Django's."""

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj):
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )


# A web address typed without a scheme is taken as https (Django 6's default, chosen now).
FORMFIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class SiteAdmin(FastActionCheckboxMixin, CityScopeMixin, SafeViewOnSiteMixin, admin.ModelAdmin):
    """Base for models without translated fields."""

    list_per_page = 50
    formfield_overrides = FORMFIELD_OVERRIDES


class TranslatedAdmin(FastActionCheckboxMixin, CityScopeMixin, SafeViewOnSiteMixin, TranslationAdmin):
    """Base for models with translated fields: one tab per language above each translated field.

    modeltranslation's TabbedTranslationAdmin loads jQuery UI from a CDN; the site depends on no
    external host, so the same files are listed here with a vendored copy of jQuery UI instead.
    """

    list_per_page = 50
    formfield_overrides = FORMFIELD_OVERRIDES

    class Media:
        js = (
            "admin/js/jquery.init.js",
            "modeltranslation/js/force_jquery.js",
            "vendor/jquery-ui-1.13.3/jquery-ui.min.js",
            "modeltranslation/js/tabbed_translation_fields.js",
        )
        css = {"all": ("modeltranslation/css/tabbed_translation_fields.css",)}

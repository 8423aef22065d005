"""Admin of the projects app, and the base classes every admin of the site builds on.

The bases are deliberately small: later rules for the whole back office (per-city permissions,
revisions, concurrency checks) are meant to be added as mixins to these two classes, so that every
model admin of the three apps picks them up at once.
"""

from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from .admin_comfort import EditingComfortMixin, follow_user_language
from .admin_concurrency import ConcurrencyAdminMixin
from .admin_history import HistoryAdminMixin
from .admin_markdown import MarkdownPreviewAdminMixin
from .admin_media import ImageAdminMixin
from .admin_preview import ReleasePreviewAdminMixin
from .admin_scope import CityScopeMixin
from .admin_translation import MissingTranslationFilter, OutdatedTranslationFilter, TranslationWorkflowAdminMixin
from .models import Coordinator, Partner, Phase, PressRelease, Project, Semester

admin.site.site_header = _("BETTER administration")
admin.site.site_title = _("BETTER administration")
admin.site.index_title = _("Content of the BETTER site")
# After login a coordinator lands in their city's language (see admin_comfort).
admin.site.login = follow_user_language(admin.site.login)


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


# A web address typed without a scheme is taken as https (Django 6's default, chosen now).
FORMFIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class SiteAdmin(CityScopeMixin, SafeViewOnSiteMixin, admin.ModelAdmin):
    """Base for models without translated fields."""

    list_per_page = 50
    formfield_overrides = FORMFIELD_OVERRIDES


class TranslatedAdmin(CityScopeMixin, SafeViewOnSiteMixin, TranslationAdmin):
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


@admin.register(Project)
class ProjectAdmin(TranslatedAdmin):
    list_display = ["acronym", "name", "programme", "website"]
    search_fields = ["acronym", "name", "programme"]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "programme", "summary", "mission"]}),
        (_("Links"), {"fields": ["website", "second_website", "facebook_url", "twitter_url"]}),
    ]


class CoordinatorInline(admin.TabularInline):
    model = Coordinator
    extra = 0
    autocomplete_fields = ["user"]
    verbose_name_plural = _("coordinators (users who edit for this city)")


@admin.register(Partner)
class PartnerAdmin(ImageAdminMixin, TranslatedAdmin):
    image_field = "logo"
    image_alt_field = None  # public pages name a logo by its city
    list_display = ["city", "country", "language", "organisation", "contact_email", "order"]
    list_editable = ["order"]
    list_filter = ["language"]
    search_fields = [*in_every_language("city"), "slug", "organisation"]
    prepopulated_fields = {"slug": ("city_en",)}
    fieldsets = [
        (None, {"fields": ["city", "slug", "country", "language", "organisation", "order"]}),
        (_("Public contact"), {"fields": ["website", "contact_name", "contact_email", "logo"]}),
    ]
    inlines = [CoordinatorInline]


class SemesterInline(admin.TabularInline):
    model = Semester
    extra = 0
    ordering = ["number"]


@admin.register(Phase)
class PhaseAdmin(TranslatedAdmin):
    list_display = ["number", "name", "start_month", "end_month"]
    search_fields = in_every_language("name")
    fields = ["number", "name", "description", "start_month", "end_month"]
    inlines = [SemesterInline]


@admin.register(Semester)
class SemesterAdmin(SiteAdmin):
    list_display = ["number", "phase", "start_month", "end_month"]
    list_filter = ["phase"]
    list_select_related = ["phase"]
    ordering = ["number"]


@admin.register(PressRelease)
class PressReleaseAdmin(
    HistoryAdminMixin,
    ConcurrencyAdminMixin,
    ImageAdminMixin,
    MarkdownPreviewAdminMixin,
    EditingComfortMixin,
    TranslationWorkflowAdminMixin,
    ReleasePreviewAdminMixin,
    TranslatedAdmin,
):
    image_content_fields = ("title", "body")  # a release is written in a language with both
    markdown_fields = ("body",)
    phase_date_field = "published_at"
    # Related events and practices are edited from the event's and the practice's page: those
    # relations live in the higher apps, which this app never imports.
    city_field = "author"  # see admin_scope: a coordinator edits their city's releases
    list_display = ["title", "author", "status", "published_at", "translations"]
    list_filter = ["status", "author", MissingTranslationFilter, OutdatedTranslationFilter]
    list_select_related = ["author"]
    search_fields = [*in_every_language("title", "lead"), "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["author", "title", "slug", "lead", "body"]}),
        (_("Publication"), {"fields": ["status", "published_at"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]


@admin.register(Coordinator)
class CoordinatorAdmin(SiteAdmin):
    list_display = ["user", "full_name", "email", "partner", "is_active", "last_login"]
    list_filter = ["partner", "user__is_active"]
    list_select_related = ["user", "partner"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    autocomplete_fields = ["user"]

    @admin.display(description=_("name"), ordering="user__last_name")
    def full_name(self, obj):
        return obj.user.get_full_name()

    @admin.display(description=_("e-mail"), ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("active"), boolean=True, ordering="user__is_active")
    def is_active(self, obj):
        return obj.user.is_active

    @admin.display(description=_("last login"), ordering="user__last_login")
    def last_login(self, obj):
        return obj.user.last_login

"""Admin of the projects app's own models: project, partners, phases, semesters, releases, coordinators.

The bases and mixins they are made of live in projects.backoffice, shared with events and practices.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .backoffice.base import SiteAdmin, TranslatedAdmin, in_every_language
from .backoffice.comfort import EditingComfortMixin, follow_user_language
from .backoffice.concurrency import ConcurrencyAdminMixin
from .backoffice.history import HistoryAdminMixin
from .backoffice.markdown_preview import MarkdownPreviewAdminMixin
from .backoffice.media import ImageAdminMixin
from .backoffice.permissions import coordinator_partner, is_project_editor
from .backoffice.preview import ReleasePreviewAdminMixin
from .backoffice.recovery import RecoveryAdminMixin
from .backoffice.release_images import ImageReferencesFormMixin, ReleaseImageInline
from .backoffice.release_import import ReleaseImportAdminMixin
from .backoffice.release_links import limit_release_autocomplete
from .backoffice.tidy_admin import TidyPastedTextAdminMixin
from .backoffice.translation_workflow import (
    MissingTranslationFilter,
    OutdatedTranslationFilter,
    TranslationWorkflowAdminMixin,
)
from .models import Coordinator, Partner, Phase, PressRelease, Project, Semester, SitePage

admin.site.site_header = _("BETTER administration")
admin.site.site_title = _("BETTER administration")
admin.site.index_title = _("Content of the BETTER site")
# After login a coordinator lands in their city's language (see backoffice.comfort).
admin.site.login = follow_user_language(admin.site.login)


@admin.register(Project)
class ProjectAdmin(TranslatedAdmin):
    list_display = ["acronym", "name", "programme", "website"]
    search_fields = ["acronym", "name", "programme"]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "programme", "summary", "mission"]}),
        (_("Links"), {"fields": ["website", "second_website", "facebook_url", "twitter_url"]}),
    ]


@admin.register(SitePage)
class SitePageAdmin(HistoryAdminMixin, MarkdownPreviewAdminMixin, TranslatedAdmin):
    """The footer's pages (accessibility, privacy, contact...): project editors write them in each language."""

    markdown_fields = ("body",)
    list_display = ["key", "title", "updated_at"]
    search_fields = [*in_every_language("title"), "key"]
    readonly_fields = ["updated_at"]
    fields = ["key", "title", "body", "updated_at"]


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
    ReleaseImportAdminMixin,
    RecoveryAdminMixin,
    HistoryAdminMixin,
    ConcurrencyAdminMixin,
    ImageAdminMixin,
    TidyPastedTextAdminMixin,
    MarkdownPreviewAdminMixin,
    EditingComfortMixin,
    TranslationWorkflowAdminMixin,
    ReleasePreviewAdminMixin,
    TranslatedAdmin,
):
    image_content_fields = ("title", "body")  # a release is written in a language with both
    markdown_fields = ("body",)
    tidy_fields = ("body",)
    phase_date_field = "published_at"
    # Related events and practices are edited from the event's and the practice's page: those
    # relations live in the higher apps, which this app never imports.
    city_field = "author"  # see backoffice.scope: a coordinator edits their city's releases
    list_display = ["title", "author", "publication", "published_at", "translations"]
    list_filter = ["status", "author", MissingTranslationFilter, OutdatedTranslationFilter]
    list_select_related = ["author"]
    search_fields = [*in_every_language("title", "lead"), "slug"]
    date_hierarchy = "published_at"
    # Django's prepopulated slug follows one fixed field; the original language may be any tab, so
    # release-slug.js follows the chosen one. An empty slug is made on save (PressRelease.make_slug).
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["author", "original_language", "title", "slug", "lead", "body"]}),
        (_("Publication"), {"fields": ["status", "published_at"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [ReleaseImageInline]

    class Media:
        js = ["admin/js/urlify.js", "admin-extra/release-slug.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # modeltranslation requires English's title and body in the form; the original language may be
        # any, so PressRelease.clean() says which are required.
        if field is not None and db_field.name.startswith(("title_", "body_")):
            field.required = False
        return field

    def get_form(self, request, obj=None, **kwargs):
        # Subclass whatever form the other mixins built: the bodies may name only the release's images.
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (ImageReferencesFormMixin, form), {"__module__": form.__module__})

    @admin.display(description=_("status"), ordering="status")
    def publication(self, obj):
        # "Published" for a release that only appears later would promise too much.
        if obj.status == PressRelease.Status.PUBLISHED and obj.published_at and not obj.is_public:
            when = date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT")
            return gettext("Scheduled for %(when)s") % {"when": when}
        return obj.get_status_display()

    def get_changeform_initial_data(self, request):
        # A coordinator of a city that writes in another language writes in it first; Birmingham and
        # the project editors usually write in English.
        initial = super().get_changeform_initial_data(request)
        partner = coordinator_partner(request.user)
        if partner is not None and not is_project_editor(request.user):
            initial.setdefault("original_language", partner.language)
        return initial

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return limit_release_autocomplete(request, queryset), may_have_duplicates


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

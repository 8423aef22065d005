from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from projects.backoffice.base import TranslatedAdmin, in_every_language
from projects.backoffice.comfort import EditingComfortMixin
from projects.backoffice.concurrency import ConcurrencyAdminMixin
from projects.backoffice.history import HistoryAdminMixin
from projects.backoffice.markdown_preview import MarkdownPreviewAdminMixin
from projects.backoffice.media import ImageAdminMixin
from projects.backoffice.release_links import OwnReleasesMixin
from projects.backoffice.scope import CityScopedInlineMixin

from .forms import TransferAdminForm
from .models import Action, GoodPractice, RegionalActionPlan, Theme, Transfer


@admin.register(Theme)
class ThemeAdmin(TranslatedAdmin):
    list_display = ["name", "slug"]
    search_fields = [*in_every_language("name"), "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ["name", "slug"]


class TransferInline(CityScopedInlineMixin, TranslationStackedInline):
    model = Transfer
    form = TransferAdminForm
    extra = 0
    fields = ["importer", "stage", "study_visit", "import_workshop", "notes"]
    autocomplete_fields = ["study_visit", "import_workshop"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(
    OwnReleasesMixin,
    HistoryAdminMixin,
    ConcurrencyAdminMixin,
    ImageAdminMixin,
    MarkdownPreviewAdminMixin,
    EditingComfortMixin,
    TranslatedAdmin,
):
    markdown_fields = ("description",)
    city_field = "owner"  # see projects.backoffice.scope: a coordinator edits the practices their city owns
    list_display = ["title", "owner", "theme", "transfer_count"]
    list_filter = ["owner", "theme"]
    list_select_related = ["owner", "theme"]
    search_fields = [*in_every_language("title", "summary"), "slug"]
    prepopulated_fields = {"slug": ("title_en",)}
    # Events and press releases live in lower apps, which cannot know practices: edited here.
    autocomplete_fields = ["events", "releases"]
    fieldsets = [
        (None, {"fields": ["owner", "title", "slug", "theme", "summary", "description"]}),
        (
            _("Transferability"),
            {"fields": ["resources_needed", "evidence_of_success", "potential_for_transfer", "timescale", "website"]},
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Events and press"), {"fields": ["events", "releases"]}),
    ]
    inlines = [TransferInline]

    def get_queryset(self, request):
        # The count comes with the rows: one query for the whole list.
        return super().get_queryset(request).annotate(transfer_count=Count("transfers"))

    @admin.display(description=_("transfers"), ordering="transfer_count")
    def transfer_count(self, obj):
        return obj.transfer_count


@admin.register(Transfer)
class TransferAdmin(EditingComfortMixin, TranslatedAdmin):
    city_field = "practice__owner"
    form = TransferAdminForm
    list_display = ["practice", "owner", "importer", "stage", "study_visit", "import_workshop"]
    list_filter = ["stage", "importer", "practice__owner"]
    list_select_related = ["practice__owner", "importer", "study_visit", "import_workshop"]
    search_fields = in_every_language("practice__title")
    autocomplete_fields = ["practice", "study_visit", "import_workshop"]
    fields = ["practice", "importer", "stage", "study_visit", "import_workshop", "notes"]

    @admin.display(description=_("owner city"), ordering="practice__owner__order")
    def owner(self, obj):
        return obj.practice.owner


class ActionInline(CityScopedInlineMixin, TranslationStackedInline):
    model = Action
    extra = 0
    fields = ["number", "title", "status", "description", "practices"]
    autocomplete_fields = ["practices"]


@admin.register(RegionalActionPlan)
class RegionalActionPlanAdmin(TranslatedAdmin):
    city_field = "partner"
    list_display = ["title", "partner", "policy_instrument", "document"]
    list_filter = ["partner"]
    list_select_related = ["partner"]
    search_fields = in_every_language("title", "policy_instrument")
    fields = ["partner", "title", "policy_instrument", "summary", "document"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(TranslatedAdmin):
    city_field = "plan__partner"
    list_display = ["number", "title", "plan", "status"]
    list_filter = ["status", "plan__partner"]
    list_select_related = ["plan"]
    search_fields = in_every_language("title", "description")
    autocomplete_fields = ["practices"]
    fields = ["plan", "number", "title", "status", "description", "practices"]

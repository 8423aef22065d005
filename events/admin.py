from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from projects.backoffice.base import FORMFIELD_OVERRIDES, TranslatedAdmin, in_every_language
from projects.backoffice.comfort import EditingComfortMixin
from projects.backoffice.concurrency import ConcurrencyAdminMixin
from projects.backoffice.history import HistoryAdminMixin
from projects.backoffice.markdown_preview import MarkdownPreviewAdminMixin
from projects.backoffice.release_links import OwnReleasesMixin
from projects.backoffice.scope import CityScopedInlineMixin

from .forms import EventAdminForm
from .models import Event, Recording


class RecordingInline(CityScopedInlineMixin, TranslationTabularInline):
    model = Recording
    extra = 0
    formfield_overrides = FORMFIELD_OVERRIDES
    fields = ["title", "url", "order"]


@admin.register(Event)
class EventAdmin(
    OwnReleasesMixin,
    HistoryAdminMixin,
    ConcurrencyAdminMixin,
    MarkdownPreviewAdminMixin,
    EditingComfortMixin,
    TranslatedAdmin,
):
    form = EventAdminForm
    markdown_fields = ("description",)
    city_field = "host"  # see projects.backoffice.scope: a coordinator edits the events their city hosts
    list_display = ["title", "kind", "date", "host", "format", "semester", "phase"]
    list_filter = ["kind", "host", "semester__phase", "format", "date_precision"]
    list_select_related = ["host", "semester__phase"]
    search_fields = [*in_every_language("title", "theme"), "slug", "location"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("title_en",)}
    # Press releases live in the projects app, which cannot know events: the relation is edited here.
    autocomplete_fields = ["releases"]
    readonly_fields = ["semester", "phase", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "theme", "description"]}),
        (
            _("When"),
            {
                "fields": ["start_date", "end_date", "date_precision", "semester", "phase"],
                "description": _(
                    "The semester and phase follow from the start date when the event is saved; they are not typed."
                ),
            },
        ),
        (_("Where and who"), {"fields": ["format", "location", "host", "visitors"]}),
        (_("Press"), {"fields": ["releases"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [RecordingInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Five partner cities: plain checkboxes beat a two-box selector.
        if db_field.name == "visitors":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("date"), ordering="start_date")
    def date(self, obj):
        return obj.display_date

    @admin.display(description=_("phase"), ordering="semester__phase__number")
    def phase(self, obj):
        return obj.phase or "—"


@admin.register(Recording)
class RecordingAdmin(TranslatedAdmin):
    city_field = "event__host"
    list_display = ["title", "event", "url", "order"]
    list_select_related = ["event"]
    list_filter = ["event__kind"]
    search_fields = [*in_every_language("title"), "url", *in_every_language("event__title")]
    autocomplete_fields = ["event"]
    fields = ["event", "title", "url", "order"]

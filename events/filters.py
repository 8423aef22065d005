"""The events filter shared by the page, the iCalendar feed and the JSON API.

Every parameter is validated: an unknown city, kind or phase makes the form invalid, and the
views answer 400 with the form's errors instead of silently showing the unfiltered list.
"""

import re

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import Phase
from projects.web.filters import PartnerFiltersMixin, StrictFilterForm, partner_filter

from .models import Event


class YearInput(forms.NumberInput):
    """A number field that leaves out a submitted value that is not a number: `value="abc"` is invalid
    HTML on a number input (browsers show it empty anyway); the field's error says what was wrong."""

    # HTML's "valid floating-point number" (so not "nan" or "inf", which Python's float() takes).
    NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

    def format_value(self, value):
        value = super().format_value(value)
        return value if value is not None and self.NUMBER.fullmatch(str(value)) else None


class EventFilterForm(StrictFilterForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "phase" in self.fields:
            # The field's label says "Phase": its choices need only the number and name, which keeps
            # the longest of them ("1. Apprendimento internazionale") readable in a phone-wide select.
            self.fields["phase"].label_from_instance = lambda phase: f"{phase.number}. {phase.name}"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") and not cleaned.get("city"):
            self.add_error("role", _("Choose a city for the role to apply to."))
        return cleaned


class EventFilter(PartnerFiltersMixin, django_filters.FilterSet):
    city = partner_filter(label=_("City"), method="filter_city", empty_label=_("All cities"))
    role = django_filters.ChoiceFilter(
        label=_("Role of the city"),
        choices=[("host", _("Host")), ("visitor", _("Visitor"))],
        method="filter_nothing",
        empty_label=_("Host or visitor"),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices, empty_label=_("All kinds"))
    phase = django_filters.ModelChoiceFilter(
        label=_("Phase"),
        queryset=Phase.objects.all(),
        to_field_name="number",
        field_name="semester__phase",
        empty_label=_("All phases"),
        error_messages={"invalid_choice": _("There is no phase “%(value)s”.")},
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        field_name="start_date",
        lookup_expr="year",
        min_value=1990,
        max_value=2100,
        decimal_places=0,
        widget=YearInput,
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=Event.Format.choices, empty_label=_("All formats"))
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        method="filter_when",
        empty_label=_("Any time"),
    )

    class Meta:
        model = Event
        fields = ["city", "role", "kind", "phase", "year", "format", "when"]
        form = EventFilterForm

    def filter_city(self, queryset, name, partner):
        return queryset.involving(partner, role=self.form.cleaned_data.get("role") or None)

    def filter_nothing(self, queryset, name, value):
        # `role` only narrows `city`; filter_city reads it.
        return queryset

    def filter_when(self, queryset, name, value):
        return queryset.upcoming() if value == "upcoming" else queryset.past()

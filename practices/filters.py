"""The good-practice filter shared by the catalogue page and the JSON API.

Parameters: `city` (the owner city), `theme` and `imported-by` (a city that studied or imported the
practice). Every value is validated: an unknown slug makes the form invalid, and the views answer 400
with the form's errors instead of silently showing the unfiltered catalogue.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.web.filters import PartnerFiltersMixin, StrictFilterForm, partner_filter

from .models import Action, GoodPractice, Theme, Transfer

# The public parameter name has a hyphen, which no Python attribute can have: the filter is declared
# under a Python name and renamed in the class's filters (below the class), so the form field and the
# query parameter are "imported-by".
IMPORTED_BY = "imported-by"


class PracticeFilter(PartnerFiltersMixin, django_filters.FilterSet):
    city = partner_filter(label=_("Owner city"), field_name="owner", empty_label=_("All cities"))
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        field_name="theme",
        empty_label=_("All themes"),
        error_messages={"invalid_choice": _("There is no theme “%(value)s”.")},
    )
    imported_by = partner_filter(label=_("Imported by"), method="filter_imported_by", empty_label=_("Any city"))

    class Meta:
        model = GoodPractice
        fields = ["city", "theme", "imported_by"]
        form = StrictFilterForm

    def filter_imported_by(self, queryset, name, partner):
        """Practices the city studied or imported, or whose ideas its action plan took up: the same
        cities the transfer paths show (practices.selectors.transfer_paths)."""
        via_transfer = Transfer.objects.filter(importer=partner).values("practice_id")
        via_action = Action.practices.through.objects.filter(action__plan__partner=partner).values("goodpractice_id")
        # Subqueries rather than joins: one row per practice without DISTINCT.
        return queryset.filter(Q(pk__in=via_transfer) | (Q(pk__in=via_action) & ~Q(owner=partner)))

    @property
    def is_filtered(self):
        return self.is_bound and any(self.form.cleaned_data.get(name) for name in self.filters)


PracticeFilter.base_filters = {
    (IMPORTED_BY if name == "imported_by" else name): filter_ for name, filter_ in PracticeFilter.base_filters.items()
}

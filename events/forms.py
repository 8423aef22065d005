from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Event


class EventAdminForm(forms.ModelForm):
    """The event form of the admin: says what is wrong before the database or a signal would refuse it."""

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "slug",
            "theme",
            "description",
            "start_date",
            "end_date",
            "date_precision",
            "format",
            "location",
            "host",
            "visitors",
            "releases",
        ]
        help_texts = {
            "start_date": _(
                "The first day of the event. With month precision any day of the month will do: "
                "it is stored as the first of the month and shown as the month only (e.g. “October 2019”)."
            ),
            "end_date": _("Leave empty for a one-day event or when only the month is known."),
        }

    def clean(self):
        cleaned_data = super().clean()
        self._check_host_not_visiting(cleaned_data)
        return cleaned_data

    def _check_host_not_visiting(self, cleaned_data):
        # events.signals refuses this too, but only while saving, which in the admin would be a 500.
        # A field left out of the form (read-only) keeps its stored value, so check against that.
        if "host" not in self.fields and "visitors" not in self.fields:
            return
        if "host" in self.fields:
            host = cleaned_data.get("host")
        else:
            host = self.instance.host if self.instance.host_id else None
        if "visitors" in self.fields:
            visitors = cleaned_data.get("visitors") or []
        else:
            visitors = self.instance.visitors.all() if self.instance.pk else []
        if host is None or host not in visitors:
            return
        error = ValidationError(
            _("%(city)s hosts this event, so it cannot also be one of its visitors."),
            code="host_visiting",
            params={"city": host},
        )
        self.add_error("visitors" if "visitors" in self.fields else "host", error)

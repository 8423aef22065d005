from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Transfer


class TransferAdminForm(forms.ModelForm):
    """A transfer, on its own page or inline on its practice's page.

    Transfer.clean() checks the importer against the practice's owner, but only once the practice is
    saved; inline on a practice that is being created, or whose owner is being changed, the owner is
    known only from the practice form, so the check is made here against the practice in hand.
    """

    class Meta:
        model = Transfer
        fields = ["practice", "importer", "stage", "study_visit", "import_workshop", "notes"]

    def clean(self):
        cleaned_data = super().clean()
        practice = cleaned_data.get("practice") or self._parent_practice()
        importer = cleaned_data.get("importer")
        if practice is not None and importer is not None and practice.owner_id == importer.pk:
            self.add_error(
                "importer",
                ValidationError(
                    _("%(city)s owns this practice: a city cannot import its own practice."),
                    code="own_practice",
                    params={"city": importer},
                ),
            )
        return cleaned_data

    def _parent_practice(self):
        # Inline, the formset hands over the practice being edited (perhaps not saved yet).
        if Transfer.practice.is_cached(self.instance):
            return self.instance.practice
        return None

"""The admin's "Import release from file": several text files at once, each a draft release or a
translation, through projects.backoffice.importing (the same code as `manage.py import_press_releases`).

`ReleaseImportAdminMixin` goes before the release admin's base class. Its page is linked from the
release list; it is for users who may add releases, and what each may import follows the per-city
rules (importing.refusal_for_user), checked on the server.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from projects.models import Partner, PressRelease

from .importing import MAX_FILE_BYTES, import_file, refusal_for_user
from .permissions import coordinator_partner, is_project_editor

MAX_FILES = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(count)s files at once.") % {"count": MAX_FILES})
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ReleaseImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Text files"), help_text=_("UTF-8 (or UTF-16 with a byte-order mark), at most 1 MiB each.")
    )
    language = forms.ChoiceField(label=_("Language of the files"), choices=settings.LANGUAGES)
    partner = forms.ModelChoiceField(
        label=_("Written by"), queryset=Partner.objects.all(), required=False, help_text=_("For new releases.")
    )
    translation_of = forms.SlugField(
        label=_("Translation of (slug)"),
        required=False,
        help_text=_("Leave empty for new releases; the slug of a release to import its translation."),
    )
    replace = forms.BooleanField(label=_("Replace a translation that already has text"), required=False)
    dry_run = forms.BooleanField(label=_("Preview only: save nothing"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        own = coordinator_partner(user)
        if not is_project_editor(user):
            self.fields["partner"].queryset = Partner.objects.filter(pk=own.pk) if own else Partner.objects.none()
        if own is not None:
            self.fields["partner"].initial = own.pk
            self.fields["language"].initial = own.language

    def clean_translation_of(self):
        slug = self.cleaned_data["translation_of"]
        if not slug:
            return None
        release = PressRelease.objects.filter(slug=slug).first()
        if release is None:
            raise forms.ValidationError(_("No press release has this slug."))
        return release

    def clean(self):
        cleaned = super().clean()
        release = cleaned.get("translation_of")
        if "language" not in cleaned or self.has_error("translation_of"):
            return cleaned
        if release is None and cleaned.get("partner") is None:
            self.add_error("partner", _("Choose the city that wrote the releases."))
            return cleaned
        refusal = refusal_for_user(
            self.user, language=cleaned["language"], partner=cleaned.get("partner"), release=release
        )
        if refusal:
            raise forms.ValidationError(refusal)
        return cleaned


class ReleaseImportAdminMixin:
    def get_urls(self):
        opts = self.model._meta
        view = path(
            "import/",
            self.admin_site.admin_view(self.import_view),
            name=f"{opts.app_label}_{opts.model_name}_import",
        )
        # Before the admin's own patterns: "<path:object_id>/" would take this address otherwise.
        return [view, *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        results = []
        if request.method == "POST":
            form = ReleaseImportForm(request.POST, request.FILES, user=request.user)
            if form.is_valid():
                data = form.cleaned_data
                for upload in data["files"]:
                    # One byte over the limit is enough to refuse a file; the rest is never read.
                    content = upload.read(MAX_FILE_BYTES + 1)
                    results.append(
                        import_file(
                            upload.name,
                            content,
                            language=data["language"],
                            partner=data["partner"],
                            translation_of=data["translation_of"],
                            replace=data["replace"],
                            dry_run=data["dry_run"],
                        )
                    )
        else:
            form = ReleaseImportForm(user=request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import release from file"),
            "form": form,
            "results": results,
            "refused": sum(result.refused for result in results),
        }
        return TemplateResponse(request, "admin/projects/pressrelease/import.html", context)

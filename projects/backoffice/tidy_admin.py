""" "Tidy pasted text" in the admin: a release's body pasted from elsewhere, tidied on the server by
projects.backoffice.tidy (the importer's conversion) and shown in the Markdown preview before saving.

`TidyPastedTextAdminMixin` goes before MarkdownPreviewAdminMixin and names the fields:

    class PressReleaseAdmin(TidyPastedTextAdminMixin, MarkdownPreviewAdminMixin, TranslatedAdmin):
        tidy_fields = ("body",)
        markdown_fields = ("body",)

Each language's textarea gets data attributes that static/admin-extra/tidy-text.js turns into a
button beside "Update preview" (no inline script). The endpoint is POST only, CSRF-checked, staff
only (admin_view), and only for users who may add or change the model, as the preview's.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from projects.web.markdown import render_markdown

from .markdown_preview import LANGUAGE_CODES, MAX_PREVIEW_CHARACTERS
from .tidy import tidy_text


def _same(a, b):
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def tidy_for_field(text, language, title=""):
    """What the button puts in the form: the tidied body, the title, and what to tell the editor.

    The first line of a pasted text is its title. Where the form already has a different title, the
    pasted text is all body: the title is put before it, so tidying keeps every line in the body.
    """
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if title.strip() and not _same(tidy_text(first_line, language).title, title):
        text = f"{title}\n\n{text}"
    tidied = tidy_text(text, language)
    notes = []
    if tidied.removed:
        notes.append(
            gettext("Removed: %(text)s") % {"text": " · ".join(line.replace("\n", " ") for line in tidied.removed)}
        )
    if tidied.social_links:
        notes.append(gettext("Social-media links found: %(links)s") % {"links": ", ".join(tidied.social_links)})
    if tidied.proposed_date:
        month = formats.date_format(tidied.proposed_date, "YEAR_MONTH_FORMAT")
        notes.append(gettext("Release date in the text: %(month)s") % {"month": month})
    return {
        "title": tidied.title,
        "body": tidied.body,
        "html": render_markdown(tidied.body),
        "proposed_date": tidied.proposed_date.isoformat() if tidied.proposed_date else "",
        "message": " — ".join(notes) or gettext("Tidied; nothing was removed."),
    }


class TidyPastedTextAdminMixin:
    tidy_fields = ()
    # The text's first line is its title: it goes to this field of the same language when that is empty.
    tidy_title_field = "title"

    @property
    def media(self):
        return super().media + forms.Media(js=["admin-extra/admin-post.js", "admin-extra/tidy-text.js"])

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        source = getattr(db_field, "translated_field", db_field)
        language = db_field.name.rsplit("_", 1)[-1]
        if formfield is not None and source.name in self.tidy_fields and language in LANGUAGE_CODES:
            opts = self.model._meta
            formfield.widget.attrs.update(
                {
                    "data-tidy-url": reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_tidy_text"),
                    "data-tidy-language": language,
                    "data-tidy-title-field": f"id_{self.tidy_title_field}_{language}",
                    "data-tidy-label": gettext("Tidy pasted text"),
                    "data-tidy-error": gettext("The text could not be tidied."),
                }
            )
        return formfield

    def get_urls(self):
        opts = self.model._meta
        view = path(
            "tidy-text/",
            self.admin_site.admin_view(self.tidy_text_view),
            name=f"{opts.app_label}_{opts.model_name}_tidy_text",
        )
        # Before the admin's own patterns: "<path:object_id>/" would take this address otherwise.
        return [view, *super().get_urls()]

    def tidy_text_view(self, request):
        # admin_view has already required a staff user and, for a POST, a valid CSRF token.
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.POST.get("text", "")
        language = request.POST.get("language", "")
        if language not in LANGUAGE_CODES:
            return JsonResponse({"error": str(_("Unknown language."))}, status=400)
        if len(text) > MAX_PREVIEW_CHARACTERS:
            message = _("The text is too long to tidy: at most %(limit)s characters.") % {
                "limit": MAX_PREVIEW_CHARACTERS
            }
            return JsonResponse({"error": str(message)}, status=400)
        return JsonResponse(tidy_for_field(text, language, request.POST.get("title", "")))

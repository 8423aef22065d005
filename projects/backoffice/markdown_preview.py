"""Markdown preview in the admin: what a text will look like on the public page, under each language tab.

`MarkdownPreviewAdminMixin` goes before the admin's base class and names the admin's Markdown fields:

    class PressReleaseAdmin(MarkdownPreviewAdminMixin, TranslatedAdmin):
        markdown_fields = ("body",)

Each of those fields' textareas (one per language) gets a preview below it, rendered on the server
through projects.web.markdown (the same sanitiser as the public pages), so it works without JavaScript.
With JavaScript, an "Update preview" button re-renders what has been typed since, through a small
endpoint of the same admin: POST only, CSRF-checked, staff only, and only for users who may add or
change that model; an over-long text is a 400.
"""

from django.conf import settings
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from projects.web.markdown import render_markdown

MAX_PREVIEW_CHARACTERS = 100_000
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _language_of(field_name):
    """`body_et` → "et"; None for a field that is not a translation."""
    code = field_name.rsplit("_", 1)[-1]
    return code if code in LANGUAGE_CODES else None


class MarkdownPreviewWidget(AdminTextareaWidget):
    """The admin's textarea followed by the rendered, sanitised text."""

    def __init__(self, attrs=None, preview_url=""):
        super().__init__(attrs)
        self.preview_url = preview_url

    def render(self, name, value, attrs=None, renderer=None):
        textarea = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id") or self.attrs.get("id") or ""
        html = render_markdown(value or "")
        language = _language_of(name)
        output = (
            format_html('<div class="markdown-preview__output prose">{}</div>', mark_safe(html))  # noqa: S308 (nh3-sanitised)
            if html
            else format_html('<p class="markdown-preview__empty">{}</p>', gettext("Nothing to preview yet."))
        )
        return format_html(
            # One wrapper: the admin lays a field's label and input side by side, the preview goes below.
            '<div class="markdown-field">{textarea}<div class="markdown-preview" data-preview-url="{url}"'
            ' data-field-id="{field_id}"'
            ' data-empty-text="{empty}" data-error-text="{error}"{lang}>'
            '<div class="markdown-preview__bar"><span class="markdown-preview__title">{title}</span>'
            ' <button type="button" class="button markdown-preview__update" hidden>{button}</button>'
            ' <span class="markdown-preview__status" role="status"></span></div>'
            '<div class="markdown-preview__body">{output}</div></div></div>',
            textarea=textarea,
            url=self.preview_url,
            field_id=field_id,
            empty=gettext("Nothing to preview yet."),
            error=gettext("The preview could not be updated."),
            lang=format_html(' lang="{}"', language) if language else "",
            title=gettext("Preview (as on the public page)"),
            button=gettext("Update preview"),
            output=output,
        )

    class Media:
        js = ["admin-extra/admin-post.js", "admin-extra/markdown-preview.js"]
        css = {"all": ["admin-extra/admin-extra.css"]}


class MarkdownPreviewAdminMixin:
    markdown_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # modeltranslation copies each language's widget from the untranslated field's, so both get it.
        source = getattr(db_field, "translated_field", db_field)
        if source.name in self.markdown_fields:
            kwargs["widget"] = MarkdownPreviewWidget(preview_url=reverse(self._markdown_preview_url_name()))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        opts = self.model._meta
        preview = path(
            "markdown-preview/",
            self.admin_site.admin_view(self.markdown_preview_view),
            name=f"{opts.app_label}_{opts.model_name}_markdown_preview",
        )
        # Before the admin's own patterns: "<path:object_id>/" would take this address otherwise.
        return [preview, *super().get_urls()]

    def _markdown_preview_url_name(self):
        opts = self.model._meta
        return f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_markdown_preview"

    def markdown_preview_view(self, request):
        # admin_view has already required a staff user and, for a POST, a valid CSRF token.
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.POST.get("text", "")
        if len(text) > MAX_PREVIEW_CHARACTERS:
            message = _("The text is too long to preview: at most %(limit)s characters.") % {
                "limit": MAX_PREVIEW_CHARACTERS
            }
            return JsonResponse({"error": str(message)}, status=400)
        return JsonResponse({"html": render_markdown(text)})

"""Images in the admin: content-checked uploads, a thumbnail of the current image, alt text per language.

`ImageAdminMixin` goes before the admin's base class (release, partner, practice):

    class PressReleaseAdmin(ImageAdminMixin, TranslatedAdmin):
        image_content_fields = ("title", "body")

The upload field refuses anything that is not a real JPEG/PNG/WebP/GIF within the limits of
projects.web.images. With an image, its alt text is required in English (a release: its original)
and in every other language the object is written in (all of `image_content_fields` filled in that
language), as a form error on that language's alt-text field. The model is unchanged: the rules live
in the admin's form.
"""

from django.contrib.admin.widgets import AdminFileWidget
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

from projects.web.images import ImageUploadField, get_rendition

THUMBNAIL_WIDTH = 480  # a rendition the public pages use too: no extra file


class ImagePreviewWidget(AdminFileWidget):
    """The admin's file input with a thumbnail of the current image above it."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        rendition = get_rendition(value, THUMBNAIL_WIDTH) if value and getattr(value, "url", None) else None
        if rendition is None:
            return html
        return format_html(
            # The file's name is linked right below: the thumbnail adds nothing for a screen reader.
            '<div class="image-upload">'
            '<img class="image-upload-thumbnail" src="{}" width="{}" height="{}" alt="">{}</div>',
            rendition.url,
            rendition.width,
            rendition.height,
            html,
        )

    class Media:
        css = {"all": ["admin-extra/admin-extra.css"]}


class ImageAltTextFormMixin:
    """Form half of ImageAdminMixin (the admin sets the three attributes)."""

    image_field = "image"
    image_alt_field = "image_alt"
    image_content_fields = ("title",)

    def _post_clean(self):
        # After the model's own validation, on the instance as it would be saved: fields this user may
        # not edit (absent from the form) count with their stored values.
        super()._post_clean()
        if self.image_alt_field:
            self._require_alt_texts()

    def _require_alt_texts(self):
        instance = self.instance
        if not getattr(instance, self.image_field, None):
            return
        # Required in the language the object was written in first (a release's original language).
        default = getattr(instance, "original_language", None) or mt_settings.DEFAULT_LANGUAGE
        for code in mt_settings.AVAILABLE_LANGUAGES:
            field = build_localized_fieldname(self.image_alt_field, code)
            # A field the user cannot edit cannot take an error; one with an error already needs no second.
            if field not in self.fields or field in self.errors or getattr(instance, field, None):
                continue
            if code == default:
                self.add_error(field, _("Describe the image for people who cannot see it: the alt text is required."))
            elif self._written_in(code):
                language = get_language_info(code)["name_translated"]
                self.add_error(
                    field,
                    _("This %(object)s is written in %(language)s: describe its image in %(language)s too.")
                    % {"object": instance._meta.verbose_name, "language": language},
                )

    def _written_in(self, code):
        return all(
            getattr(self.instance, build_localized_fieldname(field, code), None) for field in self.image_content_fields
        )


class ImageAdminMixin:
    """Admin half: the checked upload field with its thumbnail, and the alt-text rules on the form."""

    image_field = "image"
    image_alt_field = "image_alt"  # None where the page names the image itself (a partner's logo)
    image_content_fields = ("title",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == self.image_field:
            kwargs["form_class"] = ImageUploadField
            kwargs["widget"] = ImagePreviewWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        # Subclass whatever form the other mixins and the admin built, rather than replace it.
        form = super().get_form(request, obj, **kwargs)
        attrs = {
            "__module__": form.__module__,
            "image_field": self.image_field,
            "image_alt_field": self.image_alt_field,
            "image_content_fields": tuple(self.image_content_fields),
        }
        return type(form.__name__, (ImageAltTextFormMixin, form), attrs)

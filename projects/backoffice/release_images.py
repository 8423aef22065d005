"""Images in a release's text: an inline of the release's admin, and the check of the body's image syntax.

A release holds, besides its hero image, images its body shows where it names them:
`![description](name)`. Each is uploaded in the "Images in the text" inline and checked exactly like
the hero image (projects.web.images: the content decides, within the same limits). Its alt text is
written per language, required in the release's original language.

The body may name no other image: `![…](https://…)`, `![…][reference]` or raw `<img>` would be
dropped by the sanitiser without a word, so the form refuses them, naming the line.
"""

import re

from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from projects.models import ReleaseImage
from projects.web.images import ImageUploadField
from projects.web.markdown import image_reference_errors

from .media import ImagePreviewWidget
from .scope import CityScopedInlineMixin

PREFIX = "images"  # the inline's formset prefix: the accessor of ReleaseImage.release


class ReleaseImageInline(CityScopedInlineMixin, TranslationStackedInline):
    model = ReleaseImage
    extra = 0
    fields = ["name", "image", "alt"]
    verbose_name_plural = _("images in the text (show one with ![description](name) in the body)")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "image":
            kwargs["form_class"] = ImageUploadField
            kwargs["widget"] = ImagePreviewWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ImageReferencesFormMixin:
    """For the release's form: every image the bodies name is one of the release's images."""

    def clean(self):
        cleaned = super().clean()
        names = self._image_names()
        for field in [name for name in self.fields if re.fullmatch(r"body_[a-z]{2}", name)]:
            for line, written in image_reference_errors(cleaned.get(field) or "", names):
                self.add_error(
                    field,
                    _(
                        "Line %(line)s: the image %(written)s is not one of this release's images. Upload it "
                        "under “Images in the text” and show it by its name: ![description](name)."
                    )
                    % {"line": line, "written": written},
                )
        return cleaned

    def _image_names(self):
        """The images the release will have once saved: those stored, less those deleted, plus those added."""
        stored = {}
        if self.instance.pk is not None:
            stored = dict(ReleaseImage.objects.filter(release=self.instance).values_list("pk", "name"))
        total = self.data.get(f"{PREFIX}-TOTAL_FORMS")
        if not (total or "").isdigit():
            return set(stored.values())
        names = set()
        for index in range(min(int(total), 1000)):
            row = f"{PREFIX}-{index}"
            if self.data.get(f"{row}-DELETE"):
                continue
            pk = self.data.get(f"{row}-id") or ""
            name = self.data.get(f"{row}-name") or (stored.get(int(pk)) if pk.isdigit() else None)
            if name:
                names.add(name.strip())
        # Rows the form did not post (an inline shown read-only) stay as they are.
        posted = {self.data.get(f"{PREFIX}-{index}-id") for index in range(min(int(total), 1000))}
        names.update(name for pk, name in stored.items() if str(pk) not in posted)
        return names

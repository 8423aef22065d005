from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.translator import TranslationOptions, register

from .models import Partner, Phase, PressRelease, Project, ReleaseImage, SitePage

# English is the source language and the only one required.


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("summary", "mission")
    required_languages = ("en",)


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("city",)
    required_languages = ("en",)


@register(Phase)
class PhaseTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    # A release is written first in any language (PressRelease.original_language): the model's clean()
    # and a constraint require that language's title and body, so no language is required here.
    fields = ("title", "lead", "body", "image_alt")
    required_languages = ()


@register(ReleaseImage)
class ReleaseImageTranslationOptions(TranslationOptions):
    fields = ("alt",)
    required_languages = ()


class ShownReleaseText(TranslationFieldDescriptor):
    """`release.title` (lead, body, image_alt) reads the text a page in the active language shows.

    modeltranslation falls back field by field to English: a Hungarian title over an English body, an
    English lead on a Hungarian page, nothing at all for a release with no English. A release is shown
    whole in one language instead (PressRelease.shown_language) and a missing optional field is left
    out. Assigning still writes the active language's column, as modeltranslation does.
    """

    def __get__(self, instance, owner):
        if instance is None:
            return self
        if not isinstance(instance, PressRelease):
            # modeltranslation's .values() reads through a stand-in object: its own fallback applies there.
            return super().__get__(instance, owner)
        return instance.shown_text(self.field.name)


for _name in PressReleaseTranslationOptions.fields:
    setattr(PressRelease, _name, ShownReleaseText(PressRelease._meta.get_field(_name)))


@register(SitePage)
class SitePageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"en": ("title", "body")}

from modeltranslation.translator import TranslationOptions, register

from .models import Partner, Phase, PressRelease, Project, SitePage

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
    fields = ("title", "lead", "body", "image_alt")
    required_languages = {"en": ("title", "body")}


@register(SitePage)
class SitePageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"en": ("title", "body")}

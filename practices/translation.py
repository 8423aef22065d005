from modeltranslation.translator import TranslationOptions, register

from .models import Action, GoodPractice, RegionalActionPlan, Theme, Transfer


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(GoodPractice)
class GoodPracticeTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "description",
        "resources_needed",
        "evidence_of_success",
        "potential_for_transfer",
        "timescale",
        "image_alt",
    )
    required_languages = {"en": ("title",)}


@register(Transfer)
class TransferTranslationOptions(TranslationOptions):
    fields = ("notes",)


@register(RegionalActionPlan)
class RegionalActionPlanTranslationOptions(TranslationOptions):
    fields = ("title", "policy_instrument", "summary")
    required_languages = {"en": ("title", "policy_instrument")}


@register(Action)
class ActionTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"en": ("title",)}

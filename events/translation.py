from modeltranslation.translator import TranslationOptions, register

from .models import Event, Recording


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "theme", "description")
    required_languages = {"en": ("title",)}


@register(Recording)
class RecordingTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)

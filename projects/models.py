import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import translation_status as translations
from .web.cache import VersionedQuerySet

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
COUNTRY_CODE = RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter ISO 3166 code in capitals, e.g. EE."))


class Project(models.Model):
    """The cooperation itself; the site shows one."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, unique=True)
    programme = models.CharField(_("programme"), max_length=200)
    summary = models.TextField(_("summary"))
    mission = models.TextField(_("mission"))
    website = models.URLField(_("website"), blank=True)
    second_website = models.URLField(_("second website"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    twitter_url = models.URLField(_("Twitter/X account"), blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.acronym


class Partner(models.Model):
    """A partner city government."""

    city = models.CharField(_("city"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    country = models.CharField(_("country (ISO code)"), max_length=2, validators=[COUNTRY_CODE])
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    organisation = models.CharField(_("organisation"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("public contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="partners/", blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")
        constraints = [
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="partner_country_iso_code"),
            models.CheckConstraint(condition=Q(language__in=LANGUAGE_CODES), name="partner_language_known"),
        ]

    def __str__(self):
        return self.city

    def get_absolute_url(self):
        return reverse("projects:partner-detail", kwargs={"slug": self.slug})


class Phase(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_month = models.DateField(_("start month"), help_text=_("The first day of the month."))
    end_month = models.DateField(_("end month"), help_text=_("The first day of the last month."))

    class Meta:
        ordering = ["number"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(condition=Q(start_month__lte=models.F("end_month")), name="phase_start_before_end"),
            models.CheckConstraint(condition=Q(number__gte=1), name="phase_number_positive"),
        ]

    def __str__(self):
        return _("Phase %(number)s: %(name)s") % {"number": self.number, "name": self.name}

    def clean(self):
        _clean_month_range(self)

    @property
    def end_date(self):
        return _last_day_of_month(self.end_month)


class Semester(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="semesters", verbose_name=_("phase"))
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    start_month = models.DateField(_("start month"))
    end_month = models.DateField(_("end month"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("semester")
        verbose_name_plural = _("semesters")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_month__lte=models.F("end_month")), name="semester_start_before_end"
            ),
        ]

    def __str__(self):
        return _("Semester %(number)s") % {"number": self.number}

    def clean(self):
        _clean_month_range(self)
        if self.phase_id and self.start_month and self.end_month:
            phase = self.phase
            if self.start_month < phase.start_month or self.end_month > phase.end_month:
                raise ValidationError(_("A semester must lie within its phase."))

    @property
    def end_date(self):
        return _last_day_of_month(self.end_month)

    @classmethod
    def containing(cls, day):
        """The semester a date falls in, or None (a date outside the project)."""
        if day is None:
            return None
        month = day.replace(day=1)
        return cls.objects.filter(start_month__lte=month, end_month__gte=month).select_related("phase").first()


def _last_day_of_month(month):
    next_month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return next_month - datetime.timedelta(days=1)


def _clean_month_range(obj):
    errors = {}
    for field in ("start_month", "end_month"):
        value = getattr(obj, field)
        if value and value.day != 1:
            setattr(obj, field, value.replace(day=1))
    if obj.start_month and obj.end_month and obj.start_month > obj.end_month:
        errors["end_month"] = _("The end month cannot be before the start month.")
    if errors:
        raise ValidationError(errors)


class PressReleaseQuerySet(VersionedQuerySet):
    def published(self):
        """Public releases: published and due. A future datetime publishes itself when it comes."""
        return self.filter(status=PressRelease.Status.PUBLISHED, published_at__lte=timezone.now())

    def in_language(self, language):
        """Releases that really exist in `language` (title and body written in it)."""
        if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            return self
        return (
            self.exclude(**{f"title_{language}": ""})
            .exclude(**{f"title_{language}__isnull": True})
            .exclude(**{f"body_{language}": ""})
            .exclude(**{f"body_{language}__isnull": True})
        )


class PressRelease(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    author = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="press_releases", verbose_name=_("authoring partner")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("body"), help_text=_("Markdown; tables are allowed."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication date and time"),
        null=True,
        blank=True,
        help_text=_("A future time schedules the release: it appears by itself when the time comes."),
    )
    image = models.ImageField(_("image"), upload_to="releases/", blank=True)
    image_alt = models.CharField(_("image alt text"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Which English text each translation was written from (see projects.translation_status);
    # kept by save(), never typed in. Equal to source_fingerprint: the translation is up to date.
    source_fingerprint = models.CharField(
        _("fingerprint of the English text"), max_length=64, blank=True, editable=False
    )
    et_source_fingerprint = models.CharField(
        _("English text the Estonian translation was made from"), max_length=64, blank=True, editable=False
    )
    hu_source_fingerprint = models.CharField(
        _("English text the Hungarian translation was made from"), max_length=64, blank=True, editable=False
    )
    it_source_fingerprint = models.CharField(
        _("English text the Italian translation was made from"), max_length=64, blank=True, editable=False
    )
    sv_source_fingerprint = models.CharField(
        _("English text the Swedish translation was made from"), max_length=64, blank=True, editable=False
    )

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="release_published_has_datetime",
            ),
            models.CheckConstraint(condition=Q(status__in=["draft", "published"]), name="release_status_known"),
            # English is the source language: every release has an English title and body.
            models.CheckConstraint(
                condition=Q(title_en__isnull=False, title_en__gt="", body_en__isnull=False, body_en__gt=""),
                name="release_english_required",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        changed = translations.record_sources(self, kwargs.get("update_fields"))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *changed}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("projects:release-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.status == self.Status.PUBLISHED and not self.published_at:
            raise ValidationError({"published_at": _("A published release needs a publication date and time.")})
        if self.image and not self.image_alt_en:
            raise ValidationError({"image_alt_en": _("Describe the image for people who cannot see it.")})

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def has_language(self, language):
        """True where the release is really written in `language` (not a fallback)."""
        return bool(getattr(self, f"title_{language}", None)) and bool(getattr(self, f"body_{language}", None))

    @property
    def available_languages(self):
        return [code for code in LANGUAGE_CODES if self.has_language(code)]

    def translation_status(self, language):
        """complete / missing / outdated (a translation made from an earlier English text)."""
        return translations.status(self, language)

    def is_translation_outdated(self, language):
        return translations.is_outdated(self, language)

    def confirm_translation(self, language):
        """The translator checked `language` against the English: up to date again (on save). False where
        there is nothing to confirm (English itself, or no translation)."""
        if language not in translations.TARGET_LANGUAGES or not translations.has_text(self, language):
            return False
        setattr(self, translations.fingerprint_field(language), translations.source_fingerprint(self))
        return True


class Coordinator(models.Model):
    """Links a user to the partner city they edit for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordinator", verbose_name=_("user")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("partner city")
    )

    class Meta:
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")

    def __str__(self):
        return f"{self.user} ({self.partner})"

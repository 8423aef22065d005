import datetime
import functools
import operator
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Case, ExpressionWrapper, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from . import translation_status as translations
from .web.cache import VersionedQuerySet
from .web.paths import object_path

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# The file name of a logo that only stands in for the partner's real one (see logo_is_placeholder).
PLACEHOLDER_LOGO_PREFIX = "placeholder-"
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
        return object_path("projects:partner-detail", slug=self.slug)

    @property
    def logo_is_placeholder(self):
        """A stand-in mark (the demo content draws them), said to be one wherever it is shown."""
        return bool(self.logo) and self.logo.name.rsplit("/", 1)[-1].startswith(PLACEHOLDER_LOGO_PREFIX)


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


def transliterated_slug(text):
    """A slug in plain ASCII: letters with accents lose them (ő → o, ä → a) rather than vanishing."""
    return slugify(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii"))


def original_text_written_q():
    """Releases whose original language has its title and body written (NULL counts as empty)."""
    return functools.reduce(
        operator.or_,
        (
            # isnull too (written_q): a CHECK whose condition is NULL passes.
            Q(original_language=code) & written_q(code)
            for code in LANGUAGE_CODES
        ),
    )


def written_q(code):
    """Releases whose title and body are written in `code` (NULL counts as empty)."""
    return Q(**{f"title_{code}__isnull": False, f"title_{code}__gt": ""}) & Q(
        **{f"body_{code}__isnull": False, f"body_{code}__gt": ""}
    )


def shown_text_expression(field, language):
    """`field` of each release as a page in `language` shows it (PressRelease.shown_language), in SQL:
    the language's where its title and body are written, else English's, else the original's."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return Coalesce(
        Case(
            *(When(written_q(code), then=F(f"{field}_{code}")) for code in dict.fromkeys([language, default])),
            *(When(original_language=code, then=F(f"{field}_{code}")) for code in LANGUAGE_CODES),
            output_field=models.TextField(),
        ),
        Value(""),
        output_field=models.TextField(),
    )


def plain_values(queryset, *fields, flat=False):
    """`queryset.values_list(*fields)` read as Django reads it: modeltranslation's fallback handling
    costs a few dictionaries per row, which keys and ranks (no translated field) never need. The
    queryset's own filters and ordering are already written; only the reading of its rows changes."""
    return queryset.rewrite(False).values_list(*fields, flat=flat)


def list_deferred(language, long_texts, short_texts):
    """The columns a list of teasers never reads: the long texts in every language, and the short ones
    (titles, summaries) in languages other than the page's and English, its fallback."""
    deferred = [f"{field}{suffix}" for field in long_texts for suffix in ("", *(f"_{code}" for code in LANGUAGE_CODES))]
    shown = (language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    deferred += [f"{field}_{code}" for code in LANGUAGE_CODES if code not in shown for field in short_texts]
    return deferred


def has_text(field):
    """True where `field` holds text, computed by the database so the text itself is not fetched."""
    return ExpressionWrapper(Q(**{f"{field}__gt": ""}), output_field=models.BooleanField())


class PressReleaseQuerySet(VersionedQuerySet):
    def published(self):
        """Public releases: published and due. A future datetime publishes itself when it comes."""
        return self.filter(status=PressRelease.Status.PUBLISHED, published_at__lte=timezone.now())

    def in_language(self, language):
        """Releases that really exist in `language` (title and body written in it)."""
        # "> ''": neither empty nor NULL, in the very terms of the partial indexes below. English too:
        # a release may be written in another language only (original_language).
        return self.filter(**{f"title_{language}__gt": "", f"body_{language}__gt": ""})

    def for_list(self, language):
        """Without what a list of teasers never shows: the bodies and the translation fingerprints.

        Titles and leads stay (short, and a release may be shown in English or its original); whether
        each language's body is written comes from the database as a flag (see has_language), so no
        body is read. `language` is the page's, kept for callers that name it.
        """
        deferred = ["source_fingerprint", *(f"{code}_source_fingerprint" for code in LANGUAGE_CODES)]
        deferred += [f"body_{code}" for code in LANGUAGE_CODES]
        return self.defer(*deferred).annotate(
            **{f"has_body_{code}": has_text(f"body_{code}") for code in LANGUAGE_CODES}
        )


class WrittenLanguages:
    """A text with a translated title and body: the languages it is really written in (not a fallback)."""

    def has_language(self, language):
        if not getattr(self, f"title_{language}", None):
            return False
        # Lists annotate whether each body is written (PressReleaseQuerySet.for_list) rather than read it.
        written = self.__dict__.get(f"has_body_{language}")
        return bool(getattr(self, f"body_{language}", None)) if written is None else written

    @property
    def available_languages(self):
        return [code for code in LANGUAGE_CODES if self.has_language(code)]


class PressRelease(WrittenLanguages, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    author = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="press_releases", verbose_name=_("authoring partner")
    )
    # The language the city wrote the release in; every other language is a translation of it.
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the release was first written in; the others are translations of it."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Left empty, it is made from the title in the original language."),
    )
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
    # Which original text each translation was written from (see projects.translation_status);
    # kept by save(), never typed in. Equal to source_fingerprint: the translation is up to date.
    source_fingerprint = models.CharField(
        _("fingerprint of the original text"), max_length=64, blank=True, editable=False
    )
    en_source_fingerprint = models.CharField(
        _("original text the English translation was made from"), max_length=64, blank=True, editable=False
    )
    et_source_fingerprint = models.CharField(
        _("original text the Estonian translation was made from"), max_length=64, blank=True, editable=False
    )
    hu_source_fingerprint = models.CharField(
        _("original text the Hungarian translation was made from"), max_length=64, blank=True, editable=False
    )
    it_source_fingerprint = models.CharField(
        _("original text the Italian translation was made from"), max_length=64, blank=True, editable=False
    )
    sv_source_fingerprint = models.CharField(
        _("original text the Swedish translation was made from"), max_length=64, blank=True, editable=False
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
            # The original language is the one text every release has: its title and body are written.
            models.CheckConstraint(condition=original_text_written_q(), name="release_original_text_required"),
            models.CheckConstraint(condition=Q(original_language__in=LANGUAGE_CODES), name="release_language_known"),
        ]
        indexes = [
            # The public lists: published releases, newest first (PressReleaseQuerySet.published, Meta.ordering).
            models.Index(
                fields=["-published_at", "-id"], condition=Q(status="published"), name="release_published_idx"
            ),
            # The latest change, for conditional GET, without reading every row.
            models.Index(fields=["updated_at"], name="release_updated_idx"),
            # Every release in the list's order: the admin's list (drafts too) and its date hierarchy.
            models.Index(fields=["-published_at", "-id"], name="release_order_idx"),
            # The sitemap's pages of published releases, in key order, read from the index alone.
            models.Index(fields=["id", "published_at"], condition=Q(status="published"), name="release_sitemap_idx"),
            # A city's news on its page.
            models.Index(
                fields=["author", "-published_at"], condition=Q(status="published"), name="release_author_idx"
            ),
            # Each language's feed: the newest releases written in it (PressReleaseQuerySet.in_language),
            # however few of them there are.
            *(
                models.Index(
                    fields=["-published_at", "-id"],
                    condition=Q(status="published", **{f"title_{code}__gt": "", f"body_{code}__gt": ""}),
                    name=f"release_published_{code}_idx",
                )
                for code in ("et", "hu", "it", "sv")
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        changed = translations.record_sources(self, kwargs.get("update_fields"))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *changed}
        stored = None
        if self.pk is not None:
            stored = type(self)._base_manager.filter(pk=self.pk).values("slug", "status").first()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if stored is None or stored["slug"] != self.slug:
                # The new address is this release's now, whatever it used to lead to.
                ReleaseSlugRedirect.objects.filter(old_slug=self.slug).delete()
            if stored is not None and stored["slug"] != self.slug and stored["status"] == self.Status.PUBLISHED:
                # Its old address was public: links and search engines keep finding it (a 301).
                ReleaseSlugRedirect.objects.update_or_create(old_slug=stored["slug"], defaults={"release": self})

    def get_absolute_url(self):
        return object_path("projects:release-detail", slug=self.slug)

    def clean(self):
        if self.status == self.Status.PUBLISHED and not self.published_at:
            raise ValidationError({"published_at": _("A published release needs a publication date and time.")})
        original = self.original_language
        if original in LANGUAGE_CODES:
            # Mirrors the constraint release_original_text_required, on the fields of that language.
            language = get_language_info(original)["name_translated"]
            missing = {
                f"{field}_{original}": _("The release is written in %(language)s first: write its %(field)s here.")
                % {"language": language, "field": self._meta.get_field(field).verbose_name}
                for field in translations.REQUIRED_FIELDS
                if not getattr(self, f"{field}_{original}", None)
            }
            if missing:
                raise ValidationError(missing)
        if self.image and original in LANGUAGE_CODES and not getattr(self, f"image_alt_{original}", None):
            raise ValidationError({f"image_alt_{original}": _("Describe the image for people who cannot see it.")})

    def make_slug(self):
        """A free slug from the original title, transliterated:
        "Zárul a BETTER első fázisa" → zarul-a-better-elso-fazisa (…-2 where that is taken)."""
        base = transliterated_slug(getattr(self, f"title_{self.original_language}", None) or "")[:100] or "release"
        slug, number = base, 1
        others = type(self)._base_manager.exclude(pk=self.pk).filter(slug__startswith=base)
        taken = set(others.values_list("slug", flat=True))
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    # The language a page shows the release in (see shown_language) and its texts in that language.
    # The release's `title`, `lead`, `body` and `image_alt` read these (projects.translation), so every
    # page, feed and search result that names a release follows the same rule.

    def shown_language(self, language=None):
        """The language the release is shown in on a page in `language` (default: the active one):
        that language where its title and body are written, otherwise English, otherwise the original."""
        language = language or get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        for code in (language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            if self.has_language(code):
                return code
        return self.original_language

    def text_language(self, field, language=None):
        """The language `field` is shown in; None where an optional field is left out.

        Title and body come from the shown language. A lead missing there is left out rather than
        taken from another language. An image's alt text missing there is the original's, marked with
        its language (an image needs a description, and the original always has one).
        """
        shown = self.shown_language(language)
        if field in translations.REQUIRED_FIELDS or getattr(self, f"{field}_{shown}", None):
            return shown
        if field == "image_alt" and getattr(self, f"image_alt_{self.original_language}", None):
            return self.original_language
        return None

    def shown_text(self, field, language=None):
        code = self.text_language(field, language)
        return (getattr(self, f"{field}_{code}", None) or "") if code else ""

    @property
    def is_shown_outdated(self):
        """The text the page shows is a translation made from an earlier version of the original."""
        return self.is_translation_outdated(self.shown_language())

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def translation_status(self, language):
        """complete / missing / outdated (a translation made from an earlier original text)."""
        return translations.status(self, language)

    def is_translation_outdated(self, language):
        return translations.is_outdated(self, language)

    def confirm_translation(self, language):
        """The translator checked `language` against the original: up to date again (on save). False where
        there is nothing to confirm (the original itself, or no translation)."""
        if (
            language not in LANGUAGE_CODES
            or language == self.original_language
            or not translations.has_text(self, language)
        ):
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


class ReleaseSlugRedirect(models.Model):
    """An earlier address of a published release: /news/<old_slug>/ answers 301 to its address now.

    Kept by PressRelease.save() whenever a published release's slug changes.
    """

    old_slug = models.SlugField(_("earlier slug"), max_length=120, unique=True)
    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="slug_redirects", verbose_name=_("press release")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("earlier address of a release")
        verbose_name_plural = _("earlier addresses of releases")

    def __str__(self):
        return self.old_slug


class ReleaseImage(models.Model):
    """An image a release's body shows where it names it: `![description](name)`.

    The hero image is the release's own `image`; these are the others, checked on upload exactly like
    it (projects.backoffice.release_images).
    """

    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="images", verbose_name=_("press release")
    )
    name = models.SlugField(
        _("name"),
        max_length=60,
        help_text=_("What the body calls the image: ![description](name)."),
    )
    image = models.ImageField(_("image"), upload_to="releases/")
    alt = models.CharField(_("alt text"), max_length=250, blank=True)

    class Meta:
        ordering = ["release", "name"]
        verbose_name = _("image in the text")
        verbose_name_plural = _("images in the text")
        constraints = [models.UniqueConstraint(fields=["release", "name"], name="release_image_name_unique")]

    def __str__(self):
        return self.name

    def clean(self):
        # An image needs a description in the language the release is written in first, like its hero image.
        release = getattr(self, "release", None)  # None before the form sets it
        original = getattr(release, "original_language", None)
        if original and not getattr(self, f"alt_{original}", None):
            raise ValidationError({f"alt_{original}": _("Describe the image for people who cannot see it.")})

    def alt_text(self, language):
        """(text, language) of the alt text a page in `language` shows: that language's, else the original's."""
        for code in (language, self.release.original_language):
            text = getattr(self, f"alt_{code}", None)
            if text:
                return text, code
        return "", language


class SitePage(WrittenLanguages, models.Model):
    """One of the site's fixed pages (accessibility statement, privacy notice, contact...), linked
    from every page's footer. Project editors write their texts in the admin, in each language."""

    class Key(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy notice")
        CONTACT = "contact", _("Contact")
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        EU_FUNDING = "eu-funding", _("EU funding")

    key = models.CharField(_("page"), max_length=30, choices=Key.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Markdown."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        constraints = [
            models.CheckConstraint(
                condition=Q(key__in=["accessibility", "privacy", "contact", "legal-notice", "eu-funding"]),
                name="sitepage_key_known",
            ),
            models.CheckConstraint(
                condition=Q(title_en__isnull=False, title_en__gt="", body_en__isnull=False, body_en__gt=""),
                name="sitepage_english_required",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:site-page", kwargs={"key": self.key})

    def clean(self):
        if self.key and self.key not in self.Key.values:
            raise ValidationError({"key": _("Choose one of the site's pages.")})

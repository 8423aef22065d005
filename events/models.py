from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Partner, PressRelease, Semester, list_deferred
from projects.web.cache import VersionedQuerySet
from projects.web.dates import format_day
from projects.web.paths import object_path


class EventQuerySet(VersionedQuerySet):
    def with_relations(self):
        """Everything a list of events shows, in a constant number of queries."""
        return self.select_related("host", "semester__phase").prefetch_related("visitors")

    def for_list(self, language):
        """Without what a list of events never shows: the descriptions (Markdown, the longest texts) and
        the titles and themes of languages other than the page's and English."""
        return self.defer(*list_deferred(language, ("description",), ("title", "theme")))

    def involving(self, partner, role=None):
        """Events a partner hosts (role='host'), visits (role='visitor') or either."""
        if role == "host":
            return self.filter(host=partner)
        if role == "visitor":
            return self.filter(visitors=partner)
        # A subquery rather than a join keeps one row per event without DISTINCT.
        visited = Event.visitors.through.objects.filter(partner=partner).values("event_id")
        return self.filter(Q(host=partner) | Q(pk__in=visited))

    def upcoming(self):
        return self.filter(Q(end_date__gte=timezone.localdate()) | Q(start_date__gte=timezone.localdate()))

    def past(self):
        today = timezone.localdate()
        return self.filter(start_date__lt=today).exclude(end_date__gte=today)


class EventKind(models.TextChoices):
    THEMATIC_EVENT = "thematic-event", _("Thematic event")
    STUDY_VISIT = "study-visit", _("Study visit")
    IMPORT_WORKSHOP = "import-workshop", _("Import workshop")
    REGIONAL_EVENT = "regional-event", _("Regional event")
    BILATERAL_MEETING = "bilateral-meeting", _("Bilateral meeting")
    CONFERENCE = "conference", _("Conference")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")


def _choice_label(choices, value):
    """A choice's label, as get_FOO_display() gives it. Django's builds a dict of every choice, each
    label translated, on every call; a list of twenty events shows forty kinds and formats."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value  # a value without a choice is shown as it is, as Django shows it


class Event(models.Model):
    Kind = EventKind
    Precision = DatePrecision
    Format = EventFormat

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_("Month: only the month is known; the start date is then the first of that month."),
    )
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON)
    location = models.CharField(_("location"), max_length=200, blank=True)
    host = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="hosted_events", verbose_name=_("host"))
    visitors = models.ManyToManyField(
        Partner,
        related_name="visited_events",
        blank=True,
        verbose_name=_("visiting or participating partners"),
    )
    # Derived from start_date on save, never typed: see save().
    semester = models.ForeignKey(
        Semester,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="events",
        verbose_name=_("semester"),
    )
    releases = models.ManyToManyField(
        PressRelease, related_name="events", blank=True, verbose_name=_("related press releases")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="event_start_before_end",
            ),
            models.CheckConstraint(
                condition=Q(date_precision="day") | Q(start_date__day=1),
                name="event_month_precision_first_day",
            ),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_known"),
            models.CheckConstraint(condition=Q(format__in=EventFormat.values), name="event_format_known"),
        ]
        indexes = [
            models.Index(fields=["start_date"]),
            # The lists' order (newest first) and the calendar's, read from the index a page at a time.
            models.Index(fields=["-start_date", "slug"], name="event_list_order_idx"),
            models.Index(fields=["host", "-start_date"], name="event_host_date_idx"),
            # The list filtered by kind (study visits, a city's workshops), in the list's order.
            models.Index(fields=["kind", "-start_date", "slug"], name="event_kind_order_idx"),
            models.Index(fields=["updated_at"], name="event_updated_idx"),
            # The about page's timeline: the first events of a kind in each semester.
            models.Index(fields=["semester", "kind", "start_date"], name="event_semester_kind_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.display_date})"

    def save(self, *args, **kwargs):
        self.semester = Semester.containing(self.start_date)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "semester"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return object_path("events:event-detail", slug=self.slug)

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.date_precision == self.Precision.MONTH and self.start_date and self.start_date.day != 1:
            # Only the month is known: store the first day rather than a made-up one.
            self.start_date = self.start_date.replace(day=1)
        if errors:
            raise ValidationError(errors)

    @property
    def phase(self):
        return self.semester.phase if self.semester_id else None

    def machine_date(self, day):
        """ISO 8601 at the event's real precision: "2019-10" for a month, "2021-10-27" for a day. The
        JSON-LD and the JSON API say a month-only date the same way."""
        return day.strftime("%Y-%m") if self.date_precision == self.Precision.MONTH else day.isoformat()

    def get_kind_display(self):
        return _choice_label(self.Kind, self.kind)

    def get_format_display(self):
        return _choice_label(self.Format, self.format)

    @property
    def display_date(self):
        """The date at its real precision: 'October 2019', not '1 October 2019'."""
        if self.date_precision == self.Precision.MONTH:
            return format_day(self.start_date, "YEAR_MONTH_FORMAT")
        text = format_day(self.start_date)
        if self.end_date and self.end_date != self.start_date:
            text = f"{text} – {format_day(self.end_date)}"
        return text

    @property
    def machine_start_date(self):
        """The start as a `<time datetime>` says it, at its real precision (machine_date)."""
        return self.machine_date(self.start_date)


class Recording(models.Model):
    """A public recording of an event (a video, slides)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="recordings", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
        constraints = [models.UniqueConstraint(fields=["event", "url"], name="recording_unique_per_event")]

    def __str__(self):
        return self.title

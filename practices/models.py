from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import Event
from projects.models import Partner, PressRelease, list_deferred
from projects.web.cache import VersionedQuerySet
from projects.web.paths import object_path

from .validators import validate_pdf


class Theme(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class GoodPracticeQuerySet(VersionedQuerySet):
    def with_relations(self):
        return self.select_related("owner", "theme")

    def for_list(self, language):
        """Without what a list of practices never shows: the long texts, and the titles and summaries of
        languages other than the page's and English (the fallback)."""
        long_texts = ("description", "resources_needed", "evidence_of_success", "potential_for_transfer")
        return self.defer(*list_deferred(language, long_texts, ("title", "summary")))


class GoodPractice(models.Model):
    owner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="practices", verbose_name=_("owner city"))
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="practices", null=True, blank=True, verbose_name=_("theme")
    )
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    resources_needed = models.TextField(_("resources needed"), blank=True)
    evidence_of_success = models.TextField(_("evidence of success"), blank=True)
    potential_for_transfer = models.TextField(_("potential for transfer"), blank=True)
    timescale = models.CharField(_("timescale"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    image = models.ImageField(_("image"), upload_to="practices/", blank=True)
    image_alt = models.CharField(_("image alt text"), max_length=250, blank=True)
    # Declared here, not on Event/PressRelease, so that lower apps never import this one.
    events = models.ManyToManyField(
        Event, related_name="practices", blank=True, verbose_name=_("events where it was examined")
    )
    releases = models.ManyToManyField(
        PressRelease, related_name="practices", blank=True, verbose_name=_("related press releases")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        ordering = ["owner__order", "title"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        indexes = [models.Index(fields=["updated_at"], name="practice_updated_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return object_path("practices:practice-detail", slug=self.slug)


class Transfer(models.Model):
    """A good practice travelling from its owner to an importing partner."""

    class Stage(models.TextChoices):
        STUDIED = "studied", _("Studied")
        IMPORT_WORKSHOP = "import-workshop", _("Import workshop")
        ACTION_PLAN = "action-plan", _("In action plan")
        IMPLEMENTED = "implemented", _("Implemented")

    practice = models.ForeignKey(
        GoodPractice, on_delete=models.CASCADE, related_name="transfers", verbose_name=_("good practice")
    )
    importer = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="imports", verbose_name=_("importing partner")
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.STUDIED)
    study_visit = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="studied_transfers",
        limit_choices_to={"kind": Event.Kind.STUDY_VISIT},
        verbose_name=_("study visit"),
    )
    import_workshop = models.ForeignKey(
        Event,
        # PROTECT, not SET_NULL: a transfer at the workshop stage must keep naming its workshop.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshop_transfers",
        limit_choices_to={"kind": Event.Kind.IMPORT_WORKSHOP},
        verbose_name=_("import workshop"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["practice__title", "importer__order"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        constraints = [
            models.UniqueConstraint(fields=["practice", "importer"], name="transfer_once_per_importer"),
            models.CheckConstraint(
                condition=Q(stage__in=["studied", "import-workshop", "action-plan", "implemented"]),
                name="transfer_stage_known",
            ),
            models.CheckConstraint(
                condition=~Q(stage="import-workshop") | Q(import_workshop__isnull=False),
                name="transfer_workshop_stage_names_workshop",
            ),
        ]

    def __str__(self):
        return f"{self.practice} → {self.importer}"

    @classmethod
    def furthest_stage(cls, *, transfer=None, actions=()):
        """The furthest stage a practice reached in an importing city: the one rule behind every page,
        the network and the API. It is the furthest of the recorded stage and what the records show:
        a named workshop means the workshop stage, an inspiring action of the importer's plan puts the
        practice in the action plan, a completed one means it is implemented. So a coordinator who links
        an action does not also have to move the stage for every page to be right."""
        order = list(cls.Stage)
        reached = [cls.Stage.STUDIED]
        if transfer is not None:
            reached.append(cls.Stage(transfer.stage))
            if transfer.import_workshop_id:
                reached.append(cls.Stage.IMPORT_WORKSHOP)
        if actions:
            reached.append(cls.Stage.ACTION_PLAN)
        if any(action.status == Action.Status.COMPLETED for action in actions):
            reached.append(cls.Stage.IMPLEMENTED)
        return max(reached, key=order.index)

    def inspired_actions(self):
        """The importer's actions that the practice inspired. Reads `practice.actions` with their plans,
        which list pages prefetch (`...practice__actions__plan`), so no query per transfer."""
        return [action for action in self.practice.actions.all() if action.plan.partner_id == self.importer_id]

    @property
    def reached_stage(self):
        return self.furthest_stage(transfer=self, actions=self.inspired_actions())

    def clean(self):
        errors = {}
        if self.practice_id and self.importer_id and self.practice.owner_id == self.importer_id:
            errors["importer"] = _("A city cannot import its own practice.")
        if self.study_visit_id and self.study_visit.kind != Event.Kind.STUDY_VISIT:
            errors["study_visit"] = _("Choose a study visit.")
        if self.import_workshop_id and self.import_workshop.kind != Event.Kind.IMPORT_WORKSHOP:
            errors["import_workshop"] = _("Choose an import workshop.")
        if self.stage == self.Stage.IMPORT_WORKSHOP and not self.import_workshop_id:
            errors["import_workshop"] = _("Name the import workshop that worked on the practice.")
        if errors:
            raise ValidationError(errors)


class RegionalActionPlan(models.Model):
    partner = models.OneToOneField(
        Partner, on_delete=models.CASCADE, related_name="action_plan", verbose_name=_("partner city")
    )
    title = models.CharField(_("title"), max_length=200)
    policy_instrument = models.CharField(_("policy instrument"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    # PDF only, checked by content: an HTML or SVG file served from the site's origin runs its scripts.
    document = models.FileField(
        _("document"),
        upload_to="action-plans/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF file."),
    )

    class Meta:
        ordering = ["partner__order"]
        verbose_name = _("regional action plan")
        verbose_name_plural = _("regional action plans")

    def __str__(self):
        return self.title


class Action(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in-progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        ON_HOLD = "on-hold", _("On hold")

    plan = models.ForeignKey(
        RegionalActionPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("action plan")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    practices = models.ManyToManyField(
        GoodPractice, related_name="actions", blank=True, verbose_name=_("inspired by good practices")
    )

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="action_number_unique_per_plan"),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "in-progress", "completed", "on-hold"]),
                name="action_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

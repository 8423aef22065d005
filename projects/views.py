import functools

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from .models import (
    Partner,
    Phase,
    PressRelease,
    ReleaseImage,
    ReleaseSlugRedirect,
    Semester,
    SitePage,
    plain_values,
)
from .timeline import build_timeline
from .web.fragments import KeyedRows, cached_keys
from .web.languages import language_versions
from .web.lookups import attach_site_rows, site_partners, site_project
from .web.pagination import BadPage, CheckedPaginationMixin
from .web.related import prefetch_present
from .web.structured_data import json_ld, news_article
from .web.written import WrittenObjectMixin

HOME_RELEASE_COUNT = 3
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# A partner's page shows its latest events and news; the filtered lists have the rest.
PARTNER_EVENT_COUNT = 10
PARTNER_RELEASE_COUNT = 10
# The about page's timeline draws every event up to this many; past it, the notable kinds only
# (the thematic events and conferences that mark the project's semesters), a few per semester.
TIMELINE_EVENT_LIMIT = 60
TIMELINE_NOTABLE_KINDS = ["thematic-event", "conference"]
TIMELINE_NOTABLE_PER_SEMESTER = 3


class HomeView(ListView):
    """The project, its mission and the latest published releases."""

    template_name = "projects/home.html"
    context_object_name = "latest_releases"

    def get_queryset(self):
        releases = PressRelease.objects.published().for_list(get_language()).select_related("author")
        # Keys from the index, kept like a list's (projects.web.pagination); rows only for the cards not
        # in the cache (projects.web.fragments).
        return KeyedRows(cached_keys(self.request, "home-keys", [], releases, 0, HOME_RELEASE_COUNT), releases)

    def get_context_data(self, **kwargs):
        # One project per site, from the site's lookups; an empty database still gets a page.
        return super().get_context_data(project=site_project(self.request), **kwargs)


class ReleaseListView(CheckedPaginationMixin, ListView):
    """Published releases, newest first, a page at a time."""

    template_name = "projects/pressrelease_list.html"
    context_object_name = "releases"
    past_the_end_message = _("There is no page %(number)s: the news has %(count)s page(s).")

    def get_queryset(self):
        return PressRelease.objects.published().for_list(get_language()).select_related("author")

    def get_paginate_by(self, queryset):
        return settings.NEWS_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except BadPage as error:
            # Said plainly on a page of the site, rather than Django's bare 404.
            context = {"status": error.status, "reason": error.reason, "back_url": reverse("projects:release-list")}
            return render(request, "projects/error.html", context, status=error.status)

    def page_number(self, raw, paginator):
        """Also "last"; any whole number is read, so that a negative one is refused with the reason."""
        if raw == "last":
            return paginator.num_pages
        try:
            return int(raw)
        except ValueError:
            return 0


def with_related(release):
    """The release's related events, practices and images, read only where it has any (the flags of
    ReleaseDetailView.get_release_queryset)."""
    # Related events and practices by name only: projects never imports the apps above it. Each with
    # its city joined in (select_related in a Prefetch).
    event, practice = _model_behind(PressRelease, "events"), _model_behind(PressRelease, "practices")
    return prefetch_present(
        release,
        {
            "events": lambda: Prefetch("events", queryset=event.objects.select_related("host")),
            "practices": lambda: Prefetch("practices", queryset=practice.objects.select_related("owner")),
            "images": lambda: "images",
        },
    )


@functools.cache
def release_page_queryset():
    """The release page's queryset, built once per process: a queryset only describes a query, and each
    request's filter works on a copy of it, so the three EXISTS are not put together on every request.
    Its city comes from the site's lookups (ReleaseDetailView.get_object), not a join."""
    by_release = OuterRef("pk")
    return PressRelease.objects.annotate(
        has_events=Exists(PressRelease.events.through.objects.filter(pressrelease=by_release)),
        has_practices=Exists(PressRelease.practices.through.objects.filter(pressrelease=by_release)),
        has_images=Exists(ReleaseImage.objects.filter(release=by_release)),
    )


class ReleaseDetailView(WrittenObjectMixin, DetailView):
    """One published release in the page's language, or in English with a notice."""

    template_name = "projects/pressrelease_detail.html"
    context_object_name = "release"

    def get_queryset(self):
        # Drafts and releases scheduled for later are not found at all.
        return self.get_release_queryset().published()

    def get_release_queryset(self):
        """Every release, with what its page shows; backoffice.preview starts here too.

        Whether it has related events, practices and images is read in its own query (indexed EXISTS):
        most releases have none, and then need none of their three queries (see get_object).
        """
        return release_page_queryset()

    def get_object(self, queryset=None):
        release = with_related(super().get_object(queryset))
        return attach_site_rows(self.request, [release], "author")[0]

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # An earlier address of a published release (its slug changed): a permanent redirect.
            moved = (
                ReleaseSlugRedirect.objects.filter(old_slug=kwargs.get("slug"), release__in=self.get_queryset())
                .select_related("release")
                .first()
            )
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.release.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context["in_page_language"] = release.has_language(get_language())
        context["language_versions"] = language_versions(
            self.request, release, release.available_languages, default=release.shown_language(DEFAULT_LANGUAGE)
        )
        context["structured_data"] = json_ld(news_article(self.request, release))
        return context


# --- Partner cities and the project's phases ----------------------------------------------------------------------

# The countries that take part in Interreg Europe, named in the page's language; any other code shows as itself.
COUNTRY_NAMES = {
    "AT": _("Austria"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "CH": _("Switzerland"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "DK": _("Denmark"),
    "EE": _("Estonia"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FR": _("France"),
    "GB": _("United Kingdom"),
    "GR": _("Greece"),
    "HR": _("Croatia"),
    "HU": _("Hungary"),
    "IE": _("Ireland"),
    "IS": _("Iceland"),
    "IT": _("Italy"),
    "LI": _("Liechtenstein"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "LV": _("Latvia"),
    "MT": _("Malta"),
    "NL": _("Netherlands"),
    "NO": _("Norway"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RO": _("Romania"),
    "SE": _("Sweden"),
    "SI": _("Slovenia"),
    "SK": _("Slovakia"),
}


def country_name(code):
    return COUNTRY_NAMES.get(code, code)


def _model_behind(model, relation):
    """The model at the other end of a reverse relation, found by name: projects never imports the apps above it."""
    return model._meta.get_field(relation).related_model


class ContentETagMixin:
    """An ETag computed from the page itself, so that a repeat visit gets a 304 Not Modified.

    Partners, phases, plans and actions have no timestamps, so no honest Last-Modified exists for
    these pages; a digest of the rendered page changes exactly when what it shows changes.
    """

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
        set_response_etag(response)
        return get_conditional_response(request, etag=response.get("ETag"), response=response)


class PartnerListView(ContentETagMixin, ListView):
    """The partner cities, each linking to its page."""

    template_name = "projects/partner_list.html"
    context_object_name = "partners"

    def get_queryset(self):
        return Partner.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for partner in context["partners"]:
            partner.country_name = country_name(partner.country)
        return context


class PartnerDetailView(ContentETagMixin, DetailView):
    """One city: its contact, the events it hosted and visited, its practices, action plan and releases."""

    template_name = "projects/partner_detail.html"
    context_object_name = "partner"

    def get_queryset(self):
        return Partner.objects.select_related("action_plan")

    def get_context_data(self, **kwargs):
        partner = self.object
        partner.country_name = country_name(partner.country)
        # A city without a plan yet: None rather than the RelatedObjectDoesNotExist of `partner.action_plan`.
        action_plan = getattr(partner, "action_plan", None)
        return super().get_context_data(
            action_plan=action_plan,
            # Its practices, imports and plan's actions: the page keeps them as one fragment (the city's
            # place in the practice network), so they are read only when that fragment is not cached.
            network=SimpleLazyObject(lambda: self.network(partner, action_plan)),
            # Its latest events and news: fragments too, read when not cached.
            latest=SimpleLazyObject(lambda: self.latest(partner)),
            **kwargs,
        )

    def network(self, partner, action_plan):
        # The models of the apps above are reached through the relations' names (see _model_behind).
        practice = _model_behind(Partner, "practices")
        transfer = _model_behind(Partner, "imports")
        action = _model_behind(_model_behind(Partner, "action_plan"), "actions")
        prefetch_related_objects(
            [partner],
            Prefetch(
                "practices",
                queryset=practice.objects.select_related("theme")
                .for_list(get_language())
                .prefetch_related(Prefetch("transfers", queryset=transfer.objects.select_related("importer"))),
            ),
            Prefetch(
                "imports",
                queryset=transfer.objects.select_related(
                    "practice__owner", "study_visit", "import_workshop"
                ).prefetch_related(Prefetch("practice__actions", queryset=action.objects.select_related("plan"))),
            ),
        )
        if action_plan:
            prefetch_related_objects(
                [action_plan],
                Prefetch(
                    "actions",
                    queryset=action.objects.prefetch_related(
                        Prefetch("practices", queryset=practice.objects.select_related("owner"))
                    ),
                ),
            )
        return {
            "practices": partner.practices.all(),
            "imports": self.imports(partner, action_plan),
            "actions": action_plan.actions.all() if action_plan else [],
        }

    def imports(self, partner, action_plan):
        """What the city imports, each with the stage it reached: the transfers, and the practices its plan
        takes up without a transfer recorded, as the practice pages list them. The stage is always
        Transfer.furthest_stage (the practices app's one rule), so every page says the same."""
        transfer_model = _model_behind(Partner, "imports")
        rows = [
            {"practice": transfer.practice, "transfer": transfer, "stage": transfer.reached_stage}
            for transfer in partner.imports.all()
        ]
        recorded = {transfer.practice_id for transfer in partner.imports.all()}
        inspired = {}
        for action in action_plan.actions.all() if action_plan else []:
            for practice in action.practices.all():
                if practice.pk not in recorded and practice.owner_id != partner.pk:
                    inspired.setdefault(practice.pk, (practice, []))[1].append(action)
        for practice, actions in inspired.values():
            stage = transfer_model.furthest_stage(actions=actions)
            rows.append({"practice": practice, "transfer": None, "stage": stage})
        return rows

    def latest(self, partner):
        """The city's latest events and news, whatever its history: one query each, read from an index
        in date order (a prefetch with a slice would number all the city's rows first). The page links
        to the filtered lists for the rest."""
        event = _model_behind(Partner, "hosted_events")
        newest = ("-start_date", "slug")
        language = get_language()
        # Keys from the indexes; the rows (and the querysets that read them) only for the items not in
        # the cache (projects.web.fragments).
        published = PressRelease.objects.published().filter(author=partner)
        releases = KeyedRows(
            plain_values(published, "pk", flat=True)[:PARTNER_RELEASE_COUNT],
            lambda: published.for_list(language).select_related("author"),
        )
        hosted = KeyedRows(
            plain_values(event.objects.filter(host=partner).order_by(*newest), "pk", flat=True)[:PARTNER_EVENT_COUNT],
            lambda: event.objects.for_list(language).prefetch_related("visitors"),
        )
        visited = KeyedRows(
            plain_values(event.objects.filter(visitors=partner).order_by(*newest), "pk", flat=True)[
                :PARTNER_EVENT_COUNT
            ],
            lambda: event.objects.for_list(language).select_related("host"),
        )
        # Oldest first, in the order they happened.
        hosted.keys.reverse()
        visited.keys.reverse()
        return {"hosted_events": hosted, "visited_events": visited, "releases": releases}


class AboutView(ContentETagMixin, TemplateView):
    """The project, its mission, and a timeline of its phases and semesters with the events on it."""

    template_name = "projects/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            project=site_project(self.request),
            partners=list(site_partners(self.request).values()),
            # Built only where the page's fragment of it is not cached (templates: "about-timeline").
            timeline=SimpleLazyObject(about_timeline),
            **kwargs,
        )


def about_timeline():
    """The about page's timeline: phases, semesters, and their events or counts (build_timeline)."""
    event = _model_behind(Partner, "hosted_events")
    events = event.objects.select_related("host").order_by("start_date", "slug")
    # One aggregate: how many events each semester and kind has. A project with a few dozen
    # events gets every one drawn; a larger one its notable events (TIMELINE_NOTABLE_KINDS), the
    # numbers of all, and links to the events list for the rest: the page stays the same size.
    rows = list(event.objects.order_by().values("semester_id", "kind").annotate(count=Count("pk")))
    total = sum(row["count"] for row in rows)
    counts = None
    if total > TIMELINE_EVENT_LIMIT:
        counts = {"semesters": {}, "kinds": {}, "total": total}
        for row in rows:
            semester = counts["semesters"]
            semester[row["semester_id"]] = semester.get(row["semester_id"], 0) + row["count"]
            counts["kinds"][row["kind"]] = counts["kinds"].get(row["kind"], 0) + row["count"]
        # The first few of each semester, so that every semester shows its milestones: a LIMIT per
        # semester (and for the events outside them), so the index gives a few rows each.
        notable = event.objects.filter(kind__in=TIMELINE_NOTABLE_KINDS).order_by("start_date", "slug")
        firsts = [
            notable.filter(semester_id=semester_id).values_list("pk", flat=True)[:TIMELINE_NOTABLE_PER_SEMESTER]
            for semester_id in Semester.objects.values_list("pk", flat=True)
        ]
        firsts.append(
            notable.filter(semester__isnull=True).values_list("pk", flat=True)[:TIMELINE_NOTABLE_PER_SEMESTER]
        )
        events = events.filter(pk__in=list(firsts[0].union(*firsts[1:], all=True)))
    return build_timeline(
        phases=Phase.objects.all(),
        semesters=Semester.objects.all(),
        events=events[:TIMELINE_EVENT_LIMIT],
        counts=counts,
    )


class SitePageView(DetailView):
    """A footer page (accessibility statement, privacy notice...) in the page's language, or in English, said so."""

    template_name = "projects/sitepage_detail.html"
    context_object_name = "page"
    slug_field = "key"
    slug_url_kwarg = "key"

    def get_queryset(self):
        return SitePage.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["in_page_language"] = page.has_language(get_language())
        context["language_versions"] = language_versions(self.request, page, page.available_languages)
        return context

"""The public events section: the filtered list, one event, and the iCalendar feed."""

import functools

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView

from projects.models import PressRelease
from projects.web.filters import error_messages, filter_query, repeated_parameters
from projects.web.languages import content_language, language_versions, title_languages
from projects.web.lookups import site_partners, site_semesters
from projects.web.pagination import BadPage, CheckedPaginationMixin
from projects.web.related import prefetch_present, set_prefetched
from projects.web.structured_data import json_ld, logo, organization, release_image
from projects.web.written import WrittenObjectMixin

from .calendar import build_calendar
from .filters import EventFilter
from .http import detail_freshness, list_freshness
from .models import Event, Recording
from .selectors import event_filterset

EVENTS_PER_PAGE = 20
CALENDAR_SIZE = 100
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@method_decorator(list_freshness, name="dispatch")
class EventListView(CheckedPaginationMixin, ListView):
    """Events, newest first, filtered by the parameters of EventFilter; bad values answer 400."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = EVENTS_PER_PAGE
    past_the_end_message = _("There is no page %(number)s: these events fill %(count)s page(s).")

    def get(self, request, *args, **kwargs):
        self.filterset = event_filterset(data=request.GET, request=request)
        if not self.filterset.is_valid():
            # The form with its errors, and no events: never the unfiltered list.
            return self._refuse(400)
        repeated = repeated_parameters(request.GET, [self.page_kwarg])
        if repeated:
            return self._refuse(400, repeated[self.page_kwarg][0])
        try:
            return super().get(request, *args, **kwargs)
        except BadPage as error:
            return self._refuse(error.status, error.reason)

    def get_queryset(self):
        return self.filterset.qs.order_by("-start_date", "slug").for_list(get_language())

    def _refuse(self, status, reason=None):
        self.object_list = Event.objects.none()
        self.paginate_by = None  # nothing to page through, and the page number may be the bad value
        context = self.get_context_data(page_error=reason, errors=error_messages(self.filterset))
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = filter_query(self.request.GET, EventFilter.base_filters)
        api_query = query.copy()
        api_query["lang"] = get_language()
        context.update(
            form=self.filterset.form,
            is_filtered=bool(query),
            calendar_url=f"{reverse('events:event-calendar')}?{query.urlencode()}".rstrip("?"),
            api_url=f"{reverse('api-events')}?{api_query.urlencode()}",
        )
        return context


ATTENDANCE_MODES = {
    Event.Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.VIRTUAL: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_image(request, event):
    """The image of the event's latest published release that has one, else the site's logo."""
    for release in event.published_releases:  # newest first
        image = release_image(request, release)
        if image is not None:
            return image
    return logo(request)["url"]


def event_structured_data(request, event):
    """schema.org Event for search engines and calendars."""
    url = request.build_absolute_uri(event.get_absolute_url())
    place = {
        "@type": "Place",
        "name": event.location or event.host.city,
        "address": {"@type": "PostalAddress", "addressLocality": event.host.city, "addressCountry": event.host.country},
    }
    # No meeting link is published; the event's own page is where its recordings are.
    online = {"@type": "VirtualLocation", "name": gettext("Online"), "url": url}
    location = {
        Event.Format.IN_PERSON: place,
        Event.Format.VIRTUAL: online,
        Event.Format.HYBRID: [place, online],
    }[event.format]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "inLanguage": content_language(event, "title"),
        "startDate": event.machine_date(event.start_date),
        "endDate": event.machine_date(event.end_date or event.start_date),
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": location,
        "organizer": organization(request, event.host),
        "image": event_image(request, event),
    }
    if event.theme:
        data["description"] = event.theme
    visitors = [organization(request, partner) for partner in event.visitors.all()]
    if visitors:
        data["attendee"] = visitors
    return data


@functools.cache
def event_page_queryset():
    """The event page's queryset, built once per process (each request filters a copy of it).

    Whether each relation has any row is read in the event's own query (indexed EXISTS): most events
    have no practices, transfers, recordings or releases, and then need none of their queries. On
    PostgreSQL the visiting cities' keys come with it too (an array), and the cities themselves from
    the worker's copy, with the host city and the semester (projects.web.lookups): no joins, no query of
    their own."""
    transfer = Event._meta.get_field("workshop_transfers").related_model
    by_event = OuterRef("pk")
    flags = {
        "has_recordings": Exists(Recording.objects.filter(event=by_event)),
        "has_practices": Exists(Event._meta.get_field("practices").through.objects.filter(event=by_event)),
        "has_workshop_transfers": Exists(transfer.objects.filter(import_workshop=by_event)),
        "has_studied_transfers": Exists(transfer.objects.filter(study_visit=by_event)),
        "has_releases": Exists(Event.releases.through.objects.filter(event=by_event)),
    }
    if connection.vendor != "postgresql":
        return Event.objects.with_relations().annotate(**flags)
    visits = Event.visitors.through.objects.filter(event=by_event).order_by().values("partner_id")
    return Event.objects.annotate(visitor_ids=ArraySubquery(visits), **flags)


@method_decorator(detail_freshness, name="dispatch")
class EventDetailView(WrittenObjectMixin, DetailView):
    """One event with everything it connects: cities, practices, transfers, recordings, releases."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return event_page_queryset()

    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        if hasattr(event, "visitor_ids"):
            cities = site_partners(self.request)
            visiting = set(event.visitor_ids)
            set_prefetched(event, "visitors", [city for key, city in cities.items() if key in visiting])
            event.host = cities[event.host_id]
            if event.semester_id is not None:
                event.semester = site_semesters(self.request)[event.semester_id]
        # Related rows by relation name only: events never import the practices app above it.
        practice = Event._meta.get_field("practices").related_model
        transfer = Event._meta.get_field("workshop_transfers").related_model
        action = practice._meta.get_field("actions").related_model
        # Each relation with the rows it shows joined in (select_related in a Prefetch): one query each,
        # and only for the relations that have rows (the flags of get_queryset).
        return prefetch_present(
            event,
            {
                "recordings": lambda: "recordings",
                "practices": lambda: Prefetch("practices", queryset=practice.objects.select_related("owner")),
                "workshop_transfers": lambda: Prefetch(
                    "workshop_transfers",
                    queryset=transfer.objects.select_related("practice__owner", "importer").prefetch_related(
                        # The stage shown is Transfer.reached_stage, which reads the practice's actions and plans.
                        Prefetch("practice__actions", queryset=action.objects.select_related("plan"))
                    ),
                ),
                "studied_transfers": lambda: Prefetch(
                    "studied_transfers", queryset=transfer.objects.select_related("importer")
                ),
                "releases": lambda: Prefetch(
                    "releases",
                    queryset=PressRelease.objects.published().select_related("author"),
                    to_attr="published_releases",
                ),
            },
            to_attr={"releases": "published_releases"},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        language = get_language()
        # Cities that studied each practice here (study visits): practice id → importers.
        studied_by = {}
        for transfer in event.studied_transfers.all():
            studied_by.setdefault(transfer.practice_id, []).append(transfer.importer)
        workshop_transfers = event.workshop_transfers.all()
        worked_on = {transfer.practice_id for transfer in workshop_transfers}
        context.update(
            in_page_language=all(
                getattr(event, f"{field}_{language}", None) or not getattr(event, f"{field}_{DEFAULT_LANGUAGE}", None)
                for field in ("title", "theme", "description")
            ),
            # At an import workshop the practice worked on has its own section; list any others.
            practices=[
                {"practice": practice, "studied_by": studied_by.get(practice.pk, [])}
                for practice in event.practices.all()
                if practice.pk not in worked_on
            ],
            workshop_transfers=workshop_transfers,
            recordings=event.recordings.all(),
            releases=event.published_releases,
            visitors=event.visitors.all(),
            structured_data=json_ld(event_structured_data(self.request, event)),
            host_events_url=f"{reverse('events:event-list')}?city={event.host.slug}",
            language_versions=language_versions(self.request, event, title_languages(event)),
        )
        return context


def calendar_name(filterset):
    """The calendar's display name, saying what it holds: "BETTER events: Tartu (host), Study visit"."""
    data = filterset.form.cleaned_data
    parts = []
    if data.get("city"):
        role = {"host": gettext("host"), "visitor": gettext("visitor")}.get(data.get("role"))
        parts.append(f"{data['city'].city} ({role})" if role else data["city"].city)
    labels = {"kind": dict(Event.Kind.choices), "format": dict(Event.Format.choices)}
    for name in ("kind", "format"):
        if data.get(name):
            parts.append(str(labels[name][data[name]]))
    if data.get("phase"):
        parts.append(gettext("phase %(number)s") % {"number": data["phase"].number})
    if data.get("year"):
        parts.append(str(int(data["year"])))
    if data.get("when"):
        parts.append(gettext("upcoming") if data["when"] == "upcoming" else gettext("past"))
    name = gettext("BETTER events")
    return f"{name}: {', '.join(parts)}" if parts else name


def calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@method_decorator(list_freshness, name="dispatch")
class EventCalendarView(View):
    """The events of the list as iCalendar, with the same filters: a partner subscribes to "events in Tartu"."""

    def get(self, request):
        filterset = event_filterset(data=request.GET, request=request)
        if not filterset.is_valid():
            lines = [
                f"{field}: {message}" for field, messages in error_messages(filterset).items() for message in messages
            ]
            return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")
        # The latest CALENDAR_SIZE events (a subscription looks ahead, not years back), in date order:
        # the file stays the same size however long the project's history grows.
        latest = filterset.qs.order_by("-start_date", "slug")[:CALENDAR_SIZE]
        body = build_calendar(
            sorted(latest, key=lambda event: (event.start_date, event.slug)),
            name=calendar_name(filterset),
            absolute_url=lambda event: request.build_absolute_uri(event.get_absolute_url()),
        )
        city = filterset.form.cleaned_data.get("city")
        return calendar_response(body, f"better-events-{city.slug}.ics" if city else "better-events.ics")


@method_decorator(detail_freshness, name="dispatch")
class EventIcsView(View):
    """One event as an iCalendar file: the event page's "Add to calendar" link."""

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.with_relations(), slug=slug)
        body = build_calendar(
            [event],
            name=f"{gettext('BETTER events')}: {event.title}",
            absolute_url=lambda event: request.build_absolute_uri(event.get_absolute_url()),
        )
        return calendar_response(body, f"{event.slug}.ics")

"""Read-only JSON for partners' own tools: /api/events/ with the page's filters and `lang`."""

from django.utils.decorators import method_decorator

from projects.web.api import FilteredListApi, absolute, partner_json

from .http import list_freshness
from .selectors import event_filterset


def event_json(request, event, language):
    return {
        "slug": event.slug,
        "url": absolute(request, event, language),
        "title": event.title,
        "kind": event.kind,
        "kind_label": event.get_kind_display(),
        "theme": event.theme,
        # "2019-10" when only the month is known (date_precision "month"), as in the page's JSON-LD.
        "start_date": event.machine_date(event.start_date),
        "end_date": event.machine_date(event.end_date) if event.end_date else None,
        "date_precision": event.date_precision,
        "display_date": event.display_date,
        "format": event.format,
        "location": event.location,
        "host": partner_json(event.host),
        "visitors": [partner_json(partner) for partner in event.visitors.all()],
        "phase": event.semester.phase.number if event.semester_id else None,
        "semester": event.semester.number if event.semester_id else None,
    }


@method_decorator(list_freshness, name="dispatch")
class EventListApi(FilteredListApi):
    def get_filterset(self, data):
        return event_filterset(data=data, request=self.request)

    def get_results(self, filterset):
        return filterset.qs.order_by("start_date", "slug")

    def item_json(self, request, event, language):
        return event_json(request, event, language)

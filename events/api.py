"""Read-only JSON for partners' own tools: /api/events/ with the page's filters and `lang`."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from .filters import error_messages
from .http import list_freshness
from .selectors import event_filterset

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def bad_request(errors):
    return JsonResponse({"errors": errors}, status=400)


def requested_language(request):
    """The `lang` parameter (default English), or None where it names no site language."""
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in LANGUAGE_CODES else None


def absolute(request, obj, language):
    with translation.override(language):
        return request.build_absolute_uri(obj.get_absolute_url())


def partner_json(partner):
    return {"slug": partner.slug, "city": partner.city, "country": partner.country}


def event_json(request, event, language):
    return {
        "slug": event.slug,
        "url": absolute(request, event, language),
        "title": event.title,
        "kind": event.kind,
        "kind_label": event.get_kind_display(),
        "theme": event.theme,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat() if event.end_date else None,
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
class EventListApi(View):
    def get(self, request):
        language = requested_language(request)
        if language is None:
            return bad_request(
                {"lang": [_("Choose one of: %(codes)s.") % {"codes": ", ".join(sorted(LANGUAGE_CODES))}]}
            )
        filterset = event_filterset(data=request.GET)
        if not filterset.is_valid():
            return bad_request(error_messages(filterset))
        with translation.override(language):
            results = [event_json(request, event, language) for event in filterset.qs.order_by("start_date", "slug")]
        return JsonResponse({"language": language, "count": len(results), "results": results})

"""Read-only JSON of the public lists for partners' own tools (/api/events/, /api/practices/): what they share."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View

from .filters import error_messages

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


class FilteredListApi(View):
    """The objects a list page's filter selects, as JSON in the `lang` language: {language, count, results}.

    A bad `lang` or filter value answers 400 with {"errors": {parameter: [reasons]}}, never the whole list.
    """

    def get_filterset(self, data):
        raise NotImplementedError

    def get_results(self, filterset):
        return filterset.qs

    def item_json(self, request, obj, language):
        raise NotImplementedError

    def get(self, request):
        language = requested_language(request)
        if language is None:
            return bad_request(
                {"lang": [_("Choose one of: %(codes)s.") % {"codes": ", ".join(sorted(LANGUAGE_CODES))}]}
            )
        filterset = self.get_filterset(request.GET)
        if not filterset.is_valid():
            return bad_request(error_messages(filterset))
        with translation.override(language):
            results = [self.item_json(request, obj, language) for obj in self.get_results(filterset)]
        return JsonResponse({"language": language, "count": len(results), "results": results})

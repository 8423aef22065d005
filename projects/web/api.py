"""Read-only JSON of the public lists for partners' own tools (/api/events/, /api/practices/): what they share.

Every answer under /api/ is JSON, errors included, in one shape: {"errors": {parameter: [reasons]}}
(400 for a bad parameter, 404 for an unknown address, 405 for a method other than GET/HEAD/OPTIONS).
The language of the data, of the error messages and of Content-Language is the `lang` parameter's
(English by default), never the browser's Accept-Language: the address alone says what it answers.
"""

from functools import wraps

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .filters import error_messages, repeated_parameters

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
API_PAGE_SIZE = 50
API_PARAMETERS = ("lang", "page")


def api_error(status, errors, **headers):
    response = JsonResponse({"errors": errors}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def bad_request(errors):
    return api_error(400, errors)


def requested_language(request):
    """The `lang` parameter (default English), or None where it names no site language or several."""
    if len(request.GET.getlist("lang")) > 1:
        return None
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in LANGUAGE_CODES else None


def in_requested_language(view):
    """Runs `view` (and its conditional GET, whose ETag names the language) in the `lang` language, or
    English where `lang` names none (the 400 then says so in English); Content-Language says which."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = requested_language(request) or settings.LANGUAGE_CODE
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapper


@csrf_exempt  # nothing here accepts a POST: it answers 405, not the CSRF check's HTML 403
def api_not_found(request, path=""):
    """Any address under /api/ that names no API: a JSON 404, never the HTML page. An API's address
    without its final slash is redirected to it, as APPEND_SLASH did before this catch-all existed."""
    if request.method in ("GET", "HEAD") and not request.path.endswith("/"):
        try:
            match = resolve(f"{request.path}/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "api-not-found":
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{request.path}/?{query}" if query else f"{request.path}/")
    with translation.override(requested_language(request) or settings.LANGUAGE_CODE):
        message = _("There is no API at %(path)s. The APIs are /api/events/ and /api/practices/.") % {
            "path": request.path
        }
        response = api_error(404, {"path": [message]})
        response["Content-Language"] = translation.get_language()
    return response


def absolute(request, obj, language):
    with translation.override(language):
        return request.build_absolute_uri(obj.get_absolute_url())


def partner_json(partner):
    return {"slug": partner.slug, "city": partner.city, "country": partner.country}


class FilteredListApi(View):
    """The objects a list page's filter selects, as JSON in the `lang` language, a page at a time:
    {language, count, page, pages, next, previous, results}; `count` is of all the objects selected,
    `next` and `previous` the addresses of the neighbouring pages (null at the ends).

    A bad `lang`, filter value or `page`, or one of them given twice, answers 400 with
    {"errors": {parameter: [reasons]}}, never the whole list.
    """

    page_size = API_PAGE_SIZE
    http_method_names = ["get", "head", "options"]

    @classmethod
    def as_view(cls, **initkwargs):
        # The language wraps the conditional GET the subclasses decorate dispatch() with.
        return csrf_exempt(in_requested_language(super().as_view(**initkwargs)))

    def http_method_not_allowed(self, request, *args, **kwargs):
        allowed = ", ".join(method.upper() for method in self._allowed_methods())
        message = _("This API only reads: use %(methods)s, not %(method)s.") % {
            "methods": allowed,
            "method": request.method,
        }
        return api_error(405, {"method": [message]}, Allow=allowed)

    def get_filterset(self, data):
        raise NotImplementedError

    def get_results(self, filterset):
        return filterset.qs

    def item_json(self, request, obj, language):
        raise NotImplementedError

    def get(self, request):
        repeated = repeated_parameters(request.GET, API_PARAMETERS)
        if repeated:
            return bad_request(repeated)
        language = requested_language(request)
        if language is None:
            return bad_request(
                {"lang": [_("Choose one of: %(codes)s.") % {"codes": ", ".join(sorted(LANGUAGE_CODES))}]}
            )
        filterset = self.get_filterset(request.GET)
        if not filterset.is_valid():
            return bad_request(error_messages(filterset))
        paginator = Paginator(self.get_results(filterset), self.page_size)
        page = _page(request, paginator)
        if isinstance(page, str):
            return bad_request({"page": [page]})
        with translation.override(language):
            results = [self.item_json(request, obj, language) for obj in page.object_list]
        return JsonResponse(
            {
                "language": language,
                "count": paginator.count,
                "page": page.number,
                "pages": paginator.num_pages,
                "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
                "previous": _page_url(request, page.previous_page_number()) if page.has_previous() else None,
                "results": results,
            }
        )


def _page(request, paginator):
    """The page `?page=` asks for (default 1), or the reason it names none."""
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        return _("The page number must be a whole number from 1 upwards.")
    try:
        return paginator.page(int(raw))
    except EmptyPage:
        return _("There is no page %(number)s: these results fill %(count)s page(s).") % {
            "number": int(raw),
            "count": paginator.num_pages,
        }


def _page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

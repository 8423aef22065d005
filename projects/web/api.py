"""Read-only JSON of the public lists for partners' own tools (/api/events/, /api/practices/): what they share."""

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View

from .filters import error_messages

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
API_PAGE_SIZE = 50


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
    """The objects a list page's filter selects, as JSON in the `lang` language, a page at a time:
    {language, count, page, pages, next, previous, results}; `count` is of all the objects selected,
    `next` and `previous` the addresses of the neighbouring pages (null at the ends).

    A bad `lang`, filter value or `page` answers 400 with {"errors": {parameter: [reasons]}}, never the
    whole list.
    """

    page_size = API_PAGE_SIZE

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

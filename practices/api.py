"""Read-only JSON: /api/practices/ with the catalogue's filters (`city`, `theme`, `imported-by`) and `lang`."""

from django.http import JsonResponse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from events.api import LANGUAGE_CODES, absolute, bad_request, partner_json, requested_language

from .filters import error_messages
from .selectors import practice_filterset, transfer_paths
from .views import conditional_list


def theme_json(theme):
    return {"slug": theme.slug, "name": theme.name} if theme else None


def path_json(path):
    return {
        "importer": partner_json(path.importer),
        "stage": path.stage,
        "stage_label": str(path.stage_label),
        "study_visit": path.study_visit.slug if path.study_visit else None,
        "import_workshop": path.import_workshop.slug if path.import_workshop else None,
        "actions": [
            {
                "number": action.number,
                "title": action.title,
                "status": action.status,
                "status_label": action.get_status_display(),
            }
            for action in path.actions
        ],
    }


def practice_json(request, practice, language):
    return {
        "slug": practice.slug,
        "url": absolute(request, practice, language),
        "title": practice.title,
        "summary": practice.summary,
        "owner": partner_json(practice.owner),
        "theme": theme_json(practice.theme),
        "website": practice.website,
        "transfers": [path_json(path) for path in transfer_paths(practice)],
    }


@method_decorator(conditional_list, name="dispatch")
class PracticeListApi(View):
    def get(self, request):
        language = requested_language(request)
        if language is None:
            return bad_request(
                {"lang": [_("Choose one of: %(codes)s.") % {"codes": ", ".join(sorted(LANGUAGE_CODES))}]}
            )
        filterset = practice_filterset(data=request.GET)
        if not filterset.is_valid():
            return bad_request(error_messages(filterset))
        with translation.override(language):
            results = [practice_json(request, practice, language) for practice in filterset.qs]
        return JsonResponse({"language": language, "count": len(results), "results": results})

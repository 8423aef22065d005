"""Read-only JSON: /api/practices/ with the catalogue's filters (`city`, `theme`, `imported-by`) and `lang`."""

from django.utils.decorators import method_decorator

from projects.web.api import FilteredListApi, absolute, partner_json

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
class PracticeListApi(FilteredListApi):
    def get_filterset(self, data):
        return practice_filterset(data=data, request=self.request)

    def item_json(self, request, practice, language):
        return practice_json(request, practice, language)

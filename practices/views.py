from django.conf import settings
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.generic import DetailView, ListView

from projects.models import plain_values
from projects.web.conditional import page_conditional
from projects.web.filters import error_messages, filter_query
from projects.web.fragments import KeyedRows
from projects.web.languages import language_versions, title_languages
from projects.web.lookups import attach_site_rows
from projects.web.written import WrittenObjectMixin

from .models import GoodPractice
from .network import build_network
from .selectors import (
    partners,
    practice_detail_queryset,
    practice_filterset,
    practice_list_queryset,
    practice_related,
    transfer_paths,
)

# Fields a visitor reads on the detail page; where one exists only in English, the page says so.
TEXT_FIELDS = [
    "title",
    "summary",
    "description",
    "resources_needed",
    "evidence_of_success",
    "potential_for_transfer",
    "timescale",
]


# Repeat visits answer 304 when nothing changed (projects.web.conditional.conditional: validators only on real
# pages, never on a 400 or 404). `no-cache` makes browsers ask every time instead of guessing a
# freshness period from Last-Modified, so an edit shows at once.
conditional_list = [
    cache_control(no_cache=True),
    page_conditional("practices"),
]
conditional_detail = [
    cache_control(no_cache=True),
    page_conditional("practice", exists=lambda slug, **kwargs: GoodPractice.objects.filter(slug=slug).exists()),
]


class PracticeRows(KeyedRows):
    """The catalogue's practices by key, each read with its transfer paths."""

    def rows(self, keys):
        rows = super().rows(keys)
        for practice in rows.values():
            if not hasattr(practice, "paths"):
                practice.paths = transfer_paths(practice)
        return rows


@method_decorator(conditional_list, name="dispatch")
class PracticeListView(ListView):
    """The catalogue: the filter form, the transfer network of the practices listed, and the practices."""

    template_name = "practices/practice_list.html"
    context_object_name = "practices"

    def get(self, request, *args, **kwargs):
        self.filterset = practice_filterset(
            data=request.GET, queryset=practice_list_queryset(get_language()), request=request
        )
        if not self.filterset.is_valid():
            # The form again with its errors, and no list: an unknown value never shows everything.
            self.object_list = self.filterset.queryset.none()
            context = {"view": self, "filter": self.filterset, "errors": error_messages(self.filterset)}
            return self.render_to_response(context, status=400)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = context["object_list"]
        # Keys first: the rows (with the transfers and actions behind their paths) are read only for the
        # cards, or the network, not in the cache (projects.web.fragments).
        practices = PracticeRows(plain_values(queryset, "pk", flat=True), queryset)

        def network():
            return build_network(partners(), [path for practice in practices for path in practice.paths])

        network = SimpleLazyObject(network)
        context.update(
            {
                "practices": practices,
                "filter": self.filterset,
                "is_filtered": self.filterset.is_filtered,
                "network": network,
                # Drawn only when the page's network fragment is not in the cache (the template calls it).
                "network_svg": lambda: network.svg(id_prefix="network"),
                "api_url": self._api_url(),
            }
        )
        return context

    def _api_url(self):
        """The same selection as JSON, in the page's language."""
        query = filter_query(self.request.GET, self.filterset.filters)
        query["lang"] = get_language()
        return f"{reverse('api-practices')}?{query.urlencode()}"


@method_decorator(conditional_detail, name="dispatch")
class PracticeDetailView(WrittenObjectMixin, DetailView):
    """One practice: its fields and its transfer path to each city that took it up."""

    template_name = "practices/practice_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return practice_detail_queryset()

    def written_queryset(self):
        return GoodPractice.objects.all()

    def get_object(self, queryset=None):
        # Its city and theme from the site's lookups: the query joins neither.
        practice = super().get_object(queryset)
        return attach_site_rows(self.request, [practice], "owner", "theme")[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice = self.object
        context.update(
            {
                # Its transfer paths, events and releases: kept as fragments of the page (the practice's part
                # in the network, its related lists), so they are read only when one is not cached.
                "related": SimpleLazyObject(lambda: practice_related(practice)),
                "in_english_only": self._fields_in_english_only(practice),
                "language_versions": language_versions(self.request, practice, title_languages(practice)),
            }
        )
        return context

    def _fields_in_english_only(self, practice):
        """True where some of the practice's text falls back to English on this page."""
        language = get_language()
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        if language == default:
            return False
        return any(
            getattr(practice, f"{name}_{default}", "") and not getattr(practice, f"{name}_{language}", "")
            for name in TEXT_FIELDS
        )

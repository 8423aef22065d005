from django.conf import settings
from django.core.paginator import EmptyPage
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext, override
from django.views.generic import DetailView, ListView

from .models import PressRelease, Project

HOME_RELEASE_COUNT = 3


class HomeView(ListView):
    """The project, its mission and the latest published releases."""

    template_name = "projects/home.html"
    context_object_name = "latest_releases"

    def get_queryset(self):
        return PressRelease.objects.published().select_related("author")[:HOME_RELEASE_COUNT]

    def get_context_data(self, **kwargs):
        # One project per site; an empty database still gets a page.
        return super().get_context_data(project=Project.objects.order_by("pk").first(), **kwargs)


class _BadPage(Exception):
    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


class ReleaseListView(ListView):
    """Published releases, newest first, a page at a time."""

    template_name = "projects/pressrelease_list.html"
    context_object_name = "releases"

    def get_queryset(self):
        return PressRelease.objects.published().select_related("author")

    def get_paginate_by(self, queryset):
        return settings.NEWS_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except _BadPage as error:
            # Said plainly on a page of the site, rather than Django's bare 404.
            context = {"status": error.status, "reason": error.reason, "back_url": reverse("projects:release-list")}
            return render(request, "projects/error.html", context, status=error.status)

    def paginate_queryset(self, queryset, page_size):
        """Like ListView's, but a page number that is not one is a 400 and one past the end a 404."""
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        raw = self.request.GET.get(self.page_kwarg) or "1"
        if raw == "last":
            number = paginator.num_pages
        else:
            try:
                number = int(raw)
            except ValueError:
                number = 0
            if number < 1:
                raise _BadPage(400, gettext("The page number must be a whole number from 1 upwards."))
        try:
            page = paginator.page(number)
        except EmptyPage:
            reason = gettext("There is no page %(number)s: the news has %(count)s page(s).") % {
                "number": number,
                "count": paginator.num_pages,
            }
            raise _BadPage(404, reason) from None
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
        return context


class ReleaseDetailView(DetailView):
    """One published release in the page's language, or in English with a notice."""

    template_name = "projects/pressrelease_detail.html"
    context_object_name = "release"

    def get_queryset(self):
        # Drafts and releases scheduled for later are not found at all.
        # Related events and practices by name only: projects never imports the apps above it.
        return (
            PressRelease.objects.published()
            .select_related("author")
            .prefetch_related("events__host", "practices__owner")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context["in_page_language"] = release.has_language(get_language())
        context["alternates"] = self._alternates(release)
        return context

    def _alternates(self, release):
        """hreflang links: only the languages the release is really written in, and English as x-default."""
        links = []
        for code in release.available_languages:
            with override(code):
                links.append({"code": code, "url": self.request.build_absolute_uri(release.get_absolute_url())})
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        links += [{"code": "x-default", "url": link["url"]} for link in links if link["code"] == default]
        return links

"""Project-level pages: robots.txt and the site search (both span every app)."""

from django.urls import reverse
from django.utils.translation import get_language
from django.views.generic import TemplateView

from .search import MAX_QUERY_LENGTH, SearchForm, search


class RobotsView(TemplateView):
    """Crawlers may read every public page; the admin is no business of theirs."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        return super().get_context_data(sitemap_url=self.request.build_absolute_uri(reverse("sitemap")), **kwargs)


class SearchView(TemplateView):
    """/<lang>/search/?q=…: releases, events and practices in the page's language.

    No query: the form with a hint. A query the form refuses (too long): 400 with the reason.
    """

    template_name = "search/search.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET)
        valid = form.is_valid()
        # The box shows the search as cleaned (no NUL bytes), or as typed if it was refused, to be edited.
        query = form.cleaned_data["q"] if valid else form.fields["q"].to_python(form.data.get("q"))
        context = self.get_context_data(form=form, query=query, max_length=MAX_QUERY_LENGTH)
        if not valid:
            return self.render_to_response(context, status=400)
        if query:
            context["results"] = search(query, get_language(), request=request)
        return self.render_to_response(context)

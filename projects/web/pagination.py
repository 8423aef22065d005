"""Paginated public lists (news, events) that say plainly what is wrong with a page number."""

from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext

from .fragments import KeyedRows, cached_block, cached_keys

# No list has a billion pages; a longer "number" is refused before int() (which gives up past 4,300 digits).
MAX_PAGE_DIGITS = 9


class BadPage(Exception):
    """A page number that is not one (400) or one past the last page (404), with the reason to show."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


class DeferredJoinPaginator(Paginator):
    """A page's keys first, then its rows by key (only those whose card is not in the cache).

    With OFFSET, PostgreSQL builds (and here would read the annotations of) every row it skips: page
    400 of the news read 4,000 releases. The keys of a page come from the list's index alone; then only
    the page's own rows are read, so a deep page costs about what the first one does.
    """

    # Set by CheckedPaginationMixin: the request, and what the list's count depends on besides it.
    request = None
    count_key = None

    @cached_property
    def count(self):
        """The number of rows, counted once per content version and list (a count reads every matching
        row of the index: kept like a fragment, it is not read again on every page of the list)."""
        if not isinstance(self.object_list, QuerySet):
            return Paginator.count.func(self)
        # Stored, like any fragment, only if the page answers 200.
        return cached_block(self.request, "count", [self.count_key], lambda: Paginator.count.func(self))

    def page(self, number):
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        # Kept like the count, per list and page. The rows are read when the page needs them: cards kept
        # in the cache need none (fragments).
        keys = cached_keys(self.request, "keys", [self.count_key, bottom, top], self.object_list, bottom, top)
        return self._get_page(KeyedRows(keys, self.object_list), number, self)


class CheckedPaginationMixin:
    """Like ListView's pagination, but a page "number" that is not one raises BadPage(400) and one
    past the end BadPage(404); the view's get() answers it. Adds `page_range` for the page links."""

    # With %(number)s and %(count)s: "There is no page 9: the news has 2 page(s)."
    past_the_end_message = None
    paginator_class = DeferredJoinPaginator

    def page_number(self, raw, paginator):
        """The page `raw` asks for; 0 where it names none."""
        return int(raw) if raw.isascii() and raw.isdigit() else 0

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        if isinstance(paginator, DeferredJoinPaginator):
            # The list's count depends on the view and its filters, not on the page asked for.
            paginator.request = self.request
            paginator.count_key = (
                type(self).__qualname__,
                sorted((name, values) for name, values in self.request.GET.lists() if name != self.page_kwarg),
            )
        raw = self.request.GET.get(self.page_kwarg) or "1"
        if len(raw) > MAX_PAGE_DIGITS:
            raise BadPage(400, gettext("The page number is too large."))
        number = self.page_number(raw, paginator)
        if number < 1:
            raise BadPage(400, gettext("The page number must be a whole number from 1 upwards."))
        try:
            page = paginator.page(number)
        except EmptyPage:
            reason = self.past_the_end_message % {"number": number, "count": paginator.num_pages}
            raise BadPage(404, reason) from None
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        context["page_range"] = (
            page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1) if page else []
        )
        return context

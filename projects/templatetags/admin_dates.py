"""The change list's date hierarchy, without a query over every row.

Django lists the years to choose from with `SELECT DISTINCT DATE_TRUNC('year', …)` over the whole
(filtered) list: a scan of every release, growing with the archive. Here the first and last dates
(one aggregate, read from the date index) bound the years, and a year is offered if it has a row (an
indexed EXISTS for each year of the project's life). Below the year level Django's own tag runs: its
queries read one year's or one month's rows only.
"""

import datetime

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.db import models
from django.utils import timezone

register = template.Library()


def year_choices(cl):
    field_name = cl.date_hierarchy
    lookups = [cl.params.get(f"{field_name}__{part}") for part in ("year", "month", "day")]
    if any(lookups):
        return date_hierarchy(cl)
    dates = cl.queryset.aggregate(first=models.Min(field_name), last=models.Max(field_name))
    if not (dates["first"] and dates["last"]):
        return date_hierarchy(cl)
    first, last = (timezone.localtime(dates[end]).year for end in ("first", "last"))
    if first == last:
        return date_hierarchy(cl)  # Django opens the one year (or month) itself

    def start(year):
        return timezone.make_aware(datetime.datetime(year, 1, 1))

    years = [
        year
        for year in range(first, last + 1)
        if cl.queryset.filter(**{f"{field_name}__gte": start(year), f"{field_name}__lt": start(year + 1)}).exists()
    ]
    return {
        "show": True,
        "back": None,
        "choices": [
            {"link": cl.get_query_string({f"{field_name}__year": str(year)}, [f"{field_name}__"]), "title": str(year)}
            for year in years
        ],
    }


@register.tag(name="year_indexed_date_hierarchy")
def year_indexed_date_hierarchy_tag(parser, token):
    """`{% year_indexed_date_hierarchy cl %}`: Django's `{% date_hierarchy cl %}`, by index (see above)."""
    return InclusionAdminNode(
        parser, token, func=year_choices, template_name="date_hierarchy.html", takes_context=False
    )

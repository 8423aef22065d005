"""The site's few fixed rows, as public pages look them up: the partner cities, the semesters with
their phases, and other small tables by their model (site_rows). A handful of rows each, read on most
pages; each worker keeps them for the current content version (projects.web.near_cache), so a page asks
the database nothing for them, and any published change (a renamed city) is seen at once. Each call
gets its own copies, which it may annotate: the rows kept are shared between requests.
"""

import copy

from projects.models import Partner, Semester

from . import near_cache


def site_rows(request, model):
    """{key: row} of one of the site's small tables (the partners, a theme list), named by its model: the
    apps above pass their own models in, so this module imports none of them."""
    rows = near_cache.memo(request, f"rows:{model._meta.label}", lambda: list(model._default_manager.all()))
    return {row.pk: copy.copy(row) for row in rows}


def site_partners(request):
    """The partner cities in the site's order."""
    return [copy.copy(partner) for partner in near_cache.memo(request, "partners", lambda: list(Partner.objects.all()))]


def site_semesters(request):
    """{key: semester} with each semester's phase."""
    semesters = near_cache.memo(request, "semesters", lambda: list(Semester.objects.select_related("phase")))
    return {semester.pk: copy.copy(semester) for semester in semesters}

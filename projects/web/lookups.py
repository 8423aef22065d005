"""The site's few fixed rows, as public pages look them up: the partner cities, the semesters with
their phases, the project, and other small tables by their model (site_rows), also set on the rows
that point to them (attach_site_rows). A handful of rows each, read on most pages; each worker keeps
them for the current content version (projects.web.near_cache), so a page asks the database nothing
for them, and any published change (a renamed city) is seen at once. Each request gets its own
copies, which it may annotate: the rows kept are shared between requests.
"""

import copy

from projects.models import Partner, Project, Semester

from . import near_cache


def site_rows(request, model, *related):
    """{key: row} of one of the site's small tables in its order, named by its model (with the
    relations in `related` joined in): the apps above pass their own models in, so this module imports
    none of them. Without a request, read from the database."""
    name = f"rows:{model._meta.label}:{','.join(related)}"

    def read():
        # (select_related() with no names would join every relation.)
        manager = model._default_manager
        return list(manager.select_related(*related) if related else manager.all())

    if request is None:
        return {row.pk: row for row in read()}
    # One set of copies per request, however many parts of the page ask (search asks once per kind).
    copies = request.__dict__.setdefault("_site_rows", {})
    if name not in copies:
        rows = near_cache.memo(request, name, read)
        copies[name] = {row.pk: copy.copy(row) for row in rows}
    return copies[name]


def site_partners(request):
    """{key: partner city}, in the site's order."""
    return site_rows(request, Partner)


def site_semesters(request):
    """{key: semester} with each semester's phase."""
    return site_rows(request, Semester, "phase")


def site_project(request):
    """The site's one project (the first, should there be more), or None in an empty database."""
    projects = site_rows(request, Project)
    return projects[min(projects)] if projects else None


def attach_site_rows(request, rows, *relations):
    """Sets each of `relations` (foreign keys to the site's small tables: a city, a theme) on each of
    `rows` from site_rows, so that the rows' own query needs no join for them."""
    for name in relations:
        related = site_rows(request, rows[0]._meta.get_field(name).related_model) if rows else {}
        for row in rows:
            key = getattr(row, f"{name}_id")
            setattr(row, name, related[key] if key is not None else None)
    return rows

"""A detail page's related rows, read only for the relations that have any.

Most releases and events have no related practices, transfers, recordings or images; a prefetch of
each would still be a query (and the time Django takes to write it). The page's own query annotates
`has_<relation>` with an indexed EXISTS per relation; `prefetch_present` then prefetches only those
that have rows and sets the others empty, where a prefetch keeps its rows, so templates and views
read `obj.<relation>.all()` as usual without a query.
"""

from django.db.models import prefetch_related_objects


def prefetch_present(obj, lookups, to_attr=None):
    """Prefetches each of `lookups` ({relation: a function returning its lookup}, so that a queryset is
    only built where it is used) whose `has_<relation>` flag is true (or absent) on `obj`.

    An empty one becomes an empty list where its Prefetch has a `to_attr` (named again in `to_attr`,
    {relation: attribute}), else an empty queryset that holds its (no) rows, as Django's own prefetch
    leaves one: a bare `.none()` would still have its SQL written, only to be dropped, on each read."""
    to_attr = to_attr or {}
    present = [relation for relation in lookups if getattr(obj, f"has_{relation}", True)]
    prefetch_related_objects([obj], *(lookups[relation]() for relation in present))
    for relation in lookups.keys() - set(present):
        if relation in to_attr:
            setattr(obj, to_attr[relation], [])
        else:
            set_prefetched(obj, relation, [])
    return obj


def set_prefetched(obj, relation, rows):
    """`obj.<relation>.all()` answers `rows` without asking the database, as after a prefetch."""
    queryset = obj._meta.get_field(relation).related_model._default_manager.none()
    # What prefetch_related_objects sets on a queryset it filled (django.db.models.query.prefetch_one_level).
    queryset._result_cache, queryset._prefetch_done = list(rows), True
    obj._prefetched_objects_cache = {**getattr(obj, "_prefetched_objects_cache", {}), relation: queryset}

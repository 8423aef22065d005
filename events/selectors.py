from .filters import EventFilter
from .models import Event


def event_filterset(*, data=None, queryset=None, request=None) -> EventFilter:
    """Events filtered by the public parameters; check `.is_valid()` before using `.qs`. With the page's
    `request`, a city is looked up in the worker's copy of the cities (projects.web.filters)."""
    if queryset is None:
        queryset = Event.objects.with_relations()
    return EventFilter(data=data if data is not None else {}, queryset=queryset, request=request)

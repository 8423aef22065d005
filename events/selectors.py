from .filters import EventFilter
from .models import Event


def event_filterset(*, data=None, queryset=None) -> EventFilter:
    """Events filtered by the public parameters; check `.is_valid()` before using `.qs`."""
    if queryset is None:
        queryset = Event.objects.with_relations()
    return EventFilter(data=data if data is not None else {}, queryset=queryset)

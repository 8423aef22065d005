"""Conditional GET (304) for the events pages, the iCalendar feed and the JSON API.

The validators are the shared content version's (projects.web.conditional.page_conditional: no
query; none on error answers); it moves with every change of an event or of what its page shows, and
at midnight, when events move from upcoming to past.
"""

from projects.web.conditional import page_conditional

from .models import Event

list_freshness = page_conditional("events")
detail_freshness = page_conditional("event", exists=lambda slug, **kwargs: Event.objects.filter(slug=slug).exists())

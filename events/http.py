"""Conditional GET (304) for the events pages, the iCalendar feed and the JSON API.

The decorator is the site's (projects.web.conditional.conditional: ETag and Last-Modified from one query,
none on error answers); the validators come from events.selectors.
"""

from projects.web.conditional import conditional

from .selectors import event_freshness, events_freshness

# Lists (page, iCalendar, JSON) change with any event; one event's page with what it shows.
list_freshness = conditional(lambda request, *args, **kwargs: events_freshness())
detail_freshness = conditional(lambda request, *args, slug, **kwargs: event_freshness(slug=slug))

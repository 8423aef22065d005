"""iCalendar export of events, so a partner can subscribe to, say, "events in Tartu"."""

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event


def _month_after(day):
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def event_dates(event):
    """All-day DTSTART/DTEND (exclusive). Month-precision events span their month, honestly vague."""
    if event.date_precision == Event.Precision.MONTH:
        return event.start_date, _month_after(event.start_date)
    end = event.end_date or event.start_date
    return event.start_date, end + datetime.timedelta(days=1)


def build_calendar(events, *, name, absolute_url):
    """An iCalendar document for `events`; `absolute_url(event)` gives each event's public link."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//BETTER Interreg Europe//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for event in events:
        start, end = event_dates(event)
        entry = icalendar.Event()
        entry.add("uid", f"event-{event.pk}@better.interreg")
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title)
        entry.add("dtstart", start)
        entry.add("dtend", end)
        entry.add("url", absolute_url(event))
        entry.add("categories", [event.get_kind_display()])
        location = event.location or event.host.city
        if event.format == Event.Format.VIRTUAL:
            location = _("Online (hosted by %(city)s)") % {"city": event.host.city}
        entry.add("location", location)
        lines = [event.theme] if event.theme else []
        lines.append(_("Host: %(city)s") % {"city": event.host.city})
        visitors = [partner.city for partner in event.visitors.all()]
        if visitors:
            lines.append(_("Visitors: %(cities)s") % {"cities": ", ".join(visitors)})
        if event.date_precision == Event.Precision.MONTH:
            lines.append(_("Only the month of this event is known: %(month)s.") % {"month": event.display_date})
        entry.add("description", "\n".join(lines))
        calendar.add_component(entry)
    return calendar.to_ical()

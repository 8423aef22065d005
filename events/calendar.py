"""iCalendar export of events, so a partner can subscribe to, say, "events in Tartu".

The same events always give the same bytes: DTSTAMP is the event's last change (RFC 5545 allows the
time the information was last revised), not the time of the request, so a calendar's ETag names one
answer, and a subscriber sees a change only when an event changed.
"""

import datetime

import icalendar
from django.utils import formats
from django.utils.translation import gettext as _

from .models import Event

# Calendars that know the property can tell a month-only event from a real one-day event on the 1st.
PRECISION_PROPERTY = "x-better-date-precision"


def event_dates(event):
    """All-day DTSTART/DTEND (exclusive). An event of which only the month is known is one all-day entry
    on the first of its month (its summary says the day is not known), not a month-long block."""
    if event.date_precision == Event.Precision.MONTH:
        return event.start_date, event.start_date + datetime.timedelta(days=1)
    end = event.end_date or event.start_date
    return event.start_date, end + datetime.timedelta(days=1)


def _month(day):
    return formats.date_format(day, "YEAR_MONTH_FORMAT")


def event_summary(event):
    if event.date_precision == Event.Precision.MONTH:
        return _("%(title)s (%(month)s, exact day not known)") % {
            "title": event.title,
            "month": _month(event.start_date),
        }
    return event.title


def _description(event):
    lines = [event.theme] if event.theme else []
    lines.append(_("Host: %(city)s") % {"city": event.host.city})
    visitors = [partner.city for partner in event.visitors.all()]
    if visitors:
        lines.append(_("Visitors: %(cities)s") % {"cities": ", ".join(visitors)})
    if event.date_precision == Event.Precision.MONTH:
        lines.append(_("Only the month of this event is known: %(month)s.") % {"month": event.display_date})
        if event.end_date and (event.end_date.year, event.end_date.month) != (
            event.start_date.year,
            event.start_date.month,
        ):
            lines.append(_("It runs until %(month)s.") % {"month": _month(event.end_date)})
    return "\n".join(lines)


def calendar_entry(event, absolute_url):
    start, end = event_dates(event)
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@better.interreg")
    # The event's last change, in UTC: stable bytes (see the module docstring).
    entry.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    entry.add("summary", event_summary(event))
    entry.add("dtstart", start)
    entry.add("dtend", end)
    if event.date_precision == Event.Precision.MONTH:
        # A placeholder day must not show the subscriber as busy on it.
        entry.add("transp", "TRANSPARENT")
        entry.add(PRECISION_PROPERTY, "month")
    entry.add("url", absolute_url(event))
    entry.add("categories", [event.get_kind_display()])
    location = event.location or event.host.city
    if event.format == Event.Format.VIRTUAL:
        location = _("Online (hosted by %(city)s)") % {"city": event.host.city}
    entry.add("location", location)
    entry.add("description", _description(event))
    return entry


def build_calendar(events, *, name, absolute_url):
    """An iCalendar document for `events`; `absolute_url(event)` gives each event's public link."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//BETTER Interreg Europe//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # NAME is the standard one (RFC 7986), X-WR-CALNAME the one older calendar programs read.
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(calendar_entry(event, absolute_url))
    return calendar.to_ical()

"""The project's timeline: phases, semesters and events laid out on one month axis.

Everything is computed here, in Python, so the template only writes the numbers into an SVG: the
picture needs no JavaScript. The same data also gives the text equivalent (phase → semester →
events). Events arrive as objects (this module never imports the events app): anything with
`kind`, `start_date`, `end_date`, `date_precision` and `get_kind_display()` will do.
"""

import calendar
import datetime
import math
from dataclasses import dataclass, field

# Geometry of the picture, in SVG user units (the SVG scales to its box).
MONTH_WIDTH = 24
MARGIN_X = 14
PHASE_Y = 4
PHASE_HEIGHT = 30
SEMESTER_Y = 38
SEMESTER_HEIGHT = 26
LANES_Y = 76
LANE_HEIGHT = 24
MARKER_RADIUS = 7
BAR_INSET = 1.5
AXIS_GAP = 6
AXIS_HEIGHT = 30
# Rough width of a character of the 13-unit labels, to decide whether a label fits its band.
CHAR_WIDTH = 7.2

# Shape and colour per kind, so that kinds differ without relying on colour alone. The colours
# keep at least 3:1 contrast against white (WCAG 1.4.11, graphical objects).
KIND_STYLES = {
    "thematic-event": ("circle", "#0a4a8f"),
    "study-visit": ("square", "#a3211a"),
    "import-workshop": ("diamond", "#1e6b34"),
    "regional-event": ("triangle-up", "#6b3fa0"),
    "bilateral-meeting": ("triangle-down", "#8a5300"),
    "conference": ("star", "#1b1f24"),
}
DEFAULT_STYLE = ("circle", "#4a5361")


@dataclass
class Band:
    """A phase or a semester: a coloured stretch of the axis with a label."""

    obj: object
    x: float
    width: float
    label: str
    label_x: float
    clip_id: str
    fill: str


@dataclass
class Marker:
    """One event on the picture; `bar_*` is set where only the month is known (or the event lasts days)."""

    event: object
    x: float
    y: float
    path: str
    colour: str
    bar_x: float | None = None
    bar_width: float | None = None
    lane: int = 0

    @property
    def bar_y(self):
        return self.y - MARKER_RADIUS + 1

    @property
    def bar_height(self):
        return (MARKER_RADIUS - 1) * 2


@dataclass
class YearTick:
    x: float
    label: str
    label_x: float


@dataclass
class LegendItem:
    kind: str
    label: str
    count: int
    path: str
    colour: str


@dataclass
class SemesterEntry:
    semester: object
    events: list = field(default_factory=list)
    # All the semester's events where only some are drawn (see build_timeline's `counts`), else None.
    count: int | None = None

    @property
    def more(self):
        return self.count is not None and self.count > len(self.events)


@dataclass
class PhaseEntry:
    phase: object
    semesters: list = field(default_factory=list)


@dataclass
class Timeline:
    start: datetime.date
    end: datetime.date
    width: float
    height: float
    phase_bands: list
    semester_bands: list
    markers: list
    years: list
    legend: list
    lanes_bottom: float
    axis_y: float
    phases: list
    unplaced_events: list
    has_month_bars: bool
    event_count: int
    # True where only some events are drawn: the notable ones of a large project (see build_timeline).
    selected: bool = False
    # Constants the template needs, kept with the numbers they belong to.
    phase_y: float = PHASE_Y
    phase_height: float = PHASE_HEIGHT
    phase_label_y: float = PHASE_Y + 20
    semester_y: float = SEMESTER_Y
    semester_height: float = SEMESTER_HEIGHT
    semester_label_y: float = SEMESTER_Y + 17
    lanes_y: float = LANES_Y
    axis_start: float = MARGIN_X

    @property
    def axis_end(self):
        return self.width - MARGIN_X

    @property
    def tick_end_y(self):
        return self.axis_y + 8

    @property
    def year_label_y(self):
        return self.axis_y + 21


def _month_index(start, day):
    return (day.year - start.year) * 12 + day.month - start.month


def _first_of_month(day):
    return day.replace(day=1)


def _round(value):
    return round(value, 1)


def shape_path(shape, cx, cy, r=MARKER_RADIUS):
    """An SVG path for a marker of `shape` centred on (cx, cy), about 2r across."""
    if shape == "square":
        s = r * 0.85
        points = [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s), (cx - s, cy + s)]
    elif shape == "diamond":
        s = r * 1.15
        points = [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]
    elif shape == "triangle-up":
        points = [(cx, cy - r * 1.1), (cx + r, cy + r * 0.75), (cx - r, cy + r * 0.75)]
    elif shape == "triangle-down":
        points = [(cx, cy + r * 1.1), (cx + r, cy - r * 0.75), (cx - r, cy - r * 0.75)]
    elif shape == "star":
        points = []
        for i in range(10):
            radius = r * 1.15 if i % 2 == 0 else r * 0.5
            angle = math.pi / 2 + i * math.pi / 5
            points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    else:  # a circle, drawn as two arcs so that every marker is a <path>
        return f"M{_round(cx - r)},{_round(cy)} a{r},{r} 0 1,0 {2 * r},0 a{r},{r} 0 1,0 {-2 * r},0 Z"
    return "M" + " L".join(f"{_round(x)},{_round(y)}" for x, y in points) + " Z"


def _style(kind):
    return KIND_STYLES.get(kind, DEFAULT_STYLE)


def _fits(label, width):
    return len(label) * CHAR_WIDTH + 8 <= width


def build_timeline(*, phases, semesters, events, counts=None):
    """The timeline of `phases` (with their `semesters`) and `events`, or None when there is nothing to draw.

    The axis runs from the first phase (or earlier event) to the last phase (or later event), so
    every event gets a marker, even one dated outside the project's phases.

    `counts` is given where `events` are only some of the project's (a large project: its notable
    events): {"semesters": {semester pk: number of events}, "kinds": {kind: number}, "total": number}.
    The picture then draws `events`, and the text and the key give the numbers of all.
    """
    phases = sorted(phases, key=lambda phase: (phase.start_month, phase.number))
    semesters = sorted(semesters, key=lambda semester: (semester.start_month, semester.number))
    events = sorted(events, key=lambda event: (event.start_date, event.slug))
    months = [phase.start_month for phase in phases] + [phase.end_month for phase in phases]
    months += [semester.start_month for semester in semesters] + [semester.end_month for semester in semesters]
    months += [_first_of_month(event.end_date or event.start_date) for event in events]
    months += [_first_of_month(event.start_date) for event in events]
    if not months:
        return None
    start, end = min(months), max(months)
    month_count = _month_index(start, end) + 1
    width = MARGIN_X * 2 + month_count * MONTH_WIDTH

    def x_of_month(month):
        return MARGIN_X + _month_index(start, month) * MONTH_WIDTH

    def x_of_day(day, *, edge="start"):
        """Where a day starts, is in the middle, or ends on the axis."""
        days = calendar.monthrange(day.year, day.month)[1]
        offset = {"start": day.day - 1, "middle": day.day - 0.5, "end": day.day}[edge]
        return x_of_month(day) + offset / days * MONTH_WIDTH

    def bands(periods, *, prefix, fills, centred):
        """A phase's or semester's stretch of the axis: its label in full where it fits, else its number."""
        result = []
        for index, period in enumerate(periods):
            x = x_of_month(period.start_month)
            band_width = x_of_month(period.end_month) + MONTH_WIDTH - x
            label = str(period) if _fits(str(period), band_width) else str(period.number)
            result.append(
                Band(
                    obj=period,
                    x=x,
                    width=band_width,
                    label=label,
                    label_x=x + band_width / 2 if centred else x + 6,
                    clip_id=f"timeline-{prefix}-{period.pk}",
                    fill=fills[index % 2],
                )
            )
        return result

    phase_bands = bands(phases, prefix="phase", fills=("#d6e4f5", "#dcebd6"), centred=False)
    semester_bands = bands(semesters, prefix="semester", fills=("#eef2f7", "#e1e7ef"), centred=True)

    markers = _place_markers(events, x_of_month, x_of_day)
    lane_count = max((marker.lane for marker in markers), default=0) + 1
    lanes_bottom = LANES_Y + lane_count * LANE_HEIGHT
    axis_y = lanes_bottom + AXIS_GAP
    height = axis_y + AXIS_HEIGHT

    return Timeline(
        start=start,
        end=end,
        width=width,
        height=height,
        phase_bands=phase_bands,
        semester_bands=semester_bands,
        markers=markers,
        years=_year_ticks(start, end, x_of_month),
        legend=_legend(events, counts["kinds"] if counts else None),
        lanes_bottom=lanes_bottom,
        axis_y=axis_y,
        phases=_text_equivalent(phases, semesters, events, counts["semesters"] if counts else None),
        unplaced_events=[event for event in events if _semester_of(event, semesters) is None],
        has_month_bars=any(event.date_precision == "month" for event in events),
        event_count=counts["total"] if counts else len(events),
        selected=counts is not None,
    )


def _place_markers(events, x_of_month, x_of_day):
    """A marker per event, in the first lane where it overlaps no earlier one."""
    markers = []
    lane_ends = []
    for event in events:
        shape, colour = _style(event.kind)
        if event.date_precision == "month":
            # Only the month is known: a bar across the whole month, the marker in its middle.
            bar_x = x_of_month(event.start_date)
            bar_end = x_of_month(_first_of_month(event.end_date or event.start_date)) + MONTH_WIDTH
            x = bar_x + MONTH_WIDTH / 2
        else:
            x = x_of_day(event.start_date, edge="middle")
            bar_x = bar_end = None
            if event.end_date and event.end_date > event.start_date:
                # Several days: a bar from the first to the last day, the marker on the first.
                bar_x, bar_end = x_of_day(event.start_date), x_of_day(event.end_date, edge="end")
        left = min(x - MARKER_RADIUS, bar_x if bar_x is not None else x)
        right = max(x + MARKER_RADIUS, bar_end if bar_end is not None else x)
        lane = next((i for i, lane_end in enumerate(lane_ends) if lane_end <= left), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(right)
        else:
            lane_ends[lane] = right
        y = LANES_Y + lane * LANE_HEIGHT + LANE_HEIGHT / 2
        markers.append(
            Marker(
                event=event,
                x=_round(x),
                y=y,
                path=shape_path(shape, x, y),
                colour=colour,
                # Inset a little, so that bars of neighbouring months read as two events, not one long one.
                bar_x=_round(bar_x + BAR_INSET) if bar_x is not None else None,
                bar_width=_round(max(bar_end - bar_x - 2 * BAR_INSET, 2)) if bar_x is not None else None,
                lane=lane,
            )
        )
    return markers


def _year_ticks(start, end, x_of_month):
    """A tick at each January; the first year is labelled too where enough of it shows."""
    ticks = []
    if start.month != 1 and start.month <= 10:
        ticks.append(YearTick(x=None, label=str(start.year), label_x=x_of_month(start) + 4))
    for year in range(start.year + 1 if start.month != 1 else start.year, end.year + 1):
        x = x_of_month(datetime.date(year, 1, 1))
        ticks.append(YearTick(x=x, label=str(year), label_x=x + 4))
    return ticks


def _legend(events, totals=None):
    """One entry per kind shown, in the order of the kinds' choices; with the number of all events of
    the kind where `totals` gives them (only some are drawn)."""
    if not events:
        return []
    counts = {}
    labels = {}
    for event in events:
        counts[event.kind] = counts.get(event.kind, 0) + 1
        labels.setdefault(event.kind, event.get_kind_display())
    if totals:
        counts = {kind: totals.get(kind, count) for kind, count in counts.items()}
    choices = [value for value, _label in type(events[0])._meta.get_field("kind").flatchoices]
    order = {value: index for index, value in enumerate(choices)}
    items = []
    for kind in sorted(counts, key=lambda kind: (order.get(kind, len(order)), kind)):
        shape, colour = _style(kind)
        items.append(
            LegendItem(
                kind=kind,
                label=labels[kind],
                count=counts[kind],
                path=shape_path(shape, 9, 9, 6),
                colour=colour,
            )
        )
    return items


def _semester_of(event, semesters):
    # By the event's date rather than its stored semester, so the text agrees with the picture.
    month = _first_of_month(event.start_date)
    return next((s for s in semesters if s.start_month <= month <= s.end_month), None)


def _text_equivalent(phases, semesters, events, counts=None):
    entries = {
        semester.pk: SemesterEntry(semester, count=counts.get(semester.pk, 0) if counts is not None else None)
        for semester in semesters
    }
    for event in events:
        semester = _semester_of(event, semesters)
        if semester is not None:
            entries[semester.pk].events.append(event)
    return [PhaseEntry(phase, [entries[s.pk] for s in semesters if s.phase_id == phase.pk]) for phase in phases]

"""The transfer network as a picture: an SVG drawn on the server, readable without JavaScript.

The cities sit on a circle; an arrow runs from the city that owns practices to a city that studied or
imported them, one arrow per pair of cities. The number on an arrow (and its width) is the number of
practices; its colour and dash pattern show the furthest stage any of them reached, so the stage is
never told by colour alone. The page puts a table with the same facts next to the picture.

The markup is built with ElementTree, so it is well-formed XML and every text is escaped.
"""

import math
import xml.etree.ElementTree as ET  # noqa: S405 (only builds markup from our own data, never parses input)
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from .selectors import STAGE_RANK, STAGES, stage_label

SVG_NS = "http://www.w3.org/2000/svg"

# Geometry in SVG user units; the viewBox is fitted around what is drawn.
CENTRE = (0.0, 0.0)
RADIUS = 165.0
NODE_RADIUS = 27.0
LABEL_GAP = 10.0
LABEL_SIZE = 20.0
CODE_SIZE = 15.0
COUNT_SIZE = 15.0
COUNT_RADIUS = 13.0
CURVE = 0.17  # how far an arrow bows out, as a share of its length: A→B and B→A bow to opposite sides
PADDING = 12.0
COUNT_POSITIONS = (0.33, 0.25, 0.42, 0.5, 0.18, 0.58, 0.66)  # where along an arrow its count may go

NODE_FILL = "#0a4a8f"  # the site's accent colour; white text on it is 8.9:1
# Every stroke has at least 3:1 contrast on white (WCAG 1.4.11); the dash pattern tells the stages apart too.
STAGE_STYLES = {
    "studied": {"colour": "#5b6b7f", "dashes": (0.05, 1.9), "cap": "round"},  # dotted
    "import-workshop": {"colour": "#a35200", "dashes": (3.0, 1.8), "cap": "butt"},  # dashed
    "action-plan": {"colour": "#6b3fa0", "dashes": (6.0, 1.6, 1.0, 1.6), "cap": "butt"},  # dash-dot
    "implemented": {"colour": "#1e7a3a", "dashes": (), "cap": "butt"},  # solid
}


def _city_name(partner):
    """The city's name in the page's language, and the language it is really in (fallback: English)."""
    language = get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = getattr(partner, f"city_{language}", None)
    if own:
        return own, language
    return partner.city, settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@dataclass
class Edge:
    """All transfers from one owner city to one importing city."""

    source: object
    target: object
    paths: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.paths)

    @property
    def stage(self):
        return max((path.stage for path in self.paths), key=STAGE_RANK.__getitem__)

    @property
    def stage_label(self):
        return stage_label(self.stage)

    @property
    def stage_counts(self):
        """[(label, number of practices)] for the stages present, in the order of the path."""
        counts = {}
        for path in self.paths:
            counts[path.stage] = counts.get(path.stage, 0) + 1
        return [(stage.label, counts[stage.value]) for stage in STAGES if stage.value in counts]


@dataclass
class Network:
    nodes: list
    edges: list

    @property
    def practice_count(self):
        return len({path.practice.pk for edge in self.edges for path in edge.paths})

    @property
    def transfer_count(self):
        return sum(edge.count for edge in self.edges)

    @property
    def legend(self):
        return [{"stage": stage.value, "label": stage.label, "sample": legend_sample(stage.value)} for stage in STAGES]

    def svg(self, *, id_prefix="network"):
        return render_svg(self, id_prefix=id_prefix)


def build_network(nodes, paths):
    """The network of `paths` (TransferPath objects) between `nodes` (every partner city, in order)."""
    by_pk = {node.pk: node for node in nodes}
    edges = {}
    for path in paths:
        source = by_pk.get(path.practice.owner_id)
        target = by_pk.get(path.importer.pk)
        if source is None or target is None:
            continue
        edge = edges.setdefault((source.pk, target.pk), Edge(source=source, target=target))
        edge.paths.append(path)
    order = {node.pk: index for index, node in enumerate(nodes)}
    ordered = sorted(edges.values(), key=lambda edge: (order[edge.source.pk], order[edge.target.pk]))
    return Network(nodes=list(nodes), edges=ordered)


# Drawing


def _fmt(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _unit(dx, dy):
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


def _positions(count):
    """Node centres on a circle, the first at the top, then clockwise."""
    cx, cy = CENTRE
    positions = []
    for index in range(count):
        angle = -math.pi / 2 + 2 * math.pi * index / max(count, 1)
        positions.append((cx + RADIUS * math.cos(angle), cy + RADIUS * math.sin(angle)))
    return positions


def stroke_width(count):
    return min(2.5 + 1.5 * (count - 1), 10.0)


def _dash_array(stage, width):
    unit = max(width, 2.5)
    return " ".join(_fmt(part * unit) for part in STAGE_STYLES[stage]["dashes"])


def _stroke_attributes(stage, width):
    style = STAGE_STYLES[stage]
    attributes = {
        "fill": "none",
        "stroke": style["colour"],
        "stroke-width": _fmt(width),
        "stroke-linecap": style["cap"],
    }
    dashes = _dash_array(stage, width)
    if dashes:
        attributes["stroke-dasharray"] = dashes
    return attributes


def _label_placement(x, y):
    """Where a city's name goes: outside the circle, away from the arrows."""
    ux, uy = _unit(x - CENTRE[0], y - CENTRE[1])
    distance = NODE_RADIUS + LABEL_GAP
    if uy < -0.8:  # the top city: above it
        return x, y - distance, "middle", "auto"
    if uy > 0.5:  # the bottom cities: below them
        return x, y + distance + LABEL_SIZE * 0.8, "middle", "auto"
    if ux > 0:
        return x + distance, y + LABEL_SIZE * 0.35, "start", "auto"
    return x - distance, y + LABEL_SIZE * 0.35, "end", "auto"


def _text_width(text, size):
    # An estimate (no font metrics on the server), generous so that the viewBox never cuts a name.
    return 0.62 * size * len(text)


class _Arrow:
    """The geometry of one edge: a quadratic Bézier from the source's rim to the target's, and its head."""

    def __init__(self, edge, start_centre, end_centre):
        self.edge = edge
        (sx, sy), (tx, ty) = start_centre, end_centre
        ux, uy = _unit(tx - sx, ty - sy)
        length = math.hypot(tx - sx, ty - sy)
        # Bow to the right of the direction of travel, so the two directions of a pair never overlap.
        nx, ny = -uy, ux
        self.control = ((sx + tx) / 2 + nx * CURVE * length, (sy + ty) / 2 + ny * CURVE * length)
        cx, cy = self.control
        gap = NODE_RADIUS + 4
        ax, ay = _unit(cx - sx, cy - sy)
        self.start = (sx + ax * gap, sy + ay * gap)
        bx, by = _unit(cx - tx, cy - ty)
        self.tip = (tx + bx * gap, ty + by * gap)

        self.width = stroke_width(edge.count)
        head_length = 9 + 1.1 * self.width
        head_half = 5 + 0.7 * self.width
        # The arrowhead points along the curve's tangent at its end; the line stops inside the head.
        dx, dy = _unit(self.tip[0] - cx, self.tip[1] - cy)
        base = (self.tip[0] - dx * head_length, self.tip[1] - dy * head_length)
        self.end = (self.tip[0] - dx * head_length * 0.7, self.tip[1] - dy * head_length * 0.7)
        self.head = [
            self.tip,
            (base[0] - dy * head_half, base[1] + dx * head_half),
            (base[0] + dy * head_half, base[1] - dx * head_half),
        ]
        self.count_at = self.point(COUNT_POSITIONS[0])

    def point(self, t):
        """The point of the curve at t (0 = start, 1 = end)."""
        return tuple(
            (1 - t) ** 2 * a + 2 * (1 - t) * t * c + t**2 * b
            for a, c, b in zip(self.start, self.control, self.end, strict=True)
        )


def _place_counts(arrows, node_centres):
    """Put each count where it overlaps no other count and no city, and if possible no other arrow,
    trying points along its own arrow.

    Thick arrows choose first. The long arrows cross near the middle of the circle, so the first
    choice is a third of the way along, near the arrow's own city.
    """
    samples = {id(arrow): [arrow.point(step / 40) for step in range(41)] for arrow in arrows}
    taken = []
    for arrow in sorted(arrows, key=lambda arrow: -arrow.edge.count):
        best = None
        for order, t in enumerate(COUNT_POSITIONS):
            x, y = arrow.point(t)
            if any(math.hypot(x - ox, y - oy) < 2 * COUNT_RADIUS + 3 for ox, oy in taken):
                continue
            if any(math.hypot(x - nx, y - ny) < NODE_RADIUS + COUNT_RADIUS + 3 for nx, ny in node_centres):
                continue
            crossings = sum(
                any(math.hypot(x - px, y - py) < COUNT_RADIUS + other.width / 2 + 2 for px, py in samples[id(other)])
                for other in arrows
                if other is not arrow
            )
            if best is None or (crossings, order) < best[0]:
                best = ((crossings, order), (x, y))
        if best is not None:
            arrow.count_at = best[1]
        taken.append(arrow.count_at)


def _draw_edge(parent, arrow):
    edge = arrow.edge
    group = ET.SubElement(
        parent,
        "g",
        {
            "class": f"network-edge network-edge--{edge.stage}",
            "data-from": edge.source.slug,
            "data-to": edge.target.slug,
            "data-count": str(edge.count),
            "data-stage": edge.stage,
        },
    )
    (x0, y0), (cx, cy), (x1, y1) = arrow.start, arrow.control, arrow.end
    ET.SubElement(
        group,
        "path",
        {
            "d": f"M {_fmt(x0)} {_fmt(y0)} Q {_fmt(cx)} {_fmt(cy)} {_fmt(x1)} {_fmt(y1)}",
            **_stroke_attributes(edge.stage, arrow.width),
        },
    )
    colour = STAGE_STYLES[edge.stage]["colour"]
    points = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in arrow.head)
    ET.SubElement(group, "polygon", {"points": points, "fill": colour})
    mx, my = arrow.count_at
    ET.SubElement(
        group,
        "circle",
        {
            "cx": _fmt(mx),
            "cy": _fmt(my),
            "r": _fmt(COUNT_RADIUS),
            "fill": "#fff",
            "stroke": colour,
            "stroke-width": "2",
        },
    )
    count = ET.SubElement(
        group,
        "text",
        {
            "x": _fmt(mx),
            "y": _fmt(my + COUNT_SIZE * 0.35),
            "text-anchor": "middle",
            "font-size": _fmt(COUNT_SIZE),
            "font-weight": "700",
            "fill": "#1b1f24",
        },
    )
    count.text = str(edge.count)


def render_svg(network, *, id_prefix="network"):
    positions = _positions(len(network.nodes))
    centre_of = {node.pk: position for node, position in zip(network.nodes, positions, strict=True)}

    # Fit the viewBox around the circle and the names.
    min_x, min_y = CENTRE[0] - RADIUS - NODE_RADIUS, CENTRE[1] - RADIUS - NODE_RADIUS
    max_x, max_y = CENTRE[0] + RADIUS + NODE_RADIUS, CENTRE[1] + RADIUS + NODE_RADIUS
    labels = []
    for node, (x, y) in zip(network.nodes, positions, strict=True):
        name, language = _city_name(node)
        lx, ly, anchor, _baseline = _label_placement(x, y)
        width = _text_width(name, LABEL_SIZE)
        left = {"start": lx, "middle": lx - width / 2, "end": lx - width}[anchor]
        min_x, max_x = min(min_x, left), max(max_x, left + width)
        min_y, max_y = min(min_y, ly - LABEL_SIZE), max(max_y, ly + LABEL_SIZE * 0.3)
        labels.append((name, language, lx, ly, anchor))
    min_x, min_y, max_x, max_y = min_x - PADDING, min_y - PADDING, max_x + PADDING, max_y + PADDING

    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"{_fmt(min_x)} {_fmt(min_y)} {_fmt(max_x - min_x)} {_fmt(max_y - min_y)}",
            "class": "network__svg",
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
        },
    )
    title = ET.SubElement(root, "title", {"id": f"{id_prefix}-title"})
    title.text = gettext("Transfer network of the good practices")
    desc = ET.SubElement(root, "desc", {"id": f"{id_prefix}-desc"})
    desc.text = _description(network)

    arrows = [_Arrow(edge, centre_of[edge.source.pk], centre_of[edge.target.pk]) for edge in network.edges]
    _place_counts(arrows, positions)
    edges = ET.SubElement(root, "g", {"class": "network-edges"})
    for arrow in arrows:
        _draw_edge(edges, arrow)

    nodes = ET.SubElement(root, "g", {"class": "network-nodes"})
    page_language = get_language()
    for node, (x, y), (name, language, lx, ly, anchor) in zip(network.nodes, positions, labels, strict=True):
        group = ET.SubElement(nodes, "g", {"class": "network-node", "data-city": node.slug})
        ET.SubElement(
            group,
            "circle",
            {
                "cx": _fmt(x),
                "cy": _fmt(y),
                "r": _fmt(NODE_RADIUS),
                "fill": NODE_FILL,
                "stroke": "#fff",
                "stroke-width": "3",
            },
        )
        code = ET.SubElement(
            group,
            "text",
            {
                "x": _fmt(x),
                "y": _fmt(y + CODE_SIZE * 0.35),
                "text-anchor": "middle",
                "font-size": _fmt(CODE_SIZE),
                "font-weight": "700",
                "fill": "#fff",
            },
        )
        code.text = node.country
        attributes = {
            "x": _fmt(lx),
            "y": _fmt(ly),
            "text-anchor": anchor,
            "font-size": _fmt(LABEL_SIZE),
            "font-weight": "700",
            "fill": "#1b1f24",
            "class": "network-node__name",
        }
        if language != page_language:
            attributes["lang"] = language
        label = ET.SubElement(group, "text", attributes)
        label.text = name
    # Safe: ElementTree escaped every text and attribute value.
    return mark_safe(ET.tostring(root, encoding="unicode"))  # noqa: S308


def _description(network):
    if not network.edges:
        return gettext("No transfers are recorded for these practices yet.")
    cities = ", ".join(_city_name(node)[0] for node in network.nodes)
    transfers = ngettext(
        "%(count)s transfer is shown.",
        "%(count)s transfers are shown.",
        network.transfer_count,
    ) % {"count": network.transfer_count}
    return gettext(
        "The partner cities on a circle: %(cities)s. An arrow runs from the city that owns good practices to a "
        "city that studied or imported them; the number on the arrow and its width tell how many practices, its "
        "colour and dash pattern the furthest stage reached. %(transfers)s The table after the picture lists the "
        "same transfers."
    ) % {"cities": cities, "transfers": transfers}


def legend_sample(stage):
    """A short line in the stage's style, for the legend next to the picture (decorative: the text names it)."""
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": "0 0 56 14",
            "width": "56",
            "height": "14",
            "aria-hidden": "true",
            "focusable": "false",
            "class": "network-legend__sample",
        },
    )
    ET.SubElement(root, "line", {"x1": "3", "y1": "7", "x2": "53", "y2": "7", **_stroke_attributes(stage, 4)})
    return mark_safe(ET.tostring(root, encoding="unicode"))  # noqa: S308 (escaped by ElementTree)

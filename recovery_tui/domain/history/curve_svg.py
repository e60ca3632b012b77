"""A recovery curve as an inline SVG for the HTML report.

One ``<polyline>`` per area entered, joining its check-in days, each with its own dash
pattern and the area's letter (``area_marks``) on every check-in point, so the chart reads
in a black-and-white print; colour only helps. The worst area is drawn last and thicker.
The ready line (2) is dashed and labelled, red-flag days are shaded with a '!'.
Everything written here is numbers, area names and our own words, escaped all the same.
"""

from __future__ import annotations

from html import escape

from recovery_tui.domain.history.area_marks import AREA_MARKS
from recovery_tui.domain.history.recoveries import READY, RecoveryOutcome
from recovery_tui.domain.models import AREAS, Area
from recovery_tui.domain.soreness import MAX_LEVEL
from recovery_tui.domain.text import plain

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 36, 150, 14, 34
# Distinct in colour and in dashes, in Area order.
COLOURS = (
    "#1b5e20", "#0d47a1", "#b71c1c", "#6a1b9a", "#e65100",
    "#006064", "#3e2723", "#827717", "#263238",
)  # fmt: skip
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "6 2 2 2 2 2", "3 6")


def _x(day: int, span: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner * day / max(span - 1, 1))


def _y(level: float) -> float:
    inner = HEIGHT - TOP - BOTTOM
    return TOP + inner * (1 - level / MAX_LEVEL)


def _style(area: Area) -> tuple[str, str]:
    index = AREAS.index(area)
    return COLOURS[index], DASHES[index]


def _grid(span: int) -> list[str]:
    out = []
    for level in range(0, MAX_LEVEL + 1, 2):
        y = _y(level)
        out.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y + 3:.1f}" text-anchor="end">{level}</text>'
        )
    for day in range(span):
        x = _x(day, span)
        out.append(
            f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" '
            f'text-anchor="middle">{day}</text>'
        )
    ready = _y(READY)
    out.append(
        f'<line class="ready" x1="{LEFT}" y1="{ready:.1f}" x2="{WIDTH - RIGHT}" y2="{ready:.1f}"/>'
        f'<text class="tick" x="{WIDTH - RIGHT + 10}" y="{ready + 3:.1f}">ready ({READY})</text>'
    )
    out.append(
        f'<text class="tick" x="{(LEFT + WIDTH - RIGHT) / 2:.1f}" y="{HEIGHT - 4}" '
        'text-anchor="middle">days since the run</text>'
    )
    return out


def _red_flags(outcome: RecoveryOutcome) -> list[str]:
    out = []
    half = (WIDTH - LEFT - RIGHT) / max(outcome.span - 1, 1) / 2
    for day in outcome.red_flag_days:
        x = _x(day, outcome.span)
        out.append(
            f'<rect class="flag" x="{x - half / 2:.1f}" y="{TOP}" width="{half:.1f}" '
            f'height="{HEIGHT - TOP - BOTTOM}"/>'
            f'<text class="flag-mark" x="{x:.1f}" y="{TOP + 10}" text-anchor="middle">!</text>'
        )
    return out


def _area(outcome: RecoveryOutcome, area: Area, legend_row: int) -> list[str]:
    colour, dash = _style(area)
    points = [
        (_x(day, outcome.span), _y(level))
        for day, level in enumerate(outcome.curve[area])
        if level is not None
    ]
    worst = area is outcome.worst_area
    width = 3 if worst else 1.5
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    name = escape(area.label)
    letter = AREA_MARKS[area]
    out = [f'<g class="area{" worst" if worst else ""}" data-area="{escape(area.value)}">']
    out.append(
        f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}" '
        f'stroke="{colour}" stroke-width="{width}"{dashes} fill="none"/>'
    )
    out.extend(
        f'<text class="mark" x="{x:.1f}" y="{y + 3.5:.1f}" fill="{colour}" '
        f'text-anchor="middle">{letter}</text>'
        for x, y in points
    )
    legend_y = TOP + 12 + legend_row * 16
    legend_x = WIDTH - RIGHT + 12
    suffix = " (worst)" if worst else ""
    out.append(
        f'<line x1="{legend_x}" y1="{legend_y - 4}" x2="{legend_x + 18}" y2="{legend_y - 4}" '
        f'stroke="{colour}" stroke-width="{width}"{dashes}/>'
        f'<text class="legend" x="{legend_x + 22}" y="{legend_y}" fill="{colour}">'
        f"{letter} {name}{suffix}</text>"
    )
    out.append("</g>")
    return out


def curve_svg(outcome: RecoveryOutcome, title: str) -> str:
    """The chart as one ``<svg>`` element, ready to sit inside an HTML page."""
    parts = [
        f'<svg class="curve" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(plain(title))}">',
        f"<title>{escape(plain(title))}</title>",
        *_grid(outcome.span),
        *_red_flags(outcome),
    ]
    # The worst area last, so it is drawn over the others; the legend keeps Area order.
    rows = {area: row for row, area in enumerate(outcome.curve)}
    ordered = sorted(outcome.curve, key=lambda a: a is outcome.worst_area)
    for area in ordered:
        parts.extend(_area(outcome, area, rows[area]))
    parts.append("</svg>")
    return "\n".join(parts)

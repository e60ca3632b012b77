"""One letter per body area, the marker of its line on every recovery chart.

Charts must read without colour (``NO_COLOR``, a black-and-white print): the letter on
each check-in point says which area it is. The terminal chart, the Markdown chart and the
SVG of the report all use these, so a reader learns them once. Capitals mark the recovery
shown; in an overlay the other recovery's points are the same letters in lower case.
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_tui.domain.models import Area

AREA_MARKS: dict[Area, str] = {
    Area.ANKLES: "A",
    Area.KNEES: "K",
    Area.HIPS: "H",
    Area.GLUTES: "G",
    Area.ADDUCTORS: "D",
    Area.LOWER_BACK: "L",
    Area.CALVES: "C",
    Area.HAMSTRINGS: "M",
    Area.QUADRICEPS: "Q",
}


def mark(area: Area, other: bool = False) -> str:
    """The area's letter; lower case for the second recovery of an overlay."""
    letter = AREA_MARKS[area]
    return letter.lower() if other else letter


def marks_legend(areas: Iterable[Area]) -> str:
    """'A ankles  C calves  Q quadriceps'."""
    return "  ".join(f"{AREA_MARKS[a]} {a.label}" for a in areas)

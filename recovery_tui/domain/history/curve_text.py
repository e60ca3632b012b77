"""A recovery curve as a text chart: soreness (0–10) up, days since the run across.

Each check-in puts the area's letter (``area_marks``) at its level; a cell holding more
areas than fit shows the first ones and '+'. The ready line at 2 is dotted and red-flag
days get a '!' under the axis. Only letters, digits and box-drawing characters: the chart
goes into a Markdown code block as it is.
"""

from __future__ import annotations

from recovery_tui.domain.history.area_marks import AREA_MARKS, marks_legend
from recovery_tui.domain.history.recoveries import READY, RecoveryOutcome
from recovery_tui.domain.soreness import MAX_LEVEL

CELL = 5  # characters per day: up to four letters and a space
MORE = "+"
READY_DOTS = "·"
RED_FLAG = "!"


def _cell(letters: str) -> str:
    if len(letters) > CELL - 1:
        letters = letters[: CELL - 2] + MORE
    return letters.center(CELL)


def curve_chart(outcome: RecoveryOutcome) -> list[str]:
    """The chart's lines (no trailing spaces); a line saying so when nothing was entered."""
    if not outcome.curve:
        return ["No soreness entered during this recovery."]
    days = range(outcome.span)
    lines = []
    for level in range(MAX_LEVEL, -1, -1):
        cells = []
        for day in days:
            letters = "".join(
                AREA_MARKS[area] for area, values in outcome.curve.items() if values[day] == level
            )
            if letters:
                cells.append(_cell(letters))
            else:
                cells.append((READY_DOTS if level == READY else " ") * CELL)
        axis = "┼" if level == READY else "│"
        tail = f"  ready line ({READY})" if level == READY else ""
        lines.append(f"{level:>2} {axis}{''.join(cells)}{tail}".rstrip())
    lines.append("   └" + "─" * (CELL * len(days)))
    lines.append("    " + "".join(str(day).center(CELL) for day in days).rstrip() + "  days")
    if outcome.red_flag_days:
        flags = "".join(
            (RED_FLAG if day in outcome.red_flag_days else " ").center(CELL) for day in days
        )
        lines.append(f"    {flags.rstrip()}  {RED_FLAG} red flag")
    lines.append(marks_legend(outcome.areas))
    return lines

"""The short column heads of a day table and what they mean, said once for the History
screen, ``recovery-tui history`` and the weekly report, so a head reads the same in all
three and its legend explains it everywhere.
"""

from __future__ import annotations

from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS, Area

AREA_HEADS: dict[Area, str] = dict(
    zip(AREAS, ("Ank", "Kne", "Hip", "Glu", "Add", "LBk", "Cal", "Ham", "Qua"), strict=True)
)
NOT_RECORDED = "-"
RED_FLAG_MARK = "!"
NOTE_MARK = "*"
BEFORE_FIRST = "blank row: before your first record"

# What each head means, in the order the columns come.
HEAD_MEANINGS: tuple[tuple[str, str], ...] = (
    ("Rec", "recovery day / window"),
    ("Max", "worst soreness 0–10"),
    ("Worst", "worst soreness, area (+n as sore)"),
    ("Tasks", "done / asked"),
    ("Walks", "count · minutes"),
    ("Str", "stretch minutes"),
    ("Cups", "water"),
)
MARK_MEANINGS: tuple[tuple[str, str], ...] = (
    (NOT_RECORDED, "not recorded"),
    (RED_FLAG_MARK, "red flag"),
    (NOTE_MARK, "note"),
)


def count_text(value: int | None) -> str:
    """A count as a cell: the number, or ``NOT_RECORDED`` when it was not entered."""
    return NOT_RECORDED if value is None else str(value)


def marks(day: DaySummary) -> str:
    """'!' for a red flag, '*' for a note, both, or ''."""
    return (RED_FLAG_MARK if day.red_flag else "") + (NOTE_MARK if day.has_note else "")


def worst_areas(day: DaySummary) -> tuple[int, tuple[Area, ...]] | None:
    """The day's highest soreness and every area entered at that level, in Area order
    (None: no soreness entered)."""
    if not day.soreness:
        return None
    top = max(day.soreness.values())
    return top, tuple(a for a in AREAS if day.soreness.get(a) == top)


def worst_text(day: DaySummary) -> str:
    """'5 ankles', '5 ankles +2' (two more areas at 5), '0' when nothing is sore, '-'
    without a check-in."""
    found = worst_areas(day)
    if found is None:
        return NOT_RECORDED
    level, areas = found
    if level == 0:
        return "0"
    more = f" +{len(areas) - 1}" if len(areas) > 1 else ""
    return f"{level} {areas[0].label}{more}"

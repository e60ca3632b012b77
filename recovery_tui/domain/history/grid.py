"""Months at a glance: days as cells of a weeks × weekdays grid, each with a level 0–4."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.soreness import Band, band

GridBy = Literal["soreness", "tasks"]


@dataclass(frozen=True, slots=True)
class GridCell:
    date: date
    summary: DaySummary | None  # None: nothing given for the day, or it is after ``end``
    after_end: bool = False

    def level(self, by: GridBy) -> int | None:
        """A colour bucket 0–4, or None when there is nothing to colour (no summary,
        after ``end``, or before the user's first record).

        Soreness: 0 none, 1 = 1–2, 2 = 3–4, 3 = 5–6, 4 = 7+ (the day's worst area).
        Tasks: share of the day's tasks done, 0 none … 4 all.
        """
        s = self.summary
        if s is None or self.after_end or s.before_first:
            return None
        if by == "soreness":
            if s.max_soreness is None:
                return None
            return min(Band.HIGH, band(s.max_soreness)).value
        if s.tasks_total == 0:
            return None
        if s.tasks_done >= s.tasks_total:
            return 4
        return min(3, -(-4 * s.tasks_done // s.tasks_total))

    def checked_in_unscored(self, by: GridBy) -> bool:
        """Coloured by soreness, a day with a check-in that holds no soreness (only a note,
        energy or sleep): no level, yet not a day without a check-in."""
        s = self.summary
        return (
            by == "soreness"
            and s is not None
            and not self.after_end
            and not s.before_first
            and s.checkin is not None
            and s.max_soreness is None
        )


def weeks_grid(
    end: date,
    weeks: int,
    days: Sequence[DaySummary] | Mapping[date, DaySummary],
) -> list[list[GridCell]]:
    """``weeks`` rows of seven cells, Monday first, oldest week first; the last row holds
    ``end``. Days after ``end`` in that row are marked ``after_end``."""
    if weeks < 1:
        raise ValueError("a grid needs at least one week")
    by_day = days if isinstance(days, Mapping) else {d.date: d for d in days}
    last_monday = end - timedelta(days=end.weekday())
    first_monday = last_monday - timedelta(weeks=weeks - 1)
    rows = []
    for w in range(weeks):
        monday = first_monday + timedelta(weeks=w)
        row = []
        for i in range(7):
            d = monday + timedelta(days=i)
            after = d > end
            row.append(GridCell(d, None if after else by_day.get(d), after_end=after))
        rows.append(row)
    return rows

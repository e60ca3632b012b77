"""Which days the History screen shows, and the words for them.

The screen only asks "the week before", "the grid ending here"; the date steps live here so
they are tested without an app and the screen keeps no date arithmetic of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from recovery_tui.domain.formats import MONTHS

DEFAULT_DAYS = 7
# About six months: enough to see the last few races and their recoveries at once.
GRID_WEEKS = 26


def week_range(end: date, days: int = DEFAULT_DAYS) -> tuple[date, date]:
    """The ``days`` days ending on ``end`` inclusive, as (first, last)."""
    if days < 1:
        raise ValueError("a period needs at least one day")
    return end - timedelta(days=days - 1), end


def shift_week(end: date, weeks: int, today: date, earliest: date | None = None) -> date:
    """The end of the period ``weeks`` weeks later (negative: earlier), never after
    ``today``, and, when ``earliest`` is given, never so early that the period ends before
    it (there would be nothing to see)."""
    moved = end + timedelta(weeks=weeks)
    if moved > today:
        moved = today
    if earliest is not None and moved < earliest:
        moved = min(earliest, today)
    return moved


def can_go_later(end: date, today: date) -> bool:
    return end < today


def can_go_earlier(end: date, earliest: date | None) -> bool:
    return earliest is None or end > earliest


def grid_range(end: date, weeks: int = GRID_WEEKS) -> tuple[date, date]:
    """The days a ``weeks_grid(end, weeks, ...)`` covers: from the Monday ``weeks - 1``
    weeks before the week of ``end``, to ``end``."""
    if weeks < 1:
        raise ValueError("a grid needs at least one week")
    last_monday = end - timedelta(days=end.weekday())
    return last_monday - timedelta(weeks=weeks - 1), end


def grid_weeks(fitting: int, most: int = GRID_WEEKS) -> int:
    """How many weeks the grid shows when ``fitting`` whole weeks fit its width: all that
    fit, up to ``most``, and always at least the current week."""
    return max(1, min(fitting, most))


def shift_grid(
    end: date, weeks: int, pages: int, today: date, earliest: date | None = None
) -> date:
    """The end of the grid ``pages`` pages of ``weeks`` weeks later (negative: earlier).

    A page back ends the day before the first week shown, so pages neither overlap nor
    leave a gap; a page forward ends ``weeks`` weeks later, never after ``today``, so
    back then forward returns to where it was. No page back once the grid already starts
    on or before ``earliest`` (there would be nothing to see)."""
    for _ in range(-pages):
        start, _last = grid_range(end, weeks)
        if earliest is not None and start <= earliest:
            break
        end = start - timedelta(days=1)
    for _ in range(pages):
        if end >= today:
            break
        end = min(end + timedelta(weeks=weeks), today)
    return end


def month_labels(mondays: Sequence[date]) -> list[str]:
    """A three-letter month over each grid column whose week starts a new month (and over
    the first column, unless the second has a label), '' elsewhere, so the grid reads like
    a calendar."""
    labels = []
    previous: tuple[int, int] | None = None
    for monday in mondays:
        # The week holding the 1st of a month is where that month's label goes.
        sunday = monday + timedelta(days=6)
        month = (sunday.year, sunday.month)
        labels.append(MONTHS[sunday.month - 1][:3] if month != previous else "")
        previous = month
    if len(labels) > 1 and labels[1]:
        # The second column starts a month: a label over the first would run into it.
        labels[0] = ""
    return labels

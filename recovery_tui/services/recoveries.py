"""What History, Today and ``recovery-tui report`` call for recoveries: reads the day
summaries they need through a ``HistorySource`` (the journal) and hands them to the pure
functions of ``domain.history``. No Textual, no store.

Years of history are read a page at a time (``PAGE_DAYS``, newest first), so the runs
list opens on the recent recoveries without summarising every day ever recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from recovery_tui.domain.history.comparison import comparable_runs, comparison_for
from recovery_tui.domain.history.navigation import week_range
from recovery_tui.domain.history.recoveries import (
    RecoveryOutcome,
    outcome_for,
    recovery_outcomes,
    recovery_range,
)
from recovery_tui.domain.history.report import WeeklyReport, report_run, weekly_report
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import Run
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import MAX_WINDOW_DAYS, active_run

# About six months: the last few races and their recoveries.
PAGE_DAYS = 182
# Earlier comparable recoveries read for one sentence: the most recent usually answers.
COMPARISON_TRIES = 3


class HistorySource(Protocol):
    def history(self, start: date, end: date) -> list[DaySummary]: ...


def recoveries_between(
    source: HistorySource, start: date, end: date, today: date
) -> list[RecoveryOutcome]:
    """Outcomes of the runs logged from ``start`` to ``end``, newest first; read on past
    ``end`` so a recovery begun near it is whole (never past ``today``)."""
    last = min(end + timedelta(days=MAX_WINDOW_DAYS), today)
    if start > last:
        return []
    found = recovery_outcomes(source.history(start, last))
    return [o for o in reversed(found) if o.run.day <= end]


def recoveries_page(source: HistorySource, end: date, today: date) -> list[RecoveryOutcome]:
    """One page of the runs list: the ``PAGE_DAYS`` days ending on ``end``, newest first.
    The next page ends on ``next_page_end(end)``."""
    return recoveries_between(source, end - timedelta(days=PAGE_DAYS - 1), end, today)


def next_page_end(end: date) -> date:
    return end - timedelta(days=PAGE_DAYS)


def recoveries_back_from(
    source: HistorySource, end: date, first_day: date | None, today: date
) -> tuple[list[RecoveryOutcome], date | None]:
    """The runs list from ``end`` back: the first page ending on or before ``end`` that
    holds any recovery (pages without a run are skipped, never before ``first_day``, the
    user's first record), newest first, and where the next page ends (None: nothing
    older to read)."""
    while first_day is not None and end >= first_day:
        found = recoveries_page(source, end, today)
        end = next_page_end(end)
        if found:
            return found, end if end >= first_day else None
    return [], None


def opening_recovery(
    outcomes: Sequence[RecoveryOutcome], runs: Sequence[Run], today: date
) -> RecoveryOutcome | None:
    """The recovery History's curve opens on, among ``outcomes`` (newest first): the one
    Today's plan follows; else the newest where an area went above the ready line (a
    recovery with a curve to see); else the newest."""
    run = active_run(today, runs)
    current = next((o for o in outcomes if run is not None and o.run.id == run.id), None)
    sore = next((o for o in outcomes if o.area_low_day), None)
    return current or sore or (outcomes[0] if outcomes else None)


def recovery_of(source: HistorySource, run: Run, until: date) -> RecoveryOutcome | None:
    """``run``'s recovery as known on ``until`` (today, or the last day of a report)."""
    start, end = recovery_range(run)
    if start > until:
        return None
    return outcome_for(run, source.history(start, min(end, until)))


def current_recovery(
    source: HistorySource, runs: Sequence[Run], today: date
) -> RecoveryOutcome | None:
    """The recovery Today's plan follows, if any."""
    run = active_run(today, runs)
    return recovery_of(source, run, today) if run is not None else None


def comparison_with_earlier(
    source: HistorySource,
    current: RecoveryOutcome,
    runs: Sequence[Run],
    until: date,
    known: Sequence[RecoveryOutcome] = (),
    unit: DistanceUnit = DistanceUnit.KM,
) -> str | None:
    """The sentence setting ``current`` beside the latest earlier comparable recovery.
    Outcomes already ``known`` (a page of the runs list) are used instead of read again."""
    by_run = {o.run.id: o for o in known}
    earlier = []
    for run in comparable_runs(current.run, runs)[:COMPARISON_TRIES]:
        outcome = by_run.get(run.id) or recovery_of(source, run, until)
        if outcome is not None:
            earlier.append(outcome)
    return comparison_for(current, earlier, unit)


def today_comparison(
    source: HistorySource,
    runs: Sequence[Run],
    today: date,
    unit: DistanceUnit = DistanceUnit.KM,
) -> str | None:
    """What Today shows under the plan when a comparable earlier recovery exists."""
    current = current_recovery(source, runs, today)
    return comparison_with_earlier(source, current, runs, today, unit=unit) if current else None


def week_report(
    source: HistorySource,
    runs: Sequence[Run],
    week_end: date,
    today: date,
    unit: DistanceUnit = DistanceUnit.KM,
) -> WeeklyReport:
    """The report of the 7 days ending on ``week_end`` (the week History shows ending
    there). The recovery is drawn as it stood on the week's last day, so a report of a
    past week always reads the same."""
    end = min(week_end, today)
    start, end = week_range(end)
    days = source.history(start, end)
    run = report_run(days)
    outcome = recovery_of(source, run, end) if run is not None else None
    sentence = comparison_with_earlier(source, outcome, runs, end, unit=unit) if outcome else None
    return weekly_report(days, outcome, sentence, unit)

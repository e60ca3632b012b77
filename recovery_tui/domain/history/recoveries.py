"""Each recovery as an outcome: its soreness curve, peak, days back to the ready line,
the area that lasted longest, what was done in the window and the red-flag days.

Everything is read from ``DaySummary`` objects (the numbers the History screen and the
CSV show): a day belongs to the recovery of ``day.plan.run``, the run whose window the
day's plan follows. So when windows overlap, a recovery ends where a later run's window
takes over the plan (``plan.active_run``: the window that ends last wins), which is the
day Today stopped showing it: an easy run inside a half marathon's window does not cut
it short, a new race does.

Days are counted from the run day (day 0). An area not entered on a day is ``None`` on
its curve, never 0, and a day without a check-in tells nothing: "back to 2 by day 5" with
no check-in on day 4 means by day 5 at the latest. The rules are described in
docs/recoveries.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS, Area, Run
from recovery_tui.domain.soreness import LOW_SORENESS
from recovery_tui.domain.window import run_window

# The ready line: an area at or below it no longer holds the recovery back.
READY = LOW_SORENESS

Curve = tuple[int | None, ...]


class Ending(StrEnum):
    FULL = "full"  # the whole window is among the days given
    CUT = "cut"  # a later run's window took over the plan before this one ended
    ONGOING = "ongoing"  # the days given stop inside the window (it is still going)


@dataclass(frozen=True, slots=True)
class RecoveryOutcome:
    run: Run
    window_days: int
    last_day: int  # days since the run of the last day counted
    ending: Ending
    cut_by: Run | None  # the run that took over, when the ending is CUT
    # Only the areas entered at least once, in Area order; index = days since the run.
    curve: dict[Area, Curve]
    checkin_days: tuple[int, ...]
    peak: int | None  # None: no soreness entered in the whole recovery
    peak_day: int | None
    worst_area: Area | None
    # Areas once above READY: the first day after their peak back at or below it
    # (None: not yet, as far as the check-ins tell).
    area_low_day: dict[Area, int | None]
    days_to_low: int | None  # first day every entered area was at or below READY
    longest_area: Area | None  # the area above READY the longest (None: none ever was)
    walk_minutes: float
    stretch_minutes: float
    red_flag_days: tuple[int, ...]

    @property
    def areas(self) -> tuple[Area, ...]:
        return tuple(self.curve)

    @property
    def span(self) -> int:
        """How many days the recovery covers (run day included)."""
        return self.last_day + 1

    def date_of(self, day: int) -> date:
        return self.run.day + timedelta(days=day)

    def last_entered(self, area: Area) -> tuple[int, int] | None:
        """(day, level) of the area's last entry, or None when never entered."""
        values = self.curve.get(area, ())
        for day in range(len(values) - 1, -1, -1):
            level = values[day]
            if level is not None:
                return day, level
        return None


def recovery_range(run: Run) -> tuple[date, date]:
    """The days a run's recovery can cover: give ``recovery_outcomes`` at least these."""
    return run.day, run.day + timedelta(days=run_window(run))


def _peak(curve: dict[Area, Curve]) -> tuple[int | None, int | None]:
    best: tuple[int, int] | None = None  # (level, day): the first day of the highest level
    for values in curve.values():
        for day, level in enumerate(values):
            if level is not None and (best is None or (level, -day) > (best[0], -best[1])):
                best = (level, day)
    return (best[0], best[1]) if best else (None, None)


def _top(values: Curve) -> int:
    return max(v for v in values if v is not None)


def _area_low_day(values: Curve) -> int | None:
    peak_day = values.index(_top(values))
    after = range(peak_day + 1, len(values))
    return next((d for d in after if (v := values[d]) is not None and v <= READY), None)


def _lasting_key(low: int | None, span: int) -> int:
    # Not back yet counts as lasting beyond the last day.
    return span if low is None else low


def _days_to_low(curve: dict[Area, Curve], checkins: Sequence[int], peak_day: int) -> int | None:
    for day in checkins:
        if day < peak_day:
            continue
        entered = {a: v[day] for a, v in curve.items() if v[day] is not None}
        if any(level > READY for level in entered.values()):
            continue
        # An area sore earlier and not entered today is unknown, not recovered.
        was_sore = {
            a for a, v in curve.items() if any(x is not None and x > READY for x in v[:day])
        }
        if was_sore <= entered.keys():
            return day
    return None


def _outcome(
    run: Run, days: Sequence[DaySummary], ending: Ending, cut_by: Run | None
) -> RecoveryOutcome:
    by_index = {d.recovery_day: d for d in days if d.recovery_day is not None}
    last_day = max(by_index)
    curve: dict[Area, Curve] = {}
    for area in AREAS:
        values = tuple(
            (d.soreness or {}).get(area) if (d := by_index.get(i)) is not None else None
            for i in range(last_day + 1)
        )
        if any(v is not None for v in values):
            curve[area] = values
    checkins = tuple(sorted(i for i, d in by_index.items() if d.checkin is not None))
    peak, peak_day = _peak(curve)
    peaks = {a: _top(v) for a, v in curve.items()}
    lows = {a: _area_low_day(v) for a, v in curve.items() if peaks[a] > READY}
    span = last_day + 1
    worst = min(
        curve,
        key=lambda a: (-peaks[a], -_lasting_key(lows.get(a, -1), span), AREAS.index(a)),
        default=None,
    )
    longest = min(
        lows,
        key=lambda a: (-_lasting_key(lows[a], span), -peaks[a], AREAS.index(a)),
        default=None,
    )
    return RecoveryOutcome(
        run=run,
        window_days=days[0].window_days,
        last_day=last_day,
        ending=ending,
        cut_by=cut_by,
        curve=curve,
        checkin_days=checkins,
        peak=peak,
        peak_day=peak_day,
        worst_area=worst,
        area_low_day=lows,
        days_to_low=None if peak_day is None else _days_to_low(curve, checkins, peak_day),
        longest_area=longest,
        walk_minutes=sum(d.walk_minutes for d in days),
        stretch_minutes=sum(d.stretch_minutes for d in days),
        red_flag_days=tuple(sorted(i for i, d in by_index.items() if d.red_flag)),
    )


def recovery_outcomes(days: Sequence[DaySummary]) -> list[RecoveryOutcome]:
    """The outcome of every recovery among ``days`` (consecutive, oldest first), oldest
    first. A recovery whose run day is before the first day given is left out: without its
    start its peak and days to the ready line would be wrong."""
    groups: list[tuple[Run, list[DaySummary]]] = []
    for day in days:
        run = day.plan.run
        if run is None or day.recovery_day is None:
            continue
        if groups and groups[-1][0].id == run.id:
            groups[-1][1].append(day)
        elif day.recovery_day == 0:
            groups.append((run, [day]))
    index = {d.date: i for i, d in enumerate(days)}
    outcomes = []
    for run, group in groups:
        if group[-1].recovery_day == group[-1].window_days:
            ending, cut_by = Ending.FULL, None
        else:
            after = index[group[-1].date] + 1
            cut_by = days[after].plan.run if after < len(days) else None
            ending = Ending.CUT if cut_by is not None else Ending.ONGOING
        outcomes.append(_outcome(run, group, ending, cut_by))
    return outcomes


def outcome_for(run: Run, days: Sequence[DaySummary]) -> RecoveryOutcome | None:
    """The outcome of ``run``'s own recovery among ``days`` (None: it has none there)."""
    return next((o for o in recovery_outcomes(days) if o.run.id == run.id), None)

"""Where each area's soreness went over a period, and the period's totals and averages.

Built from ``DaySummary`` objects, so the History screen and the weekly report agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_tui.domain.history.summaries import DaySummary, summarize_range
from recovery_tui.domain.models import (
    AREAS,
    Area,
    CheckIn,
    Run,
    SessionRecord,
    Side,
    StandResult,
    TaskState,
)


@dataclass(frozen=True, slots=True)
class AreaTrend:
    area: Area
    values: tuple[int | None, ...]  # one per day, None when not recorded
    first: int | None  # first recorded value
    last: int | None  # last recorded value
    verdict: str  # "" for an area that was never sore

    @property
    def was_sore(self) -> bool:
        return any(v for v in self.values if v is not None)


def trend_verdict(area: Area, values: Sequence[int | None]) -> str:
    """A few words on where an area went, comparing the first and last recorded values.

    Empty for an area never sore (it would only add noise to the week).
    """
    recorded = [v for v in values if v is not None]
    if not any(recorded):
        return ""
    first, last = recorded[0], recorded[-1]
    if len(recorded) == 1:
        return f"{area.label} at {first} (one check-in)"
    if last < first:
        return f"{area.label} easing: {first} → {last}"
    if last > first:
        return f"{area.label} worse: {first} → {last}"
    return f"{area.label} steady at {last}"


def area_trend(area: Area, days: Sequence[DaySummary]) -> AreaTrend:
    values = tuple(d.soreness.get(area) if d.soreness is not None else None for d in days)
    recorded = [v for v in values if v is not None]
    return AreaTrend(
        area=area,
        values=values,
        first=recorded[0] if recorded else None,
        last=recorded[-1] if recorded else None,
        verdict=trend_verdict(area, values),
    )


@dataclass(frozen=True, slots=True)
class WeekSummary:
    start: date
    end: date
    days: tuple[DaySummary, ...]
    trends: tuple[AreaTrend, ...]  # every area, in Area order
    totals: dict[str, float]  # "cups" is missing when no day had cups entered
    averages: dict[str, float]  # a key is missing when no day had that data
    stand: dict[Side, tuple[StandResult | None, ...]]

    @property
    def sore_trends(self) -> tuple[AreaTrend, ...]:
        return tuple(t for t in self.trends if t.verdict)


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def summarize_days(days: Sequence[DaySummary]) -> WeekSummary:
    """Trends, totals and averages over summaries already built (consecutive, oldest first).

    Totals leave out the days before the user's first record (``before_first``): their
    plan asked nothing of anyone yet; cups are totalled over the days they were entered on,
    and left out when none were. Averages are per day *with data*: soreness, sleep and cups
    over the days that have them, the rest over days where anything was recorded, so a week
    started mid-way is not dragged down by the empty days before it.
    """
    if not days:
        raise ValueError("a period needs at least one day")
    counted = [d for d in days if not d.before_first]
    totals: dict[str, float] = {
        "walks": sum(d.walks for d in counted),
        "walk_minutes": sum(d.walk_minutes for d in counted),
        "stretch_minutes": sum(d.stretch_minutes for d in counted),
        "tasks_done": sum(d.tasks_done for d in counted),
        "tasks_total": sum(d.tasks_total for d in counted),
    }
    cups = [d.cups for d in counted if d.cups is not None]
    if cups:
        totals["cups"] = sum(cups)
    active = [d for d in days if d.has_data]
    candidates: dict[str, float | None] = {
        "max_soreness": _mean(d.max_soreness for d in days),
        "cups": _mean(d.cups for d in days),
        "walk_minutes": _mean(d.walk_minutes for d in active),
        "stretch_minutes": _mean(d.stretch_minutes for d in active),
        "sleep_hours": _mean(d.sleep_hours for d in days),
    }
    averages = {k: v for k, v in candidates.items() if v is not None}
    return WeekSummary(
        start=days[0].date,
        end=days[-1].date,
        days=tuple(days),
        trends=tuple(area_trend(a, days) for a in AREAS),
        totals=totals,
        averages=averages,
        stand={side: tuple(d.stand.get(side) for d in days) for side in Side},
    )


def summarize_week(
    end: date,
    days: int = 7,
    runs: Sequence[Run] = (),
    checkins: Sequence[CheckIn] = (),
    task_states: Mapping[date, Mapping[str, TaskState]] | None = None,
    sessions: Sequence[SessionRecord] = (),
) -> WeekSummary:
    """The ``days`` days ending on ``end`` inclusive (a week by default)."""
    if days < 1:
        raise ValueError("a period needs at least one day")
    start = end - timedelta(days=days - 1)
    return summarize_days(summarize_range(start, end, runs, checkins, task_states or {}, sessions))

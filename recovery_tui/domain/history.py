"""Summaries of past days and weeks: the numbers the History screen and the CLI both show.

Everything here is computed from records passed in, so the screen, ``history --format``
and the tests read one source of numbers. Days are plain ``date`` objects stepped with
``timedelta(days=1)``: a clock change (DST) can never make a day appear twice or vanish.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

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
from recovery_tui.domain.plan import WALKS, WATER, DayPlan, plan_for
from recovery_tui.domain.progress import day_progress, done_count
from recovery_tui.domain.session_rules import HAPPENED, counts_as_walk

WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_MISSING = "·"


@dataclass(frozen=True, slots=True)
class DaySummary:
    date: date
    weekday: str
    recovery_day: int | None
    window_days: int
    soreness: dict[Area, int] | None  # None when there is no check-in
    max_soreness: int | None
    tasks_done: int
    tasks_total: int
    walks: int
    walk_minutes: float
    stretch_minutes: float
    cups: int
    has_note: bool
    red_flag: bool
    note: str
    stand: dict[Side, StandResult]
    sessions: tuple[SessionRecord, ...]
    checkin: CheckIn | None
    plan: DayPlan
    progress: dict[str, int] = field(default_factory=dict)

    @property
    def has_data(self) -> bool:
        """Did the user record anything that day (check-in, session or ticked task)?"""
        return (
            self.checkin is not None
            or bool(self.sessions)
            or any(n > 0 for n in self.progress.values())
        )

    @property
    def sleep_hours(self) -> float | None:
        return self.checkin.sleep_hours if self.checkin else None

    @property
    def energy(self) -> int | None:
        return self.checkin.energy if self.checkin else None


def _minutes(sessions: Iterable[SessionRecord], kind: str) -> float:
    return sum(s.actual_seconds for s in sessions if s.kind == kind) / 60


def _ticked(task_id: str, day: date, task_states: Mapping[str, TaskState]) -> int:
    # Read the stored count, not the plan's progress: progress stops at the task's target
    # (8 cups, 1 walk on later days) and is absent when the plan lacks the task, while
    # history should show what was actually done.
    state = task_states.get(task_id)
    return state.count if state is not None and state.day == day else 0


def summarize_day(
    day: date,
    runs: Sequence[Run],
    checkin: CheckIn | None,
    task_states: Mapping[str, TaskState],
    sessions: Sequence[SessionRecord],
) -> DaySummary:
    """One day's numbers. ``sessions`` may hold other days too: only ``day``'s are used.

    ``walks`` is the larger of the walk sessions of at least 5 minutes and the WALKS task
    count: a timed walk may also tick the task, so adding the two would count it twice,
    while a walk done without the timer only shows in the task. ``cups`` is the larger of
    the water ticks and the check-in's cups, not capped at the task's target. A check-in
    or task states of another day are ignored, as ``day_progress`` does.
    """
    if checkin is not None and checkin.day != day:
        checkin = None
    plan = plan_for(day, runs)
    progress = dict(day_progress(plan, task_states, checkin))
    done, total = done_count(plan, progress)
    kept = tuple(s for s in sessions if s.day == day and s.status in HAPPENED)
    timed_walks = sum(1 for s in kept if counts_as_walk(s))
    checkin_cups = checkin.cups if checkin is not None and checkin.cups is not None else 0
    return DaySummary(
        date=day,
        weekday=WEEKDAYS[day.weekday()],
        # An easy run opens no window: a day in a 0-day window is not a recovery day.
        recovery_day=plan.day_index if plan.window_days else None,
        window_days=plan.window_days,
        soreness=dict(checkin.soreness) if checkin else None,
        max_soreness=checkin.max_soreness if checkin else None,
        tasks_done=done,
        tasks_total=total,
        walks=max(timed_walks, _ticked(WALKS, day, task_states)),
        walk_minutes=_minutes(kept, "walk"),
        stretch_minutes=_minutes(kept, "stretch"),
        cups=max(progress.get(WATER, 0), _ticked(WATER, day, task_states), checkin_cups),
        has_note=bool(checkin and checkin.note.strip()),
        red_flag=bool(checkin and checkin.red_flags),
        note=checkin.note if checkin else "",
        stand=dict(checkin.stand) if checkin else {},
        sessions=kept,
        checkin=checkin,
        plan=plan,
        progress=progress,
    )


def days_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end`` inclusive (empty when end is before start)."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def summarize_range(
    start: date,
    end: date,
    runs: Sequence[Run],
    checkins: Sequence[CheckIn],
    task_states: Mapping[date, Mapping[str, TaskState]],
    sessions: Sequence[SessionRecord],
) -> list[DaySummary]:
    """One summary per day from ``start`` to ``end`` inclusive, oldest first."""
    by_day_checkin = {c.day: c for c in checkins}
    by_day_sessions: dict[date, list[SessionRecord]] = defaultdict(list)
    for s in sessions:
        by_day_sessions[s.day].append(s)
    return [
        summarize_day(
            d,
            runs,
            by_day_checkin.get(d),
            task_states.get(d, {}),
            by_day_sessions.get(d, []),
        )
        for d in days_between(start, end)
    ]


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
    totals: dict[str, float]
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

    Averages are per day *with data*: soreness and sleep over days whose check-in has them,
    the rest over days where anything was recorded, so a week started mid-way is not
    dragged down by the empty days before it.
    """
    if not days:
        raise ValueError("a period needs at least one day")
    totals: dict[str, float] = {
        "walks": sum(d.walks for d in days),
        "walk_minutes": sum(d.walk_minutes for d in days),
        "stretch_minutes": sum(d.stretch_minutes for d in days),
        "cups": sum(d.cups for d in days),
        "tasks_done": sum(d.tasks_done for d in days),
        "tasks_total": sum(d.tasks_total for d in days),
    }
    active = [d for d in days if d.has_data]
    candidates: dict[str, float | None] = {
        "max_soreness": _mean(d.max_soreness for d in days),
        "cups": _mean(d.cups for d in active),
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


def sparkline(
    values: Sequence[int | float | None],
    low: float = 0,
    high: float = 10,
    missing: str = SPARK_MISSING,
) -> str:
    """One block character per value on a fixed scale (0–10 soreness by default), so two
    sparklines side by side compare honestly; values outside the scale are clamped."""
    if high <= low:
        raise ValueError("high must be above low")
    top = len(SPARK_BLOCKS) - 1
    out = []
    for v in values:
        if v is None:
            out.append(missing)
            continue
        share = (min(max(v, low), high) - low) / (high - low)
        out.append(SPARK_BLOCKS[round(share * top)])
    return "".join(out)


GridBy = Literal["soreness", "tasks"]


@dataclass(frozen=True, slots=True)
class GridCell:
    date: date
    summary: DaySummary | None  # None: nothing given for the day, or it is after ``end``
    after_end: bool = False

    def level(self, by: GridBy) -> int | None:
        """A colour bucket 0–4, or None when there is nothing to colour.

        Soreness: 0 none, 1 = 1–2, 2 = 3–4, 3 = 5–6, 4 = 7+ (the day's worst area).
        Tasks: share of the day's tasks done, 0 none … 4 all.
        """
        s = self.summary
        if s is None or self.after_end:
            return None
        if by == "soreness":
            if s.max_soreness is None:
                return None
            return min(4, (s.max_soreness + 1) // 2)
        if s.tasks_total == 0:
            return None
        if s.tasks_done >= s.tasks_total:
            return 4
        return min(3, -(-4 * s.tasks_done // s.tasks_total))


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

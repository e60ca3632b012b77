"""One summary per past day: the numbers the History screen, the CLI and the exports show.

Everything here is computed from records passed in, so the screen, ``history --format``
and the tests read one source of numbers. Days are plain ``date`` objects stepped with
``timedelta(days=1)``: a clock change (DST) can never make a day appear twice or vanish.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from recovery_tui.domain.day import LOOKBACK_DAYS, REACH_DAYS, Ticks, plan_for
from recovery_tui.domain.formats import WEEKDAYS
from recovery_tui.domain.models import (
    Area,
    CheckIn,
    Run,
    SessionRecord,
    Side,
    StandResult,
    TaskState,
)
from recovery_tui.domain.plan import WALKS, WALKS_IF_PAINLESS, DayPlan
from recovery_tui.domain.progress import day_progress, done_count, ticks_of, water_count
from recovery_tui.domain.session_rules import HAPPENED, counts_as_walk


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
    cups: int | None  # None when neither the counter nor a check-in gave cups
    has_note: bool
    red_flag: bool
    note: str
    stand: dict[Side, StandResult]
    sessions: tuple[SessionRecord, ...]
    checkin: CheckIn | None
    plan: DayPlan
    progress: dict[str, int] = field(default_factory=dict)
    # Before the user's first record: nothing was asked of them yet, so History leaves
    # the day blank instead of counting its plan as tasks not done.
    before_first: bool = False

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
    recent: Sequence[CheckIn] = (),
    ticks: Ticks | None = None,
) -> DaySummary:
    """One day's numbers. ``sessions`` may hold other days too: only ``day``'s are used.

    ``walks`` is the larger of the walk sessions of at least 5 minutes and the WALKS task
    count: a timed walk may also tick the task, so adding the two would count it twice,
    while a walk done without the timer only shows in the task. ``cups`` is the day's one
    water number (``progress.water_count``), None when not entered. A check-in or task
    states of another day are ignored, as ``day_progress`` does. The day's plan is the one
    the day model gave it: ``recent`` check-ins (the weeks before) and ``ticks`` of
    earlier days shape it.
    """
    if checkin is not None and checkin.day != day:
        checkin = None
    plan = plan_for(day, runs, recent or ([checkin] if checkin else []), ticks)
    progress = dict(day_progress(plan, task_states, checkin))
    done, total = done_count(plan, progress)
    kept = tuple(s for s in sessions if s.day == day and s.status in HAPPENED)
    timed_walks = sum(1 for s in kept if counts_as_walk(s))
    return DaySummary(
        date=day,
        weekday=WEEKDAYS[day.weekday()],
        # Only days inside a run's window are recovery days (not its return to running).
        recovery_day=plan.day_index if plan.in_window else None,
        window_days=plan.window_days,
        soreness=dict(checkin.soreness) if checkin else None,
        max_soreness=checkin.max_soreness if checkin else None,
        tasks_done=done,
        tasks_total=total,
        walks=max(
            timed_walks,
            _ticked(WALKS, day, task_states) + _ticked(WALKS_IF_PAINLESS, day, task_states),
        ),
        walk_minutes=_minutes(kept, "walk"),
        stretch_minutes=_minutes(kept, "stretch"),
        cups=water_count(day, task_states, checkin),
        has_note=bool(checkin and checkin.note.strip()),
        red_flag=bool(checkin and checkin.red_flags),
        note=checkin.note if checkin else "",
        stand=dict(checkin.stand) if checkin else {},
        sessions=kept,
        checkin=checkin,
        plan=plan,
        progress=progress,
    )


# The first day of someone who has recorded nothing yet: every day is before it.
NO_RECORDS = date.max


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
    first_day: date | None = None,
) -> list[DaySummary]:
    """One summary per day from ``start`` to ``end`` inclusive, oldest first.

    ``checkins`` and ``task_states`` may reach back before ``start``: the plan of the first
    days reads the weeks before them (``LOOKBACK_DAYS``). Days before ``first_day``, when
    given, are marked ``before_first``: pass the day of the user's first record, or
    ``NO_RECORDS`` when there is none yet."""
    ordered = sorted(checkins, key=lambda c: c.day)
    days_of = [c.day for c in ordered]
    by_day_checkin = {c.day: c for c in ordered}
    by_day_sessions: dict[date, list[SessionRecord]] = defaultdict(list)
    for s in sessions:
        by_day_sessions[s.day].append(s)
    ticks = ticks_of(task_states)
    # Each day is given only the runs that can reach it (``day.runs_reaching``): a day of
    # a page of months would otherwise look at every run of the page, many times over.
    runs_by_day = sorted(runs, key=lambda r: r.day)
    run_days = [r.day for r in runs_by_day]
    summaries = []
    for d in days_between(start, end):
        low = bisect_left(days_of, d - timedelta(days=LOOKBACK_DAYS))
        high = bisect_right(days_of, d)
        first_run = bisect_left(run_days, d - timedelta(days=REACH_DAYS))
        summary = summarize_day(
            d,
            runs_by_day[first_run : bisect_right(run_days, d)],
            by_day_checkin.get(d),
            task_states.get(d, {}),
            by_day_sessions.get(d, []),
            ordered[low:high],
            ticks,
        )
        if first_day is not None and d < first_day:
            summary = replace(summary, before_first=True)
        summaries.append(summary)
    return summaries

"""Realistic sample history for trying the app and for benchmarks.

Runs every few days, a weekly long run and a race every couple of months; soreness rises
the day after each hard effort and fades over its recovery window; most days have a
check-in, some walks and stretches, and part of the plan ticked. Seeded, so the same
arguments always give the same history.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.day import LOOKBACK_DAYS, plan_for
from recovery_tui.domain.models import (
    AREAS,
    Area,
    CheckIn,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    Side,
    StandResult,
    StepRecord,
    TaskState,
    new_id,
)
from recovery_tui.domain.window import run_window

# How much each area takes from a hard effort: the field reports name ankles the worst.
AREA_WEIGHT: dict[Area, float] = {
    Area.ANKLES: 1.0,
    Area.KNEES: 0.8,
    Area.HIPS: 0.6,
    Area.GLUTES: 0.7,
    Area.ADDUCTORS: 0.6,
    Area.LOWER_BACK: 0.6,
    Area.CALVES: 0.9,
    Area.HAMSTRINGS: 0.7,
    Area.QUADRICEPS: 0.85,
}
RACES: tuple[float, ...] = (10.0, 21.1, 21.1, 42.2, 15.0)
NOTES: tuple[str, ...] = (
    "First steps out of bed were stiff, better after the walk.",
    "Stairs still hurt going down.",
    "Warm bath helped the calves.",
    "Slept badly, legs restless.",
    "Felt almost normal by the evening.",
)


@dataclass(slots=True)
class Demo:
    runs: list[Run] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    tasks: list[TaskState] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)


def _stamp(day: date, hour: int, minute: int = 0) -> str:
    moment = datetime.combine(day, time(hour, minute), tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _make_runs(rng: random.Random, first: date, last: date, tz: str) -> list[Run]:
    runs: list[Run] = []
    day = first
    next_race = first + timedelta(days=rng.randint(20, 50))
    while day <= last:
        if day >= next_race:
            distance = rng.choice(RACES)
            kind, effort = RunKind.RACE, rng.randint(8, 9)
            next_race = day + timedelta(days=rng.randint(45, 80))
            gap = 4
        elif day.weekday() == 6:
            distance = round(rng.uniform(14, 22), 1)
            kind, effort = RunKind.LONG, rng.randint(5, 7)
            gap = 2
        else:
            distance = round(rng.uniform(5, 9), 1)
            kind, effort = RunKind.EASY, rng.randint(2, 4)
            gap = rng.randint(2, 3)
        finish = time(rng.randint(7, 11), rng.choice((0, 15, 30, 45)))
        runs.append(
            Run(
                day=day,
                distance_km=distance,
                effort=effort,
                kind=kind,
                finish=finish,
                recorded_at=_stamp(day, finish.hour + 1),
                tz=tz,
            )
        )
        day += timedelta(days=gap)
    return runs


def _soreness(day: date, runs: list[Run], rng: random.Random) -> dict[Area, int]:
    levels = dict.fromkeys(AREAS, 0.0)
    for run in runs:
        age = (day - run.day).days
        window = run_window(run)
        if age < 0 or age > window + 1:
            continue
        # Ordinary soreness: high after a race, never severe (that would be an alarm).
        peak = min(8.0, run.effort * 0.45 + run.distance_km / 6)
        # Worst the day after, easing over the window.
        shape = 0.6 if age == 0 else max(0.0, 1 - (age - 1) / max(window, 1))
        for area, weight in AREA_WEIGHT.items():
            levels[area] = max(levels[area], peak * weight * shape)
    return {
        area: max(0, min(10, round(level + rng.uniform(-0.7, 0.7))))
        for area, level in levels.items()
    }


def make_demo(days: int, now: datetime, tz: str, seed: int | None = None) -> Demo:
    rng = random.Random(seed if seed is not None else days)
    last = date(now.year, now.month, now.day)
    first = last - timedelta(days=days - 1)
    demo = Demo(runs=_make_runs(rng, first, last, tz))
    runs_by_day: dict[date, list[Run]] = {}
    for run in demo.runs:
        runs_by_day.setdefault(run.day, []).append(run)
    seen: list[Run] = []
    ticks: dict[date, dict[str, int]] = {}
    day = first
    while day <= last:
        seen.extend(runs_by_day.get(day, ()))
        recent = seen[-12:]
        is_today = day == last
        soreness = _soreness(day, recent, rng)
        if rng.random() < 0.88:
            demo.checkins.append(_checkin(rng, day, soreness, tz))
        plan = plan_for(day, recent, demo.checkins[-LOOKBACK_DAYS:], ticks)
        walks = _sessions(rng, demo, day, plan, tz, is_today)
        _tasks(
            rng,
            demo,
            day,
            plan,
            walks,
            tz,
            is_today,
            has_checkin=bool(demo.checkins and demo.checkins[-1].day == day),
        )
        ticks[day] = {t.task_id: t.count for t in demo.tasks[-20:] if t.day == day}
        day += timedelta(days=1)
    return demo


def _checkin(rng: random.Random, day: date, soreness: dict[Area, int], tz: str) -> CheckIn:
    worst = max(soreness.values())
    stand = {
        Side.LEFT: StandResult.DROPPED if worst >= 6 and rng.random() < 0.5 else StandResult.LEVEL,
        Side.RIGHT: StandResult.DROPPED if worst >= 7 and rng.random() < 0.3 else StandResult.LEVEL,
    }
    return CheckIn(
        day=day,
        soreness=dict(soreness),
        energy=max(1, min(10, 8 - worst // 2 + rng.randint(-1, 1))),
        sleep_hours=round(rng.uniform(6, 9) * 2) / 2,
        cups=rng.randint(4, 10),
        stand=stand,
        note=rng.choice(NOTES) if rng.random() < 0.2 else "",
        recorded_at=_stamp(day, 7, rng.randint(0, 59)),
        tz=tz,
    )


def _session(
    day: date, routine_id: str, name: str, kind: str, planned: int, actual: int, hour: int, tz: str
) -> SessionRecord:
    status = SessionStatus.COMPLETED if actual >= planned else SessionStatus.STOPPED
    return SessionRecord(
        id=new_id(),
        day=day,
        routine_id=routine_id,
        routine_name=name,
        kind=kind,
        status=status,
        planned_seconds=planned,
        actual_seconds=actual,
        started_at=_stamp(day, hour),
        ended_at=_stamp(day, hour, min(59, actual // 60)),
        tz=tz,
        steps=(StepRecord(name=name, side=None, planned_seconds=planned, actual_seconds=actual),),
    )


def _sessions(
    rng: random.Random, demo: Demo, day: date, plan: plan_rules.DayPlan, tz: str, is_today: bool
) -> int:
    walks = 0
    if plan.task(plan_rules.WALKS) is None:
        return walks
    count = rng.randint(0 if is_today else 1, 1 if is_today else 3)
    for i in range(count):
        minutes = rng.choice((10, 12, 15))
        actual = minutes * 60 if rng.random() < 0.9 else rng.randint(4, minutes - 1) * 60
        demo.sessions.append(
            _session(
                day,
                f"walk-{minutes}",
                f"{minutes}-minute walk",
                "walk",
                minutes * 60,
                actual,
                9 + 4 * i,
                tz,
            )
        )
        walks += actual >= 300
    if plan.task(plan_rules.STRETCH) is not None and not is_today and rng.random() < 0.75:
        actual = 1800 if rng.random() < 0.85 else rng.randint(8, 25) * 60
        demo.sessions.append(
            _session(day, "stretch-30", "Post-run stretch", "stretch", 1800, actual, 18, tz)
        )
    return walks


def _tasks(
    rng: random.Random,
    demo: Demo,
    day: date,
    plan: plan_rules.DayPlan,
    walks: int,
    tz: str,
    is_today: bool,
    has_checkin: bool,
) -> None:
    stretched = any(
        s.day == day and s.kind == "stretch" and s.status is SessionStatus.COMPLETED
        for s in demo.sessions[-4:]
    )
    for task in plan.tasks:
        if task.id == plan_rules.WALKS:
            count = walks
        elif task.id == plan_rules.STRETCH:
            count = int(stretched)
        elif task.id == plan_rules.CHECKIN:
            count = int(has_checkin)
        elif task.counted:
            count = rng.randint(task.target // 2, task.target) if not is_today else 2
        else:
            count = int(rng.random() < (0.3 if is_today else 0.7))
        if count:
            demo.tasks.append(
                TaskState(day=day, task_id=task.id, count=count, updated_at=_stamp(day, 20), tz=tz)
            )

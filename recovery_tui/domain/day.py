"""One model of the day: from the runs, the recent check-ins and the recent ticks, the
day's tasks, alarms, readiness and recovery estimate. The command line, Today and the JSON
output all show this one result.

How the day is put together:

1. Where it stands: in a run's recovery window (run day, early, later days), in the return
   to running after it, or an ordinary day.
2. Its alarms (``alarms.day_alarms``) and readiness (``readiness.assess_readiness``).
3. Its tasks: the phase's table, then reshaped by what the body reports:
   - any red flag: the flag-reshaped day (see a professional first, rest, ice, a walk only
     if it does not hurt; no heat, foam rolling, massage, stretch session or running);
   - severe soreness: rest first, gentler stretching, no heat on the sorest day;
   - low energy (3/10 or less) or short sleep (under 6 h): rest first, fewer walks;
   - in the later days, once readiness says yes, the first run of the return plan;
   - after the window, the return plan step by step (a run, then a day of rest), paused by
     rising soreness or an alarm, done after its last step.
4. Notes: the advice that belongs to the day (refuel ideas, pain relief, tiredness...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from recovery_tui.domain import advice
from recovery_tui.domain import plan as p
from recovery_tui.domain.alarms import Alarm, AlarmKind, day_alarms
from recovery_tui.domain.checkins import current_checkin
from recovery_tui.domain.models import AREAS, CheckIn, Run
from recovery_tui.domain.readiness import Readiness, assess_readiness
from recovery_tui.domain.soreness import Band, band
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import (
    MAX_WINDOW_DAYS,
    active_run,
    last_window_before,
    run_window,
    window_end,
)

# The return plan runs at most this many days after the window before the day is ordinary.
RETURN_DAYS = 21
# How long after it a run can still shape a day: its window, then the return plan.
REACH_DAYS = MAX_WINDOW_DAYS + RETURN_DAYS
# How far back the day looks for check-ins (the current one, the one before it).
LOOKBACK_DAYS = 21
LOW_ENERGY = 3
SHORT_SLEEP_HOURS = 6.0
LONG_RACE_KM = 21.0
RETURN_RUNS = frozenset({p.RETURN_RUN_WALK, p.RETURN_RUN_EASY})

Ticks = Mapping[date, Mapping[str, int]]  # day -> task id -> count


@dataclass(frozen=True, slots=True)
class DayModel:
    plan: p.DayPlan
    alarms: tuple[Alarm, ...]
    readiness: Readiness

    @property
    def flags(self) -> tuple[Alarm, ...]:
        return tuple(a for a in self.alarms if a.kind is AlarmKind.RED_FLAG)


def _return_runs_done(run: Run, day: date, ticks: Ticks) -> tuple[int, bool]:
    """Return-plan runs ticked after ``run`` and before ``day``; and whether yesterday's
    was one (today is then a rest day)."""
    done, yesterday = 0, False
    for offset in range(1, (day - run.day).days):
        counts = ticks.get(run.day + timedelta(days=offset), {})
        if any(counts.get(t, 0) > 0 for t in RETURN_RUNS):
            done += 1
            yesterday = offset == (day - run.day).days - 1
    return done, yesterday


def runs_reaching(start: date, end: date, runs: Sequence[Run]) -> list[Run]:
    """Only the runs that can shape a day from ``start`` to ``end``: the others leave every
    one of those days as it would be without them, and years of history stay cheap."""
    earliest = start - timedelta(days=REACH_DAYS)
    return [run for run in runs if earliest <= run.day <= end]


def _where(day: date, runs: Sequence[Run], ticks: Ticks) -> tuple[Run | None, p.Phase, int]:
    """The run the day belongs to, its phase, and the return-plan runs done so far."""
    run = active_run(day, runs)
    if run is not None:
        return (
            run,
            p.phase_for((day - run.day).days, run_window(run)),
            _return_runs_done(run, day, ticks)[0],
        )
    ended = last_window_before(day, runs)
    if ended is not None and (day - window_end(ended)).days <= RETURN_DAYS:
        done, _ = _return_runs_done(ended, day, ticks)
        if done < len(p.RETURN_STEPS):
            return ended, p.Phase.RETURN, done
    return None, p.Phase.NONE, 0


def ticks_since(day: date, runs: Sequence[Run]) -> date | None:
    """The first day whose ticks can change ``day``'s model (return-plan runs done since
    the run the day belongs to, see ``_where``); None when no ticks can."""
    run = active_run(day, runs)
    if run is None:
        run = last_window_before(day, runs)
        if run is None or (day - window_end(run)).days > RETURN_DAYS:
            return None
    return run.day + timedelta(days=1)


def _rest_day_due(day: date, runs: Sequence[Run]) -> bool:
    """Runs logged on each of the last six days: the week needs its rest day."""
    run_days = {r.day for r in runs}
    return all(day - timedelta(days=n) in run_days for n in range(1, 7))


def _flagged_tasks(alarms: Sequence[Alarm]) -> tuple[p.TaskSpec, ...]:
    flags = [a.flag for a in alarms if a.flag is not None]
    names = ", ".join(flag.label for flag in flags)
    urgent = any(flag.urgent for flag in flags)
    see = replace(
        p.FLAGGED_TASKS[0],
        title=f"{'Get medical help today' if urgent else 'See a health professional'}: {names}",
        today=f"You reported {names}: that comes before everything else today.",
    )
    # Injury care answers a painful place; dizziness or dark urine ask for rest, no walks.
    whole_body = any(flag.whole_body for flag in flags)
    painful_place = any(not flag.whole_body for flag in flags)
    tasks = [see, p.REST_UNTIL_SEEN_TASK] if whole_body else [see]
    for task in p.FLAGGED_TASKS[1:]:
        if task.id in (p.REST_INJURED, p.ICE) and not painful_place:
            continue
        if task.id == p.WALKS_IF_PAINLESS and whole_body:
            continue
        tasks.append(task)
    return tuple(tasks)


def _tired(checkin: CheckIn | None) -> str:
    if checkin is None:
        return ""
    reasons = []
    if checkin.energy is not None and checkin.energy <= LOW_ENERGY:
        reasons.append(f"energy {checkin.energy}/10")
    if checkin.sleep_hours is not None and checkin.sleep_hours < SHORT_SLEEP_HOURS:
        reasons.append(f"{checkin.sleep_hours:g} h of sleep")
    return " and ".join(reasons)


def _toward_rest(tasks: list[p.TaskSpec], why: str) -> list[p.TaskSpec]:
    """Rest first; the walks come down to two; no contrast on a tired day."""
    rest = replace(p.REST_TASK, title="Rest today, nap if you can", today=why)
    shaped = [rest]
    for task in tasks:
        if task.id == p.WALKS and task.target > 2:
            task = replace(task, title="Walk 10–15 min, twice", target=2, today=why)
        if task.id in (p.HEAT, p.REST):
            continue
        shaped.append(task)
    return shaped


def _massage_where_sore(tasks: list[p.TaskSpec], checkin: CheckIn | None) -> list[p.TaskSpec]:
    """The self-massage goes where the last check-in found it sorest (3/10 and up): its
    title and its routine (up to three areas, sorest first)."""
    sore = sorted(
        ((level, area) for area, level in (checkin.soreness if checkin else {}).items()),
        key=lambda pair: (-pair[0], AREAS.index(pair[1])),
    )
    named = [(area, level) for level, area in sore if band(level) >= Band.MILD]
    if not named:
        return tasks
    named = named[: p.MASSAGE_MOST_AREAS]
    areas = [area for area, _ in named]
    title = "Self-massage " + ", ".join(area.label for area in areas)
    why = "Sorest at your last check-in: " + ", ".join(f"{a.label} {n}" for a, n in named) + "."
    routine = p.massage_routine_id(areas)
    return [
        replace(t, title=title, today=why, routine=routine) if t.id == p.MASSAGE else t
        for t in tasks
    ]


def _tasks(
    day: date,
    runs: Sequence[Run],
    run: Run | None,
    phase: p.Phase,
    returns_done: int,
    alarms: Sequence[Alarm],
    readiness: Readiness,
    checkin: CheckIn | None,
    ticks: Ticks,
) -> tuple[list[p.TaskSpec], int | None, list[advice.Note]]:
    if any(a.kind is AlarmKind.RED_FLAG for a in alarms):
        return list(_flagged_tasks(alarms)), None, []
    notes: list[advice.Note] = []
    tasks = list(p.base_tasks(phase))
    step: int | None = None
    if phase is p.Phase.RUN_DAY:
        notes += [advice.REFUEL_IDEAS, advice.LOW_APPETITE]
        if run is not None and run.distance_km >= LONG_RACE_KM:
            notes.append(advice.DRINK_SALT)
        notes.append(advice.PAIN_RELIEF)
    elif phase is p.Phase.EARLY:
        notes.append(advice.NORMAL_SORENESS)
        if run is not None and run.distance_km >= LONG_RACE_KM:
            notes.append(advice.TIREDNESS)  # its words and sources are of long races
        notes.append(advice.SINGLE_LEG_STAND)
        notes.append(advice.PAIN_RELIEF)
    elif phase is p.Phase.LATER and readiness.ready and returns_done < len(p.RETURN_STEPS):
        step = returns_done
        first = replace(p.RETURN_STEPS[step], today="Readiness says yes: start your return.")
        tasks = [p.WARM_UP_TASK, first, *tasks]
        notes.append(advice.WARM_UP)
    elif phase is p.Phase.RETURN:
        tasks, step = _return_day(day, run, returns_done, readiness, ticks, notes)
    elif phase is p.Phase.NONE and _rest_day_due(day, runs):
        tasks.append(p.REST_DAY_TASK)
    severe = next((a for a in alarms if a.kind is AlarmKind.SEVERE), None)
    if severe is not None:
        tasks = _toward_rest(tasks, "Severe soreness today: rest comes first.")
        tasks = [
            replace(t, today="Gentler today: fewer, shorter holds where it is sorest.")
            if t.id == p.STRETCH
            else t
            for t in tasks
        ]
    elif tired := _tired(checkin):
        tasks = _toward_rest(tasks, f"{tired[0].upper()}{tired[1:]}: the day leans towards rest.")
        notes.append(advice.LOW_ENERGY)
    return _massage_where_sore(tasks, checkin), step, notes


def _return_day(
    day: date,
    run: Run | None,
    done: int,
    readiness: Readiness,
    ticks: Ticks,
    notes: list[advice.Note],
) -> tuple[list[p.TaskSpec], int | None]:
    if not readiness.ready:
        # Not ready after the window (still sore, or it went up): recovery days go on.
        if done:
            notes.append(advice.RETURN_STOPPED)
        why = "Your recovery is taking longer than usual: easy days until soreness is low."
        return [replace(t, today=why) if t.id == p.WALKS else t for t in p.LATER_TASKS], None
    notes.append(advice.WARM_UP)
    _, yesterday = _return_runs_done(run, day, ticks) if run is not None else (0, False)
    if yesterday:
        return [p.RETURN_REST_TASK, p.WATER_TASK, p.CHECKIN_TASK], None
    step = p.RETURN_STEPS[done]
    return [p.WARM_UP_TASK, step, p.COOLDOWN_AFTER, p.WATER_TASK, p.CHECKIN_TASK], done


def assess_day(
    day: date,
    runs: Sequence[Run],
    checkins: Sequence[CheckIn],
    ticks: Ticks | None = None,
    unit: DistanceUnit = DistanceUnit.KM,
) -> DayModel:
    """The day as the body and the records say it is. ``checkins`` and ``ticks`` need only
    cover the last few weeks (the window and the return plan)."""
    ticks = ticks or {}
    run, phase, returns_done = _where(day, runs, ticks)
    alarms = day_alarms(day, run, checkins, unit)
    readiness = assess_readiness(day, run, checkins, alarms, unit)
    checkin = current_checkin(day, checkins)
    tasks, step, notes = _tasks(
        day, runs, run, phase, returns_done, alarms, readiness, checkin, ticks
    )
    plan = p.DayPlan(
        day=day,
        run=run,
        day_index=(day - run.day).days if run is not None else None,
        window_days=run_window(run) if run is not None else 0,
        phase=phase,
        tasks=tuple(tasks),
        flagged=any(a.kind is AlarmKind.RED_FLAG for a in alarms),
        return_step=step,
        notes=tuple((n.guide, n.text) for n in notes),
    )
    return DayModel(plan, alarms, readiness)


def plan_for(
    day: date,
    runs: Sequence[Run],
    checkins: Sequence[CheckIn] = (),
    ticks: Ticks | None = None,
) -> p.DayPlan:
    """The day's plan alone (history, sample data)."""
    return assess_day(day, runs, checkins, ticks).plan

"""Nudges through the day: the one-line status for a status bar, and which reminders are due.

The field reports ask for short walks a few times a day, even when staying in bed is
tempting, and at least 30 minutes of stretching a day (docs/plan.md). So the day's walks are
spread evenly over the waking day, each due from the middle of its share of it, and the
stretch is due from the late afternoon, so it is done by the evening. Nothing is due outside
the waking day, nor once the task is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypedDict

from recovery_tui.domain.plan import (
    CHECKIN,
    COOLDOWN,
    EASY_RUN_TEST,
    FOAM_ROLL,
    HEAT,
    MASSAGE,
    REFUEL,
    RETURN_STEPS,
    SINGLE_LEG,
    STRETCH,
    WALKS,
    WARM_UP,
    WATER,
    DayPlan,
    Phase,
    TaskSpec,
)

SEPARATOR = " · "
NOT_DONE = "–"
DONE = "✓"
STRETCH_FROM = time(17, 0)
"""From here the stretch is due, so that it is done by the evening."""
STRETCH_LEAD = timedelta(minutes=90)
"""A waking day that ends early still leaves this long for the stretch."""

# What a task is called in a status bar, where the plan's titles are too long.
SHORT_NAMES: dict[str, str] = {
    WALKS: "walk",
    STRETCH: "stretch",
    WATER: "water",
    REFUEL: "refuel",
    COOLDOWN: "cool-down",
    MASSAGE: "self-massage",
    FOAM_ROLL: "foam roll",
    HEAT: "heat",
    CHECKIN: "check-in",
    SINGLE_LEG: "single-leg check",
    EASY_RUN_TEST: "easy-run test",
    WARM_UP: "warm-up",
}


# The functional form, because waybar's key "class" is a Python keyword.
StatusData = TypedDict(
    "StatusData",
    {
        "text": str,
        "full_text": str,
        "short_text": str,
        "tooltip": str,
        "class": str,
        "percentage": int,
        "day": int | None,
        "window_days": int | None,
        "tasks_done": int,
        "tasks_total": int,
        "next": str | None,
        "due": list[str],
        "alarms": list[str],
    },
)
ALARM_MARK = "!"  # before the line while an alarm stands, as History marks a red-flag day


@dataclass(frozen=True, slots=True)
class WakingDay:
    """The hours in which reminders may be sent (local time)."""

    start: time = time(8, 0)
    end: time = time(21, 0)

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("the waking day must end after it starts")


def parse_waking_day(start: str | None, end: str | None) -> WakingDay:
    """The waking day from two "HH:MM" settings (either absent: its default).
    Raises ValueError with a sentence for a bad one."""
    default = WakingDay()
    return WakingDay(_parse_clock(start, default.start), _parse_clock(end, default.end))


def _parse_clock(text: str | None, default: time) -> time:
    if text is None or not text.strip():
        return default
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a time of day (HH:MM)") from None


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str  # the same nudge has the same key all day: send each once
    task_id: str
    title: str
    body: str
    due_at: time


def keys_of_day(keys: Iterable[str], day: date) -> list[str]:
    """The reminder keys of ``day`` among ``keys``: what is worth remembering as sent."""
    prefix = f"{day.isoformat()}:"
    return [key for key in keys if key.startswith(prefix)]


def short_name(task: TaskSpec) -> str:
    return SHORT_NAMES.get(task.id) or task.title.split(":")[0].strip().lower()


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _clock(minutes: float) -> time:
    whole = int(minutes)
    return time(whole // 60, whole % 60)


def walk_times(count: int, day: WakingDay) -> tuple[time, ...]:
    """When each of ``count`` walks is due: the middle of an equal share of the waking day."""
    start, span = _minutes(day.start), _minutes(day.end) - _minutes(day.start)
    return tuple(_clock(start + span * (k + 0.5) / count) for k in range(count))


def stretch_time(day: WakingDay) -> time:
    latest = _minutes(day.end) - STRETCH_LEAD.total_seconds() / 60
    return _clock(max(_minutes(day.start), min(_minutes(STRETCH_FROM), latest)))


def due_reminders(
    plan: DayPlan, progress: Mapping[str, int], now: datetime, day: WakingDay | None = None
) -> list[Reminder]:
    """The reminders due at local time ``now`` for ``plan``'s day, earliest task first."""
    day = day or WakingDay()
    moment = now.time()
    if now.date() != plan.day or not day.start <= moment < day.end:
        return []
    due: list[Reminder] = []
    walks = plan.task(WALKS)
    if walks is not None:
        done = progress.get(WALKS, 0)
        times = walk_times(walks.target, day)
        if done < walks.target and times[done] <= moment:
            number = f" {done + 1} of {walks.target}" if walks.counted else ""
            due.append(_reminder(plan, walks, done + 1, f"Walk{number}", times[done]))
    stretch = plan.task(STRETCH)
    at = stretch_time(day)
    if stretch is not None and progress.get(STRETCH, 0) < stretch.target and at <= moment:
        due.append(_reminder(plan, stretch, 1, "Time for the stretch", at))
    return due


def _reminder(plan: DayPlan, task: TaskSpec, number: int, title: str, at: time) -> Reminder:
    body = f"{task.title}, due from {at:%H:%M}. {task.why}"
    return Reminder(f"{plan.day.isoformat()}:{task.id}:{number}", task.id, title, body, at)


def _done(task: TaskSpec, progress: Mapping[str, int]) -> bool:
    return progress.get(task.id, 0) >= task.target


def _task_part(task: TaskSpec, progress: Mapping[str, int]) -> str:
    if task.counted:
        return f"{task.unit or short_name(task)} {progress.get(task.id, 0)}/{task.target}"
    return f"{short_name(task)} {DONE if _done(task, progress) else NOT_DONE}"


def next_task(
    plan: DayPlan, progress: Mapping[str, int], reminders: list[Reminder]
) -> TaskSpec | None:
    """The task a reminder is due for, else the first one of the plan not done yet."""
    if reminders:
        return plan.task(reminders[0].task_id)
    return next((t for t in plan.tasks if not _done(t, progress)), None)


def stage(plan: DayPlan) -> str | None:
    """Where the day stands: 'Run day', 'Day 2/7', 'Back to running 1/4'; None outside a
    recovery (before any run, after an easy one, or once the return plan is done)."""
    if plan.in_window and plan.day_index is not None:
        return "Run day" if plan.day_index == 0 else f"Day {plan.day_index}/{plan.window_days}"
    if plan.phase is Phase.RETURN:
        if plan.return_step is None:
            return "Back to running"
        return f"Back to running {plan.return_step + 1}/{len(RETURN_STEPS)}"
    return None


def status(
    plan: DayPlan,
    progress: Mapping[str, int],
    now: datetime,
    day: WakingDay | None = None,
    alarms: Iterable[str] = (),
) -> StatusData:
    """The day in a status bar: ``text`` is the one line; the other keys are what waybar
    (text, tooltip, class, percentage) and i3blocks (full_text, short_text) read, and the
    numbers behind the line. ``alarms`` are the day's alarm messages: they mark the line
    and come first in the tooltip."""
    reminders = due_reminders(plan, progress, now, day)
    done = sum(1 for task in plan.tasks if _done(task, progress))
    total = len(plan.tasks)
    upcoming = next_task(plan, progress, reminders)
    head = stage(plan)
    in_window = plan.in_window and plan.day_index is not None
    if head is None:
        head, parts = "No recovery window", []
    else:
        parts = [_task_part(t, progress) for t in plan.tasks if t.id in (WALKS, STRETCH)]
        if not parts:
            parts = [f"tasks {done}/{total}"]
        parts.append(f"next: {short_name(upcoming)}" if upcoming else "all done")
    standing = list(alarms)
    if standing:
        head = f"{ALARM_MARK} {head}"
    text = SEPARATOR.join([head, *parts])
    tooltip = "\n".join(
        [f"{ALARM_MARK} {message}" for message in standing]
        + [f"{DONE if _done(t, progress) else '·'} {t.title}" for t in plan.tasks]
    )
    state = "idle" if not parts else "due" if reminders else "open"
    if standing:
        state = "alarm"
    elif upcoming is None and parts:
        state = "done"
    return {
        "text": text,
        "full_text": text,
        "short_text": SEPARATOR.join([head, *parts[-1:]]),
        "tooltip": tooltip,
        "class": state,
        "percentage": round(100 * done / total) if total else 100,
        "day": plan.day_index if in_window else None,
        "window_days": plan.window_days if in_window else None,
        "tasks_done": done,
        "tasks_total": total,
        "next": short_name(upcoming) if upcoming else None,
        "due": [reminder.title for reminder in reminders],
        "alarms": standing,
    }


def status_line(
    plan: DayPlan, progress: Mapping[str, int], now: datetime, day: WakingDay | None = None
) -> str:
    """'Day 2/7 · walks 1/3 · stretch – · next: walk'."""
    return status(plan, progress, now, day)["text"]

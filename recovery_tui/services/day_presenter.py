"""Today in words: the headline, the readiness sentence, the red flags, the tasks and the
refuel countdown, for the Today screen and ``recovery-tui today`` alike.

Text comes as spans of (text, tone): the screen gives each tone a style, the command line
prints the text. Nothing here parses markup, so a run or a note can hold any characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from recovery_tui.domain.formats import clock_text, days_ago, long_date
from recovery_tui.domain.plan import RETURN_STEPS, Phase
from recovery_tui.domain.window import run_label
from recovery_tui.services.journal import DayView

Tone = Literal["", "strong", "accent", "good", "warn", "dim"]
Span = tuple[str, Tone]

READY_QUESTION = "Ready for an easy run?"


@dataclass(frozen=True, slots=True)
class ReadinessText:
    ready: bool
    answer: str  # "Yes" or "Not yet"
    sentence: str  # one sentence, one number of days at most
    reasons: tuple[str, ...]
    recovery_date: str | None  # "Tuesday 1 December": the usual full recovery
    short: str  # one line, for narrow terminals


@dataclass(frozen=True, slots=True)
class TaskLine:
    id: str
    title: str
    why: str  # why it is in today's plan
    count: int
    target: int
    routine: str | None
    auto: bool

    @property
    def counted(self) -> bool:
        return self.target > 1

    @property
    def done(self) -> bool:
        return self.count >= self.target


@dataclass(frozen=True, slots=True)
class DayText:
    date: str  # "Thursday 26 November"
    headline: tuple[Span, ...]  # empty when no run was ever logged
    readiness: ReadinessText
    alarms: tuple[str, ...]  # red flags first; always shown above everything else
    tasks: tuple[TaskLine, ...]
    notes: tuple[str, ...]  # the day's advice beyond the tasks
    done: int
    total: int
    has_runs: bool


def headline(view: DayView) -> tuple[Span, ...]:
    plan = view.plan
    run = plan.run
    if run is not None and plan.in_window:
        return (
            (f"Day {plan.day_index} of {plan.window_days}", "accent"),
            (f" after your {run_label(run, view.unit)} ({days_ago(run.day, view.day)})", ""),
        )
    if run is not None and plan.phase is Phase.RETURN:
        step = (
            f"run {plan.return_step + 1} of {len(RETURN_STEPS)}"
            if plan.return_step is not None
            else "an easy day"
        )
        return (
            ("Back to running", "accent"),
            (f" after your {run_label(run, view.unit)}: {step}", ""),
        )
    if view.runs_today and plan.phase is Phase.NONE:
        return (
            (
                f"Your {run_label(view.runs_today[-1], view.unit)} today needs no recovery window.",
                "",
            ),
        )
    if view.has_runs:
        return (("No recovery window open: an ordinary training day.", ""),)
    return ()


def readiness_text(view: DayView) -> ReadinessText:
    readiness = view.readiness
    recovery = None
    if readiness.recovery_date is not None:
        recovery = long_date(readiness.recovery_date)
        if readiness.recovery_date < view.day:  # a date gone by says so
            recovery += f" ({days_ago(readiness.recovery_date, view.day)})"
    short = f"{READY_QUESTION} {readiness.sentence}"
    return ReadinessText(
        ready=readiness.ready,
        answer=readiness.answer,
        sentence=readiness.sentence,
        reasons=readiness.reasons,
        recovery_date=recovery,
        short=short,
    )


def present_day(view: DayView) -> DayText:
    return DayText(
        date=long_date(view.day),
        headline=headline(view),
        readiness=readiness_text(view),
        alarms=tuple(alarm.message for alarm in view.alarms),
        tasks=tuple(
            TaskLine(
                t.id,
                t.title,
                t.today or t.why,
                view.progress.get(t.id, 0),
                t.target,
                t.routine,
                t.auto,
            )
            for t in view.plan.tasks
        ),
        notes=tuple(text for _, text in view.plan.notes),
        done=view.done,
        total=view.total,
        has_runs=view.has_runs,
    )


def refuel_text(seconds_left: float) -> str:
    """The run-day refuel line while the 30-minute window is open."""
    return (
        f"Refuel window: {clock_text(seconds_left)} left to eat carbohydrate + protein."
        " Keep drinking: water comes first in your list."
    )


def day_as_text(view: DayView) -> str:
    """``recovery-tui today``: the same words as the Today screen, as plain lines."""
    day = present_day(view)
    lines = [day.date]
    if day.headline:
        lines.append("".join(text for text, _ in day.headline))
    else:
        lines.append("No run logged yet: recovery-tui log-run --distance-km 21.1 --kind race")
    lines.extend(f"! {message}" for message in day.alarms)
    ready = day.readiness
    lines.append(f"{READY_QUESTION} {ready.sentence}")
    lines.extend(f"  - {reason}" for reason in ready.reasons)
    if ready.recovery_date:
        lines.append(f"Usual full recovery: {ready.recovery_date}")
    lines.append("")
    lines.append(f"Tasks {day.done}/{day.total}")
    for task in day.tasks:
        mark = "x" if task.done else " "
        counter = f" {task.count}/{task.target}" if task.counted else ""
        lines.append(f"  [{mark}] {task.title}{counter}")
        lines.append(f"      {task.why}")
    if day.notes:
        lines.append("")
        lines.extend(f"* {note}" for note in day.notes)
    return "\n".join(lines)


def day_as_json(view: DayView) -> dict[str, object]:
    """``recovery-tui today --json``."""
    plan = view.plan
    readiness = view.readiness
    return {
        "date": view.day.isoformat(),
        "phase": plan.phase.value,
        "day_index": plan.day_index,
        "window_days": plan.window_days,
        "flagged": plan.flagged,
        "return_step": plan.return_step,
        "run": plan.run.to_dict() if plan.run else None,
        "recovery_date": readiness.recovery_date.isoformat() if readiness.recovery_date else None,
        "ready_date": readiness.ready_date.isoformat() if readiness.ready_date else None,
        "ready_for_easy_run": readiness.ready,
        "readiness": readiness.sentence,
        "readiness_reasons": list(readiness.reasons),
        "alarms": [
            {"kind": a.kind.value, "guide": a.guide, "message": a.message} for a in view.alarms
        ],
        "tasks_done": view.done,
        "tasks_total": view.total,
        "tasks": [
            {
                "id": t.id,
                "title": t.title,
                "why": t.today or t.why,
                "target": t.target,
                "count": view.progress.get(t.id, 0),
                "done": view.progress.get(t.id, 0) >= t.target,
            }
            for t in plan.tasks
        ],
        "notes": [{"guide": guide, "text": text} for guide, text in plan.notes],
        "checkin": view.checkin.to_dict() if view.checkin else None,
    }

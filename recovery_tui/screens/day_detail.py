"""One past day in full: its check-in, each session with its steps, and the tasks."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from recovery_tui.domain.formats import clock_text, long_date, minutes_text
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS, CheckIn, SessionRecord, Side
from recovery_tui.domain.window import run_label
from recovery_tui.paths import style
from recovery_tui.widgets.history_trends import STAND_MARKS

AREAS_PER_LINE = 3


def headline(day: DaySummary) -> str:
    plan = day.plan
    if plan.run is not None and day.recovery_day is not None:
        label = run_label(plan.run)
        where = f"day {day.recovery_day} of {day.window_days} after your {label}"
        return f"{long_date(day.date)}  ·  {where}"
    return f"{long_date(day.date)}  ·  no recovery window"


def checkin_text(checkin: CheckIn | None) -> Text:
    text = Text()
    text.append("Check-in\n", style="bold")
    if checkin is None:
        text.append("  No check-in that day.\n", style="dim")
        return text
    cells = [f"{a.label} {checkin.soreness.get(a, '-')}".ljust(16) for a in AREAS]
    for start in range(0, len(cells), AREAS_PER_LINE):
        text.append("  " + "".join(cells[start : start + AREAS_PER_LINE]).rstrip() + "\n")
    parts = [
        f"energy {checkin.energy}/10" if checkin.energy is not None else "energy -",
        f"sleep {checkin.sleep_hours:g} h" if checkin.sleep_hours is not None else "sleep -",
        f"cups {checkin.cups}" if checkin.cups is not None else "cups -",
    ]
    text.append("  " + "   ".join(parts) + "\n")
    stand = "   ".join(
        f"{side.value} {STAND_MARKS[checkin.stand.get(side)]} "
        f"{checkin.stand[side].value if side in checkin.stand else 'not checked'}"
        for side in Side
    )
    text.append(f"  single-leg stand: {stand}\n")
    if checkin.red_flags:
        flags = ", ".join(sorted(f.label for f in checkin.red_flags))
        text.append(f"  ! red flags: {flags}\n", style="bold")
    else:
        text.append("  red flags: none\n")
    if checkin.note.strip():
        text.append(f"  * note: {checkin.note.strip()}\n")
    return text


def session_text(session: SessionRecord) -> Text:
    text = Text()
    text.append(f"  {session.routine_name}", style="bold")
    text.append(
        f"  {session.status.value}, {clock_text(session.actual_seconds)} of "
        f"{clock_text(session.planned_seconds)}\n"
    )
    if len(session.steps) == 1 and session.steps[0].name == session.routine_name:
        return text  # a one-step session (a walk): the step would repeat the line above
    for step in session.steps:
        side = f" ({step.side.value})" if step.side else ""
        skipped = "  skipped" if step.skipped else ""
        text.append(
            f"    · {step.name}{side}  {clock_text(step.actual_seconds)} of "
            f"{clock_text(step.planned_seconds)}{skipped}\n"
        )
    return text


def sessions_text(day: DaySummary) -> Text:
    text = Text()
    text.append("Sessions", style="bold")
    text.append(
        f"  walks {day.walks} · {minutes_text(day.walk_minutes)} min   "
        f"stretch {minutes_text(day.stretch_minutes)} min\n"
    )
    if not day.sessions:
        text.append("  No timed sessions.\n", style="dim")
    for session in day.sessions:
        text.append_text(session_text(session))
    return text


def tasks_text(day: DaySummary) -> Text:
    text = Text()
    text.append("Tasks", style="bold")
    text.append(f"  {day.tasks_done}/{day.tasks_total} done\n")
    for task in day.plan.tasks:
        count = day.progress.get(task.id, 0)
        mark = "[x]" if count >= task.target else "[ ]"
        counted = f"  {count}/{task.target} {task.unit}" if task.counted else ""
        text.append(f"  {mark} {task.title}{counted}\n")
    return text


class DayDetailScreen(ModalScreen[None]):
    CSS_PATH: ClassVar = [style("history.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close"),
    ]

    def __init__(self, day: DaySummary) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        day = self.day
        with Vertical(id="day-detail", classes="dialog"):
            yield Static(headline(day), classes="dialog-title", id="day-detail-title")
            with VerticalScroll(id="day-detail-body"):
                yield Static(checkin_text(day.checkin), id="day-checkin")
                yield Static(sessions_text(day), id="day-sessions")
                yield Static(tasks_text(day), id="day-tasks")
            yield Static("esc to close", id="day-detail-hint")

    def action_close(self) -> None:
        self.dismiss(None)

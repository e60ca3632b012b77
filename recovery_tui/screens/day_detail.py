"""One past day in full: its check-in, each session with what each step came to, and the
tasks.

Sessions say plainly whether they were completed or stopped, with the time really spent,
and mark each step side ✓ done, ◐ partly done or ↷ skipped (``domain.session_rules``).
Notes, routine and step names are the user's or a file's text: cleaned of control
characters and shown as text, never read as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from recovery_tui.domain.formats import clock_text, long_date, minutes_text
from recovery_tui.domain.history.columns import count_text
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS, CheckIn, SessionRecord, SessionStatus, Side
from recovery_tui.domain.session_rules import outcomes_by_step, step_outcome, tally_text
from recovery_tui.domain.text import one_line, plain
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label
from recovery_tui.paths import style
from recovery_tui.widgets.history_trends import STAND_MARKS

AREAS_PER_LINE = 3
Parts = list[str | tuple[str, str] | Content]

# How a session ended, in words.
ENDINGS: dict[SessionStatus, str] = {
    SessionStatus.COMPLETED: "completed",
    SessionStatus.STOPPED: "stopped",
    SessionStatus.RUNNING: "not finished (the app closed during it)",
    SessionStatus.DISCARDED: "discarded",
}
BEFORE_FIRST = "Before your first record: nothing was asked of you yet."


def headline(day: DaySummary, unit: DistanceUnit = DistanceUnit.KM) -> Content:
    plan = day.plan
    if plan.run is not None and day.recovery_day is not None:
        where = (
            f"day {day.recovery_day} of {day.window_days} after your {run_label(plan.run, unit)}"
        )
        return Content(f"{long_date(day.date)}  ·  {one_line(where)}")
    return Content(f"{long_date(day.date)}  ·  no recovery window")


def checkin_text(checkin: CheckIn | None, cups: int | None) -> Content:
    """``cups`` is the day's one water number (the counter), which the check-in's own
    field no longer follows once the counter moves; None when not entered."""
    parts: Parts = [("Check-in\n", "bold")]
    if checkin is None:
        parts.append(("  No check-in that day.\n", "dim"))
        return Content.assemble(*parts)
    cells = [f"{a.label} {checkin.soreness.get(a, '-')}".ljust(16) for a in AREAS]
    for start in range(0, len(cells), AREAS_PER_LINE):
        parts.append("  " + "".join(cells[start : start + AREAS_PER_LINE]).rstrip() + "\n")
    values = [
        f"energy {checkin.energy}/10" if checkin.energy is not None else "energy -",
        f"sleep {checkin.sleep_hours:g} h" if checkin.sleep_hours is not None else "sleep -",
        f"cups {count_text(cups)}",
    ]
    parts.append("  " + "   ".join(values) + "\n")
    stand = "   ".join(
        f"{side.value} {STAND_MARKS[checkin.stand.get(side)]} "
        f"{checkin.stand[side].value if side in checkin.stand else 'not checked'}"
        for side in Side
    )
    parts.append(f"  single-leg stand: {stand}\n")
    if checkin.red_flags:
        flags = ", ".join(sorted(f.label for f in checkin.red_flags))
        parts.append((f"  ! red flags: {flags}\n", "bold"))
    else:
        parts.append("  red flags: none\n")
    note = plain(checkin.note).strip()
    if note:
        parts += ["  * note: ", Content(note), "\n"]
    return Content.assemble(*parts)


def tally(session: SessionRecord) -> str:
    """Per step, as the session's end summary counts them (a step done on one side and
    skipped on the other is partly done): the same numbers on both screens."""
    return tally_text(outcome for _, outcome in outcomes_by_step(session))


def session_text(session: SessionRecord) -> Content:
    name = one_line(session.routine_name)
    parts: Parts = [
        "  ",
        (name, "bold"),
        f"  {ENDINGS[session.status]}: {clock_text(session.actual_seconds)} done of "
        f"{clock_text(session.planned_seconds)} planned\n",
    ]
    if len(session.steps) == 1 and session.steps[0].name == session.routine_name:
        return Content.assemble(*parts)  # a one-step session (a walk): nothing to add
    if session.steps:
        parts.append((f"    {tally(session)}\n", "dim"))
    for step in session.steps:
        outcome = step_outcome(step)
        side = f" ({step.side.value})" if step.side else ""
        parts += [
            f"    {outcome.mark} ",
            Content(one_line(step.name) + side),
            f"  {clock_text(step.actual_seconds)} of {clock_text(step.planned_seconds)}"
            f"  {outcome.label}\n",
        ]
    return Content.assemble(*parts)


def sessions_text(day: DaySummary) -> Content:
    parts: Parts = [
        ("Sessions", "bold"),
        f"  walks {day.walks} · {minutes_text(day.walk_minutes)} min   "
        f"stretch {minutes_text(day.stretch_minutes)} min\n",
    ]
    if not day.sessions:
        parts.append(("  No timed sessions.\n", "dim"))
    parts += [session_text(session) for session in day.sessions]
    return Content.assemble(*parts)


def tasks_text(day: DaySummary) -> Content:
    if day.before_first:
        return Content.assemble(("Tasks\n", "bold"), (f"  {BEFORE_FIRST}\n", "dim"))
    parts: Parts = [("Tasks", "bold"), f"  {day.tasks_done}/{day.tasks_total} done\n"]
    for task in day.plan.tasks:
        count = day.progress.get(task.id, 0)
        mark = "[x]" if count >= task.target else "[ ]"
        counted = f"  {count}/{task.target} {task.unit}" if task.counted else ""
        parts.append(f"  {mark} {task.title}{counted}\n")
    return Content.assemble(*parts)


class DayDetailScreen(ModalScreen[None]):
    CSS_PATH: ClassVar = [style("history.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close"),
    ]

    def __init__(self, day: DaySummary, unit: DistanceUnit = DistanceUnit.KM) -> None:
        super().__init__()
        self.day = day
        self.unit = unit

    def compose(self) -> ComposeResult:
        day = self.day
        with Vertical(id="day-detail", classes="dialog"):
            yield Static(headline(day, self.unit), classes="dialog-title", id="day-detail-title")
            with VerticalScroll(id="day-detail-body"):
                yield Static(checkin_text(day.checkin, day.cups), id="day-checkin")
                yield Static(sessions_text(day), id="day-sessions")
                yield Static(tasks_text(day), id="day-tasks")
            yield Static("esc to close", id="day-detail-hint")

    def action_close(self) -> None:
        self.dismiss(None)

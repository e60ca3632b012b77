"""Asked at start-up when a session was interrupted: carry on with it, or discard it."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from recovery_tui.domain.formats import clock_text, long_date
from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.routines import Routine
from recovery_tui.domain.text import one_line
from recovery_tui.paths import style
from recovery_tui.screens.chrome import quitting

Choice = Literal["resume", "discard"]
CANNOT_RESUME = "Its routine can no longer be found, so it cannot be resumed."


def describe(record: SessionRecord, routine: Routine | None) -> str:
    """A few lines on how far the session got and where it would carry on. Names come
    from files and records: cleaned, and shown as text."""
    text = (
        f"{session_name(record)}, {long_date(record.day)}: "
        f"{clock_text(record.actual_seconds)} of {clock_text(record.planned_seconds)} done."
    )
    if routine is None:
        return f"{text}\n{CANNOT_RESUME}"
    steps = routine.steps
    position = max(0, min(record.position, len(steps) - 1))
    return (
        f"{text}\nResume starts again at step {position + 1} of {len(steps)}: "
        f"{one_line(steps[position].name)}."
    )


def describe_plainly(record: SessionRecord) -> str:
    """What is sure of a session that could not be described in full (see ``offer``)."""
    return (
        f"{session_name(record)}, {record.day.isoformat()}. It cannot be shown in full "
        "here, so it cannot be resumed: discard it, or decide later."
    )


def session_name(record: SessionRecord) -> str:
    return one_line(record.routine_name) or "A session"


class ResumeScreen(ModalScreen[Choice | None]):
    """Dismissed with "resume", "discard", or None (decide later: asked again next start).

    The words are worked out when the screen is built, not when it is drawn, so a session
    that cannot be described fails where the app can still offer it plainly (``plainly``:
    no routine, only discard or later)."""

    CSS_PATH: ClassVar = [style("session.tcss")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Later"),
    ]

    def __init__(
        self, record: SessionRecord, routine: Routine | None, *, plainly: bool = False
    ) -> None:
        super().__init__()
        self.record = record
        self.routine = None if plainly else routine
        self.text = describe_plainly(record) if plainly else describe(record, routine)

    def compose(self) -> ComposeResult:
        with Vertical(id="resume-dialog", classes="dialog"):
            yield Static("An unfinished session", classes="dialog-title")
            yield Static(Content(self.text), id="resume-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Later", id="later")
                yield Button("Discard", id="discard", variant="error")
                yield Button(
                    "Resume", id="resume", variant="primary", disabled=self.routine is None
                )

    def on_mount(self) -> None:
        if quitting(self):
            return
        target = "#discard" if self.routine is None else "#resume"
        self.query_one(target, Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "resume":
            self.action_resume()
        elif event.button.id == "discard":
            self.dismiss("discard")
        else:
            self.dismiss(None)

    def action_resume(self) -> None:
        if self.routine is not None:
            self.dismiss("resume")

    def action_later(self) -> None:
        self.dismiss(None)

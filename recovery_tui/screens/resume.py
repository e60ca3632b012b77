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
from recovery_tui.paths import style

Choice = Literal["resume", "discard"]


def describe(record: SessionRecord, routine: Routine | None) -> str:
    """A few lines on how far the session got and where it would carry on."""
    text = (
        f"{record.routine_name}, {long_date(record.day)}: "
        f"{clock_text(record.actual_seconds)} of {clock_text(record.planned_seconds)} done."
    )
    if routine is None:
        return f"{text}\nIts routine can no longer be found, so it cannot be resumed."
    position = min(record.position, len(routine.steps) - 1)
    return (
        f"{text}\nResume starts again at step {position + 1} of {len(routine.steps)}: "
        f"{routine.steps[position].name}."
    )


class ResumeScreen(ModalScreen[Choice | None]):
    """Dismissed with "resume", "discard", or None (decide later: asked again next start)."""

    CSS_PATH: ClassVar = [style("session.tcss")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Later"),
    ]

    def __init__(self, record: SessionRecord, routine: Routine | None) -> None:
        super().__init__()
        self.record = record
        self.routine = routine

    def compose(self) -> ComposeResult:
        with Vertical(id="resume-dialog", classes="dialog"):
            yield Static("An unfinished session", classes="dialog-title")
            yield Static(Content(describe(self.record, self.routine)), id="resume-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Later", id="later")
                yield Button("Discard", id="discard", variant="error")
                yield Button(
                    "Resume", id="resume", variant="primary", disabled=self.routine is None
                )

    def on_mount(self) -> None:
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

"""Asked at start-up when a session was interrupted: carry on with it, or discard it."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.phrases import long_date
from recovery_tui.widgets.session_steps import clock_text

Choice = Literal["resume", "discard"]


def describe(record: SessionRecord, step_count: int | None) -> str:
    """One paragraph on where the session stopped."""
    done = sum(1 for step in record.steps if not step.skipped)
    where = (
        f"It stopped at step {record.position + 1} of {step_count}"
        if step_count
        else "Its routine can no longer be found, so it cannot be resumed"
    )
    return (
        f"{record.routine_name}, {long_date(record.day)}: "
        f"{clock_text(record.actual_seconds)} of {clock_text(record.planned_seconds)} done, "
        f"{done} step{'s' if done != 1 else ''} or sides finished.\n{where}."
    )


class ResumeScreen(ModalScreen[Choice | None]):
    """Dismissed with "resume", "discard", or None (decide later: asked again next start)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Later"),
    ]

    def __init__(self, record: SessionRecord, step_count: int | None) -> None:
        super().__init__()
        self.record = record
        self.step_count = step_count

    def compose(self) -> ComposeResult:
        with Vertical(id="resume-dialog", classes="dialog"):
            yield Static("An unfinished session", classes="dialog-title")
            yield Static(describe(self.record, self.step_count), id="resume-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Later", id="later")
                yield Button("Discard", id="discard", variant="error")
                yield Button("Resume", id="resume", variant="primary", disabled=not self.step_count)

    def on_mount(self) -> None:
        target = "#resume" if self.step_count else "#discard"
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
        if self.step_count:
            self.dismiss("resume")

    def action_later(self) -> None:
        self.dismiss(None)

"""How long a walk: asked before a walk started with `w` (the command line gives it)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from recovery_tui.paths import style
from recovery_tui.screens.chrome import quitting
from recovery_tui.widgets.session_walk_choice import WalkChoice


class WalkLengthScreen(ModalScreen[int | None]):
    """Dismissed with the minutes chosen, or None."""

    CSS_PATH: ClassVar = [style("session.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, hint: str | None = None) -> None:
        """``hint``: what today's plan says of walking; None gives the usual advice."""
        super().__init__()
        self._hint = hint

    def compose(self) -> ComposeResult:
        if self._hint is None:
            yield WalkChoice(id="walk-choice", classes="dialog")
        else:
            yield WalkChoice(self._hint, id="walk-choice", classes="dialog")

    def on_mount(self) -> None:
        if not quitting(self):
            self.query_one(WalkChoice).focus_default()

    @on(WalkChoice.Chosen)
    def _chosen(self, message: WalkChoice.Chosen) -> None:
        self.dismiss(message.minutes)

    def action_cancel(self) -> None:
        self.dismiss(None)

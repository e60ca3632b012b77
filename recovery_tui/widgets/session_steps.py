"""The list of a routine's steps beside the timer, with the one in progress marked."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from recovery_tui.domain.formats import length_text
from recovery_tui.domain.routines import Routine

CURRENT = "▶"
DONE = "✓"
AHEAD = " "


class StepList(Static):
    """One line per step: a mark (▶ now, ✓ behind), the name and its length.

    The mark is text, not only colour, so it reads on any theme and in a screen reader."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._routine: Routine | None = None
        self._shown: int | None = None

    @property
    def routine(self) -> Routine | None:
        return self._routine

    @routine.setter
    def routine(self, routine: Routine) -> None:
        self._routine = routine
        self._shown = None

    def show_position(self, position: int) -> None:
        """Mark step ``position`` (``len(steps)`` when the session is over)."""
        if self._routine is None or position == self._shown:
            return
        self._shown = position
        text = Text()
        for i, step in enumerate(self._routine.steps):
            if i:
                text.append("\n")
            if i < position:
                text.append(f"{DONE} {step.name}", style="dim")
            elif i == position:
                text.append(f"{CURRENT} {step.name}", style="bold")
            else:
                text.append(f"{AHEAD} {step.name}")
            text.append(
                f"  {length_text(step.seconds) + (' ×2' if step.sides else '')}", style="dim"
            )
        self.update(text)

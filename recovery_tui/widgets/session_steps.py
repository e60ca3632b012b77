"""The list of a routine's steps beside the timer: the one in progress marked, the steps
the adaptive session changed marked, and at the end what each step came to."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from recovery_tui.domain.formats import length_text
from recovery_tui.domain.routines import Routine, Step
from recovery_tui.domain.session_rules import StepOutcome
from recovery_tui.domain.text import one_line

CURRENT = "▶"
DONE = "✓"
AHEAD = " "
ADAPTED = "*"


def compact_length(step: Step) -> str:
    """A step's length in a narrow column: "3×30s L/R", "2:00", "45s L/R"."""
    hold = f"{step.seconds}s" if step.seconds < 60 else length_text(step.seconds)
    length = f"{step.reps}×{hold}" if step.reps > 1 else hold
    return f"{length} L/R" if step.sides else length


class StepList(Static):
    """One line per step: a mark (▶ now; ✓ ◐ ↷ for what a step behind came to), the name and its
    length. Marks are text, not only colour, so they read on any theme and aloud."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._routine: Routine | None = None
        self._shown: tuple[int, tuple[StepOutcome, ...]] | None = None

    @property
    def routine(self) -> Routine | None:
        return self._routine

    @routine.setter
    def routine(self, routine: Routine) -> None:
        self._routine = routine
        self._shown = None

    def show_position(self, position: int, behind: tuple[StepOutcome, ...] = ()) -> None:
        """Mark step ``position`` (``len(steps)`` when the session is over), and the steps
        before it by what they came to (``behind``; done where not given)."""
        if self._routine is None or (position, behind) == self._shown:
            return
        self._shown = (position, behind)
        marks = [
            (behind[i].mark if i < len(behind) else DONE)
            if i < position
            else CURRENT
            if i == position
            else AHEAD
            for i in range(len(self._routine.steps))
        ]
        self._draw(marks, position)

    def show_outcomes(self, outcomes: list[StepOutcome]) -> None:
        """At the end: each step's outcome (``session_rules.outcomes_per_step``)."""
        if self._routine is None:
            return
        self._shown = None
        self._draw([outcome.mark for outcome in outcomes], None)

    def _draw(self, marks: list[str], current: int | None) -> None:
        assert self._routine is not None
        parts: list[str | tuple[str, str]] = []
        for i, (step, mark) in enumerate(zip(self._routine.steps, marks, strict=True)):
            if i:
                parts.append("\n")
            style = "bold" if i == current else "dim" if current is not None and i < current else ""
            adapted = f" {ADAPTED}" if step.adapted else ""
            parts.append((f"{mark} {one_line(step.name)}{adapted}", style))
            parts.append((f"  {compact_length(step)}", "dim"))
        if any(step.sides for step in self._routine.steps):
            parts.append(("\n\nL/R: left, then right", "dim italic"))
        if self._routine.adapted:
            parts.append((f"\n{ADAPTED} changed for today", "dim italic"))
        self.update(Content.assemble(*parts))

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
    """One line per step: a mark (▶ now, ✓ behind; ✓ ◐ ↷ once over), the name and its
    length. Marks are text, not only colour, so they read on any theme and aloud."""

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
        marks = [
            DONE if i < position else CURRENT if i == position else AHEAD
            for i in range(len(self._routine.steps))
        ]
        self._draw(marks, position)

    def show_outcomes(self, outcomes: list[tuple[str, StepOutcome]]) -> None:
        """At the end: each step's outcome, matched in order by name (``outcomes_by_step``);
        a step with no record was never reached and counts as skipped."""
        if self._routine is None:
            return
        self._shown = None
        marks, next_one = [], 0
        for step in self._routine.steps:
            if next_one < len(outcomes) and outcomes[next_one][0] == step.name:
                marks.append(outcomes[next_one][1].mark)
                next_one += 1
            else:
                marks.append(StepOutcome.SKIPPED.mark)
        self._draw(marks, None)

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
        parts.append(("\n\nL/R: left, then right", "dim italic"))
        if self._routine.adapted:
            parts.append((f"\n{ADAPTED} changed for today", "dim italic"))
        self.update(Content.assemble(*parts))

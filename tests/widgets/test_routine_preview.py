"""The routine picker's preview counts its steps in words that agree with the number."""

from __future__ import annotations

from dataclasses import replace

from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.services.routine_choices import RoutineChoice
from recovery_tui.widgets.routine_list import preview


def choice_of(steps: int) -> RoutineChoice:
    routine = stretch_30()
    routine = replace(routine, steps=routine.steps[:steps])
    return RoutineChoice(routine.id, routine.name, "1:00", "", "built-in", routine)


def test_one_step_is_one_step_and_two_are_steps() -> None:
    one = str(preview(choice_of(1)))
    assert "\n1 step\n" in one and "1 steps" not in one
    assert "\n2 steps\n" in str(preview(choice_of(2)))

"""Built-in routines: lengths, how-to lines and the areas the 30-minute stretch covers."""

from __future__ import annotations

import pytest

from recovery_tui.domain.models import Area
from recovery_tui.domain.routines import (
    STRETCH_30_SECONDS,
    SWITCH_SECONDS,
    Routine,
    Step,
    builtin_routines,
    find_builtin,
    stretch_30,
    walk_routine,
)

REQUIRED_STRETCH_AREAS = {
    Area.CALVES,
    Area.HAMSTRINGS,
    Area.QUADRICEPS,
    Area.HIPS,
    Area.GLUTES,
    Area.ADDUCTORS,
    Area.LOWER_BACK,
    Area.ANKLES,
}


def test_stretch_30_lasts_exactly_thirty_minutes() -> None:
    assert stretch_30().total_seconds == STRETCH_30_SECONDS == 1800


def test_stretch_30_has_eight_stretches_covering_the_required_areas() -> None:
    routine = stretch_30()
    assert len(routine.steps) >= 8
    assert set(routine.areas) >= REQUIRED_STRETCH_AREAS
    assert routine.kind == "stretch"


def test_stretch_30_works_both_sides_of_one_sided_stretches() -> None:
    sided = {s.name for s in stretch_30().steps if s.sides}
    assert {"Wall calf stretch", "Seated hamstring reach", "Standing quad stretch"} <= sided


def test_every_builtin_step_has_a_one_line_how_to() -> None:
    for routine in builtin_routines():
        for step in routine.steps:
            assert step.how.strip(), f"{routine.id}: {step.name} has no how-to"
            assert "\n" not in step.how
            assert len(step.how) <= 100


def test_builtin_ids_are_unique_and_expected() -> None:
    ids = [r.id for r in builtin_routines()]
    assert len(ids) == len(set(ids))
    assert {"walk-10", "walk-12", "walk-15", "stretch-30", "cooldown-10", "self-massage"} <= set(
        ids
    )
    assert "contrast" in ids


def test_cooldown_lasts_ten_minutes() -> None:
    assert find_builtin("cooldown-10").total_seconds == 600


def test_self_massage_covers_ankles_knees_lower_back() -> None:
    assert set(find_builtin("self-massage").areas) == {Area.ANKLES, Area.KNEES, Area.LOWER_BACK}


def test_contrast_alternates_ice_and_heat() -> None:
    names = [s.name for s in find_builtin("contrast").steps]
    assert names == ["Ice", "Heat"] * 3


@pytest.mark.parametrize("minutes", [1, 5, 6, 10, 12, 15, 42])
def test_walk_lasts_the_minutes_asked(minutes: int) -> None:
    routine = walk_routine(minutes)
    assert routine.total_seconds == minutes * 60
    assert routine.id == f"walk-{minutes}"
    assert routine.kind == "walk"


def test_walk_starts_and_ends_easy() -> None:
    steps = walk_routine(12).steps
    assert "easy" in steps[0].name.lower() and "easy" in steps[-1].name.lower()


@pytest.mark.parametrize("minutes", [0, -3, 181])
def test_walk_refuses_silly_lengths(minutes: int) -> None:
    with pytest.raises(ValueError):
        walk_routine(minutes)


def test_sided_step_counts_both_sides_and_the_switch() -> None:
    routine = Routine("x", "X", "routine", (Step("a", 30, sides=True), Step("b", 10)))
    assert routine.total_seconds == 30 + SWITCH_SECONDS + 30 + 10


def test_step_must_last_at_least_a_second() -> None:
    with pytest.raises(ValueError):
        Step("zero", 0)


def test_routine_needs_steps_and_a_known_kind() -> None:
    with pytest.raises(ValueError):
        Routine("x", "X", "routine", ())
    with pytest.raises(ValueError):
        Routine("x", "X", "dance", (Step("a", 1),))


def test_find_builtin_gives_custom_walks_and_nothing_for_unknown_ids() -> None:
    assert find_builtin("walk-20").total_seconds == 1200
    assert find_builtin("walk-020") is None
    assert find_builtin("walk-0") is None
    assert find_builtin("nope") is None

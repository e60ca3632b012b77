"""Built-in routines: lengths, how-to lines and the areas the 30-minute stretch covers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recovery_tui.domain.models import Area
from recovery_tui.domain.routine_library import (
    builtin_routines,
    contrast_therapy,
    find_builtin,
    stretch_30,
)
from recovery_tui.domain.routines import (
    JOINT_AREAS,
    MUSCLE_AREAS,
    STRETCH_30_SECONDS,
    STRETCH_CUE,
    SWITCH_SECONDS,
    WARM_UP_ID,
    Routine,
    Step,
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
    assert sum(1 for s in routine.steps if s.static) >= 8
    assert set(routine.areas) >= REQUIRED_STRETCH_AREAS
    assert routine.kind == "stretch"


def test_stretch_30_works_both_sides_of_one_sided_stretches() -> None:
    sided = {s.name for s in stretch_30().steps if s.sides}
    assert {"Wall calf stretch", "Seated hamstring reach", "Standing quad stretch"} <= sided


def test_static_stretches_are_repeated_holds_of_about_thirty_seconds() -> None:
    for routine in (stretch_30(), find_builtin("cooldown-10")):
        for step in routine.steps:
            if step.static:
                assert 20 <= step.seconds <= 30, step.name
                assert 0 < step.release <= 10, step.name
                assert step.how.endswith(STRETCH_CUE), step.name
    for step in stretch_30().steps:
        if step.static:
            assert 3 <= step.reps <= 4, step.name


def test_stretch_30_has_a_bent_knee_calf_stretch_and_a_gluteus_medius_exercise() -> None:
    guides = {s.guide: s for s in stretch_30().steps}
    soleus = guides["step.stretch.soleus"]
    assert "knee bent" in soleus.how and soleus.sides and Area.CALVES in soleus.areas
    glute_med = guides["step.exercise.glute_med"]
    assert glute_med.sides and Area.GLUTES in glute_med.areas and not glute_med.static


def test_every_stretch_30_step_with_a_joint_has_a_gentler_variant() -> None:
    for step in stretch_30().steps:
        if set(step.areas) & JOINT_AREAS:
            assert step.gentle and step.gentle != step.how, step.name


def test_every_builtin_step_has_a_one_line_how_to_and_a_guidance_entry() -> None:
    for routine in builtin_routines():
        for step in routine.steps:
            assert step.how.strip(), f"{routine.id}: {step.name} has no how-to"
            for text in (step.how, step.gentle):
                assert "\n" not in text
                assert len(text) <= 120, f"{routine.id}: {step.name}"
            assert step.guide.startswith("step."), f"{routine.id}: {step.name}"


def test_builtin_ids_are_unique_and_expected() -> None:
    ids = [r.id for r in builtin_routines()]
    assert len(ids) == len(set(ids))
    assert {
        "walk-10",
        "walk-12",
        "walk-15",
        "stretch-30",
        "cooldown-10",
        "self-massage",
        "contrast",
        "warm-up-5",
    } <= set(ids)


def test_cooldown_lasts_ten_minutes_with_calves_hamstrings_and_quads() -> None:
    cooldown = find_builtin("cooldown-10")
    assert cooldown.total_seconds == 600
    assert {Area.CALVES, Area.HAMSTRINGS, Area.QUADRICEPS} <= set(cooldown.areas)


def test_self_massage_covers_ankles_knees_lower_back() -> None:
    assert set(find_builtin("self-massage").areas) == {Area.ANKLES, Area.KNEES, Area.LOWER_BACK}


def test_contrast_is_longer_heat_than_cold_in_rounds_ending_on_cold() -> None:
    steps = find_builtin("contrast").steps
    assert [s.name for s in steps] == ["Heat", "Cold"] * 3
    heat, cold = steps[0], steps[1]
    assert heat.seconds >= 3 * cold.seconds
    assert steps[-1].name == "Cold"
    assert "never ice on bare skin" in cold.how
    assert [s.name for s in contrast_therapy(4).steps] == ["Heat", "Cold"] * 4


def test_warm_up_is_five_minutes_of_easy_movement_then_dynamic_moves() -> None:
    warm_up = find_builtin(WARM_UP_ID)
    assert warm_up.id == "warm-up-5"
    assert warm_up.total_seconds == 300
    first, *moves = warm_up.steps
    assert "jog" in first.name.lower() and "walk" in first.name.lower()
    assert moves and not any(step.static for step in warm_up.steps)
    names = " ".join(step.name.lower() for step in moves)
    assert "leg swings" in names and "lunges" in names and "high knees" in names


def test_joints_and_muscles_split_the_areas() -> None:
    assert {Area.ANKLES, Area.KNEES, Area.HIPS, Area.LOWER_BACK} == JOINT_AREAS
    assert set(Area) == JOINT_AREAS | MUSCLE_AREAS
    assert not JOINT_AREAS & MUSCLE_AREAS


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


def test_repeated_holds_count_the_releases_between_them_on_each_side() -> None:
    step = Step("a", 30, sides=True, reps=3, release=5)
    assert step.side_seconds == 3 * 30 + 2 * 5
    assert step.total_seconds == 2 * step.side_seconds + SWITCH_SECONDS
    assert Step("b", 30, reps=2, release=0).total_seconds == 60
    assert Step("c", 30, reps=1, release=10).total_seconds == 30


def test_length_text_says_holds_and_sides() -> None:
    assert Step("a", 30, sides=True, reps=3).length_text == "3 × 0:30 a side"
    assert Step("b", 120).length_text == "2:00"
    assert Step("c", 45, sides=True).length_text == "0:45 a side"


def test_step_must_last_at_least_a_second() -> None:
    with pytest.raises(ValueError):
        Step("zero", 0)


@pytest.mark.parametrize(("reps", "release"), [(0, 5), (11, 5), (2, -1), (2, 61)])
def test_step_refuses_silly_holds_and_releases(reps: int, release: int) -> None:
    with pytest.raises(ValueError):
        Step("a", 30, reps=reps, release=release)


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


GUIDANCE = Path(__file__).resolve().parents[2] / "docs" / "guidance.md"


ENTRY_HEADING = re.compile(r"^#{3,4} `([a-z0-9_.]+)`.*$", flags=re.MULTILINE)


def guidance_entries() -> dict[str, str]:
    """Each entry of docs/guidance.md by its id: the text up to the next heading."""
    parts = ENTRY_HEADING.split(GUIDANCE.read_text(encoding="utf-8"))
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_each_guidance_id_has_one_entry() -> None:
    ids = ENTRY_HEADING.findall(GUIDANCE.read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_every_builtin_step_has_a_sourced_entry_in_the_guidance() -> None:
    entries = guidance_entries()
    guides = {step.guide for routine in builtin_routines() for step in routine.steps}
    missing = sorted(guides - set(entries))
    assert not missing, f"docs/guidance.md has no entry for {missing}"
    for guide in guides:
        assert "**Source:**" in entries[guide], f"{guide} names no source"


def test_the_timer_segments_have_entries_in_the_guidance() -> None:
    assert {"segment.release", "segment.switch"} <= set(guidance_entries())


def test_a_self_massage_of_any_areas_is_found_by_its_id_and_only_a_well_formed_one() -> None:
    from recovery_tui.domain.massage import self_massage

    for areas in ([Area.CALVES], [Area.QUADRICEPS, Area.HIPS, Area.LOWER_BACK]):
        routine = self_massage(areas)
        assert find_builtin(routine.id) == routine
        assert [s.areas for s in routine.steps] == [(a,) for a in areas]
    assert find_builtin("self-massage") == self_massage()
    for bad in (
        "self-massage-",
        "self-massage-calves-calves",
        "self-massage-shins",
        "self-massage-ankles-knees-lower_back",  # the usual one has its own id
        "self-massage-calves-knees-hips-glutes",
    ):
        assert find_builtin(bad) is None, bad


def test_every_area_has_a_massage_step_with_a_sourced_entry() -> None:
    from recovery_tui.domain.massage import STEPS

    entries = guidance_entries()
    assert set(STEPS) == set(Area)
    for step in STEPS.values():
        assert "**Source:**" in entries[step.guide], step.guide

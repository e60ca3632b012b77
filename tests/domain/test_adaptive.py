"""The 30-minute stretch adapted to soreness: always exactly 1800 s; sore muscles get more
holds (never longer ones), sore joints gentler work, unknown areas are not painless."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_tui.domain.adaptive import (
    ADAPTED_NAME,
    BREATHING_GUIDE,
    BREATHING_MIN,
    GENTLE_HOLD_SECONDS,
    JOINT_GENTLE,
    JOINT_SHORT,
    MAX_HOLDS,
    MIN_HOLDS,
    MUSCLE_MORE,
    adaptive_stretch,
    may_offer_adaptive,
)
from recovery_tui.domain.models import Area, CheckIn, RedFlag
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.routines import (
    JOINT_AREAS,
    MUSCLE_AREAS,
    STRETCH_30_SECONDS,
    Routine,
    Step,
)
from recovery_tui.domain.soreness import LOW_SORENESS
from recovery_tui.domain.text import one_line, plain

soreness_maps = st.dictionaries(st.sampled_from(list(Area)), st.integers(0, 10))


def checkin(soreness: dict[Area, int]) -> CheckIn:
    return CheckIn(
        day=date(2025, 5, 5),
        soreness=soreness,
        recorded_at="2025-05-05T07:00:00.000000Z",
        tz="Europe/Paris",
    )


def pairs(routine: Routine) -> list[tuple[Step, Step]]:
    return list(zip(routine.steps, stretch_30().steps, strict=True))


def step_named(routine: Routine, name: str) -> Step:
    return next(s for s in routine.steps if s.name == name)


def joints_loaded(step: Step, soreness: dict[Area, int], at_least: int) -> bool:
    return any(soreness.get(a, -1) >= at_least for a in step.areas if a in JOINT_AREAS)


def test_without_checkin_it_is_the_balanced_session() -> None:
    assert adaptive_stretch(None) == stretch_30()


def test_nothing_entered_gives_the_balanced_session() -> None:
    assert adaptive_stretch(checkin({})) == stretch_30()


def test_no_soreness_gives_the_balanced_session() -> None:
    assert adaptive_stretch(checkin({a: 0 for a in Area})) == stretch_30()


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_always_exactly_thirty_minutes_in_steps_of_five_seconds(
    soreness: dict[Area, int],
) -> None:
    routine = adaptive_stretch(checkin(soreness))
    assert routine.total_seconds == STRETCH_30_SECONDS
    for step in routine.steps:
        assert step.seconds % 5 == 0 and step.release % 5 == 0, step


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_no_hold_ever_grows(soreness: dict[Area, int]) -> None:
    for adapted, usual in pairs(adaptive_stretch(checkin(soreness))):
        if usual.guide != BREATHING_GUIDE:
            assert adapted.seconds <= usual.seconds


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_a_sore_joint_never_gets_more_work(soreness: dict[Area, int]) -> None:
    for adapted, usual in pairs(adaptive_stretch(checkin(soreness))):
        if joints_loaded(usual, soreness, JOINT_GENTLE):
            assert adapted.reps <= usual.reps
            assert adapted.side_seconds <= usual.side_seconds
            assert adapted.how == usual.gentle and adapted.adapted


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_holds_stay_within_their_limits(soreness: dict[Area, int]) -> None:
    for adapted, usual in pairs(adaptive_stretch(checkin(soreness))):
        assert 1 <= adapted.reps <= MAX_HOLDS
        if usual.guide == BREATHING_GUIDE:
            assert adapted.seconds >= BREATHING_MIN


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_a_stretch_gives_time_away_only_when_all_its_areas_are_entered_and_low(
    soreness: dict[Area, int],
) -> None:
    for adapted, usual in pairs(adaptive_stretch(checkin(soreness))):
        if adapted.reps < usual.reps and not joints_loaded(usual, soreness, JOINT_GENTLE):
            assert all(a in soreness and soreness[a] <= LOW_SORENESS for a in usual.areas)
            assert adapted.reps >= MIN_HOLDS


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_every_changed_step_is_marked_and_explained(soreness: dict[Area, int]) -> None:
    routine = adaptive_stretch(checkin(soreness))
    for adapted, usual in pairs(routine):
        assert adapted.adapted == (replace(adapted, adapted=False) != usual)
    if routine.adapted:
        assert routine.name == ADAPTED_NAME
        assert routine.reasons
        # Shown under the session title as plain text: one clean line each.
        assert all(one_line(plain(line)) == line for line in routine.reasons)
    else:
        assert routine == stretch_30()


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_the_one_line_summary_names_every_changed_stretch(soreness: dict[Area, int]) -> None:
    routine = adaptive_stretch(checkin(soreness))
    if not routine.adapted:
        assert routine.summary == ""
        return
    assert one_line(plain(routine.summary)) == routine.summary
    for adapted, _usual in pairs(routine):
        if adapted.adapted and adapted.guide != BREATHING_GUIDE:
            assert adapted.name[0].lower() + adapted.name[1:] in routine.summary
    # Shorter than the sentences it sums up, which the routine list keeps.
    assert len(routine.summary) < len("; ".join(routine.reasons))


def test_the_summary_says_what_changed_in_a_few_words() -> None:
    routine = adaptive_stretch(checkin({Area.GLUTES: 7, Area.KNEES: 9}))
    more, gentler, *rest = routine.summary.split(" · ")
    assert more.startswith("more holds: ") and "figure-four glute stretch" in more
    assert gentler == "gentler: standing quad stretch"
    assert rest[-1] == "7 areas not entered, kept as usual"


def test_a_sore_muscle_gets_more_holds_not_longer_ones() -> None:
    every = {a: 1 for a in Area} | {Area.GLUTES: 7}
    routine = adaptive_stretch(checkin(every))
    figure_four = step_named(routine, "Figure-four glute stretch")
    usual = step_named(stretch_30(), "Figure-four glute stretch")
    assert figure_four.reps > usual.reps
    assert figure_four.seconds == usual.seconds
    assert figure_four.adapted
    assert any(
        line.startswith("glutes 7/10: figure-four glute stretch gets") for line in routine.reasons
    )


def test_time_for_extra_holds_comes_from_entered_low_areas() -> None:
    every = {a: 0 for a in Area} | {Area.QUADRICEPS: 6}
    routine = adaptive_stretch(checkin(every))
    gave = [adapted.name for adapted, usual in pairs(routine) if adapted.reps < usual.reps]
    assert gave, "some stretch of a painless area gives a hold"
    for name in gave:
        assert any(name.lower() in line and "gives a hold" in line for line in routine.reasons)


def test_unknown_areas_give_no_time_away() -> None:
    # Only the glutes were entered: every other stretch keeps its holds, so the time for
    # the glutes' extra holds comes from the breathing, and not all of it can be found.
    routine = adaptive_stretch(checkin({Area.GLUTES: 7}))
    for adapted, usual in pairs(routine):
        if Area.GLUTES not in usual.areas and usual.guide != BREATHING_GUIDE:
            assert adapted == usual
    assert any(line.startswith("Not entered today: ") for line in routine.reasons)
    assert step_named(routine, "Figure-four glute stretch").reps > 3


def test_unknown_is_not_the_same_as_zero() -> None:
    only_quads = adaptive_stretch(checkin({Area.QUADRICEPS: 6}))
    every = adaptive_stretch(checkin({a: 0 for a in Area} | {Area.QUADRICEPS: 6}))
    calf = "Wall calf stretch"
    assert step_named(only_quads, calf).reps == step_named(stretch_30(), calf).reps
    assert step_named(every, calf).reps < step_named(stretch_30(), calf).reps


def test_a_very_sore_knee_gets_the_gentle_quad_stretch_with_fewer_shorter_holds() -> None:
    routine = adaptive_stretch(checkin({Area.KNEES: 9}))
    quad = step_named(routine, "Standing quad stretch")
    usual = step_named(stretch_30(), "Standing quad stretch")
    assert quad.how == usual.gentle
    assert quad.seconds == GENTLE_HOLD_SECONDS < usual.seconds
    assert quad.side_seconds < usual.side_seconds
    assert routine.reasons[0].startswith("knees 9/10: standing quad stretch done the gentler way")


def test_a_moderately_sore_joint_keeps_30_second_holds_but_goes_gentle() -> None:
    level = JOINT_GENTLE
    assert level < JOINT_SHORT
    routine = adaptive_stretch(checkin({Area.ANKLES: level}))
    calf = step_named(routine, "Wall calf stretch")
    assert calf.seconds == step_named(stretch_30(), "Wall calf stretch").seconds
    assert calf.how == step_named(stretch_30(), "Wall calf stretch").gentle


def test_a_sore_joint_wins_over_a_sore_muscle_in_the_same_stretch() -> None:
    routine = adaptive_stretch(checkin({Area.QUADRICEPS: 8, Area.KNEES: 5}))
    quad = step_named(routine, "Standing quad stretch")
    assert quad.reps <= step_named(stretch_30(), "Standing quad stretch").reps
    assert quad.how == step_named(stretch_30(), "Standing quad stretch").gentle


def test_mild_soreness_below_the_threshold_changes_nothing() -> None:
    routine = adaptive_stretch(checkin({a: MUSCLE_MORE - 1 for a in MUSCLE_AREAS}))
    assert routine == stretch_30()


def test_same_stretches_in_the_same_order_and_the_same_id() -> None:
    adapted = adaptive_stretch(checkin({Area.ANKLES: 9, Area.GLUTES: 4}))
    assert [s.name for s in adapted.steps] == [s.name for s in stretch_30().steps]
    assert adapted.id == stretch_30().id


def test_the_breathing_absorbs_freed_time_and_says_so() -> None:
    routine = adaptive_stretch(checkin({Area.KNEES: 9}))
    breathing = next(s for s in routine.steps if s.guide == BREATHING_GUIDE)
    assert (
        breathing.seconds
        > next(s for s in stretch_30().steps if s.guide == BREATHING_GUIDE).seconds
    )
    assert any(line.startswith("Slow breathing at the end lasts") for line in routine.reasons)


def test_offered_only_without_red_flags() -> None:
    assert may_offer_adaptive(frozenset())
    for flag in RedFlag:
        assert not may_offer_adaptive(frozenset({flag}))


def test_the_advice_to_enter_every_area_is_given_once() -> None:
    """Several sore stretches that found no free time each say so, and the way to free
    some (enter every area) follows once, not after each of them."""
    lines = adaptive_stretch(
        checkin({Area.QUADRICEPS: 8, Area.CALVES: 8, Area.HAMSTRINGS: 8, Area.GLUTES: 7})
    ).reasons
    wanting = [line for line in lines if "no time was free for more holds" in line]
    assert len(wanting) >= 3
    advice = [line for line in lines if "Entering every area" in line]
    assert len(advice) == 1
    assert lines.index(advice[0]) > max(lines.index(line) for line in wanting)
    assert sum("less sore stretches" in line for line in lines) == 1

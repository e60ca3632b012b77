"""The 30-minute stretch adapted to soreness: always exactly 1800 s, more for the sorest."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_tui.domain.adaptive import MAX_FACTOR, MIN_SECONDS, adaptive_stretch, share_seconds
from recovery_tui.domain.models import Area, CheckIn
from recovery_tui.domain.routines import STRETCH_30_SECONDS, Step, stretch_30

soreness_maps = st.dictionaries(st.sampled_from(list(Area)), st.integers(0, 10))


def checkin(soreness: dict[Area, int]) -> CheckIn:
    return CheckIn(
        day=date(2025, 5, 5),
        soreness=soreness,
        recorded_at="2025-05-05T07:00:00.000000Z",
        tz="Europe/Paris",
    )


def seconds_for(routine, area: Area) -> int:
    return sum(s.seconds * (2 if s.sides else 1) for s in routine.steps if area in s.areas)


def test_without_checkin_it_is_the_balanced_session() -> None:
    assert adaptive_stretch(None) == stretch_30()


def test_no_soreness_gives_the_balanced_session() -> None:
    assert adaptive_stretch(checkin({a: 0 for a in Area})) == stretch_30()


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_always_exactly_thirty_minutes(soreness: dict[Area, int]) -> None:
    routine = adaptive_stretch(checkin(soreness))
    assert routine.total_seconds == STRETCH_30_SECONDS
    assert all(isinstance(s.seconds, int) for s in routine.steps)


@settings(max_examples=300, deadline=None)
@given(soreness_maps)
def test_holds_stay_within_their_limits(soreness: dict[Area, int]) -> None:
    for adapted, balanced in zip(
        adaptive_stretch(checkin(soreness)).steps, stretch_30().steps, strict=True
    ):
        assert min(MIN_SECONDS, balanced.seconds) <= adapted.seconds
        assert adapted.seconds <= MAX_FACTOR * balanced.seconds


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(Area)), st.integers(1, 10), soreness_maps)
def test_a_single_sorest_area_gets_more_time(
    sorest: Area, level: int, others: dict[Area, int]
) -> None:
    soreness = {a: min(n, level - 1) for a, n in others.items() if a != sorest}
    soreness[sorest] = level
    adapted = adaptive_stretch(checkin(soreness))
    assert seconds_for(adapted, sorest) > seconds_for(stretch_30(), sorest)


def test_same_stretches_in_the_same_order() -> None:
    adapted = adaptive_stretch(checkin({Area.ANKLES: 9, Area.GLUTES: 4}))
    assert [s.name for s in adapted.steps] == [s.name for s in stretch_30().steps]
    assert adapted.id == stretch_30().id
    assert "ankles" in adapted.description


def test_odd_second_left_goes_to_a_one_sided_step() -> None:
    # Equal weights give 10.2 s each: one second is left and only "c" can take just one.
    steps = (Step("a", 10, sides=True), Step("b", 10, sides=True), Step("c", 10))
    assert share_seconds(steps, {}, 51) == [10, 10, 11]


def test_odd_second_when_one_sided_steps_are_full_is_traded() -> None:
    # "c" is capped at 2 x 10 = 20; the sided steps must absorb an odd remainder.
    steps = (Step("a", 10, sides=True, areas=(Area.CALVES,)), Step("c", 10, areas=(Area.ANKLES,)))
    # Ideal: a = 13.5, c = 20 (full); whole parts leave one second over.
    assert share_seconds(steps, {Area.ANKLES: 10}, 47) == [14, 19]

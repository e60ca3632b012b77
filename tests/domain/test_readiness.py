"""Readiness: one sentence with one number of days, its reasons, and no verdict without
soreness entered."""

from __future__ import annotations

from datetime import date

from day_samples import HALF, MARATHON, checkin, on, run

from recovery_tui.domain.alarms import day_alarms
from recovery_tui.domain.models import CheckIn, RedFlag, Run, Side, StandResult
from recovery_tui.domain.readiness import (
    CHECK_IN_EVERY,
    CHECK_IN_FIRST,
    Readiness,
    assess_readiness,
    required_days,
)

LEVEL = {Side.LEFT: StandResult.LEVEL, Side.RIGHT: StandResult.LEVEL}


def assess(day: date, run: Run | None, checkins: list[CheckIn]) -> Readiness:
    """As the day model does it: alarms first, then readiness with them."""
    return assess_readiness(day, run, checkins, day_alarms(day, run, checkins))


def test_nothing_to_recover_from() -> None:
    r = assess(on(0), None, [])
    assert r.ready and r.sentence == "Yes: nothing to recover from."


def test_required_days() -> None:
    assert [required_days(w) for w in (0, 1, 2, 4, 7, 14, 21)] == [0, 1, 2, 3, 5, 9, 13]


def test_ready_after_a_half_marathon() -> None:
    r = assess(on(6), HALF, [checkin(5, ankles=3), checkin(6, stand=LEVEL, ankles=1, rest=0)])
    assert r.ready and r.sentence == "Yes: an easy run today, gently."
    assert "soreness is easing" in r.reasons and r.ready_date == on(6)


def test_no_soreness_entered_gives_no_verdict_and_no_date() -> None:
    """The day after a marathon with nothing entered must not look recovered."""
    r = assess(on(1), MARATHON, [checkin(1, energy=5)])
    assert not r.ready
    assert r.sentence == f"Not yet: {CHECK_IN_FIRST}."
    assert r.recovery_date is None and r.ready_date is None


def test_the_first_day_asks_for_a_check_in_not_for_old_ones() -> None:
    r = assess(on(0), HALF, [])
    assert CHECK_IN_FIRST in r.sentence
    assert not any("last 2 days" in reason for reason in r.reasons)


def test_one_number_of_days_in_the_sentence() -> None:
    r = assess(on(2), HALF, [checkin(2, ankles=6)])
    assert r.sentence.startswith("Not yet: about ") and r.sentence.endswith(" more.")
    digits = [w for w in r.sentence.split() if w.isdigit()]
    assert len(digits) == 1
    assert not any(ch.isdigit() and "day" in reason for reason in r.reasons for ch in reason)
    assert r.ready_date is not None and (r.ready_date - on(2)).days == int(digits[0])


def test_too_soon_after_the_run() -> None:
    r = assess(on(2), HALF, [checkin(2, ankles=1)])
    assert not r.ready and "it is still early after your half marathon" in r.reasons


def test_rising_soreness_is_not_ready() -> None:
    r = assess(on(6), HALF, [checkin(5, ankles=1), checkin(6, ankles=2)])
    assert not r.ready and "soreness went up since the last check-in" in r.reasons


def test_the_single_leg_stand_names_the_leg_stood_on() -> None:
    stand = {Side.LEFT: StandResult.DROPPED, Side.RIGHT: StandResult.LEVEL}
    r = assess(on(6), HALF, [checkin(6, stand=stand, ankles=1)])
    assert not r.ready
    assert "standing on your left leg the pelvis dropped: left glutes still tired" in r.reasons


def test_an_alarm_says_no_and_leaves_the_why_to_the_alarm() -> None:
    r = assess(on(6), HALF, [checkin(6, flags=frozenset({RedFlag.SWELLING}), ankles=1)])
    assert not r.ready and r.reasons == () and "no running" in r.sentence
    assert r.recovery_date is None


def test_under_an_alarm_it_says_what_must_come_first_as_the_alarm_does() -> None:
    """Severe knees say rest (the banner: rest, see someone if it does not ease), a flag
    and soreness not easing say a health professional: never a vague 'until checked'."""
    severe = assess(on(2), HALF, [checkin(2, knees=9)])
    assert severe.sentence == "Not yet: no running while the soreness is severe; rest first."
    flagged = assess(on(2), HALF, [checkin(2, flags=frozenset({RedFlag.SWELLING}), knees=3)])
    assert "until a health professional has seen this" in flagged.sentence
    stuck = assess(on(9), HALF, [checkin(8, knees=6), checkin(9, knees=6)])
    assert "a health professional has seen why it is not easing" in stuck.sentence


def test_an_area_sore_before_and_not_entered_since_gives_no_yes() -> None:
    """Quadriceps 1 today, but calves 6 and knees 5 two days ago were not entered again:
    unknown now, so no yes and no dates (a user was told to start running)."""
    checkins = [checkin(1, quadriceps=6, calves=6, knees=5), checkin(5, quadriceps=1)]
    r = assess(on(5), HALF, checkins)
    assert not r.ready and r.ready_date is None and r.recovery_date is None
    assert r.sentence == "Not yet: check in every area that was sore to see when you'll be ready."
    assert set(r.reasons) == {
        "knees 5/10 on Monday 13 April, not entered since",
        "calves 6/10 on Monday 13 April, not entered since",
    }
    entered_again = [*checkins[:1], checkin(5, quadriceps=1, calves=1, knees=2, rest=0)]
    assert assess(on(5), HALF, entered_again).ready, "every sore area entered: yes"
    trivial = [checkin(1, quadriceps=6, calves=2), checkin(5, quadriceps=1, rest=0)]
    assert assess(on(5), HALF, trivial).ready, "an area at 2 or less then does not block"


def test_recovery_date_is_the_window_end_by_default() -> None:
    r = assess(on(2), HALF, [checkin(1, ankles=6), checkin(2, ankles=4)])
    assert r.recovery_date == on(7)


def test_recovery_date_moves_when_soreness_is_stuck() -> None:
    r = assess(on(6), HALF, [checkin(5, ankles=4), checkin(6, ankles=4)])
    assert r.recovery_date is not None and r.recovery_date > on(7)


def test_recovery_date_is_today_when_soreness_is_gone() -> None:
    r = assess(on(6), HALF, [checkin(5, ankles=3), checkin(6, ankles=1)])
    assert r.recovery_date == on(6)


def test_full_recovery_never_comes_before_the_first_easy_run() -> None:
    # Two dates on one panel: "about 2 days more" must not sit above an earlier recovery.
    soon = assess(on(3), HALF, [checkin(2, ankles=3), checkin(3, ankles=1)])
    assert soon.ready_date == on(5) and soon.recovery_date == on(5)
    sore = assess(on(2), run(km=10.0), [checkin(2, calves=6)])
    assert sore.ready_date is not None and sore.recovery_date is not None
    assert sore.recovery_date >= sore.ready_date


def test_a_yes_needs_every_area_entered() -> None:
    # Ten days after a half, only calves 0 entered: eight areas unknown, no verdict.
    r = assess(on(10), HALF, [checkin(10, calves=0)])
    assert not r.ready and r.ready_date is None
    assert r.sentence == f"Not yet: {CHECK_IN_EVERY}."
    assert r.reasons[0].startswith("not entered: ankles, knees, hips")
    assert assess(on(10), HALF, [checkin(10, calves=0, rest=1)]).ready


def test_a_calm_run_day_proves_nothing() -> None:
    r = assess(on(0), HALF, [checkin(0, ankles=0)])
    assert r.recovery_date is None and not r.ready


def test_a_yes_needs_every_area_entered_without_a_window_too() -> None:
    r = assess(on(40), None, [checkin(40, knees=1)])
    assert not r.ready and r.sentence == f"Not yet: {CHECK_IN_EVERY}."
    assert assess(on(40), None, [checkin(40, knees=1, rest=0)]).ready


def test_the_recovery_date_does_not_move_when_the_last_areas_are_entered() -> None:
    """Ten days after a half (its window ended three days ago), calves 1: with areas left
    out the full recovery was dated in the past, and jumped to today once they were in."""
    some = assess(on(10), HALF, [checkin(10, calves=1)])
    every = assess(on(10), HALF, [checkin(10, calves=1, rest=0)])
    assert not some.ready and every.ready
    assert some.recovery_date == every.recovery_date == on(10)

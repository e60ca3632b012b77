"""Calibrated alarms: red flags always, severe soreness at any time, "not easing" only when
the curve is not the ordinary one; unknown areas raise nothing."""

from __future__ import annotations

import pytest
from day_samples import HALF, MARATHON, checkin, curve, on, run

from recovery_tui.domain.alarms import AlarmKind, day_alarms
from recovery_tui.domain.models import RedFlag


def kinds(offset: int, race_run, checkins) -> list[AlarmKind]:  # type: ignore[no-untyped-def]
    return [a.kind for a in day_alarms(on(offset), race_run, checkins)]


# Ordinary curves: soreness peaks on days 1-3 and then falls (the distances of the issue).
NORMAL = {
    "5 km": (run(km=5), [3, 2, 1, 0]),
    "10 km": (run(km=10), [4, 4, 2, 1, 0]),
    "half": (HALF, [6, 6, 5, 4, 3, 2, 1]),
    "marathon": (MARATHON, [7, 8, 7, 6, 5, 4, 3, 3, 2, 2, 1]),
    "ultra": (run(km=100), [8, 8, 8, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1]),
}


@pytest.mark.parametrize("name", list(NORMAL))
def test_the_normal_curve_never_raises_an_alarm(name: str) -> None:
    race_run, levels = NORMAL[name]
    checkins = curve("quadriceps", levels)
    for day in range(1, len(levels) + 1):
        assert kinds(day, race_run, checkins) == [], f"{name}, day {day}"


def test_quadriceps_6_6_5_at_72_hours_is_not_an_alarm() -> None:
    assert kinds(3, HALF, curve("quadriceps", [6, 6, 5])) == []


def test_severe_soreness_on_day_one_is_an_alarm() -> None:
    [alarm] = day_alarms(on(1), HALF, [checkin(1, quadriceps=10)])
    assert alarm.kind is AlarmKind.SEVERE and "quadriceps 10/10" in alarm.message
    assert "health professional" in alarm.message


def test_still_high_after_day_five_is_not_easing() -> None:
    checkins = curve("calves", [6, 6, 6, 6, 6, 6])
    assert kinds(5, HALF, checkins) == []
    [alarm] = day_alarms(on(6), HALF, checkins)
    assert alarm.kind is AlarmKind.NOT_EASING and "calves 6/10 on day 6" in alarm.message


def test_a_marathon_gets_longer_before_high_is_unusual() -> None:
    checkins = curve("calves", [7, 7, 6, 6, 6, 5, 5])
    assert kinds(7, MARATHON, checkins) == []
    assert kinds(8, MARATHON, [*checkins, checkin(8, calves=5)]) == [AlarmKind.NOT_EASING]


def test_rising_after_day_three_is_not_easing() -> None:
    checkins = curve("ankles", [5, 4, 3, 4])
    [alarm] = day_alarms(on(4), HALF, checkins)
    assert alarm.kind is AlarmKind.NOT_EASING and "going up" in alarm.message


def test_rising_from_a_trivial_level_or_before_day_three_is_not() -> None:
    assert kinds(4, HALF, curve("ankles", [2, 1, 1, 2])) == []
    assert kinds(2, HALF, curve("ankles", [3, 5])) == []


def test_a_rise_after_the_window_is_left_to_the_return_plan() -> None:
    """Day 28 after a marathon (a 14-day window), back to running: 1 then 3 is the plan's
    business (it pauses), not 'longer than usual: see a health professional'."""
    checkins = [checkin(25, quadriceps=1), checkin(28, quadriceps=3)]
    assert kinds(28, MARATHON, checkins) == []
    still = [checkin(20, quadriceps=6), checkin(21, quadriceps=6)]
    assert kinds(21, MARATHON, still) == [AlarmKind.NOT_EASING], "still high is still told"
    within = [checkin(9, quadriceps=2), checkin(10, quadriceps=4)]
    assert kinds(10, MARATHON, within) == [AlarmKind.NOT_EASING], "a rise in the window"


def test_unknown_areas_never_count() -> None:
    """An area entered on day 4 only (nothing before) cannot be 'going up'."""
    checkins = [checkin(3, ankles=2), checkin(4, knees=4)]
    assert kinds(4, HALF, checkins) == []


def test_each_red_flag_has_its_message_urgent_ones_first() -> None:
    flags = frozenset({RedFlag.SWELLING, RedFlag.DARK_URINE})
    alarms = day_alarms(on(2), HALF, [checkin(2, flags=flags, ankles=3)])
    assert [a.flag for a in alarms] == [RedFlag.DARK_URINE, RedFlag.SWELLING]
    assert "medical help today" in alarms[0].message
    assert alarms[0].guide == "msg.red_flag.dark_urine"


def test_yesterdays_flags_still_count_older_ones_do_not() -> None:
    flagged = [checkin(1, flags=frozenset({RedFlag.SHARP_PAIN}))]
    assert kinds(2, HALF, flagged) == [AlarmKind.RED_FLAG]
    assert kinds(3, HALF, flagged) == []


def test_red_flags_count_without_a_run() -> None:
    assert kinds(0, None, [checkin(0, flags=frozenset({RedFlag.SWELLING}))]) == [AlarmKind.RED_FLAG]


def test_every_flag_has_a_guidance_entry() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "guidance.md").read_text("utf-8")
    for flag in RedFlag:
        assert f"`msg.red_flag.{flag.value}`" in doc, flag

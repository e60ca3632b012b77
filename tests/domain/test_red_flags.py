from __future__ import annotations

from datetime import date, timedelta

from recovery_tui.domain.models import Area, CheckIn, RedFlag, Run, RunKind
from recovery_tui.domain.red_flags import red_flag_messages

RACE_DAY = date(2026, 4, 12)
HALF = Run(RACE_DAY, 21.1, 8, RunKind.RACE, None, "2026-04-12T10:00:00.000000Z", "UTC")


def on(offset: int) -> date:
    return RACE_DAY + timedelta(days=offset)


def checkin(offset: int, flags: frozenset[RedFlag] = frozenset(), **sore: int) -> CheckIn:
    return CheckIn(
        day=on(offset),
        soreness={Area(a): n for a, n in sore.items()},
        recorded_at=f"{on(offset).isoformat()}T08:00:00.000000Z",
        tz="UTC",
        red_flags=flags,
    )


def test_no_checkin_no_flags() -> None:
    assert red_flag_messages(on(1), [HALF], []) == []


def test_ordinary_soreness_is_not_a_red_flag() -> None:
    assert red_flag_messages(on(1), [HALF], [checkin(1, ankles=6, knees=4)]) == []


def test_every_reported_flag_gets_a_message() -> None:
    flags = frozenset({RedFlag.SHARP_PAIN, RedFlag.SWELLING})
    messages = red_flag_messages(on(2), [HALF], [checkin(2, flags, ankles=3)])
    assert len(messages) == 2
    assert any("sharp or stabbing pain" in m for m in messages)
    assert any("swelling" in m for m in messages)
    assert all("see a health professional" in m for m in messages)
    assert all("today" in m for m in messages)


def test_flags_from_yesterday_still_count_but_not_older() -> None:
    cis = [checkin(1, frozenset({RedFlag.PAIN_AT_REST}))]
    [message] = red_flag_messages(on(2), [HALF], cis)
    assert "pain at rest yesterday" in message
    assert red_flag_messages(on(3), [HALF], cis) == []


def test_todays_checkin_replaces_yesterdays() -> None:
    cis = [checkin(1, frozenset({RedFlag.WORSE_WHEN_WALKING})), checkin(2, ankles=2)]
    assert red_flag_messages(on(2), [HALF], cis) == []


def test_flags_count_even_without_a_run() -> None:
    [message] = red_flag_messages(on(0), [], [checkin(0, frozenset({RedFlag.SWELLING}))])
    assert "swelling" in message and "see a health professional" in message


def test_soreness_not_easing_after_72_hours() -> None:
    cis = [checkin(1, ankles=4, knees=4), checkin(3, ankles=4, knees=2)]
    [message] = red_flag_messages(on(3), [HALF], cis)
    assert "not easing" in message and "ankles 4/10" in message and "knees" not in message
    assert "see a health professional" in message


def test_same_soreness_before_72_hours_is_fine() -> None:
    cis = [checkin(1, ankles=4), checkin(2, ankles=4)]
    assert red_flag_messages(on(2), [HALF], cis) == []


def test_easing_soreness_is_fine_after_72_hours() -> None:
    cis = [checkin(1, ankles=6), checkin(4, ankles=3)]
    assert red_flag_messages(on(4), [HALF], cis) == []


def test_high_soreness_after_72_hours_is_a_flag_even_without_day_one() -> None:
    [message] = red_flag_messages(on(4), [HALF], [checkin(4, glutes=5)])
    assert "glutes 5/10" in message and "4 days after your half marathon" in message


def test_mild_soreness_equal_to_day_one_is_not_a_flag() -> None:
    cis = [checkin(1, calves=2), checkin(4, calves=2)]
    assert red_flag_messages(on(4), [HALF], cis) == []


def test_stuck_soreness_is_flagged_after_the_window_too() -> None:
    cis = [checkin(1, hips=5), checkin(9, hips=5)]
    [message] = red_flag_messages(on(9), [HALF], cis)
    assert "9 days after" in message

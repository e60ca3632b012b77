from __future__ import annotations

from datetime import date, timedelta

from recovery_tui.domain.models import Area, CheckIn, RedFlag, Run, RunKind, Side, StandResult
from recovery_tui.domain.readiness import Readiness, assess_readiness, required_days
from recovery_tui.domain.red_flags import red_flag_messages

RACE_DAY = date(2026, 4, 12)
HALF = Run(RACE_DAY, 21.1, 8, RunKind.RACE, None, "2026-04-12T10:00:00.000000Z", "UTC")
MARATHON = Run(RACE_DAY, 42.195, 8, RunKind.RACE, None, "2026-04-12T10:00:00.000000Z", "UTC")


def on(offset: int) -> date:
    return RACE_DAY + timedelta(days=offset)


def checkin(
    offset: int,
    stand: dict[Side, StandResult] | None = None,
    flags: frozenset[RedFlag] = frozenset(),
    **sore: int,
) -> CheckIn:
    return CheckIn(
        day=on(offset),
        soreness={Area(a): n for a, n in sore.items()},
        recorded_at=f"{on(offset).isoformat()}T08:00:00.000000Z",
        tz="UTC",
        stand=stand or {},
        red_flags=flags,
    )


def assess(day: date, runs: list[Run], checkins: list[CheckIn]) -> Readiness:
    """As the journal does it: red flags first, then readiness with them."""
    return assess_readiness(day, runs, checkins, red_flag_messages(day, runs, checkins))


LEVEL = {Side.LEFT: StandResult.LEVEL, Side.RIGHT: StandResult.LEVEL}


def test_nothing_to_recover_from() -> None:
    r = assess(on(0), [], [])
    assert r.ready
    assert "nothing to recover from" in r.headline.lower()
    assert r.recovery_date is None and r.reasons == ()


def test_window_over_and_no_checkin_is_nothing_to_recover_from() -> None:
    assert assess(on(9), [HALF], []).ready


def test_required_days() -> None:
    assert [required_days(w) for w in (0, 1, 2, 4, 7, 14, 21)] == [0, 1, 2, 3, 5, 9, 13]


def test_ready_after_a_half_marathon() -> None:
    cis = [checkin(4, ankles=3), checkin(5, LEVEL, ankles=2, knees=1)]
    r = assess(on(5), [HALF], cis)
    assert r.ready, r.reasons
    assert r.headline == "Ready for an easy run"
    assert "soreness is down to 2/10 (ankles)" in r.reasons
    assert "soreness is easing (3/10 → 2/10)" in r.reasons
    assert "5 days since your half marathon" in r.reasons


def test_too_soon_after_the_run() -> None:
    r = assess(on(2), [HALF], [checkin(2, ankles=1)])
    assert not r.ready
    assert r.reasons == ("only 2 days since your half marathon",)


def test_sore_is_not_ready() -> None:
    r = assess(on(6), [HALF], [checkin(6, ankles=4, knees=4, hips=1)])
    assert not r.ready
    assert "soreness is still 4/10 (ankles, knees)" in r.reasons


def test_rising_soreness_is_not_ready() -> None:
    cis = [checkin(5, ankles=1), checkin(6, ankles=2)]
    r = assess(on(6), [HALF], cis)
    assert not r.ready
    assert r.reasons == ("soreness went up from 1/10 to 2/10",)


def test_dropped_pelvis_is_not_ready() -> None:
    stand = {Side.LEFT: StandResult.DROPPED, Side.RIGHT: StandResult.LEVEL}
    r = assess(on(6), [HALF], [checkin(6, stand, ankles=1)])
    assert not r.ready
    assert r.reasons == ("pelvis dropped on the left in the single-leg stand: glutes still tired",)
    both = {Side.LEFT: StandResult.DROPPED, Side.RIGHT: StandResult.DROPPED}
    r = assess(on(6), [HALF], [checkin(6, both, ankles=1)])
    assert "on both sides" in r.reasons[0]


def test_red_flag_blocks_and_changes_the_headline() -> None:
    r = assess(on(6), [HALF], [checkin(6, flags=frozenset({RedFlag.SWELLING}))])
    assert not r.ready
    assert "see a health professional" in r.headline
    assert any("swelling" in reason for reason in r.reasons)


def test_no_recent_checkin_during_a_window() -> None:
    r = assess(on(6), [HALF], [checkin(3, ankles=1)])
    assert not r.ready
    assert any("no check-in" in reason for reason in r.reasons)


def test_yesterdays_checkin_counts_as_recent() -> None:
    assert assess(on(6), [HALF], [checkin(5, ankles=1)]).ready


def test_soreness_without_a_run_still_counts() -> None:
    r = assess(on(0), [], [checkin(0, quadriceps=6)])
    assert not r.ready and r.recovery_date is None


def test_recovery_date_is_the_window_end_by_default() -> None:
    r = assess(on(2), [HALF], [checkin(1, ankles=6), checkin(2, ankles=4)])
    assert r.recovery_date == on(7)
    assert r.recovery_reasons == ("7 days is the usual recovery after a half marathon",)


def test_recovery_date_pushed_when_soreness_is_stuck() -> None:
    r = assess(on(6), [HALF], [checkin(5, ankles=6), checkin(6, ankles=6)])
    assert r.recovery_date == on(9)
    assert any("not easing" in reason for reason in r.recovery_reasons)


def test_recovery_date_pushed_when_still_sore_after_the_window() -> None:
    r = assess(on(8), [MARATHON], [checkin(13, knees=3)])
    # no recent check-in on day 8: the estimate stays the window end
    assert r.recovery_date == on(14)
    r = assess(on(14), [MARATHON], [checkin(14, knees=4)])
    assert r.recovery_date == on(16)


def test_recovery_date_is_today_when_soreness_is_gone() -> None:
    r = assess(on(3), [HALF], [checkin(2, ankles=3), checkin(3, ankles=1)])
    assert r.recovery_date == on(3)
    assert any("look recovered" in reason for reason in r.recovery_reasons)


def test_calm_run_day_does_not_mean_recovered() -> None:
    r = assess(on(0), [HALF], [checkin(0, ankles=0)])
    assert r.recovery_date == on(7)

"""An activity read from a file: what it holds, what it refuses, when two are the same run,
and how heart-rate samples are summed up."""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_tui.domain.activity import (
    MAX_HR,
    MIN_HR,
    SAME_DISTANCE_KM,
    SAME_DISTANCE_SHARE,
    SAME_START_SECONDS,
    Activity,
    SourceFormat,
    heart_rate_summary,
    same_activity,
    same_start_and_distance,
    sport_name,
)

PARIS_SUMMER = timezone(timedelta(hours=2))
START = datetime(2026, 4, 12, 9, 0, tzinfo=PARIS_SUMMER)


def half(**changes: object) -> Activity:
    base = Activity(
        start=START,
        finish=START + timedelta(hours=1, minutes=58),
        distance_km=21.1,
        moving_seconds=7000,
        source_format=SourceFormat.FIT,
        local_offset_known=True,
    )
    return dataclasses.replace(base, **changes)


def test_elapsed_time_and_zone_come_from_start_and_finish() -> None:
    run = half()
    assert run.elapsed_seconds == 7080
    assert run.zone == "UTC+02:00"
    assert half(start=START.astimezone(UTC), finish=run.finish.astimezone(UTC)).zone == "UTC"


def test_unknown_values_stay_unknown() -> None:
    run = half()
    assert (run.ascent_m, run.descent_m, run.avg_hr, run.max_hr, run.laps, run.sport) == (
        None,
        None,
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"start": START.replace(tzinfo=None)},
        {"finish": START - timedelta(seconds=1)},
        {"distance_km": -0.1},
        {"distance_km": math.nan},
        {"distance_km": math.inf},
        {"moving_seconds": -1},
        {"moving_seconds": 7082},
        {"ascent_m": -3.0},
        {"descent_m": math.nan},
        {"avg_hr": 0},
        {"max_hr": 300},
        {"laps": 0},
    ],
)
def test_impossible_values_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        half(**changes)


def test_the_edges_of_the_plausible_are_kept() -> None:
    run = half(avg_hr=MIN_HR, max_hr=MAX_HR, moving_seconds=7080, distance_km=0.0, laps=1)
    assert run.avg_hr == MIN_HR and run.max_hr == MAX_HR


# -- the same run twice ------------------------------------------------------------------
def test_the_same_run_from_a_watch_and_from_an_app_is_one_run() -> None:
    watch = half()
    # The app wrote UTC, started 40 s later and measured 1.5 % less.
    app = half(
        start=(START + timedelta(seconds=40)).astimezone(UTC),
        finish=(watch.finish + timedelta(seconds=40)).astimezone(UTC),
        distance_km=21.1 * 0.985,
        source_format=SourceFormat.GPX,
        local_offset_known=False,
    )
    assert same_activity(watch, app) and same_activity(app, watch)


def test_runs_apart_in_time_or_distance_are_different() -> None:
    later = START + timedelta(seconds=SAME_START_SECONDS + 1)
    assert not same_activity(half(), half(start=later, finish=later + timedelta(hours=2)))
    assert not same_activity(half(), half(distance_km=21.1 / (1 - SAME_DISTANCE_SHARE) + 0.05))


def test_the_tolerances_are_inclusive_and_short_runs_get_a_floor() -> None:
    edge = START + timedelta(seconds=SAME_START_SECONDS)
    assert same_start_and_distance(START, 21.1, edge, 21.1)
    # 3 % of 2 km is 60 m; the floor of 200 m still calls a 2.19 km record the same run.
    assert same_start_and_distance(START, 2.0, START, 2.0 + SAME_DISTANCE_KM - 0.01)
    assert not same_start_and_distance(START, 2.0, START, 2.0 + SAME_DISTANCE_KM + 0.01)


def test_the_same_instant_in_two_offsets_is_the_same_start() -> None:
    assert same_start_and_distance(START, 10.0, START.astimezone(timezone(timedelta(hours=-7))), 10)


@given(
    st.integers(min_value=-3 * SAME_START_SECONDS, max_value=3 * SAME_START_SECONDS),
    st.floats(min_value=0, max_value=300),
    st.floats(min_value=0, max_value=300),
)
def test_the_same_run_rule_is_symmetric(shift: int, km_a: float, km_b: float) -> None:
    other = START + timedelta(seconds=shift)
    assert same_start_and_distance(START, km_a, other, km_b) == same_start_and_distance(
        other, km_b, START, km_a
    )


# -- heart rate ---------------------------------------------------------------------------
def test_heart_rate_average_and_maximum_of_the_samples() -> None:
    assert heart_rate_summary([140, 150, 161]) == (150, 161)
    assert heart_rate_summary([150.5, 150.5]) == (151, 151)


def test_dropouts_and_noise_are_left_out() -> None:
    assert heart_rate_summary([0, 150, 0, 160, 255, math.nan]) == (155, 160)


def test_no_heart_rate_is_unknown_not_zero() -> None:
    assert heart_rate_summary([]) == (None, None)
    assert heart_rate_summary([0, 0, 0]) == (None, None)


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=50))
def test_a_summary_is_always_a_plausible_heartbeat(samples: list[float]) -> None:
    avg, top = heart_rate_summary(samples)
    if avg is None:
        assert top is None
    else:
        assert top is not None and MIN_HR <= avg <= top <= MAX_HR
        half(avg_hr=avg, max_hr=top)  # an Activity takes what the summary gives


# -- sport ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Running", "running"),
        ("  trail_running ", "trail_running"),
        (9, "9"),
        ("Run\x1b[31m\nfast", "run[31m fast"),
        ("x" * 100, "x" * 40),
        ("", None),
        ("\x07", None),
        (None, None),
    ],
)
def test_a_sport_is_one_short_plain_line(raw: object, name: str | None) -> None:
    assert sport_name(raw) == name

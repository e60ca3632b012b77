"""A watch's run made into a run of the plan: its kind from its distance, its day and
finish where the runner was, its effort, and the same run recognised again."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from recovery_tui.domain.activity import (
    SAME_START_SECONDS,
    Activity,
    SourceFormat,
)
from recovery_tui.domain.effort import effort_from_heart_rate
from recovery_tui.domain.imported_runs import NotARun, run_from_activity, same_run_in
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.run_defaults import (
    LONG_RUN_KM,
    RACE_DISTANCES_KM,
    RACE_LONG_SHARE,
    RACE_SHORT_SHARE,
    default_effort,
    default_kind,
)
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label

PARIS = ZoneInfo("Europe/Paris")
TODAY = date(2026, 11, 26)
STAMP = ("2026-11-26T08:30:00.000000Z", "Europe/Paris")


START = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def activity(
    km: float = 10.0,
    start: datetime = START,
    minutes: float = 50,
    *,
    offset_known: bool = False,
    avg_hr: int | None = None,
) -> Activity:
    return Activity(
        start=start,
        finish=start + timedelta(minutes=minutes),
        distance_km=km,
        moving_seconds=minutes * 60,
        source_format=SourceFormat.GPX,
        local_offset_known=offset_known,
        avg_hr=avg_hr,
    )


def made(found: Activity, max_hr: int | None = None) -> Run:
    return run_from_activity(
        found,
        zone=PARIS,
        today=TODAY,
        max_heart_rate=max_hr,
        recorded_at=STAMP[0],
        tz=STAMP[1],
    ).run


# -- the kind ----------------------------------------------------------------------------
@pytest.mark.parametrize("race", RACE_DISTANCES_KM)
def test_a_race_distance_within_its_tolerance_is_a_race(race: float) -> None:
    assert default_kind(race) is RunKind.RACE
    assert default_kind(race * (1 + RACE_LONG_SHARE)) is RunKind.RACE  # watches read long
    assert default_kind(race * (1 - RACE_SHORT_SHARE)) is RunKind.RACE
    assert default_kind(race * (1 + RACE_LONG_SHARE) + 0.01) is default_kind(race + 1)
    assert default_kind(race * (1 - RACE_SHORT_SHARE) - 0.01) is default_kind(race - 1)


def test_other_distances_follow_the_hand_logged_rule() -> None:
    assert default_kind(7.3) is RunKind.EASY is default_kind(7.3)
    assert default_kind(LONG_RUN_KM) is RunKind.LONG is default_kind(LONG_RUN_KM)
    assert default_kind(30.0) is RunKind.LONG


# -- day, finish and effort --------------------------------------------------------------
def test_a_file_without_its_offset_is_read_in_the_users_zone_of_that_day() -> None:
    summer = activity(start=datetime(2026, 7, 5, 21, 30, tzinfo=UTC), minutes=45)
    run = made(summer)
    # 22:15 UTC is 00:15 on the 6th in Paris in July (UTC+2).
    assert run.day == date(2026, 7, 6) and run.finish == time(0, 15)


def test_a_file_with_its_offset_keeps_it() -> None:
    tokyo = timezone(timedelta(hours=9))
    run = made(activity(start=datetime(2026, 11, 22, 7, 0, tzinfo=tokyo), offset_known=True))
    assert run.day == date(2026, 11, 22) and run.finish == time(7, 50)


def test_the_start_and_format_are_kept_to_recognise_the_run_again() -> None:
    run = made(activity())
    assert run.started_at == "2026-11-22T08:00:00.000000Z" and run.source == "gpx"
    assert Run.from_dict(run.to_dict()) == run


def test_a_hand_logged_run_stores_no_import_keys() -> None:
    run = Run(TODAY, 5.0, 3, RunKind.EASY, None, *STAMP)
    assert "started_at" not in run.to_dict() and "source" not in run.to_dict()
    assert Run.from_dict(run.to_dict()) == run


def test_effort_from_heart_rate_only_with_a_maximum() -> None:
    hard = activity(km=21.1, minutes=100, avg_hr=165)
    assert made(hard).effort == default_effort(RunKind.RACE)
    assert made(hard, max_hr=185).effort == effort_from_heart_rate(165, 185)


@pytest.mark.parametrize(
    ("found", "reason"),
    [
        (activity(km=0.04), "records 0.04 km"),
        (activity(km=400), "records 400.00 km"),
        (activity(start=datetime(2026, 11, 27, 8, 0, tzinfo=UTC)), "after today"),
    ],
)
def test_what_cannot_be_a_run_says_why(found: Activity, reason: str) -> None:
    with pytest.raises(NotARun, match=reason):
        made(found)


# -- the same run ------------------------------------------------------------------------
def test_the_same_start_and_distance_is_the_same_run() -> None:
    stored = made(activity())
    paris = timezone(timedelta(hours=1))
    # The same instant written in another offset, 30 s later, 100 m longer: the same run.
    same = activity(km=10.1, start=datetime(2026, 11, 22, 9, 0, 30, tzinfo=paris))
    assert same_run_in(same, [stored]) == stored
    # The same clock reading in another offset is another hour: another run.
    an_hour_apart = activity(start=datetime(2026, 11, 22, 8, 0, 0, tzinfo=paris))
    assert same_run_in(an_hour_apart, [stored]) is None
    later = activity(start=START + timedelta(seconds=SAME_START_SECONDS + 1))
    assert same_run_in(later, [stored]) is None
    assert same_run_in(activity(km=12.0), [stored]) is None


def test_a_hand_logged_run_is_never_taken_for_a_file() -> None:
    by_hand = Run(date(2026, 11, 22), 10.0, 3, RunKind.EASY, time(8, 50), *STAMP)
    assert same_run_in(activity(), [by_hand]) is None


# -- names in the user's unit ------------------------------------------------------------
def test_run_names_in_miles_keep_the_race_names() -> None:
    easy = Run(TODAY, 8.05, 3, RunKind.EASY, None, *STAMP)
    half = Run(TODAY, 21.1, 8, RunKind.RACE, None, *STAMP)
    assert run_label(easy, DistanceUnit.KM) == "8.1 km easy run", "to a tenth, as elsewhere"
    assert run_label(easy, DistanceUnit.MI) == "5.0 mi easy run"
    assert run_label(half, DistanceUnit.MI) == "half marathon"

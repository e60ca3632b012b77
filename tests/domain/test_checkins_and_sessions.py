"""Merging partial check-ins, and when sessions count towards the plan."""

from __future__ import annotations

import math
from datetime import date

import pytest

from recovery_tui.domain.checkins import CheckInUpdate, merge_checkin
from recovery_tui.domain.models import (
    Area,
    CheckIn,
    RedFlag,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
)
from recovery_tui.domain.session_rules import counts_as_stretch_session, counts_as_walk
from recovery_tui.domain.validation import InvalidValue, clean_note, parse_finish

DAY = date(2026, 11, 26)
STAMP = dict(recorded_at="2026-11-26T08:00:00.000000Z", tz="Europe/Paris")


def test_merge_keeps_what_the_update_does_not_name() -> None:
    old = CheckIn(
        day=DAY,
        soreness={Area.ANKLES: 6},
        energy=5,
        note="stairs",
        red_flags=frozenset({RedFlag.SWELLING}),
        **STAMP,
    )
    merged = merge_checkin(old, CheckInUpdate(soreness={Area.KNEES: 3}, cups=4), day=DAY, **STAMP)
    assert merged.soreness == {Area.ANKLES: 6, Area.KNEES: 3}
    assert (merged.energy, merged.cups, merged.note) == (5, 4, "stairs")
    assert merged.red_flags == {RedFlag.SWELLING}


def test_merge_can_clear_red_flags() -> None:
    old = CheckIn(day=DAY, soreness={}, red_flags=frozenset({RedFlag.SWELLING}), **STAMP)
    cleared = merge_checkin(old, CheckInUpdate(clear_flags=True), day=DAY, **STAMP)
    assert cleared.red_flags == frozenset()
    swapped = merge_checkin(
        old,
        CheckInUpdate(clear_flags=True, add_flags=frozenset({RedFlag.SHARP_PAIN})),
        day=DAY,
        **STAMP,
    )
    assert swapped.red_flags == {RedFlag.SHARP_PAIN}
    assert CheckInUpdate().is_empty and not CheckInUpdate(clear_flags=True).is_empty


def session(kind: str, planned: float, actual: float, status: SessionStatus) -> SessionRecord:
    return SessionRecord(
        id="s",
        day=DAY,
        routine_id=kind,
        routine_name=kind,
        kind=kind,
        status=status,
        planned_seconds=planned,
        actual_seconds=actual,
        started_at=STAMP["recorded_at"],
        ended_at=None,
        tz="UTC",
    )


def test_a_skipped_through_stretch_session_does_not_tick_the_task() -> None:
    done = session("stretch", 1800, 1790, SessionStatus.COMPLETED)
    skipped = session("stretch", 1800, 3, SessionStatus.COMPLETED)
    assert counts_as_stretch_session(done)
    assert not counts_as_stretch_session(skipped)
    assert not counts_as_stretch_session(session("stretch", 600, 600, SessionStatus.COMPLETED))


def test_walks_count_from_five_minutes_also_when_interrupted() -> None:
    assert counts_as_walk(session("walk", 720, 720, SessionStatus.COMPLETED))
    assert counts_as_walk(session("walk", 720, 400, SessionStatus.RUNNING))
    assert not counts_as_walk(session("walk", 720, 200, SessionStatus.STOPPED))
    assert not counts_as_walk(session("walk", 720, 720, SessionStatus.DISCARDED))


def test_notes_lose_control_characters_but_keep_lines() -> None:
    assert clean_note("a\x1b]0;title\x07b\nc\td\x00") == "a]0;titleb\nc\td"


def test_finish_time_later_today_is_refused() -> None:
    import pendulum

    now = pendulum.datetime(2026, 11, 26, 10, 0, tz="Europe/Paris")
    assert parse_finish("09:30", DAY, now).hour == 9
    assert parse_finish("23:00", date(2026, 11, 25), now).hour == 23
    with pytest.raises(InvalidValue, match="future"):
        parse_finish("10:30", DAY, now)


@pytest.mark.parametrize("distance", [math.nan, math.inf, -1.0, "21", "nan", True])
def test_stored_runs_with_impossible_values_do_not_parse(distance: object) -> None:
    doc = Run(
        day=DAY, distance_km=21.1, effort=8, kind=RunKind.RACE, finish=None, **STAMP
    ).to_dict()
    doc["distance_km"] = distance
    with pytest.raises(ValueError):
        Run.from_dict(doc)

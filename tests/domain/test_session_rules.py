"""Honest sessions: completed only when most of the time was done; each step side done,
partly done or skipped."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from recovery_samples import half_done_stretch

from recovery_tui.domain.models import SessionRecord, SessionStatus, Side, StepRecord
from recovery_tui.domain.session_rules import (
    COMPLETED_SHARE,
    MIN_WALK_SECONDS,
    STRETCH_SHARE_NEEDED,
    StepOutcome,
    counts_as_walk,
    done_share,
    end_status,
    mostly_done,
    outcome_counts,
    outcomes_by_step,
    step_outcome,
    tally_text,
)


def step(actual: float, planned: float = 100, skipped: bool = False) -> StepRecord:
    return StepRecord("Calf", Side.LEFT, planned, actual, skipped)


def test_the_share_needed_is_most_of_the_time() -> None:
    assert 0.5 < COMPLETED_SHARE < 1
    assert STRETCH_SHARE_NEEDED == COMPLETED_SHARE


@pytest.mark.parametrize(
    ("actual", "planned", "status"),
    [
        (1800, 1800, SessionStatus.COMPLETED),
        (1440, 1800, SessionStatus.COMPLETED),
        (1439, 1800, SessionStatus.STOPPED),
        (60, 1800, SessionStatus.STOPPED),
        (0, 600, SessionStatus.STOPPED),
        (2000, 1800, SessionStatus.COMPLETED),  # a step done twice after going back
    ],
)
def test_end_status_follows_the_share_done(actual: float, planned: float, status: str) -> None:
    assert end_status(actual, planned) is status


@given(st.floats(0, 1e5), st.floats(0, 1e5))
def test_the_share_is_between_0_and_1(actual: float, planned: float) -> None:
    assert 0 <= done_share(actual, planned) <= 1
    assert mostly_done(actual, planned) == (end_status(actual, planned) is SessionStatus.COMPLETED)


@pytest.mark.parametrize(
    ("record", "outcome"),
    [
        (step(100), StepOutcome.DONE),
        (step(99.5), StepOutcome.DONE),  # a tick's rounding is not "partly"
        (step(130), StepOutcome.DONE),  # done, then again after going back
        (step(100, skipped=True), StepOutcome.DONE),  # done, skipped on a later visit
        (step(0, skipped=True), StepOutcome.SKIPPED),
        (step(30, skipped=True), StepOutcome.SKIPPED),
        (step(60, skipped=True), StepOutcome.PARTLY),
        (step(40), StepOutcome.PARTLY),  # stopped part-way
        (step(2), StepOutcome.PARTLY),  # begun, then stopped: not a skip
    ],
)
def test_each_step_side_is_done_partly_done_or_skipped(
    record: StepRecord, outcome: StepOutcome
) -> None:
    assert step_outcome(record) is outcome


def test_outcomes_have_marks_that_read_without_colour() -> None:
    assert [o.mark for o in StepOutcome] == ["✓", "◐", "↷"]
    assert [o.label for o in StepOutcome] == ["done", "partly done", "skipped"]


def test_outcome_counts_of_a_session() -> None:
    record = SessionRecord(
        id="s",
        day=date(2025, 5, 5),
        routine_id="stretch-30",
        routine_name="30-minute stretch",
        kind="stretch",
        status=SessionStatus.STOPPED,
        planned_seconds=1800,
        actual_seconds=300,
        started_at="2025-05-05T05:30:00.000000Z",
        ended_at="2025-05-05T05:35:00.000000Z",
        tz="Europe/Paris",
        steps=(step(100), step(100), step(50, skipped=True), step(0, skipped=True)),
    )
    counts = outcome_counts(record)
    assert (counts[StepOutcome.DONE], counts[StepOutcome.PARTLY], counts[StepOutcome.SKIPPED]) == (
        2,
        1,
        1,
    )


def test_a_walk_of_five_minutes_counts_even_when_stopped() -> None:
    def walk(actual: float, status: SessionStatus) -> SessionRecord:
        return SessionRecord(
            id="w",
            day=date(2025, 5, 5),
            routine_id="walk-15",
            routine_name="15-minute walk",
            kind="walk",
            status=status,
            planned_seconds=900,
            actual_seconds=actual,
            started_at="2025-05-05T05:30:00.000000Z",
            ended_at=None,
            tz="Europe/Paris",
        )

    stopped = walk(MIN_WALK_SECONDS, end_status(MIN_WALK_SECONDS, 900))
    assert stopped.status is SessionStatus.STOPPED
    assert counts_as_walk(stopped)
    assert not counts_as_walk(walk(MIN_WALK_SECONDS - 1, SessionStatus.STOPPED))


def test_a_tally_counts_by_step_or_by_side() -> None:
    """One step partly done by step (as the end summary and the day detail count), two
    sides when counted side by side."""
    record = half_done_stretch()
    by_step = tally_text(outcome for _, outcome in outcomes_by_step(record))
    assert by_step == "✓ 1 done   ◐ 1 partly done   ↷ 1 skipped"
    by_side = tally_text(step_outcome(s) for s in record.steps)
    assert by_side == "✓ 3 done   ◐ 0 partly done   ↷ 2 skipped"

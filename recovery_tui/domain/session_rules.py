"""What a timed session counts as: completed or stopped, each step done, partly or skipped,
and when it counts towards the day's plan.

- A session that ended (ran to its end, was skipped to its end, or was stopped) is
  *completed* only when at least ``COMPLETED_SHARE`` of its planned time was actually
  spent in it; otherwise it is *stopped*, with its minutes. Skipping through every step
  is not doing the session.
- A step side is *done* when its time was spent (within ``DONE_TOLERANCE_SECONDS``),
  *skipped* when one of its holds was skipped and less than ``SKIPPED_BELOW`` of its time
  was spent, and *partly done* otherwise (begun, then skipped or stopped part-way).
- A walk of ``MIN_WALK_SECONDS`` or more counts as one of the day's walks, however it
  ended; the 30-minute stretch ticks its task only when completed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from enum import StrEnum

from recovery_tui.domain.models import SessionRecord, SessionStatus, StepRecord
from recovery_tui.domain.routines import STRETCH_30_SECONDS

COMPLETED_SHARE = 0.8
"""Share of the planned time that must be done for a session to count as completed."""

# Kept under its older name: the stretch task ticks by the same share.
STRETCH_SHARE_NEEDED = COMPLETED_SHARE

DONE_TOLERANCE_SECONDS = 1.0
SKIPPED_BELOW = 0.5

# A walk shorter than this was a few steps to the kitchen, not one of the day's walks.
MIN_WALK_SECONDS = 5 * 60

# What happened, as far as history goes: a running session (the app was closed mid-way)
# counts with the time done so far; resuming it replaces the same record, never adds one.
HAPPENED = frozenset({SessionStatus.COMPLETED, SessionStatus.STOPPED, SessionStatus.RUNNING})


class StepOutcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    SKIPPED = "skipped"

    @property
    def mark(self) -> str:
        """A mark that reads without colour: ✓ done, ◐ partly done, ↷ skipped."""
        return {StepOutcome.DONE: "✓", StepOutcome.PARTLY: "◐", StepOutcome.SKIPPED: "↷"}[self]

    @property
    def label(self) -> str:
        return {
            StepOutcome.DONE: "done",
            StepOutcome.PARTLY: "partly done",
            StepOutcome.SKIPPED: "skipped",
        }[self]


def done_share(actual_seconds: float, planned_seconds: float) -> float:
    """Share of the planned time actually done, 0 to 1 (more time than planned is 1)."""
    if planned_seconds <= 0:
        return 1.0 if actual_seconds > 0 else 0.0
    return min(1.0, max(0.0, actual_seconds / planned_seconds))


def mostly_done(actual_seconds: float, planned_seconds: float) -> bool:
    return planned_seconds > 0 and done_share(actual_seconds, planned_seconds) >= COMPLETED_SHARE


def end_status(actual_seconds: float, planned_seconds: float) -> SessionStatus:
    """The status of a session that has ended: completed when most of it was done."""
    if mostly_done(actual_seconds, planned_seconds):
        return SessionStatus.COMPLETED
    return SessionStatus.STOPPED


def step_outcome(step: StepRecord) -> StepOutcome:
    if step.actual_seconds + DONE_TOLERANCE_SECONDS >= step.planned_seconds:
        return StepOutcome.DONE
    if step.skipped and done_share(step.actual_seconds, step.planned_seconds) < SKIPPED_BELOW:
        return StepOutcome.SKIPPED
    return StepOutcome.PARTLY


def outcome_counts(record: SessionRecord) -> Counter[StepOutcome]:
    """How many step sides of the session were done, partly done and skipped."""
    return Counter(step_outcome(step) for step in record.steps)


def tally_text(outcomes: Iterable[StepOutcome]) -> str:
    """'✓ 9 done   ◐ 1 partly done   ↷ 4 skipped': the same words on every screen."""
    counts = Counter(outcomes)
    return "   ".join(f"{o.mark} {counts[o]} {o.label}" for o in StepOutcome)


def counts_as_walk(record: SessionRecord) -> bool:
    return (
        record.kind == "walk"
        and record.status in HAPPENED
        and record.actual_seconds >= MIN_WALK_SECONDS
    )


def counts_as_stretch_session(record: SessionRecord) -> bool:
    return (
        record.kind == "stretch"
        and record.status is SessionStatus.COMPLETED
        and record.planned_seconds >= STRETCH_30_SECONDS
        and mostly_done(record.actual_seconds, record.planned_seconds)
    )


def as_stopped(record: SessionRecord) -> SessionRecord:
    """A session ended early: completed or stopped by how much was done (``end_status``),
    or discarded when nothing of the routine itself was done (stopped during get-ready)."""
    if record.actual_seconds <= 0:
        return replace(record, status=SessionStatus.DISCARDED)
    return replace(record, status=end_status(record.actual_seconds, record.planned_seconds))


def as_interrupted(record: SessionRecord) -> SessionRecord:
    """The app is quitting mid-way: keep the session running, to be resumed next time,
    unless nothing was done yet."""
    status = SessionStatus.RUNNING if record.actual_seconds > 0 else SessionStatus.DISCARDED
    return replace(record, status=status)


def resumable(unfinished: list[SessionRecord]) -> tuple[SessionRecord | None, list[SessionRecord]]:
    """Of the sessions left running, only the latest can be resumed; the older ones are
    closed as stopped, so what was done in them still counts. Returns (latest, closed)."""
    if not unfinished:
        return None, []
    *older, latest = sorted(unfinished, key=lambda s: (s.day, s.started_at))
    return latest, [replace(record, status=SessionStatus.STOPPED) for record in older]


def outcomes_by_step(record: SessionRecord) -> list[tuple[str, StepOutcome]]:
    """One outcome per routine step, in order: both sides done is done, both skipped is
    skipped, anything else partly done."""
    merged: list[tuple[str, list[StepOutcome]]] = []
    for step in record.steps:
        if merged and merged[-1][0] == step.name:
            merged[-1][1].append(step_outcome(step))
        else:
            merged.append((step.name, [step_outcome(step)]))
    return [(name, _combined(outcomes)) for name, outcomes in merged]


def outcomes_per_step(step_names: Sequence[str], record: SessionRecord) -> list[StepOutcome]:
    """One outcome per step named, in routine order, matched by name with what ``record``
    holds (``outcomes_by_step``); a step with no record was never reached: skipped."""
    found = outcomes_by_step(record)
    outcomes: list[StepOutcome] = []
    next_one = 0
    for name in step_names:
        if next_one < len(found) and found[next_one][0] == name:
            outcomes.append(found[next_one][1])
            next_one += 1
        else:
            outcomes.append(StepOutcome.SKIPPED)
    return outcomes


def _combined(outcomes: list[StepOutcome]) -> StepOutcome:
    if all(o is StepOutcome.DONE for o in outcomes):
        return StepOutcome.DONE
    if all(o is StepOutcome.SKIPPED for o in outcomes):
        return StepOutcome.SKIPPED
    return StepOutcome.PARTLY

"""When a timed session counts towards the day's plan."""

from __future__ import annotations

from recovery_tui.domain.models import SessionRecord, SessionStatus

# A walk shorter than this was a few steps to the kitchen, not one of the day's walks.
MIN_WALK_SECONDS = 5 * 60
FULL_STRETCH_SECONDS = 30 * 60
# Skipping through the stretch session does not tick it: most of it must have been done.
STRETCH_SHARE_NEEDED = 0.8

# What happened, as far as history goes: a running session (the app was closed mid-way)
# counts with the time done so far; resuming it replaces the same record, never adds one.
HAPPENED = frozenset({SessionStatus.COMPLETED, SessionStatus.STOPPED, SessionStatus.RUNNING})


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
        and record.planned_seconds >= FULL_STRETCH_SECONDS
        and record.actual_seconds >= STRETCH_SHARE_NEEDED * record.planned_seconds
    )

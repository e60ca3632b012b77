"""When a timed session counts towards the day's plan."""

from __future__ import annotations

from dataclasses import replace

from recovery_tui.domain.models import SessionRecord, SessionStatus
from recovery_tui.domain.routines import STRETCH_30_SECONDS

# A walk shorter than this was a few steps to the kitchen, not one of the day's walks.
MIN_WALK_SECONDS = 5 * 60
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
        and record.planned_seconds >= STRETCH_30_SECONDS
        and record.actual_seconds >= STRETCH_SHARE_NEEDED * record.planned_seconds
    )


def as_stopped(record: SessionRecord) -> SessionRecord:
    """A session ended early: stopped with what was done, or discarded when nothing of the
    routine itself was done (stopped during the get-ready countdown)."""
    status = SessionStatus.STOPPED if record.actual_seconds > 0 else SessionStatus.DISCARDED
    return replace(record, status=status)


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

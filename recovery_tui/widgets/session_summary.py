"""What an ended session says: completed or stopped, the real minutes, what each step came
to (✓ done, ◐ partly, ↷ skipped) and what it counted towards."""

from __future__ import annotations

from textual.content import Content

from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.models import SessionRecord, SessionStatus
from recovery_tui.domain.session_rules import (
    MIN_WALK_SECONDS,
    counts_as_stretch_session,
    counts_as_walk,
    outcomes_by_step,
    tally_text,
)
from recovery_tui.domain.text import one_line


def summary_text(record: SessionRecord) -> Content:
    completed = record.status is SessionStatus.COMPLETED
    # Counted per step, as the step list beside it marks them (a step half done is ◐).
    tally = tally_text(outcome for _, outcome in outcomes_by_step(record))
    parts: list[str | tuple[str, str]] = [
        ("Session complete  ✓" if completed else "Session stopped", "bold"),
        "\n\n",
        f"{one_line(record.routine_name)}: {clock_text(record.actual_seconds)} done "
        f"of {clock_text(record.planned_seconds)} planned.\n",
        f"Steps: {tally}.\n",
    ]
    if counts_as_walk(record):
        parts.append("It counts towards today's walks.\n")
    elif record.kind == "walk":
        parts.append(
            f"Walks of {MIN_WALK_SECONDS // 60} minutes or more count towards today's walks.\n"
        )
    elif counts_as_stretch_session(record):
        parts.append("Today's 30-minute stretch is ticked.\n")
    elif record.kind == "stretch" and not completed:
        parts.append("Most of the session must be done to tick today's stretch.\n")
    parts.append(("\nPress esc to go back to Today.", "dim"))
    return Content.assemble(*parts)


def stopped_note(record: SessionRecord) -> str:
    """The notification once a session is stopped by hand."""
    return (
        f"Stopped and saved: {clock_text(record.actual_seconds)} "
        f"of {clock_text(record.planned_seconds)}."
    )

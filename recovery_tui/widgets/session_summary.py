"""What a finished session says: how long, how many steps, what it counted towards."""

from __future__ import annotations

from rich.text import Text

from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.session_rules import counts_as_stretch_session, counts_as_walk


def summary_text(record: SessionRecord) -> Text:
    done = sum(1 for step in record.steps if not step.skipped)
    skipped = sum(1 for step in record.steps if step.skipped)
    text = Text()
    text.append("Session complete  ✓\n\n", style="bold")
    text.append(f"{record.routine_name}: {clock_text(record.actual_seconds)} ")
    text.append(f"of {clock_text(record.planned_seconds)} planned.\n")
    text.append(f"{done} step{'' if done == 1 else 's'} or sides done")
    if skipped:
        text.append(f", {skipped} skipped")
    text.append(".\n")
    if counts_as_walk(record):
        text.append("It counts towards today's walks.\n")
    elif record.kind == "walk":
        text.append("Walks of 5 minutes or more count towards today's walks.\n")
    elif counts_as_stretch_session(record):
        text.append("Today's 30-minute stretch is ticked.\n")
    text.append("\nPress esc to go back to Today.", style="dim")
    return text

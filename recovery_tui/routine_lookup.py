"""Which routine a session runs: built-in, custom (TOML) or today's adaptive stretch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from recovery_tui.domain.adaptive import adaptive_stretch
from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.routine_files import all_routines
from recovery_tui.domain.routines import STRETCH_30_ID, Routine, find_builtin, stretch_30
from recovery_tui.journal import Journal

ADAPTIVE = "adaptive"


class RoutineNotFound(LookupError):
    """No routine with that id; the message says so in words."""


def find_routine(
    journal: Journal,
    config_dir: Path,
    today: date,
    routine_id: str,
    record: SessionRecord | None = None,
) -> Routine:
    """The routine to run for ``routine_id`` ("adaptive": today's 30-minute stretch)."""
    if routine_id == ADAPTIVE:
        return adaptive_stretch(journal.checkin(today))
    if record is not None and routine_id == STRETCH_30_ID:
        # The adaptive and balanced sessions share an id; resume the one that was started.
        if record.routine_name == stretch_30().name:
            return stretch_30()
        return adaptive_stretch(journal.checkin(record.day))
    routines, errors = all_routines(config_dir)
    for routine in routines:
        if routine.id == routine_id:
            return routine
    found = find_builtin(routine_id)
    if found is not None:
        return found
    for error in errors:
        if error.startswith(f"{routine_id}.toml:"):
            raise RoutineNotFound(f"The routine file {error}")
    raise RoutineNotFound(
        f"There is no routine called '{routine_id}'; `recovery-tui routines` lists them."
    )

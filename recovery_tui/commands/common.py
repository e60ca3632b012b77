"""What every command shares: opening the records."""

from __future__ import annotations

from recovery_tui.domain.clock import Clock, SystemClock
from recovery_tui.paths import Dirs
from recovery_tui.services.journal import Journal, open_journal

# Journals opened by this command, to print the notices they gathered at the end.
OPENED: list[Journal] = []


def system_clock() -> Clock:
    """The clock every command reads (tests put a fake one here)."""
    return SystemClock()


def journal_for(
    dirs: Dirs,
    clock: Clock | None = None,
    *,
    read_only: bool = False,
    around_damage: bool = False,
) -> Journal:
    """The records, opened for this command. ``read_only`` for a command that only shows
    them: it must not create a data dir (a mistyped --data-dir would become an empty store).
    ``around_damage`` for one a user rescues data with: read-only, and a damaged file gives
    what of it reads, with a notice, instead of stopping the command."""
    journal = open_journal(
        dirs.data, clock or system_clock(), read_only=read_only, around_damage=around_damage
    )
    OPENED.append(journal)
    return journal


class CommandFailed(Exception):
    """The command could not do its work (a file it cannot write): its message on stderr,
    exit code 1."""

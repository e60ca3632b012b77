"""The data as a whole: ``export FILE``, ``backups`` and ``restore DATE``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from recovery_tui.commands import common
from recovery_tui.commands.common import journal_for
from recovery_tui.commands.files import write_private
from recovery_tui.commands.output import say, terminal_safe_json, warn
from recovery_tui.domain import validation as v
from recovery_tui.domain.text import one_line
from recovery_tui.paths import Dirs
from recovery_tui.services.journal import Journal
from recovery_tui.services.user_settings import distance_unit

# The kinds of record an export holds, as its message names one of them.
RECORD_NAMES = (("runs", "run"), ("checkins", "check-in"), ("tasks", "task record"))
SESSIONS = "sessions"


class ExportExists(v.InvalidValue):
    """The export's file is there already: bad usage, nothing written."""


def export(args: argparse.Namespace, dirs: Dirs) -> int:
    to_stdout = args.file == "-"
    path = Path(args.file)
    if not to_stdout and path.is_dir():
        raise v.InvalidValue(f"{one_line(str(path))} is a folder: give a file name")
    if not to_stdout and not args.force and path.exists():
        raise ExportExists(f"{one_line(str(path))} exists already: add --force to replace it")
    # A damaged file does not stop an export: it is when a user most needs one.
    journal = journal_for(dirs, common.system_clock(), around_damage=True)
    document = journal.export_document()
    # The unit the distances were read in: the records keep kilometres whatever it is.
    document["distance_unit"] = distance_unit(journal).value
    text = terminal_safe_json(json.dumps(document, ensure_ascii=False, indent=1))
    if to_stdout:  # as the usual "-" means: for a pipe (`export - | gzip`)
        print(text)
        return _incomplete(journal)
    try:
        write_private(path, (text + "\n").encode("utf-8"), replace=args.force)
    except FileExistsError:
        raise ExportExists(
            f"{one_line(str(path))} exists already: add --force to replace it"
        ) from None
    except OSError as error:
        where = one_line(str(path))
        raise common.CommandFailed(f"could not write {where}: {error.strerror}") from None
    counts = ", ".join(_count(document, key, name) for key, name in RECORD_NAMES)
    say(f"Exported {counts} and {_count(document, SESSIONS, 'session')} to {path}.")
    say("Only you can read it (0600). `recovery-tui import` takes it back.")
    return _incomplete(journal)


def _incomplete(journal: Journal) -> int:
    """1, having said so, when a damaged file kept records out of the export; else 0.
    What each file lost is in the journal's notices, printed after this."""
    damaged = journal.read_around()
    if not damaged:
        return 0
    warn(
        f"The export is incomplete: what could not be read in {', '.join(map(str, damaged))} "
        "is not in it. Importing it adds and updates, never removes, so it can be taken "
        "back as it is."
    )
    return 1


def _count(document: dict[str, object], key: str, name: str) -> str:
    items = document.get(key)
    count = len(items) if isinstance(items, list) else 0
    return f"{count} {name}" if count == 1 else f"{count} {name}s"


def size_text(size: int) -> str:
    """'812 B', '14.2 KB', '1.3 MB' (powers of 1000, as file managers show)."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} KB"
    return f"{size / 1_000_000:.1f} MB"


def backups(args: argparse.Namespace, dirs: Dirs) -> int:
    # Listed whatever state the data is in (a damaged file is named after the list).
    journal = journal_for(dirs, common.system_clock(), around_damage=True)
    days = journal.backups()
    undo = journal.before_last_restore()
    if not days:
        say("No backups yet: one is taken before the first change of each day.")
        return 0
    rows = [("Day", "Files", "Size")]
    rows += [
        (d.day.isoformat(), str(len(d.files)), size_text(d.size) if d.files else "-") for d in days
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for day, files, size in rows:
        say(f"{day:<{widths[0]}}  {files:>{widths[1]}}  {size:>{widths[2]}}")
    say("")
    if any(not d.files for d in days):
        say("A day with no files began with no data yet: restoring it starts empty.")
    say(f"In {dirs.data / 'backups'}. `recovery-tui restore DAY` brings one day back.")
    if undo is not None:
        say(
            f"Before the last restore the data was copied to {undo.name}: "
            "`recovery-tui restore --undo` brings back what it took away."
        )
    return 0


def restore(args: argparse.Namespace, dirs: Dirs) -> int:
    if args.undo:
        if args.date is not None:
            raise v.InvalidValue("give a DATE or --undo, not both")
        folder, merged = journal_for(dirs, common.system_clock()).undo_restore()
        back = "1 record" if merged.added == 1 else f"{merged.added} records"
        say(
            f"Brought back what the last restore took away: {back} back, {merged.updated} "
            f"updated; anything saved since is kept. The copy it came from is now {folder}."
        )
        return 0
    if args.date is None:
        raise v.InvalidValue("give the DATE of a backup (see `recovery-tui backups`), or --undo")
    day = v.parse_day(args.date, what="DATE")
    journal = journal_for(dirs, common.system_clock())
    if not args.yes and sys.stdin.isatty():
        plan = journal.restore(day, dry_run=True)
        if not plan.files:
            say(plan.message)
            return 0
        say(plan.message)
        try:
            answer = input("Restore it? The data as it is now is kept aside. [y/N] ")
        except (EOFError, KeyboardInterrupt):  # ctrl+d or ctrl+c: the answer is no
            answer = ""
            print()
        if answer.strip().lower() not in ("y", "yes"):
            say("Nothing was restored.")
            return 0
    say(journal.restore(day).message)
    return 0

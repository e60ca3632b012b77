"""What can be kept of a damaged data file whose damage is in single documents.

A file that is sound JSON of the right shape but holds a record that does not check (a
value edited by hand out of range, a document from a foreign program) loses only those
records: the rest of the file stays as it was, which is newer than any backup of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from recovery_tui.store.atomic import Tables, decode_tables
from recovery_tui.store.errors import CorruptFile
from recovery_tui.store.partitions import (
    CHECKINS,
    META,
    RUNNING,
    RUNS,
    SESSIONS,
    SETTINGS,
    TASKS,
)

# A table of ours that is not an object loses every record in it: the backup serves better.
OUR_TABLES = frozenset({META, RUNS, SETTINGS, RUNNING, CHECKINS, TASKS, SESSIONS})

# A file with more bad documents than this is damaged as a whole: its backup serves better.
MOST_LEFT_OUT = 20


def salvage(
    path: Path, raw: bytes, validate: Callable[[Path, Tables], None]
) -> tuple[Tables, list[str]] | None:
    """The tables of ``raw`` without the documents ``validate`` refuses, and why each was
    left out; None when the damage is not in single documents (not JSON, a wrong shape,
    the version table), when nothing is wrong, or when no record would be left."""
    try:
        tables = decode_tables(raw, path)
    except CorruptFile:
        return None
    copied: Tables = {
        name: dict(docs) if isinstance(docs, dict) else docs for name, docs in tables.items()
    }
    left_out: list[str] = []
    while len(left_out) <= MOST_LEFT_OUT:
        try:
            validate(path, copied)
        except CorruptFile as bad:
            if bad.document is not None:
                table, key = bad.document
                del copied[table][key]
            elif bad.table is not None and bad.table not in OUR_TABLES:
                del copied[bad.table]  # not ours (a comment added by hand): nothing lost
            else:
                return None
            left_out.append(bad.reason)
            continue
        kept = any(isinstance(docs, dict) and docs for name, docs in copied.items() if name != META)
        return (copied, left_out) if left_out and kept else None
    return None

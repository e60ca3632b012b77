"""What can be kept of a damaged data file whose damage is in single documents.

A file that is sound JSON of the right shape but holds a record that does not check (a
value edited by hand out of range, a document from a foreign program) loses only those
records: the rest of the file stays as it was, which is newer than any backup of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_tui.domain.models import CheckIn
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
    mended: set[str] = set()
    while len(left_out) <= MOST_LEFT_OUT:
        try:
            validate(path, copied)
        except CorruptFile as bad:
            if bad.document is not None:
                table, key = bad.document
                doc = copied[table][key]
                kept_part = mend_checkin(doc) if table == CHECKINS and key not in mended else None
                if kept_part is not None:
                    # A check-in keeps what reads (its red flags above all): only the bad
                    # values go. Mended once: failing again, it goes whole.
                    copied[table][key] = kept_part
                    mended.add(key)
                    left_out.append(f"{bad.reason}; the rest of that check-in is kept")
                    continue
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


def mend_checkin(doc: object) -> dict[str, Any] | None:
    """``doc`` without the values that do not read as a check-in's (a soreness of 11, an
    energy of "high"), by the model's own checks; None when what is left is no check-in
    (no valid day or stamp) or nothing was wrong with the values."""
    if not isinstance(doc, dict):
        return None
    required = {key: doc[key] for key in ("day", "recorded_at", "tz") if key in doc}
    if not _reads(required):
        return None
    kept: dict[str, Any] = dict(required)
    for key, value in doc.items():
        if key in required:
            continue
        if isinstance(value, dict) and key in ("soreness", "stand"):
            kept[key] = {k: v for k, v in value.items() if _reads({**required, key: {k: v}})}
        elif isinstance(value, list) and key == "red_flags":
            kept[key] = [flag for flag in value if _reads({**required, key: [flag]})]
        elif _reads({**required, key: value}):
            kept[key] = value
    return kept if kept != doc and _reads(kept) else None


def _reads(doc: dict[str, Any]) -> bool:
    try:
        CheckIn.from_dict(doc)
    except Exception:  # any failure means the value is not a check-in's
        return False
    return True

"""Where each record lives on disk, and what a valid file of each kind looks like.

``recovery.json`` (the main file) holds the schema version, runs, settings and the index of
running sessions. Per-day records (check-ins, task states, sessions) live in one file per
calendar month, ``months/YYYY-MM.json``, so a write rewrites one small file whatever the
length of the history.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from recovery_tui.domain.models import CheckIn, Run, SessionRecord, TaskState
from recovery_tui.domain.stored_values import stored_day
from recovery_tui.store.atomic import Tables, check_shape
from recovery_tui.store.errors import CorruptFile, InvalidRecord

MAIN_FILE = "recovery.json"
MONTHS_DIR = "months"
BACKUPS_DIR = "backups"  # store/backups.py: the daily copies

META = "_meta"
META_KEY = "1"
RUNS = "runs"
SETTINGS = "settings"
RUNNING = "running_sessions"  # session id -> {"day": ISO day}: cheap unfinished_sessions()

CHECKINS = "checkins"
TASKS = "tasks"
SESSIONS = "sessions"
MONTH_TABLES = (CHECKINS, TASKS, SESSIONS)

_MONTH_NAME = re.compile(r"^(\d{4})-(\d{2})\.json$")

Month = tuple[int, int]


def month_of(day: date) -> Month:
    return (day.year, day.month)


def month_path(data_dir: Path, month: Month) -> Path:
    return data_dir / MONTHS_DIR / f"{month[0]:04d}-{month[1]:02d}.json"


def months_between(start: date, end: date) -> list[Month]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def existing_months(data_dir: Path) -> list[Month]:
    """Month files present on disk, oldest first."""
    folder = data_dir / MONTHS_DIR
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _MONTH_NAME.match(entry.name)
        if match and entry.is_file():
            found.append((int(match[1]), int(match[2])))
    return sorted(found)


def checkin_key(day: date) -> str:
    return day.isoformat()


def task_key(day: date, task_id: str) -> str:
    return f"{day.isoformat()}/{task_id}"


def day_of_key(key: str) -> str:
    return key.split("/", 1)[0]


_PARSERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    RUNS: Run.from_dict,
    CHECKINS: CheckIn.from_dict,
    TASKS: TaskState.from_dict,
    SESSIONS: SessionRecord.from_dict,
}

# The key each kind of record is stored under: its own identity.
_KEYS: dict[str, Callable[[Any], str]] = {
    RUNS: lambda run: run.id,
    CHECKINS: lambda checkin: checkin_key(checkin.day),
    TASKS: lambda state: task_key(state.day, state.task_id),
    SESSIONS: lambda session: session.id,
}


Record = Run | CheckIn | TaskState | SessionRecord


def why_invalid(error: Exception) -> str:
    """A reason a document did not parse as a record, in words."""
    if isinstance(error, KeyError):
        return f"{error.args[0]!r} is missing"
    if isinstance(error, (TypeError, AttributeError)):
        return f"a value of the wrong kind ({error})"
    return str(error)


def stored(record: Record) -> dict[str, Any]:
    """The document for ``record``; a record that would not load again (a day in year 9999,
    an effort of 11) is refused here rather than found damaged later."""
    doc = record.to_dict()
    try:
        type(record).from_dict(doc)
    except Exception as error:
        raise InvalidRecord(f"not saved: {why_invalid(error)}") from None
    return doc


def file_month(path: Path) -> Month | None:
    """The month a month file (or a copy of one) holds, from its name."""
    match = _MONTH_NAME.match(path.name)
    return (int(match[1]), int(match[2])) if match else None


class ParsedRecords:
    """The records parsed from the documents of the open files, each kept while its document
    is the very object read: a file read again from disk, or a document written anew, is
    parsed again; every other document is parsed once, when its file is read and checked,
    not again each time a screen is refreshed. Documents are never changed in place (a write
    puts a new one), so the same object always holds the same record."""

    def __init__(self) -> None:
        self._by_file: dict[Path, dict[tuple[str, str], tuple[Mapping[str, Any], Record]]] = {}

    def record(self, path: Path, table: str, key: str, doc: Mapping[str, Any]) -> Record:
        entries = self._by_file.setdefault(path, {})
        kept = entries.get((table, key))
        if kept is not None and kept[0] is doc:
            return kept[1]
        record: Record = _PARSERS[table](doc)  # type: ignore[arg-type]
        entries[(table, key)] = (doc, record)
        return record

    def forget(self, path: Path) -> None:
        """Drop what was parsed from ``path`` (a file closed, or moved aside)."""
        self._by_file.pop(path, None)


def _check_docs(
    path: Path,
    tables: Tables,
    names: Iterable[str],
    *,
    keyed: bool,
    month: Month | None = None,
    parsed: ParsedRecords | None = None,
) -> None:
    """Every document must parse as its record (values in range, see models.from_dict); with
    ``keyed``, sit under its own key; with ``month``, belong to that month. With ``parsed``,
    the records are kept there for the reads that follow."""
    for name in names:
        parse = _PARSERS[name]
        for key, doc in tables.get(name, {}).items():
            try:
                record = parse(doc) if parsed is None else parsed.record(path, name, key, doc)
            except Exception as error:  # any failure means the document is not ours
                raise CorruptFile(
                    path,
                    f"document {key!r} in table {name!r} is not a valid record "
                    f"({why_invalid(error)})",
                    (name, key),
                ) from None
            if keyed and _KEYS[name](record) != key:
                raise CorruptFile(
                    path, f"document {key!r} in table {name!r} is under the wrong key", (name, key)
                )
            if month is not None and month_of(record.day) != month:
                raise CorruptFile(
                    path,
                    f"document {key!r} in table {name!r} belongs to another month",
                    (name, key),
                )


def validate_main_docs(
    path: Path, tables: Tables, *, keyed: bool = True, parsed: ParsedRecords | None = None
) -> None:
    """Runs must parse, settings must hold a value, the running index must name a day.
    Older layouts (schema 0, not ``keyed``) also kept per-day tables here, under numbered
    keys; those must parse too."""
    check_shape(path, tables)
    names = tuple(n for n in (RUNS, *MONTH_TABLES) if n in tables)
    # Numbered documents of an old layout are not kept: their keys are not their own.
    _check_docs(path, tables, names, keyed=keyed, parsed=parsed if keyed else None)
    for key, doc in tables.get(SETTINGS, {}).items():
        if "value" not in doc:
            raise CorruptFile(path, f"setting {key!r} has no value", (SETTINGS, key))
    for key, doc in tables.get(RUNNING, {}).items():
        try:
            stored_day(doc["day"])
        except Exception:
            raise CorruptFile(
                path, f"running session {key!r} has no valid day", (RUNNING, key)
            ) from None


def validate_month(path: Path, tables: Tables, parsed: ParsedRecords | None = None) -> None:
    check_shape(path, tables)
    _check_docs(path, tables, MONTH_TABLES, keyed=True, month=file_month(path), parsed=parsed)

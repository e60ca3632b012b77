"""Where each record lives on disk, and what a valid file of each kind looks like.

``recovery.json`` (the main file) holds the schema version, runs, settings and the index of
running sessions. Per-day records (check-ins, task states, sessions) live in one file per
calendar month, ``months/YYYY-MM.json``, so a write rewrites one small file whatever the
length of the history.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from recovery_tui.domain.models import CheckIn, Run, SessionRecord, TaskState
from recovery_tui.store.atomic import Tables, check_shape
from recovery_tui.store.errors import CorruptFile

MAIN_FILE = "recovery.json"
MONTHS_DIR = "months"

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


def _check_docs(path: Path, tables: Tables, names: Iterator[str] | tuple[str, ...]) -> None:
    for name in names:
        parse = _PARSERS[name]
        for key, doc in tables.get(name, {}).items():
            try:
                parse(doc)
            except Exception as error:  # any failure means the document is not ours
                raise CorruptFile(
                    path, f"document {key!r} in table {name!r} is not a valid record ({error!r})"
                ) from None


def validate_main_docs(path: Path, tables: Tables) -> None:
    """Runs must parse, settings must hold a value, the running index must name a day.
    Older layouts (schema 0) also kept per-day tables here; those must parse too."""
    check_shape(path, tables)
    _check_docs(path, tables, tuple(n for n in (RUNS, *MONTH_TABLES) if n in tables))
    for key, doc in tables.get(SETTINGS, {}).items():
        if "value" not in doc:
            raise CorruptFile(path, f"setting {key!r} has no value")
    for key, doc in tables.get(RUNNING, {}).items():
        try:
            date.fromisoformat(doc["day"])
        except Exception:
            raise CorruptFile(path, f"running session {key!r} has no valid day") from None


def validate_month(path: Path, tables: Tables) -> None:
    check_shape(path, tables)
    _check_docs(path, tables, MONTH_TABLES)

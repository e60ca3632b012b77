"""The data format version and the migrations from each older version to the next.

The version lives in the main file as ``{"_meta": {"1": {"schema": N}}}``. A file without
``_meta`` is version 0: the first prototype, a stock TinyDB file holding every record in
numbered documents. ``MIGRATIONS[v]`` turns version ``v`` into ``v + 1``; before running any
of them the old files are copied into ``backups/before-schema-<N>-<timestamp>/``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from recovery_tui.private import make_private_dir
from recovery_tui.store.atomic import Tables, atomic_write_bytes
from recovery_tui.store.errors import CorruptFile, SchemaTooNew
from recovery_tui.store.partitions import (
    CHECKINS,
    META,
    META_KEY,
    MONTH_TABLES,
    RUNNING,
    RUNS,
    SESSIONS,
    SETTINGS,
    TASKS,
    ParsedRecords,
    checkin_key,
    month_of,
    month_path,
    task_key,
    validate_main_docs,
)

CURRENT_VERSION = 1


def version_of(path: Path, tables: Tables) -> int:
    meta = tables.get(META)
    if not meta:
        return 0
    if not isinstance(meta, dict):
        raise CorruptFile(path, f"the {META!r} table is not an object")
    versions = [d.get("schema") for d in meta.values() if isinstance(d, dict) and "schema" in d]
    if len(versions) != 1 or type(versions[0]) is not int or versions[0] < 0:
        raise CorruptFile(path, f"the {META!r} table does not hold one schema version")
    return versions[0]


def check_version(path: Path, tables: Tables) -> int:
    """The file's version; a newer one than we understand is refused before anything else."""
    version = version_of(path, tables)
    if version > CURRENT_VERSION:
        raise SchemaTooNew(path, version, CURRENT_VERSION)
    return version


def validate_main(path: Path, tables: Tables, parsed: ParsedRecords | None = None) -> None:
    """A main file of any version we understand, whose records all check (and are kept in
    ``parsed``, when given)."""
    version = check_version(path, tables)
    validate_main_docs(path, tables, keyed=version >= 1, parsed=parsed)


def meta_table(version: int = CURRENT_VERSION) -> dict[str, dict[str, Any]]:
    return {META_KEY: {"schema": version}}


def fresh_main() -> Tables:
    return {META: meta_table(), RUNS: {}, SETTINGS: {}, RUNNING: {}}


# A migration gets the data dir and the main file's tables, may write other files
# (atomically) and returns the main file's new tables; the runner then saves them.
Migration = Callable[[Path, Tables], Tables]


def _split_into_months(data_dir: Path, tables: Tables) -> Tables:
    """0 -> 1: per-day records move from the main file into per-month files; every record
    is keyed by its own identity instead of a running number."""
    import json

    months: dict[tuple[int, int], Tables] = {}

    def month_tables(day_text: str) -> Tables:
        month = month_of(date.fromisoformat(day_text))
        return months.setdefault(month, {name: {} for name in MONTH_TABLES})

    for doc in tables.get(CHECKINS, {}).values():
        month_tables(doc["day"])[CHECKINS][checkin_key(date.fromisoformat(doc["day"]))] = doc
    for doc in tables.get(TASKS, {}).values():
        key = task_key(date.fromisoformat(doc["day"]), doc["task_id"])
        month_tables(doc["day"])[TASKS][key] = doc
    running: dict[str, dict[str, Any]] = {}
    for doc in tables.get(SESSIONS, {}).values():
        month_tables(doc["day"])[SESSIONS][doc["id"]] = doc
        if doc.get("status") == "running":
            running[doc["id"]] = {"day": doc["day"]}
    for month, month_data in months.items():
        path = month_path(data_dir, month)
        make_private_dir(path.parent)
        atomic_write_bytes(path, json.dumps(month_data, ensure_ascii=False).encode("utf-8"))

    new = {
        name: docs
        for name, docs in tables.items()
        if name not in (*MONTH_TABLES, RUNS, SETTINGS, "_default") or (name == "_default" and docs)
    }
    new[RUNS] = {str(doc["id"]): doc for doc in tables.get(RUNS, {}).values()}
    settings: dict[str, dict[str, Any]] = {}
    for key, doc in tables.get(SETTINGS, {}).items():
        settings[str(doc.get("key", key))] = {"value": doc["value"]}
    new[SETTINGS] = settings
    new[RUNNING] = running
    return new


MIGRATIONS: list[Migration] = [_split_into_months]


def migrate(
    data_dir: Path,
    main_path: Path,
    tables: Tables,
    stamp: str,
    write_main: Callable[[Tables], None],
) -> Path:
    """Bring the data from its version up to CURRENT_VERSION, step by step, after copying
    the old main file and month files aside. Returns the folder holding the copies."""
    from recovery_tui.store.backups import snapshot
    from recovery_tui.store.partitions import existing_months

    version = check_version(main_path, tables)
    files = [main_path, *(month_path(data_dir, m) for m in existing_months(data_dir))]
    folder = snapshot(data_dir, files, f"before-schema-{CURRENT_VERSION}-{stamp}")
    for step in range(version, CURRENT_VERSION):
        tables = MIGRATIONS[step](data_dir, tables)
        tables[META] = meta_table(step + 1)
        write_main(tables)
    return folder

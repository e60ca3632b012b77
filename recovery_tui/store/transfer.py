"""Everything as one JSON document, and that document merged back.

An export holds every record in its stored shape (``to_dict``) plus a format marker and the
data format version. An import checks the whole document first (a newer version, a foreign
or malformed document: refused with a reason, nothing written), then puts each record under
its own key when it is new here or newer than the one here (``import_merge``), so
importing the same document twice changes nothing the second time, and an older export
never overwrites newer records.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from recovery_tui.domain.checkins import join_checkins
from recovery_tui.domain.models import CheckIn, Run, SessionRecord, SessionStatus, TaskState
from recovery_tui.store.backups import snapshot
from recovery_tui.store.errors import StoreError
from recovery_tui.store.import_merge import ImportResult, Verdict, verdict
from recovery_tui.store.partitions import (
    CHECKINS,
    MONTH_TABLES,
    RUNNING,
    RUNS,
    SESSIONS,
    SETTINGS,
    TASKS,
    Month,
    Record,
    checkin_key,
    existing_months,
    month_of,
    month_path,
    task_key,
    why_invalid,
)
from recovery_tui.store.quarantine import stamp
from recovery_tui.store.schema import CURRENT_VERSION

if TYPE_CHECKING:
    from recovery_tui.store.datafiles import DataFiles

EXPORT_FORMAT = "recovery-tui-export"

Doc = dict[str, Any]

# Each kind of record in a document: how it is parsed and the key it is stored under.
_KINDS: dict[str, tuple[Callable[[Doc], Record], Callable[[Any], str]]] = {
    RUNS: (Run.from_dict, lambda r: r.id),
    CHECKINS: (CheckIn.from_dict, lambda c: checkin_key(c.day)),
    TASKS: (TaskState.from_dict, lambda t: task_key(t.day, t.task_id)),
    SESSIONS: (SessionRecord.from_dict, lambda s: s.id),
}


class ImportRefused(StoreError):
    """The document was refused as a whole; nothing was written. ``str()`` says why."""


def is_export(document: object) -> bool:
    """Whether a parsed JSON value says it is one of our exports (for telling it apart from
    other files given to ``import``)."""
    return isinstance(document, dict) and document.get("format") == EXPORT_FORMAT


# ----------------------------------------------------------------------------- export


def _plain(value: Any) -> Any:
    """A deep copy of a stored JSON value, so a caller cannot change cached file data."""
    return json.loads(json.dumps(value))


def export_document(files: DataFiles, exported_at: str) -> Doc:
    main = files.main
    runs = [Run.from_dict(dict(d)) for d in files.docs(main, RUNS).values()]
    checkins: list[CheckIn] = []
    tasks: list[TaskState] = []
    sessions: list[SessionRecord] = []
    for month in existing_months(files.data_dir):
        db = files.month(month)
        checkins += [CheckIn.from_dict(dict(d)) for d in files.docs(db, CHECKINS).values()]
        tasks += [TaskState.from_dict(dict(d)) for d in files.docs(db, TASKS).values()]
        sessions += [SessionRecord.from_dict(dict(d)) for d in files.docs(db, SESSIONS).values()]
    settings = {key: _plain(doc["value"]) for key, doc in files.docs(main, SETTINGS).items()}
    return {
        "format": EXPORT_FORMAT,
        "schema": CURRENT_VERSION,
        "exported_at": exported_at,
        RUNS: [r.to_dict() for r in sorted(runs, key=lambda r: (r.day, r.recorded_at, r.id))],
        CHECKINS: [c.to_dict() for c in sorted(checkins, key=lambda c: c.day)],
        TASKS: [t.to_dict() for t in sorted(tasks, key=lambda t: (t.day, t.task_id))],
        SESSIONS: [
            s.to_dict() for s in sorted(sessions, key=lambda s: (s.day, s.started_at, s.id))
        ],
        SETTINGS: dict(sorted(settings.items())),
    }


# ----------------------------------------------------------------------------- import


def parse_document(document: object) -> tuple[dict[str, dict[str, Record]], dict[str, Any]]:
    """The records of each kind by key, and the settings; ImportRefused if anything in the
    document is not right."""
    if not isinstance(document, dict):
        raise ImportRefused("it is not a recovery-tui export (not a JSON object)")
    if document.get("format") != EXPORT_FORMAT:
        raise ImportRefused(f'it is not a recovery-tui export (no "format": "{EXPORT_FORMAT}")')
    version = document.get("schema")
    if type(version) is not int:
        raise ImportRefused("its data format version is missing or not a whole number")
    if version > CURRENT_VERSION:
        raise ImportRefused(
            f"it was exported by a newer version of recovery-tui (data format {version}; "
            f"this version understands up to {CURRENT_VERSION}). Nothing was imported: "
            "please upgrade recovery-tui."
        )
    if version < 1:
        raise ImportRefused(f"data format {version} is not one this version can import")
    records: dict[str, dict[str, Record]] = {}
    for kind, (parse, key_of) in _KINDS.items():
        items = document.get(kind, [])
        if not isinstance(items, list):
            raise ImportRefused(f"{kind!r} is not a list")
        records[kind] = {}
        for n, item in enumerate(items):
            try:
                if not isinstance(item, dict):
                    raise ValueError("not an object")
                record = parse(item)
            except Exception as error:  # any failure means the record is not ours
                reason = why_invalid(error)
                raise ImportRefused(f"{kind}[{n}] is not a valid record ({reason})") from None
            records[kind][key_of(record)] = record
    settings = document.get(SETTINGS, {})
    if not isinstance(settings, dict):
        raise ImportRefused(f"{SETTINGS!r} is not an object")
    return records, _plain(settings)


@dataclass(slots=True)
class _Plan:
    """What an import changes: new docs for the main file and per month, sessions leaving a
    month, and entries the running-sessions index gains or loses."""

    runs: dict[str, Doc] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    months: dict[Month, dict[str, dict[str, Doc]]] = field(default_factory=dict)
    moved_out: dict[Month, list[str]] = field(default_factory=dict)
    index_adds: dict[str, Doc] = field(default_factory=dict)
    index_drops: set[str] = field(default_factory=set)

    def month_files(self) -> list[Month]:
        return sorted({*self.months, *self.moved_out})


def import_document(files: DataFiles, document: object, *, dry_run: bool = False) -> ImportResult:
    """Merge an export: each record put under its own key when it is new here or newer
    than the one here (``import_merge``), files written only if something changed, after
    copying them to ``backups/before-import-*``. A ``dry_run`` checks and counts the same
    and writes nothing (not even the lock file)."""
    records, settings = parse_document(document)
    result = ImportResult(dry_run=dry_run)
    if dry_run:
        _plan(files, records, settings, result)
        return result
    with files.hold():
        files.check_main()
        plan = _plan(files, records, settings, result)
        main_changes = bool(plan.runs or plan.settings or plan.index_adds)
        if not (main_changes or plan.month_files() or plan.index_drops):
            return result
        touched = [files.main.atomic.path]
        touched += [month_path(files.data_dir, m) for m in plan.month_files()]
        result.saved_to = snapshot(
            files.data_dir,
            [path for path in touched if path.exists()],
            f"before-import-{stamp(files.clock.now())}",
        )
        # The running index gains entries before the month files and loses them after, as
        # in Repository.save_session: a crash in between leaves a stale entry, never a gap.
        if main_changes:
            _change_main(files, plan.runs, plan.settings, plan.index_adds, set())
        for month in plan.month_files():
            _change_month(files, month, plan.months.get(month, {}), plan.moved_out.get(month, []))
        if plan.index_drops:
            _change_main(files, {}, {}, {}, plan.index_drops)
    return result


_TAKEN = (Verdict.ADD, Verdict.UPDATE)


def _plan(
    files: DataFiles,
    records: dict[str, dict[str, Record]],
    settings: dict[str, Any],
    result: ImportResult,
) -> _Plan:
    """Compare each imported record with the stored one: count it and note what changes."""
    plan = _Plan()
    main = files.main
    old_runs = files.docs(main, RUNS)
    for key, run in records[RUNS].items():
        doc = run.to_dict()
        said = verdict(RUNS, old_runs.get(key), doc)
        result.count(RUNS, key, doc, said)
        if said in _TAKEN:
            plan.runs[key] = doc
    old_settings = files.docs(main, SETTINGS)
    for key, value in settings.items():
        old = old_settings.get(key)
        said = verdict(SETTINGS, None if old is None else old["value"], value)
        result.count(SETTINGS, key, value, said)
        if said in _TAKEN:
            plan.settings[key] = value
    where = _session_months(files)
    taken_sessions: list[SessionRecord] = []
    for kind in MONTH_TABLES:
        for key, record in records[kind].items():
            month = month_of(record.day)
            doc = record.to_dict()
            old = files.docs(files.month(month), kind).get(key)
            moved = kind == SESSIONS and where.get(key, month) != month  # to another day
            if moved:
                old = files.docs(files.month(where[key]), SESSIONS).get(key)
            said = verdict(kind, old, doc)
            if kind == CHECKINS and old is not None and said is not Verdict.SAME:
                doc, said = _joined_checkin(old, doc, said)
            result.count(kind, key, doc, said)
            if said not in _TAKEN:
                continue
            if moved:
                plan.moved_out.setdefault(where[key], []).append(key)
            if isinstance(record, SessionRecord):
                taken_sessions.append(record)
            plan.months.setdefault(month, {}).setdefault(kind, {})[key] = doc
    old_running = files.docs(main, RUNNING)
    for session in taken_sessions:
        key, entry = session.id, {"day": session.day.isoformat()}
        if session.status is SessionStatus.RUNNING and old_running.get(key) != entry:
            plan.index_adds[key] = entry
        elif session.status is not SessionStatus.RUNNING and key in old_running:
            plan.index_drops.add(key)
    return plan


def _joined_checkin(old: Doc, new: Doc, said: Verdict) -> tuple[Doc, Verdict]:
    """A check-in on both sides is joined field by field, the newer side's values first
    (``domain.checkins.join_checkins``): an older export still adds what only it holds,
    above all a red flag. Unchanged here when the join adds nothing."""
    here, there = CheckIn.from_dict(dict(old)), CheckIn.from_dict(dict(new))
    older, newer = (here, there) if said is Verdict.UPDATE else (there, here)
    joined = join_checkins(older, newer).to_dict()
    if joined == old:
        return joined, said if said is not Verdict.UPDATE else Verdict.SAME
    return joined, Verdict.UPDATE


def _change_main(
    files: DataFiles,
    runs: dict[str, Doc],
    settings: dict[str, Any],
    index_adds: dict[str, Doc],
    index_drops: set[str],
) -> None:
    main = files.main
    tables = dict(files.guard(main, main.read_all))
    tables[RUNS] = {**tables.get(RUNS, {}), **runs}
    tables[SETTINGS] = {
        **tables.get(SETTINGS, {}),
        **{k: {"value": v} for k, v in settings.items()},
    }
    running = {**tables.get(RUNNING, {}), **index_adds}
    tables[RUNNING] = {k: v for k, v in running.items() if k not in index_drops}
    main.write_all(tables)


def _change_month(
    files: DataFiles, month: Month, changes: dict[str, dict[str, Doc]], leaving: list[str]
) -> None:
    db = files.month(month)
    files.ensure_parent(db)
    tables = {name: dict(table) for name, table in files.guard(db, db.read_all).items()}
    for name in MONTH_TABLES:
        tables.setdefault(name, {})
    for key in leaving:
        tables[SESSIONS].pop(key, None)
    for kind, docs in changes.items():
        tables[kind].update(docs)
    db.write_all(tables)


def _session_months(files: DataFiles) -> dict[str, Month]:
    """Which month file holds each stored session (an import may move one to another day)."""
    where: dict[str, Month] = {}
    for month in existing_months(files.data_dir):
        for key in files.docs(files.month(month), SESSIONS):
            where[key] = month
    return where

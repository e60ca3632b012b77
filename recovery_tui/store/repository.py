"""The typed repository: the one way the rest of the program reads and saves records.

It turns records into documents under their keys and back; how files are read, locked,
backed up and written is ``datafiles.DataFiles``. See docs/storage.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from recovery_tui.domain.clock import Clock
from recovery_tui.domain.models import (
    CheckIn,
    Run,
    SessionRecord,
    SessionStatus,
    TaskState,
    utc_iso,
)
from recovery_tui.private import make_private_dir
from recovery_tui.store.atomic import Tables
from recovery_tui.store.datafiles import DataFiles
from recovery_tui.store.errors import InvalidRecord, StoreError
from recovery_tui.store.lock import DEFAULT_TIMEOUT
from recovery_tui.store.partitions import (
    CHECKINS,
    MONTH_TABLES,
    RUNNING,
    RUNS,
    SESSIONS,
    SETTINGS,
    TASKS,
    Month,
    checkin_key,
    existing_months,
    month_of,
    stored,
    task_key,
)
from recovery_tui.store.tables import KeyedDB
from recovery_tui.store.whole_data import WholeData


class Repository(WholeData):
    def __init__(
        self,
        data_dir: Path,
        clock: Clock,
        lock_timeout: float = DEFAULT_TIMEOUT,
        read_only: bool = False,
        around_damage: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self._clock = clock
        self._files = DataFiles(data_dir, clock, lock_timeout, read_only, around_damage)
        self._notices_taken = 0
        self._runs: list[Run] = []
        self._runs_of: object = None  # the runs table the sorted list was made from

    @property
    def notices(self) -> list[str]:
        """Every notice so far (damaged files, upgrades), oldest first."""
        return self._files.notices

    # ----------------------------------------------------------------- lifecycle

    @classmethod
    def open(
        cls,
        data_dir: Path,
        clock: Clock,
        *,
        lock_timeout: float = DEFAULT_TIMEOUT,
        read_only: bool = False,
        around_damage: bool = False,
    ) -> Repository:
        """Open (creating if needed) the data in ``data_dir``: refuse a newer format, move
        damaged files aside, remove abandoned temporary files and migrate older data.

        ``read_only``: create and change nothing, not even the lock file (a command that
        only shows the data must not make a store at a mistyped path); no data dir reads
        as no records, damage or an older format is a StoreError, and so is any write.

        ``around_damage``: read-only, but a damaged file reads as what of it reads (named
        in ``notices`` and ``read_around``) instead of stopping the open."""
        data_dir = Path(data_dir)
        read_only = read_only or around_damage
        if not read_only:
            try:
                make_private_dir(data_dir)
            except OSError as error:
                raise StoreError(
                    f"could not create the data directory {data_dir}: {error.strerror}"
                ) from error
        repo = cls(data_dir, clock, lock_timeout, read_only, around_damage)
        try:
            if read_only:
                repo._files.prepare_to_read()
            else:
                with repo._files.hold():
                    repo._files.prepare()
        except BaseException:
            repo.close()
            raise
        return repo

    def close(self) -> None:
        self._files.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- runs

    def add_run(self, run: Run) -> None:
        self._files.write(self._main, lambda: self._main.table(RUNS).put(run.id, stored(run)))

    def runs(self) -> list[Run]:
        docs = self._files.docs(self._main, RUNS)
        if docs is not self._runs_of:
            # Sorted once per version of the table, not at each refresh of a screen.
            records = self._files.records(self._main, RUNS).values()
            self._runs = sorted(records, key=lambda r: (r.day, r.recorded_at))
            self._runs_of = docs
        return list(self._runs)

    def delete_run(self, run_id: str) -> None:
        self._files.write(self._main, lambda: self._main.table(RUNS).delete(run_id))

    # ----------------------------------------------------------------- check-ins

    def save_checkin(self, checkin: CheckIn) -> None:
        db = self._files.month(month_of(checkin.day))
        key = checkin_key(checkin.day)
        self._files.write(db, lambda: db.table(CHECKINS).put(key, stored(checkin)))

    def update_checkin(self, day: date, change: Callable[[CheckIn | None], CheckIn]) -> CheckIn:
        """Read the day's check-in, apply ``change`` and save, all under the lock: a check-in
        from another copy in between is merged, not overwritten."""
        db = self._files.month(month_of(day))

        def compute(current: dict[str, Any] | None) -> dict[str, Any]:
            old = CheckIn.from_dict(dict(current)) if current else None
            new = change(old)
            if new.day != day:
                raise InvalidRecord(f"not saved: a check-in for {day} was changed into {new.day}")
            return stored(new)

        doc = self._files.write(db, lambda: db.table(CHECKINS).change(checkin_key(day), compute))
        return CheckIn.from_dict(doc)

    def checkin(self, day: date) -> CheckIn | None:
        db = self._files.month(month_of(day))
        key = checkin_key(day)
        doc = self._files.docs(db, CHECKINS).get(key)
        return self._files.record(db, CHECKINS, key, doc) if doc is not None else None

    def checkins(self, start: date, end: date) -> list[CheckIn]:
        """Check-ins from ``start`` to ``end`` inclusive, oldest first."""
        found = self._between(start, end, CHECKINS)
        return sorted(found, key=lambda c: c.day)

    # ----------------------------------------------------------------- task progress

    def set_task_count(self, day: date, task_id: str, count: int) -> TaskState:
        state = TaskState(day, task_id, count, utc_iso(self._clock.now()), self._tz_name())
        db = self._files.month(month_of(day))
        self._files.write(db, lambda: db.table(TASKS).put(task_key(day, task_id), stored(state)))
        return state

    def bump_task(
        self, day: date, task_id: str, delta: int, low: int = 0, high: int = 99
    ) -> TaskState:
        """Add ``delta`` to the stored count, clamped to [low, high]. The count is read and
        written under the lock, so bumps from two running copies add up."""

        def compute(current: dict[str, Any] | None) -> dict[str, Any]:
            count = int(current["count"]) if current else 0
            new = min(high, max(low, count + delta))
            return stored(TaskState(day, task_id, new, utc_iso(self._clock.now()), self._tz_name()))

        db = self._files.month(month_of(day))
        doc = self._files.write(db, lambda: db.table(TASKS).change(task_key(day, task_id), compute))
        return TaskState.from_dict(doc)

    def task_states(self, day: date) -> dict[str, TaskState]:
        prefix = task_key(day, "")
        db = self._files.month(month_of(day))
        docs = self._files.docs(db, TASKS)
        states: list[TaskState] = [
            self._files.record(db, TASKS, k, d) for k, d in docs.items() if k.startswith(prefix)
        ]
        return {s.task_id: s for s in states}

    def task_states_between(self, start: date, end: date) -> dict[date, dict[str, TaskState]]:
        """Task states per day, for the days in [start, end] that have any, oldest first."""
        by_day: dict[date, dict[str, TaskState]] = {}
        states: list[TaskState] = self._between(start, end, TASKS)
        for state in sorted(states, key=lambda s: task_key(s.day, s.task_id)):
            by_day.setdefault(state.day, {})[state.task_id] = state
        return by_day

    # ----------------------------------------------------------------- sessions

    def save_session(self, session: SessionRecord) -> None:
        """Insert or replace a session by id. Running sessions are also listed in the main
        file; the list is updated before (start) or after (finish) the month file, so a
        crash in between can leave a stale entry (filtered on read) but never miss one."""
        doc = stored(session)
        day_text = session.day.isoformat()
        running = session.status is SessionStatus.RUNNING
        index = self._main.table(RUNNING)
        db = self._files.month(month_of(session.day))
        with self._files.hold():
            self._files.check_main()
            listed = self._files.guard(self._main, lambda: index.doc(session.id))
            if running and (listed is None or listed.get("day") != day_text):
                self._files.write(self._main, lambda: index.put(session.id, {"day": day_text}))
            self._files.write(db, lambda: db.table(SESSIONS).put(session.id, doc))
            if listed is not None and listed.get("day") != day_text:
                old = self._files.month(month_of(date.fromisoformat(listed["day"])))
                if old is not db:
                    self._files.write(old, lambda: old.table(SESSIONS).delete(session.id))
            if not running and listed is not None:
                self._files.write(self._main, lambda: index.delete(session.id))

    def sessions(self, start: date, end: date) -> list[SessionRecord]:
        found: list[SessionRecord] = self._between(start, end, SESSIONS)
        return sorted(found, key=lambda s: (s.day, s.started_at))

    def unfinished_sessions(self) -> list[SessionRecord]:
        """Sessions still marked running (the program may have died mid-way), any day."""
        found = []
        for session_id, entry in self._files.docs(self._main, RUNNING).items():
            db = self._files.month(month_of(date.fromisoformat(entry["day"])))
            doc = self._files.docs(db, SESSIONS).get(session_id)
            if doc is not None and doc.get("status") == SessionStatus.RUNNING.value:
                found.append(SessionRecord.from_dict(dict(doc)))
        return sorted(found, key=lambda s: (s.day, s.started_at))

    # ----------------------------------------------------------------- settings

    def get_setting(self, key: str, default: Any = None) -> Any:
        doc = self._files.docs(self._main, SETTINGS).get(key)
        # A copy, so a caller changing a list or dict cannot change the cached file data.
        return json.loads(json.dumps(doc["value"])) if doc is not None else default

    def set_setting(self, key: str, value: Any) -> None:
        try:
            stored = json.loads(json.dumps(value))
        except (TypeError, ValueError) as error:
            raise TypeError(f"setting {key!r} must be a JSON value: {error}") from None
        self._files.write(
            self._main, lambda: self._main.table(SETTINGS).put(key, {"value": stored})
        )

    # ----------------------------------------------------------------- whole-history

    def is_empty(self) -> bool:
        if self._files.docs(self._main, RUNS):
            return False
        for month in existing_months(self.data_dir):
            db = self._files.month(month)
            if any(self._files.docs(db, name) for name in MONTH_TABLES):
                return False
        return True

    def first_day(self) -> date | None:
        candidates = []
        runs = self.runs()
        if runs:
            candidates.append(runs[0].day)
        for month in existing_months(self.data_dir):
            db = self._files.month(month)
            days = [
                doc["day"] for name in MONTH_TABLES for doc in self._files.docs(db, name).values()
            ]
            if days:
                candidates.append(date.fromisoformat(min(days)))
                break
        return min(candidates, default=None)

    def bulk_import(
        self,
        runs: Iterable[Run],
        checkins: Iterable[CheckIn],
        tasks: Iterable[TaskState],
        sessions: Iterable[SessionRecord],
    ) -> None:
        """Load many records into an EMPTY data dir with one write per file (for `demo`)."""
        with self._files.hold():
            self._files.check_main()
            if not self.is_empty():
                raise StoreError(
                    f"{self.data_dir} already holds records; sample data can only be loaded "
                    "into an empty data directory."
                )
            months: dict[Month, Tables] = {}

            def bucket(day: date) -> Tables:
                return months.setdefault(month_of(day), {name: {} for name in MONTH_TABLES})

            for c in checkins:
                bucket(c.day)[CHECKINS][checkin_key(c.day)] = stored(c)
            for t in tasks:
                bucket(t.day)[TASKS][task_key(t.day, t.task_id)] = stored(t)
            running: dict[str, dict[str, Any]] = {}
            for s in sessions:
                bucket(s.day)[SESSIONS][s.id] = stored(s)
                if s.status is SessionStatus.RUNNING:
                    running[s.id] = {"day": s.day.isoformat()}
            for month, tables in sorted(months.items()):
                db = self._files.month(month)
                self._files.ensure_parent(db)
                db.write_all(tables)
            main = dict(self._main.read_all())
            main[RUNS] = {r.id: stored(r) for r in runs}
            main[RUNNING] = running
            self._main.write_all(main)

    # ----------------------------------------------------------------- watching

    def take_notices(self) -> list[str]:
        """Notices not handed out yet: a damaged month file is often found long after open."""
        fresh = self.notices[self._notices_taken :]
        self._notices_taken = len(self.notices)
        return fresh

    def read_around(self) -> list[Path]:
        """The damaged files an ``around_damage`` open read only in part (or not at all)."""
        return list(self._files.read_around)

    def fingerprint(self, day: date) -> tuple[object, ...]:
        """Changes whenever any copy writes the main file or the day's month file; a stat
        each, so a screen can poll it to pick up check-ins made from the command line."""
        return self._files.fingerprint(day)

    # ----------------------------------------------------------------- internals

    @property
    def _main(self) -> KeyedDB:
        return self._files.main

    def _between(self, start: date, end: date, table: str) -> list[Any]:
        """The records of a month table whose day is in [start, end], in no order."""
        return [
            self._files.record(db, table, key, doc)
            for db, key, doc in self._files.docs_between(start, end, table)
        ]

    def _tz_name(self) -> str:
        return self._clock.tz_name

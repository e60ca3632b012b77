"""The typed repository: the one way the rest of the program reads and saves records.

Every write takes the short data lock, re-reads the file it changes if another copy changed
it, applies one change and writes the file atomically, so the app and the CLI can both write
without losing each other's changes. Damaged files are moved aside with a notice.
See docs/storage.md for the layout and the reasons behind it.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.models import (
    CheckIn,
    Run,
    SessionRecord,
    SessionStatus,
    TaskState,
    utc_iso,
)
from recovery_tui.store.atomic import Tables, clean_stale_temps
from recovery_tui.store.backups import backup_before_write
from recovery_tui.store.errors import CorruptFile, StoreError
from recovery_tui.store.lock import DEFAULT_TIMEOUT, LOCK_NAME, DataLock
from recovery_tui.store.partitions import (
    CHECKINS,
    MAIN_FILE,
    MONTH_TABLES,
    RUNNING,
    RUNS,
    SESSIONS,
    SETTINGS,
    TASKS,
    Month,
    checkin_key,
    day_of_key,
    existing_months,
    month_of,
    month_path,
    months_between,
    task_key,
    validate_main_docs,
    validate_month,
)
from recovery_tui.store.quarantine import move_aside, stamp
from recovery_tui.store.schema import (
    CURRENT_VERSION,
    check_version,
    fresh_main,
    migrate,
    version_of,
)
from recovery_tui.store.tables import KeyedDB, open_db

T = TypeVar("T")

# Month files kept open (parsed and pinned) at once; older ones are closed and re-read if
# needed again. Five years of history is 60 files.
_OPEN_MONTHS = 48


def _validate_main(path: Path, tables: Tables) -> None:
    check_version(path, tables)
    validate_main_docs(path, tables)


class Repository:
    def __init__(self, data_dir: Path, clock: Clock, lock_timeout: float = DEFAULT_TIMEOUT) -> None:
        self.data_dir = data_dir
        self.notices: list[str] = []
        self._notices_taken = 0
        self._clock = clock
        self._lock = DataLock(data_dir / LOCK_NAME, lock_timeout)
        self._main = open_db(data_dir / MAIN_FILE, _validate_main, self._backup)
        self._months: OrderedDict[Month, KeyedDB] = OrderedDict()
        self._backed_up: set[tuple[Path, date]] = set()
        self._dirs_made: set[Path] = set()

    # ----------------------------------------------------------------- lifecycle

    @classmethod
    def open(
        cls, data_dir: Path, clock: Clock, *, lock_timeout: float = DEFAULT_TIMEOUT
    ) -> Repository:
        """Open (creating if needed) the data in ``data_dir``: refuse a newer format, move
        damaged files aside, remove abandoned temporary files and migrate older data."""
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"could not create the data directory {data_dir}: {error.strerror}"
            ) from error
        repo = cls(data_dir, clock, lock_timeout)
        try:
            with repo._lock.hold():
                repo._prepare()
        except BaseException:
            repo.close()
            raise
        return repo

    def close(self) -> None:
        self._main.close()
        for db in self._months.values():
            db.close()
        self._months.clear()
        self._lock.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _prepare(self) -> None:
        tables = self._guard(self._main, self._main.atomic.read)  # SchemaTooNew stops here
        clean_stale_temps(self.data_dir)
        if tables is None:
            self._main.write_all(fresh_main())
        elif version_of(self._main.atomic.path, tables) < CURRENT_VERSION:
            folder = migrate(
                self.data_dir,
                self._main.atomic.path,
                tables,
                stamp(self._clock.now()),
                self._main.write_all,
            )
            self.notices.append(
                f"Your data in {self.data_dir} was upgraded to format {CURRENT_VERSION}; "
                f"a copy of the old files is in {folder}."
            )
        # The months the Today and History screens open first: report damage at start-up.
        this_month = month_of(today(self._clock))
        previous = (
            (this_month[0] - 1, 12) if this_month[1] == 1 else (this_month[0], this_month[1] - 1)
        )
        for month in (previous, this_month):
            db = self._month_db(month)
            self._guard(db, db.atomic.read)

    # ----------------------------------------------------------------- runs

    def add_run(self, run: Run) -> None:
        self._write(self._main, lambda: self._main.table(RUNS).put(run.id, run.to_dict()))

    def runs(self) -> list[Run]:
        docs = self._docs(self._main, RUNS)
        return sorted(
            (Run.from_dict(d) for d in docs.values()), key=lambda r: (r.day, r.recorded_at)
        )

    def delete_run(self, run_id: str) -> None:
        self._write(self._main, lambda: self._main.table(RUNS).delete(run_id))

    # ----------------------------------------------------------------- check-ins

    def save_checkin(self, checkin: CheckIn) -> None:
        db = self._month_db(month_of(checkin.day))
        key = checkin_key(checkin.day)
        self._write(db, lambda: db.table(CHECKINS).put(key, checkin.to_dict()))

    def update_checkin(self, day: date, change: Callable[[CheckIn | None], CheckIn]) -> CheckIn:
        """Read the day's check-in, apply ``change`` and save, all under the lock: a check-in
        from another copy in between is merged, not overwritten."""
        db = self._month_db(month_of(day))

        def compute(current: dict[str, Any] | None) -> dict[str, Any]:
            old = CheckIn.from_dict(dict(current)) if current else None
            return change(old).to_dict()

        doc = self._write(db, lambda: db.table(CHECKINS).change(checkin_key(day), compute))
        return CheckIn.from_dict(doc)

    def checkin(self, day: date) -> CheckIn | None:
        doc = self._docs(self._month_db(month_of(day)), CHECKINS).get(checkin_key(day))
        return CheckIn.from_dict(dict(doc)) if doc is not None else None

    def checkins(self, start: date, end: date) -> list[CheckIn]:
        """Check-ins from ``start`` to ``end`` inclusive, oldest first."""
        found = [
            CheckIn.from_dict(dict(doc)) for key, doc in self._docs_between(start, end, CHECKINS)
        ]
        return sorted(found, key=lambda c: c.day)

    # ----------------------------------------------------------------- task progress

    def set_task_count(self, day: date, task_id: str, count: int) -> TaskState:
        state = TaskState(day, task_id, count, utc_iso(self._clock.now()), self._tz_name())
        db = self._month_db(month_of(day))
        self._write(db, lambda: db.table(TASKS).put(task_key(day, task_id), state.to_dict()))
        return state

    def bump_task(
        self, day: date, task_id: str, delta: int, low: int = 0, high: int = 99
    ) -> TaskState:
        """Add ``delta`` to the stored count, clamped to [low, high]. The count is read and
        written under the lock, so bumps from two running copies add up."""

        def compute(current: dict[str, Any] | None) -> dict[str, Any]:
            count = int(current["count"]) if current else 0
            new = min(high, max(low, count + delta))
            return TaskState(
                day, task_id, new, utc_iso(self._clock.now()), self._tz_name()
            ).to_dict()

        db = self._month_db(month_of(day))
        doc = self._write(db, lambda: db.table(TASKS).change(task_key(day, task_id), compute))
        return TaskState.from_dict(doc)

    def task_states(self, day: date) -> dict[str, TaskState]:
        prefix = task_key(day, "")
        docs = self._docs(self._month_db(month_of(day)), TASKS)
        states = (TaskState.from_dict(dict(d)) for k, d in docs.items() if k.startswith(prefix))
        return {s.task_id: s for s in states}

    def task_states_between(self, start: date, end: date) -> dict[date, dict[str, TaskState]]:
        """Task states per day, for the days in [start, end] that have any, oldest first."""
        by_day: dict[date, dict[str, TaskState]] = {}
        for _key, doc in sorted(self._docs_between(start, end, TASKS)):
            state = TaskState.from_dict(dict(doc))
            by_day.setdefault(state.day, {})[state.task_id] = state
        return by_day

    # ----------------------------------------------------------------- sessions

    def save_session(self, session: SessionRecord) -> None:
        """Insert or replace a session by id. Running sessions are also listed in the main
        file; the list is updated before (start) or after (finish) the month file, so a
        crash in between can leave a stale entry (filtered on read) but never miss one."""
        day_text = session.day.isoformat()
        running = session.status is SessionStatus.RUNNING
        index = self._main.table(RUNNING)
        db = self._month_db(month_of(session.day))
        with self._lock.hold():
            self._check_main()
            listed = self._guard(self._main, lambda: index.doc(session.id))
            if running and (listed is None or listed.get("day") != day_text):
                self._write(self._main, lambda: index.put(session.id, {"day": day_text}))
            self._write(db, lambda: db.table(SESSIONS).put(session.id, session.to_dict()))
            if listed is not None and listed.get("day") != day_text:
                old = self._month_db(month_of(date.fromisoformat(listed["day"])))
                if old is not db:
                    self._write(old, lambda: old.table(SESSIONS).delete(session.id))
            if not running and listed is not None:
                self._write(self._main, lambda: index.delete(session.id))

    def sessions(self, start: date, end: date) -> list[SessionRecord]:
        found = [
            SessionRecord.from_dict(dict(d)) for _k, d in self._docs_between(start, end, SESSIONS)
        ]
        return sorted(found, key=lambda s: (s.day, s.started_at))

    def unfinished_sessions(self) -> list[SessionRecord]:
        """Sessions still marked running (the program may have died mid-way), any day."""
        found = []
        for session_id, entry in self._docs(self._main, RUNNING).items():
            db = self._month_db(month_of(date.fromisoformat(entry["day"])))
            doc = self._docs(db, SESSIONS).get(session_id)
            if doc is not None and doc.get("status") == SessionStatus.RUNNING.value:
                found.append(SessionRecord.from_dict(dict(doc)))
        return sorted(found, key=lambda s: (s.day, s.started_at))

    # ----------------------------------------------------------------- settings

    def get_setting(self, key: str, default: Any = None) -> Any:
        doc = self._docs(self._main, SETTINGS).get(key)
        # A copy, so a caller changing a list or dict cannot change the cached file data.
        return json.loads(json.dumps(doc["value"])) if doc is not None else default

    def set_setting(self, key: str, value: Any) -> None:
        try:
            stored = json.loads(json.dumps(value))
        except (TypeError, ValueError) as error:
            raise TypeError(f"setting {key!r} must be a JSON value: {error}") from None
        self._write(self._main, lambda: self._main.table(SETTINGS).put(key, {"value": stored}))

    # ----------------------------------------------------------------- whole-history

    def is_empty(self) -> bool:
        if self._docs(self._main, RUNS):
            return False
        for month in existing_months(self.data_dir):
            db = self._month_db(month)
            if any(self._docs(db, name) for name in MONTH_TABLES):
                return False
        return True

    def first_day(self) -> date | None:
        candidates = []
        runs = self.runs()
        if runs:
            candidates.append(runs[0].day)
        for month in existing_months(self.data_dir):
            db = self._month_db(month)
            days = [doc["day"] for name in MONTH_TABLES for doc in self._docs(db, name).values()]
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
        with self._lock.hold():
            self._check_main()
            if not self.is_empty():
                raise StoreError(
                    f"{self.data_dir} already holds records; sample data can only be loaded "
                    "into an empty data directory."
                )
            months: dict[Month, Tables] = {}

            def bucket(day: date) -> Tables:
                return months.setdefault(month_of(day), {name: {} for name in MONTH_TABLES})

            for c in checkins:
                bucket(c.day)[CHECKINS][checkin_key(c.day)] = c.to_dict()
            for t in tasks:
                bucket(t.day)[TASKS][task_key(t.day, t.task_id)] = t.to_dict()
            running: dict[str, dict[str, Any]] = {}
            for s in sessions:
                bucket(s.day)[SESSIONS][s.id] = s.to_dict()
                if s.status is SessionStatus.RUNNING:
                    running[s.id] = {"day": s.day.isoformat()}
            for month, tables in sorted(months.items()):
                db = self._month_db(month)
                self._ensure_parent(db)
                db.write_all(tables)
            main = dict(self._main.read_all())
            main[RUNS] = {r.id: r.to_dict() for r in runs}
            main[RUNNING] = running
            self._main.write_all(main)

    # ----------------------------------------------------------------- watching

    def take_notices(self) -> list[str]:
        """Notices not handed out yet: a damaged month file is often found long after open."""
        fresh = self.notices[self._notices_taken :]
        self._notices_taken = len(self.notices)
        return fresh

    def fingerprint(self, day: date) -> tuple[object, ...]:
        """Changes whenever any copy writes the main file or the day's month file; a stat
        each, so a screen can poll it to pick up check-ins made from the command line."""
        stamps: list[object] = []
        for path in (self._main.atomic.path, month_path(self.data_dir, month_of(day))):
            try:
                st = path.stat()
            except OSError:
                stamps.append(None)
            else:
                stamps.append((st.st_mtime_ns, st.st_size, st.st_ino))
        return tuple(stamps)

    # ----------------------------------------------------------------- internals

    def _tz_name(self) -> str:
        return self._clock.tz_name

    def _month_db(self, month: Month) -> KeyedDB:
        db = self._months.get(month)
        if db is None:
            db = open_db(month_path(self.data_dir, month), validate_month, self._backup)
            self._months[month] = db
            while len(self._months) > _OPEN_MONTHS:
                _old, evicted = self._months.popitem(last=False)
                evicted.close()
        else:
            self._months.move_to_end(month)
        return db

    def _docs(self, db: KeyedDB, table: str) -> Mapping[str, Mapping[str, Any]]:
        return self._guard(db, lambda: db.table(table).docs())

    def _docs_between(
        self, start: date, end: date, table: str
    ) -> list[tuple[str, Mapping[str, Any]]]:
        if start > end:
            return []
        low, high = start.isoformat(), end.isoformat()
        found = []
        for month in months_between(start, end):
            db = self._month_db(month)
            for key, doc in self._docs(db, table).items():
                if low <= str(doc.get("day", day_of_key(key))) <= high:
                    found.append((key, doc))
        return found

    def _write(self, db: KeyedDB, op: Callable[[], T]) -> T:
        with self._lock.hold():
            self._check_main()
            self._ensure_parent(db)
            return self._guard(db, op)

    def _check_main(self) -> None:
        """Before any write: the main file must still be ours and not from a newer version
        (another copy may have upgraded or damaged it since we opened)."""
        if self._guard(self._main, self._main.atomic.read) is None:
            self._main.write_all(fresh_main())

    def _ensure_parent(self, db: KeyedDB) -> None:
        folder = db.atomic.path.parent
        if folder not in self._dirs_made:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"could not create {folder}: {error.strerror}") from error
            self._dirs_made.add(folder)

    def _guard(self, db: KeyedDB, op: Callable[[], T]) -> T:
        try:
            return op()
        except CorruptFile as bad:
            self._quarantine(db, bad)
            return op()

    def _quarantine(self, db: KeyedDB, bad: CorruptFile) -> None:
        path = db.atomic.path
        with self._lock.hold():
            db.atomic.forget()
            try:
                db.atomic.read()
                return  # another copy already dealt with it
            except CorruptFile as again:
                bad = again
            try:
                moved = move_aside(path, self._clock.now())
            except FileNotFoundError:
                return
            except OSError as error:
                raise StoreError(
                    f"{path} could not be read ({bad.reason}) and could not be moved aside: "
                    f"{error.strerror}"
                ) from error
            kept = (
                "a fresh file was started in its place"
                if db is self._main
                else "the records in it are kept there but no longer shown"
            )
            self.notices.append(
                f"{path} could not be read ({bad.reason}). It was moved to {moved}; {kept}."
            )
            if db is self._main:
                self._main.write_all(fresh_main())

    def _backup(self, path: Path) -> None:
        day = today(self._clock)
        if (path, day) in self._backed_up:
            return
        try:
            backup_before_write(self.data_dir, path, day)
        except OSError as error:
            raise StoreError(f"could not save a backup of {path}: {error.strerror}") from error
        self._backed_up.add((path, day))

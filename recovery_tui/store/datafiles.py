"""The files under a data dir and the protocol for changing them.

Every write takes the short data lock, re-reads the file it changes if another copy changed
it, applies one change and writes the file atomically, so the app and the CLI can both write
without losing each other's changes. Before the first write of a day to a file its bytes are
kept in ``backups/``. A damaged file met at any time is moved aside and its newest good
backup put in its place, with a notice.
See docs/storage.md for the layout and the reasons behind it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.formats import long_date
from recovery_tui.private import PRIVATE_DIR, make_private_dir, tighten
from recovery_tui.store.atomic import Tables, clean_stale_temps
from recovery_tui.store.errors import CorruptFile, StoreError
from recovery_tui.store.lock import LOCK_NAME, DataLock
from recovery_tui.store.partitions import (
    BACKUPS_DIR,
    MAIN_FILE,
    MONTHS_DIR,
    Month,
    ParsedRecords,
    day_of_key,
    existing_months,
    file_month,
    month_of,
    month_path,
    months_between,
    validate_month,
)
from recovery_tui.store.schema import CURRENT_VERSION, fresh_main, validate_main, version_of
from recovery_tui.store.tables import KeyedDB, open_db

T = TypeVar("T")

# Month files kept open (parsed and pinned) at once; older ones are closed and re-read if
# needed again. Five years of history is 60 files.
_OPEN_MONTHS = 48

# What mends the data a read-only open found wanting: any open for writing.
_REPAIRED_BY = "opening the app (recovery-tui) or any command that saves"


class DataFiles:
    """The main file, the month files (a small cache of open ones) and the write protocol."""

    def __init__(
        self,
        data_dir: Path,
        clock: Clock,
        lock_timeout: float,
        read_only: bool = False,
        around_damage: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.notices: list[str] = []
        self.clock = clock
        self.read_only = read_only or around_damage
        # Read-only, reading what a damaged file still holds instead of stopping at it: for
        # the commands a user reaches for when data is damaged (export, backups).
        self.around_damage = around_damage
        self.read_around: list[Path] = []
        self.lock = DataLock(data_dir / LOCK_NAME, lock_timeout, self.read_only)
        self.parsed = ParsedRecords()
        self.main = open_db(data_dir / MAIN_FILE, self._validate_main, self._backup)
        self._months: OrderedDict[Month, KeyedDB] = OrderedDict()
        self._backed_up: set[tuple[Path, date]] = set()
        self._dirs_made: set[Path] = set()

    # ----------------------------------------------------------------- lifecycle

    def prepare(self) -> None:
        """At open, under the lock: refuse a newer format, move damaged files aside, remove
        abandoned temporary files and migrate older data."""
        tables = self.guard(self.main, self.main.atomic.read)  # SchemaTooNew stops here
        # Folders made by versions before modes were set: ours by name, so made private.
        for folder in (MONTHS_DIR, BACKUPS_DIR):
            tighten(self.data_dir / folder, PRIVATE_DIR)
        data_files = [self.main.atomic.path]
        data_files += [month_path(self.data_dir, m) for m in existing_months(self.data_dir)]
        clean_stale_temps(self.data_dir, linked=data_files)
        if tables is None:
            self.main.write_all(fresh_main())
        elif version_of(self.main.atomic.path, tables) < CURRENT_VERSION:
            from recovery_tui.store.quarantine import stamp
            from recovery_tui.store.schema import migrate

            folder = migrate(
                self.data_dir,
                self.main.atomic.path,
                tables,
                stamp(self.clock.now()),
                self.main.write_all,
            )
            self.notices.append(
                f"Your data in {self.data_dir} was upgraded to format {CURRENT_VERSION}; "
                f"a copy of the old files is in {folder}."
            )
        self._check_first_months()

    def prepare_to_read(self) -> None:
        """At a read-only open: the same checks as ``prepare``, changing nothing. Damage or
        an older format is an error; a missing data dir or main file reads as no records."""
        tables = self.guard(self.main, self.main.atomic.read)
        if tables is not None:
            found = version_of(self.main.atomic.path, tables)
            if found < CURRENT_VERSION:
                raise StoreError(
                    f"{self.main.atomic.path} is of data format {found} (this version writes "
                    f"{CURRENT_VERSION}) and was left as it is: {_REPAIRED_BY} upgrades it, "
                    "keeping a copy of the old files."
                )
        self._check_first_months()

    def _first_months(self) -> tuple[Month, Month]:
        """The months the Today and History screens open first (checked at every open)."""
        this_month = month_of(today(self.clock))
        previous = (
            (this_month[0] - 1, 12) if this_month[1] == 1 else (this_month[0], this_month[1] - 1)
        )
        return previous, this_month

    def _check_first_months(self) -> None:
        # Damage in the months opened first is reported at start-up.
        for month in self._first_months():
            db = self.month(month)
            self.guard(db, db.atomic.read)

    def close(self) -> None:
        self.main.close()
        for db in self._months.values():
            db.close()
        self._months.clear()
        self.parsed = ParsedRecords()
        self.lock.close()

    def _validate_main(self, path: Path, tables: Tables) -> None:
        validate_main(path, tables, self.parsed)

    def _validate_month(self, path: Path, tables: Tables) -> None:
        validate_month(path, tables, self.parsed)

    @contextmanager
    def hold(self) -> Iterator[None]:
        """The data lock, for a change made of several writes."""
        with self.lock.hold():
            yield

    # ----------------------------------------------------------------- reading

    def month(self, month: Month) -> KeyedDB:
        db = self._months.get(month)
        if db is None:
            db = open_db(month_path(self.data_dir, month), self._validate_month, self._backup)
            self._months[month] = db
            while len(self._months) > _OPEN_MONTHS:
                _old, evicted = self._months.popitem(last=False)
                evicted.close()
                self.parsed.forget(evicted.atomic.path)
        else:
            self._months.move_to_end(month)
        return db

    def docs(self, db: KeyedDB, table: str) -> Mapping[str, Mapping[str, Any]]:
        return self.guard(db, lambda: db.table(table).docs())

    def record(self, db: KeyedDB, table: str, key: str, doc: Mapping[str, Any]) -> Any:
        """The record of a document read from ``db`` (parsed once, see ParsedRecords)."""
        return self.parsed.record(db.atomic.path, table, key, doc)

    def records(self, db: KeyedDB, table: str) -> dict[str, Any]:
        """Every record of a table by key."""
        return {key: self.record(db, table, key, doc) for key, doc in self.docs(db, table).items()}

    def docs_between(
        self, start: date, end: date, table: str
    ) -> list[tuple[KeyedDB, str, Mapping[str, Any]]]:
        """The documents of a month table whose day is in [start, end], with their file."""
        if start > end:
            return []
        low, high = start.isoformat(), end.isoformat()
        found = []
        for month in months_between(start, end):
            db = self.month(month)
            for key, doc in self.docs(db, table).items():
                if low <= str(doc.get("day", day_of_key(key))) <= high:
                    found.append((db, key, doc))
        return found

    def db_for(self, relative: Path) -> KeyedDB:
        """The open file for a data file named relative to the data dir."""
        if relative == Path(MAIN_FILE):
            return self.main
        month = file_month(relative)
        if month is None or relative.parent != Path(MONTHS_DIR):
            raise ValueError(f"{relative} is not a data file")
        return self.month(month)

    def fingerprint(self, day: date) -> tuple[object, ...]:
        """Changes whenever any copy writes the main file or the day's month file."""
        stamps: list[object] = []
        for path in (self.main.atomic.path, month_path(self.data_dir, month_of(day))):
            try:
                st = path.stat()
            except OSError:
                stamps.append(None)
            else:
                stamps.append((st.st_mtime_ns, st.st_size, st.st_ino))
        return tuple(stamps)

    # ----------------------------------------------------------------- writing

    def write(self, db: KeyedDB, op: Callable[[], T]) -> T:
        """Run ``op`` (one read-modify-write of ``db``) under the lock."""
        with self.lock.hold():
            self.check_main()
            self.ensure_parent(db)
            return self.guard(db, op)

    def check_main(self) -> None:
        """Before any write: the main file must still be ours and not from a newer version
        (another copy may have upgraded or damaged it since we opened)."""
        if self.guard(self.main, self.main.atomic.read) is None:
            self.main.write_all(fresh_main())

    def ensure_parent(self, db: KeyedDB) -> None:
        folder = db.atomic.path.parent
        if folder not in self._dirs_made:
            try:
                make_private_dir(folder)
            except OSError as error:
                raise StoreError(f"could not create {folder}: {error.strerror}") from error
            self._dirs_made.add(folder)

    # ----------------------------------------------------------------- damage

    def guard(self, db: KeyedDB, op: Callable[[], T]) -> T:
        """Run ``op``; if it meets a damaged file, deal with the file and run it again."""
        try:
            return op()
        except CorruptFile as bad:
            if self.around_damage:
                self._read_around(db, bad)
            elif self.read_only:
                raise StoreError(
                    f"{bad.path} could not be read ({bad.reason}) and was left as it is: "
                    f"{self._mender(db)} moves it aside and keeps what can be kept (the "
                    "records that read, else its newest good backup)."
                ) from None
            else:
                self._quarantine(db, bad)
            return op()

    def _mender(self, db: KeyedDB) -> str:
        """What mends a damaged file found by a read-only open."""
        # An older month is only read (so mended) when it is opened: say how.
        month = file_month(db.atomic.path) if db is not self.main else None
        if month is None or month in self._first_months():
            return _REPAIRED_BY
        return "opening that month in the app's History (h, then ←)"

    def _read_around(self, db: KeyedDB, bad: CorruptFile) -> None:
        """Read ``db`` as the records of it that read (none, if the damage is not in single
        records), changing nothing on disk, and say what was left out."""
        path = db.atomic.path
        self.parsed.forget(path)
        kept = self._salvaged(db, path)
        self.read_around.append(path)
        mends = f"{self._mender(db)} moves it aside and keeps what can be kept"
        if kept is None:
            db.atomic.serve_instead(fresh_main() if db is self.main else {})
            self.notices.append(
                f"{path} could not be read ({bad.reason}): nothing in it is used here, and "
                f"it was left as it is; {mends} (the records that read, else its newest "
                "good backup)."
            )
            return
        tables, left_out = kept
        db.atomic.serve_instead(tables)
        self.notices.append(
            f"{path}: {_could_not_be_read(left_out)} and "
            f"{'is' if len(left_out) == 1 else 'are'} not used here; the rest of it is. "
            f"The file was left as it is; {mends}."
        )

    def _quarantine(self, db: KeyedDB, bad: CorruptFile) -> None:
        """Move the damaged file aside and put in its place what can be kept of it (when
        the damage is in single records: the file without them), else its newest good
        backup; without one, start a fresh main file (a month file is simply left out)."""
        # Damage is rare: what deals with it is loaded when it is met.
        from recovery_tui.store.quarantine import move_aside
        from recovery_tui.store.restore import newest_good_copy

        path = db.atomic.path
        self.parsed.forget(path)
        with self.lock.hold():
            db.atomic.forget()
            try:
                db.atomic.read()
                return  # another copy already dealt with it
            except CorruptFile as again:
                bad = again
            try:
                moved = move_aside(path, self.clock.now())
            except FileNotFoundError:
                return
            except OSError as error:
                raise StoreError(
                    f"{path} could not be read ({bad.reason}) and could not be moved aside: "
                    f"{error.strerror}"
                ) from error
            # What replaces the file is no new start of the day: no copy or "absent" mark
            # of it for today, or bringing today back would empty the file.
            self._backed_up.add((path, today(self.clock)))
            if self._keep_what_is_sound(db, moved):
                return
            good = newest_good_copy(self.data_dir, path)
            day, tables = good if good is not None else (None, None)
            if day is not None and tables is not None:
                self.ensure_parent(db)
                db.write_all(tables)
                self.notices.append(
                    f"{path} could not be read ({bad.reason}). It was moved to {moved}; your "
                    f"data from the backup of {long_date(day)} was restored (anything saved "
                    "after that backup is only in the moved file)."
                )
                return
            kept = (
                "a fresh file was started in its place"
                if db is self.main
                else "the records in it are kept there but no longer shown"
            )
            why = (
                "there is no good backup of it"
                if day is None
                else f"its backup of {long_date(day)} says it did not exist when that day began"
            )
            self.notices.append(
                f"{path} could not be read ({bad.reason}) and {why}. "
                f"It was moved to {moved}; {kept}."
            )
            if db is self.main:
                self.main.write_all(fresh_main())

    def _salvaged(self, db: KeyedDB, source: Path) -> tuple[Tables, list[str]] | None:
        """``db``'s file as read from ``source`` without its bad records, and why each was
        left out; None when the damage is not in single records (or ``source`` won't read)."""
        from recovery_tui.store.salvage import salvage

        validate = validate_main if db is self.main else validate_month
        try:
            return salvage(db.atomic.path, source.read_bytes(), validate)
        except OSError:
            return None

    def _keep_what_is_sound(self, db: KeyedDB, moved: Path) -> bool:
        """Write back the damaged file (now at ``moved``) without its bad records, if that
        is all that is wrong with it; True when done."""
        path = db.atomic.path
        kept = self._salvaged(db, moved)
        if kept is None:
            return False
        tables, left_out = kept
        self.ensure_parent(db)
        db.write_all(tables)
        self.notices.append(
            f"{path}: {_could_not_be_read(left_out)} and "
            f"{'was' if len(left_out) == 1 else 'were'} left out; everything else in it is "
            f"kept. The file as it was is in {moved}."
        )
        return True

    def _backup(self, path: Path) -> None:
        day = today(self.clock)
        if (path, day) in self._backed_up:
            return
        from recovery_tui.store.backups import backup_before_write  # not needed to read

        try:
            backup_before_write(self.data_dir, path, day)
        except OSError as error:
            raise StoreError(f"could not save a backup of {path}: {error.strerror}") from error
        self._backed_up.add((path, day))


def _could_not_be_read(left_out: list[str]) -> str:
    """'2 records could not be read (why; why)': the records salvage left out."""
    count = "1 record" if len(left_out) == 1 else f"{len(left_out)} records"
    return f"{count} could not be read ({'; '.join(left_out[:3])})"

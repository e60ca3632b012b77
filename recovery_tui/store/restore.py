"""Bringing data back from the daily backups: the newest good copy of one damaged file, or
the whole data as it was at the start of a chosen day.

A copy is good when it reads and validates like the file itself (a main file must also be of
the current format: an older copy would need a migration that rewrites the month files).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_tui.domain.formats import long_date
from recovery_tui.store.atomic import Tables, Validator, decode_tables
from recovery_tui.store.backups import (
    ABSENT,
    BACKUPS_DIR,
    absent_mark,
    day_folders,
    folder_day,
    snapshot,
)
from recovery_tui.store.errors import CorruptFile, StoreError
from recovery_tui.store.partitions import (
    MAIN_FILE,
    MONTHS_DIR,
    existing_months,
    file_month,
    month_path,
    validate_month,
)
from recovery_tui.store.quarantine import stamp
from recovery_tui.store.schema import CURRENT_VERSION, fresh_main, validate_main, version_of

if TYPE_CHECKING:
    from recovery_tui.store.datafiles import DataFiles
    from recovery_tui.store.import_merge import ImportResult


def _current_main(path: Path, tables: Tables) -> None:
    validate_main(path, tables)
    found = version_of(path, tables)
    if found != CURRENT_VERSION:
        raise CorruptFile(path, f"it is of data format {found}, not {CURRENT_VERSION}")


def validator_for(relative: Path) -> Validator | None:
    """How a copy of the data file at ``relative`` (to the data dir) is checked; None for a
    file that is not one of ours."""
    if relative == Path(MAIN_FILE):
        return _current_main
    if relative.parent == Path(MONTHS_DIR) and file_month(relative) is not None:
        return validate_month
    return None


def read_copy(copy: Path, validate: Validator) -> Tables:
    """The tables in a backup copy; StoreError (CorruptFile) if it does not read and check."""
    try:
        raw = copy.read_bytes()
    except OSError as error:
        raise CorruptFile(copy, error.strerror or str(error)) from error
    tables = decode_tables(raw, copy)
    validate(copy, tables)
    return tables


def newest_good_copy(data_dir: Path, file: Path) -> tuple[date, Tables | None] | None:
    """The newest daily copy of ``file`` that reads and validates, with its day; None when
    there is none.

    A day whose folder holds the file's "absent" mark stops the search: the file did not
    exist when that day began, which is what bringing that day back gives too, and an older
    copy would bring back records removed since. Met first, it is given as ``(day, None)``;
    met after damaged copies, the answer is None (no good backup)."""
    relative = file.relative_to(data_dir)
    validate = validator_for(relative)
    if validate is None:
        return None
    skipped = False
    for folder in reversed(day_folders(data_dir / BACKUPS_DIR)):
        day = folder_day(folder)
        assert day is not None
        copy = folder / relative
        if absent_mark(copy).exists():  # even beside a copy (older versions): as restore
            return None if skipped else (day, None)
        if not copy.is_file():
            continue
        try:
            tables = read_copy(copy, validate)
        except StoreError:
            skipped = True  # a damaged copy (or one from a newer version): try an older day
            continue
        return day, tables
    return None


# The records a restore is said to change, by table, with their names.
COUNTED = (("runs", "runs"), ("checkins", "check-ins"), ("sessions", "sessions"))
BEFORE_RESTORE = "before-restore-"
# A before-restore copy merged back by an undo is renamed so: the next undo goes further back.
UNDONE = "undone-"


@dataclass(frozen=True, slots=True)
class TableChange:
    """How a restore changes one kind of record: how many there are now and after, and how
    many of those now are gone after and how many after were not there now."""

    name: str
    now: int
    then: int
    gone: int
    back: int

    @property
    def text(self) -> str:
        moved = self.now - self.then
        if moved in (self.gone, -self.back):  # only one way: the counts tell it
            return f"{self.name} {self.now} → {self.then}"
        return f"{self.name} {self.now} → {self.then} ({self.gone} gone, {self.back} back)"


@dataclass(frozen=True, slots=True)
class RestoreResult:
    day: date
    files: tuple[str, ...]  # relative to the data dir, with "/"
    saved_to: Path | None  # the copy of the data as it was just before the restore
    changes: tuple[TableChange, ...] = ()  # the counted tables whose records change
    dry_run: bool = False

    @property
    def changes_text(self) -> str:
        """'runs 16 → 0, check-ins 12 → 3', or that no record is added or removed."""
        if not self.changes:
            return "no run, check-in or session added or removed"
        return ", ".join(change.text for change in self.changes)

    @property
    def message(self) -> str:
        when = f"{long_date(self.day)} {self.day.year}"
        if not self.files:
            return f"Your data has not changed since the start of {when}; nothing was restored."
        if self.dry_run:
            return (
                f"Restoring the start of {when} rewrites {', '.join(self.files)}: "
                f"{self.changes_text}."
            )
        return (
            f"Restored your data as it was at the start of {when} ({self.changes_text}). "
            f"The data from before the restore is kept in {self.saved_to}; "
            "`recovery-tui restore --undo` brings back what it took away."
        )


def copies_as_of(data_dir: Path, day: date) -> dict[Path, Path | None]:
    """For each data file, the copy holding it as it was at the start of ``day`` (None: it
    did not exist then). A day's folder keeps a file as it was before its first write that
    day, so the first copy or mark on or after ``day`` is the one; files with neither have
    not changed since."""
    chosen: dict[Path, Path | None] = {}
    for folder in day_folders(data_dir / BACKUPS_DIR):
        folder_date = folder_day(folder)
        if folder_date is None or folder_date < day:
            continue
        for copy in sorted(folder.rglob("*")):
            if not copy.is_file():
                continue
            relative = copy.relative_to(folder)
            absent = relative.name.endswith(ABSENT)
            if absent:
                relative = relative.with_name(relative.name.removesuffix(ABSENT))
            elif absent_mark(copy).exists():
                continue  # copied later that day; the mark says how the day began
            if relative not in chosen and validator_for(relative):
                chosen[relative] = None if absent else copy
    return chosen


def _present(files: DataFiles, relative: Path) -> Tables | None:
    """A data file as it is now; None when missing, or damaged (the restore replaces it)."""
    try:
        return files.db_for(relative).atomic.read()
    except StoreError:
        return None


def _changes(
    present: dict[Path, Tables | None], restored: dict[Path, Tables]
) -> tuple[TableChange, ...]:
    changes = []
    for table, name in COUNTED:
        now = {(r, key) for r, tables in present.items() for key in (tables or {}).get(table, {})}
        then = {(r, key) for r, tables in restored.items() for key in tables.get(table, {})}
        if now != then:
            changes.append(TableChange(name, len(now), len(then), len(now - then), len(then - now)))
    return tuple(changes)


def restore_day(files: DataFiles, day: date, *, dry_run: bool = False) -> RestoreResult:
    """Bring back the data as it was at the start of ``day``, after copying the present
    files to ``backups/before-restore-<stamp>/``. Nothing is written if a copy is bad, or
    with ``dry_run`` (which says what would change)."""
    data_dir = files.data_dir
    days = [folder_day(folder) for folder in day_folders(data_dir / BACKUPS_DIR)]
    if day not in days:
        kept = ", ".join(d.isoformat() for d in days if d is not None) or "none yet"
        raise StoreError(f"there is no backup of {day.isoformat()} (backups kept: {kept})")
    with files.hold():
        files.check_main()
        restored: dict[Path, Tables] = {}
        for relative, copy in copies_as_of(data_dir, day).items():
            if copy is None:  # not there yet as the day began: empty, and links stay links
                restored[relative] = fresh_main() if relative == Path(MAIN_FILE) else {}
                continue
            validate = validator_for(relative)
            assert validate is not None
            try:
                restored[relative] = read_copy(copy, validate)
            except StoreError as error:
                reason = error.reason if isinstance(error, CorruptFile) else str(error)
                raise StoreError(
                    f"the backup {copy} could not be read ({reason}); nothing was restored"
                ) from None
        present = {relative: _present(files, relative) for relative in restored}
        # Files already as they were are left alone: a restore repeated takes no new copy
        # (undo must still reach the data from before the first one).
        restored = {r: tables for r, tables in restored.items() if present[r] != tables}
        names = tuple(sorted(r.as_posix() for r in restored))
        changes = _changes(present, restored)
        if not restored or dry_run:
            return RestoreResult(day, names, None, changes, dry_run=dry_run)
        present = [files.main.atomic.path]
        present += [month_path(data_dir, m) for m in existing_months(data_dir)]
        saved_to = snapshot(data_dir, present, f"{BEFORE_RESTORE}{stamp(files.clock.now())}")
        for relative, tables in restored.items():
            db = files.db_for(relative)
            files.ensure_parent(db)
            db.write_all(tables)
    return RestoreResult(day, names, saved_to, changes)


def _taken(folder: Path) -> tuple[str, int]:
    """When a before-restore copy was taken: its stamp, then its ``-2``, ``-3``... within
    the same second."""
    stamp_part, _, count = folder.name.removeprefix(BEFORE_RESTORE).partition("-")
    return stamp_part, int(count) if count.isdigit() else 1


def newest_before_restore(data_dir: Path) -> Path | None:
    """The copy of the data taken before the latest restore not undone yet."""
    folders = [p for p in (data_dir / BACKUPS_DIR).glob(f"{BEFORE_RESTORE}*") if p.is_dir()]
    return max(folders, key=_taken, default=None)


def undo_restore(files: DataFiles) -> tuple[Path, ImportResult]:
    """Bring back what the latest restore took away: its before-restore copy merged as an
    import is (record by record, the newer wins), so nothing saved since is lost (and, as
    an import cannot delete, a record deleted before the restore and brought back by it
    stays). The copy is then renamed ``undone-...``: a second undo goes one restore further
    back. StoreError when no restore is left to undo."""
    from recovery_tui.store.datafiles import DataFiles
    from recovery_tui.store.transfer import export_document, import_document

    folder = newest_before_restore(files.data_dir)
    if folder is None:
        raise StoreError(
            f"there is no restore to undo: no {BEFORE_RESTORE}* copy in "
            f"{files.data_dir / BACKUPS_DIR}"
        )
    copy = DataFiles(folder, files.clock, files.lock.timeout, read_only=True)
    try:
        copy.prepare_to_read()
        document = export_document(copy, folder.name)
    finally:
        copy.close()
    with files.hold():
        merged = import_document(files, document)
        undone = folder.with_name(UNDONE + folder.name)
        try:
            folder.rename(undone)
        except OSError as error:
            raise StoreError(
                f"the data was brought back, but {folder} could not be renamed "
                f"({error.strerror}): a second undo would merge it again (harmless)"
            ) from error
    return undone, merged

"""Rotating daily backups: before the first write of a local day to a file, keep a copy.

Only the file about to be written is copied, so the cost of a write does not grow with the
amount of history. Day folders beyond the newest ``KEEP_DAYS`` are removed.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from recovery_tui.private import make_private_dir
from recovery_tui.store.atomic import atomic_write_bytes
from recovery_tui.store.errors import StoreError
from recovery_tui.store.partitions import BACKUPS_DIR

KEEP_DAYS = 7
ABSENT = ".absent"
_DAY_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def backup_path(data_dir: Path, file: Path, day: date) -> Path:
    return data_dir / BACKUPS_DIR / day.isoformat() / file.relative_to(data_dir)


def backup_before_write(data_dir: Path, file: Path, day: date) -> Path | None:
    """Keep ``file`` as it was before the day's first write to it, once per day whatever
    the number of programs writing it: nothing is done if today's folder already holds a
    copy of it or a mark.

    A file that does not exist yet leaves an empty ``<name>.absent`` mark instead, so that
    bringing the day back knows the file was not there as the day began. A later copy that
    day would hold a mid-day state, which restore and the recovery of a damaged file could
    each take for the start of the day."""
    target = backup_path(data_dir, file, day)
    mark = absent_mark(target)
    if target.exists() or mark.exists():
        return None
    try:
        payload = file.read_bytes()
    except FileNotFoundError:
        with contextlib.suppress(OSError, StoreError):  # only a mark: the write matters more
            make_private_dir(target.parent)
            atomic_write_bytes(mark, b"")
            prune(data_dir / BACKUPS_DIR)
        return None
    make_private_dir(target.parent)
    atomic_write_bytes(target, payload)
    prune(data_dir / BACKUPS_DIR)
    return target


def absent_mark(copy: Path) -> Path:
    return copy.with_name(copy.name + ABSENT)


def folder_day(folder: Path) -> date | None:
    """The day a daily backup folder is named after; None for other folders."""
    if not _DAY_FOLDER.match(folder.name):
        return None
    try:
        return date.fromisoformat(folder.name)
    except ValueError:
        return None


def day_folders(backups: Path) -> list[Path]:
    """Daily backup folders, oldest first."""
    if not backups.is_dir():
        return []
    return sorted(p for p in backups.iterdir() if p.is_dir() and folder_day(p) is not None)


@dataclass(frozen=True, slots=True)
class BackupFile:
    name: str  # relative to the data dir, with "/" ("recovery.json", "months/2026-11.json")
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class BackupDay:
    """The copies taken on one day: each file as it was before its first write that day."""

    day: date
    folder: Path
    files: tuple[BackupFile, ...]

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


def list_backups(data_dir: Path) -> list[BackupDay]:
    """The daily backups, oldest first."""
    days = []
    for folder in day_folders(data_dir / BACKUPS_DIR):
        files = tuple(
            BackupFile(p.relative_to(folder).as_posix(), p.stat().st_size)
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(ABSENT)
        )
        days.append(BackupDay(date.fromisoformat(folder.name), folder, files))
    return days


def prune(backups: Path, keep: int = KEEP_DAYS) -> None:
    """Remove daily folders beyond the newest ``keep``. Other folders (copies taken before a
    migration) are left alone."""
    folders = day_folders(backups)
    for old in folders[: max(0, len(folders) - keep)]:
        shutil.rmtree(old, ignore_errors=True)


def snapshot(data_dir: Path, files: list[Path], folder_name: str) -> Path:
    """Copy ``files`` (inside ``data_dir``) into ``backups/<folder_name>/`` keeping their
    relative paths (``<folder_name>-2``, ``-3``... when taken: two restores or imports in
    one second must not write over the first one's copy); used before a migration, a
    restore or an import rewrites them. Called under the data lock."""
    folder = data_dir / BACKUPS_DIR / folder_name
    n = 1
    while folder.exists():
        n += 1
        folder = data_dir / BACKUPS_DIR / f"{folder_name}-{n}"
    for file in files:
        target = folder / file.relative_to(data_dir)
        make_private_dir(target.parent)
        atomic_write_bytes(target, file.read_bytes())
    return folder

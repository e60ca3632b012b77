"""Rotating daily backups: before the first write of a local day to a file, keep a copy.

Only the file about to be written is copied, so the cost of a write does not grow with the
amount of history. Day folders beyond the newest ``KEEP_DAYS`` are removed.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from recovery_tui.store.atomic import atomic_write_bytes

BACKUPS_DIR = "backups"
KEEP_DAYS = 7
_DAY_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def backup_path(data_dir: Path, file: Path, day: date) -> Path:
    return data_dir / BACKUPS_DIR / day.isoformat() / file.relative_to(data_dir)


def backup_before_write(data_dir: Path, file: Path, day: date) -> Path | None:
    """Copy ``file`` into today's folder unless today already has a copy of it."""
    target = backup_path(data_dir, file, day)
    if target.exists():
        return None
    try:
        payload = file.read_bytes()
    except FileNotFoundError:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, payload)
    prune(data_dir / BACKUPS_DIR)
    return target


def day_folders(backups: Path) -> list[Path]:
    if not backups.is_dir():
        return []
    return sorted(p for p in backups.iterdir() if p.is_dir() and _DAY_FOLDER.match(p.name))


def prune(backups: Path, keep: int = KEEP_DAYS) -> None:
    """Remove daily folders beyond the newest ``keep``. Other folders (copies taken before a
    migration) are left alone."""
    folders = day_folders(backups)
    for old in folders[: max(0, len(folders) - keep)]:
        shutil.rmtree(old, ignore_errors=True)


def snapshot(data_dir: Path, files: list[Path], folder_name: str) -> Path:
    """Copy ``files`` (inside ``data_dir``) into ``backups/<folder_name>/`` keeping their
    relative paths; used before a migration rewrites them."""
    folder = data_dir / BACKUPS_DIR / folder_name
    for file in files:
        target = folder / file.relative_to(data_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, file.read_bytes())
    return folder

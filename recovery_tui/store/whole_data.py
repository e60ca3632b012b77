"""The records as a whole: the daily backups, restoring a day (and undoing it), export and
import. Part of ``Repository``; the code behind each is loaded when it is used: opening
the records and writing a day (Today, ``today``, ``status``, ``checkin``) need none of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recovery_tui.domain.clock import Clock
from recovery_tui.domain.models import utc_iso

if TYPE_CHECKING:
    from recovery_tui.store.backups import BackupDay
    from recovery_tui.store.datafiles import DataFiles
    from recovery_tui.store.restore import RestoreResult
    from recovery_tui.store.transfer import ImportResult


class WholeData:
    """The part of ``Repository`` that reads or replaces all the records at once."""

    data_dir: Path
    _files: DataFiles
    _clock: Clock

    def backups(self) -> list[BackupDay]:
        """The daily backups, oldest first: each day's folder, its files and their sizes."""
        from recovery_tui.store.backups import list_backups

        return list_backups(self.data_dir)

    def restore(self, day: date, *, dry_run: bool = False) -> RestoreResult:
        """Bring the data back as it was at the start of ``day`` (a day listed by
        ``backups()``; StoreError otherwise), after copying the present files aside."""
        from recovery_tui.store.restore import restore_day

        return restore_day(self._files, day, dry_run=dry_run)

    def before_last_restore(self) -> Path | None:
        """The copy of the data taken before the latest restore, if any."""
        from recovery_tui.store.restore import newest_before_restore

        return newest_before_restore(self.data_dir)

    def undo_restore(self) -> tuple[Path, ImportResult]:
        """Merge back the copy taken before the latest restore (see ``restore.py``)."""
        from recovery_tui.store.restore import undo_restore

        return undo_restore(self._files)

    def export_document(self) -> dict[str, Any]:
        """Everything as one JSON-ready document: ``{"format": "recovery-tui-export",
        "schema": N, "exported_at": ..., "runs": [...], "checkins": [...], "tasks": [...],
        "sessions": [...], "settings": {...}}`` (records in their stored shape, oldest first)."""
        from recovery_tui.store.transfer import export_document

        return export_document(self._files, utc_iso(self._clock.now()))

    def import_document(self, document: object, *, dry_run: bool = False) -> ImportResult:
        """Merge an export back, each record under its own key (the newer one wins).
        A foreign, malformed or newer document raises ImportRefused (a StoreError) and
        nothing is written; importing the same document again changes nothing. A
        ``dry_run`` checks and counts the same and writes nothing."""
        from recovery_tui.store.transfer import import_document

        return import_document(self._files, document, dry_run=dry_run)

"""Storage: the only code that touches TinyDB. See docs/storage.md."""

from recovery_tui.store.backups import BackupDay, BackupFile
from recovery_tui.store.errors import InvalidRecord, LockBusy, SchemaTooNew, StoreError
from recovery_tui.store.repository import Repository
from recovery_tui.store.restore import RestoreResult
from recovery_tui.store.transfer import (
    EXPORT_FORMAT,
    ImportCounts,
    ImportRefused,
    ImportResult,
    is_export,
)

__all__ = [
    "EXPORT_FORMAT",
    "BackupDay",
    "BackupFile",
    "ImportCounts",
    "ImportRefused",
    "ImportResult",
    "InvalidRecord",
    "LockBusy",
    "Repository",
    "RestoreResult",
    "SchemaTooNew",
    "StoreError",
    "is_export",
]

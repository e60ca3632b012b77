"""Storage: the only code that touches TinyDB. See docs/storage.md.

Backups, restoring, export and import load when one of their names is first used, so that
opening the records (the app, ``today``, ``status``) does not pay for them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from recovery_tui.store.errors import InvalidRecord, LockBusy, SchemaTooNew, StoreError
from recovery_tui.store.repository import Repository

if TYPE_CHECKING:
    from recovery_tui.store.backups import BackupDay, BackupFile
    from recovery_tui.store.import_merge import ImportCounts, ImportResult
    from recovery_tui.store.restore import RestoreResult
    from recovery_tui.store.transfer import EXPORT_FORMAT, ImportRefused, is_export

_LATER = {
    "BackupDay": "backups",
    "BackupFile": "backups",
    "RestoreResult": "restore",
    "EXPORT_FORMAT": "transfer",
    "ImportCounts": "import_merge",
    "ImportRefused": "transfer",
    "ImportResult": "import_merge",
    "is_export": "transfer",
}


def __getattr__(name: str) -> object:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)


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

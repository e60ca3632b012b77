"""Storage: the only code that touches TinyDB. See docs/storage.md."""

from recovery_tui.store.errors import LockBusy, SchemaTooNew, StoreError
from recovery_tui.store.repository import Repository

__all__ = ["LockBusy", "Repository", "SchemaTooNew", "StoreError"]

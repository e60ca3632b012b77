"""Errors the store raises. ``str()`` of each is a sentence a user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something went wrong reading or saving the data; the message says what and where."""


class LockBusy(StoreError):
    """Another running copy held the data lock for longer than we were willing to wait."""

    def __init__(self, message: str, holder_pid: int | None = None) -> None:
        super().__init__(message)
        self.holder_pid = holder_pid


class SchemaTooNew(StoreError):
    """The data was written by a newer version of the program; we refuse to touch it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer version of recovery-tui (data format {found}; "
            f"this version understands up to {supported}). It was left untouched: "
            "please upgrade recovery-tui."
        )
        self.path = path
        self.found = found
        self.supported = supported


class InvalidRecord(StoreError, ValueError):
    """A record that would not load again (a value out of range): refused, nothing saved."""


class CorruptFile(StoreError):
    """A file that cannot be read as our data: damaged, empty or of a foreign shape.

    Internal: the repository catches it, moves the file aside and tells the user.
    """

    def __init__(
        self,
        path: Path,
        reason: str,
        document: tuple[str, str] | None = None,
        *,
        table: str | None = None,
    ) -> None:
        super().__init__(f"{path} could not be read: {reason}")
        self.path = path
        self.reason = reason
        # Where the damage is, when it is in one place and the rest of the file is sound:
        # one document (table, key), or one whole table that is not an object.
        self.document = document
        self.table = table

"""Atomic JSON storage for TinyDB: a write either lands whole or not at all.

Every file is written to a temporary file in the same directory, flushed and fsynced, then
moved over the old one with ``os.replace`` and the directory is fsynced, so a crash or a full
disk leaves either the old bytes or the new ones, never a mixture. Reads keep the parsed data
and skip re-parsing while the file's identity (mtime, size, inode) is unchanged.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from recovery_tui.private import PRIVATE_FILE
from recovery_tui.store.errors import CorruptFile, StoreError

Tables = dict[str, dict[str, Any]]
Validator = Callable[[Path, Tables], None]

# Temporary files are hidden and carry this mark so that stale ones can be found and removed.
TEMP_MARK = ".tmp-"


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable. Some filesystems refuse to fsync a directory;
    the rename has already happened there, so there is nothing better to do than go on."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_target(path: Path) -> Path:
    """The file a write to ``path`` really replaces: a symlink's final target, so the link
    stays a link (people point ``recovery.json`` into a synced folder)."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def atomic_write_bytes(path: Path, payload: bytes, *, keep_open: bool = False) -> int | None:
    """Replace ``path`` (or the file it links to) with ``payload`` atomically and durably.

    On any OSError the old file is left as it was, the temporary file is removed and a
    StoreError naming the file and the reason is raised. With ``keep_open`` the descriptor
    of the new file is returned (read-only use: it pins the inode for cache checks).
    """
    target = write_target(path)
    directory = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", dir=directory)
    except OSError as error:
        raise _save_error(path, error) from error
    try:
        os.fchmod(fd, PRIVATE_FILE)  # mkstemp's 0600 passes through the umask; set it exactly
        _write_all(fd, payload)
        os.fsync(fd)
        os.replace(temp_name, target)
    except OSError as error:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise _save_error(path, error) from error
    fsync_dir(directory)
    if keep_open:
        return fd
    os.close(fd)
    return None


def _save_error(path: Path, error: OSError) -> StoreError:
    reason = error.strerror or str(error)
    return StoreError(f"could not save {path}: {reason}")


def clean_stale_temps(root: Path, linked: Iterable[Path] = ()) -> list[Path]:
    """Remove temporary files left by a process killed mid-write: under ``root``, and beside
    the target of each symlinked data file in ``linked`` (only that file's own temporaries,
    since the target's folder may hold anything). Call only while holding the data lock:
    every writer holds it, so any temporary file seen then is abandoned."""
    removed = []
    candidates = list(root.rglob(f".*{TEMP_MARK}*"))
    for path in linked:
        target = write_target(path)
        if target != path:
            candidates.extend(target.parent.glob(f".{target.name}{TEMP_MARK}*"))
    for temp in candidates:
        if temp.is_file():
            with contextlib.suppress(OSError):
                temp.unlink()
                removed.append(temp)
    return removed


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {list: "a list", str: "a string", bool: "a boolean", int: "a number"}.get(
        type(value), type(value).__name__
    )


def decode_tables(raw: bytes, path: Path) -> Tables:
    """Parse a TinyDB file, refusing anything that is not UTF-8 JSON holding an object.
    The shape of the tables is checked by ``check_shape`` (after a version check)."""
    if not raw.strip():
        raise CorruptFile(path, "the file is empty")
    if b"\x00" in raw:
        raise CorruptFile(path, "the file contains NUL bytes (probably cut off by a crash)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CorruptFile(path, "the file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        # Some messages end in " at" already ("Unterminated string starting at").
        what = error.msg.removesuffix(" at")
        reason = f"not valid JSON ({what} at line {error.lineno} column {error.colno})"
        raise CorruptFile(path, reason) from None
    if not isinstance(data, dict):
        raise CorruptFile(path, f"expected an object of tables but found {_kind(data)}")
    return data


def encode_tables(data: Tables) -> bytes:
    """UTF-8 JSON, readable as text; text holding a lone surrogate (it can come from an
    imported document) cannot be UTF-8, so then every non-ASCII character is escaped."""
    try:
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data).encode("ascii")


def check_shape(path: Path, tables: Tables) -> None:
    """Every table must be an object of documents, every document an object."""
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise CorruptFile(path, f"table {name!r} is {_kind(table)}, not an object", table=name)
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise CorruptFile(
                    path,
                    f"document {doc_id!r} in table {name!r} is {_kind(doc)}, not an object",
                    (name, doc_id),
                )


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically, caches parses and validates what it reads.

    ``validate(path, tables)`` checks the parsed data (default: ``check_shape``) and may
    raise CorruptFile, or SchemaTooNew before looking at the shape of a newer file;
    ``before_write(path)`` runs before each write (the daily backup hooks in there).
    """

    def __init__(
        self,
        path: str | Path,
        validate: Validator | None = None,
        before_write: Callable[[Path], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._validate = validate or check_shape
        self._before_write = before_write
        self._key: tuple[int, int, int] | None = None
        self._data: Tables | None = None
        # An open descriptor on the cached file keeps its inode from being reused by a later
        # file, so a replaced file always shows a different inode even within one mtime tick.
        self._pin: int | None = None

    def read(self) -> Tables | None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self.forget()
            return None
        except OSError as error:
            raise StoreError(f"could not read {self.path}: {error.strerror}") from error
        kept = False
        try:
            st = os.fstat(fd)
            key = (st.st_mtime_ns, st.st_size, st.st_ino)
            if key == self._key and self._data is not None:
                return self._data
            data = decode_tables(_read_all(fd), self.path)
            self._validate(self.path, data)
            self._remember(key, data, fd)
            kept = True
            return data
        except OSError as error:
            self.forget()
            raise StoreError(f"could not read {self.path}: {error.strerror}") from error
        except StoreError:
            self.forget()
            raise
        finally:
            if not kept:
                os.close(fd)

    def write(self, data: Tables) -> None:
        # TinyDB hands back the dict it read, already changed; if saving fails that cache
        # no longer matches the disk, so drop it before anything can go wrong.
        self.forget()
        if self._before_write is not None:
            self._before_write(self.path)
        fd = atomic_write_bytes(self.path, encode_tables(data), keep_open=True)
        assert fd is not None
        st = os.fstat(fd)
        self._remember((st.st_mtime_ns, st.st_size, st.st_ino), data, fd)

    def serve_instead(self, data: Tables) -> None:
        """Read as ``data`` for as long as the file on disk stays as it is now, without
        writing it: a read-only open reads around a damaged file this way."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return  # gone or unreadable: the next read says so
        st = os.fstat(fd)
        self._remember((st.st_mtime_ns, st.st_size, st.st_ino), data, fd)

    def forget(self) -> None:
        """Drop the cached parse, so the next read goes to the disk."""
        if self._pin is not None:
            os.close(self._pin)
        self._pin = None
        self._key = None
        self._data = None

    def close(self) -> None:
        self.forget()

    def _remember(self, key: tuple[int, int, int], data: Tables, fd: int) -> None:
        if self._pin is not None:
            os.close(self._pin)
        self._pin = fd
        self._key = key
        self._data = data

"""A short lock per write, shared by every running copy (the app, the CLI, a second app).

``flock`` on ``<data-dir>/.lock``: the kernel drops it when the holder dies, so a crash never
leaves the data locked. The holder writes its pid and program name into the file so that a
writer who gives up can say who is in the way. Holding is re-entrant within one object (a
write may need a nested one, e.g. moving a damaged file aside) and thread-safe.
"""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from recovery_tui.private import PRIVATE_FILE, tighten
from recovery_tui.store.errors import LockBusy, StoreError

LOCK_NAME = ".lock"
DEFAULT_TIMEOUT = 5.0
_POLL_SECONDS = 0.02


def program_name() -> str:
    return Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"


def read_holder(path: Path) -> tuple[int | None, str]:
    """The pid and program written by the current holder, as far as they can be read."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None, ""
    pid_text, _, program = text.partition(" ")
    try:
        return int(pid_text), program
    except ValueError:
        return None, program


class DataLock:
    def __init__(
        self, path: Path, timeout: float = DEFAULT_TIMEOUT, read_only: bool = False
    ) -> None:
        self.path = path
        self.timeout = timeout
        # Every write holds the lock, so refusing it here refuses every write of data
        # opened read-only, without the lock file ever being made.
        self.read_only = read_only
        self._fd: int | None = None
        self._depth = 0
        self._threads = threading.RLock()

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._threads:
            if self._depth == 0:
                self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    @property
    def held(self) -> bool:
        return self._depth > 0

    def close(self) -> None:
        with self._threads:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    def _descriptor(self) -> int:
        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, PRIVATE_FILE)
                tighten(self.path, PRIVATE_FILE)
            except OSError as error:
                raise StoreError(
                    f"could not open the lock file {self.path}: {error.strerror}"
                ) from error
        return self._fd

    def _acquire(self) -> None:
        if self.read_only:
            raise StoreError(
                f"the data in {self.path.parent} was opened read-only: nothing was saved"
            )
        fd = self._descriptor()
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise self._busy() from None
                time.sleep(_POLL_SECONDS)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {program_name()}\n".encode(), 0)
        except OSError:
            # Naming the holder is a courtesy to others; the lock itself is held.
            pass

    def _release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _busy(self) -> LockBusy:
        pid, program = read_holder(self.path)
        who = f"pid {pid}" if pid is not None else "an unknown process"
        if program:
            who += f" ({program})"
        return LockBusy(
            f"the data in {self.path.parent} is busy: {who} has held its lock for more than "
            f"{self.timeout:g} s. Nothing was saved; close the other copy or try again.",
            holder_pid=pid,
        )

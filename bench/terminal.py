"""A program in a real pseudo-terminal, its screen read by a terminal emulator (pyte).

The program's output is read as it arrives; each chunk is stamped with the time it was
read and then fed to the emulator, so ``wait_for(test)`` answers the time the screen first
satisfied ``test`` (for example: every part of Today drawn), as a user would see it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

import pyte

COLUMNS, LINES = 100, 32
ScreenTest = Callable[[list[str]], bool]


class TerminalProcess:
    def __init__(
        self,
        command: list[str],
        env: dict[str, str],
        size: tuple[int, int] = (COLUMNS, LINES),
    ) -> None:
        columns, lines = size
        self.screen = pyte.Screen(columns, lines)
        self._stream = pyte.ByteStream(self.screen)
        self._changed = threading.Condition()
        self._tests: list[tuple[ScreenTest, list[float]]] = []
        self._chunks: deque[tuple[float, bytes]] = deque()
        self._arrived = threading.Condition()
        self._eof = False
        self._closed = False
        # The reader must get the GIL back soon after output arrives while the emulator
        # thread works, or the arrival times (and the program's writes) would wait on it.
        sys.setswitchinterval(0.0005)
        self.leader, follower = os.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env={**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)},
            start_new_session=True,
        )
        os.close(follower)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._emulator = threading.Thread(target=self._emulate, daemon=True)
        self._reader.start()
        self._emulator.start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self) -> None:
        """Only reads and stamps, so the program never waits on a full terminal buffer."""
        while True:
            try:
                ready, _, _ = select.select([self.leader], [], [], 0.2)
                if not ready:
                    if self.process.poll() is not None:
                        break
                    continue
                chunk = os.read(self.leader, 1 << 20)
            except OSError:
                break
            if not chunk:
                break
            with self._arrived:
                self._chunks.append((time.perf_counter(), chunk))
                self._arrived.notify()
        with self._arrived:
            self._eof = True
            self._arrived.notify()

    def _emulate(self) -> None:
        while True:
            with self._arrived:
                while not self._chunks and not self._eof:
                    self._arrived.wait()
                if not self._chunks:
                    break
                arrived, chunk = self._chunks.popleft()
            with self._changed:
                self._stream.feed(chunk)
                lines = self.screen.display
                for test, hits in self._tests:
                    if not hits and test(lines):
                        hits.append(arrived)
                self._changed.notify_all()
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait_for(self, test: ScreenTest, timeout: float) -> float:
        """Seconds from the spawn to the first output after which ``test(lines)`` held."""
        hits: list[float] = []
        deadline = time.monotonic() + timeout
        with self._changed:
            if test(self.screen.display):
                return time.perf_counter() - self.started
            self._tests.append((test, hits))
            while not hits:
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    raise TimeoutError(f"the screen never showed what was expected:\n{self.text()}")
                self._changed.wait(left)
        return hits[0] - self.started

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.process.pid, number)

    def stop(self) -> None:
        """SIGTERM (a closed terminal's HUP is answered the same way), then SIGKILL."""
        if self.process.poll() is None:
            self.signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=2)
        self._emulator.join(timeout=5)
        with contextlib.suppress(OSError):
            os.close(self.leader)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
        return (utime + stime) / os.sysconf("SC_CLK_TCK")

    def __enter__(self) -> TerminalProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def shows_all(*parts: str) -> ScreenTest:
    """A test that holds when every one of ``parts`` is on the screen."""

    def test(lines: list[str]) -> bool:
        screen = "\n".join(lines)
        return all(part in screen for part in parts)

    return test

"""SIGTERM or a closed terminal during a session: the partial session is saved.

The installed ``recovery-tui stretch`` runs in a real terminal (tmux); once the first step
has run for a few seconds the app gets SIGTERM, or its tmux session is killed (SIGHUP, as
when a terminal window is closed). The session must then be stored as running with the
seconds done so far: more than the save at the step change (0 s) and sooner than the
periodic save (10 s) would have kept.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from recovery_tui.domain.clock import SystemClock
from recovery_tui.domain.models import SessionStatus
from recovery_tui.store import Repository

TMUX = shutil.which("tmux")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(TMUX is None, reason="tmux is not installed")]
INTO_THE_STEP = 3.0  # seconds of the first step before the signal


def entry_point() -> str:
    installed = Path(sys.executable).with_name("recovery-tui")
    found = str(installed) if installed.exists() else shutil.which("recovery-tui")
    if not found:
        pytest.skip("recovery-tui is not installed in this environment")
    return found


def wait_for(check: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def pid(self) -> int:
        return int(self.tmux("display", "-p", "#{pane_pid}").strip())


@pytest.fixture
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    term = Terminal(f"rel-{os.getpid()}-{request.node.name[-20:]}".replace("[", "-").strip("]"))
    try:
        yield term
    finally:
        term.tmux("kill-server")


def alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return "zombie"


@pytest.mark.parametrize("how", ["SIGTERM", "closed terminal"])
def test_the_partial_session_is_saved(how: str, terminal: Terminal, data_dir: Path) -> None:
    terminal.tmux(
        "new-session", "-d", "-x", "100", "-y", "32",
        "-e", f"RECOVERY_TUI_DATA_DIR={data_dir}",
        f"exec {entry_point()} stretch",
    )  # fmt: skip
    wait_for(lambda: "Get ready" in terminal.screen(), "the session screen")
    wait_for(lambda: "Get ready" not in terminal.screen(), "the first step", timeout=15)
    pid = terminal.pid()
    time.sleep(INTO_THE_STEP)  # real seconds of a real timer: the point of this test
    if how == "SIGTERM":
        os.kill(pid, signal.SIGTERM)
    else:
        terminal.tmux("kill-session")
    wait_for(lambda: not alive(pid), "the app to exit", timeout=10)
    with Repository.open(data_dir, SystemClock()) as repo:
        sessions = repo.unfinished_sessions()
    assert len(sessions) == 1, sessions
    (session,) = sessions
    assert session.status in (SessionStatus.RUNNING, SessionStatus.STOPPED)
    assert session.kind == "stretch"
    assert INTO_THE_STEP - 1.5 <= session.actual_seconds < 10, session.actual_seconds

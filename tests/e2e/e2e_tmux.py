"""Drive a program in a real terminal: a private tmux server, keys in, screen text out.

Each ``Terminal`` owns its own tmux server (``-L`` with a unique name, no user config), so
tests never touch a tmux the developer is using, and ``close()`` ends everything it started.
Waiting is always for something to appear on screen, polled, never a fixed sleep; the only
pause is ``KEY_GAP`` between keys, because a lone ``escape`` followed at once by another
key reaches the app as one alt+key sequence.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

POLL_SECONDS = 0.1
KEY_GAP = 0.06
DEFAULT_TIMEOUT = 15.0  # generous: two cores are shared with other test runs


def tmux_path() -> str | None:
    return shutil.which("tmux")


class Terminal:
    """One tmux server; each ``start`` runs a command in a new ``width`` x ``height`` session,
    and keys and screens go to the latest one."""

    def __init__(self, width: int = 100, height: int = 32) -> None:
        tmux = tmux_path()
        if tmux is None:
            raise RuntimeError("tmux is not installed")
        self._tmux = tmux
        self.socket = f"rt-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.width = width
        self.height = height
        self._sessions = 0

    # -- tmux itself ------------------------------------------------------------------------
    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # The tmux client gets a clean environment: a TMUX from an outer tmux would be
        # refused, and the checkout's PYTHONPATH must not reach the installed app.
        env = {k: v for k, v in os.environ.items() if k not in {"TMUX", "PYTHONPATH"}}
        return subprocess.run(
            [self._tmux, "-f", "/dev/null", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=check,
            env=env,
            timeout=20,
        )

    def start(self, command: Sequence[str], env: Mapping[str, str], cwd: Path) -> None:
        """Run ``command`` (with ``env`` added) in a new session; the pane stays after it exits
        so its last screen and exit status can be read."""
        # A new session each time rather than killing the old one: killing the last session
        # ends the server, and a client arriving meanwhile would find it on its way out.
        self._sessions += 1
        line = shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), *command])
        self._run(
            "new-session", "-d", "-s", self.session,
            "-x", str(self.width), "-y", str(self.height), "-c", str(cwd), line,
            ";", "set-option", "-g", "remain-on-exit", "on",
        )  # fmt: skip

    @property
    def session(self) -> str:
        return f"e2e-{self._sessions}"

    def close(self) -> None:
        """End the tmux server and whatever still runs in it."""
        self._run("kill-server", check=False)

    def resize(self, width: int, height: int) -> None:
        """Resize the latest session's window, as a user dragging the terminal's corner."""
        self._run("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    # -- keys ---------------------------------------------------------------------------------
    def send(self, *keys: str) -> None:
        """tmux key names (``C-s``, ``Tab``, ``Down``, ``Space``, ``Escape``, ``r``), one at
        a time."""
        for key in keys:
            self._run("send-keys", "-t", self.session, key)
            time.sleep(KEY_GAP)

    def type(self, text: str) -> None:
        """Literal text, one character at a time."""
        for char in text:
            self._run("send-keys", "-t", self.session, "-l", char)
            time.sleep(KEY_GAP)

    # -- screen -------------------------------------------------------------------------------
    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", self.session, check=False).stdout

    def wait_for(self, *texts: str | re.Pattern[str], timeout: float = DEFAULT_TIMEOUT) -> str:
        """The screen once it shows every one of ``texts`` (plain text or a pattern);
        AssertionError with the screen after ``timeout`` seconds or if the program ended."""

        def shows(text: str | re.Pattern[str], shown: str) -> bool:
            return bool(text.search(shown)) if isinstance(text, re.Pattern) else text in shown

        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if all(shows(text, shown) for text in texts):
                return shown
            if self.exit_status() is not None or time.monotonic() > deadline:
                missing = [text for text in texts if not shows(text, shown)]
                raise AssertionError(
                    f"{missing} not on screen after {timeout:g} s "
                    f"(exit status {self.exit_status()}):\n{shown}"
                )
            time.sleep(POLL_SECONDS)

    def exit_status(self) -> int | None:
        """The command's exit status once it has ended, else None."""
        out = self._run(
            "display-message", "-p", "-t", self.session,
            "#{pid} #{pane_dead} #{pane_dead_status}",
            check=False,
        ).stdout.split()  # fmt: skip
        if len(out) == 3 and out[1] == "1":
            return int(out[2])
        if len(out) == 2 and out[1] == "1":
            # Dead but not reaped: tmux built with libutempter can miss the SIGCHLD when the
            # program exits while utempter's own handler is in place (tmux issues #311 and
            # #4841), leaving a zombie and no status. Another SIGCHLD makes tmux collect it.
            os.kill(int(out[0]), signal.SIGCHLD)
        return None

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """The exit status once the command has ended; AssertionError after ``timeout``."""
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"still running after {timeout:g} s:\n{self.screen()}")
            time.sleep(POLL_SECONDS)
        return status

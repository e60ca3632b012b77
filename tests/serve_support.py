"""Shared by the serve tests: a data dir with a logged run, a client that keeps cookies
from an IP address, and the app's terminal output read from websocket frames."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import aiohttp

from recovery_tui.domain.clock import SystemClock
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.plan import EARLY_TASKS
from recovery_tui.paths import Dirs
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository

# CSI, OSC (ended by BEL or ST) and two-character escapes: what is left is the app's text.
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
# The app's first task two days after a race, as Today shows it.
TODAY_TEXT = EARLY_TASKS[0].title


def dirs_with_a_race(tmp_path: Path) -> Dirs:
    """Records the served app reads on its own clock: a half marathon two days ago."""
    dirs = Dirs(tmp_path / "data", tmp_path / "config")
    clock = SystemClock()
    repo = Repository.open(dirs.data, clock)
    try:
        day = date.today() - timedelta(days=2)
        Journal(repo, clock).log_run(21.1, day, effort=9, kind=RunKind.RACE)
    finally:
        repo.close()
    return dirs


def client() -> aiohttp.ClientSession:
    # aiohttp's cookie jar ignores cookies from bare IP addresses unless told otherwise.
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


def screen_text(frames: list[bytes | str]) -> str:
    data = "".join(f.decode("utf-8", "replace") if isinstance(f, bytes) else f for f in frames)
    return ANSI.sub("", data)

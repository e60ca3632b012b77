"""Build the app for Pilot and snapshot tests: fixed clock, temporary data, fixed size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
from textual.screen import Screen

from recovery_tui.app import RecoveryApp, StartRequest
from recovery_tui.domain.clock import FakeClock
from recovery_tui.paths import Dirs
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository

SIZE = (100, 32)
# A fixed morning so snapshots never depend on the day they run.
NOW = pendulum.datetime(2026, 11, 26, 9, 30, tz="Europe/Paris")


def fixed_clock(now: pendulum.DateTime = NOW) -> FakeClock:
    return FakeClock(now)


def prepare(tmp_path: Path, clock: FakeClock, fill: Callable[[Journal], Any] | None = None) -> Dirs:
    """Write records before the app opens, through the same journal the app uses."""
    dirs = Dirs(tmp_path / "data", tmp_path / "config")
    if fill is not None:
        repo = Repository.open(dirs.data, clock)
        try:
            fill(Journal(repo, clock))
        finally:
            repo.close()
    return dirs


def make_app(
    tmp_path: Path,
    clock: FakeClock | None = None,
    fill: Callable[[Journal], Any] | None = None,
    start: StartRequest | None = None,
) -> RecoveryApp:
    clock = clock or fixed_clock()
    dirs = prepare(tmp_path, clock, fill)
    return RecoveryApp(dirs=dirs, clock=clock, start=start)


def shows(screen: Screen[Any], selector: str) -> bool:
    """Whether something matching ``selector`` is shown: screens build some pieces only
    the first time they are needed, so a piece never needed is not there at all."""
    return any(node.display for node in screen.query(selector))

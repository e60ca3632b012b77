"""Odd terminals: 1x1, rapid resizes, NO_COLOR, and no terminal at all."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from app_factory import SIZE, make_app, shows
from textual.widgets import Static

from recovery_tui.app_limits import MIN_HEIGHT, MIN_WIDTH
from recovery_tui.domain.models import Area, CheckIn, RunKind
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.body_map import BodyMap

TODAY = date(2026, 11, 26)
SIZES = [(1, 1), (59, 19), (60, 20), (200, 60), (59, 20), (60, 19), (100, 32), (1, 1)]


def sore_after_race(journal: Journal) -> None:
    journal.log_run(21.1, TODAY - timedelta(days=1), effort=8, kind=RunKind.RACE)
    journal.save_checkin(
        CheckIn(
            TODAY,
            {Area.ANKLES: 7, Area.KNEES: 3, Area.CALVES: 9},
            "2026-11-26T07:00:00Z",
            "Europe/Paris",
        )
    )


async def test_a_1x1_terminal_and_30_rapid_resizes(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=sore_after_race)
    async with app.run_test(size=(1, 1)) as pilot:
        await pilot.pause()
        assert app.has_class("-too-small")
        for i in range(30):
            width, height = SIZES[i % len(SIZES)]
            await pilot.resize_terminal(width, height)
            if i % 3 == 0:  # sometimes let it paint, sometimes pile the resizes up
                await pilot.pause()
        await pilot.pause()
        last = SIZES[29 % len(SIZES)]
        assert app.has_class("-too-small") == (last[0] < MIN_WIDTH or last[1] < MIN_HEIGHT)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not app.has_class("-too-small")
        assert isinstance(app.screen, TodayScreen)
        assert app.return_code is None  # still running: no crash on the way


@pytest.mark.parametrize(("width", "height"), [(59, 20), (60, 19), (60, 20), (1, 1)])
async def test_the_too_small_notice_follows_each_size(
    tmp_path: Path, width: int, height: int
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(width, height)
        await pilot.pause()
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        assert app.has_class("-too-small") == small
        assert shows(app.screen, ".too-small") == small


async def test_no_color_still_shows_the_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path, fill=sore_after_race)
    assert app.no_color
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        figure = str(app.screen.query_one(BodyMap).render())
        for number in ("7", "3", "9"):
            assert number in figure, figure
        assert "Day 1 of 7" in str(app.screen.query_one("#headline", Static).render())


def entry_point() -> list[str]:
    installed = Path(sys.executable).with_name("recovery-tui")
    if installed.exists():
        return [str(installed)]
    found = shutil.which("recovery-tui")
    return [found] if found else [sys.executable, "-m", "recovery_tui"]


@pytest.mark.parametrize("command", [(), ("walk",), ("stretch",)], ids=["app", "walk", "stretch"])
def test_no_terminal_exits_2_with_a_clear_message_within_2_s(
    command: tuple[str, ...], data_dir: Path
) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [*entry_point(), *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "RECOVERY_TUI_DATA_DIR": str(data_dir)},
        timeout=30,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert elapsed < 2.0, f"took {elapsed:.2f} s"
    assert not (data_dir / "recovery.json").exists()  # nothing opened, nothing written


@pytest.mark.parametrize("terminal_on", ["stdin", "stdout"])
def test_half_a_terminal_is_not_a_terminal(terminal_on: str, data_dir: Path) -> None:
    leader, follower = pty.openpty()
    try:
        streams = {
            "stdin": follower if terminal_on == "stdin" else subprocess.DEVNULL,
            "stdout": follower if terminal_on == "stdout" else subprocess.PIPE,
        }
        result = subprocess.run(
            [*entry_point()],
            **streams,
            stderr=subprocess.PIPE,
            env={**os.environ, "RECOVERY_TUI_DATA_DIR": str(data_dir)},
            timeout=30,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert b"needs a terminal" in result.stderr

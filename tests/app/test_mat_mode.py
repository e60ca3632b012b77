"""Mat mode: the step, its side and hold, a countdown that fills the terminal, the next
step and a thin bar; the same keys as the normal layout. Read back from the screen at the
smallest, a middling and a huge terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_factory import fixed_clock, make_app
from big_clock_app import screen_lines
from session_pilot import GET_READY, advance, clock_on_screen, open_session, shown
from textual.pilot import Pilot
from textual.widgets import Static

from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.session_mat import MAT_MODE_SETTING

SIZES = ((60, 20), (120, 40), (200, 60))
FIRST = stretch_30().steps[0]


def text_of(pilot: Pilot[Any], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


async def mat_scale(tmp_path: Path, size: tuple[int, int]) -> tuple[int, int]:
    """Open the stretch at ``size``, press z, 12 s into the first hold: check what shows,
    return the clock's scale and its height in pixel rows."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=size) as pilot:
        screen = await open_session(pilot)
        await pilot.press("z")
        await advance(pilot, clock, screen, GET_READY + 12)
        big, rows = clock_on_screen(pilot, "#mat-clock")
        assert big.text == f"00:{FIRST.seconds - 12:02d}"
        lines = "\n".join(screen_lines(app))
        assert FIRST.name in lines
        assert f"left side  ·  hold 1 of {FIRST.reps}" in lines
        assert "Next: Release" in lines
        assert "left" in text_of(pilot, "#mat-progress .bar-left")
        assert not shown(pilot, "#session"), "the normal layout is out of the way"
        assert not shown(pilot, "Header")
        return big.scale, rows


@pytest.mark.parametrize("size", SIZES)
async def test_mat_mode_shows_what_reads_from_the_floor(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    scale, _ = await mat_scale(tmp_path, size)
    assert scale >= 3 if size == SIZES[0] else scale > 3


async def test_the_countdown_grows_with_the_terminal(tmp_path: Path) -> None:
    drawn = [await mat_scale(tmp_path / f"{w}x{h}", (w, h)) for w, h in SIZES]
    scales = [scale for scale, _ in drawn]
    assert scales == sorted(set(scales)), "each size larger than the one before"
    assert drawn[-1][1] // 2 >= 25, "huge at 200×60: half the terminal's height or more"


async def test_the_same_keys_work_in_mat_mode_and_z_leaves_it(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_session(pilot)
        await pilot.press("z")
        await advance(pilot, clock, screen, GET_READY + 40)
        assert screen.runner is not None
        engine = screen.runner.engine

        await pilot.press("space")
        assert engine.paused and "press space to resume" in text_of(pilot, "#mat-notice")
        assert screen.has_class("-paused")
        await pilot.press("space")
        assert not engine.paused and not shown(pilot, "#mat-notice")

        await pilot.press("n")
        await pilot.pause()
        second = stretch_30().steps[1]
        assert engine.current is not None and engine.current.name == second.name
        assert text_of(pilot, "#mat-step") == second.name
        await pilot.press("p")
        await pilot.pause()
        assert engine.current.name == FIRST.name

        await pilot.press("escape")
        await pilot.pause()
        assert "Stop here?" in text_of(pilot, "#mat-notice")
        await pilot.press("space")

        await pilot.press("z")
        await pilot.pause()
        assert shown(pilot, "#session") and not shown(pilot, "#session-mat")
        assert text_of(pilot, "#segment-name").startswith(FIRST.name)
        clock_on_screen(pilot, "#session-clock")


async def test_the_setting_opens_sessions_in_mat_mode(tmp_path: Path) -> None:
    def mat_on(journal: Journal) -> None:
        journal.set_setting(MAT_MODE_SETTING, True)

    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=mat_on)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_session(pilot)
        await advance(pilot, clock, screen, 1)
        assert shown(pilot, "#session-mat") and not shown(pilot, "#session")
        clock_on_screen(pilot, "#mat-clock")
        await pilot.press(*["n"] * (len(stretch_30().steps) + 1))  # get-ready, then each step
        await pilot.pause()
        assert screen.runner is not None and screen.runner.engine.done
        assert shown(pilot, "#session-summary"), "the summary is shown in the normal layout"
        assert not shown(pilot, "#session-mat")


async def test_too_small_hides_mat_mode_too(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_session(pilot)
        await pilot.press("z")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert not shown(pilot, "#session-mat")
        assert any("Terminal too small" in line for line in screen_lines(app))

"""SVG snapshots of the session screen, time moved by a fixed fake clock.

Regenerate after an intended change of look with
``pytest tests/snapshots/test_session_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from app_factory import NOW, SIZE, fixed_clock, make_app
from textual.pilot import Pilot

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.routines import SWITCH_SECONDS
from recovery_tui.screens.session import SessionScreen
from recovery_tui.services.journal import Journal

GET_READY = 5


def after_race(journal: Journal) -> None:
    journal.log_run(21.1, NOW.date() - timedelta(days=1), effort=9, kind=RunKind.RACE)


def into_session(clock: FakeClock, seconds: float, *keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(seconds)
        screen.tick()
        await pilot.press(*keys)
        screen.remove_class("-flash")  # the flash would only be caught half-way
        await pilot.pause()

    return run_before


def test_mid_session(tmp_path: Path, snap_compare: Any) -> None:
    """Third stretch, right side, 10 s into its second hold: '(right, 2 of 3)' with 00:20 on
    the big clock, ✓ on two steps and ▶ on the third, 'Next: Release', the session bar."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    first, second, third = stretch_30().steps[:3]
    seconds = (
        GET_READY
        + first.total_seconds
        + second.total_seconds
        + third.side_seconds
        + SWITCH_SECONDS
        + third.seconds
        + third.release
        + 10
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=into_session(clock, seconds))


def test_paused(tmp_path: Path, snap_compare: Any) -> None:
    """Paused 75 s into the first stretch (its third hold): PAUSED in the head, the notice to
    press space, the clock dimmed, the frame in the warning colour and the footer offering
    space Resume."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    assert snap_compare(
        app, terminal_size=SIZE, run_before=into_session(clock, GET_READY + 75, "space")
    )


def test_mat_mode_small(tmp_path: Path, snap_compare: Any) -> None:
    """Mat mode at 60×20, 12 s into the first hold: the step, 'left side · hold 1 of 3',
    00:18 in blocks at scale 3, 'Next: Release', the thin bar; no header."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    assert snap_compare(
        app, terminal_size=(60, 20), run_before=into_session(clock, GET_READY + 12, "z")
    )


def test_mat_mode_large(tmp_path: Path, snap_compare: Any) -> None:
    """Mat mode at 160×48, paused 75 s into the first stretch (hold 3 of 3): 00:25 filling
    the width, the notice to press space under it, the clock dimmed, 'Next: Switch sides'."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    assert snap_compare(
        app, terminal_size=(160, 48), run_before=into_session(clock, GET_READY + 75, "z", "space")
    )


def test_summary_with_skipped_steps(tmp_path: Path, snap_compare: Any) -> None:
    """The end of a stretch where only the first step was done in full, the second half
    done and the rest skipped with n: 'Session stopped' (not complete) with the real
    minutes, ✓ on the first step, ◐ on the second, ↷ on the others; the footer's keys back."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    first, second = stretch_30().steps[:2]

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        clock.advance(GET_READY + first.total_seconds + second.total_seconds / 2)
        screen.tick()
        for _ in range(len(stretch_30().steps)):
            if screen.runner.record is not None:
                break
            await pilot.press("n")
        await pilot.pause()
        assert screen.runner.record is not None
        screen.remove_class("-flash")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

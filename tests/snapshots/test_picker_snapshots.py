"""SVG snapshot of the routine picker, over Today at a fixed morning.

Regenerate after an intended change of look with
``pytest tests/snapshots/test_picker_snapshots.py --snapshot-update`` and look at the SVG.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app_factory import make_app
from routine_files import EVENING_CALVES, TYPO, write_routine
from textual.pilot import Pilot

SIZE = (100, 40)


async def open_picker(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("o")
    await pilot.pause()


def test_the_picker(tmp_path: Path, snap_compare: Any) -> None:
    """The adapted stretch first and highlighted, every built-in, 'Evening calves' with
    evening.toml, '✗ typo.toml: … unknown key 'secs'' last; the preview lists the steps."""
    write_routine(tmp_path / "config", "evening", EVENING_CALVES)
    write_routine(tmp_path / "config", "typo", TYPO)
    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_picker)

"""SVG snapshots of the recovery curve and the runs list, at 80 columns, from the demo
year (fixed dates).

Regenerate after an intended change of look with
``pytest tests/snapshots/test_recovery_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from typing import Any

import pytest
from recovery_app import LAST_HALF, MAY_HALF, RecoveriesApp, demo_outcomes
from textual.pilot import Pilot

from recovery_tui.widgets.recoveries_list import RecoveriesList

NARROW = (80, 24)
TALL = (80, 40)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()


def test_curve_of_the_last_half_marathon(snap_compare: Any) -> None:
    """20 October half: letters on points, thick ankles line, ready line at 2, sentence."""
    assert snap_compare(RecoveriesApp(curve_only=True), terminal_size=NARROW, run_before=settle)


def test_curve_without_colour(snap_compare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same curve under NO_COLOR: one colour, areas told apart by letter, worst line thick."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(RecoveriesApp(curve_only=True), terminal_size=NARROW, run_before=settle)


def test_runs_list(snap_compare: Any) -> None:
    """Demo year's recoveries newest first: peak and day, day back to 2, longest, minutes."""
    assert snap_compare(RecoveriesApp(list_only=True), terminal_size=NARROW, run_before=settle)


async def mark_two_halves(pilot: Pilot[Any]) -> None:
    table = pilot.app.query_one(RecoveriesList)
    table.focus()
    for day in (MAY_HALF, LAST_HALF):
        index = next(i for i, o in enumerate(demo_outcomes()) if o.run.day == day)
        table.move_cursor(row=index, animate=False)
        await pilot.pause()
        await pilot.press("space")
    await pilot.pause()


def test_two_half_marathons_overlaid(snap_compare: Any) -> None:
    """Two halves marked ◆; ankles of 20 Oct (A, thick) over 11 May (a, grey) and sentence."""
    assert snap_compare(RecoveriesApp(), terminal_size=TALL, run_before=mark_two_halves)

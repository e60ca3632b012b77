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
    """The 20 October half: a letter per area on its points, ankles (the worst) thick and
    named in the title, the ready line at 2, days 0–8, the legend and the sentence."""
    assert snap_compare(RecoveriesApp(curve_only=True), terminal_size=NARROW, run_before=settle)


def test_curve_without_colour(snap_compare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same curve under NO_COLOR: all in the text colour, areas still told apart by
    their letters and the worst by its thick line."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(RecoveriesApp(curve_only=True), terminal_size=NARROW, run_before=settle)


def test_runs_list(snap_compare: Any) -> None:
    """Every recovery of the demo year, newest first: date, run, peak and its day, the day
    back to 2 (or -), the longest area, walk and stretch minutes."""
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
    """Both halves marked (◆) in the list; under it ankles of 20 October (A, thick) over
    ankles of 11 May (a, grey line), the title saying which is which, and the sentence."""
    assert snap_compare(RecoveriesApp(), terminal_size=TALL, run_before=mark_two_halves)

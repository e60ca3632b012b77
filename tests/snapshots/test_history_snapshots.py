"""SVG snapshots of History from fixed demo data on a fixed day (2026-11-26).

Regenerate after an intended change of look with
``pytest tests/snapshots/test_history_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app_factory import NOW, SIZE, fixed_clock, make_app
from textual.pilot import Pilot

from recovery_tui.domain.demo import make_demo
from recovery_tui.services.journal import Journal


def fill_demo(journal: Journal) -> None:
    demo = make_demo(60, NOW, "Europe/Paris")
    journal.repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)


async def open_history(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()


def test_week_view(tmp_path: Path, snap_compare: Any) -> None:
    """The week ending today from demo data: a row per day (the cursor on today), the
    legend, a sparkline and verdict per area, totals, averages and the single-leg stand."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_history)


async def back_to_the_half_marathon(pilot: Pilot[Any]) -> None:
    """Four weeks back: 23–29 October, the week of the demo's half marathon (27th)."""
    await open_history(pilot)
    await pilot.press("left", "left", "left", "left")
    await pilot.pause()


def test_week_after_a_half_marathon(tmp_path: Path, snap_compare: Any) -> None:
    """23–29 October: recovery days 0/7 to 2/7 in the Rec column and soreness rising after
    the race, then easing in the sparklines."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=back_to_the_half_marathon)


def test_day_detail(tmp_path: Path, snap_compare: Any) -> None:
    """Thursday 29 October in full: the check-in, each session with its steps, the tasks."""

    async def open_day(pilot: Pilot[Any]) -> None:
        # Thursday 29 October, two days after the race: a check-in with the pelvis
        # dropping on the left, walks and a stretch session.
        await back_to_the_half_marathon(pilot)
        await pilot.press("enter")
        await pilot.pause()

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_day)


def test_months_grid(tmp_path: Path, snap_compare: Any) -> None:
    """26 weeks × 7 days coloured and numbered by the day's worst soreness, month labels
    on top, the legend below; days before the demo began stay blank."""

    async def open_grid(pilot: Pilot[Any]) -> None:
        await open_history(pilot)
        await pilot.press("g")
        await pilot.pause()

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_grid)

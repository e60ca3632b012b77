"""SVG snapshots of History from fixed demo data on a fixed day (2026-11-26).

Regenerate after an intended change of look with
``pytest tests/snapshots/test_history_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app_factory import NOW, SIZE, fixed_clock, make_app
from textual.pilot import Pilot

from recovery_tui.domain.demo import make_demo
from recovery_tui.domain.models import (
    Area,
    CheckIn,
    SessionRecord,
    SessionStatus,
    Side,
    StepRecord,
)
from recovery_tui.services.journal import Journal

NARROW = (80, 24)
WIDE = (120, 32)


def fill_demo(journal: Journal) -> None:
    demo = make_demo(60, NOW, "Europe/Paris")
    journal.repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)


async def open_history(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()


def test_week_view(tmp_path: Path, snap_compare: Any) -> None:
    """The week at 120 columns: a column per area, the legend naming each head, sparklines."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=WIDE, run_before=open_history)


def test_week_view_at_80_columns(tmp_path: Path, snap_compare: Any) -> None:
    """80×24: areas folded into 'Worst' (e.g. '2 ankles +3'), every column whole, legend."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=NARROW, run_before=open_history)


def first_checkin_on_wednesday(journal: Journal) -> None:
    stamp, tz = journal.new_checkin_stamp()
    journal.save_checkin(CheckIn(date(2026, 11, 25), {Area.KNEES: 3}, stamp, tz, cups=4))


def test_week_of_a_new_user(tmp_path: Path, snap_compare: Any) -> None:
    """First record Wed 25 Nov: Fri–Tue rows blank, totals of Wed–Thu only, legend says so."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=first_checkin_on_wednesday)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_history)


async def back_to_the_half_marathon(pilot: Pilot[Any]) -> None:
    """Four weeks back: 23–29 October, the week of the demo's half marathon (27th)."""
    await open_history(pilot)
    await pilot.press("left", "left", "left", "left")
    await pilot.pause()


def test_week_after_a_half_marathon(tmp_path: Path, snap_compare: Any) -> None:
    """23–29 October at 120 columns: Rec 0/8–2/8 after the race, every area's soreness rising."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=WIDE, run_before=back_to_the_half_marathon)


def test_day_detail(tmp_path: Path, snap_compare: Any) -> None:
    """Thursday 29 October in full: the check-in (its cups the day's counter, as the tasks
    say: 8), each session and how it ended, the tasks."""

    async def open_day(pilot: Pilot[Any]) -> None:
        # Thursday 29 October, two days after the race: a check-in with the pelvis
        # dropping on the left, walks and a stretch session.
        await back_to_the_half_marathon(pilot)
        await pilot.press("enter")
        await pilot.pause()

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_day)


def test_months_grid(tmp_path: Path, snap_compare: Any) -> None:
    """100 columns: all 26 weeks fit, 1 June–26 November by worst soreness, Jun–Nov over
    the weeks of the 1st, the legend on two lines (levels and '·', then '-'); days before
    the demo's start blank (·)."""

    async def open_grid(pilot: Pilot[Any]) -> None:
        await open_history(pilot)
        await pilot.press("g")
        await pilot.pause()

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_grid)


def fill_stopped_session(journal: Journal) -> None:
    stamp, tz = journal.new_checkin_stamp()
    journal.save_session(
        SessionRecord(
            id="s1",
            day=date(2026, 11, 26),
            routine_id="evening-calves",
            routine_name="Evening calves [x2]",
            kind="routine",
            status=SessionStatus.STOPPED,
            planned_seconds=240,
            actual_seconds=125,
            started_at=stamp,
            ended_at=stamp,
            tz=tz,
            steps=(
                StepRecord("Wall calf stretch", Side.LEFT, 45, 45),
                StepRecord("Wall calf stretch", Side.RIGHT, 45, 50),
                StepRecord("Calf raises", None, 60, 30, skipped=True),
                StepRecord("Heel drops", None, 90, 0, skipped=True),
            ),
        )
    )


def test_day_detail_with_skipped_steps(tmp_path: Path, snap_compare: Any) -> None:
    """A stopped session: '[x2]' kept, 02:05 of 04:00, the tally by step (as the session's end
    counts), each side ✓ ◐ or ↷ in words."""

    async def open_today(pilot: Pilot[Any]) -> None:
        await open_history(pilot)
        await pilot.press("enter")
        await pilot.pause()

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_stopped_session)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_today)


def fill_year(journal: Journal) -> None:
    demo = make_demo(365, NOW, "Europe/Paris")
    journal.repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)


async def open_recoveries(pilot: Pilot[Any]) -> None:
    await open_history(pilot)
    await pilot.press("v")
    await pilot.pause()


def test_recoveries_view(tmp_path: Path, snap_compare: Any) -> None:
    """v: runs newest first, legend, curve of 22 Nov long run (newest sore one) and sentence."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    assert snap_compare(app, terminal_size=(100, 40), run_before=open_recoveries)


def test_recoveries_view_at_80_columns(tmp_path: Path, snap_compare: Any) -> None:
    """80×24: 5 runs, the 2-line legend, the curve's top (tab to it scrolls the rest in)."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    assert snap_compare(app, terminal_size=NARROW, run_before=open_recoveries)


def test_two_half_marathons_overlaid_in_history(tmp_path: Path, snap_compare: Any) -> None:
    """Halves of 20 Oct and 11 May marked ◆, overlaid on ankles (A over a), the sentence."""

    async def overlay(pilot: Pilot[Any]) -> None:
        from recovery_tui.widgets.recoveries_list import RecoveriesList

        await open_recoveries(pilot)
        await pilot.press("end")  # the older page, with May's half
        await pilot.pause()
        table = pilot.app.screen.query_one(RecoveriesList)
        for day in (date(2026, 10, 20), date(2026, 5, 11)):
            row = next(i for i, o in enumerate(table.outcomes) if o.run.day == day)
            table.move_cursor(row=row, animate=False)
            await pilot.pause()
            await pilot.press("space")
        await pilot.pause()

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    assert snap_compare(app, terminal_size=(100, 48), run_before=overlay)


def test_help_on_history(tmp_path: Path, snap_compare: Any) -> None:
    """F1 on History: its keys with the footer's names (← [ Earlier…, v, g), italics extra."""

    async def open_help(pilot: Pilot[Any]) -> None:
        await open_history(pilot)
        await pilot.press("f1")
        await pilot.pause()

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    assert snap_compare(app, terminal_size=(100, 40), run_before=open_help)

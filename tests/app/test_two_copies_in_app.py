"""The app open while another copy (the command line) writes: nothing is overwritten."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

from app_factory import NOW, SIZE, fixed_clock, make_app

from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.checkins import CheckInUpdate
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, RunKind
from recovery_tui.screens.checkin import CheckInScreen
from recovery_tui.screens.data_repaired import DataRepairedScreen
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository
from recovery_tui.widgets.body_map import BodyMap
from recovery_tui.widgets.task_row import TaskRow

TODAY = NOW.date()


def race_yesterday(journal: Journal) -> None:
    journal.log_run(
        21.1, TODAY - timedelta(days=1), effort=8, kind=RunKind.RACE, finish=time(10, 0)
    )
    journal.update_checkin(TODAY, CheckInUpdate(soreness={Area.ANKLES: 6}))


def other_copy(tmp_path: Path, clock: FakeClock) -> Journal:
    return Journal(Repository.open(tmp_path / "data", clock), clock)


def row(app, task_id: str) -> TaskRow:  # type: ignore[no-untyped-def]
    return next(r for r in app.screen.query(TaskRow) if r.spec.id == task_id)


async def test_editing_in_the_app_keeps_a_checkin_made_from_the_cli(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cli = other_copy(tmp_path, clock)
        cli.update_checkin(TODAY, CheckInUpdate(soreness={Area.KNEES: 5}, note="from cli"))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("7")  # ankles
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = other_copy(tmp_path, clock).checkin(TODAY)
    assert saved is not None
    assert saved.soreness[Area.ANKLES] == 7
    assert saved.soreness[Area.KNEES] == 5
    assert saved.note == "from cli"


async def test_counted_tasks_add_up_across_copies(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row(app, plan_rules.WATER).focus()
        await pilot.press("plus", "plus")
        other_copy(tmp_path, clock).bump_task(TODAY, plan_rules.WATER, 3)
        await pilot.press("plus")
        await pilot.pause()
        assert row(app, plan_rules.WATER).count == 6
    states = other_copy(tmp_path, clock).repo.task_states(TODAY)
    assert states[plan_rules.WATER].count == 6


async def test_today_picks_up_what_another_copy_wrote(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(BodyMap).soreness == {Area.ANKLES: 6}
        other_copy(tmp_path, clock).update_checkin(TODAY, CheckInUpdate(soreness={Area.KNEES: 4}))
        app.watch()
        await pilot.pause()
        assert app.screen.query_one(BodyMap).soreness == {Area.ANKLES: 6, Area.KNEES: 4}


async def test_a_damaged_month_found_later_is_reported(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        old = tmp_path / "data" / "months" / "2026-03.json"
        old.write_text("{broken", encoding="utf-8")
        app.journal.history(TODAY.replace(month=3, day=1), TODAY.replace(month=3, day=31))
        app.watch()
        await pilot.pause()
        assert isinstance(app.screen, DataRepairedScreen)
        assert any(str(old) in notice for notice in app.screen.notices)


async def test_a_cli_checkin_made_while_the_dialog_is_open_is_kept(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        other_copy(tmp_path, clock).update_checkin(
            TODAY, CheckInUpdate(soreness={Area.KNEES: 5}, note="from cli", cups=3)
        )
        await pilot.press("8")  # ankles, changed here
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = other_copy(tmp_path, clock).checkin(TODAY)
    assert saved is not None
    assert saved.soreness[Area.ANKLES] == 8
    assert saved.soreness[Area.KNEES] == 5
    assert (saved.note, saved.cups) == ("from cli", 3)


async def test_history_is_redrawn_once_per_outside_write(tmp_path: Path) -> None:
    from recovery_tui.screens.history import HistoryScreen

    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        calls = []
        original = screen.show_day
        screen.show_day = lambda day: (calls.append(1), original(day))  # type: ignore[method-assign]
        other_copy(tmp_path, clock).update_checkin(TODAY, CheckInUpdate(soreness={Area.HIPS: 2}))
        for _ in range(4):
            app.watch()
        await pilot.pause()
        assert len(calls) == 1

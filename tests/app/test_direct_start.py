"""`recovery-tui walk` opens straight into the timer; Today is built when it ends."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app_factory import SIZE, fixed_clock, make_app

from recovery_tui.app import StartRequest
from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.models import RunKind
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal


def race_yesterday(journal: Journal) -> None:
    journal.log_run(21.1, journal.today() - timedelta(days=1), effort=8, kind=RunKind.RACE)


async def test_a_walk_started_from_the_command_line_ends_on_today(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=race_yesterday, start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert not any(isinstance(s, TodayScreen) for s in app.screen_stack)
        clock.advance(5 + 10 * 60 + 1)
        screen.tick()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.journal.day_view().progress[plan_rules.WALKS] == 1


async def test_a_direct_walk_keeps_today_and_history_for_after(tmp_path: Path) -> None:
    from recovery_tui.screens.history import HistoryScreen

    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=race_yesterday, start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        # While it runs, t and h would end it without asking: they are off.
        await pilot.press("h", "t")
        await pilot.pause()
        assert app.screen is screen
        app.action_walk()  # the command palette's "Start a walk"
        await pilot.pause()
        assert sum(isinstance(s, SessionScreen) for s in app.screen_stack) == 1
        clock.advance(5 + 10 * 60 + 1)
        screen.tick()
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert len(app.screen_stack) == 2


async def test_checkin_from_the_palette_after_a_direct_session(tmp_path: Path) -> None:
    from recovery_tui.screens.checkin import CheckInScreen

    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=race_yesterday, start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.advance(5 + 10 * 60 + 1)
        app.screen.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        app.action_checkin()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert any(isinstance(s, TodayScreen) for s in app.screen_stack)

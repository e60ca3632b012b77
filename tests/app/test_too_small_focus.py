"""After the terminal was too small for a moment, each screen takes keys as it did before."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app_factory import fixed_clock, make_app

from recovery_tui.domain.models import RunKind
from recovery_tui.screens.history import HistoryScreen
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.task_row import TaskRow
from recovery_tui.widgets.week_table import WeekTable

SIZE = (100, 32)
SMALL = (55, 18)


def race_yesterday(journal: Journal) -> None:
    journal.log_run(21.1, journal.today() - timedelta(days=1), effort=8, kind=RunKind.RACE)


async def test_today_keeps_its_task_focus_and_keys_after_too_small(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)
        rows = list(today.query(TaskRow))
        await pilot.press("down")
        await pilot.pause()
        assert today.focused is rows[1]
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert today.focused is rows[1]
        assert "space" in today.active_bindings
        ticked_before = rows[1].done
        await pilot.press("space")
        await pilot.pause()
        assert rows[1].done is not ticked_before
        await pilot.press("down")
        await pilot.pause()
        assert today.focused is rows[2]


async def test_today_focuses_the_first_task_when_it_opened_too_small(tmp_path: Path) -> None:
    """Opened in a terminal too small, Today has nothing focused until it fits; then the
    first task is, as when it opens at a size that fits."""
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert app.screen.focused is app.screen.query(TaskRow).first()
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.focused is list(app.screen.query(TaskRow))[1]


async def test_today_focuses_a_task_when_its_tasks_changed_while_too_small(
    tmp_path: Path,
) -> None:
    """Midnight passed while the terminal was too small: the task that had the focus is
    gone with its day, so the new day's first task has it."""

    def race_three_days_ago(journal: Journal) -> None:
        # Tomorrow is the first day of the recovery with fewer tasks: Today rebuilds its list.
        journal.log_run(21.1, journal.today() - timedelta(days=3), effort=8, kind=RunKind.RACE)

    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=race_three_days_ago)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.screen
        old_rows = list(today.query(TaskRow))
        await pilot.press("down")
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        clock.set(clock.now().add(days=1))
        assert app.check_day_rollover()
        await pilot.pause()
        new_rows = list(today.query(TaskRow))
        assert not set(new_rows) & set(old_rows)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert today.focused is new_rows[0]


async def test_history_keeps_its_table_focus_after_too_small(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one(WeekTable)
        assert history.focused is table
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert history.focused is table


async def test_today_gets_its_focus_back_when_it_fitted_again_under_history(
    tmp_path: Path,
) -> None:
    """Too small on Today, then History opened and the terminal enlarged there: back on
    Today, the task that had the focus has it (Textual had given it to the list's scroll
    area, where space and the arrows do nothing)."""
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.screen
        rows = list(today.query(TaskRow))
        await pilot.press("down")
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is today
        assert today.focused is rows[1]


async def test_a_session_still_takes_its_keys_after_too_small(tmp_path: Path) -> None:
    """The session screen's keys are its own (nothing in it takes the focus): space still
    pauses once the terminal fits again."""
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen) and not session.paused
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert session.paused

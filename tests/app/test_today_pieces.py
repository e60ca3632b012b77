"""Today's occasional pieces (alarms, refuel, welcome, notes, the narrow readiness line, the
too-small notice) are built only once a day or a size needs them, each in its place."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pendulum
from app_factory import SIZE, make_app, shows

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, CheckIn, RedFlag, RunKind
from recovery_tui.screens.today import DISCLAIMER_SETTING, TodayScreen
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.task_row import TaskRow

TODAY = date(2026, 11, 26)
OCCASIONAL = ("#alarms", "#refuel", "#welcome", "#day-notes", "#readiness-line", ".too-small")


def easy_run_long_ago(journal: Journal) -> None:
    journal.log_run(8.0, TODAY - timedelta(days=60), effort=3, kind=RunKind.EASY)
    journal.take_first_time(DISCLAIMER_SETTING)


def child_ids(screen: TodayScreen, parent: str) -> list[str | None]:
    return [child.id for child in screen.query_one(parent).children]


async def test_an_ordinary_day_builds_none_of_them(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=easy_run_long_ago)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        for selector in (*OCCASIONAL, "#disclaimer"):
            assert not screen.query(selector), selector
        assert child_ids(screen, "#today") == ["headline", "today-body", "day-progress"]


async def test_pieces_needed_later_come_in_their_place(tmp_path: Path) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 11, 10, tz="Europe/Paris"))
    app = make_app(tmp_path, clock=clock, fill=easy_run_long_ago)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)

        # A race finished ten minutes ago: the refuel countdown and the race day's notes.
        app.journal.log_run(21.1, TODAY, effort=8, kind=RunKind.RACE, finish=time(11, 0))
        screen.run_logged()
        await pilot.pause()
        assert shows(screen, "#refuel") and shows(screen, "#day-notes")
        assert child_ids(screen, "#today") == ["headline", "refuel", "today-body", "day-progress"]
        tasks = child_ids(screen, "#tasks")
        assert tasks[-1] == "day-notes" and len(screen.query(TaskRow)) == len(tasks) - 1

        # Narrow: the one-line readiness comes right under the headline.
        await pilot.resize_terminal(80, 32)
        await pilot.pause()
        assert shows(screen, "#readiness-line")
        assert child_ids(screen, "#today")[:3] == ["headline", "readiness-line", "refuel"]

        # A red flag: the alarms come above the countdown; the notes give way to the flag.
        stamp, tz = app.journal.new_checkin_stamp()
        app.journal.save_checkin(
            CheckIn(TODAY, {Area.KNEES: 6}, stamp, tz, red_flags=frozenset({RedFlag.SWELLING}))
        )
        screen.refresh_day()
        await pilot.pause()
        assert shows(screen, "#alarms") and not shows(screen, "#day-notes")
        assert child_ids(screen, "#today") == [
            "headline",
            "readiness-line",
            "alarms",
            "refuel",
            "today-body",
            "day-progress",
        ]

        # Too small: the notice is built then, and only it shows.
        assert not screen.query(".too-small")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert shows(screen, ".too-small") and not shows(screen, "#today")
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not shows(screen, ".too-small") and shows(screen, "#today")

"""Nudges while the app is open: at several times of a recovery day, each reminder due is
shown once as a notification, shared with `recovery-tui remind` through the settings."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pendulum
from app_factory import NOW, SIZE, fixed_clock, make_app
from session_pilot import session_started
from textual.pilot import Pilot

from recovery_tui.app import RecoveryApp
from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.nudges import WakingDay, stretch_time, walk_times
from recovery_tui.services.journal import Journal
from recovery_tui.services.user_settings import REMIND_FROM, REMIND_UNTIL, REMINDERS_SENT
from recovery_tui.store import Repository
from recovery_tui.widgets.task_row import TaskRow

DAY = NOW.date()
WALK_TIMES = walk_times(3, WakingDay())
STRETCH_AT = stretch_time(WakingDay())


def after_race(journal: Journal) -> None:
    """Yesterday's half marathon: today asks for three walks and the 30-minute stretch."""
    journal.log_run(21.1, DAY - timedelta(days=1), effort=9, kind=RunKind.RACE)


def at(clock: FakeClock, moment: time, later: int = 5) -> None:
    """Move the fake clock to ``later`` minutes after ``moment`` today."""
    start = pendulum.datetime(DAY.year, DAY.month, DAY.day, moment.hour, moment.minute, tz=NOW.tz)
    clock.set(start.add(minutes=later))


async def check(pilot: Pilot[Any]) -> None:
    """What the app's one-minute timer does, on demand (the fake clock drives no timer)."""
    app = pilot.app
    assert isinstance(app, RecoveryApp)
    app.check_nudges()
    await pilot.pause()  # a notification is shown through a message


def nudges(app: RecoveryApp) -> list[str]:
    return [
        n.title for n in app._notifications if n.title.startswith(("Walk", "Time for the stretch"))
    ]


async def test_each_nudge_once_through_the_day(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plan = app.journal.day_view(DAY).plan
        assert plan.task(plan_rules.WALKS) is not None and plan.task(plan_rules.STRETCH)
        await check(pilot)  # 09:30, before the first walk is due
        assert nudges(app) == []

        at(clock, WALK_TIMES[0])
        await check(pilot)
        await check(pilot)
        assert nudges(app) == ["Walk 1 of 3"], "shown once"
        (walk,) = [n for n in app._notifications if n.title == "Walk 1 of 3"]
        assert f"due from {WALK_TIMES[0]:%H:%M}" in walk.message

        app.journal.bump_task(DAY, plan_rules.WALKS, 1)
        at(clock, WALK_TIMES[1])
        await check(pilot)
        assert nudges(app) == ["Walk 1 of 3", "Walk 2 of 3"]

        app.journal.bump_task(DAY, plan_rules.WALKS, 1)
        at(clock, STRETCH_AT)
        await check(pilot)
        assert nudges(app)[-1] == "Time for the stretch"
        keys = app.journal.setting(REMINDERS_SENT)
        assert isinstance(keys, list) and len(keys) == 3
        assert all(str(key).startswith(DAY.isoformat()) for key in keys)

        at(clock, time(21, 0))  # the waking day is over: the third walk waits
        await check(pilot)
        assert len(nudges(app)) == 3


async def test_a_nudge_sent_by_remind_is_not_shown_again(tmp_path: Path) -> None:
    clock = fixed_clock()

    def sent_already(journal: Journal) -> None:
        after_race(journal)
        yesterday = (DAY - timedelta(days=1)).isoformat()
        journal.set_setting(
            REMINDERS_SENT, [f"{DAY.isoformat()}:{plan_rules.WALKS}:1", f"{yesterday}:x:1"]
        )

    app = make_app(tmp_path, clock, fill=sent_already)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        at(clock, WALK_TIMES[0])
        await check(pilot)
        assert nudges(app) == []
        at(clock, STRETCH_AT)
        await check(pilot)
        assert nudges(app) == ["Time for the stretch"]
        keys = app.journal.setting(REMINDERS_SENT)
        assert keys == [
            f"{DAY.isoformat()}:{plan_rules.WALKS}:1",
            f"{DAY.isoformat()}:{plan_rules.STRETCH}:1",
        ], "yesterday's keys dropped"


async def test_the_waking_day_from_the_settings(tmp_path: Path) -> None:
    clock = fixed_clock()

    def late_riser(journal: Journal) -> None:
        after_race(journal)
        journal.set_setting(REMIND_FROM, "11:00")
        journal.set_setting(REMIND_UNTIL, "23:00")

    app = make_app(tmp_path, clock, fill=late_riser)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        late = walk_times(3, WakingDay(time(11), time(23)))
        at(clock, WALK_TIMES[0])  # due for the usual hours, not for these
        await check(pilot)
        assert nudges(app) == []
        at(clock, late[0])
        await check(pilot)
        assert nudges(app) == ["Walk 1 of 3"]


async def test_no_nudge_during_a_session_it_waits_for_the_end(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        at(clock, WALK_TIMES[0], later=-1)
        await pilot.press("s")
        screen = await session_started(pilot)
        clock.advance(120)  # the first walk falls due during the stretch
        screen.tick()
        await check(pilot)
        assert nudges(app) == []
        await pilot.press("escape", "escape")
        await pilot.pause()
        await check(pilot)
        assert nudges(app) == ["Walk 1 of 3"]


async def test_a_look_for_nudges_never_hides_another_copys_writes(tmp_path: Path) -> None:
    """A walk ticked from the command line just before the minute's look: Today still
    shows it (reading the day for the nudges must not mark the change as seen)."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with Repository.open(tmp_path / "data", clock) as repo:
            Journal(repo, clock).bump_task(DAY, plan_rules.WALKS, 1)
        await check(pilot)
        app.watch()
        await pilot.pause()
        walks = next(r for r in app.screen.query(TaskRow) if r.spec.id == plan_rules.WALKS)
        assert walks.count == 1

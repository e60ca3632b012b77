"""Today listens to the body: a flag reshapes the plan at once, one water number, the
check-in task ticks itself, enter starts a task's routine, focus goes round the list."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pendulum
from app_factory import SIZE, fixed_clock, make_app, shows
from textual.widgets import Checkbox, Input, Select, Static

from recovery_tui.domain import plan as p
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import RedFlag, RunKind
from recovery_tui.screens.checkin import CheckInScreen
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.screens.walk_length import WalkLengthScreen
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.task_row import TaskRow

TODAY = pendulum.date(2026, 11, 26)


def half_yesterday(journal: Journal) -> None:
    journal.log_run(21.1, TODAY - timedelta(days=1), effort=8, kind=RunKind.RACE)


def task_ids(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.spec.id for row in app.screen.query(TaskRow)]


def row(app, task_id: str) -> TaskRow:  # type: ignore[no-untyped-def]
    return next(r for r in app.screen.query(TaskRow) if r.spec.id == task_id)


async def test_ticking_a_flag_in_the_checkin_reshapes_today_at_once(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=half_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert task_ids(app)[0] == p.WALKS
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(f"#flag-{RedFlag.SWELLING.value}", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        tasks = task_ids(app)
        assert tasks[:3] == [p.SEE_PROFESSIONAL, p.REST_INJURED, p.ICE]
        assert p.WALKS not in tasks and p.HEAT not in tasks and p.FOAM_ROLL not in tasks
        alarms = str(app.screen.query_one("#alarms", Static).render())
        assert "swelling" in alarms and "health professional" in alarms


async def test_one_water_number_across_checkin_and_today(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=half_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row(app, p.WATER).focus()
        await pilot.press("space", "space", "space")
        await pilot.pause()
        assert row(app, p.WATER).count == 3
        await pilot.press("c")
        await pilot.pause()
        cups = app.screen.query_one("#cups", Input)
        assert cups.value == "3", "the check-in shows the counter"
        cups.value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert row(app, p.WATER).count == 6, "and edits it"
        assert app.journal.water(TODAY) == 6


async def test_the_checkin_task_ticks_itself_and_cannot_be_ticked_by_hand(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=half_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row(app, p.CHECKIN).focus()
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen), "space opens the check-in instead"
        await pilot.press("4", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert row(app, p.CHECKIN).done


async def test_enter_on_a_task_starts_its_routine(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=half_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row(app, p.MASSAGE).focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        assert screen.runner.routine.id == "self-massage"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        row(app, p.WALKS).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkLengthScreen), "a walk asks how long"


async def test_space_still_ticks_a_task_with_a_routine(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=half_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row(app, p.MASSAGE).focus()
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and row(app, p.MASSAGE).done


async def test_up_on_the_first_task_wraps_to_the_last(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=half_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = list(app.screen.query(TaskRow))
        rows[0].focus()
        await pilot.press("up")
        assert app.screen.focused is rows[-1]
        await pilot.press("down")
        assert app.screen.focused is rows[0]
        await pilot.press("space")
        await pilot.pause()
        assert row(app, rows[0].spec.id).count == 1, "keys still act on a task"


async def test_a_race_logged_three_hours_later_gets_no_refuel_countdown(tmp_path: Path) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 14, 10, tz="Europe/Paris"))
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"21.1")
        app.screen.query_one("#when", Select).value = "today"
        await pilot.pause()
        app.screen.query_one("#finish", Input).value = "11:05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Day 0 of 7" in str(app.screen.query_one("#headline", Static).render())
        assert not shows(app.screen, "#refuel")
    assert app.journal.last_logged_run().finish == time(11, 5)  # type: ignore[union-attr]


async def test_the_refuel_countdown_stops_once_refuel_is_ticked(tmp_path: Path) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 11, 10, tz="Europe/Paris"))

    def race_now(journal: Journal) -> None:
        journal.log_run(21.1, TODAY, effort=8, kind=RunKind.RACE, finish=time(11, 0))

    app = make_app(tmp_path, clock=clock, fill=race_now)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        refuel = app.screen.query_one("#refuel", Static)
        assert refuel.display and "20:00" in str(refuel.render())
        row(app, p.REFUEL).focus()
        await pilot.press("space")
        await pilot.pause()
        assert not refuel.display


async def test_the_dialog_gives_a_marathon_a_marathons_window(tmp_path: Path) -> None:
    """The same defaults as the command line: 42.2 km alone is a race of 14 days."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"42.2")
        await pilot.pause()
        assert app.screen.query_one("#kind", Select).value == RunKind.RACE.value
        assert app.screen.query_one("#effort", Input).value == "8"
        assert "14 days" in str(app.screen.query_one("#log-run-window", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Day 0 of 14" in str(app.screen.query_one("#headline", Static).render())


async def test_the_day_after_a_marathon_with_nothing_entered_gives_no_date(tmp_path: Path) -> None:
    def marathon_yesterday(journal: Journal) -> None:
        journal.log_run(42.2, TODAY - timedelta(days=1), effort=8, kind=RunKind.RACE)

    app = make_app(tmp_path, fill=marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        readiness = str(app.screen.query_one("#readiness-text", Static).render())
        assert "check in your soreness to see when you'll be ready" in readiness
        assert "recovery:" not in readiness.lower()


async def test_no_stretch_session_under_a_red_flag(tmp_path: Path) -> None:
    def flagged(journal: Journal) -> None:
        from recovery_tui.domain.checkins import CheckInUpdate

        half_yesterday(journal)
        journal.update_checkin(TODAY, CheckInUpdate(add_flags=frozenset({RedFlag.SHARP_PAIN})))

    app = make_app(tmp_path, fill=flagged)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert any("sharp or stabbing pain" in str(n.message) for n in app._notifications)


async def test_today_compares_this_recovery_with_the_last_similar_one(tmp_path: Path) -> None:
    from recovery_tui.domain.models import Area, CheckIn

    def two_halves(journal: Journal) -> None:
        earlier = TODAY - timedelta(days=60)
        journal.log_run(21.1, earlier, effort=8, kind=RunKind.RACE)
        for offset, level in enumerate([6, 5, 4, 3, 2, 1, 1], start=1):
            day = earlier + timedelta(days=offset)
            journal.save_checkin(
                CheckIn(day, {Area.QUADRICEPS: level}, f"{day.isoformat()}T08:00:00.000000Z", "UTC")
            )
        half_yesterday(journal)
        journal.save_checkin(
            CheckIn(TODAY, {Area.QUADRICEPS: 4}, f"{TODAY.isoformat()}T08:00:00.000000Z", "UTC")
        )

    app = make_app(tmp_path, fill=two_halves)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        panel = app.screen.query_one("#comparison", Static)
        assert panel.display
        text = str(panel.render())
        assert text.startswith("This half marathon") and "quadriceps" in text


async def test_the_walk_dialog_says_what_todays_plan_asks_of_a_walk(tmp_path: Path) -> None:
    """Usually the three walks and why; under a swelling flag, only if it does not hurt;
    under dizziness, no exercise walk until seen; with no run to recover from, the usual
    advice."""

    def flagged(journal: Journal) -> None:
        from recovery_tui.domain.checkins import CheckInUpdate

        half_yesterday(journal)
        journal.update_checkin(TODAY, CheckInUpdate(add_flags=frozenset({RedFlag.SWELLING})))

    def dizzy(journal: Journal) -> None:
        from recovery_tui.domain.checkins import CheckInUpdate

        half_yesterday(journal)
        journal.update_checkin(TODAY, CheckInUpdate(add_flags=frozenset({RedFlag.DIZZINESS})))

    from recovery_tui.widgets.session_walk_choice import USUAL_HINT

    for fill, expected in (
        (half_yesterday, "Walk 10–15 min, 3 times. The first steps hurt"),
        (flagged, "A short walk, only if it does not hurt. Movement helps soreness"),
        (dizzy, "Rest: no run or exercise walk until you have been seen."),
        (None, USUAL_HINT),
    ):
        app = make_app(tmp_path / (fill.__name__ if fill else "empty"), fill=fill)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, WalkLengthScreen)
            hint = str(app.screen.query_one(".hint", Static).render())
            assert hint.startswith(expected), hint


async def test_a_task_says_todays_reason_after_a_check_in_from_elsewhere(tmp_path: Path) -> None:
    """The same tasks, another reason: rest first for severe knees, then (a check-in from
    the command line) for low energy with the knees eased. The row says the new reason
    as the banner above it does."""
    from recovery_tui.domain.checkins import CheckInUpdate
    from recovery_tui.domain.models import Area
    from recovery_tui.store import Repository

    def severe(journal: Journal) -> None:
        half_yesterday(journal)
        journal.update_checkin(TODAY, CheckInUpdate(soreness={Area.KNEES: 9}))

    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=severe)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = task_ids(app)
        assert "Severe soreness today" in str(row(app, p.REST).render())
        with Repository.open(tmp_path / "data", clock) as repo:
            update = CheckInUpdate(soreness={Area.KNEES: 2}, energy=3)
            Journal(repo, clock).update_checkin(TODAY, update)
        app.watch()  # what the app does every two seconds on the system clock
        await pilot.pause()
        await pilot.pause()
        assert task_ids(app) == before, "the same tasks: only the reason changed"
        shown = str(row(app, p.REST).render())
        assert "Energy 3/10: the day leans towards rest." in shown
        assert "Severe soreness" not in shown


async def test_keys_after_an_arrow_in_a_burst_act_on_the_next_task(tmp_path: Path) -> None:
    """'↓ space' typed at once ticks the second task, not the first."""
    from textual import events

    app = make_app(tmp_path, fill=half_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = list(app.screen.query(TaskRow))
        app.screen.set_focus(rows[0])
        first, second = rows[0].spec.id, rows[1].spec.id
        for key, character in (("down", None), ("space", " ")):
            app.post_message(events.Key(key, character))
        for _ in range(3):
            await pilot.pause()
        assert (row(app, first).count, row(app, second).count) == (0, 1)


async def test_the_dialog_says_when_a_run_repeats_one_logged_already(tmp_path: Path) -> None:
    """Today's half logged from the command line, then typed again in the dialog: both
    kept, and a warning names it and the way back."""

    def half_today(journal: Journal) -> None:
        journal.log_run(21.1, TODAY, effort=8, kind=RunKind.RACE)

    app = make_app(tmp_path, fill=half_today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"21.1")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        said = [str(n.message) for n in app._notifications]
        assert any("You had already logged a half marathon" in m for m in said), said
        assert len(app.journal.runs()) == 2

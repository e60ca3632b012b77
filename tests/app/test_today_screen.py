"""Today, the check-in and logging a run, driven with Pilot against a temporary store."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pendulum
from app_factory import NOW, fixed_clock, make_app
from textual.widgets import Input, Select, Static

from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, CheckIn, RedFlag, RunKind
from recovery_tui.screens.checkin import CheckInScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository
from recovery_tui.widgets.area_score import AreaScore
from recovery_tui.widgets.body_map import BodyMap
from recovery_tui.widgets.task_row import TaskRow

SIZE = (100, 32)
TODAY = date(2026, 11, 26)


def half_marathon_yesterday(journal: Journal) -> None:
    journal.log_run(
        21.1, TODAY - timedelta(days=1), effort=8, kind=RunKind.RACE, finish=time(11, 0)
    )


def reopen(tmp_path: Path, clock: FakeClock) -> Journal:
    return Journal(Repository.open(tmp_path / "data", clock), clock)


def row(app, task_id: str) -> TaskRow:  # type: ignore[no-untyped-def]
    return next(r for r in app.screen.query(TaskRow) if r.spec.id == task_id)


async def test_welcome_when_no_run(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        welcome = app.screen.query_one("#welcome", Static)
        assert welcome.display
        assert "logging your run" in str(welcome.render()).lower()
        assert app.screen.query_one("#disclaimer").display


async def test_ticking_a_task_persists_across_restarts(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        massage = row(app, plan_rules.MASSAGE)
        massage.focus()
        await pilot.press("space")
        await pilot.pause()
        assert row(app, plan_rules.MASSAGE).done
    journal = reopen(tmp_path, clock)
    assert journal.repo.task_states(TODAY)[plan_rules.MASSAGE].count == 1
    app2 = make_app(tmp_path, clock=clock)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert row(app2, plan_rules.MASSAGE).done
        assert str(row(app2, plan_rules.MASSAGE).render()).startswith("[x]")


async def test_the_count_keys_are_offered_only_on_counted_tasks(tmp_path: Path) -> None:
    # On a task done once, space ticks it; the footer's room goes to the app's keys.
    app = make_app(tmp_path, clock=fixed_clock(), fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row(app, plan_rules.WATER).focus()
        await pilot.pause()
        assert app.screen.active_bindings["plus"].binding.description == "Count"
        row(app, plan_rules.MASSAGE).focus()
        await pilot.pause()
        assert "plus" not in app.screen.active_bindings
        await pilot.press("plus")
        await pilot.pause()
        assert not row(app, plan_rules.MASSAGE).done


async def test_counted_tasks_go_up_and_down(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        water = row(app, plan_rules.WATER)
        water.focus()
        await pilot.press("plus", "plus", "plus", "minus")
        await pilot.pause()
        assert row(app, plan_rules.WATER).count == 2
        walks = row(app, plan_rules.WALKS)
        walks.focus()
        await pilot.press("space")
        await pilot.press("minus", "minus")  # never below zero
        await pilot.press("right")
        await pilot.pause()
        assert row(app, plan_rules.WALKS).count == 1
        count = app.screen.query_one("#progress-count", Static)
        assert "tasks" in str(count.render())
    journal = reopen(tmp_path, clock)
    states = journal.repo.task_states(TODAY)
    assert states[plan_rules.WATER].count == 2
    assert states[plan_rules.WALKS].count == 1


async def test_checkin_refuses_bad_values_and_writes_nothing(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("7")
        app.screen.query_one("#energy", Input).value = "11"
        app.screen.query_one("#sleep", Input).value = "٥"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        errors = str(app.screen.query_one("#checkin-errors", Static).render())
        assert "energy" in errors and "sleep" in errors
        assert app.screen.query_one("#energy", Input).has_class("-invalid")
    assert reopen(tmp_path, clock).repo.checkin(TODAY) is None


async def test_checkin_by_keyboard_then_edit(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("7", "down", "1", "0", "down", "right", "right")
        app.screen.query_one("#cups", Input).value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one(BodyMap).soreness[Area.ANKLES] == 7  # type: ignore[index]
    saved = reopen(tmp_path, clock).repo.checkin(TODAY)
    assert saved is not None
    assert saved.soreness[Area.ANKLES] == 7
    assert saved.soreness[Area.KNEES] == 10
    assert saved.soreness[Area.HIPS] == 2
    assert saved.cups == 4

    app2 = make_app(tmp_path, clock=clock)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app2.screen
        assert isinstance(screen, CheckInScreen)
        assert screen.query_one("#cups", Input).value == "4"
        await pilot.press("3")  # ankles now 3
        await pilot.press("ctrl+s")
        await pilot.pause()
    edited = reopen(tmp_path, clock).repo.checkin(TODAY)
    assert edited is not None and edited.soreness[Area.ANKLES] == 3
    assert edited.soreness[Area.KNEES] == 10


async def test_red_flags_show_the_health_professional_advice(tmp_path: Path) -> None:
    def fill(journal: Journal) -> None:
        half_marathon_yesterday(journal)
        stamp, tz = journal.new_checkin_stamp()
        journal.save_checkin(
            CheckIn(
                day=TODAY,
                soreness={Area.KNEES: 6},
                recorded_at=stamp,
                tz=tz,
                red_flags=frozenset({RedFlag.SWELLING}),
            )
        )

    app = make_app(tmp_path, fill=fill)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#alarms", Static)
        assert panel.display
        assert "health professional" in str(panel.render())


async def test_log_run_from_the_app_opens_day_0_with_refuel_countdown(tmp_path: Path) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 11, 10, tz="Europe/Paris"))
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"21.1")
        app.screen.query_one("#when", Select).value = "today"
        await pilot.pause()
        app.screen.query_one("#finish", Input).value = "11:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        headline = str(app.screen.query_one("#headline", Static).render())
        assert "Day 0 of 7" in headline
        refuel = app.screen.query_one("#refuel", Static)
        assert refuel.display and "20:00" in str(refuel.render())
        first = app.screen.query(TaskRow).first()
        assert first.spec.id == plan_rules.WATER


async def test_log_run_refuses_a_future_date(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"21.1")
        app.screen.query_one("#when", Select).value = "date"
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "2026-11-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "future" in str(app.screen.query_one("#log-run-errors", Static).render())
    assert reopen(tmp_path, clock).repo.runs() == []


async def test_midnight_rolls_today_over(tmp_path: Path) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 23, 59, 30, tz="Europe/Paris"))
    app = make_app(tmp_path, clock=clock, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Day 1 of 7" in str(app.screen.query_one("#headline", Static).render())
        row(app, plan_rules.MASSAGE).focus()
        await pilot.press("space")
        clock.advance(60)
        assert app.check_day_rollover()
        await pilot.pause()
        assert "Day 2 of 7" in str(app.screen.query_one("#headline", Static).render())
        assert not row(app, plan_rules.MASSAGE).done
    journal = reopen(tmp_path, clock)
    # The tick made before midnight keeps its day.
    assert journal.repo.task_states(TODAY)[plan_rules.MASSAGE].count == 1
    assert plan_rules.MASSAGE not in journal.repo.task_states(TODAY + timedelta(days=1))


async def test_too_small_terminal_shows_a_notice(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=half_marathon_yesterday)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert app.has_class("-too-small")
        notice = app.screen.query_one(".too-small")
        assert notice.display and "too small" in str(notice.render()).lower()
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not app.has_class("-too-small")


async def test_a_failed_write_is_reported_and_not_shown_as_saved(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from recovery_tui.store import StoreError

    app = make_app(tmp_path, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def refuse(*args: object, **kwargs: object) -> None:
            raise StoreError("could not save: No space left on device")

        monkeypatch.setattr(app.journal.repo, "set_task_count", refuse)
        row(app, plan_rules.MASSAGE).focus()
        await pilot.press("space")
        await pilot.pause()
        assert not row(app, plan_rules.MASSAGE).done
        assert any("No space left" in n.message for n in app._notifications)


async def test_help_opens_with_f1_and_question_mark(tmp_path: Path) -> None:
    from recovery_tui.screens.help import HelpScreen

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_theme_choice_is_remembered(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    app2 = make_app(tmp_path, clock=clock)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app2.theme == "nord"


def test_now_is_fixed_for_snapshots() -> None:
    assert NOW.date() == TODAY


async def test_log_run_starts_the_refuel_countdown_from_now_and_refuses_a_later_finish(
    tmp_path: Path,
) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 11, 10, tz="Europe/Paris"))
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"21.1")
        app.screen.query_one("#when", Select).value = "today"
        await pilot.pause()
        app.screen.query_one("#finish", Input).value = "23:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(app.screen.query_one("#log-run-errors", Static).render())
        assert "still in the future" in errors
        app.screen.query_one("#when", Select).value = "now"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "30:00" in str(app.screen.query_one("#refuel", Static).render())
    assert reopen(tmp_path, clock).repo.runs()[0].finish == time(11, 10)


async def test_an_easy_run_today_opens_no_window(tmp_path: Path) -> None:
    def easy_today(journal: Journal) -> None:
        journal.log_run(5.0, TODAY, effort=3, kind=RunKind.EASY)

    app = make_app(tmp_path, fill=easy_today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        headline = str(app.screen.query_one("#headline", Static).render())
        assert "needs no recovery window" in headline and "Day 0 of 0" not in headline


async def test_a_run_logged_by_mistake_can_be_undone(tmp_path: Path) -> None:
    from recovery_tui.screens.confirm import ConfirmScreen

    clock = fixed_clock()

    def two_runs(journal: Journal) -> None:
        half_marathon_yesterday(journal)
        clock.advance(60)
        journal.log_run(42.2, TODAY, effort=9, kind=RunKind.RACE)  # a typo: no marathon today

    app = make_app(tmp_path, clock=clock, fill=two_runs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "marathon (today)" in str(app.screen.query_one("#headline", Static).render())
        app.undo_last_run()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(reopen(tmp_path, clock).repo.runs()) == 2
        app.undo_last_run()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Day 1 of 7" in str(app.screen.query_one("#headline", Static).render())
    runs = reopen(tmp_path, clock).repo.runs()
    assert [run.distance_km for run in runs] == [21.1]


async def test_digits_typed_as_the_checkin_opens_land_on_the_first_area(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_checkin()
        # No pause: keys typed straight away must not fall on a container.
        await pilot.press("7", "down", "4", "ctrl+s")
        await pilot.pause()
    saved = reopen(tmp_path, clock).repo.checkin(TODAY)
    assert saved is not None
    assert (saved.soreness[Area.ANKLES], saved.soreness[Area.KNEES]) == (7, 4)


async def test_the_checkin_form_opens_with_its_hint_in_view_at_the_standard_size(
    tmp_path: Path,
) -> None:
    """Opened at 100×32, the hint (how to enter soreness, what '–' means) is in view with
    ankles in view and focused under it: inside the scrolling form, Textual's auto focus
    had scrolled the hint away."""
    from textual.containers import VerticalScroll

    app = make_app(tmp_path, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        body = app.screen.query_one("#checkin-body", VerticalScroll)
        hint = app.screen.query_one("#checkin-hint")
        dialog = app.screen.query_one("#checkin-dialog")
        assert dialog.region.contains_region(hint.region) and hint.region.height >= 2
        ankles = app.screen.query_one("#sore-ankles", AreaScore)
        assert body.scrollable_content_region.contains_region(ankles.region)
        assert app.focused is ankles
        await pilot.press("7")
        await pilot.pause()
        assert ankles.value == 7


async def test_the_checkin_form_scrolls_to_the_note_at_the_standard_size(tmp_path: Path) -> None:
    """At 100×32 the form is taller than the dialog: tabbing to the note scrolls it into
    view (the snapshot shows the whole form at a taller size)."""
    from textual.containers import VerticalScroll
    from textual.widgets import Input

    app = make_app(tmp_path, fill=half_marathon_yesterday)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        body = app.screen.query_one("#checkin-body", VerticalScroll)
        note = app.screen.query_one("#note", Input)
        assert body.max_scroll_y > 0, "the form does not fit: it must scroll"
        assert not body.scrollable_content_region.contains_region(note.region)
        note.focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # focus scrolls it in, maybe animated
        await pilot.pause()
        assert body.scroll_y > 0
        assert body.scrollable_content_region.contains_region(note.region)

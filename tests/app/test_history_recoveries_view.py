"""History's recoveries view driven with Pilot over the demo year: `v` opens the runs list
and the curve of the latest recovery, choosing a run shows its curve and sentence, two
marked runs overlay, the area keys work from the list, older runs load at the bottom, and
the week view's keys never take the list's."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from itertools import pairwise
from pathlib import Path

from app_factory import NOW, SIZE, fixed_clock, make_app
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from recovery_tui.app import RecoveryApp
from recovery_tui.domain.demo import make_demo
from recovery_tui.domain.history.comparison import comparison_sentence
from recovery_tui.domain.history.recoveries import READY
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.screens.history import HistoryScreen
from recovery_tui.services.journal import Journal
from recovery_tui.services.recoveries import comparison_with_earlier, recoveries_page
from recovery_tui.services.user_settings import DISTANCE_UNIT
from recovery_tui.widgets.history_recoveries import RecoveriesView
from recovery_tui.widgets.recoveries_list import RecoveriesList
from recovery_tui.widgets.recovery_curve import RecoveryCurve
from recovery_tui.widgets.week_table import WeekTable

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 26)
# The demo year's last half marathon, and the one before it (more than a page back).
LAST_HALF = date(2026, 10, 20)
MAY_HALF = date(2026, 5, 11)


def fill_year(journal: Journal) -> None:
    demo = make_demo(365, NOW, "Europe/Paris")
    journal.repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)


async def open_recoveries(app: RecoveryApp, pilot: Pilot[int]) -> HistoryScreen:
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    assert not screen.query(RecoveryCurve)  # built, plotting library and all, on demand
    await pilot.press("v")
    await pilot.pause()
    return screen


def runs_list(screen: HistoryScreen) -> RecoveriesList:
    return screen.query_one(RecoveriesList)


async def go_to_run(pilot: Pilot[int], screen: HistoryScreen, day: date) -> None:
    table = runs_list(screen)
    index = next(i for i, o in enumerate(table.outcomes) if o.run.day == day)
    table.move_cursor(row=index, animate=False)
    await pilot.pause()


def legend(screen: HistoryScreen) -> str:
    return " ".join(str(screen.query_one("#curve-legend", Static).render()).split())


async def test_v_shows_every_recent_run_and_the_curve_of_the_latest_recovery(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        assert screen.view == "recoveries"
        assert screen.query_one(RecoveriesView).display
        assert not screen.query_one("#week-view").display
        table = runs_list(screen)
        assert app.focused is table
        page = recoveries_page(app.journal, TODAY, TODAY)
        assert [o.run.id for o in table.outcomes] == [o.run.id for o in page]
        curve = screen.query_one(RecoveryCurve)
        # Nothing under way today: the newest recovery where an area went above the line.
        latest = next(o for o in page if o.peak is not None and o.peak > READY)
        assert curve.outcome is not None and curve.outcome.run.id == latest.run.id
        assert table.chosen is not None and table.chosen.run.id == latest.run.id
        title = str(screen.query_one("#history-title", Static).render())
        assert "Recoveries" in title
        # The same key goes back to the week.
        assert screen.check_action("close_view", ("recoveries",)) is True
        assert screen.check_action("open_view", ("recoveries",)) is False
        await pilot.press("v")
        await pilot.pause()
        assert screen.view == "week"
        assert app.focused is screen.query_one(WeekTable)
        assert not screen.query_one(RecoveriesView).display


async def test_enter_and_the_arrows_belong_to_the_list_in_the_recoveries_view(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        await pilot.press("left", "left_square_bracket", "right")
        await pilot.pause()
        assert screen.end == TODAY  # no week moved
        await go_to_run(pilot, screen, LAST_HALF)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # no day detail opened
        curve = screen.query_one(RecoveryCurve)
        assert curve.outcome is not None and curve.outcome.run.day == LAST_HALF
        assert curve.other is None
        title = str(screen.query_one("#curve-title", Static).render())
        assert "Half marathon of 20 October 2026" in title
        sentence = comparison_with_earlier(
            app.journal, curve.outcome, app.journal.runs(), TODAY, runs_list(screen).outcomes
        )
        assert sentence is not None and "11 May 2026" in sentence
        assert " ".join(sentence.split()) in legend(screen)


async def test_two_marked_half_marathons_overlay_with_the_sentence(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        table = runs_list(screen)
        assert MAY_HALF not in {o.run.day for o in table.outcomes}  # an older page
        await pilot.press("end")  # the oldest row listed: the next page comes in
        await pilot.pause()
        days = [o.run.day for o in table.outcomes]
        assert MAY_HALF in days
        assert days == sorted(days, reverse=True)
        assert len(set(days)) == len(days)
        await go_to_run(pilot, screen, LAST_HALF)
        await pilot.press("space")
        await go_to_run(pilot, screen, MAY_HALF)
        await pilot.press("space")
        await pilot.pause()
        curve = screen.query_one(RecoveryCurve)
        assert curve.outcome is not None and curve.outcome.run.day == LAST_HALF
        assert curve.other is not None and curve.other.run.day == MAY_HALF
        assert all(o.run.kind is RunKind.RACE for o in (curve.outcome, curve.other))
        expected = comparison_sentence(curve.outcome, curve.other)
        assert expected is not None and " ".join(expected.split()) in legend(screen)


async def test_the_area_keys_work_with_the_list_focused(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        curve = screen.query_one(RecoveryCurve)
        assert app.focused is runs_list(screen)
        first = curve.areas[0]
        await pilot.press("1")
        assert first not in curve.shown
        await pilot.press("0")
        assert curve.shown == curve.areas
        await pilot.press("w")
        assert curve.outcome is not None and curve.shown == (curve.outcome.worst_area,)
        assert app.screen is screen  # w is the curve's here: no walk asked for


async def test_a_run_logged_elsewhere_shows_when_history_reads_again(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        run = app.journal.log_run(21.1, TODAY, effort=8, kind=RunKind.RACE)
        screen.show_day(TODAY)
        await pilot.pause()
        assert runs_list(screen).outcomes[0].run.id == run.id
        curve = screen.query_one(RecoveryCurve)
        assert curve.outcome is not None and curve.outcome.run.id == run.id  # under way


LAZY_CHECK = """
import asyncio, sys
from pathlib import Path
sys.path.insert(0, "tests")
from app_factory import make_app

async def main() -> None:
    app = make_app(Path(sys.argv[1]))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        print("textual_plotext" in sys.modules, "plotext" in sys.modules)
        await pilot.press("h")
        await pilot.pause()
        print("textual_plotext" in sys.modules, "plotext" in sys.modules)
        await pilot.press("v")
        await pilot.pause()
        await pilot.pause()
        print("textual_plotext" in sys.modules, "plotext" in sys.modules)

asyncio.run(main())
"""


def test_the_plotting_library_loads_once_history_is_drawn(tmp_path: Path) -> None:
    """Not with Today; once History's first frame is up, so the first curve need not wait."""
    # A fresh interpreter: in this one another test may have loaded it already.
    out = subprocess.run(
        [sys.executable, "-c", LAZY_CHECK, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
        timeout=120,
    )
    assert out.stdout.split() == ["False", "False", "True", "True", "True", "True"]


async def test_the_curve_is_part_of_the_view_and_shows_what_it_is_given() -> None:
    from recovery_app import LAST_HALF, outcome_on

    class ViewApp(App[None]):
        def compose(self) -> ComposeResult:
            yield RecoveriesView()

    app = ViewApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(RecoveriesView)
        assert view.curve.outcome is None
        await pilot.press("1")  # nothing to toggle yet: no error
        half = outcome_on(LAST_HALF)
        view.show_curve(half, sentence="A sentence.")
        await pilot.pause()
        curve = view.curve
        assert curve.outcome == half and curve.sentence == "A sentence."
        assert len(view.query(RecoveryCurve)) == 1


async def test_the_list_and_its_first_curve_are_shown_together(tmp_path: Path) -> None:
    """Opening the view gives the curve its recovery in the same step as the list, so both
    come in one frame."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        screen.show_day(TODAY)  # read again: the list and the curve afresh
        curve = screen.query_one(RecoveryCurve)
        curve.outcome = None
        screen.show_recoveries()
        assert runs_list(screen).outcomes and curve.outcome is not None


async def test_two_runs_compared_in_miles_are_named_in_miles(tmp_path: Path) -> None:
    """With distances in miles, the sentence under the overlaid curves names the runs in
    miles, as the list above it does."""

    def in_miles(journal: Journal) -> None:
        fill_year(journal)
        journal.set_setting(DISTANCE_UNIT, DistanceUnit.MI.value)

    app = make_app(tmp_path, clock=fixed_clock(), fill=in_miles)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        # Two long runs (a race is named by its distance's name, a long run by its length)
        # whose recoveries have an area to compare.
        longs = [o for o in runs_list(screen).outcomes if o.run.kind is RunKind.LONG]
        later, earlier = next(
            (a, b)
            for a, b in pairwise(longs)
            if comparison_sentence(a, b, DistanceUnit.MI) is not None
        )
        for outcome in (later, earlier):
            await go_to_run(pilot, screen, outcome.run.day)
            await pilot.press("space")
        await pilot.pause()
        expected = comparison_sentence(later, earlier, DistanceUnit.MI)
        assert expected is not None and " mi long run" in expected
        shown = legend(screen)
        assert " ".join(expected.split()) in shown and " km " not in shown


async def test_switching_to_miles_while_the_list_is_open_redraws_it_in_miles(
    tmp_path: Path,
) -> None:
    """The palette's km/miles switch reaches the open list: it stayed in km until History
    was closed and opened again."""
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recoveries(app, pilot)
        app.switch_distance_unit()
        for _ in range(3):
            await pilot.pause()
        table = runs_list(screen)
        rows = [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        assert any(" mi " in row for row in rows), rows
        assert not any(" km " in row for row in rows), rows

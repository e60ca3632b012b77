"""The recovery curve and the runs list in a small app, driven with Pilot: opening the
curve, toggling areas, choosing one run and choosing two to overlay."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from recovery_app import LAST_HALF, MAY_HALF, RecoveriesApp, demo_outcomes, outcome_on
from recovery_samples import RACE_DAY, Story, run
from textual.pilot import Pilot

from recovery_tui.domain.history.area_marks import AREA_MARKS
from recovery_tui.domain.history.recoveries import RecoveryOutcome, recovery_outcomes
from recovery_tui.domain.models import Area
from recovery_tui.widgets.recoveries_list import (
    LEGEND_ITEMS,
    MARKED,
    NOT_REACHED,
    UNKNOWN,
    RecoveriesList,
    outcome_cells,
)
from recovery_tui.widgets.recovery_curve import RecoveryCurve

REPO = Path(__file__).resolve().parents[2]
SIZE = (80, 40)


def plot_text(app: RecoveriesApp) -> str:
    from textual_plotext import PlotextPlot

    return app.query_one("#curve-plot", PlotextPlot).render().plain  # type: ignore[union-attr]


def text_of(app: RecoveriesApp, selector: str) -> str:
    from textual.widgets import Static

    return str(app.query_one(selector, Static).render())


async def row_of(pilot: Pilot[None], day: object) -> None:
    """Move the list's cursor to the run of ``day``."""
    table = pilot.app.query_one(RecoveriesList)
    index = next(i for i, o in enumerate(demo_outcomes()) if o.run.day == day)
    table.focus()
    table.move_cursor(row=index, animate=False)
    await pilot.pause()


def test_the_curve_module_loads_without_plotext() -> None:
    # textual-plotext costs start-up time: it is imported when a curve is composed.
    code = (
        "import sys, recovery_tui.widgets.recovery_curve\n"
        "print('textual_plotext' in sys.modules, 'plotext' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["False", "False"]


async def test_opening_the_curve_draws_every_area_with_its_letter() -> None:
    app = RecoveriesApp(curve_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        half = outcome_on(LAST_HALF)
        curve = app.query_one(RecoveryCurve)
        assert curve.shown == half.areas
        title = text_of(app, "#curve-title")
        assert "Half marathon of 20 October 2026" in title
        assert f"worst {half.worst_area.label}" in title  # type: ignore[union-attr]
        drawn = plot_text(app)
        # Areas at the same level on the same day share a cell: the worst is drawn last.
        letters = {c for c in drawn if c.isupper()}
        assert AREA_MARKS[half.worst_area] in letters  # type: ignore[index]
        assert letters <= {AREA_MARKS[a] for a in half.areas}
        assert "days since the run" in drawn
        for area in half.areas:  # alone, each area shows its letter
            curve.show_only(area)
            await pilot.pause()
            assert {c for c in plot_text(app) if c.isupper()} == {AREA_MARKS[area]}
        legend = text_of(app, "#curve-legend")
        assert "1 A ankles" in legend and "ready line (2)" in legend
        assert "half marathon of 11 May 2026" in legend  # the comparison sentence


async def test_toggling_an_area_hides_and_shows_its_line() -> None:
    app = RecoveriesApp(curve_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        curve = app.query_one(RecoveryCurve)
        curve.focus()
        assert "A" in plot_text(app)
        await pilot.press("1")  # ankles, the first area of the legend
        await pilot.pause()
        assert Area.ANKLES not in curve.shown
        assert "A" not in plot_text(app) and "Q" in plot_text(app)
        changed = [m for m in app.received if isinstance(m, RecoveryCurve.AreasChanged)]
        assert changed and Area.ANKLES not in changed[-1].shown
        await pilot.press("1")
        await pilot.pause()
        assert Area.ANKLES in curve.shown and "A" in plot_text(app)
        await pilot.press("w")  # the worst area alone
        await pilot.pause()
        assert curve.shown == (Area.ANKLES,)
        assert "Q" not in plot_text(app)
        await pilot.press("0")
        await pilot.pause()
        assert curve.shown == outcome_on(LAST_HALF).areas


async def test_choosing_a_run_posts_it_and_the_curve_follows() -> None:
    app = RecoveriesApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await row_of(pilot, MAY_HALF)
        await pilot.press("enter")
        await pilot.pause()
        chosen = [m for m in app.received if isinstance(m, RecoveriesList.RunChosen)]
        assert [m.outcome.run.day for m in chosen] == [MAY_HALF]
        assert "Half marathon of 11 May 2026" in text_of(app, "#curve-title")


async def test_choosing_two_runs_overlays_them_with_the_sentence() -> None:
    app = RecoveriesApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await row_of(pilot, MAY_HALF)
        await pilot.press("space")
        await row_of(pilot, LAST_HALF)
        await pilot.press("space")
        await pilot.pause()
        pairs = [m for m in app.received if isinstance(m, RecoveriesList.PairChosen)]
        assert [(m.later.run.day, m.earlier.run.day) for m in pairs] == [(LAST_HALF, MAY_HALF)]
        table = app.query_one(RecoveriesList)
        assert {o.run.day for o in table.marked_outcomes} == {LAST_HALF, MAY_HALF}
        assert str(table.get_cell(table.marked[0], "mark")) == MARKED
        curve = app.query_one(RecoveryCurve)
        assert curve.other is not None and curve.other.run.day == MAY_HALF
        assert curve.shown == (Area.ANKLES,)  # the overlay starts on the worst area
        drawn = plot_text(app)
        assert "A" in drawn and "a" in drawn.replace("days since the run", "")
        assert "lower case: half marathon of 11 May 2026" in text_of(app, "#curve-title")
        legend = text_of(app, "#curve-legend")
        assert "Half marathon of 20 October 2026: ankles back to 2 by day 7" in legend


async def test_a_third_mark_replaces_the_oldest_and_a_second_press_unmarks() -> None:
    app = RecoveriesApp(list_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(RecoveriesList)
        days = [o.run.day for o in demo_outcomes()[:3]]
        for day in days:
            await row_of(pilot, day)
            await pilot.press("space")
        await pilot.pause()
        assert [o.run.day for o in table.marked_outcomes] == days[1:]
        assert str(table.get_cell(demo_outcomes()[0].run.id, "mark")).strip() == ""
        await pilot.press("space")  # the cursor is on the third: unmark it
        await pilot.pause()
        assert [o.run.day for o in table.marked_outcomes] == days[1:2]
        pairs = [m for m in app.received if isinstance(m, RecoveriesList.PairChosen)]
        assert len(pairs) == 2


async def test_reaching_the_oldest_row_asks_for_more() -> None:
    app = RecoveriesApp(list_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one(RecoveriesList).focus()
        await pilot.press("end")
        await pilot.pause()
        wanted = [m for m in app.received if isinstance(m, RecoveriesList.MoreWanted)]
        assert [m.oldest for m in wanted] == [demo_outcomes()[-1]]
        table = app.query_one(RecoveriesList)
        table.extend(demo_outcomes()[-2:])  # already listed: nothing added
        assert table.row_count == len(demo_outcomes())


async def test_showing_new_rows_keeps_marks_of_runs_still_listed() -> None:
    app = RecoveriesApp(list_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(RecoveriesList)
        await row_of(pilot, LAST_HALF)
        await pilot.press("space")
        table.show(demo_outcomes()[:10])
        await pilot.pause()
        assert [o.run.day for o in table.marked_outcomes] == [LAST_HALF]
        table.show(demo_outcomes()[20:])
        assert table.marked_outcomes == []


async def test_no_recovery_says_what_to_do() -> None:
    app = RecoveriesApp(curve_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one(RecoveryCurve).show(None)
        await pilot.pause()
        assert "No recovery to draw yet" in text_of(app, "#curve-title")
        assert not any(c.isupper() for c in plot_text(app))


def _outcome_of(story: Story) -> RecoveryOutcome:
    (only,) = recovery_outcomes(story.summaries(RACE_DAY, RACE_DAY + timedelta(days=20)))
    return only


def test_a_recovery_with_no_soreness_entered_is_unknown_not_unreached() -> None:
    # No check-in in the whole window: nothing says the ready line was not reached.
    cells = [c.plain for c in outcome_cells(_outcome_of(Story(runs=[run(RACE_DAY)])), False)]
    assert cells[3:6] == [UNKNOWN, UNKNOWN, UNKNOWN]
    assert (UNKNOWN, "not entered") in LEGEND_ITEMS


def test_a_recovery_never_back_to_the_ready_line_says_not_reached() -> None:
    story = Story(runs=[run(RACE_DAY)]).sore(RACE_DAY, [{Area.QUADRICEPS: 6}])
    cells = [c.plain for c in outcome_cells(_outcome_of(story), False)]
    assert cells[3:6] == ["6 d0", NOT_REACHED, Area.QUADRICEPS.label]
    assert (NOT_REACHED, "not reached") in LEGEND_ITEMS


def test_a_recovery_never_above_the_ready_line_has_no_area_that_lasted() -> None:
    story = Story(runs=[run(RACE_DAY)]).sore(RACE_DAY, [{Area.QUADRICEPS: 2}])
    cells = [c.plain for c in outcome_cells(_outcome_of(story), False)]
    assert cells[3:6] == ["2 d0", "day 0", "none"]


async def test_a_recovery_with_no_soreness_entered_says_so_over_its_empty_chart() -> None:
    app = RecoveriesApp(curve_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one(RecoveryCurve).show(_outcome_of(Story(runs=[run(RACE_DAY)])))
        await pilot.pause()
        assert "no soreness was entered in its days" in text_of(app, "#curve-title")

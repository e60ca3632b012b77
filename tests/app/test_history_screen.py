"""The History screen driven with Pilot: the week, moving between weeks, a day's detail,
the months grid, agreement with what `recovery-tui history` prints, the layout at 80
columns, and the days before the user's first record."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from app_factory import NOW, SIZE, fixed_clock, make_app
from textual.widgets import Static

from recovery_tui.app import RecoveryApp
from recovery_tui.domain.checkins import CheckInUpdate
from recovery_tui.domain.demo import make_demo
from recovery_tui.domain.formats import WEEKDAYS, period_label
from recovery_tui.domain.history.columns import AREA_HEADS, BEFORE_FIRST, HEAD_MEANINGS, worst_text
from recovery_tui.domain.history.export import rows_to_csv
from recovery_tui.domain.history.navigation import GRID_WEEKS, month_labels
from recovery_tui.domain.models import (
    Area,
    CheckIn,
    RedFlag,
    SessionRecord,
    SessionStatus,
    Side,
    StepRecord,
)
from recovery_tui.domain.plan import WATER
from recovery_tui.domain.session_rules import StepOutcome
from recovery_tui.screens.day_detail import DayDetailScreen
from recovery_tui.screens.history import HistoryScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.flow_legend import FlowLegend
from recovery_tui.widgets.history_grid import (
    CELL_WIDTH,
    LABEL_WIDTH,
    HistoryGrid,
    weeks_that_fit,
)
from recovery_tui.widgets.week_table import WeekTable, column_heads

TODAY = date(2026, 11, 26)
# Wide enough for a column per area; History folds them into one below it.
WIDE = (120, 32)


def fill_demo(journal: Journal) -> None:
    demo = make_demo(60, NOW, "Europe/Paris")
    journal.repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)


def fill_demo_with_long_walks(journal: Journal) -> None:
    """Demo data and today three long walks: the Walks column reads '3 · 135', so even
    folded the table is wider than the narrowest terminal."""
    fill_demo(journal)
    for n in range(3):
        journal.save_session(
            SessionRecord(
                id=f"long-walk-{n}",
                day=TODAY,
                routine_id="walk-45",
                routine_name="45-minute walk",
                kind="walk",
                status=SessionStatus.COMPLETED,
                planned_seconds=2700.0,
                actual_seconds=2700.0,
                started_at=f"2026-11-26T0{6 + n}:00:00.000000Z",
                ended_at=f"2026-11-26T0{6 + n}:45:00.000000Z",
                tz="Europe/Paris",
            )
        )


def row_keys(table: WeekTable) -> list[str]:
    return [str(row.key.value) for row in table.ordered_rows]


def cells(table: WeekTable, day: date) -> dict[str, str]:
    values = table.get_row(day.isoformat())
    return {
        str(column.key.value): str(value)
        for column, value in zip(table.ordered_columns, values, strict=True)
    }


async def open_history(app: RecoveryApp, pilot: object) -> HistoryScreen:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("h")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_history_shows_the_seven_days_ending_today(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(WeekTable)
        assert table.row_count == 7
        assert row_keys(table)[0] == "2026-11-20"
        assert row_keys(table)[-1] == "2026-11-26"
        assert cells(table, TODAY)["day"] == "Thu 26 Nov"
        title = str(screen.query_one("#history-title", Static).render())
        assert "20–26 November 2026" in title


async def test_the_screen_shows_the_numbers_the_cli_prints(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_history(app, pilot)
        week = app.journal.history(date(2026, 11, 20), TODAY)
        assert screen.days == week
        table = screen.query_one(WeekTable)
        for row in csv.DictReader(io.StringIO(rows_to_csv(week))):
            shown = cells(table, date.fromisoformat(row["date"]))
            assert shown["tasks"] == f"{row['tasks_done']}/{row['tasks_total']}"
            assert shown["cups"] == (row["cups"] or "-")
            assert shown["max"] == (row["max_soreness"] or "-")
            assert shown["ankles"] == (row["sore_ankles"] or "-")
            assert float(shown["stretch"]) == float(row["stretch_minutes"])


async def test_arrows_move_a_week_and_never_past_today(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(WeekTable)
        assert app.focused is table  # the arrows must work with the table focused
        await pilot.press("left")
        assert row_keys(table)[0] == "2026-11-13"
        assert row_keys(table)[-1] == "2026-11-19"
        await pilot.press("left_square_bracket")
        assert row_keys(table)[-1] == "2026-11-12"
        await pilot.press("right", "right_square_bracket")
        assert row_keys(table)[-1] == "2026-11-26"
        await pilot.press("right")
        assert row_keys(table)[-1] == "2026-11-26"


async def test_the_day_detail_gives_the_one_water_number(tmp_path: Path) -> None:
    """Cups given in the check-in, then counted up on Today: the day detail's check-in
    line, its tasks and the week table all say the counter's number."""

    def two_cups_then_four(journal: Journal) -> None:
        journal.update_checkin(NOW.date(), CheckInUpdate(energy=6, cups=2))
        journal.set_task(NOW.date(), WATER, 4)

    app = make_app(tmp_path, clock=fixed_clock(), fill=two_cups_then_four)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        assert cells(screen.query_one(WeekTable), NOW.date())["cups"] == "4"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayDetailScreen)
        shown = str(app.screen.query_one("#day-checkin", Static).render())
        assert "cups 4" in shown and "cups 2" not in shown
        assert "4/8 cups" in str(app.screen.query_one("#day-tasks", Static).render())


async def test_cups_not_entered_show_as_not_recorded(tmp_path: Path) -> None:
    """A check-in without cups and no water counted: the week table, the totals, the
    averages and the day detail say "-", never 0."""

    def sore_calves_only(journal: Journal) -> None:
        journal.update_checkin(NOW.date(), CheckInUpdate(soreness={Area.CALVES: 2}))

    app = make_app(tmp_path, clock=fixed_clock(), fill=sore_calves_only)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        assert cells(screen.query_one(WeekTable), NOW.date())["cups"] == "-"
        totals = str(screen.query_one("#trend-totals", Static).render())
        assert "Cups     -" in totals and " Cups - " in totals
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayDetailScreen)
        shown = str(app.screen.query_one("#day-checkin", Static).render())
        assert "cups -" in shown and "cups 0" not in shown


async def test_enter_opens_the_day_with_its_checkin(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("up")  # the cursor starts on today's row: go to yesterday
        day = screen.query_one(WeekTable).chosen
        assert day is not None and day.date == date(2026, 11, 25)
        checkin = app.journal.repo.checkin(day.date)
        assert checkin is not None
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DayDetailScreen)
        assert detail.day.date == day.date
        shown = str(detail.query_one("#day-checkin", Static).render())
        assert f"ankles {checkin.soreness.get(Area.ANKLES, '-')}" in shown
        assert f"cups {day.cups}" in shown
        assert "Wednesday 25 November" in str(
            detail.query_one("#day-detail-title", Static).render()
        )
        tasks = str(detail.query_one("#day-tasks", Static).render())
        assert f"{day.tasks_done}/{day.tasks_total} done" in tasks
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_notes_and_red_flags_get_a_text_marker(tmp_path: Path) -> None:
    def fill(journal: Journal) -> None:
        stamp, tz = journal.new_checkin_stamp()
        journal.save_checkin(
            CheckIn(date(2026, 11, 24), {Area.KNEES: 4}, stamp, tz, note="Stairs hurt")
        )
        journal.save_checkin(
            CheckIn(
                date(2026, 11, 25),
                {Area.ANKLES: 8},
                stamp,
                tz,
                red_flags=frozenset({RedFlag.SWELLING}),
            )
        )

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(WeekTable)
        assert cells(table, date(2026, 11, 24))["marks"] == "*"
        assert cells(table, date(2026, 11, 25))["marks"] == "!"
        assert cells(table, TODAY)["marks"] == ""
        assert cells(table, TODAY)["worst"] == "-"


async def test_g_shows_the_months_grid_and_m_switches_what_it_shows(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        grid = screen.query_one(HistoryGrid)
        assert screen.view == "week"
        assert screen.check_action("grid_by", ()) is False  # hidden in the week view
        await pilot.press("g")
        assert screen.view == "grid"
        assert screen.query_one("#week-view").has_class("hidden")
        assert not screen.query_one("#grid-view").has_class("hidden")
        shown = str(grid.render())
        assert "Nov" in shown
        assert "worst soreness" in shown
        assert grid.by == "soreness"
        await pilot.press("m")
        assert grid.by == "tasks"
        assert "share of tasks done" in str(grid.render())
        assert "Tasks done" in str(screen.query_one("#history-title", Static).render())
        # The 60 days of records all show already: there is no page before them.
        assert screen._grid_rows[0][0].date < app.journal.repo.first_day()
        await pilot.press("left")
        assert screen.grid_end == TODAY
        await pilot.press("right")
        assert screen.grid_end == TODAY
        await pilot.press("g")
        assert screen.view == "week"
        assert row_keys(screen.query_one(WeekTable))[-1] == "2026-11-26"


async def test_the_grid_marks_a_checkin_without_soreness_apart_from_no_checkin(
    tmp_path: Path,
) -> None:
    """Tuesday: a check-in with only a note; Wednesday: none; Thursday: calves at 2. The
    grid shows '-' (explained in its legend), '·' and the level."""

    def fill(journal: Journal) -> None:
        stamp, tz = journal.new_checkin_stamp()
        journal.save_checkin(CheckIn(date(2026, 11, 24), {}, stamp, tz, note="rest day"))
        journal.save_checkin(CheckIn(TODAY, {Area.CALVES: 2}, stamp, tz))

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        lines = grid_lines(screen.query_one(HistoryGrid))
        rows = {line[:3]: line for line in lines if line[:3] in WEEKDAYS}
        # This week is the last column.
        assert rows["Tue"][-CELL_WIDTH:].strip() == "-"
        assert rows["Wed"][-CELL_WIDTH:].strip() == "·"
        assert rows["Thu"][-CELL_WIDTH:].strip() == "1"
        legend = " ".join(lines)
        assert "- check-in, soreness not entered" in legend and "· no check-in" in legend


def fill_year(journal: Journal) -> None:
    demo = make_demo(365, NOW, "Europe/Paris")
    journal.repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)


def grid_lines(grid: HistoryGrid) -> list[str]:
    return str(grid.render()).split("\n")


def first_shown_monday(screen: HistoryScreen) -> date:
    return screen._grid_rows[0][0].date


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 32)])
async def test_the_grid_fits_the_width_with_this_week_and_the_legend(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=size) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        grid = screen.query_one(HistoryGrid)
        lines = grid_lines(grid)
        width = grid.content_size.width
        assert all(len(line) <= width for line in lines)
        # Each weekday is one line of the render, and the render took no more lines than
        # it has: nothing wrapped.
        rows = [line for line in lines if line[:3] in WEEKDAYS]
        assert [row[:3] for row in rows] == list(WEEKDAYS)
        assert grid.content_size.height == len(lines)
        # As many whole weeks as fit, up to half a year, and the screen reads those weeks.
        weeks = min(weeks_that_fit(width), GRID_WEEKS)
        assert weeks_that_fit(width) * CELL_WIDTH + LABEL_WIDTH <= width
        assert all(len(row) == LABEL_WIDTH + weeks * CELL_WIDTH for row in rows)
        assert len(screen._grid_rows) == screen.grid_weeks == weeks
        assert f"{weeks} weeks" in str(screen.query_one("#history-title", Static).render())
        # This week is the last column: today's cell shows its level.
        assert screen._grid_rows[-1][TODAY.weekday()].date == TODAY
        level = screen._grid_rows[-1][TODAY.weekday()].level("soreness")
        today_row = rows[TODAY.weekday()]
        blank = (
            "-" if screen._grid_rows[-1][TODAY.weekday()].checked_in_unscored("soreness") else "·"
        )
        assert today_row[-CELL_WIDTH:].strip() == (blank if level is None else str(level))
        # The legend is on screen, inside the grid's view and the screen.
        assert "worst soreness" in lines[-1] or "worst soreness" in lines[-2]
        view = screen.query_one("#grid-view").region
        assert grid.region.bottom <= view.bottom <= app.size.height


async def test_a_grid_page_back_ends_the_day_before_and_forward_returns(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        first = first_shown_monday(screen)
        shown = [row[0].date for row in screen._grid_rows]
        await pilot.press("left")
        await pilot.pause()
        assert screen.grid_end == first - timedelta(days=1)
        last_row = screen._grid_rows[-1]
        assert last_row[-1].date == first - timedelta(days=1)
        assert not any(cell.after_end for cell in last_row)  # the last week whole
        assert last_row[-1].summary is not None  # its days are shown, not hidden
        assert len(screen._grid_rows) == len(shown)
        title = str(screen.query_one("#history-title", Static).render())
        assert period_label(first_shown_monday(screen), first - timedelta(days=1)) in title
        # The month labels sit over the weeks holding the 1st.
        months = grid_lines(screen.query_one(HistoryGrid))[0][LABEL_WIDTH:]
        expected = month_labels([row[0].date for row in screen._grid_rows])
        labels = [months[i : i + CELL_WIDTH].strip() for i in range(0, len(months), CELL_WIDTH)]
        assert labels == expected
        await pilot.press("right")
        await pilot.pause()
        assert screen.grid_end == TODAY
        assert [row[0].date for row in screen._grid_rows] == shown


async def test_the_grid_follows_a_resize(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_year)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert screen.grid_weeks == GRID_WEEKS
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        grid = screen.query_one(HistoryGrid)
        assert screen.grid_weeks == weeks_that_fit(grid.content_size.width) < GRID_WEEKS
        assert grid.content_size.height == len(grid_lines(grid))
        assert screen._grid_rows[-1][TODAY.weekday()].date == TODAY


async def test_escape_goes_back_to_today(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_at_midnight_the_week_moves_on_to_the_new_day(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=fill_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        clock.advance(24 * 3600)
        assert app.check_day_rollover()
        await pilot.pause()
        assert row_keys(screen.query_one(WeekTable))[-1] == "2026-11-27"


async def test_an_older_week_stays_put_at_midnight(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock=clock, fill=fill_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        await pilot.press("left")
        clock.advance(24 * 3600)
        assert app.check_day_rollover()
        await pilot.pause()
        assert row_keys(screen.query_one(WeekTable))[-1] == "2026-11-19"
        await pilot.press("right")
        assert row_keys(screen.query_one(WeekTable))[-1] == "2026-11-26"
        await pilot.press("right")
        assert row_keys(screen.query_one(WeekTable))[-1] == "2026-11-27"


async def test_arrows_move_weeks_even_when_the_table_could_scroll_sideways(
    tmp_path: Path,
) -> None:
    # The narrowest terminal: even folded, the table is wider than the screen and would
    # take ←/→ to scroll.
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo_with_long_walks)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(WeekTable)
        assert table.allow_horizontal_scroll
        await pilot.press("left")
        assert row_keys(table)[-1] == "2026-11-19"
        await pilot.press("right")
        assert row_keys(table)[-1] == "2026-11-26"


async def test_day_detail_marks_each_step_side_and_says_how_the_session_ended(
    tmp_path: Path,
) -> None:
    steps = (
        StepRecord("Wall calf stretch", Side.LEFT, 45, 45),
        StepRecord("Wall calf stretch", Side.RIGHT, 45, 50),
        StepRecord("Calf raises", None, 60, 30, skipped=True),
        StepRecord("Heel drops", None, 90, 0, skipped=True),
    )

    def fill(journal: Journal) -> None:
        stamp, tz = journal.new_checkin_stamp()
        journal.save_session(
            SessionRecord(
                id="s1",
                day=TODAY,
                routine_id="evening-calves",
                routine_name="Evening calves",
                kind="routine",
                status=SessionStatus.STOPPED,
                planned_seconds=240,
                actual_seconds=125,
                started_at=stamp,
                ended_at=stamp,
                tz=tz,
                steps=steps,
            )
        )
        journal.save_session(
            SessionRecord(
                id="w1",
                day=TODAY,
                routine_id="walk-12",
                routine_name="12-minute walk",
                kind="walk",
                status=SessionStatus.COMPLETED,
                planned_seconds=720,
                actual_seconds=720,
                started_at=stamp,
                ended_at=stamp,
                tz=tz,
                steps=(StepRecord("12-minute walk", None, 720, 720),),
            )
        )

    app = make_app(tmp_path, clock=fixed_clock(), fill=fill)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayDetailScreen)
        shown = str(app.screen.query_one("#day-sessions", Static).render())
        assert "Evening calves  stopped: 02:05 done of 04:00 planned" in shown
        assert "12-minute walk  completed: 12:00 done of 12:00 planned" in shown
        done, partly, skipped = StepOutcome.DONE, StepOutcome.PARTLY, StepOutcome.SKIPPED
        # Counted by step, as the session's end summary counts: the calf stretch is one.
        assert f"{done.mark} 1 done   {partly.mark} 1 partly done   {skipped.mark} 1 skipped" in (
            shown
        )
        assert f"{done.mark} Wall calf stretch (left)  00:45 of 00:45  done" in shown
        assert f"{done.mark} Wall calf stretch (right)  00:50 of 00:45  done" in shown
        assert f"{partly.mark} Calf raises  00:30 of 01:00  partly done" in shown
        assert f"{skipped.mark} Heel drops  00:00 of 01:30  skipped" in shown
        # The walk is one step: its line says it all, no step under it.
        assert shown.count("12-minute walk") == 1
        checkin = str(app.screen.query_one("#day-checkin", Static).render())
        assert "No check-in that day." in checkin


def legend_text(screen: HistoryScreen) -> str:
    return str(screen.query_one("#week-legend", FlowLegend).render())


async def test_at_80_columns_the_areas_fold_into_one_column_and_every_column_fits(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(WeekTable)
        assert table.folded
        keys = [str(c.key.value) for c in table.ordered_columns]
        assert keys == [key for _, key in column_heads(folded=True)]
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not table.allow_horizontal_scroll  # nothing cut off
        day = screen.days[-1]
        assert cells(table, TODAY)["worst"] == worst_text(day)
        legend = legend_text(screen)
        for label, _ in column_heads(folded=True):
            if label in dict(HEAD_MEANINGS):
                assert f"{label} {dict(HEAD_MEANINGS)[label]}" in " ".join(legend.split())
        assert "Ank" not in legend

        # Wider: a column per area, each head explained; narrower again: folded again.
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not table.folded
        assert cells(table, TODAY)["ankles"] == str(day.soreness[Area.ANKLES])  # type: ignore[index]
        legend = " ".join(legend_text(screen).split())
        for area, head in AREA_HEADS.items():
            assert f"{head} {area.label}" in legend
        assert table.cursor_row == 6  # still on today
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert table.folded and "Ank" not in legend_text(screen)


async def test_shift_arrows_scroll_a_table_wider_than_the_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=fill_demo_with_long_walks)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(WeekTable)
        assert table.max_scroll_x > 0
        await pilot.press("shift+right", "shift+right", "shift+right")
        await pilot.pause()
        assert table.scroll_x > 0
        assert row_keys(table)[-1] == "2026-11-26"  # no week moved
        await pilot.press("shift+left", "shift+left", "shift+left")
        await pilot.pause()
        assert table.scroll_x == 0


# The user's first record: a check-in on Wednesday 25 November.
FIRST_RECORD = date(2026, 11, 25)


def first_checkin_on_wednesday(journal: Journal) -> None:
    stamp, tz = journal.new_checkin_stamp()
    journal.save_checkin(CheckIn(FIRST_RECORD, {Area.KNEES: 3}, stamp, tz, cups=4))


async def test_days_before_the_first_record_are_blank_in_the_week_totals_and_grid(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=first_checkin_on_wednesday)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(WeekTable)
        for day in screen.days:
            shown = cells(table, day.date)
            blank = all(value == "" for key, value in shown.items() if key != "day")
            assert blank == (day.date < FIRST_RECORD), day.date
            assert shown["day"]  # the day itself is still named
        assert cells(table, FIRST_RECORD)["knees"] == "3"
        since = [d for d in screen.days if d.date >= FIRST_RECORD]
        done = sum(d.tasks_done for d in since)
        asked = sum(d.tasks_total for d in since)
        assert asked < sum(d.tasks_total for d in screen.days)  # the early days asked too
        totals = str(screen.query_one("#trend-totals", Static).render())
        assert f"Tasks    {done}/{asked} done" in totals
        assert BEFORE_FIRST in legend_text(screen)

        await pilot.press("g", "m")  # the grid, by tasks
        await pilot.pause()
        grid = screen.query_one(HistoryGrid)
        by_day = {cell.date: cell for row in screen._grid_rows for cell in row}
        assert by_day[FIRST_RECORD - timedelta(days=1)].level("tasks") is None
        assert by_day[FIRST_RECORD].level("tasks") is not None
        assert by_day[TODAY].level("tasks") is not None
        assert "before your first record" in str(grid.render())


async def test_a_day_before_the_first_record_asks_nothing_in_its_detail(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), fill=first_checkin_on_wednesday)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        await pilot.press("up", "up")  # Tuesday, before the first record
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayDetailScreen)
        tasks = str(app.screen.query_one("#day-tasks", Static).render())
        assert "Before your first record" in tasks
        assert "[ ]" not in tasks

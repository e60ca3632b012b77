"""History starts where the user's records start: days before the first record are marked
by ``summarize_range`` and left out of the totals, blank in the grid and in the report;
and the short column heads with the day's worst areas."""

from __future__ import annotations

from datetime import date, timedelta

from recovery_samples import checkin
from test_history import tick

from recovery_tui.domain.history.columns import (
    AREA_HEADS,
    HEAD_MEANINGS,
    NOT_RECORDED,
    worst_areas,
    worst_text,
)
from recovery_tui.domain.history.grid import weeks_grid
from recovery_tui.domain.history.report import DAY_HEADS, day_cells
from recovery_tui.domain.history.summaries import NO_RECORDS, DaySummary, summarize_range
from recovery_tui.domain.history.trends import summarize_days
from recovery_tui.domain.models import AREAS, Area, TaskState
from recovery_tui.domain.plan import WATER

MONDAY = date(2026, 11, 16)
FIRST = MONDAY + timedelta(days=3)  # the user's first record: a Thursday
SUNDAY = MONDAY + timedelta(days=6)


def week(first_day: date | None = FIRST) -> list[DaySummary]:
    """A week whose first record is on its Thursday: a check-in, and water each day."""
    tasks: dict[date, dict[str, TaskState]] = {}
    day = FIRST
    while day <= SUNDAY:
        tasks[day] = {WATER: tick(day, WATER, 6)}
        day += timedelta(days=1)
    checkins = [checkin(FIRST, {Area.KNEES: 4, Area.CALVES: 4, Area.ANKLES: 2})]
    return summarize_range(MONDAY, SUNDAY, [], checkins, tasks, [], first_day=first_day)


def test_days_before_the_first_record_are_marked() -> None:
    days = week()
    assert [d.before_first for d in days] == [d.date < FIRST for d in days]
    assert next(d.date for d in days if not d.before_first) == FIRST


def test_without_a_first_day_no_day_is_marked_and_with_no_records_every_day_is() -> None:
    assert not any(d.before_first for d in week(first_day=None))
    assert all(d.before_first for d in week(first_day=NO_RECORDS))


def test_totals_leave_out_the_days_before_the_first_record() -> None:
    days = week()
    counted = [d for d in days if d.date >= FIRST]
    before = [d for d in days if d.date < FIRST]
    assert all(d.tasks_total > 0 for d in before)  # the plan asked something of them
    totals = summarize_days(days).totals
    assert totals["tasks_total"] == sum(d.tasks_total for d in counted)
    assert totals["tasks_done"] == sum(d.tasks_done for d in counted)
    assert totals["cups"] == 6 * len(counted)
    unmarked = summarize_days(week(first_day=None)).totals
    assert unmarked["tasks_total"] == sum(d.tasks_total for d in days)


def test_the_grid_leaves_days_before_the_first_record_blank() -> None:
    days = week()
    (row,) = weeks_grid(SUNDAY, 1, days)
    for cell in row:
        if cell.date < FIRST:
            assert cell.level("tasks") is None
            assert cell.level("soreness") is None
        else:
            assert cell.level("tasks") is not None
    # A day after the first record with nothing done is nothing done, not blank.
    friday = row[4]
    assert friday.summary is not None and friday.summary.tasks_done == 0
    assert friday.level("tasks") == 0


def test_the_report_leaves_days_before_the_first_record_blank() -> None:
    days = week()
    for day in days:
        cells = day_cells(day)
        assert len(cells) == len(DAY_HEADS)
        if day.before_first:
            assert cells[1:] == [""] * (len(DAY_HEADS) - 1)
        else:
            assert f"{day.tasks_done}/{day.tasks_total}" in cells


def test_worst_areas_and_their_text() -> None:
    thursday = week()[3]
    assert worst_areas(thursday) == (4, (Area.KNEES, Area.CALVES))
    assert worst_text(thursday) == "4 knees +1"
    assert worst_text(week()[4]) == NOT_RECORDED  # no check-in
    calm = summarize_range(
        FIRST,
        FIRST,
        [],
        [checkin(FIRST, {Area.HIPS: 0})],
        {},
        [],
    )[0]
    assert worst_text(calm) == "0"
    alone = summarize_range(FIRST, FIRST, [], [checkin(FIRST, {Area.LOWER_BACK: 7})], {}, [])
    assert worst_text(alone[0]) == "7 lower back"


def test_every_area_has_a_short_head_and_every_head_a_meaning() -> None:
    assert list(AREA_HEADS) == list(AREAS)
    assert len(set(AREA_HEADS.values())) == len(AREAS)
    heads = [head for head, _ in HEAD_MEANINGS]
    assert len(set(heads)) == len(heads)
    assert all(meaning for _, meaning in HEAD_MEANINGS)


def test_the_command_line_exports_say_nothing_of_days_before_the_first_record() -> None:
    """``recovery-tui history`` as JSON, CSV and table: a day before the first record has
    its date and weekday and nothing else (not a plan of 0 out of 4), as on the screen."""
    from recovery_tui.domain.history.columns import BEFORE_FIRST
    from recovery_tui.domain.history.export import (
        CSV_COLUMNS,
        day_to_csv_row,
        day_to_json,
        rows_to_table,
    )

    days = week()
    before, first = days[0], next(d for d in days if not d.before_first)
    assert day_to_json(before) == {
        "date": MONDAY.isoformat(),
        "weekday": "Mon",
        "before_first": True,
    }
    assert day_to_json(first)["before_first"] is False
    assert day_to_json(first)["tasks_total"] == first.tasks_total > 0
    row = day_to_csv_row(before)
    assert [row[c] for c in CSV_COLUMNS[:2]] == [MONDAY.isoformat(), "Mon"]
    assert all(row[c] == "" for c in CSV_COLUMNS[2:])
    lines = rows_to_table(days).splitlines()
    assert lines[1] == f"{MONDAY.isoformat()}  Mon"
    assert f"/{first.tasks_total}" in lines[1 + days.index(first)]
    assert lines[-1].endswith(BEFORE_FIRST)
    assert BEFORE_FIRST not in rows_to_table(days[days.index(first) :])

from __future__ import annotations

from datetime import date, time, timedelta

import pendulum
import pytest

from recovery_tui.domain.clock import FakeClock, today
from recovery_tui.domain.history.grid import GridCell, weeks_grid
from recovery_tui.domain.history.sparkline import SPARK_MISSING, sparkline
from recovery_tui.domain.history.summaries import DaySummary, summarize_day, summarize_range
from recovery_tui.domain.history.trends import area_trend, summarize_week, trend_verdict
from recovery_tui.domain.models import (
    AREAS,
    Area,
    CheckIn,
    RedFlag,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    Side,
    StandResult,
    TaskState,
)
from recovery_tui.domain.plan import CHECKIN, STRETCH, WALKS, WATER, Phase

TZ = "Europe/Paris"
STAMP = "2025-03-01T08:00:00.000000Z"
RACE_DAY = date(2025, 3, 2)  # a Sunday


def half_marathon(day: date = RACE_DAY) -> Run:
    return Run(day, 21.1, 8, RunKind.RACE, time(10, 5), STAMP, TZ)


def checkin(day: date, cups: int | None = None, note: str = "", **sore: int) -> CheckIn:
    return CheckIn(
        day=day,
        soreness={Area(a): n for a, n in sore.items()},
        recorded_at=STAMP,
        tz=TZ,
        cups=cups,
        note=note,
    )


def tick(day: date, task_id: str, count: int = 1) -> TaskState:
    return TaskState(day, task_id, count, STAMP, TZ)


def session(
    day: date,
    kind: str,
    minutes: float,
    status: SessionStatus = SessionStatus.COMPLETED,
) -> SessionRecord:
    return SessionRecord(
        id=f"{day}-{kind}-{minutes}-{status}",
        day=day,
        routine_id=kind,
        routine_name=kind,
        kind=kind,
        status=status,
        planned_seconds=minutes * 60,
        actual_seconds=minutes * 60,
        started_at=STAMP,
        ended_at=STAMP,
        tz=TZ,
    )


# --- one day ------------------------------------------------------------------------------


def test_day_without_checkin_has_no_soreness_but_keeps_other_numbers() -> None:
    day = RACE_DAY + timedelta(days=1)
    s = summarize_day(day, [half_marathon()], None, {WATER: tick(day, WATER, 3)}, [])
    assert s.soreness is None
    assert s.max_soreness is None
    assert s.checkin is None
    assert (s.has_note, s.red_flag, s.note, s.stand) == (False, False, "", {})
    assert s.cups == 3
    assert s.recovery_day == 1
    assert s.window_days == 7
    assert s.plan.phase is Phase.EARLY
    assert s.weekday == "Mon"
    assert s.tasks_total == len(s.plan.tasks)
    assert s.tasks_done == 0


def test_day_with_checkin_carries_soreness_note_flags_and_stand() -> None:
    day = RACE_DAY + timedelta(days=1)
    c = CheckIn(
        day=day,
        soreness={Area.ANKLES: 7, Area.KNEES: 4},
        recorded_at=STAMP,
        tz=TZ,
        cups=5,
        stand={Side.LEFT: StandResult.LEVEL, Side.RIGHT: StandResult.DROPPED},
        red_flags=frozenset({RedFlag.SWELLING}),
        note="stairs hurt",
    )
    s = summarize_day(day, [half_marathon()], c, {}, [])
    assert s.soreness == {Area.ANKLES: 7, Area.KNEES: 4}
    assert s.max_soreness == 7
    assert (s.has_note, s.red_flag, s.note) == (True, True, "stairs hurt")
    assert s.stand == {Side.LEFT: StandResult.LEVEL, Side.RIGHT: StandResult.DROPPED}
    assert s.cups == 5  # the check-in's cups count as water
    assert s.progress[CHECKIN] == 1
    assert s.tasks_done == 1  # the check-in task, done by checking in


def test_cups_not_entered_are_unknown_not_zero() -> None:
    """A check-in without cups and no counter: the day's cups are unknown."""
    day = RACE_DAY + timedelta(days=1)
    s = summarize_day(day, [half_marathon()], checkin(day, calves=2), {}, [])
    assert s.cups is None
    assert s.progress[WATER] == 0  # the task is still not done


def test_cups_counted_to_zero_are_zero() -> None:
    """The counter set to 0 (``checkin --cups 0``) is the user's own entry: 0 cups."""
    day = RACE_DAY + timedelta(days=1)
    s = summarize_day(day, [half_marathon()], checkin(day), {WATER: tick(day, WATER, 0)}, [])
    assert s.cups == 0


def test_week_with_cups_on_some_days_totals_and_averages_only_those() -> None:
    d = [RACE_DAY + timedelta(days=i) for i in range(3)]
    week = summarize_week(
        d[-1],
        3,
        [half_marathon()],
        [checkin(d[0], cups=4), checkin(d[1], note="only a note"), checkin(d[2], cups=0)],
    )
    assert week.totals["cups"] == 4
    assert week.averages["cups"] == pytest.approx(2)


def test_week_of_checkins_without_cups_has_no_cups_total_or_average() -> None:
    d = [RACE_DAY + timedelta(days=i) for i in range(2)]
    week = summarize_week(d[-1], 2, [half_marathon()], [checkin(d[0], ankles=3), checkin(d[1])])
    assert "cups" not in week.totals
    assert "cups" not in week.averages


def test_checkin_of_another_day_is_ignored() -> None:
    day = RACE_DAY + timedelta(days=1)
    s = summarize_day(day, [], checkin(RACE_DAY, ankles=5), {}, [])
    assert s.soreness is None
    assert s.checkin is None


def test_tasks_done_counts_counted_tasks_only_at_target() -> None:
    day = RACE_DAY + timedelta(days=2)
    states = {WALKS: tick(day, WALKS, 2), WATER: tick(day, WATER, 8), STRETCH: tick(day, STRETCH)}
    s = summarize_day(day, [half_marathon()], None, states, [])
    assert (s.tasks_done, s.tasks_total) == (2, 8)  # water and stretch; walks 2 of 3


def test_minutes_count_completed_stopped_and_interrupted_sessions_of_the_day() -> None:
    day = RACE_DAY + timedelta(days=1)
    sessions = [
        session(day, "walk", 12),
        session(day, "walk", 3, SessionStatus.STOPPED),
        session(day, "walk", 10, SessionStatus.DISCARDED),
        # Interrupted (the app was closed mid-way): its minutes were walked.
        session(day, "walk", 10, SessionStatus.RUNNING),
        session(day - timedelta(days=1), "walk", 15),
        session(day, "stretch", 30),
        session(day, "stretch", 4.5, SessionStatus.STOPPED),
        session(day, "routine", 10),
    ]
    s = summarize_day(day, [half_marathon()], None, {}, sessions)
    assert s.walk_minutes == pytest.approx(25)
    assert s.stretch_minutes == pytest.approx(34.5)
    assert s.walks == 2  # the 3-minute walk is too short to count
    assert len(s.sessions) == 6


def test_walks_is_the_larger_of_timed_walks_and_the_walk_task() -> None:
    day = RACE_DAY + timedelta(days=1)
    two_timed = [session(day, "walk", 10), session(day, "walk", 14)]
    assert summarize_day(day, [], None, {WALKS: tick(day, WALKS, 1)}, two_timed).walks == 2
    assert summarize_day(day, [], None, {WALKS: tick(day, WALKS, 3)}, two_timed).walks == 3


def test_counts_are_not_capped_at_the_task_target() -> None:
    day = RACE_DAY + timedelta(days=5)  # later phase: one walk is the target
    states = {WATER: tick(day, WATER, 10), WALKS: tick(day, WALKS, 2)}
    s = summarize_day(day, [half_marathon()], None, states, [])
    assert s.progress[WATER] == 10
    assert s.cups == 10
    assert s.walks == 2


def test_day_outside_any_window_still_counts_walks() -> None:
    day = date(2025, 6, 1)
    s = summarize_day(day, [half_marathon()], None, {WALKS: tick(day, WALKS, 2)}, [])
    assert s.recovery_day is None
    assert s.window_days == 0
    assert s.walks == 2


# --- ranges and weeks ---------------------------------------------------------------------


def test_range_is_inclusive_and_crosses_a_month_boundary() -> None:
    start, end = date(2025, 1, 29), date(2025, 2, 4)
    days = summarize_range(
        start,
        end,
        [],
        [checkin(date(2025, 1, 31), ankles=4), checkin(date(2025, 2, 1), ankles=2)],
        {date(2025, 2, 2): {WATER: tick(date(2025, 2, 2), WATER, 6)}},
        [session(date(2025, 2, 3), "walk", 11)],
    )
    assert [d.date for d in days] == [start + timedelta(days=i) for i in range(7)]
    assert [d.max_soreness for d in days] == [None, None, 4, 2, None, None, None]
    # Cups neither counted nor in a check-in are unknown, not 0.
    assert [d.cups for d in days] == [None, None, None, None, 6, None, None]
    assert [d.walks for d in days] == [0, 0, 0, 0, 0, 1, 0]


def test_week_across_dst_end_is_seven_distinct_consecutive_days() -> None:
    # Clocks go back in Paris on Sunday 26 October 2025: that day lasts 25 hours.
    clock = FakeClock(pendulum.datetime(2025, 10, 26, 23, 30, tz=TZ))
    end = today(clock)
    assert end == date(2025, 10, 26)
    week = summarize_week(end, 7, [], [], {}, [])
    dates = [d.date for d in week.days]
    assert len(set(dates)) == 7
    assert dates == [date(2025, 10, 20) + timedelta(days=i) for i in range(7)]
    assert [d.weekday for d in week.days] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert (week.start, week.end) == (date(2025, 10, 20), end)


def test_week_after_dst_end_starts_on_the_day_of_the_change() -> None:
    clock = FakeClock(pendulum.datetime(2025, 11, 1, 0, 30, tz=TZ))
    week = summarize_week(today(clock))
    assert [d.date for d in week.days] == [date(2025, 10, 26) + timedelta(days=i) for i in range(7)]


def test_week_length_follows_days_argument() -> None:
    week = summarize_week(date(2025, 3, 10), 3)
    assert [d.date.day for d in week.days] == [8, 9, 10]
    with pytest.raises(ValueError):
        summarize_week(date(2025, 3, 10), 0)


def _recovery_week() -> tuple[list[Run], list[CheckIn], dict, list[SessionRecord]]:
    d = [RACE_DAY + timedelta(days=i) for i in range(7)]
    checkins = [
        checkin(d[1], cups=6, ankles=7, knees=3, hips=2),
        checkin(d[2], cups=8, ankles=5, knees=3, hips=3),
        # d[3]: no check-in
        checkin(d[4], ankles=3, knees=3, hips=5, note="hip tight"),
        checkin(d[5], ankles=2, knees=3, hips=5),
    ]
    checkins[0] = CheckIn(
        day=d[1],
        soreness=checkins[0].soreness,
        recorded_at=STAMP,
        tz=TZ,
        cups=6,
        sleep_hours=9.0,
        stand={Side.LEFT: StandResult.DROPPED, Side.RIGHT: StandResult.LEVEL},
    )
    checkins[2] = CheckIn(
        day=d[4],
        soreness=checkins[2].soreness,
        recorded_at=STAMP,
        tz=TZ,
        sleep_hours=7.0,
        stand={Side.LEFT: StandResult.LEVEL},
        note="hip tight",
    )
    states = {d[3]: {WATER: tick(d[3], WATER, 4)}}
    sessions = [
        session(d[1], "walk", 12),
        session(d[1], "walk", 15),
        session(d[2], "stretch", 30),
        session(d[4], "walk", 10),
        session(d[4], "stretch", 30),
    ]
    return [half_marathon()], checkins, states, sessions


def test_week_trends_cover_every_area_with_verdicts_only_for_sore_ones() -> None:
    runs, checkins, states, sessions = _recovery_week()
    week = summarize_week(RACE_DAY + timedelta(days=6), 7, runs, checkins, states, sessions)
    assert [t.area for t in week.trends] == list(AREAS)
    by_area = {t.area: t for t in week.trends}
    ankles = by_area[Area.ANKLES]
    assert ankles.values == (None, 7, 5, None, 3, 2, None)
    assert (ankles.first, ankles.last) == (7, 2)
    assert ankles.verdict == "ankles easing: 7 → 2"
    assert by_area[Area.KNEES].verdict == "knees steady at 3"
    assert by_area[Area.HIPS].verdict == "hips worse: 2 → 5"
    assert by_area[Area.CALVES].verdict == ""
    assert [t.area for t in week.sore_trends] == [Area.ANKLES, Area.KNEES, Area.HIPS]


def test_week_totals_and_averages_per_day_with_data() -> None:
    runs, checkins, states, sessions = _recovery_week()
    week = summarize_week(RACE_DAY + timedelta(days=6), 7, runs, checkins, states, sessions)
    assert week.totals["walks"] == 3
    assert week.totals["walk_minutes"] == pytest.approx(37)
    assert week.totals["stretch_minutes"] == pytest.approx(60)
    assert week.totals["cups"] == 6 + 8 + 4
    assert week.totals["tasks_done"] == sum(d.tasks_done for d in week.days)
    assert week.totals["tasks_total"] == sum(d.tasks_total for d in week.days)
    # days 1..5 have data; race day and day 6 have nothing recorded
    assert [d.has_data for d in week.days] == [False, True, True, True, True, True, False]
    assert week.averages["max_soreness"] == pytest.approx((7 + 5 + 5 + 5) / 4)
    # Cups over the three days that have them, not the five with data.
    assert week.averages["cups"] == pytest.approx(18 / 3)
    assert week.averages["walk_minutes"] == pytest.approx(37 / 5)
    assert week.averages["stretch_minutes"] == pytest.approx(60 / 5)
    assert week.averages["sleep_hours"] == pytest.approx(8.0)


def test_week_without_any_data_has_no_averages() -> None:
    week = summarize_week(date(2025, 3, 10))
    assert week.averages == {}
    assert "cups" not in week.totals  # none entered: no total, not 0
    assert all(t.verdict == "" for t in week.trends)


def test_week_stand_results_per_side_across_days() -> None:
    runs, checkins, states, sessions = _recovery_week()
    week = summarize_week(RACE_DAY + timedelta(days=6), 7, runs, checkins, states, sessions)
    L, D = StandResult.LEVEL, StandResult.DROPPED
    assert week.stand[Side.LEFT] == (None, D, None, None, L, None, None)
    assert week.stand[Side.RIGHT] == (None, L, None, None, None, None, None)


# --- verdicts and sparklines --------------------------------------------------------------


@pytest.mark.parametrize(
    ("area", "values", "verdict"),
    [
        (Area.ANKLES, [7, None, 4, 2], "ankles easing: 7 → 2"),
        (Area.KNEES, [3, 3, None], "knees steady at 3"),
        (Area.HIPS, [2, 4, 5], "hips worse: 2 → 5"),
        (Area.LOWER_BACK, [None, 6, 0], "lower back easing: 6 → 0"),
        (Area.GLUTES, [None, 4, None], "glutes at 4 (one check-in)"),
        (Area.CALVES, [0, 0, None], ""),
        (Area.HAMSTRINGS, [None, None], ""),
    ],
)
def test_trend_verdict(area: Area, values: list[int | None], verdict: str) -> None:
    assert trend_verdict(area, values) == verdict


def test_area_trend_of_days_without_checkins_has_no_values() -> None:
    days = summarize_range(date(2025, 3, 1), date(2025, 3, 3), [], [], {}, [])
    t = area_trend(Area.ANKLES, days)
    assert t.values == (None, None, None)
    assert (t.first, t.last, t.verdict, t.was_sore) == (None, None, "", False)


def test_sparkline_maps_a_fixed_scale_to_blocks() -> None:
    assert sparkline([0, 10, None, 5, 1]) == "▁█" + SPARK_MISSING + "▅▂"
    assert sparkline([]) == ""


def test_sparkline_clamps_and_honours_custom_scale_and_missing() -> None:
    assert sparkline([-3, 15]) == "▁█"
    assert sparkline([0, 2, 8], low=0, high=8, missing=" ") == "▁▃█"
    assert sparkline([None], missing=" ") == " "
    with pytest.raises(ValueError):
        sparkline([1], low=5, high=5)


def test_sparkline_rises_with_the_value() -> None:
    line = sparkline(list(range(11)))
    assert list(line) == sorted(line)
    assert len(set(line)) == 8


# --- weeks grid ---------------------------------------------------------------------------


def _day(d: date, max_sore: int | None, done: int, total: int) -> DaySummary:
    base = summarize_day(d, [], None, {}, [])
    fields = {f: getattr(base, f) for f in DaySummary.__slots__}
    fields.update(max_soreness=max_sore, tasks_done=done, tasks_total=total)
    return DaySummary(**fields)


def test_weeks_grid_rows_start_monday_and_end_with_the_week_of_end() -> None:
    end = date(2025, 3, 5)  # a Wednesday
    grid = weeks_grid(end, 3, [_day(end, 6, 1, 4)])
    assert len(grid) == 3
    assert all(len(row) == 7 for row in grid)
    assert [row[0].date for row in grid] == [date(2025, 2, 17), date(2025, 2, 24), date(2025, 3, 3)]
    assert all(row[0].date.weekday() == 0 for row in grid)
    last = grid[-1]
    assert [c.after_end for c in last] == [False, False, False, True, True, True, True]
    assert last[2].summary is not None and last[2].summary.date == end
    assert last[0].summary is None  # no summary given for that day


def test_weeks_grid_accepts_a_mapping_and_ignores_days_after_end() -> None:
    end = date(2025, 3, 5)
    later = end + timedelta(days=1)
    grid = weeks_grid(end, 1, {end: _day(end, 2, 0, 4), later: _day(later, 9, 4, 4)})
    assert grid[0][2].summary is not None
    assert grid[0][3].summary is None
    assert grid[0][3].level("soreness") is None


@pytest.mark.parametrize(
    ("max_sore", "level"), [(None, None), (0, 0), (1, 1), (2, 1), (4, 2), (6, 3), (7, 4), (10, 4)]
)
def test_grid_soreness_level(max_sore: int | None, level: int | None) -> None:
    d = date(2025, 3, 5)
    assert GridCell(d, _day(d, max_sore, 0, 4)).level("soreness") == level


@pytest.mark.parametrize(
    ("done", "total", "level"),
    [(0, 0, None), (0, 5, 0), (1, 5, 1), (3, 5, 3), (4, 5, 3), (5, 5, 4)],
)
def test_grid_tasks_level(done: int, total: int, level: int | None) -> None:
    d = date(2025, 3, 5)
    assert GridCell(d, _day(d, None, done, total)).level("tasks") == level


def test_empty_grid_cell_has_no_level() -> None:
    cell = GridCell(date(2025, 3, 5), None)
    assert cell.level("soreness") is None
    assert cell.level("tasks") is None


def test_grid_tells_a_checkin_without_soreness_from_no_checkin() -> None:
    """Only a note: no soreness level, but the day has a check-in (not the "no check-in"
    blank); coloured by tasks the question does not arise."""
    d = date(2025, 3, 5)
    noted = GridCell(d, summarize_day(d, [], checkin(d, note="rest day"), {}, []))
    assert noted.level("soreness") is None
    assert noted.checked_in_unscored("soreness") is True
    assert noted.checked_in_unscored("tasks") is False
    without = GridCell(d, summarize_day(d, [], None, {}, []))
    assert without.checked_in_unscored("soreness") is False
    sore = GridCell(d, summarize_day(d, [], checkin(d, calves=2), {}, []))
    assert sore.checked_in_unscored("soreness") is False
    assert GridCell(d, None).checked_in_unscored("soreness") is False

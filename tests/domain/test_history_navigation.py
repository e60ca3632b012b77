from __future__ import annotations

from datetime import date, timedelta

import pytest

from recovery_tui.domain.formats import day_label, period_label
from recovery_tui.domain.history.grid import weeks_grid
from recovery_tui.domain.history.navigation import (
    GRID_WEEKS,
    can_go_earlier,
    can_go_later,
    grid_range,
    grid_weeks,
    month_labels,
    shift_grid,
    shift_week,
    week_range,
)

TODAY = date(2026, 11, 26)  # a Thursday


def test_week_range_is_seven_days_ending_on_end() -> None:
    assert week_range(TODAY) == (date(2026, 11, 20), TODAY)
    assert week_range(TODAY, 1) == (TODAY, TODAY)


def test_week_range_across_a_month_and_the_dst_change() -> None:
    # Clocks went back on 25 October 2026 in Europe: still seven plain days.
    assert week_range(date(2026, 10, 27)) == (date(2026, 10, 21), date(2026, 10, 27))
    assert week_range(date(2026, 3, 2)) == (date(2026, 2, 24), date(2026, 3, 2))


def test_week_range_refuses_an_empty_period() -> None:
    with pytest.raises(ValueError):
        week_range(TODAY, 0)


def test_shift_week_goes_back_and_forth() -> None:
    back = shift_week(TODAY, -1, TODAY)
    assert back == date(2026, 11, 19)
    assert shift_week(back, 1, TODAY) == TODAY
    assert shift_week(TODAY, -4, TODAY) == date(2026, 10, 29)


def test_shift_week_never_passes_today() -> None:
    assert shift_week(TODAY, 1, TODAY) == TODAY
    # Three days short of a week back: forward lands on today, not beyond.
    assert shift_week(date(2026, 11, 23), 1, TODAY) == TODAY


def test_shift_week_stops_at_the_first_record() -> None:
    first = date(2026, 11, 10)
    assert shift_week(date(2026, 11, 19), -1, TODAY, earliest=first) == date(2026, 11, 12)
    assert shift_week(date(2026, 11, 15), -1, TODAY, earliest=first) == first
    assert shift_week(first, -1, TODAY, earliest=first) == first


def test_can_go_later_and_earlier() -> None:
    assert not can_go_later(TODAY, TODAY)
    assert can_go_later(date(2026, 11, 19), TODAY)
    assert can_go_earlier(TODAY, None)
    assert can_go_earlier(TODAY, date(2026, 11, 1))
    assert not can_go_earlier(date(2026, 11, 1), date(2026, 11, 1))


def test_grid_range_matches_weeks_grid() -> None:
    start, end = grid_range(TODAY, 26)
    assert start.weekday() == 0
    assert end == TODAY
    rows = weeks_grid(TODAY, 26, [])
    assert rows[0][0].date == start
    assert rows[-1][TODAY.weekday()].date == end


def test_grid_range_of_one_week_starts_this_monday() -> None:
    assert grid_range(TODAY, 1) == (date(2026, 11, 23), TODAY)
    with pytest.raises(ValueError):
        grid_range(TODAY, 0)


def test_day_label() -> None:
    assert day_label(TODAY) == "Thu 26 Nov"
    assert day_label(date(2026, 12, 1)) == "Tue  1 Dec"


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (date(2026, 11, 20), date(2026, 11, 26), "20–26 November 2026"),
        (date(2026, 10, 28), date(2026, 11, 3), "28 October – 3 November 2026"),
        (date(2025, 12, 29), date(2026, 1, 4), "29 December 2025 – 4 January 2026"),
        (TODAY, TODAY, "26 November 2026"),
    ],
)
def test_period_label(start: date, end: date, label: str) -> None:
    assert period_label(start, end) == label


def test_month_labels_mark_the_week_holding_the_first() -> None:
    mondays = [date(2026, 10, 12), date(2026, 10, 19), date(2026, 10, 26), date(2026, 11, 2)]
    # 26 Oct–1 Nov holds 1 November; the first column is labelled with its month.
    assert month_labels(mondays) == ["Oct", "", "Nov", ""]


def test_month_labels_leave_the_first_column_blank_when_the_second_starts_a_month() -> None:
    # 23–29 March, then 30 March–5 April: 'MarApr' would run together.
    mondays = [date(2026, 3, 23), date(2026, 3, 30), date(2026, 4, 6)]
    assert month_labels(mondays) == ["", "Apr", ""]
    assert month_labels([date(2026, 3, 23)]) == ["Mar"]


def test_grid_weeks_are_those_that_fit_up_to_half_a_year_and_at_least_one() -> None:
    assert grid_weeks(18) == 18
    assert grid_weeks(40) == GRID_WEEKS
    assert grid_weeks(0) == 1
    assert grid_weeks(-3) == 1


@pytest.mark.parametrize("weeks", [1, 18, 24, 26])
def test_a_grid_page_back_ends_the_day_before_the_first_week_shown(weeks: int) -> None:
    start, _ = grid_range(TODAY, weeks)
    back = shift_grid(TODAY, weeks, -1, TODAY)
    assert back == start - timedelta(days=1)
    assert back.weekday() == 6  # a whole week: nothing after the end left blank
    back_start, back_end = grid_range(back, weeks)
    assert back_end == back
    assert (start - back_start).days == 7 * weeks  # no overlap, no gap
    # Two pages back meet the first page back exactly too.
    twice = shift_grid(TODAY, weeks, -2, TODAY)
    assert twice == back_start - timedelta(days=1)


@pytest.mark.parametrize("weeks", [1, 18, 24, 26])
def test_a_grid_page_back_then_forward_returns_to_the_same_range(weeks: int) -> None:
    back = shift_grid(TODAY, weeks, -1, TODAY)
    assert shift_grid(back, weeks, 1, TODAY) == TODAY
    older = shift_grid(back, weeks, -1, TODAY)
    assert shift_grid(older, weeks, 1, TODAY) == back
    assert grid_range(shift_grid(older, weeks, 1, TODAY), weeks) == grid_range(back, weeks)


def test_a_grid_page_forward_never_passes_today() -> None:
    assert shift_grid(TODAY, 26, 1, TODAY) == TODAY
    assert shift_grid(date(2026, 11, 22), 26, 1, TODAY) == TODAY


def test_no_grid_page_back_once_the_first_record_is_shown() -> None:
    start, _ = grid_range(TODAY, 18)  # Monday 27 July
    assert shift_grid(TODAY, 18, -1, TODAY, earliest=start) == TODAY
    assert shift_grid(TODAY, 18, -1, TODAY, earliest=date(2026, 9, 28)) == TODAY
    # A record one day before the grid: the page back holds it, ending the day before.
    earlier = start - timedelta(days=1)
    assert shift_grid(TODAY, 18, -1, TODAY, earliest=earlier) == earlier

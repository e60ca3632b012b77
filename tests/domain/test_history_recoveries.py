"""Recovery outcomes read from day summaries: curves, peaks, days back to the ready line,
missing days and areas, overlapping windows."""

from __future__ import annotations

from datetime import date, timedelta

from recovery_samples import (
    DEMO_TODAY,
    RACE_DAY,
    A,
    C,
    Q,
    Story,
    checkin,
    demo,
    demo_summaries,
    run,
    session,
)

from recovery_tui.domain.history.recoveries import (
    READY,
    Ending,
    outcome_for,
    recovery_outcomes,
    recovery_range,
)
from recovery_tui.domain.models import AREAS, Area, RedFlag, RunKind
from recovery_tui.domain.soreness import LOW_SORENESS
from recovery_tui.domain.window import run_window


def day(n: int) -> date:
    return RACE_DAY + timedelta(days=n)


HALF_WEEK = [
    {Q: 1, A: 1},
    {Q: 6, A: 4, C: 3},
    {Q: 5, A: 3, C: 2},
    None,  # no check-in on day 3
    {Q: 3, A: 2},  # calves not entered
    {Q: 2, A: 1, C: 1},
    {Q: 1, A: 1, C: 0},
    {Q: 0, A: 0, C: 0},
]


def half_story() -> Story:
    story = Story(runs=[run(RACE_DAY)])
    return story.sore(RACE_DAY, HALF_WEEK)


def test_the_ready_line_is_the_soreness_scale_one() -> None:
    assert READY == LOW_SORENESS == 2


def test_a_half_marathon_week_gives_its_curve_peak_and_days_to_the_ready_line() -> None:
    half = half_story()
    [outcome] = recovery_outcomes(half.summaries(day(0), day(7)))
    assert outcome.run == half.runs[0]
    assert outcome.window_days == run_window(half.runs[0]) == 7
    assert (outcome.last_day, outcome.ending, outcome.cut_by) == (7, Ending.FULL, None)
    assert outcome.areas == (A, C, Q)  # only the areas entered, in area order
    assert outcome.curve[Q] == (1, 6, 5, None, 3, 2, 1, 0)
    assert outcome.curve[C] == (None, 3, 2, None, None, 1, 0, 0)
    assert outcome.checkin_days == (0, 1, 2, 4, 5, 6, 7)
    assert (outcome.peak, outcome.peak_day, outcome.worst_area) == (6, 1, Q)
    assert outcome.area_low_day == {A: 4, C: 2, Q: 5}
    assert outcome.longest_area is Q
    assert outcome.days_to_low == 5


def test_an_area_not_entered_is_unknown_never_zero() -> None:
    [outcome] = recovery_outcomes(half_story().summaries(day(0), day(7)))
    assert outcome.curve[C][4] is None
    assert outcome.curve[C][3] is None  # no check-in at all that day
    assert Area.KNEES not in outcome.curve  # never entered: no curve at all, not zeros


def test_a_sore_area_missing_from_a_check_in_keeps_that_day_from_counting_as_ready() -> None:
    days = list(HALF_WEEK)
    days[5] = {Q: 2, A: 1}  # calves, sore on day 1, not entered on day 5
    story = Story(runs=[run(RACE_DAY)]).sore(RACE_DAY, days)
    [outcome] = recovery_outcomes(story.summaries(day(0), day(7)))
    assert outcome.days_to_low == 6


def test_a_missing_check_in_day_moves_the_ready_day_to_the_next_check_in() -> None:
    days = list(HALF_WEEK)
    days[4] = {Q: 2, A: 2, C: 1}
    days[5] = None
    story = Story(runs=[run(RACE_DAY)]).sore(RACE_DAY, days)
    [outcome] = recovery_outcomes(story.summaries(day(0), day(7)))
    assert outcome.days_to_low == 4
    days[4] = None  # now known on day 6 only: "by day 6" at the latest
    story = Story(runs=[run(RACE_DAY)]).sore(RACE_DAY, days)
    [outcome] = recovery_outcomes(story.summaries(day(0), day(7)))
    assert (outcome.days_to_low, outcome.area_low_day[Q]) == (6, 6)


def test_not_back_to_the_ready_line_in_the_window_is_none_and_lasts_longest() -> None:
    days = [{Q: 2, A: 2}, {Q: 5, A: 6}, {Q: 4, A: 3}, {Q: 3, A: 2}]
    story = Story(runs=[run(RACE_DAY, km=10, effort=9)]).sore(RACE_DAY, days)  # 4-day window
    [outcome] = recovery_outcomes(story.summaries(day(0), day(4)))
    assert outcome.ending is Ending.FULL
    assert outcome.area_low_day == {A: 3, Q: None}
    assert outcome.days_to_low is None
    # Ankles peaked higher, quadriceps lasted longer.
    assert (outcome.worst_area, outcome.longest_area) == (A, Q)
    assert outcome.last_entered(Q) == (3, 3)


def test_never_above_the_ready_line() -> None:
    story = Story(runs=[run(RACE_DAY, km=10, effort=9)])
    story.sore(RACE_DAY, [None, {Q: 2, A: 1}, {Q: 1}, {Q: 0, A: 0}])
    [outcome] = recovery_outcomes(story.summaries(day(0), day(4)))
    assert (outcome.peak, outcome.peak_day) == (2, 1)
    assert outcome.area_low_day == {}
    assert outcome.longest_area is None
    assert outcome.days_to_low == 1


def test_a_recovery_without_any_check_in_knows_no_soreness() -> None:
    story = Story(runs=[run(RACE_DAY)])
    story.sessions.append(session(day(2), "walk", 12))
    [outcome] = recovery_outcomes(story.summaries(day(0), day(7)))
    assert outcome.curve == {}
    assert (outcome.peak, outcome.peak_day, outcome.worst_area) == (None, None, None)
    assert (outcome.days_to_low, outcome.longest_area) == (None, None)
    assert outcome.walk_minutes == 12


def test_minutes_and_red_flags_are_summed_over_the_recovery_days_only() -> None:
    story = half_story()
    story.sessions += [
        session(day(-1), "walk", 30),  # before the run
        session(day(1), "walk", 12),
        session(day(1), "walk", 10),
        session(day(2), "stretch", 30),
        session(day(8), "stretch", 30),  # after the window
    ]
    story.checkins[2] = checkin(day(2), {Q: 5}, flags=frozenset({RedFlag.SWELLING}))
    days = story.summaries(day(-3), day(10))
    [outcome] = recovery_outcomes(days)
    assert (outcome.walk_minutes, outcome.stretch_minutes) == (22, 30)
    assert outcome.red_flag_days == (2,)
    by_date = {d.date: d for d in days}
    assert outcome.walk_minutes == sum(by_date[day(i)].walk_minutes for i in range(8))


def test_a_later_race_cuts_the_recovery_where_its_window_begins() -> None:
    ten_k = run(day(5), km=10, effort=9)  # window 4: ends on day 9, after the half's day 7
    story = half_story()
    story.runs.append(ten_k)
    story.sessions += [session(day(3), "walk", 12), session(day(6), "walk", 15)]
    half, after = recovery_outcomes(story.summaries(day(0), day(12)))
    assert (half.ending, half.cut_by, half.last_day) == (Ending.CUT, ten_k, 4)
    assert half.curve[Q] == (1, 6, 5, None, 3)
    assert half.walk_minutes == 12
    assert half.days_to_low is None  # quadriceps still at 3 when the 10 km took over
    assert (after.run, after.ending, after.last_day) == (ten_k, Ending.FULL, 4)
    assert after.curve[Q][:3] == (2, 1, 0)  # the half's days 5-7 are the 10 km's days 0-2
    assert after.walk_minutes == 15


def test_an_easy_run_inside_the_window_does_not_cut_it() -> None:
    story = half_story()
    story.runs.append(run(day(2), km=5, kind=RunKind.EASY, effort=3))  # no window of its own
    outcomes = recovery_outcomes(story.summaries(day(0), day(7)))
    assert [(o.run.day, o.ending, o.last_day) for o in outcomes] == [(RACE_DAY, Ending.FULL, 7)]


def test_a_long_run_whose_window_ends_with_the_half_takes_over_the_plan() -> None:
    long_run = run(day(4), km=20, kind=RunKind.LONG, effort=6)  # 3 days: also ends on day 7
    story = half_story()
    story.runs.append(long_run)
    half, long_outcome = recovery_outcomes(story.summaries(day(0), day(7)))
    assert (half.ending, half.cut_by, half.last_day) == (Ending.CUT, long_run, 3)
    assert long_outcome.run == long_run


def test_a_recovery_still_going_is_ongoing() -> None:
    [outcome] = recovery_outcomes(half_story().summaries(day(0), day(3)))
    assert (outcome.ending, outcome.cut_by, outcome.last_day) == (Ending.ONGOING, None, 3)
    assert outcome.days_to_low is None


def test_a_recovery_whose_start_is_not_given_is_left_out() -> None:
    assert recovery_outcomes(half_story().summaries(day(1), day(7))) == []


def test_outcome_for_and_recovery_range() -> None:
    story = half_story()
    assert recovery_range(story.runs[0]) == (day(0), day(7))
    outcome = outcome_for(story.runs[0], story.summaries(*recovery_range(story.runs[0])))
    assert outcome is not None and outcome.days_to_low == 5
    assert outcome_for(run(day(20)), story.summaries(day(0), day(7))) is None
    assert outcome.date_of(3) == day(3)
    assert outcome.span == 8


def test_demo_outcomes_read_the_same_numbers_as_the_day_summaries() -> None:
    records = demo()
    days = demo_summaries(records, records.runs[0].day, DEMO_TODAY)
    by_date = {d.date: d for d in days}
    outcomes = recovery_outcomes(days)
    assert len(outcomes) >= 10
    for outcome in outcomes:
        span = [by_date[outcome.date_of(i)] for i in range(outcome.span)]
        assert all(d.plan.run == outcome.run for d in span)
        for area in AREAS:
            expected = tuple(d.soreness.get(area) if d.soreness else None for d in span)
            if area in outcome.curve:
                assert outcome.curve[area] == expected
            else:
                assert set(expected) == {None}
        assert outcome.walk_minutes == sum(d.walk_minutes for d in span)
        assert outcome.stretch_minutes == sum(d.stretch_minutes for d in span)
        peaks = [d.max_soreness for d in span if d.max_soreness is not None]
        assert outcome.peak == (max(peaks) if peaks else None)

"""A range of summaries gives each day only the runs that can reach it; every day's plan
must be the one the day model gives that day with every run, whatever the runs."""

from __future__ import annotations

from datetime import date, timedelta

from day_samples import RACE_DAY, run
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_tui.domain.day import REACH_DAYS, plan_for, runs_reaching
from recovery_tui.domain.history.summaries import summarize_range
from recovery_tui.domain.models import Run, RunKind

SPAN_DAYS = 200

runs_strategy = st.lists(
    st.builds(
        lambda offset, km, effort, kind, minute: run(
            km=km,
            effort=effort,
            kind=kind,
            day=RACE_DAY + timedelta(days=offset),
            recorded_at=f"2026-04-12T10:{minute:02d}:00.000000Z",
        ),
        st.integers(0, SPAN_DAYS),
        st.floats(3.0, 120.0),
        st.integers(1, 10),
        st.sampled_from(list(RunKind)),
        st.integers(0, 3),  # few distinct stamps: ties between windows happen
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(runs_strategy, st.integers(0, SPAN_DAYS), st.integers(0, 60))
def test_each_day_of_a_range_has_the_plan_it_has_alone(
    runs: list[Run], first: int, length: int
) -> None:
    start = RACE_DAY + timedelta(days=first)
    end = start + timedelta(days=length)
    summaries = summarize_range(start, end, runs, [], {}, [])
    days = [start + timedelta(days=n) for n in range(length + 1)]
    assert [s.plan for s in summaries] == [plan_for(day, runs) for day in days]


def test_runs_reaching_keeps_the_runs_whose_window_and_return_plan_can_reach() -> None:
    day = date(2026, 9, 1)
    oldest = day - timedelta(days=REACH_DAYS)
    inside = [run(day=oldest), run(day=day - timedelta(days=3)), run(day=day)]
    outside = [run(day=oldest - timedelta(days=1)), run(day=day + timedelta(days=1))]
    assert runs_reaching(day, day, [*outside, *inside]) == inside

"""Which earlier recoveries are comparable, and the one sentence that sets two side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import pytest
from recovery_samples import DEMO_TODAY, A, C, Q, Story, demo, demo_summaries, run

from recovery_tui.domain.history.comparison import (
    SIMILAR_DISTANCE,
    comparable,
    comparable_runs,
    comparison_for,
    comparison_sentence,
    earlier_comparable,
)
from recovery_tui.domain.history.recoveries import RecoveryOutcome, outcome_for, recovery_outcomes
from recovery_tui.domain.models import Area, Run, RunKind


def recovery(
    start: date, days: Sequence[Mapping[Area, int] | None], km: float = 21.1, going: bool = False
) -> RecoveryOutcome:
    """The outcome of a race of ``km`` on ``start`` with these check-ins: read to the end
    of its window, or, when ``going``, only to the last day given (still going)."""
    race = run(start, km=km)
    story = Story(runs=[race]).sore(start, days)
    end = start + timedelta(days=len(days) - 1 if going else 21)
    outcome = outcome_for(race, story.summaries(start, end))
    assert outcome is not None
    return outcome


MAY = date(2025, 5, 11)
SEPT = date(2025, 9, 14)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (run(MAY, 21.1), run(SEPT, 21.1), True),
        (run(MAY, 21.1), run(SEPT, 21.0975), True),
        (run(MAY, 18.0), run(SEPT, 21.1), True),  # 85.3 % of the distance
        (run(MAY, 17.9), run(SEPT, 21.1), False),  # 84.8 %
        (run(MAY, 15.0), run(SEPT, 21.1), False),
        (run(MAY, 42.2), run(SEPT, 21.1), False),
        (run(MAY, 21.1, kind=RunKind.LONG), run(SEPT, 21.1), False),
        (run(MAY, 8.0, kind=RunKind.EASY), run(SEPT, 7.5, kind=RunKind.EASY), True),
        (run(MAY, 0.0), run(SEPT, 0.0), False),
    ],
)
def test_comparable_means_same_kind_and_similar_distance(a: Run, b: Run, expected: bool) -> None:
    assert SIMILAR_DISTANCE == 0.85
    assert comparable(a, b) is expected
    assert comparable(b, a) is expected


def test_comparable_runs_are_the_earlier_ones_most_recent_first() -> None:
    current = run(SEPT)
    older, newer = run(MAY - timedelta(days=90)), run(MAY)
    later = run(SEPT + timedelta(days=60))
    ten_k = run(MAY + timedelta(days=30), km=10)
    runs = [newer, current, later, older, ten_k]
    assert comparable_runs(current, runs) == [newer, older]
    same_day_earlier = run(SEPT, stamp="2025-01-01T00:00:00.000000Z", id="earlier that day")
    same_day_later = run(SEPT, stamp="2025-12-01T00:00:00.000000Z", id="later that day")
    assert comparable_runs(current, [same_day_earlier, same_day_later]) == [same_day_earlier]


def test_both_back_to_the_ready_line_says_the_two_days() -> None:
    before = recovery(MAY, [{Q: 1}, {Q: 6}, {Q: 5}, {Q: 4}, {Q: 3}, {Q: 2}])
    now = recovery(SEPT, [{Q: 1}, {Q: 5}, {Q: 3}, {Q: 2}], going=True)
    assert comparison_sentence(now, before) == (
        "This half marathon: quadriceps back to 2 by day 3; half marathon of 11 May 2025: day 5."
    )
    # Given the other way round, the later recovery still comes first.
    assert comparison_sentence(before, now) == comparison_sentence(now, before)


def test_a_recovery_not_back_yet_says_where_it_stands() -> None:
    before = recovery(MAY, [{Q: 1}, {Q: 6}, {Q: 5}, {Q: 4}, {Q: 3}, {Q: 2}])
    now = recovery(SEPT, [{Q: 1}, {Q: 6}, None], going=True)
    assert comparison_sentence(now, before) == (
        "This half marathon: quadriceps still at 6 on day 1; "
        "half marathon of 11 May 2025: quadriceps back to 2 by day 5."
    )


def test_a_finished_recovery_is_named_by_its_date() -> None:
    before = recovery(MAY, [{Q: 1}, {Q: 6}, {Q: 2}])
    now = recovery(SEPT, [{Q: 1}, {Q: 4}, {Q: 3}, {Q: 2}])
    sentence = comparison_sentence(now, before)
    assert sentence is not None
    assert sentence.startswith("Half marathon of 14 September 2025: quadriceps back to 2 by day 3")


def test_the_sentence_follows_the_longest_area_entered_in_both() -> None:
    # Quadriceps lasted longest this time but were not entered the first time: calves next.
    before = recovery(MAY, [{C: 1, A: 1}, {C: 5, A: 4}, {C: 2, A: 2}])
    now = recovery(SEPT, [{Q: 1, C: 1}, {Q: 7, C: 6}, {Q: 5, C: 2}, {Q: 2, C: 1}])
    assert now.longest_area is Q
    sentence = comparison_sentence(now, before)
    assert sentence is not None and "calves back to 2 by day 2" in sentence
    assert sentence.endswith("half marathon of 11 May 2025: day 2.")


def test_an_area_never_sore_the_earlier_time_says_so() -> None:
    before = recovery(MAY, [{Q: 1}, {Q: 2}, {Q: 1}])
    now = recovery(SEPT, [{Q: 1}, {Q: 5}, {Q: 2}])
    sentence = comparison_sentence(now, before)
    assert sentence is not None and sentence.endswith("quadriceps never above 2.")


def test_an_area_first_entered_after_the_peak_days_gives_no_never_above() -> None:
    """Quadriceps entered this time only on day 3 (at 0), not while soreness rises: not
    'never above 2' (they may have been sore on days 1 and 2); calves, known, are compared
    instead, or nothing."""
    before = recovery(MAY, [{}, {Q: 6}, {}, {Q: 2}])
    now = recovery(SEPT, [{}, {C: 7}, {}, {C: 4, Q: 0}])
    sentence = comparison_sentence(now, before)
    assert sentence is None or "quadriceps never above" not in sentence
    entered_early = recovery(SEPT, [{}, {C: 7, Q: 1}, {}, {C: 4, Q: 0}])
    sentence = comparison_sentence(entered_early, before)
    assert sentence is not None and "quadriceps never above 2" in sentence


def test_no_sentence_without_a_sore_area_entered_in_both() -> None:
    calm = recovery(MAY, [{Q: 1}, {Q: 2}])
    also_calm = recovery(SEPT, [{Q: 2}, {Q: 1}])
    assert comparison_sentence(also_calm, calm) is None
    other_area = recovery(MAY, [{A: 1}, {A: 5}])
    assert comparison_sentence(recovery(SEPT, [{Q: 5}]), other_area) is None


def test_comparison_for_uses_the_most_recent_earlier_comparable_that_allows_a_sentence() -> None:
    oldest = recovery(MAY - timedelta(days=120), [{Q: 1}, {Q: 6}, {Q: 4}, {Q: 2}])
    no_quads = recovery(MAY, [{A: 1}, {A: 3}])  # nothing in common with the current one
    ten_k = recovery(MAY + timedelta(days=40), [{Q: 1}, {Q: 3}, {Q: 2}], km=10)
    now = recovery(SEPT, [{Q: 1}, {Q: 5}, {Q: 2}])
    later = recovery(SEPT + timedelta(days=60), [{Q: 1}, {Q: 5}, {Q: 2}])
    everything = [oldest, no_quads, ten_k, now, later]
    assert earlier_comparable(now, everything) == [no_quads, oldest]
    sentence = comparison_for(now, everything)
    assert sentence is not None and sentence.endswith("half marathon of 11 January 2025: day 3.")
    assert comparison_for(oldest, everything) is None


def test_demo_half_marathons_compare_with_the_one_before() -> None:
    records = demo(365)
    days = demo_summaries(records, records.runs[0].day, DEMO_TODAY)
    outcomes = recovery_outcomes(days)
    halves = [o for o in outcomes if o.run.kind is RunKind.RACE and o.run.distance_km == 21.1]
    assert len(halves) >= 3
    latest = halves[-1]
    sentence = comparison_for(latest, outcomes)
    assert sentence is not None
    assert sentence.startswith(f"Half marathon of {latest.run.day.day} ")
    assert f"half marathon of {halves[-2].run.day.day} " in sentence

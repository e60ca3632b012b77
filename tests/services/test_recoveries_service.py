"""The recoveries service: pages of the runs list, the current recovery, Today's sentence
and the weekly report, read through a history source like the journal."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from recovery_samples import DEMO_TODAY, RACE_DAY, Q, Story, demo, demo_summaries, run

from recovery_tui.domain.demo import Demo
from recovery_tui.domain.history.export import rows_to_csv
from recovery_tui.domain.history.recoveries import Ending, recovery_outcomes
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.window import MAX_WINDOW_DAYS
from recovery_tui.services.recoveries import (
    PAGE_DAYS,
    current_recovery,
    next_page_end,
    opening_recovery,
    recoveries_back_from,
    recoveries_page,
    recovery_of,
    today_comparison,
    week_report,
)

# Saturday 24 October 2026: day 4 after the demo year's last half marathon.
IN_THE_HALF = date(2026, 10, 24)


@cache
def records() -> Demo:
    return demo(365)


class Source:
    """The journal's ``history`` over the demo records, remembering what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[date, date]] = []

    def history(self, start: date, end: date) -> list[DaySummary]:
        self.asked.append((start, end))
        return demo_summaries(records(), start, end)


def runs() -> list[Run]:
    return records().runs


def test_pages_cover_every_recovery_once_newest_first() -> None:
    source = Source()
    paged = []
    end = DEMO_TODAY
    while end >= records().runs[0].day:
        page = recoveries_page(source, end, DEMO_TODAY)
        assert all(o.run.day <= end for o in page)
        assert [o.run.day for o in page] == sorted((o.run.day for o in page), reverse=True)
        paged += page
        end = next_page_end(end)
    whole = recovery_outcomes(demo_summaries(records(), records().runs[0].day, DEMO_TODAY))
    assert paged == list(reversed(whole))


def test_a_page_reads_its_days_and_the_longest_window_after_them() -> None:
    source = Source()
    end = DEMO_TODAY - timedelta(days=100)
    recoveries_page(source, end, DEMO_TODAY)
    assert source.asked == [
        (end - timedelta(days=PAGE_DAYS - 1), end + timedelta(days=MAX_WINDOW_DAYS))
    ]
    source.asked.clear()
    recoveries_page(source, DEMO_TODAY, DEMO_TODAY)
    assert source.asked[0][1] == DEMO_TODAY  # never past today


def test_the_current_recovery_is_known_up_to_today() -> None:
    source = Source()
    current = current_recovery(source, runs(), IN_THE_HALF)
    assert current is not None
    assert (current.run.day, current.run.kind) == (date(2026, 10, 20), RunKind.RACE)
    assert (current.ending, current.last_day) == (Ending.ONGOING, 4)
    assert source.asked == [(date(2026, 10, 20), IN_THE_HALF)]
    assert recovery_of(source, current.run, date(2026, 10, 19)) is None


def test_today_compares_with_the_last_half_marathon() -> None:
    sentence = today_comparison(Source(), runs(), IN_THE_HALF)
    assert sentence is not None
    assert sentence.startswith("This half marathon: ")
    assert "; half marathon of 11 May 2026: " in sentence


def test_today_outside_any_window_has_no_sentence() -> None:
    quiet = next(
        d
        for d in demo_summaries(records(), date(2026, 6, 1), date(2026, 9, 1))
        if d.plan.run is None
    )
    assert today_comparison(Source(), runs(), quiet.date) is None


def test_week_report_draws_the_recovery_as_it_stood_on_the_last_day_of_the_week() -> None:
    source = Source()
    report = week_report(source, runs(), IN_THE_HALF, DEMO_TODAY)
    assert (report.start, report.end) == (date(2026, 10, 18), IN_THE_HALF)
    assert report.recovery is not None
    assert report.recovery.run.day == date(2026, 10, 20)
    assert (report.recovery.ending, report.recovery.last_day) == (Ending.ONGOING, 4)
    assert report.comparison is not None and report.comparison.startswith("This half marathon")
    # Its days are the CSV's days.
    assert rows_to_csv(list(report.week.days)) == rows_to_csv(source.history(*source.asked[0]))


def test_week_report_never_goes_past_today() -> None:
    report = week_report(Source(), runs(), DEMO_TODAY + timedelta(days=30), DEMO_TODAY)
    assert report.end == DEMO_TODAY


def test_known_outcomes_are_not_read_again() -> None:
    from recovery_tui.services.recoveries import comparison_with_earlier

    source = Source()
    current = current_recovery(source, runs(), IN_THE_HALF)
    assert current is not None
    cold = comparison_with_earlier(source, current, runs(), IN_THE_HALF)
    known = recoveries_page(source, IN_THE_HALF, IN_THE_HALF)
    source.asked.clear()
    warm = comparison_with_earlier(source, current, runs(), IN_THE_HALF, known=known)
    assert warm == cold
    may = date(2026, 5, 11)  # the half it is compared with, within the page
    assert all(not (start <= may <= end) for start, end in source.asked)


def test_history_opens_on_the_recovery_under_way_else_the_newest_with_soreness() -> None:
    half = run(RACE_DAY)
    story = Story(runs=[half]).sore(RACE_DAY, [{Q: 3}, {Q: 6}, {Q: 4}, {Q: 2}])
    new_race = run(RACE_DAY + timedelta(days=20), km=10, kind=RunKind.RACE)  # no check-in yet
    story.runs.append(new_race)
    today = new_race.day + timedelta(days=1)
    outcomes = list(reversed(recovery_outcomes(story.summaries(RACE_DAY, today))))
    assert [o.run for o in outcomes] == [new_race, half]
    assert opening_recovery(outcomes, story.runs, today) == outcomes[0]  # under way
    # Nothing under way: the newest recovery where an area went above the ready line.
    assert opening_recovery(outcomes, [], today) == outcomes[1]
    # None sore at all: the newest.
    assert opening_recovery(outcomes[:1], [], today) == outcomes[0]
    assert opening_recovery([], story.runs, today) is None


def test_the_runs_list_skips_pages_without_a_run_and_stops_at_the_first_record() -> None:
    first = records().runs[0].day
    outcomes, next_end = recoveries_back_from(Source(), DEMO_TODAY, first, DEMO_TODAY)
    assert outcomes == recoveries_page(Source(), DEMO_TODAY, DEMO_TODAY)
    assert next_end == next_page_end(DEMO_TODAY)
    seen = list(outcomes)
    while next_end is not None:
        outcomes, next_end = recoveries_back_from(Source(), next_end, first, DEMO_TODAY)
        seen += outcomes
    whole = recovery_outcomes(demo_summaries(records(), first, DEMO_TODAY))
    assert [o.run.id for o in seen] == [o.run.id for o in reversed(whole)]
    # A quiet stretch of a page and more: the list reads past it to the runs before.
    source = Source()
    far = first + timedelta(days=2 * PAGE_DAYS + 10)
    found, _ = recoveries_back_from(source, far, first, far)
    assert len(source.asked) >= 1
    assert all(o.run.day <= far for o in found)
    assert recoveries_back_from(Source(), first - timedelta(days=1), first, DEMO_TODAY) == (
        [],
        None,
    )
    assert recoveries_back_from(Source(), DEMO_TODAY, None, DEMO_TODAY) == ([], None)

"""The recoveries service: pages of the runs list, the current recovery, Today's sentence
and the weekly report, read through a history source like the journal."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from recovery_samples import DEMO_TODAY, demo, demo_summaries

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

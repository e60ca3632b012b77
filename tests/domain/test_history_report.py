"""The weekly report in Markdown and HTML, from fixed demo data: its sections, its chart,
its numbers (the CSV's), and user text that can never become markup."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from html.parser import HTMLParser

import pytest
from recovery_samples import DEMO_TODAY, RACE_DAY, A, Q, Story, checkin, demo, demo_summaries, run

from recovery_tui.domain.demo import Demo
from recovery_tui.domain.history.area_marks import AREA_MARKS
from recovery_tui.domain.history.comparison import comparison_for
from recovery_tui.domain.history.export import rows_to_csv
from recovery_tui.domain.history.recoveries import (
    outcome_for,
    recovery_outcomes,
    recovery_range,
)
from recovery_tui.domain.history.report import (
    DAY_HEADS,
    WeeklyReport,
    md,
    report_markdown,
    report_run,
    weekly_report,
)
from recovery_tui.domain.history.report_html import report_html
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS, RedFlag, RunKind
from recovery_tui.domain.soreness import MAX_LEVEL

# The demo year holds four half marathons; the last one is on Tuesday 20 October 2026.
WEEK_END = date(2026, 10, 26)


@cache
def records() -> Demo:
    return demo(365)


def week_days(end: date = WEEK_END) -> list[DaySummary]:
    return demo_summaries(records(), end - timedelta(days=6), end)


@cache
def demo_report() -> WeeklyReport:
    days = week_days()
    race = report_run(days)
    assert race is not None
    outcome = outcome_for(race, demo_summaries(records(), *recovery_range(race)))
    assert outcome is not None
    every = recovery_outcomes(demo_summaries(records(), records().runs[0].day, DEMO_TODAY))
    return weekly_report(days, outcome, comparison_for(outcome, every))


class Page(HTMLParser):
    """The tags, attributes and text of an HTML document."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.cells: list[list[str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)
        if tag == "tr":
            self.cells.append([])
        if tag in ("td", "th"):
            self.cells[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack and self.stack[-1] in ("td", "th"):
            self.cells[-1][-1] += data

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


def test_the_demo_week_draws_the_half_marathon_recovery() -> None:
    report = demo_report()
    assert report.recovery is not None
    assert (report.recovery.run.day, report.recovery.run.distance_km) == (date(2026, 10, 20), 21.1)
    assert report.comparison is not None
    assert report.comparison.startswith("Half marathon of 20 October 2026: ")
    assert "half marathon of 11 May 2026: " in report.comparison
    assert (report.start, report.end) == (date(2026, 10, 20), WEEK_END)


def test_markdown_report_has_every_section_and_the_comparison() -> None:
    report = demo_report()
    text = report_markdown(report)
    assert text.startswith("# Recovery report: 20–26 October 2026\n")
    heads = re.findall(r"^## (.+)$", text, re.M)
    assert heads == ["Recovery", "Days", "Trends", "Tasks and sessions", "Notes"]
    assert f"> {md(report.comparison or '')}" in text
    assert "**Half marathon on Tuesday 20 October 2026**" in text
    outcome = report.recovery
    assert outcome is not None and outcome.worst_area is not None
    peak = (
        f"- Peak soreness {outcome.peak}/10 on day {outcome.peak_day} ({outcome.worst_area.label})."
    )
    assert peak in text
    notes = [d.note for d in report.week.days if d.note]
    assert notes and all(note in text for note in notes)  # the week's notes


def test_markdown_chart_has_a_row_per_level_the_ready_line_and_the_legend() -> None:
    report = demo_report()
    assert report.recovery is not None
    text = report_markdown(report)
    chart = text.split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()
    levels = [int(line[:2]) for line in chart[: MAX_LEVEL + 1]]
    assert levels == list(range(MAX_LEVEL, -1, -1))
    assert "ready line (2)" in chart[MAX_LEVEL - 2]
    assert chart[-1] == "  ".join(f"{AREA_MARKS[a]} {a.label}" for a in report.recovery.areas)
    # Each check-in puts the area's letter on the row of its level (or folds it into '+').
    peak_row = chart[MAX_LEVEL - (report.recovery.peak or 0)]
    assert AREA_MARKS[report.recovery.worst_area or A] in peak_row


def csv_rows(days: list[DaySummary]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(rows_to_csv(days))))


def number(cell: str) -> float | None:
    return None if cell in ("", "-") else float(cell)


def assert_cells_match_csv(cells: list[list[str]], days: list[DaySummary]) -> None:
    head, *rows = cells
    assert [c.strip() for c in head] == [c.strip() for c in DAY_HEADS]
    expected = csv_rows(days)
    assert len(rows) == len(expected) == 7
    for row, want in zip(rows, expected, strict=True):
        cell = dict(zip(DAY_HEADS, (c.strip() for c in row), strict=True))
        assert number(cell["Worst"]) == number(want["max_soreness"])
        for area, head_name in zip(AREAS, DAY_HEADS[3:12], strict=True):
            assert number(cell[head_name]) == number(want[f"sore_{area.value}"]), head_name
        done, total = cell["Tasks"].split("/")
        assert (done, total) == (want["tasks_done"], want["tasks_total"])
        assert number(cell["Walks"]) == number(want["walks"])
        assert number(cell["Walk min"]) == number(want["walk_minutes"])
        assert number(cell["Stretch min"]) == number(want["stretch_minutes"])
        assert number(cell["Cups"]) == number(want["cups"])
        rec = None if cell["Rec"] == "-" else float(cell["Rec"].split("/")[0])
        assert rec == number(want["recovery_day"])
        assert ("!" in cell[""]) == (want["red_flag"] == "true")


def test_markdown_table_numbers_equal_the_csv() -> None:
    text = report_markdown(demo_report())
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    cells = [[c.replace("\\", "") for c in line[2:-2].split(" | ")] for line in lines]
    assert_cells_match_csv(cells, week_days())


def test_html_table_numbers_equal_the_csv() -> None:
    page = Page(report_html(demo_report()))
    assert_cells_match_csv(page.cells, week_days())


def test_html_svg_has_one_line_per_area_each_with_its_letter_on_every_check_in() -> None:
    report = demo_report()
    outcome = report.recovery
    assert outcome is not None
    page = Page(report_html(report))
    assert page.names().count("svg") == 1
    groups = [attrs["data-area"] for tag, attrs in page.tags if tag == "g" and "data-area" in attrs]
    assert groups and sorted(groups) == sorted(a.value for a in outcome.areas)
    assert page.names().count("polyline") == len(outcome.areas)
    text = report_html(report)
    for area in outcome.areas:
        block = text.split(f'data-area="{area.value}">', 1)[1].split("</g>", 1)[0]
        assert block.count("<polyline") == 1
        entered = sum(v is not None for v in outcome.curve[area])
        assert block.count(f">{AREA_MARKS[area]}</text>") == entered
        points = re.search(r'points="([^"]*)"', block)
        assert points is not None and len(points.group(1).split()) == entered
    worst = text.split('class="area worst"', 1)[1]
    assert worst.startswith(f' data-area="{(outcome.worst_area or A).value}"')


def test_html_is_one_self_contained_page_that_prints() -> None:
    text = report_html(demo_report())
    page = Page(text)
    assert page.names()[:1] == ["html"]
    assert "style" in page.names()
    assert not {"link", "script", "img", "iframe"} & set(page.names())
    assert all("src" not in attrs and "href" not in attrs for _, attrs in page.tags)
    assert "url(" not in text and "@import" not in text
    assert "@media print" in text and "@page" in text


def story_report(story: Story, end: date) -> WeeklyReport:
    days = story.summaries(end - timedelta(days=6), end)
    race = report_run(days)
    outcome = outcome_for(race, story.summaries(*recovery_range(race))) if race else None
    return weekly_report(days, outcome, None)


def test_a_red_flag_shows_in_the_table_the_chart_and_its_own_section() -> None:
    story = Story(runs=[run(RACE_DAY)])
    story.sore(RACE_DAY, [{Q: 1}, {Q: 6}, None, {Q: 3}])
    story.checkins.append(checkin(RACE_DAY + timedelta(days=2), {Q: 5}, {RedFlag.SWELLING}))
    report = story_report(story, RACE_DAY + timedelta(days=6))
    text = report_markdown(report)
    assert "## Red flags" in text
    assert "swelling: see a health professional." in text
    assert "Red flags reported on day 2: see a health professional." in text
    chart = text.split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()
    flag_line = next(line for line in chart if line.rstrip().endswith("! red flag"))
    assert flag_line.index("!") == chart[MAX_LEVEL + 2].index("2")  # under day 2
    html = report_html(report)
    assert html.count('class="flag"') == 1 and "<h2>Red flags</h2>" in html


def test_a_week_without_a_recovery_says_so() -> None:
    story = Story().sore(RACE_DAY, [{Q: 1}, {Q: 0}])
    report = story_report(story, RACE_DAY + timedelta(days=6))
    assert report.recovery is None
    assert "No recovery window this week." in report_markdown(report)
    assert "No recovery window this week." in report_html(report)
    assert "<svg" not in report_html(report)


def test_the_chart_draws_the_hardest_recovery_of_the_week() -> None:
    long_run = run(RACE_DAY + timedelta(days=8), km=20, kind=RunKind.LONG, effort=6)
    story = Story(runs=[run(RACE_DAY), long_run])
    days = story.summaries(RACE_DAY + timedelta(days=4), RACE_DAY + timedelta(days=10))
    assert report_run(days) == story.runs[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*bold* _it_ `code`", r"\*bold\* \_it\_ \`code\`"),
        ("[link](http://x) <b>&amp;</b>", r"\[link\](http://x) \<b\>\&amp;\</b\>"),
        ("a | b ~~c~~ $x$", r"a \| b \~\~c\~\~ \$x\$"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("> not a quote", r"\> not a quote"),
        ("12. not a list", r"12\. not a list"),
        ("21.1 km", "21.1 km"),
        ("two\nlines\tand\x1b[31m red", r"two lines and\[31m red"),
        ("back\\slash", r"back\\slash"),
    ],
)
def test_md_escapes_what_would_become_markup(text: str, expected: str) -> None:
    assert md(text) == expected


def test_md_in_a_table_cell_leaves_line_starts_alone() -> None:
    assert md("-", line_start=False) == "-"
    assert md("a|b", line_start=False) == r"a\|b"


@pytest.mark.parametrize(
    ("soreness", "said"),
    [({}, "No soreness entered this week."), ({Q: 0, A: 0}, "No area was sore this week.")],
)
def test_a_week_without_sore_areas_says_whether_soreness_was_entered(
    soreness: dict[object, int], said: str
) -> None:
    # A check-in with only a note says nothing about soreness: not "no area was sore".
    story = Story(runs=[run(RACE_DAY)])
    story.checkins.append(checkin(RACE_DAY + timedelta(days=1), soreness, note="rest day"))
    report = weekly_report(story.summaries(RACE_DAY, RACE_DAY + timedelta(days=6)), None, None)
    assert said in report_markdown(report)
    assert said in Page(report_html(report)).text


def test_cups_not_entered_show_as_not_recorded_and_are_not_totalled() -> None:
    """Check-ins without cups and no water counted: every Cups cell is "-" (not 0), and the
    totals say nothing of cups, in both formats."""
    story = Story(runs=[run(RACE_DAY)])
    story.checkins.append(checkin(RACE_DAY + timedelta(days=1), {A: 3}, note="rest day"))
    report = weekly_report(story.summaries(RACE_DAY, RACE_DAY + timedelta(days=6)), None, None)
    text = report_markdown(report)
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    rows = [[c.strip() for c in line[2:-2].split(" | ")] for line in lines]
    at = DAY_HEADS.index("Cups")
    assert [row[at] for row in rows[1:]] == ["-"] * 7
    page = Page(report_html(report))
    assert [row[at].strip() for row in page.cells[1:]] == ["-"] * 7
    assert "Tasks 1/" in text and "cups of water" not in text
    assert "cups of water" not in "".join(page.text)


def test_cups_entered_on_one_day_are_that_days_total() -> None:
    story = Story(runs=[run(RACE_DAY)])
    day = RACE_DAY + timedelta(days=1)
    story.checkins.append(replace(checkin(day, {A: 3}), cups=5))
    report = weekly_report(story.summaries(RACE_DAY, RACE_DAY + timedelta(days=6)), None, None)
    assert "; 5 cups of water." in report_markdown(report)

"""``report``: the weekly report of the week ending on a day, in Markdown on stdout or as
one HTML file, the same as the report functions give over the same records."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from cli_support import TODAY
from conftest import Cli

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.history.report import report_markdown
from recovery_tui.domain.history.report_html import report_html
from recovery_tui.services.journal import open_journal
from recovery_tui.services.recoveries import week_report


def expected(data_dir: Path, clock: FakeClock, week_end: date, html: bool = False) -> str:
    journal = open_journal(data_dir, clock)
    try:
        weekly = week_report(journal, journal.runs(), week_end, TODAY)
    finally:
        journal.close()
    return report_html(weekly) if html else report_markdown(weekly)


@pytest.fixture
def filled(cli: Cli) -> None:
    assert cli("demo", "--days", "120")[0] == 0


@pytest.mark.usefixtures("filled")
def test_the_markdown_report_of_this_week(cli: Cli, data_dir: Path, clock: FakeClock) -> None:
    code, out, err = cli("report")
    assert code == 0, err
    assert out == expected(data_dir, clock, TODAY).removesuffix("\n") + "\n"
    assert out.startswith("# Recovery report: ")


@pytest.mark.usefixtures("filled")
def test_a_past_week(cli: Cli, data_dir: Path, clock: FakeClock) -> None:
    week_end = TODAY - timedelta(days=30)
    code, out, _ = cli("report", "--week", week_end.isoformat())
    assert code == 0
    assert out == expected(data_dir, clock, week_end).removesuffix("\n") + "\n"
    assert str(week_end.day) in out.splitlines()[0]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


@pytest.mark.usefixtures("filled")
def test_the_html_report_goes_to_a_private_file(
    cli: Cli, data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "week.html"
    path.write_text("last week's")  # a report replaces the one before
    code, out, err = cli("report", "--format", "html", "--output", str(path))
    assert code == 0, err
    assert out.startswith("Wrote the report of ") and str(path) in out
    text = path.read_text(encoding="utf-8")
    assert text == expected(data_dir, clock, TODAY, html=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    parser = _Tags()
    parser.feed(text)
    assert "svg" in parser.tags and parser.tags[0] == "html"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--week", (TODAY + timedelta(days=1)).isoformat()), "--week"),
        (("--week", "last"), "--week"),
        (("--format", "pdf"), "invalid choice"),
    ],
)
def test_bad_report_arguments_exit_2(cli: Cli, args: tuple[str, ...], words: str) -> None:
    code, _, err = cli("report", *args)
    assert code == 2 and words in err


def test_a_report_into_a_folder_that_is_missing_fails_in_one_line(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("report", "--output", str(tmp_path / "no" / "week.md"))
    assert code == 1 and err.startswith("recovery-tui: could not write")

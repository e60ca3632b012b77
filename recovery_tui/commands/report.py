"""``report [--week DATE] [--format md|html] [--output FILE]``: the weekly report."""

from __future__ import annotations

import argparse
from pathlib import Path

from recovery_tui.commands import common
from recovery_tui.commands.common import CommandFailed, journal_for
from recovery_tui.commands.files import write_private
from recovery_tui.commands.output import say
from recovery_tui.domain import validation as v
from recovery_tui.domain.clock import today as today_of
from recovery_tui.domain.text import one_line
from recovery_tui.paths import Dirs


def report(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.history.report import report_markdown
    from recovery_tui.domain.history.report_html import report_html
    from recovery_tui.services.recoveries import week_report

    clock = common.system_clock()
    today = today_of(clock)
    week_end = v.parse_day(args.week, not_after=today, what="--week") if args.week else today
    output = Path(args.output) if args.output is not None else None
    if output is not None and output.is_dir():
        raise v.InvalidValue(f"{one_line(str(output))} is a folder: give a file name")
    journal = journal_for(dirs, clock, read_only=True)
    weekly = week_report(journal, journal.runs(), week_end, today, journal.distance_unit())
    text = report_html(weekly) if args.format == "html" else report_markdown(weekly)
    if output is None:
        say(text.removesuffix("\n"))
        return 0
    try:
        write_private(output, text.encode("utf-8", "replace"), replace=True)
    except OSError as error:
        where = one_line(str(output))
        raise CommandFailed(f"could not write {where}: {error.strerror}") from None
    say(f"Wrote the report of {weekly.title.removeprefix('Recovery report: ')} to {output}.")
    return 0

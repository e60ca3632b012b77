"""What each subcommand does, once the arguments have parsed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from recovery_tui.commands.common import OPENED
from recovery_tui.paths import Dirs

Command = Callable[[argparse.Namespace, Dirs], int]


def _handlers() -> dict[str, Command]:
    from recovery_tui.commands import records, views

    return {
        "log-run": records.log_run,
        "checkin": records.checkin,
        "demo": records.demo,
        "today": views.today,
        "history": views.history,
        "routines": views.routines,
    }


def dispatch(args: argparse.Namespace, dirs: Dirs) -> int:
    command = args.command
    if command in (None, "walk", "stretch"):
        from recovery_tui.commands.app import open_app

        return open_app(args, dirs)
    try:
        return _handlers()[command](args, dirs)
    finally:
        # A damaged older month file may only be found while reading history.
        for journal in OPENED:
            for notice in journal.take_notices():
                print(f"recovery-tui: {notice}", file=sys.stderr)
        OPENED.clear()

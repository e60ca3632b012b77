"""What each subcommand does, once the arguments have parsed."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from recovery_tui.commands.common import OPENED
from recovery_tui.commands.output import warn
from recovery_tui.paths import Dirs

Command = Callable[[argparse.Namespace, Dirs], int]


# Each command's module is imported only when it runs: ``status`` from a prompt or a status
# bar must not pay for the activity-file readers or the report.
HANDLERS: dict[str, tuple[str, str]] = {
    "log-run": ("records", "log_run"),
    "checkin": ("records", "checkin"),
    "demo": ("records", "demo"),
    "today": ("views", "today"),
    "history": ("views", "history"),
    "routines": ("views", "routines"),
    "import": ("imports", "import_files"),
    "export": ("data", "export"),
    "backups": ("data", "backups"),
    "restore": ("data", "restore"),
    "settings": ("settings", "settings"),
    "report": ("report", "report"),
    "status": ("nudges", "status"),
    "remind": ("nudges", "remind"),
    "serve": ("serving", "serve"),
}


def handler(command: str) -> Command:
    module_name, function = HANDLERS[command]
    module = importlib.import_module(f"recovery_tui.commands.{module_name}")
    found: Command = getattr(module, function)
    return found


def dispatch(args: argparse.Namespace, dirs: Dirs) -> int:
    command = args.command
    if command in (None, "walk", "stretch"):
        from recovery_tui.commands.app import open_app

        return open_app(args, dirs)
    try:
        return handler(command)(args, dirs)
    finally:
        # A damaged older month file may only be found while reading history.
        for journal in OPENED:
            for notice in journal.take_notices():
                warn(notice)
        OPENED.clear()

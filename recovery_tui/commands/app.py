"""Opening the app itself: Today, or straight into a walk or a session."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from recovery_tui.domain import validation as v
from recovery_tui.domain.plan import ADAPTIVE_ROUTINE as ADAPTIVE
from recovery_tui.domain.text import one_line
from recovery_tui.paths import Dirs

# What textual-serve sets for each copy of the app it starts: its driver then speaks to the
# browser over the child's pipes, which are no terminal.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def has_terminal() -> bool:
    """Both ends are a terminal; a closed stdin or stdout (``0<&-``) is None here."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def served_to_a_browser() -> bool:
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def open_app(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.app import StartRequest

    start = StartRequest()
    if args.command == "walk":
        start = StartRequest(walk_minutes=v.parse_minutes(args.minutes))
    elif args.command == "stretch":
        start = StartRequest(routine=args.routine or ADAPTIVE)
        if start.routine != ADAPTIVE:
            from recovery_tui.services.routine_catalog import RoutineNotFound, find_routine

            # Said before anything else: a typo is a typo, with or without a terminal.
            try:
                find_routine(start.routine, dirs.config)
            except RoutineNotFound as error:
                raise v.InvalidValue(str(error)) from None
    if not (has_terminal() or served_to_a_browser()):
        raise v.InvalidValue(
            "the app needs a terminal; for scripts use the today, checkin, log-run "
            "or history commands"
        )
    # Starting makes hundreds of thousands of objects that live as long as the app (Textual,
    # the records) and almost no garbage: the collector would only walk them again and
    # again (about 25 ms before Today's first frame). The app turns it back on once its
    # first screen is drawn.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from recovery_tui.app import RecoveryApp

        app = RecoveryApp(dirs=dirs, start=start)
        app.run()
    finally:
        if collecting:
            gc.enable()
    if app.exit_message:
        print(one_line(app.exit_message), file=sys.stderr)  # it may quote a path
    return app.return_code or 0

"""Opening the app itself: Today, or straight into a walk or a session."""

from __future__ import annotations

import argparse
import sys

from recovery_tui.domain import validation as v
from recovery_tui.paths import Dirs


def open_app(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.app import StartRequest

    start = StartRequest()
    if args.command == "walk":
        start = StartRequest(walk_minutes=v.parse_minutes(args.minutes))
    elif args.command == "stretch":
        start = StartRequest(routine=args.routine or "adaptive")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise v.InvalidValue(
            "the app needs a terminal; for scripts use the today, checkin, log-run "
            "or history commands"
        )
    from recovery_tui.app import RecoveryApp

    app = RecoveryApp(dirs=dirs, start=start)
    app.run()
    if app.exit_message:
        print(app.exit_message, file=sys.stderr)
    return app.return_code or 0

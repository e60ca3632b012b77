"""The command line: parse, validate, dispatch. Heavy modules (Textual) load lazily so
that ``recovery-tui today`` answers fast."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from recovery_tui import __version__
from recovery_tui.commands.output import PROG, warn
from recovery_tui.domain.models import RedFlag
from recovery_tui.domain.validation import InvalidValue

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PIPE_CLOSED = 128 + signal.SIGPIPE  # what a shell reports for a program SIGPIPE ended


class UsageError(Exception):
    """Bad usage or a bad value: one line on stderr, exit code 2, nothing written."""


class _Parser(argparse.ArgumentParser):
    # argparse prints the whole usage block and exits; users get one clear line instead.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _text(value: str) -> str:
    return value


def build_parser() -> argparse.ArgumentParser:
    from recovery_tui.services.user_settings import SETTINGS

    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where the records live (env RECOVERY_TUI_DATA_DIR)",
    )
    common.add_argument(
        "--config-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="custom routines (env RECOVERY_TUI_CONFIG_DIR)",
    )

    parser = _Parser(
        prog=PROG,
        description="A daily companion for runners recovering after a hard run or a race. "
        "With no command it opens the app on Today.",
        epilog="Each command has its own --help. Exit codes: 0 done, 1 failed (the reason is "
        "on stderr), 2 bad usage or a bad value (nothing written).",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    walk = sub.add_parser("walk", parents=[common], help="open straight into a walk timer")
    walk.add_argument("--minutes", type=_text, default="12", help="walk length (default 12)")

    stretch = sub.add_parser("stretch", parents=[common], help="open straight into a session")
    stretch.add_argument(
        "--routine",
        metavar="ID",
        default=None,
        help="routine id (default: today's adaptive 30-minute stretch)",
    )

    log = sub.add_parser(
        "log-run",
        parents=[common],
        help="record a run or a race",
        description="Record a run or a race by hand (to take one from a watch file, use import).",
    )
    distance = log.add_mutually_exclusive_group(required=True)
    distance.add_argument(
        "--distance",
        type=_text,
        metavar="DISTANCE",
        help="13.1mi, 21.1km, or a bare number in your distance unit (settings distance_unit)",
    )
    distance.add_argument("--distance-km", type=_text, metavar="KM", help="the distance in km")
    log.add_argument("--date", type=_text, metavar="YYYY-MM-DD", help="default today")
    log.add_argument("--finish", type=_text, metavar="HH:MM", help="finish time")
    log.add_argument(
        "--effort",
        type=_text,
        metavar="1-10",
        help="perceived effort (default: race 8, long 6, easy 3)",
    )
    log.add_argument(
        "--kind",
        type=_text,
        metavar="easy|long|race",
        help="default: race at a race distance, long from 15 km, else easy",
    )

    imports = sub.add_parser(
        "import",
        parents=[common],
        help="take runs from GPX, TCX or FIT files, or merge back an export",
        description="Each file is recognised by its content. An activity file (GPX, TCX or "
        "FIT, also gzipped) becomes a run: its day, finish time and distance from the file; "
        "a race over 5 km, 10 km, the half or the marathon, else long from 15 km, else easy; "
        "the effort from its heart rate when the setting max_heart_rate is set, else the "
        "usual one of its kind. A run already imported is skipped. A folder gives the "
        "activity files directly in it. A recovery-tui export (from the export command) is "
        "merged record by record.",
        epilog="Exit codes: 0 when every file was imported or already there, 1 when a file "
        "could not be imported (said per file; nothing is written for it), 2 for bad usage.",
    )
    imports.add_argument("paths", nargs="+", metavar="FILE|FOLDER")
    imports.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )

    export = sub.add_parser(
        "export",
        parents=[common],
        help="write every record and setting to one JSON file",
        description="Write every record and setting as one JSON document, readable only by "
        "you (0600). import takes it back, on this machine or another.",
    )
    export.add_argument("file", metavar="FILE", help="where to write it; - for standard output")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")

    sub.add_parser(
        "backups",
        parents=[common],
        help="list the daily backups",
        description="The daily backups: each day keeps the data files as they were before "
        "that day's first change. restore DATE brings one back.",
    )
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="bring the data back as it was at the start of a day",
        description="Bring the data back as it was at the start of DATE (a day listed by "
        "backups). The data as it is now is copied aside first; on a terminal you are asked "
        "first, with what would change. --undo brings back what the last restore took away, "
        "keeping what was saved since.",
    )
    restore.add_argument("date", type=_text, metavar="YYYY-MM-DD", nargs="?")
    restore.add_argument("--yes", action="store_true", help="do not ask first")
    restore.add_argument(
        "--undo", action="store_true", help="bring back what the last restore took away"
    )

    settings = sub.add_parser(
        "settings",
        parents=[common],
        help="show or change a setting",
        description="With no KEY, every setting and its value; with KEY, its value; with "
        "KEY VALUE, set it; with KEY --unset, go back to the default. Keys: "
        + "; ".join(f"{s.key}: {s.what} (default {s.default})" for s in SETTINGS)
        + ".",
    )
    settings.add_argument("key", nargs="?", metavar="KEY")
    settings.add_argument("value", nargs="?", type=_text, metavar="VALUE")
    settings.add_argument("--unset", action="store_true", help="go back to the default")

    checkin = sub.add_parser("checkin", parents=[common], help="record how you feel")
    checkin.add_argument("--date", type=_text, metavar="YYYY-MM-DD", help="default today")
    checkin.add_argument(
        "--sore",
        action="append",
        default=[],
        metavar="AREA=N",
        help="soreness 0-10 of a body area; repeat for each area",
    )
    checkin.add_argument("--energy", type=_text, metavar="0-10")
    checkin.add_argument("--sleep", type=_text, metavar="HOURS")
    checkin.add_argument("--cups", type=_text, metavar="N", help="cups of water so far")
    checkin.add_argument(
        "--stand-left", type=_text, metavar="level|dropped", help="single-leg stand on the left leg"
    )
    checkin.add_argument("--stand-right", type=_text, metavar="level|dropped")
    checkin.add_argument(
        "--flag",
        action="append",
        default=[],
        metavar="FLAG",
        help=f"red flag: {', '.join(flag.value for flag in RedFlag)}",
    )
    checkin.add_argument(
        "--clear-flags",
        action="store_true",
        help="drop the red flags recorded earlier that day (then add any --flag given)",
    )
    checkin.add_argument("--note", type=_text, metavar="TEXT")

    today = sub.add_parser("today", parents=[common], help="today's plan and what is done")
    today.add_argument("--json", action="store_true", help="machine-readable output")

    status = sub.add_parser(
        "status",
        parents=[common],
        help="one line for a status bar or a prompt",
        description="The day in one short line (Day 2/7 · walks 1/3 · stretch – · next: walk) "
        "for a tmux status line or a shell prompt; --format json for waybar or i3blocks.",
    )
    status.add_argument("--format", default="text", choices=["text", "json"])

    remind = sub.add_parser(
        "remind",
        parents=[common],
        help="send a notification when a walk or the stretch is due",
        description="Send a desktop notification (notify-send, or the terminal's own when "
        "there is no desktop) for each walk or stretch due now and not done, once each. "
        "Silent when nothing is due: run it every 15 minutes from cron or a systemd timer. "
        "The waking day is set by the settings remind_from and remind_until.",
    )
    remind.add_argument("--verbose", action="store_true", help="say what was sent and where")

    history = sub.add_parser("history", parents=[common], help="the past days")
    history.add_argument("--days", type=_text, metavar="N", help="days ending today (default 7)")
    history.add_argument("--from", dest="start", type=_text, metavar="YYYY-MM-DD")
    history.add_argument("--to", dest="end", type=_text, metavar="YYYY-MM-DD")
    history.add_argument(
        "--format",
        default="table",
        choices=["table", "json", "csv"],
        help="csv: a note starting with = + - @ is written with a leading ' so that a "
        "spreadsheet shows it as text",
    )

    report = sub.add_parser(
        "report",
        parents=[common],
        help="the weekly report, in Markdown or HTML",
        description="The week's days, the recovery curve, the tasks and sessions done, the "
        "comparison with an earlier recovery, and the notes.",
    )
    report.add_argument(
        "--week",
        type=_text,
        metavar="YYYY-MM-DD",
        help="the week ending on this day (default today)",
    )
    report.add_argument("--format", default="md", choices=["md", "html"])
    report.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")

    sub.add_parser("routines", parents=[common], help="list built-in and custom routines")

    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="open the app in a browser (a phone beside the mat)",
        description="Serve the app to a browser; each tab runs its own copy. On this computer "
        "only, unless --lan: then a phone on the same network opens the printed link (or "
        "scans its QR code), which carries a token new at every start.",
    )
    serve.add_argument(
        "--lan", action="store_true", help="reachable from the local network, with a token"
    )
    serve.add_argument(
        "--port", type=_text, default=None, metavar="N", help="port (default 8000; 0: any free one)"
    )

    demo = sub.add_parser("demo", parents=[common], help="fill an EMPTY data dir with samples")
    demo.add_argument("--days", required=True, type=_text, metavar="N")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    try:
        code = _run(list(sys.argv[1:] if argv is None else argv))
        if sys.stdout is not None:
            sys.stdout.flush()  # here, so a closed pipe is met inside the try
    except BrokenPipeError:
        return _pipe_closed()
    return code


def _run(args_list: list[str]) -> int:
    if not args_list:
        # No command opens the app, which people do every day: building the parser (every
        # subcommand, its options and help) would only delay the first frame.
        return _dispatch(argparse.Namespace(command=None))
    try:
        args = build_parser().parse_args(args_list)
    except UsageError as error:
        return _usage(str(error))
    return _dispatch(args)


def _dispatch(args: argparse.Namespace) -> int:
    for flag in ("data_dir", "config_dir"):
        if getattr(args, flag, None) == "":
            return _usage(f"--{flag.replace('_', '-')} is empty: give a folder")
    from recovery_tui.paths import resolve_dirs

    dirs = resolve_dirs(getattr(args, "data_dir", None), getattr(args, "config_dir", None))
    try:
        from recovery_tui import commands

        return commands.dispatch(args, dirs)
    except (UsageError, InvalidValue) as error:
        return _usage(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise
    except Exception as error:  # the user gets words, the log gets the traceback
        from recovery_tui.commands.common import CommandFailed
        from recovery_tui.services.journal import JournalError

        if isinstance(error, JournalError | CommandFailed):
            warn(str(error))
            return EXIT_FAILED
        from recovery_tui.errors import log_unexpected

        where = log_unexpected(dirs.error_log, error)
        warn(f"something went wrong ({type(error).__name__}: {error}); details in {where}")
        return EXIT_FAILED


def _usage(message: str) -> int:
    warn(f"error: {message}")
    return EXIT_USAGE


def _tolerant_streams() -> None:
    """A character the terminal's encoding lacks (PYTHONIOENCODING=latin-1, a C locale)
    is shown as a replacement rather than stopping the command halfway."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def _pipe_closed() -> int:
    """The reader went away (``recovery-tui history | head -1``): stop quietly with the
    status a shell reports for a program ended by SIGPIPE. What is still buffered goes to
    /dev/null, or Python would complain about it on the way out."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_PIPE_CLOSED

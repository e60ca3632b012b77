"""The command line: parse, validate, dispatch. Heavy modules (Textual) load lazily so
that ``recovery-tui today`` answers fast."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from recovery_tui import __version__
from recovery_tui.domain.validation import InvalidValue

PROG = "recovery-tui"
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad usage or a bad value: one line on stderr, exit code 2, nothing written."""


class _Parser(argparse.ArgumentParser):
    # argparse prints the whole usage block and exits; users get one clear line instead.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _text(value: str) -> str:
    return value


def build_parser() -> argparse.ArgumentParser:
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
        help="settings and custom routines (env RECOVERY_TUI_CONFIG_DIR)",
    )

    parser = _Parser(
        prog=PROG,
        description="A daily companion for runners recovering after a hard run or a race. "
        "With no command it opens the app on Today.",
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

    log = sub.add_parser("log-run", parents=[common], help="record a run or a race")
    log.add_argument("--distance-km", required=True, type=_text, metavar="KM")
    log.add_argument("--date", type=_text, metavar="YYYY-MM-DD", help="default today")
    log.add_argument("--finish", type=_text, metavar="HH:MM", help="finish time")
    log.add_argument(
        "--effort",
        type=_text,
        metavar="1-10",
        help="perceived effort (default: race 8, long 6, easy 3)",
    )
    log.add_argument(
        "--kind", type=_text, metavar="easy|long|race", help="default: long from 15 km, easy below"
    )

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
        help="red flag: sharp_pain, swelling, pain_at_rest, worse_when_walking",
    )
    checkin.add_argument(
        "--clear-flags",
        action="store_true",
        help="drop the red flags recorded earlier that day (then add any --flag given)",
    )
    checkin.add_argument("--note", type=_text, metavar="TEXT")

    today = sub.add_parser("today", parents=[common], help="today's plan and what is done")
    today.add_argument("--json", action="store_true", help="machine-readable output")

    history = sub.add_parser("history", parents=[common], help="the past days")
    history.add_argument("--days", type=_text, metavar="N", help="days ending today (default 7)")
    history.add_argument("--from", dest="start", type=_text, metavar="YYYY-MM-DD")
    history.add_argument("--to", dest="end", type=_text, metavar="YYYY-MM-DD")
    history.add_argument("--format", default="table", choices=["table", "json", "csv"])

    sub.add_parser("routines", parents=[common], help="list built-in and custom routines")

    demo = sub.add_parser("demo", parents=[common], help="fill an EMPTY data dir with samples")
    demo.add_argument("--days", required=True, type=_text, metavar="N")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
    except UsageError as error:
        return _usage(str(error))
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
    except Exception as error:  # the user gets words, the log gets the traceback
        from recovery_tui.services.journal import JournalError

        if isinstance(error, JournalError):
            print(f"{PROG}: {error}", file=sys.stderr)
            return EXIT_FAILED
        from recovery_tui.errors import log_unexpected

        where = log_unexpected(dirs.error_log, error)
        print(
            f"{PROG}: something went wrong ({type(error).__name__}: {error}); details in {where}",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _usage(message: str) -> int:
    line = " ".join(message.split())
    print(f"{PROG}: error: {line}", file=sys.stderr)
    return EXIT_USAGE

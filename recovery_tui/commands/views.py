"""Commands that show: today, history, routines."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta

from recovery_tui.commands import common
from recovery_tui.commands.common import journal_for
from recovery_tui.commands.output import say, say_json, warn
from recovery_tui.domain import validation as v
from recovery_tui.domain.clock import today as today_of
from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.text import one_line
from recovery_tui.paths import Dirs

MAX_HISTORY_DAYS = 3660


def today(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.services.day_presenter import day_as_json, day_as_text
    from recovery_tui.services.user_settings import distance_unit

    journal = journal_for(dirs, common.system_clock(), read_only=True)
    view = journal.day_view()
    if args.json:
        shown = {**day_as_json(view), "distance_unit": distance_unit(journal).value}
        say_json(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        say(day_as_text(view))
    return 0


def history(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.history import export

    clock = common.system_clock()
    now_day = today_of(clock)
    if args.days is not None and (args.start is not None or args.end is not None):
        raise v.InvalidValue("use either --days or --from/--to, not both")
    if args.start is not None or args.end is not None:
        # History ends today, as the screen's does: a later day has nothing recorded yet.
        start = (
            v.parse_day(args.start, what="--from", not_after=now_day)
            if args.start is not None
            else None
        )
        end = (
            v.parse_day(args.end, what="--to", not_after=now_day)
            if args.end is not None
            else now_day
        )
        if start is None:
            start = end - timedelta(days=6)
        if start > end:
            raise v.InvalidValue(f"--from {start} is after --to {end}")
        if (end - start).days >= MAX_HISTORY_DAYS:
            raise v.InvalidValue(f"that range is too long: at most {MAX_HISTORY_DAYS} days")
    else:
        days = v.parse_int(args.days, "--days", 1, MAX_HISTORY_DAYS) if args.days is not None else 7
        end = now_day
        start = now_day - timedelta(days=days - 1)
    rows = journal_for(dirs, clock, read_only=True).history(start, end)
    if args.format == "json":
        say_json(export.rows_to_json(rows))
    elif args.format == "csv":
        say(export.rows_to_csv(rows).removesuffix("\n"))
    else:
        say(export.rows_to_table(rows))
    return 0


def routines(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.services.routine_catalog import all_routines

    catalog = all_routines(dirs.config)
    rows = [
        (one_line(r.id), clock_text(r.total_seconds), one_line(r.name), one_line(r.source))
        for r in catalog.routines
    ]
    width = max((len(routine_id) for routine_id, *_ in rows), default=4)
    for routine_id, length, name, source in rows:
        say(f"{routine_id:<{width}}  {length:>6}  {name}  ({source})")
    for error in catalog.errors:
        warn(error)
    return 0

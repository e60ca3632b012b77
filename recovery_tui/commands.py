"""What each subcommand does, once the arguments have parsed."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from typing import Any

from recovery_tui.domain import validation as v
from recovery_tui.domain.checkins import CheckInUpdate
from recovery_tui.domain.clock import SystemClock
from recovery_tui.domain.clock import today as today_of
from recovery_tui.domain.formats import days_ago, long_date
from recovery_tui.domain.models import RedFlag, RunKind, Side
from recovery_tui.domain.plan import run_label
from recovery_tui.paths import Dirs

MAX_HISTORY_DAYS = 3660


def dispatch(args: argparse.Namespace, dirs: Dirs) -> int:
    command = args.command
    if command in (None, "walk", "stretch"):
        return _open_app(args, dirs)
    handler = {
        "log-run": cmd_log_run,
        "checkin": cmd_checkin,
        "today": cmd_today,
        "history": cmd_history,
        "routines": cmd_routines,
        "demo": cmd_demo,
    }[command]
    try:
        return handler(args, dirs)
    finally:
        # A damaged older month file may only be found while reading history.
        for journal in _OPENED:
            for notice in journal.take_notices():
                print(f"recovery-tui: {notice}", file=sys.stderr)
        _OPENED.clear()


_OPENED: list[Any] = []


def _journal(dirs: Dirs, clock: SystemClock | None = None):  # type: ignore[no-untyped-def]
    from recovery_tui.journal import Journal
    from recovery_tui.store import Repository

    clock = clock or SystemClock()
    journal = Journal(Repository.open(dirs.data, clock), clock)
    _OPENED.append(journal)
    return journal


# -- app -----------------------------------------------------------------------------
def _open_app(args: argparse.Namespace, dirs: Dirs) -> int:
    start: dict[str, Any] = {}
    if args.command == "walk":
        start = {"walk_minutes": v.parse_minutes(args.minutes)}
    elif args.command == "stretch":
        start = {"routine": args.routine or "adaptive"}
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise v.InvalidValue(
            "the app needs a terminal; for scripts use the today, checkin, log-run "
            "or history commands"
        )
    from recovery_tui.app import RecoveryApp

    app = RecoveryApp(dirs=dirs, start=start)
    app.run()
    return app.return_code or 0


# -- records -------------------------------------------------------------------------
def cmd_log_run(args: argparse.Namespace, dirs: Dirs) -> int:
    clock = SystemClock()
    today = today_of(clock)
    distance = v.parse_distance(args.distance_km)
    day = v.parse_day(args.date, not_after=today) if args.date is not None else today
    kind = (
        v.parse_kind(args.kind)
        if args.kind is not None
        else (RunKind.LONG if distance >= 15 else RunKind.EASY)
    )
    default_effort = {RunKind.RACE: 8, RunKind.LONG: 6, RunKind.EASY: 3}[kind]
    effort = v.parse_effort(args.effort) if args.effort is not None else default_effort
    finish = v.parse_finish(args.finish, day, clock.now()) if args.finish is not None else None
    journal = _journal(dirs, clock)
    run = journal.log_run(distance, day, effort=effort, kind=kind, finish=finish)
    plan = journal.day_view(today).plan
    label = run_label(run)
    print(f"Logged your {label} of {long_date(run.day)} (effort {run.effort}/10).")
    if plan.run and plan.run.id == run.id and plan.window_days:
        print(
            f"Recovery window: {plan.window_days} days, until "
            f"{long_date(plan.recovery_date)}. Today is day {plan.day_index} of "  # type: ignore[arg-type]
            f"{plan.window_days}."
        )
    elif plan.run is None or plan.run.id == run.id:
        print("An easy effort: no recovery window needed. Keep hydrating and stretching.")
    return 0


def cmd_checkin(args: argparse.Namespace, dirs: Dirs) -> int:
    clock = SystemClock()
    today = today_of(clock)
    day = v.parse_day(args.date, not_after=today) if args.date is not None else today
    soreness = dict(v.parse_sore_pair(pair) for pair in args.sore)
    energy = v.parse_energy(args.energy) if args.energy is not None else None
    sleep = v.parse_sleep(args.sleep) if args.sleep is not None else None
    cups = v.parse_cups(args.cups) if args.cups is not None else None
    stand = {}
    if args.stand_left is not None:
        stand[Side.LEFT] = v.parse_stand(args.stand_left, Side.LEFT)
    if args.stand_right is not None:
        stand[Side.RIGHT] = v.parse_stand(args.stand_right, Side.RIGHT)
    flags = set()
    for flag in args.flag:
        try:
            flags.add(RedFlag(flag.strip().lower().replace("-", "_")))
        except ValueError:
            names = ", ".join(f.value for f in RedFlag)
            raise v.InvalidValue(f"unknown red flag '{flag}': use one of {names}") from None
    note = v.clean_note(args.note) if args.note is not None else None
    update = CheckInUpdate(
        soreness=soreness,
        energy=energy,
        sleep_hours=sleep,
        cups=cups,
        stand=stand,
        add_flags=frozenset(flags),
        clear_flags=args.clear_flags,
        note=note,
    )
    if update.is_empty:
        raise v.InvalidValue("nothing to record: give at least one --sore AREA=N or another value")
    journal = _journal(dirs, clock)
    _, existed = journal.update_checkin(day, update)
    verb = "Updated" if existed else "Saved"
    print(f"{verb} the check-in for {long_date(day)}.")
    for message in journal.day_view(day).red_flags:
        print(f"! {message}")
    return 0


# -- views ---------------------------------------------------------------------------
def cmd_today(args: argparse.Namespace, dirs: Dirs) -> int:
    journal = _journal(dirs)
    view = journal.day_view()
    if args.json:
        print(json.dumps(today_json(view), ensure_ascii=False, indent=2))
        return 0
    print(today_text(view))
    return 0


def today_json(view: Any) -> dict[str, Any]:
    plan = view.plan
    return {
        "date": view.day.isoformat(),
        "phase": plan.phase.value,
        "day_index": plan.day_index,
        "window_days": plan.window_days,
        "run": plan.run.to_dict() if plan.run else None,
        "recovery_date": view.readiness.recovery_date.isoformat()
        if view.readiness.recovery_date
        else None,
        "ready_for_easy_run": view.readiness.ready,
        "readiness": view.readiness.headline,
        "readiness_reasons": list(view.readiness.reasons),
        "red_flags": list(view.red_flags),
        "tasks_done": view.done,
        "tasks_total": view.total,
        "tasks": [
            {
                "id": t.id,
                "title": t.title,
                "why": t.why,
                "target": t.target,
                "count": view.progress.get(t.id, 0),
                "done": view.progress.get(t.id, 0) >= t.target,
            }
            for t in plan.tasks
        ],
        "checkin": view.checkin.to_dict() if view.checkin else None,
    }


def today_text(view: Any) -> str:
    plan = view.plan
    lines = [long_date(view.day)]
    if plan.run and plan.in_window and plan.window_days:
        label = run_label(plan.run)
        lines.append(
            f"Day {plan.day_index} of {plan.window_days} after your {label} "
            f"({days_ago(plan.run.day, view.day)})"
        )
    elif plan.run and plan.in_window:
        lines.append(f"Your {run_label(plan.run)} today needs no recovery window.")
    elif not view.runs:
        lines.append("No run logged yet: recovery-tui log-run --distance-km 21.1 --kind race")
    else:
        lines.append("No recovery window open: an ordinary day.")
    ready = "yes" if view.readiness.ready else "not yet"
    lines.append(f"Ready for an easy run? {ready}: {view.readiness.headline}")
    lines.extend(f"  - {reason}" for reason in view.readiness.reasons)
    if view.readiness.recovery_date:
        lines.append(f"Estimated recovery: {long_date(view.readiness.recovery_date)}")
    for message in view.red_flags:
        lines.append(f"! {message}")
    lines.append("")
    lines.append(f"Tasks {view.done}/{view.total}")
    for task in plan.tasks:
        count = view.progress.get(task.id, 0)
        mark = "x" if count >= task.target else " "
        counter = f" {count}/{task.target}" if task.counted else ""
        lines.append(f"  [{mark}] {task.title}{counter}")
        lines.append(f"      {task.why}")
    return "\n".join(lines)


def cmd_history(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.history import export as history_export

    clock = SystemClock()
    today = today_of(clock)
    if args.days is not None and (args.start is not None or args.end is not None):
        raise v.InvalidValue("use either --days or --from/--to, not both")
    if args.start is not None or args.end is not None:
        start = v.parse_day(args.start, what="--from") if args.start is not None else None
        end = v.parse_day(args.end, what="--to") if args.end is not None else today
        if start is None:
            start = end - timedelta(days=6)
        if start > end:
            raise v.InvalidValue(f"--from {start} is after --to {end}")
        if (end - start).days >= MAX_HISTORY_DAYS:
            raise v.InvalidValue(f"that range is too long: at most {MAX_HISTORY_DAYS} days")
    else:
        days = v.parse_int(args.days, "--days", 1, MAX_HISTORY_DAYS) if args.days is not None else 7
        end = today
        start = today - timedelta(days=days - 1)
    journal = _journal(dirs, clock)
    rows = journal.history(start, end)
    if args.format == "json":
        print(history_export.rows_to_json(rows))
    elif args.format == "csv":
        sys.stdout.write(history_export.rows_to_csv(rows))
    else:
        print(history_export.rows_to_table(rows))
    return 0


def cmd_routines(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.routine_files import all_routines

    routines, errors = all_routines(dirs.config)
    width = max((len(r.id) for r in routines), default=4)
    for routine in routines:
        minutes, seconds = divmod(int(routine.total_seconds), 60)
        print(
            f"{routine.id:<{width}}  {minutes:>3}:{seconds:02d}  {routine.name}  ({routine.source})"
        )
    for error in errors:
        print(f"recovery-tui: {error}", file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.demo import make_demo

    days = v.parse_int(args.days, "--days", 1, 3660)
    clock = SystemClock()
    journal = _journal(dirs, clock)
    if not journal.repo.is_empty():
        raise v.InvalidValue(
            f"{dirs.data} already holds data; demo only fills an empty data dir "
            "(use --data-dir with a new folder)"
        )
    demo = make_demo(days, clock.now(), clock.tz_name)
    journal.repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)
    print(
        f"Made {days} days of sample history in {dirs.data}: {len(demo.runs)} runs, "
        f"{len(demo.checkins)} check-ins, {len(demo.sessions)} sessions."
    )
    return 0

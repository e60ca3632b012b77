"""Commands that record: log-run, checkin, and the sample history of demo."""

from __future__ import annotations

import argparse

from recovery_tui.commands import common
from recovery_tui.commands.common import journal_for
from recovery_tui.commands.output import say, warn
from recovery_tui.domain import validation as v
from recovery_tui.domain.checkins import CURRENT_DAYS, CheckInUpdate
from recovery_tui.domain.clock import today as today_of
from recovery_tui.domain.formats import long_date
from recovery_tui.domain.models import Run, Side
from recovery_tui.domain.run_defaults import default_effort, default_kind
from recovery_tui.domain.units import parse_distance
from recovery_tui.domain.window import run_label, run_window, window_end
from recovery_tui.paths import Dirs
from recovery_tui.services.day_presenter import readiness_text
from recovery_tui.services.journal import Journal
from recovery_tui.services.user_settings import distance_unit

# Twenty years: the benchmarks measure History with that much (bench/README.md).
MAX_DEMO_DAYS = 7300


def log_run(args: argparse.Namespace, dirs: Dirs) -> int:
    clock = common.system_clock()
    today = today_of(clock)
    # --distance-km is checked before anything is opened; a bare --distance needs the
    # unit setting first.
    distance = v.parse_distance(args.distance_km) if args.distance_km is not None else None
    day = v.parse_day(args.date, not_after=today) if args.date is not None else today
    kind = v.parse_kind(args.kind) if args.kind is not None else None
    effort = v.parse_effort(args.effort) if args.effort is not None else None
    finish = v.parse_finish(args.finish, day, clock.now()) if args.finish is not None else None
    journal = journal_for(dirs, clock)
    unit = distance_unit(journal)
    if distance is None:
        distance = parse_distance(args.distance, unit)
    kind = kind if kind is not None else default_kind(distance)
    effort = effort if effort is not None else default_effort(kind)
    run = journal.log_run(distance, day, effort=effort, kind=kind, finish=finish)
    said = f"{run_label(run, unit)} of {long_date(run.day, today)}"
    say(f"Logged your {said} (effort {run.effort}/10).")
    for line in window_lines(journal, run):
        say(line)
    if journal.twin_of(run) is not None:
        from recovery_tui.domain.run_twins import twin_words

        warn(twin_words(run, unit))
    return 0


def window_lines(journal: Journal, run: Run) -> list[str]:
    """What a newly stored run means for today: its recovery window, if it sets today's;
    that it opens none (an easy run) or ended already (a race logged late); and, when
    another run's recovery still sets today, that one, with today's answer to running."""
    window = run_window(run)
    view = journal.day_view()
    plan = view.plan
    if window == 0:
        lines = ["An easy effort: it opens no recovery window of its own."]
    elif window_end(run) < journal.today():
        lines = [f"Its recovery window of {window} days ended on {long_date(window_end(run))}."]
    elif plan.run and plan.run.id == run.id and plan.window_days and plan.recovery_date:
        return [
            f"Recovery window: {plan.window_days} days, until "
            f"{long_date(plan.recovery_date)}. Today is day {plan.day_index} of "
            f"{plan.window_days}."
        ]
    else:
        lines = []
    if plan.run is not None and plan.run.id != run.id and plan.in_window:
        # Running inside another recovery is worth saying: the plan has not changed.
        unit = distance_unit(journal)
        lines.append(
            f"Today still follows the recovery after your {run_label(plan.run, unit)} "
            f"(day {plan.day_index} of {plan.window_days}). "
            f"{readiness_text(view).short}"
        )
    elif window == 0:
        lines[-1] += " Keep hydrating and stretching."
    return lines


def checkin(args: argparse.Namespace, dirs: Dirs) -> int:
    clock = common.system_clock()
    today = today_of(clock)
    day = v.parse_day(args.date, not_after=today) if args.date is not None else today
    stand = {}
    if args.stand_left is not None:
        stand[Side.LEFT] = v.parse_stand(args.stand_left, Side.LEFT)
    if args.stand_right is not None:
        stand[Side.RIGHT] = v.parse_stand(args.stand_right, Side.RIGHT)
    update = CheckInUpdate(
        soreness=dict(v.parse_sore_pair(pair) for pair in args.sore),
        energy=v.parse_energy(args.energy) if args.energy is not None else None,
        sleep_hours=v.parse_sleep(args.sleep) if args.sleep is not None else None,
        cups=v.parse_cups(args.cups) if args.cups is not None else None,
        stand=stand,
        add_flags=frozenset(v.parse_red_flag(flag) for flag in args.flag),
        clear_flags=args.clear_flags,
        note=v.clean_note(args.note) if args.note is not None else None,
    )
    if update.is_empty:
        raise v.InvalidValue("nothing to record: give at least one --sore AREA=N or another value")
    journal = journal_for(dirs, clock)
    saved, existed = journal.update_checkin(day, update)
    say(f"{'Updated' if existed else 'Saved'} the check-in for {long_date(day, today)}.")
    # What it changes now: today's alarms (a past day's would speak of "today" then).
    for alarm in journal.day_view().alarms:
        say(f"! {alarm.message}")
    if saved.red_flags and (today - day).days >= CURRENT_DAYS:
        say(
            "Its red flags are kept with that day; today's plan follows the check-ins of "
            "today and yesterday. If they still trouble you, check in today."
        )
    return 0


def demo(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.demo import make_demo

    days = v.parse_int(args.days, "--days", 1, MAX_DEMO_DAYS)
    clock = common.system_clock()
    journal = journal_for(dirs, clock)
    if not journal.is_empty():
        raise v.InvalidValue(
            f"{dirs.data} already holds data; demo only fills an empty data dir "
            "(use --data-dir with a new folder)"
        )
    sample = make_demo(days, clock.now(), clock.tz_name)
    journal.load_sample(sample.runs, sample.checkins, sample.tasks, sample.sessions)
    say(
        f"Made {days} days of sample history in {dirs.data}: {len(sample.runs)} runs, "
        f"{len(sample.checkins)} check-ins, {len(sample.sessions)} sessions."
    )
    return 0

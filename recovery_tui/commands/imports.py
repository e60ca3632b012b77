"""``import FILE|FOLDER...``: runs from watch files, and exports merged back.

One line per file: what it became on stdout, why it could not on stderr. Exit code 0 when
every file was taken in or was there already, 1 when any file could not be (nothing was
written for that one), 2 for bad usage (argparse).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from recovery_tui.commands import common
from recovery_tui.commands.common import journal_for
from recovery_tui.commands.output import say, warn
from recovery_tui.commands.records import window_lines
from recovery_tui.domain.formats import clock_text, period_label
from recovery_tui.domain.imported_runs import RunFromFile
from recovery_tui.domain.text import one_line
from recovery_tui.domain.units import DistanceUnit, distance_text, pace_text
from recovery_tui.domain.window import file_reasons, run_label
from recovery_tui.paths import Dirs
from recovery_tui.services.run_import import FileResult, Outcome, RunImport
from recovery_tui.services.user_settings import distance_unit

SET_MAX_HR = "recovery-tui settings max_heart_rate BPM sets it"


def run_line(found: RunFromFile, unit: DistanceUnit) -> str:
    """'half marathon on 12 April 2026, finished 10:47: 21.1 km in 1:45:12 (4:59 /km),
    effort 8/10 (race)'."""
    run, activity = found.run, found.activity
    finish = run.finish.strftime("%H:%M") if run.finish else "?"
    line = (
        f"{run_label(run, unit)} on {period_label(run.day, run.day)}, finished {finish}"
        f" ({activity.zone if activity.local_offset_known else 'your time'}): "
        f"{distance_text(run.distance_km, unit)} in {clock_text(activity.moving_seconds)}"
    )
    if activity.moving_seconds > 0 and run.distance_km > 0:
        line += f" ({pace_text(activity.moving_seconds, run.distance_km, unit)})"
    return f"{line}, effort {run.effort}/10 ({run.kind.value})"


def _show(result: FileResult, unit: DistanceUnit, dry_run: bool) -> None:
    name = one_line(result.path.name)
    if result.outcome is Outcome.FAILED:
        warn(result.message)
    elif result.outcome is Outcome.MERGED:
        # The merge's own sentence already says "Would import"/"Imported": no verb before it.
        say(f"{name}: {result.message}")
    elif result.outcome is Outcome.DUPLICATE:
        assert result.same_as is not None
        same = result.same_as
        if result.same_file is not None:
            # Not "already imported": in a dry run nothing was, and the twin is in this batch.
            say(f"Skipped {name}: the same run as {one_line(result.same_file.name)} above.")
        else:
            say(
                f"Skipped {name}: already imported as the {run_label(same, unit)} of "
                f"{period_label(same.day, same.day)}."
            )
    else:
        assert result.found is not None
        verb = "Would import" if dry_run else "Imported"
        say(f"{verb} {name}: {run_line(result.found, unit)}.")
        say(f"  {result.found.effort_basis}")
        run = result.found.run
        reasons = file_reasons(
            run.distance_km, run.moving_seconds, run.descent_m, unit, kind=run.kind
        )
        for reason in reasons:
            say(f"  {reason.text}")
        if result.found.needs_max_heart_rate:
            say(f"  ({SET_MAX_HR})")
        if result.found.other_sport is not None:
            say(f"  The file names its sport '{one_line(result.found.other_sport)}', not running.")


def summary(counts: dict[Outcome, int], dry_run: bool) -> str:
    """'3 imported, 12 already there, 1 failed.' (the parts that happened)."""
    parts = [f"{counts[Outcome.IMPORTED]} {'to import' if dry_run else 'imported'}"]
    for outcome, words in (
        (Outcome.DUPLICATE, "already there"),
        (Outcome.MERGED, _merged_words(counts[Outcome.MERGED], dry_run)),
        (Outcome.FAILED, "failed"),
    ):
        if counts[outcome]:
            parts.append(f"{counts[outcome]} {words}")
    return ", ".join(parts) + "."


def _merged_words(count: int, dry_run: bool) -> str:
    exports = "exports" if count > 1 else "export"
    return f"{exports} to merge" if dry_run else f"{exports} merged"


def import_files(args: argparse.Namespace, dirs: Dirs) -> int:
    clock = common.system_clock()
    journal = journal_for(dirs, clock, read_only=args.dry_run)
    unit = distance_unit(journal)
    importer = RunImport(journal, clock, dry_run=args.dry_run)
    counts = dict.fromkeys(Outcome, 0)
    imported = []
    for result in importer.files([Path(p) for p in args.paths]):
        counts[result.outcome] += 1
        _show(result, unit, args.dry_run)
        if result.outcome is Outcome.IMPORTED and result.found is not None:
            imported.append(result.found.run)
    if sum(counts.values()) > 1:
        say(summary(counts, args.dry_run))
    if imported and not args.dry_run:
        today_run = journal.day_view().plan.run  # only a run that sets today's plan is news
        if today_run is not None and any(run.id == today_run.id for run in imported):
            for line in window_lines(journal, today_run):
                say(line)
    return 1 if counts[Outcome.FAILED] else 0

"""The one place the app and the command line go through to read and record a day.

It joins the pure rules of ``domain/`` with the repository of ``store/`` so that a
check-in from the CLI and one from the app tick the same tasks in the same way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.alarms import Alarm
from recovery_tui.domain.checkins import CheckInUpdate, merge_checkin
from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.day import LOOKBACK_DAYS, assess_day, runs_reaching, ticks_since
from recovery_tui.domain.models import (
    CheckIn,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    TaskState,
    utc_iso,
)
from recovery_tui.domain.progress import day_progress, done_count, ticks_of, water_count
from recovery_tui.domain.readiness import Readiness
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.store import Repository, StoreError

if TYPE_CHECKING:
    from recovery_tui.domain.day import DayModel
    from recovery_tui.domain.history.summaries import DaySummary
    from recovery_tui.store import BackupDay, ImportResult, RestoreResult

# The rules of sessions and of the adapted stretch are loaded when a session is saved or a
# stretch offered: showing the day (Today, ``today``, ``status``) needs neither.

# What the UI and the command line catch when a record cannot be read or saved; its
# message is a sentence for the user.
JournalError = StoreError

# A setting is any JSON value.
SettingValue = str | int | float | bool | None | list[object] | dict[str, object]


@dataclass(frozen=True, slots=True)
class DayView:
    """Everything Today shows, computed once per change."""

    day: date
    plan: plan_rules.DayPlan
    progress: dict[str, int]
    done: int
    total: int
    checkin: CheckIn | None
    readiness: Readiness
    alarms: tuple[Alarm, ...]
    has_runs: bool
    runs_today: tuple[Run, ...] = ()
    unit: DistanceUnit = DistanceUnit.KM


def open_journal(
    data_dir: Path, clock: Clock, *, read_only: bool = False, around_damage: bool = False
) -> Journal:
    """Open (creating if needed) the records in ``data_dir``; raises JournalError.

    ``read_only``: for what only shows the records: nothing is created or changed (no data
    dir reads as no records) and every save raises JournalError. ``around_damage``: read
    only, and a damaged file reads as what of it still reads (named in the notices and
    ``read_around``), for the commands a user rescues data with."""
    repo = Repository.open(data_dir, clock, read_only=read_only, around_damage=around_damage)
    return Journal(repo, clock)


class Journal:
    def __init__(self, repo: Repository, clock: Clock) -> None:
        # Tests read the repository to check what was stored; the program goes through
        # the methods below.
        self.repo = repo
        self.clock = clock
        self._seen: tuple[object, ...] = ()

    def today(self) -> date:
        return today(self.clock)

    def close(self) -> None:
        self.repo.close()

    def _stamp(self) -> tuple[str, str]:
        return utc_iso(self.clock.now()), self.clock.tz_name

    # -- runs ----------------------------------------------------------------------------
    def log_run(
        self,
        distance_km: float,
        day: date,
        effort: int = 5,
        kind: RunKind = RunKind.EASY,
        finish: time | None = None,
    ) -> Run:
        recorded_at, tz = self._stamp()
        run = Run(
            day=day,
            distance_km=distance_km,
            effort=effort,
            kind=kind,
            finish=finish,
            recorded_at=recorded_at,
            tz=tz,
        )
        self.repo.add_run(run)
        return run

    def runs(self) -> list[Run]:
        """Every run, oldest first (History compares recoveries across all of them)."""
        return self.repo.runs()

    def last_logged_run(self) -> Run | None:
        """The run recorded most recently (not the latest by date): what an undo takes back."""
        return max(self.repo.runs(), key=lambda run: run.recorded_at, default=None)

    def twin_of(self, run: Run) -> Run | None:
        """An earlier run that ``run`` repeats (logged twice by hand?), see ``run_twins``."""
        from recovery_tui.domain.run_twins import earlier_twin

        return earlier_twin(run, self.repo.runs())

    def delete_run(self, run_id: str) -> None:
        self.repo.delete_run(run_id)

    def add_run(self, run: Run) -> None:
        """Store a run made elsewhere (one read from a watch file), as it is."""
        self.repo.add_run(run)

    # -- check-ins -----------------------------------------------------------------------
    def save_checkin(self, checkin: CheckIn) -> None:
        """Store a whole check-in as given (replacing the day's); the app and the command
        line merge changes with ``update_checkin`` instead."""
        self.repo.save_checkin(checkin)

    def update_checkin(self, day: date, update: CheckInUpdate) -> tuple[CheckIn, bool]:
        """Merge ``update`` into the day's check-in under the lock; True if one existed.

        The check-in task needs no write of its own: progress counts it done when the day
        has a check-in, so one write either saves everything or nothing."""
        existed = False

        def change(old: CheckIn | None) -> CheckIn:
            nonlocal existed
            existed = old is not None
            recorded_at, tz = self._stamp()
            return merge_checkin(old, update, day=day, recorded_at=recorded_at, tz=tz)

        saved = self.repo.update_checkin(day, change)
        if update.cups is not None:
            # One water number: the check-in's cups are the day's water counter.
            self.repo.set_task_count(day, plan_rules.WATER, update.cups)
        return saved, existed

    def checkin(self, day: date) -> CheckIn | None:
        return self.repo.checkin(day)

    def stretch_withheld(self, day: date) -> str | None:
        """Why the adapted stretch session is not offered on ``day`` (a red flag), or None."""
        from recovery_tui.domain.adaptive import may_offer_adaptive

        model = self._model(day, self._runs_touching(day, day))
        flags = [alarm.flag for alarm in model.flags if alarm.flag is not None]
        if may_offer_adaptive(frozenset(flags)):
            return None
        labels = ", ".join(flag.label for flag in flags)
        return (
            f"No stretch session today: you reported {labels}. Rest, ice and a "
            "professional's advice come first."
        )

    def distance_unit(self) -> DistanceUnit:
        """Kilometres or miles, as the user set (``services.user_settings``)."""
        from recovery_tui.services.user_settings import distance_unit

        return distance_unit(self)

    def water(self, day: date) -> int | None:
        """The day's one water number (the counter the check-in also shows and edits);
        None when the user has entered none."""
        return water_count(day, self.repo.task_states(day), self.repo.checkin(day))

    def new_checkin_stamp(self) -> tuple[str, str]:
        return self._stamp()

    # -- tasks ---------------------------------------------------------------------------
    def set_task(self, day: date, task_id: str, count: int) -> TaskState:
        return self.repo.set_task_count(day, task_id, count)

    def bump_task(self, day: date, task_id: str, delta: int) -> TaskState:
        spec = self._model(day, self._runs_touching(day, day)).plan.task(task_id)
        high = spec.max_count if spec is not None else 1
        return self.repo.bump_task(day, task_id, delta, 0, high)

    # -- sessions ------------------------------------------------------------------------
    def save_session(self, record: SessionRecord) -> None:
        """Saved again and again while a session runs; counted once when it ends."""
        from recovery_tui.domain.session_rules import counts_as_stretch_session, counts_as_walk

        before = self._stored_status(record)
        self.repo.save_session(record)
        ended = record.status in (SessionStatus.COMPLETED, SessionStatus.STOPPED)
        if not ended or before in (SessionStatus.COMPLETED, SessionStatus.STOPPED):
            return
        if counts_as_walk(record):
            plan = self._model(record.day, self._runs_touching(record.day, record.day)).plan
            walks = (
                plan_rules.WALKS_IF_PAINLESS
                if plan.task(plan_rules.WALKS_IF_PAINLESS)
                else plan_rules.WALKS
            )
            self.bump_task(record.day, walks, 1)
        if counts_as_stretch_session(record):
            self.repo.set_task_count(record.day, plan_rules.STRETCH, 1)

    def _stored_status(self, record: SessionRecord) -> SessionStatus | None:
        for stored in self.repo.sessions(record.day, record.day):
            if stored.id == record.id:
                return stored.status
        return None

    def unfinished_sessions(self) -> list[SessionRecord]:
        return self.repo.unfinished_sessions()

    # -- settings ------------------------------------------------------------------------
    def setting(self, key: str, default: SettingValue = None) -> SettingValue:
        value: SettingValue = self.repo.get_setting(key, default)
        return value

    def set_setting(self, key: str, value: SettingValue) -> None:
        self.repo.set_setting(key, value)

    def flag(self, key: str, default: bool) -> bool:
        """A yes/no setting (a cue on or off)."""
        return bool(self.setting(key, default))

    def take_first_time(self, key: str) -> bool:
        """True the first time it is asked for ``key`` (and never again): a note shown once.
        A store that cannot save it shows the note again next time, which is harmless."""
        if self.setting(key, False):
            return False
        with contextlib.suppress(JournalError):
            self.set_setting(key, True)
        return True

    # -- the whole record ----------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.repo.is_empty()

    def first_day(self) -> date | None:
        return self.repo.first_day()

    def load_sample(
        self,
        runs: Sequence[Run],
        checkins: Sequence[CheckIn],
        tasks: Sequence[TaskState],
        sessions: Sequence[SessionRecord],
    ) -> None:
        """Fill an EMPTY data dir in one go (``demo``); refuses one that holds records."""
        self.repo.bulk_import(runs, checkins, tasks, sessions)

    def backups(self) -> list[BackupDay]:
        """The daily backups, oldest first (day, folder, files with their sizes)."""
        return self.repo.backups()

    def restore(self, day: date, *, dry_run: bool = False) -> RestoreResult:
        """The data as it was at the start of ``day``; JournalError for a day with no
        backup or a copy that does not read (then nothing is written). A ``dry_run``
        says what would change and writes nothing."""
        return self.repo.restore(day, dry_run=dry_run)

    def before_last_restore(self) -> Path | None:
        """Where the data was copied before the latest restore (None: no restore yet)."""
        return self.repo.before_last_restore()

    def undo_restore(self) -> tuple[Path, ImportResult]:
        """Merge back the data as it was before the latest restore (newer records win, so
        nothing saved since is lost): the copy merged, and what the merge did."""
        return self.repo.undo_restore()

    def export_document(self) -> dict[str, object]:
        """Every record and setting as one JSON-ready document."""
        return self.repo.export_document()

    def import_document(self, document: object, *, dry_run: bool = False) -> ImportResult:
        """Merge an export back (a record here newer than the imported one is kept); a
        foreign, malformed or newer one raises JournalError (ImportRefused) and nothing is
        written. A ``dry_run`` checks and counts the same and writes nothing."""
        return self.repo.import_document(document, dry_run=dry_run)

    def read_around(self) -> list[Path]:
        """Damaged files an ``around_damage`` open could read only in part, or not at all."""
        return self.repo.read_around()

    def take_notices(self) -> list[str]:
        """Damaged files found (and moved aside) since the last call, as sentences."""
        return self.repo.take_notices()

    def changed_elsewhere(self, day: date) -> bool:
        """Has another copy (or this one) written the day's files since the last
        ``day_view`` or the last True answer? Two stat calls, so the app can poll it."""
        fingerprint = self.repo.fingerprint(day)
        if fingerprint == self._seen:
            return False
        self._seen = fingerprint
        return True

    # -- views ---------------------------------------------------------------------------
    def _model(self, day: date, runs: list[Run]) -> DayModel:
        """The day as ``domain.day`` sees it, from the records that can matter to it."""
        recent = self.repo.checkins(day - timedelta(days=LOOKBACK_DAYS), day)
        # Only the ticks that can matter: months of older ticks are not read at start-up.
        since = ticks_since(day, runs)
        yesterday = day - timedelta(days=1)
        ticks = (
            ticks_of(self.repo.task_states_between(since, yesterday))
            if since is not None and since <= yesterday
            else {}
        )
        return assess_day(day, runs, recent, ticks, self.distance_unit())

    def day_view(self, day: date | None = None) -> DayView:
        day = day or self.today()
        self._seen = self.repo.fingerprint(day)
        runs = self.repo.runs()
        model = self._model(day, self._runs_touching(day, day, runs))
        checkin = self.repo.checkin(day)
        progress = day_progress(model.plan, self.repo.task_states(day), checkin)
        done, total = done_count(model.plan, progress)
        return DayView(
            day=day,
            plan=model.plan,
            progress=progress,
            done=done,
            total=total,
            checkin=checkin,
            readiness=model.readiness,
            alarms=model.alarms,
            has_runs=bool(runs),
            runs_today=tuple(run for run in runs if run.day == day),
            unit=self.distance_unit(),
        )

    def _runs_touching(self, start: date, end: date, runs: list[Run] | None = None) -> list[Run]:
        """Only runs whose window (and return to running) can reach [start, end]."""
        return runs_reaching(start, end, self.repo.runs() if runs is None else runs)

    def history(self, start: date, end: date) -> list[DaySummary]:
        # Loaded on first use: Today, the first screen, needs none of it.
        from recovery_tui.domain.history.summaries import NO_RECORDS, summarize_range

        every = self.repo.runs()
        runs = self._runs_touching(start, end, every)
        # A run on or before ``start``: no day shown is before the first record, and the
        # first record need not be looked for (it reads the oldest month file).
        first = None if every and every[0].day <= start else (self.first_day() or NO_RECORDS)
        # The plans of the first days read the weeks before them.
        since = min((run.day for run in runs), default=start)
        return summarize_range(
            start,
            end,
            runs,
            self.repo.checkins(start - timedelta(days=LOOKBACK_DAYS), end),
            self.repo.task_states_between(min(since, start), end),
            self.repo.sessions(start, end),
            first_day=first,
        )

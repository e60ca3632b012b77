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
from recovery_tui.domain.checkins import CheckInUpdate, merge_checkin
from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.models import (
    CheckIn,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    TaskState,
    utc_iso,
)
from recovery_tui.domain.progress import day_progress, done_count
from recovery_tui.domain.readiness import Readiness, assess_readiness
from recovery_tui.domain.red_flags import red_flag_messages
from recovery_tui.domain.session_rules import counts_as_stretch_session, counts_as_walk
from recovery_tui.store import Repository, StoreError

if TYPE_CHECKING:
    from recovery_tui.domain.history.summaries import DaySummary

# What the UI and the command line catch when a record cannot be read or saved; its
# message is a sentence for the user.
JournalError = StoreError

# How far back readiness and red flags look for check-ins.
LOOKBACK_DAYS = 21
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
    red_flags: list[str]
    has_runs: bool


def open_journal(data_dir: Path, clock: Clock) -> Journal:
    """Open (creating if needed) the records in ``data_dir``; raises JournalError."""
    return Journal(Repository.open(data_dir, clock), clock)


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

    def delete_run(self, run_id: str) -> None:
        self.repo.delete_run(run_id)

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

        return self.repo.update_checkin(day, change), existed

    def checkin(self, day: date) -> CheckIn | None:
        return self.repo.checkin(day)

    def new_checkin_stamp(self) -> tuple[str, str]:
        return self._stamp()

    # -- tasks ---------------------------------------------------------------------------
    def set_task(self, day: date, task_id: str, count: int) -> TaskState:
        return self.repo.set_task_count(day, task_id, count)

    def bump_task(self, day: date, task_id: str, delta: int) -> TaskState:
        spec = plan_rules.plan_for(day, self._runs_touching(day, day)).task(task_id)
        high = spec.max_count if spec is not None else 1
        return self.repo.bump_task(day, task_id, delta, 0, high)

    # -- sessions ------------------------------------------------------------------------
    def save_session(self, record: SessionRecord) -> None:
        """Saved again and again while a session runs; counted once when it ends."""
        before = self._stored_status(record)
        self.repo.save_session(record)
        ended = record.status in (SessionStatus.COMPLETED, SessionStatus.STOPPED)
        if not ended or before in (SessionStatus.COMPLETED, SessionStatus.STOPPED):
            return
        if counts_as_walk(record):
            self.bump_task(record.day, plan_rules.WALKS, 1)
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
    def day_view(self, day: date | None = None) -> DayView:
        day = day or self.today()
        self._seen = self.repo.fingerprint(day)
        runs = self.repo.runs()
        nearby = self._runs_touching(day, day, runs)
        plan = plan_rules.plan_for(day, nearby)
        checkin = self.repo.checkin(day)
        progress = day_progress(plan, self.repo.task_states(day), checkin)
        done, total = done_count(plan, progress)
        recent = self.repo.checkins(day - timedelta(days=LOOKBACK_DAYS), day)
        flags = red_flag_messages(day, nearby, recent)
        return DayView(
            day=day,
            plan=plan,
            progress=progress,
            done=done,
            total=total,
            checkin=checkin,
            readiness=assess_readiness(day, nearby, recent, flags),
            red_flags=flags,
            has_runs=bool(runs),
        )

    def _runs_touching(self, start: date, end: date, runs: list[Run] | None = None) -> list[Run]:
        """Only runs whose window can reach [start, end]: years of history stay cheap."""
        earliest = start - timedelta(days=plan_rules.MAX_WINDOW_DAYS)
        every = self.repo.runs() if runs is None else runs
        return [run for run in every if earliest <= run.day <= end]

    def history(self, start: date, end: date) -> list[DaySummary]:
        # Loaded on first use: Today, the first screen, needs none of it.
        from recovery_tui.domain.history.summaries import NO_RECORDS, summarize_range

        runs = self.repo.runs()
        # A run on or before ``start``: no day shown is before the first record, and the
        # first record need not be looked for (it reads the oldest month file).
        first = None if runs and runs[0].day <= start else (self.first_day() or NO_RECORDS)
        return summarize_range(
            start,
            end,
            self._runs_touching(start, end, runs),
            self.repo.checkins(start, end),
            self.repo.task_states_between(start, end),
            self.repo.sessions(start, end),
            first_day=first,
        )

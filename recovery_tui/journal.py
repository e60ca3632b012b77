"""The one place the app and the command line go through to read and record a day.

It joins the pure rules of ``domain/`` with the repository of ``store/`` so that a
check-in from the CLI and one from the app tick the same tasks in the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.history import DaySummary, summarize_range
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
from recovery_tui.store import Repository

# A walk shorter than this is a stroll to the kitchen, not one of the day's walks.
MIN_WALK_SECONDS = 5 * 60
FULL_STRETCH_SECONDS = 30 * 60
# How far back readiness and red flags look for check-ins.
LOOKBACK_DAYS = 21


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
    runs: list[Run]

    @property
    def has_runs(self) -> bool:
        return bool(self.runs)


class Journal:
    def __init__(self, repo: Repository, clock: Clock) -> None:
        self.repo = repo
        self.clock = clock

    def today(self) -> date:
        return today(self.clock)

    def _stamp(self) -> tuple[str, str]:
        return utc_iso(self.clock.now()), self.clock.tz_name  # type: ignore[attr-defined]

    # -- records -----------------------------------------------------------------------
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

    def save_checkin(self, checkin: CheckIn) -> None:
        self.repo.save_checkin(checkin)
        self.repo.set_task_count(checkin.day, plan_rules.CHECKIN, 1)

    def new_checkin_stamp(self) -> tuple[str, str]:
        return self._stamp()

    def set_task(self, day: date, task_id: str, count: int) -> TaskState:
        return self.repo.set_task_count(day, task_id, count)

    def bump_task(self, day: date, task_id: str, delta: int) -> TaskState:
        view_plan = plan_rules.plan_for(day, self.repo.runs())
        spec = view_plan.task(task_id)
        high = max(1, spec.target * 2) if spec and spec.counted else 1
        return self.repo.bump_task(day, task_id, delta, 0, high)

    def save_session(self, record: SessionRecord) -> None:
        """Saved again and again while a session runs; counted once when it ends."""
        before = self._stored_status(record)
        self.repo.save_session(record)
        ended = record.status in (SessionStatus.COMPLETED, SessionStatus.STOPPED)
        if not ended or before in (SessionStatus.COMPLETED, SessionStatus.STOPPED):
            return
        if record.kind == "walk" and record.actual_seconds >= MIN_WALK_SECONDS:
            self.bump_task(record.day, plan_rules.WALKS, 1)
        if (
            record.kind == "stretch"
            and record.status is SessionStatus.COMPLETED
            and record.planned_seconds >= FULL_STRETCH_SECONDS
        ):
            self.repo.set_task_count(record.day, plan_rules.STRETCH, 1)

    def _stored_status(self, record: SessionRecord) -> SessionStatus | None:
        for stored in self.repo.sessions(record.day, record.day):
            if stored.id == record.id:
                return stored.status
        return None

    # -- views -------------------------------------------------------------------------
    def day_view(self, day: date | None = None) -> DayView:
        day = day or self.today()
        runs = self.repo.runs()
        plan = plan_rules.plan_for(day, runs)
        checkin = self.repo.checkin(day)
        progress = day_progress(plan, self.repo.task_states(day), checkin)
        done, total = done_count(plan, progress)
        recent = self.repo.checkins(day - timedelta(days=LOOKBACK_DAYS), day)
        return DayView(
            day=day,
            plan=plan,
            progress=progress,
            done=done,
            total=total,
            checkin=checkin,
            readiness=assess_readiness(day, runs, recent),
            red_flags=red_flag_messages(day, runs, recent),
            runs=runs,
        )

    def _runs_touching(self, start: date, end: date) -> list[Run]:
        """Only runs whose window can reach [start, end]: years of history stay cheap."""
        earliest = start - timedelta(days=plan_rules.MAX_WINDOW_DAYS)
        return [run for run in self.repo.runs() if earliest <= run.day <= end]

    def history(self, start: date, end: date) -> list[DaySummary]:
        return summarize_range(
            start,
            end,
            self._runs_touching(start, end),
            self.repo.checkins(start, end),
            self.repo.task_states_between(start, end),
            self.repo.sessions(start, end),
        )

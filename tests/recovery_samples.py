"""Small, hand-made recoveries for the tests of outcomes, comparisons, the report and the
widgets: runs and check-ins written out day by day, summarised by the real
``summarize_range`` so every test reads the numbers History shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import pendulum

from recovery_tui.domain.demo import Demo, make_demo
from recovery_tui.domain.history.summaries import DaySummary, summarize_range
from recovery_tui.domain.models import (
    Area,
    CheckIn,
    RedFlag,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    Side,
    StepRecord,
    TaskState,
)

TZ = "Europe/Paris"
STAMP = "2025-03-01T08:00:00.000000Z"
RACE_DAY = date(2025, 3, 2)
# A fixed morning: the demo history ends on Thursday 26 November 2026.
DEMO_NOW = pendulum.datetime(2026, 11, 26, 9, 30, tz=TZ)
DEMO_TODAY = date(2026, 11, 26)


def run(
    day: date,
    km: float = 21.1,
    kind: RunKind = RunKind.RACE,
    effort: int = 8,
    stamp: str = STAMP,
    id: str | None = None,
) -> Run:
    return Run(day, km, effort, kind, time(10, 0), stamp, TZ, id=id or f"{day}-{km}-{kind}")


def checkin(
    day: date,
    soreness: Mapping[Area, int],
    flags: frozenset[RedFlag] = frozenset(),
    note: str = "",
) -> CheckIn:
    return CheckIn(day, dict(soreness), STAMP, TZ, red_flags=flags, note=note)


def session(day: date, kind: str, minutes: float, name: str | None = None) -> SessionRecord:
    return SessionRecord(
        id=f"{day}-{kind}-{minutes}",
        day=day,
        routine_id=kind,
        routine_name=name or kind,
        kind=kind,
        status=SessionStatus.COMPLETED,
        planned_seconds=minutes * 60,
        actual_seconds=minutes * 60,
        started_at=STAMP,
        ended_at=STAMP,
        tz=TZ,
    )


@dataclass
class Story:
    """Records of a few weeks, and their day summaries."""

    runs: list[Run] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    tasks: dict[date, dict[str, TaskState]] = field(default_factory=dict)

    def sore(self, start: date, days: Sequence[Mapping[Area, int] | None]) -> Story:
        """One check-in per entry from ``start`` on (None: no check-in that day)."""
        for i, soreness in enumerate(days):
            if soreness is not None:
                self.checkins.append(checkin(start + timedelta(days=i), soreness))
        return self

    def summaries(self, start: date, end: date) -> list[DaySummary]:
        return summarize_range(start, end, self.runs, self.checkins, self.tasks, self.sessions)


Q, A, C = Area.QUADRICEPS, Area.ANKLES, Area.CALVES


def demo(days: int = 120) -> Demo:
    return make_demo(days, DEMO_NOW, TZ)


def demo_summaries(records: Demo, start: date, end: date) -> list[DaySummary]:
    tasks: dict[date, dict[str, TaskState]] = {}
    for state in records.tasks:
        tasks.setdefault(state.day, {})[state.task_id] = state
    return summarize_range(start, end, records.runs, records.checkins, tasks, records.sessions)


def half_done_stretch() -> SessionRecord:
    """The left side of a sided step done, its right side and the next step skipped."""
    sides = (
        StepRecord("Calf", Side.LEFT, 90, 90, False),
        StepRecord("Calf", Side.RIGHT, 90, 90, False),
        StepRecord("Soleus", Side.LEFT, 90, 90, False),
        StepRecord("Soleus", Side.RIGHT, 90, 0, True),
        StepRecord("Butterfly", None, 90, 0, True),
    )
    return SessionRecord(
        id="s",
        day=date(2025, 5, 5),
        routine_id="stretch-30",
        routine_name="30-minute stretch",
        kind="stretch",
        status=SessionStatus.STOPPED,
        planned_seconds=1800,
        actual_seconds=270,
        started_at="2025-05-05T05:30:00.000000Z",
        ended_at="2025-05-05T05:35:00.000000Z",
        tz="Europe/Paris",
        steps=sides,
    )

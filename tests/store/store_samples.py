"""Sample records for the store tests."""

from __future__ import annotations

from datetime import date

from recovery_tui.domain.models import (
    Area,
    CheckIn,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    Side,
    StepRecord,
)

TZ = "Europe/Amsterdam"


def make_run(day: date, km: float = 21.1, run_id: str | None = None) -> Run:
    extra = {"id": run_id} if run_id else {}
    return Run(
        day=day,
        distance_km=km,
        effort=9,
        kind=RunKind.RACE,
        finish=None,
        recorded_at=f"{day.isoformat()}T10:00:00.000000Z",
        tz=TZ,
        **extra,
    )


def make_checkin(day: date, ankles: int = 6, note: str = "") -> CheckIn:
    return CheckIn(
        day=day,
        soreness={Area.ANKLES: ankles, Area.KNEES: 3},
        recorded_at=f"{day.isoformat()}T07:00:00.000000Z",
        tz=TZ,
        energy=5,
        sleep_hours=7.5,
        cups=4,
        note=note,
    )


def make_session(
    day: date, session_id: str = "s1", status: SessionStatus = SessionStatus.RUNNING
) -> SessionRecord:
    return SessionRecord(
        id=session_id,
        day=day,
        routine_id="stretch-30",
        routine_name="Stretch session",
        kind="stretch",
        status=status,
        planned_seconds=1800.0,
        actual_seconds=120.0,
        started_at=f"{day.isoformat()}T08:00:00.000000Z",
        ended_at=None if status is SessionStatus.RUNNING else f"{day.isoformat()}T08:30:00.000000Z",
        tz=TZ,
        steps=(StepRecord("Calf stretch", Side.LEFT, 60.0, 58.5),),
        position=1,
    )

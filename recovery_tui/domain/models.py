"""The records a user makes: runs, check-ins, task progress and timed sessions.

Every record carries the local day it belongs to (an ISO day key) plus the UTC instant it
was recorded and the timezone name, so a day never moves when the user travels or the
clocks change. ``to_dict``/``from_dict`` give the plain JSON shape the store keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from recovery_tui.domain.stored_values import (
    maybe_instant,
    maybe_number_in,
    maybe_whole_in,
    number_in,
    stored_day,
    stored_instant,
    stored_list,
    stored_text,
    whole_in,
)


class Area(StrEnum):
    ANKLES = "ankles"
    KNEES = "knees"
    HIPS = "hips"
    GLUTES = "glutes"
    ADDUCTORS = "adductors"
    LOWER_BACK = "lower_back"
    CALVES = "calves"
    HAMSTRINGS = "hamstrings"
    QUADRICEPS = "quadriceps"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


AREAS: tuple[Area, ...] = tuple(Area)


class RunKind(StrEnum):
    EASY = "easy"
    LONG = "long"
    RACE = "race"


class StandResult(StrEnum):
    """Single-leg stand: does the pelvis stay level (strong gluteus medius) or drop?"""

    LEVEL = "level"
    DROPPED = "dropped"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class RedFlag(StrEnum):
    """Signs that are more than ordinary soreness (docs/guidance.md, "Red flags")."""

    SHARP_PAIN = "sharp_pain"
    SWELLING = "swelling"
    PAIN_AT_REST = "pain_at_rest"
    WORSE_WHEN_WALKING = "worse_when_walking"
    DARK_URINE = "dark_urine"
    CANNOT_BEAR_WEIGHT = "cannot_bear_weight"
    BONE_POINT_PAIN = "bone_point_pain"
    DIZZINESS = "dizziness_confusion"

    @property
    def label(self) -> str:
        return {
            RedFlag.SHARP_PAIN: "sharp or stabbing pain",
            RedFlag.SWELLING: "swelling",
            RedFlag.PAIN_AT_REST: "pain at rest",
            RedFlag.WORSE_WHEN_WALKING: "pain that worsens when walking",
            RedFlag.DARK_URINE: "dark or cola-coloured urine",
            RedFlag.CANNOT_BEAR_WEIGHT: "unable to bear weight",
            RedFlag.BONE_POINT_PAIN: "pain at one point on a bone",
            RedFlag.DIZZINESS: "dizziness or confusion",
        }[self]

    @property
    def urgent(self) -> bool:
        """Signs that need medical help the same day, not a routine appointment."""
        return self in (RedFlag.DARK_URINE, RedFlag.DIZZINESS, RedFlag.CANNOT_BEAR_WEIGHT)

    @property
    def whole_body(self) -> bool:
        """Signs of the whole body, not of one painful place: injury care (rest the area,
        ice it) does not answer them, and no exercise should come before they are seen."""
        return self in (RedFlag.DARK_URINE, RedFlag.DIZZINESS)


def new_id() -> str:
    import uuid  # only when a record is made, not at start-up

    return uuid.uuid4().hex


def utc_iso(moment: datetime) -> str:
    """An aware datetime as a UTC ISO instant ending in Z."""
    if moment.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    from datetime import UTC

    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> datetime:
    from datetime import UTC

    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


# Bounds of what a stored run may say: ten days of moving, a descent deeper than any
# mountain race (Everest from its summit to the sea twice).
MAX_MOVING_SECONDS = 10 * 24 * 3600
MAX_DESCENT_M = 20_000


@dataclass(frozen=True, slots=True)
class Run:
    day: date
    distance_km: float
    effort: int
    kind: RunKind
    finish: time | None
    recorded_at: str  # UTC ISO instant
    tz: str
    id: str = field(default_factory=new_id)
    # A run taken from a watch file: when it started (UTC ISO instant) and the file's
    # format, so that the same run imported again is recognised. None when logged by hand;
    # then the keys are left out, and runs stored before they existed read the same.
    started_at: str | None = None
    source: str | None = None
    # What the file also tells the recovery window (domain/window.py): time on the feet
    # and the metres run downhill. None when logged by hand or not in the file.
    moving_seconds: float | None = None
    descent_m: float | None = None

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "day": self.day.isoformat(),
            "distance_km": self.distance_km,
            "effort": self.effort,
            "kind": self.kind.value,
            "finish": self.finish.strftime("%H:%M") if self.finish else None,
            "recorded_at": self.recorded_at,
            "tz": self.tz,
        }
        if self.started_at is not None:
            doc["started_at"] = self.started_at
        if self.source is not None:
            doc["source"] = self.source
        if self.moving_seconds is not None:
            doc["moving_seconds"] = self.moving_seconds
        if self.descent_m is not None:
            doc["descent_m"] = self.descent_m
        return doc

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Run:
        finish = d.get("finish")
        source = d.get("source")
        return cls(
            id=stored_text(d["id"], "id"),
            day=stored_day(d["day"]),
            distance_km=float(number_in(d["distance_km"], 0, 1000, "distance_km")),
            effort=whole_in(d["effort"], 1, 10, "effort"),
            kind=RunKind(d["kind"]),
            finish=time.fromisoformat(stored_text(finish, "finish")) if finish else None,
            recorded_at=stored_instant(d["recorded_at"], "recorded_at"),
            tz=stored_text(d["tz"], "tz"),
            started_at=maybe_instant(d.get("started_at"), "started_at"),
            source=None if source is None else stored_text(source, "source"),
            moving_seconds=maybe_number_in(
                d.get("moving_seconds"), 0, MAX_MOVING_SECONDS, "moving_seconds"
            ),
            descent_m=maybe_number_in(d.get("descent_m"), 0, MAX_DESCENT_M, "descent_m"),
        )


@dataclass(frozen=True, slots=True)
class CheckIn:
    day: date
    soreness: dict[Area, int]
    recorded_at: str
    tz: str
    energy: int | None = None
    sleep_hours: float | None = None
    cups: int | None = None
    stand: dict[Side, StandResult] = field(default_factory=dict)
    red_flags: frozenset[RedFlag] = frozenset()
    note: str = ""

    @property
    def max_soreness(self) -> int | None:
        """The highest level entered; None when no area was entered (unknown, not 0)."""
        return max(self.soreness.values(), default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "soreness": {a.value: n for a, n in self.soreness.items()},
            "energy": self.energy,
            "sleep_hours": self.sleep_hours,
            "cups": self.cups,
            "stand": {s.value: r.value for s, r in self.stand.items()},
            "red_flags": sorted(f.value for f in self.red_flags),
            "note": self.note,
            "recorded_at": self.recorded_at,
            "tz": self.tz,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CheckIn:
        return cls(
            day=stored_day(d["day"]),
            soreness={
                Area(a): whole_in(n, 0, 10, "soreness") for a, n in d.get("soreness", {}).items()
            },
            energy=maybe_whole_in(d.get("energy"), 0, 10, "energy"),
            sleep_hours=maybe_number_in(d.get("sleep_hours"), 0, 24, "sleep_hours"),
            cups=maybe_whole_in(d.get("cups"), 0, 1000, "cups"),
            stand={Side(s): StandResult(r) for s, r in d.get("stand", {}).items()},
            red_flags=frozenset(
                RedFlag(f) for f in stored_list(d.get("red_flags", []), "red_flags")
            ),
            note=stored_text(d.get("note", ""), "note"),
            recorded_at=stored_instant(d["recorded_at"], "recorded_at"),
            tz=stored_text(d["tz"], "tz"),
        )


@dataclass(frozen=True, slots=True)
class TaskState:
    """How far a day's task has got: ``count`` is 0/1 for a plain task, n for a counted one."""

    day: date
    task_id: str
    count: int
    updated_at: str
    tz: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "task_id": self.task_id,
            "count": self.count,
            "updated_at": self.updated_at,
            "tz": self.tz,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TaskState:
        return cls(
            day=stored_day(d["day"]),
            task_id=stored_text(d["task_id"], "task_id"),
            count=whole_in(d["count"], 0, 100_000, "count"),
            updated_at=stored_instant(d["updated_at"], "updated_at"),
            tz=stored_text(d["tz"], "tz"),
        )


class SessionStatus(StrEnum):
    RUNNING = "running"  # still going, or the process died mid-way (offer resume)
    COMPLETED = "completed"
    STOPPED = "stopped"  # the user stopped early
    DISCARDED = "discarded"


@dataclass(frozen=True, slots=True)
class StepRecord:
    name: str
    side: Side | None
    planned_seconds: float
    actual_seconds: float
    skipped: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "side": self.side.value if self.side else None,
            "planned_seconds": self.planned_seconds,
            "actual_seconds": self.actual_seconds,
            "skipped": self.skipped,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StepRecord:
        skipped = d.get("skipped", False)
        if not isinstance(skipped, bool):
            raise ValueError(f"skipped is not true or false: {skipped!r}")
        return cls(
            name=stored_text(d["name"], "step name"),
            side=Side(d["side"]) if d.get("side") else None,
            planned_seconds=float(number_in(d["planned_seconds"], 0, 1e7, "planned_seconds")),
            actual_seconds=float(number_in(d["actual_seconds"], 0, 1e7, "actual_seconds")),
            skipped=skipped,
        )


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A timed session (walk, stretch, routine) as saved, also while it is still running."""

    id: str
    day: date
    routine_id: str
    routine_name: str
    kind: str  # "walk", "stretch" or "routine"
    status: SessionStatus
    planned_seconds: float
    actual_seconds: float
    started_at: str  # UTC ISO instant (wall clock)
    ended_at: str | None
    tz: str
    steps: tuple[StepRecord, ...] = ()
    position: int = 0  # index of the current step, for resuming

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "routine_id": self.routine_id,
            "routine_name": self.routine_name,
            "kind": self.kind,
            "status": self.status.value,
            "planned_seconds": self.planned_seconds,
            "actual_seconds": self.actual_seconds,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "tz": self.tz,
            "steps": [s.to_dict() for s in self.steps],
            "position": self.position,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SessionRecord:
        from recovery_tui.domain.routines import KINDS  # routines imports this module

        kind = stored_text(d["kind"], "kind")
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        return cls(
            id=stored_text(d["id"], "id"),
            day=stored_day(d["day"]),
            routine_id=stored_text(d["routine_id"], "routine_id"),
            routine_name=stored_text(d["routine_name"], "routine_name"),
            kind=kind,
            status=SessionStatus(d["status"]),
            planned_seconds=float(number_in(d["planned_seconds"], 0, 1e7, "planned_seconds")),
            actual_seconds=float(number_in(d["actual_seconds"], 0, 1e7, "actual_seconds")),
            started_at=stored_instant(d["started_at"], "started_at"),
            ended_at=maybe_instant(d.get("ended_at"), "ended_at"),
            tz=stored_text(d["tz"], "tz"),
            steps=tuple(StepRecord.from_dict(s) for s in stored_list(d.get("steps", []), "steps")),
            position=whole_in(d.get("position", 0), 0, 100_000, "position"),
        )

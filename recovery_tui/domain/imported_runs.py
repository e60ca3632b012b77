"""A run recorded by a watch or a phone, made into a run of the plan.

The run belongs to the day it finished, at the minute it finished, in the file's own
offset when the file says where it was, else in the user's zone (most GPX and TCX files
write UTC only). Its kind comes from its distance (``run_defaults.default_kind``); its
effort from the heart rate when the user has set a maximum, else the kind's usual effort
(``effort.estimate_effort``). Its start and the file's format are kept on the run so that
the same run imported again, from the same file or another export of it, is recognised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from recovery_tui.domain import validation as v
from recovery_tui.domain.activity import Activity, same_start_and_distance
from recovery_tui.domain.effort import estimate_effort
from recovery_tui.domain.models import Run, utc_iso
from recovery_tui.domain.run_defaults import default_kind
from recovery_tui.domain.stored_values import FIRST_YEAR

# What a file's sport is called when it is a run, lower-cased (GPX types, TCX "Running",
# FIT sport names); anything else is said beside the run, in case it was a ride.
RUNNING_SPORTS = frozenset({"running", "run", "trail_running", "trail running", "1"})


class NotARun(ValueError):
    """The activity cannot be a run of the plan; ``str()`` says why, after the file name."""


@dataclass(frozen=True, slots=True)
class RunFromFile:
    run: Run
    effort_basis: str  # the sentence saying where the effort comes from
    activity: Activity
    max_heart_rate: int | None = None  # the user's setting the effort was estimated with

    @property
    def needs_max_heart_rate(self) -> bool:
        """The file has a heart rate that a maximum would turn into the effort."""
        return self.activity.avg_hr is not None and self.max_heart_rate is None

    @property
    def other_sport(self) -> str | None:
        """The file's sport when it is known and not running."""
        sport = self.activity.sport
        return sport if sport is not None and sport not in RUNNING_SPORTS else None


def local_times(activity: Activity, zone: tzinfo) -> tuple[datetime, datetime]:
    """Start and finish where the runner was: the file's offset when it says, else ``zone``."""
    if activity.local_offset_known:
        return activity.start, activity.finish
    return activity.start.astimezone(zone), activity.finish.astimezone(zone)


def run_from_activity(
    activity: Activity,
    *,
    zone: tzinfo,
    today: date,
    max_heart_rate: int | None,
    recorded_at: str,
    tz: str,
) -> RunFromFile:
    """The run ``activity`` records; NotARun when its distance or its day cannot be one."""
    _start, finish = local_times(activity, zone)
    distance = round(activity.distance_km, v.DISTANCE_DECIMALS)
    if not v.MIN_DISTANCE_KM <= distance <= v.MAX_DISTANCE_KM:
        raise NotARun(
            f"records {activity.distance_km:.2f} km; a run is from {v.MIN_DISTANCE_KM:g} to "
            f"{v.MAX_DISTANCE_KM:g} km: log it by hand if the file is wrong."
        )
    if finish.date() > today:
        raise NotARun(
            f"finished on {finish.date().isoformat()}, after today: check the clock of the "
            "device that recorded it."
        )
    if finish.year < FIRST_YEAR:
        raise NotARun(f"is dated {finish.date().isoformat()}: check the device's clock.")
    kind = default_kind(distance)
    estimate = estimate_effort(kind, activity.avg_hr, max_heart_rate)
    run = Run(
        day=finish.date(),
        distance_km=distance,
        effort=estimate.effort,
        kind=kind,
        finish=finish.time().replace(second=0, microsecond=0, tzinfo=None),
        recorded_at=recorded_at,
        tz=tz,
        started_at=utc_iso(activity.start),
        source=activity.source_format.value,
        moving_seconds=round(activity.moving_seconds, 1) if activity.moving_seconds > 0 else None,
        descent_m=None if activity.descent_m is None else round(activity.descent_m, 1),
    )
    return RunFromFile(run, estimate.basis, activity, max_heart_rate)


def same_run_in(activity: Activity, runs: Iterable[Run]) -> Run | None:
    """The run already stored that ``activity`` records (same start and distance, as
    ``activity.same_activity`` judges two files), if any; runs logged by hand have no start
    and are never taken for it."""
    for run in runs:
        if run.started_at is None:
            continue
        started = datetime.fromisoformat(run.started_at)
        if same_start_and_distance(started, run.distance_km, activity.start, activity.distance_km):
            return run
    return None

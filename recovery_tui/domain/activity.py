"""A run as a watch or phone recorded it (from a GPX, TCX or FIT file), and when two such
records are the same run.

Times keep the offset the file gave them. Most GPX and TCX files write UTC ("Z") and say
nothing about where the runner was; ``local_offset_known`` is then False and the caller
shows the times in the user's own zone. A FIT file gives the device's local offset, and a
GPX or TCX time written with a non-zero offset gives that offset.

Anything a file does not record (elevation, heart rate, laps, sport) is None, never 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from recovery_tui.domain.text import one_line

# Heart rates outside this range are sensor dropouts (a strap reads 0 while it settles) or
# noise, not a heartbeat.
MIN_HR, MAX_HR = 25, 250

# The same run exported twice (a FIT from the watch, a GPX from the app it synced to) starts
# within seconds, but apps may trim the first stationary seconds; two different runs of one
# person cannot start within two minutes of each other unless the first lasted less than that,
# which the distance check then tells apart.
SAME_START_SECONDS = 120
# A GPX distance is recomputed from the points while a watch corrects its own with the
# accelerometer: the two differ by a percent or two, more on short runs.
SAME_DISTANCE_SHARE = 0.03
SAME_DISTANCE_KM = 0.2
MAX_SPORT_CHARS = 40


class SourceFormat(StrEnum):
    GPX = "gpx"
    TCX = "tcx"
    FIT = "fit"


@dataclass(frozen=True, slots=True)
class Activity:
    start: datetime
    finish: datetime
    distance_km: float
    moving_seconds: float
    source_format: SourceFormat
    local_offset_known: bool = False
    ascent_m: float | None = None
    descent_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    laps: int | None = None
    sport: str | None = None

    def __post_init__(self) -> None:
        if self.start.utcoffset() is None or self.finish.utcoffset() is None:
            raise ValueError("start and finish must carry their offset")
        if self.finish < self.start:
            raise ValueError("the run finishes before it starts")
        _at_least(self.distance_km, 0, "distance")
        _at_least(self.moving_seconds, 0, "moving time")
        if self.moving_seconds > self.elapsed_seconds + 1:
            raise ValueError("the moving time is longer than the whole run")
        for value, what in ((self.ascent_m, "ascent"), (self.descent_m, "descent")):
            if value is not None:
                _at_least(value, 0, what)
        for hr, what in ((self.avg_hr, "average heart rate"), (self.max_hr, "maximum heart rate")):
            if hr is not None and not MIN_HR <= hr <= MAX_HR:
                raise ValueError(f"{what} {hr} is not a heartbeat")
        if self.laps is not None and self.laps < 1:
            raise ValueError(f"{self.laps} laps")

    @property
    def elapsed_seconds(self) -> float:
        """From start to finish, pauses included."""
        return (self.finish - self.start).total_seconds()

    @property
    def zone(self) -> str:
        """The offset's name: 'UTC', 'UTC+02:00'."""
        return self.start.tzname() or "UTC"


def _at_least(value: float, low: float, what: str) -> None:
    if not math.isfinite(value) or value < low:
        raise ValueError(f"{what} {value!r} is out of range")


def same_start_and_distance(start_a: datetime, km_a: float, start_b: datetime, km_b: float) -> bool:
    """Two records of one run: starts (aware, any offsets) within ``SAME_START_SECONDS``
    and distances within ``SAME_DISTANCE_SHARE`` of the longer, or ``SAME_DISTANCE_KM``."""
    if abs((start_a - start_b).total_seconds()) > SAME_START_SECONDS:
        return False
    return abs(km_a - km_b) <= max(SAME_DISTANCE_KM, SAME_DISTANCE_SHARE * max(km_a, km_b))


def same_activity(a: Activity, b: Activity) -> bool:
    """The same run read twice, from the same file or from two exports of it."""
    return same_start_and_distance(a.start, a.distance_km, b.start, b.distance_km)


def heart_rate_summary(samples: Iterable[float]) -> tuple[int | None, int | None]:
    """Average and maximum of the plausible samples (rounded), or (None, None) without any.

    The average is over samples, as the apps that write GPX and TCX points record them at a
    steady rate while moving."""
    count, total, highest = 0, 0.0, 0.0
    for bpm in samples:
        if MIN_HR <= bpm <= MAX_HR:  # NaN fails both
            count, total, highest = count + 1, total + bpm, max(highest, bpm)
    if not count:
        return None, None
    return math.floor(total / count + 0.5), math.floor(highest + 0.5)


def sport_name(raw: object) -> str | None:
    """A file's sport ("Running", "running", "9") as one short lower-case line, or None."""
    if raw is None:
        return None
    name = one_line(str(raw)).lower()[:MAX_SPORT_CHARS].strip()
    return name or None

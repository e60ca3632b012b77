"""A run from a TCX file (Garmin Training Center XML), read with the standard library.

The file is streamed (``iterparse``) and each track point dropped once read, so a long run
costs little memory. Laps carry what the device measured: the timer time (pauses
excluded) and the distance; track points carry time, altitude, distance and heart rate.
Times keep their offset ("Z" is UTC). Elements are matched by local name, in any namespace.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from xml.etree.ElementTree import Element

from recovery_tui.domain.activity import Activity, SourceFormat, heart_rate_summary, sport_name
from recovery_tui.services.activity_files import errors
from recovery_tui.services.activity_files.gpx import climb
from recovery_tui.services.activity_files.offsets import in_own_offset, states_local_offset


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _number(text: str | None) -> float | None:
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _time(text: str | None) -> datetime | None:
    if text is None or not text.strip():
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise errors.damaged(f"time '{text.strip()}'") from None


@dataclass
class _Lap:
    start: datetime | None
    seconds: float | None
    metres: float | None
    avg_hr: float | None
    max_hr: float | None


@dataclass
class _Reading:
    max_points: int
    activities: int = 0
    courses: int = 0
    sport: str | None = None
    activity_id: datetime | None = None
    points: int = 0
    first_time: datetime | None = None
    last_time: datetime | None = None
    last_metres: float | None = None
    altitudes: list[float] = field(default_factory=list)
    heart_rates: list[float] = field(default_factory=list)
    laps: list[_Lap] = field(default_factory=list)

    def point(self, element: Element, keep: bool) -> None:
        self.points += 1
        if self.points > self.max_points:
            raise errors.too_many_points(self.max_points)
        if not keep:
            return
        when = _time(element.findtext("{*}Time"))
        if when is not None:
            self.first_time = self.first_time or when
            self.last_time = when
        for value, into in (
            (_number(element.findtext("{*}AltitudeMeters")), self.altitudes),
            (_number(element.findtext("{*}HeartRateBpm/{*}Value")), self.heart_rates),
        ):
            if value is not None:
                into.append(value)
        metres = _number(element.findtext("{*}DistanceMeters"))
        if metres is not None:
            self.last_metres = max(metres, self.last_metres or 0.0)

    def lap(self, element: Element) -> None:
        self.laps.append(
            _Lap(
                start=_time(element.get("StartTime")),
                seconds=_number(element.findtext("{*}TotalTimeSeconds")),
                metres=_number(element.findtext("{*}DistanceMeters")),
                avg_hr=_number(element.findtext("{*}AverageHeartRateBpm/{*}Value")),
                max_hr=_number(element.findtext("{*}MaximumHeartRateBpm/{*}Value")),
            )
        )


def _stream(data: bytes, reading: _Reading) -> None:
    from xml.etree.ElementTree import ParseError, iterparse

    inside: list[str] = []  # the open Activity and Course elements
    try:
        for event, element in iterparse(io.BytesIO(data), events=("start", "end")):
            tag = _local(element.tag)
            if tag not in ("Activity", "Course", "Trackpoint", "Lap"):
                continue
            if event == "start":
                if tag in ("Activity", "Course"):
                    inside.append(tag)
                continue
            # Only the first activity is read; a second one makes the file refused anyway.
            first_activity = inside == ["Activity"] and reading.activities == 0
            if tag == "Trackpoint":
                reading.point(element, keep=first_activity)
            elif tag == "Lap":
                if first_activity:
                    reading.lap(element)
            else:
                inside.pop()
                if tag == "Course":
                    reading.courses += 1
                else:
                    reading.activities += 1
                    reading.sport = reading.sport or element.get("Sport")
                    reading.activity_id = reading.activity_id or _time(element.findtext("{*}Id"))
            element.clear()
    except (ParseError, LookupError) as error:  # LookupError: an unknown encoding
        raise errors.damaged(error) from None


def read_tcx(data: bytes, max_points: int) -> Activity:
    reading = _Reading(max_points)
    _stream(data, reading)
    if reading.activities > 1:
        raise errors.several(reading.activities)
    if not reading.activities:
        raise errors.course_only() if reading.courses else errors.no_track()

    laps = reading.laps
    starts = [t for t in (laps[0].start if laps else None, reading.first_time) if t]
    first = starts[0] if starts else reading.activity_id
    if first is None:
        raise errors.no_times()
    start = in_own_offset(first)
    ends = [in_own_offset(reading.last_time)] if reading.last_time else [start]
    ends += [
        in_own_offset(lap.start) + timedelta(seconds=lap.seconds)
        for lap in laps
        if lap.start and lap.seconds is not None
    ]
    finish = max(ends).astimezone(start.tzinfo)
    elapsed = (finish - start).total_seconds()

    lap_metres = [lap.metres for lap in laps if lap.metres is not None]
    metres = sum(lap_metres) if lap_metres else reading.last_metres
    if metres is None:
        raise errors.no_distance()
    lap_seconds = [lap.seconds for lap in laps if lap.seconds is not None]
    moving = min(sum(lap_seconds), elapsed) if lap_seconds else elapsed

    avg_hr, max_hr = heart_rate_summary(reading.heart_rates)
    if avg_hr is None:
        avg_hr, max_hr = _lap_heart_rate(laps)
    ascent, descent = climb(reading.altitudes)
    return Activity(
        start=start,
        finish=finish,
        distance_km=metres / 1000,
        moving_seconds=moving,
        source_format=SourceFormat.TCX,
        local_offset_known=states_local_offset(first),
        ascent_m=ascent,
        descent_m=descent,
        avg_hr=avg_hr,
        max_hr=max_hr,
        laps=len(laps) or None,
        sport=sport_name(reading.sport),
    )


def _lap_heart_rate(laps: list[_Lap]) -> tuple[int | None, int | None]:
    """Without per-point heart rate: the laps' averages weighted by their time."""
    timed = [(lap.avg_hr, lap.seconds) for lap in laps if lap.avg_hr and lap.seconds]
    total = sum(seconds for _, seconds in timed)
    average = [sum(hr * s for hr, s in timed) / total] if total else []
    top = heart_rate_summary(lap.max_hr for lap in laps if lap.max_hr)[1]
    return heart_rate_summary(average)[0], top

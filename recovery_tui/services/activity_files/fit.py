"""A run from a FIT file (Garmin's Flexible and Interoperable Data Transfer), read with
fitdecode, CRCs checked.

The session message holds what the device measured: start, elapsed and timer time (pauses
excluded), distance, ascent and descent, average and maximum heart rate, sport. Records
fill in what a session leaves out. FIT times are UTC; the device's local offset is the
activity message's ``local_timestamp`` minus its ``timestamp``. A file with several
sessions (a multisport activity, or chained FIT files) holds several activities.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from recovery_tui.domain.activity import Activity, SourceFormat, heart_rate_summary, sport_name
from recovery_tui.services.activity_files import errors
from recovery_tui.services.activity_files.gpx import climb
from recovery_tui.services.activity_files.offsets import fit_local_offset, zone_for

if TYPE_CHECKING:
    from fitdecode import FitDataMessage

_FIELDS = {
    "session": (
        "start_time", "timestamp", "total_elapsed_time", "total_timer_time", "total_distance",
        "total_ascent", "total_descent", "avg_heart_rate", "max_heart_rate", "sport",
    ),
    "activity": ("timestamp", "local_timestamp"),
    "file_id": ("type",),
}  # fmt: skip
# Besides its records, a watch writes a few messages per second at most (heart-rate
# variability, events); a file of millions of tiny messages would take minutes to decode.
MESSAGES_PER_POINT = 3


@dataclass
class _Reading:
    max_points: int
    messages: int = 0
    file_types: list[object] = field(default_factory=list)
    sessions: list[dict[str, object]] = field(default_factory=list)
    activity: dict[str, object] = field(default_factory=dict)
    laps: int = 0
    records: int = 0
    first_time: datetime | None = None
    last_metres: float | None = None
    altitudes: list[float | None] = field(default_factory=list)
    heart_rates: list[float] = field(default_factory=list)

    def take(self, message: FitDataMessage) -> None:
        self.messages += 1
        if self.messages > self.max_points * MESSAGES_PER_POINT:
            raise errors.too_many_parts(self.max_points * MESSAGES_PER_POINT, "FIT messages")
        name = message.name
        if name == "record":
            self.record(message)
        elif name == "lap":
            self.laps += 1
        elif name in _FIELDS:
            values = {f: message.get_value(f, fallback=None) for f in _FIELDS[name]}
            if name == "session":
                self.sessions.append(values)
            elif name == "activity":
                self.activity = values
            else:
                self.file_types.append(values["type"])

    def record(self, message: FitDataMessage) -> None:
        self.records += 1
        if self.records > self.max_points:
            raise errors.too_many_points(self.max_points)
        when = _aware(message.get_value("timestamp", fallback=None))
        self.first_time = self.first_time or when
        metres = _float(message.get_value("distance", fallback=None))
        if metres is not None:
            self.last_metres = max(metres, self.last_metres or 0.0)
        altitude = _float(message.get_value("enhanced_altitude", fallback=None))
        if altitude is None:
            altitude = _float(message.get_value("altitude", fallback=None))
        self.altitudes.append(altitude)
        heart_rate = _float(message.get_value("heart_rate", fallback=None))
        if heart_rate is not None:
            self.heart_rates.append(heart_rate)


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _maybe(value: float | None) -> list[float]:
    return [] if value is None else [value]


def _aware(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _decode(data: bytes, reading: _Reading) -> None:
    import fitdecode

    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as fit:
            for frame in fit:
                if isinstance(frame, fitdecode.FitDataMessage):
                    reading.take(frame)
    except fitdecode.FitEOFError:
        raise errors.damaged("the file ends early") from None
    except fitdecode.FitCRCError:
        raise errors.damaged("checksum mismatch") from None
    except (fitdecode.FitError, struct.error, LookupError, TypeError, ValueError) as e:
        raise errors.damaged(e) from None
    except AssertionError:  # fitdecode checks some lengths with assert
        raise errors.damaged("a record runs past the end of the data") from None


def read_fit(data: bytes, max_points: int) -> Activity:
    reading = _Reading(max_points)
    _decode(data, reading)
    if not reading.messages:
        raise errors.empty()
    others = [t for t in reading.file_types if t != "activity"]
    if others and len(others) == len(reading.file_types):
        raise errors.other_fit(others[0])
    if len(reading.sessions) > 1:
        raise errors.several(len(reading.sessions))
    if not reading.sessions:
        raise errors.no_session()
    session = reading.sessions[0]

    utc_start = _aware(session["start_time"]) or reading.first_time
    if utc_start is None:
        raise errors.no_times()
    elapsed = _float(session["total_elapsed_time"])
    end = _aware(session["timestamp"])
    utc_finish = utc_start + timedelta(seconds=elapsed) if elapsed is not None else end
    utc_finish = utc_finish or utc_start
    metres = _float(session["total_distance"])
    metres = metres if metres is not None else reading.last_metres
    if metres is None:
        raise errors.no_distance()

    offset = _local_offset(reading.activity)
    zone = zone_for(offset or timedelta(0))
    seconds = (utc_finish - utc_start).total_seconds()
    timer = _float(session["total_timer_time"])
    ascent, descent = _float(session["total_ascent"]), _float(session["total_descent"])
    if ascent is None and descent is None:
        ascent, descent = climb(reading.altitudes)
    avg_hr, max_hr = heart_rate_summary(reading.heart_rates)
    session_avg = heart_rate_summary(_maybe(_float(session["avg_heart_rate"])))[0]
    session_max = heart_rate_summary(_maybe(_float(session["max_heart_rate"])))[1]
    return Activity(
        start=utc_start.astimezone(zone),
        finish=utc_finish.astimezone(zone),
        distance_km=metres / 1000,
        moving_seconds=min(timer, seconds) if timer is not None else seconds,
        source_format=SourceFormat.FIT,
        local_offset_known=offset is not None,
        ascent_m=ascent,
        descent_m=descent,
        avg_hr=session_avg if session_avg is not None else avg_hr,
        max_hr=session_max if session_max is not None else max_hr,
        laps=reading.laps or None,
        sport=sport_name(session["sport"]),
    )


def _local_offset(activity: dict[str, object]) -> timedelta | None:
    utc, local = _aware(activity.get("timestamp")), _aware(activity.get("local_timestamp"))
    if utc is None or local is None:
        return None
    return fit_local_offset(utc, local)

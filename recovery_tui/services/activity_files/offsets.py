"""Times kept in the offset the file gave them, as fixed-offset ``datetime.timezone``s.

GPX and TCX times end in "Z" (UTC) or carry an offset such as "+02:00"; a time with
neither is UTC, as both formats define their times. FIT times are UTC and the device's
local time comes beside them, in the activity message's ``local_timestamp``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

# Real offsets run from UTC-12:00 to UTC+14:00, in steps of 15 minutes at the finest.
MAX_OFFSET = timedelta(hours=14)
OFFSET_STEP = timedelta(minutes=15)


def zone_for(offset: timedelta) -> timezone:
    if abs(offset) > MAX_OFFSET:
        raise ValueError(f"an offset of {offset} from UTC")
    return UTC if not offset else timezone(offset)


def in_own_offset(moment: datetime) -> datetime:
    """``moment`` with its offset as a ``datetime.timezone`` (UTC when it has none)."""
    offset = moment.utcoffset()
    return moment.replace(tzinfo=zone_for(offset) if offset is not None else UTC)


def states_local_offset(moment: datetime) -> bool:
    """Whether a GPX or TCX time says where it was: "Z" and "+00:00" say nothing."""
    offset = moment.utcoffset()
    return offset is not None and offset != timedelta(0)


def fit_local_offset(utc: datetime, local: datetime) -> timedelta | None:
    """The device's offset from its ``local_timestamp`` beside a UTC ``timestamp``, rounded
    to 15 minutes (the two are seconds apart on some devices); None when implausible."""
    raw = local.replace(tzinfo=None) - utc.replace(tzinfo=None)
    steps = round(raw / OFFSET_STEP)
    offset = steps * OFFSET_STEP
    return offset if abs(offset) <= MAX_OFFSET else None

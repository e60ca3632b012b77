"""Clocks are injected everywhere so that days, midnight and timers are testable."""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pendulum


class Clock(Protocol):
    """Wall-clock time in the user's timezone, plus a monotonic clock for timers."""

    @property
    def tz_name(self) -> str: ...

    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    """The machine's clock in its local timezone.

    ``now()`` is the standard library's local time (the system applies the timezone's
    rules), so start-up does not wait for pendulum; pendulum names the timezone the first
    time a record needs it."""

    def __init__(self, tz: str | None = None) -> None:
        self._tz_name = tz
        self._zone = None
        if tz is not None:
            from zoneinfo import ZoneInfo

            self._zone = ZoneInfo(tz)

    @property
    def tz_name(self) -> str:
        if self._tz_name is None:
            self._tz_name = _local_zone_name(self.now())
        return self._tz_name

    def now(self) -> datetime:
        if self._zone is not None:
            return datetime.now(self._zone)
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


# Where the system names its zone when ``TZ`` does not: a link into the zone database.
LOCALTIME = "/etc/localtime"
ZONE_FILE = "/etc/timezone"  # Debian's plain-text name, for a copied /etc/localtime


def _zone_candidates() -> list[str]:
    candidates = []
    tz = os.environ.get("TZ")
    if tz:
        candidates.append(tz.removeprefix(":"))
    try:
        target = os.path.realpath(LOCALTIME)
    except OSError:
        target = ""
    if "/zoneinfo/" in target:
        candidates.append(target.split("/zoneinfo/", 1)[1])
    try:
        with open(ZONE_FILE, encoding="utf-8") as named:
            candidates.append(named.read().strip())
    except OSError:
        pass
    return [name for name in candidates if name]


def _local_zone_name(now: datetime) -> str:
    """The IANA name of the local timezone (``TZ``, else the zone ``/etc/localtime`` links
    to, else ``/etc/timezone``), from the standard library's zone database, unless it
    disagrees with the offset the system is using, as with a POSIX ``TZ`` rule: then that
    rule's own name."""
    from zoneinfo import ZoneInfo

    for name in _zone_candidates():
        try:
            zone = ZoneInfo(name)
        except (KeyError, ValueError, OSError):  # a POSIX rule, or a zone not installed
            continue
        if now.astimezone(zone).utcoffset() == now.utcoffset():
            return name
        break
    return now.tzname() or "UTC"


class FakeClock:
    """A clock that only moves when told: wall time and monotonic time advance together
    unless a test jumps one of them on its own (a laptop sleep, a wall-clock change)."""

    def __init__(self, start: pendulum.DateTime, monotonic_start: float = 1000.0) -> None:
        # pendulum.DateTime, for its timezone name and exact arithmetic across DST
        self._now = start
        self._mono = monotonic_start

    @property
    def tz_name(self) -> str:
        return self._now.timezone_name or "UTC"

    def now(self) -> pendulum.DateTime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now = self._now.add(microseconds=round(seconds * 1_000_000))
        self._mono += seconds

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock (NTP correction, DST, user changing the time)."""
        self._now = self._now.add(microseconds=round(seconds * 1_000_000))

    def set(self, moment: pendulum.DateTime) -> None:
        self._now = moment


def today(clock: Clock) -> date:
    now = clock.now()
    return date(now.year, now.month, now.day)

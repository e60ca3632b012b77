"""Clocks are injected everywhere so that days, midnight and timers are testable."""

from __future__ import annotations

import time
from datetime import date
from typing import Protocol

import pendulum


class Clock(Protocol):
    """Wall-clock time in the user's timezone, plus a monotonic clock for timers."""

    @property
    def tz_name(self) -> str: ...

    def now(self) -> pendulum.DateTime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def __init__(self, tz: str | None = None) -> None:
        self._tz = pendulum.timezone(tz) if tz else pendulum.local_timezone()

    @property
    def tz_name(self) -> str:
        return self._tz.name

    def now(self) -> pendulum.DateTime:
        return pendulum.now(self._tz)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told: wall time and monotonic time advance together
    unless a test jumps one of them on its own (a laptop sleep, a wall-clock change)."""

    def __init__(self, start: pendulum.DateTime, monotonic_start: float = 1000.0) -> None:
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

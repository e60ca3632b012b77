"""Runs and check-ins for the day-model tests, on days counted from a race."""

from __future__ import annotations

from datetime import date, timedelta

from recovery_tui.domain.models import Area, CheckIn, RedFlag, Run, RunKind, Side, StandResult

RACE_DAY = date(2026, 4, 12)


def on(offset: int) -> date:
    return RACE_DAY + timedelta(days=offset)


def run(
    km: float = 21.1,
    effort: int = 8,
    kind: RunKind = RunKind.RACE,
    day: date = RACE_DAY,
    recorded_at: str = "2026-04-12T10:00:00.000000Z",
) -> Run:
    return Run(day, km, effort, kind, None, recorded_at, "Europe/Paris")


HALF = run()
MARATHON = run(km=42.2)


def checkin(
    offset: int,
    *,
    flags: frozenset[RedFlag] = frozenset(),
    stand: dict[Side, StandResult] | None = None,
    energy: int | None = None,
    sleep: float | None = None,
    rest: int | None = None,
    **sore: int,
) -> CheckIn:
    """``rest``: the level of every area not named (None: those are not entered)."""
    day = on(offset)
    others = {} if rest is None else dict.fromkeys(Area, rest)
    return CheckIn(
        day=day,
        soreness=others | {Area(a): n for a, n in sore.items()},
        recorded_at=f"{day.isoformat()}T08:00:00.000000Z",
        tz="UTC",
        energy=energy,
        sleep_hours=sleep,
        stand=stand or {},
        red_flags=flags,
    )


def curve(area: str, levels: list[int | None]) -> list[CheckIn]:
    """Check-ins on days 1, 2, 3... with ``area`` at each level (None: no check-in)."""
    return [checkin(i + 1, **{area: n}) for i, n in enumerate(levels) if n is not None]

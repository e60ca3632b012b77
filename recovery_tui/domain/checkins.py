"""Merging a partial check-in (what the command line was given) into the day's check-in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from recovery_tui.domain.models import Area, CheckIn, RedFlag, Side, StandResult


@dataclass(frozen=True, slots=True)
class CheckInUpdate:
    """What to change; ``None`` keeps the stored value."""

    soreness: dict[Area, int] = field(default_factory=dict)
    energy: int | None = None
    sleep_hours: float | None = None
    cups: int | None = None
    stand: dict[Side, StandResult] = field(default_factory=dict)
    add_flags: frozenset[RedFlag] = frozenset()
    clear_flags: bool = False
    note: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.soreness
            or self.stand
            or self.add_flags
            or self.clear_flags
            or any(v is not None for v in (self.energy, self.sleep_hours, self.cups, self.note))
        )


def merge_checkin(
    old: CheckIn | None, update: CheckInUpdate, *, day: date, recorded_at: str, tz: str
) -> CheckIn:
    """The stored check-in with ``update`` applied (a new one when there is none)."""
    kept_flags = frozenset() if update.clear_flags or old is None else old.red_flags
    return CheckIn(
        day=day,
        soreness={**(old.soreness if old else {}), **update.soreness},
        energy=update.energy if update.energy is not None else (old.energy if old else None),
        sleep_hours=update.sleep_hours
        if update.sleep_hours is not None
        else (old.sleep_hours if old else None),
        cups=update.cups if update.cups is not None else (old.cups if old else None),
        stand={**(old.stand if old else {}), **update.stand},
        red_flags=kept_flags | update.add_flags,
        note=update.note if update.note is not None else (old.note if old else ""),
        recorded_at=recorded_at,
        tz=tz,
    )

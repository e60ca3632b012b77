"""Merging a partial check-in (what the command line was given) into the day's check-in."""

from __future__ import annotations

from collections.abc import Sequence
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
    # Values the user emptied: "energy", "sleep_hours", "cups", sides in "stand:left"...
    clear: frozenset[str] = frozenset()
    # Areas the user set back to "not entered".
    clear_areas: frozenset[Area] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (
            self.soreness
            or self.stand
            or self.add_flags
            or self.clear_flags
            or self.clear
            or self.clear_areas
            or any(v is not None for v in (self.energy, self.sleep_hours, self.cups, self.note))
        )


# A check-in older than this says little about how you are today.
CURRENT_DAYS = 2


def current_checkin(day: date, checkins: Sequence[CheckIn]) -> CheckIn | None:
    """The check-in that describes ``day``: that day's, else the day before's (the latest
    recorded if several); older notes no longer say how you are."""
    recent = [c for c in checkins if 0 <= (day - c.day).days < CURRENT_DAYS]
    return max(recent, key=lambda c: (c.day, c.recorded_at), default=None)


def latest_recorded(day: date, checkins: Sequence[CheckIn]) -> CheckIn | None:
    """Of the check-ins that describe ``day`` (its own and the day before's), the one
    recorded last: a red flag entered for yesterday after today's check-in is the newest
    word on it (today's check-in left the flags unentered, not cleared)."""
    recent = [c for c in checkins if 0 <= (day - c.day).days < CURRENT_DAYS]
    return max(recent, key=lambda c: c.recorded_at, default=None)


def previous_checkin(current: CheckIn, checkins: Sequence[CheckIn]) -> CheckIn | None:
    """The latest check-in of a day before ``current``'s, to tell a trend."""
    earlier = [c for c in checkins if c.day < current.day]
    return max(earlier, key=lambda c: (c.day, c.recorded_at), default=None)


def merge_checkin(
    old: CheckIn | None, update: CheckInUpdate, *, day: date, recorded_at: str, tz: str
) -> CheckIn:
    """The stored check-in with ``update`` applied (a new one when there is none)."""
    kept_flags = frozenset() if update.clear_flags or old is None else old.red_flags

    def kept(name: str, new: object) -> object:
        if new is not None:
            return new
        if name in update.clear or old is None:
            return None
        return getattr(old, name)

    stand = {**(old.stand if old else {}), **update.stand}
    for side in list(stand):
        if f"stand:{side.value}" in update.clear:
            del stand[side]
    return CheckIn(
        day=day,
        soreness={
            area: level
            for area, level in {**(old.soreness if old else {}), **update.soreness}.items()
            if area not in update.clear_areas
        },
        energy=kept("energy", update.energy),  # type: ignore[arg-type]
        sleep_hours=kept("sleep_hours", update.sleep_hours),  # type: ignore[arg-type]
        cups=kept("cups", update.cups),  # type: ignore[arg-type]
        stand=stand,
        red_flags=kept_flags | update.add_flags,
        note=update.note if update.note is not None else (old.note if old else ""),
        recorded_at=recorded_at,
        tz=tz,
    )


def join_checkins(older: CheckIn, newer: CheckIn) -> CheckIn:
    """One day's check-in from two copies (an import of another machine's export): each
    value from the newer where it has one, else from the older; red flags from both, so a
    merge never drops one (a flag cleared here may come back: safer than one lost)."""
    return CheckIn(
        day=newer.day,
        soreness={**older.soreness, **newer.soreness},
        energy=newer.energy if newer.energy is not None else older.energy,
        sleep_hours=newer.sleep_hours if newer.sleep_hours is not None else older.sleep_hours,
        cups=newer.cups if newer.cups is not None else older.cups,
        stand={**older.stand, **newer.stand},
        red_flags=older.red_flags | newer.red_flags,
        note=newer.note or older.note,
        recorded_at=newer.recorded_at,
        tz=newer.tz,
    )


def changes_between(opened: CheckIn | None, edited: CheckIn) -> CheckInUpdate:
    """What the user changed in a form opened on ``opened``: saved as an update, it keeps
    whatever another copy wrote meanwhile to the fields the user left alone."""
    before = opened or CheckIn(day=edited.day, soreness={}, recorded_at="", tz="")
    cleared = {
        name
        for name in ("energy", "sleep_hours", "cups")
        if getattr(edited, name) is None and getattr(before, name) is not None
    }
    cleared |= {f"stand:{side.value}" for side in before.stand if side not in edited.stand}
    flags_changed = edited.red_flags != before.red_flags
    return CheckInUpdate(
        soreness={
            area: level
            for area, level in edited.soreness.items()
            if opened is None or before.soreness.get(area) != level
        },
        clear_areas=frozenset(area for area in before.soreness if area not in edited.soreness),
        energy=edited.energy if edited.energy != before.energy else None,
        sleep_hours=edited.sleep_hours if edited.sleep_hours != before.sleep_hours else None,
        cups=edited.cups if edited.cups != before.cups else None,
        stand={s: r for s, r in edited.stand.items() if before.stand.get(s) != r},
        add_flags=edited.red_flags if flags_changed else frozenset(),
        clear_flags=flags_changed,
        note=edited.note if edited.note != before.note else None,
        clear=frozenset(cleared),
    )

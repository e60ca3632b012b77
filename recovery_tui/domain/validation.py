"""Parsing of what users type, shared by the command line and the app.

Every parser either returns a clean value or raises ``InvalidValue`` with one sentence a
user can act on. Python's own ``int()`` accepts "٥" and "1_0"; users mean neither, so
numbers are matched against plain ASCII digits first.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from enum import StrEnum
from typing import TypeVar

from recovery_tui.domain.models import Area, RedFlag, RunKind, Side, StandResult
from recovery_tui.domain.routines import MAX_WALK_MINUTES

_INT = re.compile(r"[+-]?[0-9]{1,9}")
_FLOAT = re.compile(r"[+-]?(?:[0-9]{1,6}(?:\.[0-9]{0,6})?|\.[0-9]{1,6})")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")

MAX_NOTE_CHARS = 2000
# A run from a parkrun start to an ultra; kept to 10 m (two decimals of a km).
MIN_DISTANCE_KM = 0.1
MAX_DISTANCE_KM = 300.0
DISTANCE_DECIMALS = 2


class InvalidValue(ValueError):
    """A value a user typed that we refuse; ``str()`` is the message to show."""


_Named = TypeVar("_Named", bound=StrEnum)


def _shown(text: str) -> str:
    text = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return text if len(text) <= 24 else text[:21] + "..."


# What a number as typed may hold, the characters the parsers refuse with a message
# (a decimal point or comma in a whole number, a sign) included.
DECIMAL_MARKS = ".,"
_NUMBER_CHARACTERS = frozenset("0123456789+-" + DECIMAL_MARKS)


def typed_in_a_number(character: str) -> bool:
    """Whether ``character`` is part of a number being typed. A key that takes digits
    elsewhere than a text field must take these too, and say why it refuses one: dropped,
    the rest of the number is read as another ('1.5' as 15)."""
    return character in _NUMBER_CHARACTERS


def parse_int(text: str, what: str, low: int, high: int) -> int:
    raw = text.strip()
    if not raw:
        raise InvalidValue(f"{what} is empty: give a whole number from {low} to {high}")
    if not _INT.fullmatch(raw):
        raise InvalidValue(
            f"{what} must be a whole number from {low} to {high}, not '{_shown(raw)}'"
        )
    value = int(raw)
    if value == 0 and raw.startswith("-"):
        raise InvalidValue(f"{what} must be a whole number from {low} to {high}, not '{raw}'")
    if not low <= value <= high:
        raise InvalidValue(f"{what} must be from {low} to {high}, not {value}")
    return value


def parse_float(text: str, what: str, low: float, high: float) -> float:
    raw = text.strip()
    if not raw:
        raise InvalidValue(f"{what} is empty: give a number from {low:g} to {high:g}")
    if not _FLOAT.fullmatch(raw):
        raise InvalidValue(f"{what} must be a number from {low:g} to {high:g}, not '{_shown(raw)}'")
    value = float(raw)
    if value == 0 and raw.startswith("-"):
        # "-0" parses to a negative zero that passes a range check yet means nothing.
        raise InvalidValue(f"{what} must be a number from {low:g} to {high:g}, not '{raw}'")
    if not low <= value <= high:
        raise InvalidValue(f"{what} must be from {low:g} to {high:g}, not {value:g}")
    return value


def parse_soreness(text: str, area: Area | str = "soreness") -> int:
    what = f"soreness for {area.label}" if isinstance(area, Area) else str(area)
    return parse_int(text, what, 0, 10)


def parse_effort(text: str) -> int:
    return parse_int(text, "effort", 1, 10)


def parse_distance(text: str) -> float:
    value = parse_float(text, "distance (km)", MIN_DISTANCE_KM, MAX_DISTANCE_KM)
    return round(value, DISTANCE_DECIMALS)


def parse_sleep(text: str) -> float:
    return parse_float(text, "sleep (hours)", 0, 24)


def parse_cups(text: str) -> int:
    return parse_int(text, "cups of water", 0, 40)


def parse_energy(text: str) -> int:
    return parse_int(text, "energy", 0, 10)


def parse_minutes(text: str) -> int:
    return parse_int(text, "minutes", 1, MAX_WALK_MINUTES)


def parse_day(text: str, *, not_after: date | None = None, what: str = "date") -> date:
    raw = text.strip()
    if not _DAY.fullmatch(raw):
        raise InvalidValue(f"{what} must look like YYYY-MM-DD, not '{_shown(raw)}'")
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise InvalidValue(f"{what} '{raw}' is not a real calendar day") from None
    if value.year < 1970:
        raise InvalidValue(f"{what} {raw} is too far in the past")
    if not_after is not None and value > not_after:
        raise InvalidValue(f"{what} {raw} is in the future (today is {not_after.isoformat()})")
    return value


def parse_clock(text: str, what: str = "finish time") -> time:
    raw = text.strip()
    match = _CLOCK.fullmatch(raw)
    if not match:
        raise InvalidValue(f"{what} must look like HH:MM, not '{_shown(raw)}'")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise InvalidValue(f"{what} {raw} is not a time of day")
    return time(hour, minute)


def parse_finish(text: str, day: date, now: datetime) -> time:
    """A finish time, refused when the run is today and that time has not come yet."""
    finish = parse_clock(text)
    if day == now.date() and finish > now.time().replace(tzinfo=None):
        raise InvalidValue(f"finish time {finish:%H:%M} today is still in the future")
    return finish


def parse_kind(text: str) -> RunKind:
    raw = text.strip().lower()
    try:
        return RunKind(raw)
    except ValueError:
        kinds = ", ".join(k.value for k in RunKind)
        raise InvalidValue(f"kind must be one of {kinds}, not '{_shown(text)}'") from None


def _named(text: str, names: type[_Named], what: str) -> _Named:
    """A member of ``names`` as typed: any case, '-' or ' ' for '_'."""
    raw = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return names(raw)
    except ValueError:
        listed = ", ".join(member.value for member in names)
        raise InvalidValue(f"unknown {what} '{_shown(text)}': use one of {listed}") from None


def parse_area(text: str) -> Area:
    return _named(text, Area, "body area")


def parse_sore_pair(text: str) -> tuple[Area, int]:
    """``AREA=N`` as given to ``checkin --sore``."""
    if "=" not in text:
        raise InvalidValue(f"--sore takes AREA=N (for example ankles=6), not '{_shown(text)}'")
    name, _, value = text.partition("=")
    area = parse_area(name)
    return area, parse_soreness(value, area)


def parse_red_flag(text: str) -> RedFlag:
    return _named(text, RedFlag, "red flag")


def parse_stand(text: str, side: Side) -> StandResult:
    raw = text.strip().lower()
    try:
        return StandResult(raw)
    except ValueError:
        raise InvalidValue(
            f"single-leg stand ({side.value}) must be 'level' or 'dropped', not '{_shown(text)}'"
        ) from None


# Control characters (escape sequences, bells) would act on a terminal when the note is
# shown or exported; line breaks and tabs are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_note(text: str) -> str:
    """Keep what the user wrote, minus what cannot be stored as text or would act on a
    terminal (NUL and other control characters, lone surrogates)."""
    cleaned = _CONTROL.sub("", text)
    cleaned = cleaned.encode("utf-8", "replace").decode("utf-8")
    cleaned = cleaned.strip()
    if len(cleaned) > MAX_NOTE_CHARS:
        raise InvalidValue(f"note is too long: {len(cleaned)} characters, at most {MAX_NOTE_CHARS}")
    return cleaned

"""Checks on values read back from the store's files.

A stored value must have the type and range we write; anything else means the file was not
written by us (or was damaged), and the store moves it aside instead of crashing.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any


def number_in(value: Any, low: float, high: float, what: str) -> float:
    """A stored number must be finite and in range; anything else means the file was not
    written by us (or was damaged), and the store moves it aside instead of crashing."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what} is not a number: {value!r}")
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{what} {value!r} is out of range")
    return value


def maybe_number_in(value: Any, low: float, high: float, what: str) -> float | None:
    return None if value is None else number_in(value, low, high, what)


def stored_list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"{what} is not a list: {value!r}")
    return value


def whole_in(value: Any, low: int, high: int, what: str) -> int:
    number = number_in(value, low, high, what)
    if number != int(number):
        raise ValueError(f"{what} {value!r} is not a whole number")
    return int(number)


def maybe_whole_in(value: Any, low: int, high: int, what: str) -> int | None:
    return None if value is None else whole_in(value, low, high, what)


def stored_text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text: {value!r}")
    return value


# Stored days and instants must fall in these years: nothing real lies outside them, and
# date arithmetic near the ends of the calendar overflows (a run on 9999-12-31 used to load
# and then crash History).
FIRST_YEAR, LAST_YEAR = 1970, 2200
_DAY_KEY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z", re.ASCII)


def stored_day(value: Any, what: str = "day") -> date:
    """A day as the store keeps it (``YYYY-MM-DD``, other ISO spellings refused because days
    are compared as text), within FIRST_YEAR..LAST_YEAR; ValueError otherwise."""
    if not isinstance(value, str) or not _DAY_KEY.fullmatch(value):
        raise ValueError(f"{what} {value!r} is not a day written as YYYY-MM-DD")
    day = date.fromisoformat(value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{what} {value} is out of range")
    return day


def stored_instant(value: Any, what: str) -> str:
    """A UTC instant as ``utc_iso`` writes it (fractions of a second optional)."""
    if not isinstance(value, str) or not _INSTANT.fullmatch(value):
        raise ValueError(f"{what} {value!r} is not a UTC instant")
    moment = datetime.fromisoformat(value)  # refuses impossible dates and times
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValueError(f"{what} {value} is out of range")
    return value


def maybe_instant(value: Any, what: str) -> str | None:
    return None if value is None else stored_instant(value, what)

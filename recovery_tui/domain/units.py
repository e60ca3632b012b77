"""Kilometres or miles: parsing what a user types, and showing distances and paces.

Runs are stored in kilometres; a unit is only how a distance is typed or shown. The mile is
the international mile, exactly 1.609344 km (international yard and pound agreement of 1959).

A typed distance may carry its unit ("13.1mi", "13.1 mi", "21.1km", "21.1 KM"); a bare
number is in the user's default unit. The accepted range is the one of
``validation.parse_distance`` (0.1–300 km), said in the unit the user typed.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum

from recovery_tui.domain import validation as v
from recovery_tui.domain.formats import length_text

KM_PER_MILE = 1.609344


class DistanceUnit(StrEnum):
    KM = "km"
    MI = "mi"

    @property
    def km(self) -> float:
        """Kilometres in one of this unit."""
        return 1.0 if self is DistanceUnit.KM else KM_PER_MILE

    @property
    def label(self) -> str:
        return "kilometres" if self is DistanceUnit.KM else "miles"


# Every spelling a runner might type after a number; "m" is refused as ambiguous below.
_UNIT_WORDS: dict[str, DistanceUnit] = {
    **dict.fromkeys(
        ("km", "kms", "k", "kilometre", "kilometres", "kilometer", "kilometers"), DistanceUnit.KM
    ),
    **dict.fromkeys(("mi", "mile", "miles"), DistanceUnit.MI),
}
# A unit is read only after something that looks like a number: "[red]x" is a wrong
# distance, not a distance in the unknown unit "x".
_WITH_UNIT = re.compile(r"(?P<number>[-+]?[0-9.,]+(?:[eE][-+]?[0-9]+)?)\s*(?P<unit>[A-Za-z]+)")


def to_km(value: float, unit: DistanceUnit) -> float:
    return value * unit.km


def from_km(km: float, unit: DistanceUnit) -> float:
    return km / unit.km


def distance_range(unit: DistanceUnit) -> tuple[float, float]:
    """The range a user may type in ``unit``: 0.1–300 km, rounded inwards to two decimals
    in other units so that every number the message offers is accepted."""
    low, high = v.MIN_DISTANCE_KM, v.MAX_DISTANCE_KM
    if unit is DistanceUnit.KM:
        return low, high
    return (
        math.ceil(from_km(low, unit) * 100) / 100,
        math.floor(from_km(high, unit) * 100) / 100,
    )


def parse_unit(text: str) -> DistanceUnit:
    """A unit on its own, as a setting ("km", "miles")."""
    word = text.strip().lower()
    if word == "m":
        raise v.InvalidValue("'m' could mean metres or miles: write km or mi")
    try:
        return _UNIT_WORDS[word]
    except KeyError:
        raise v.InvalidValue(f"unit must be km or mi, not '{v._shown(text)}'") from None


def parse_distance(text: str, default: DistanceUnit) -> float:
    """Kilometres from "13.1mi", "21.1 km" or a bare number in ``default``; kept to 10 m."""
    raw = text.strip()
    match = _WITH_UNIT.fullmatch(raw)
    if match and match.group("number"):
        unit = parse_unit(match.group("unit"))
        number = match.group("number")
    else:
        unit, number = default, raw
    if unit is DistanceUnit.KM:
        return v.parse_distance(number)
    low, high = distance_range(unit)
    value = v.parse_float(number, f"distance ({unit.value})", low, high)
    return round(to_km(value, unit), v.DISTANCE_DECIMALS)


def distance_text(km: float, unit: DistanceUnit, decimals: int = 1) -> str:
    """'21.1 km', '13.1 mi'."""
    return f"{from_km(km, unit):.{decimals}f} {unit.value}"


FEET_PER_METRE = 3.28084


def height_text(metres: float, unit: DistanceUnit) -> str:
    """A climb or a descent in the unit's usual measure: '620 m' with kilometres, '2034 ft'
    with miles."""
    if unit is DistanceUnit.MI:
        return f"{metres * FEET_PER_METRE:.0f} ft"
    return f"{metres:.0f} m"


def pace_text(seconds: float, km: float, unit: DistanceUnit) -> str:
    """Time per unit of distance: '5:41 /km', '9:09 /mi'. A pace needs a distance."""
    if not km > 0 or not seconds >= 0:
        raise ValueError(f"no pace for {seconds} s over {km} km")
    return f"{length_text(seconds / from_km(km, unit))} /{unit.value}"

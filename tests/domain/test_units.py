"""Kilometres or miles: typed distances with or without a unit, distances and paces shown
in either unit, and round trips between them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_tui.domain import validation as v
from recovery_tui.domain.units import (
    KM_PER_MILE,
    DistanceUnit,
    distance_range,
    distance_text,
    from_km,
    pace_text,
    parse_distance,
    parse_unit,
    to_km,
)

KM, MI = DistanceUnit.KM, DistanceUnit.MI
UNITS = st.sampled_from(list(DistanceUnit))


def test_the_mile_is_the_international_mile() -> None:
    assert KM_PER_MILE == 1.609344
    assert to_km(1, MI) == 1.609344
    assert to_km(1, KM) == 1


@pytest.mark.parametrize(
    ("text", "default", "km"),
    [
        ("13.1mi", KM, round(13.1 * 1.609344, 2)),
        ("13.1 mi", KM, round(13.1 * 1.609344, 2)),
        ("13.1 MI", KM, round(13.1 * 1.609344, 2)),
        ("26.2 miles", KM, round(26.2 * 1.609344, 2)),
        ("1 mile", KM, 1.61),
        ("21.1km", MI, 21.1),
        ("21.1 KM", MI, 21.1),
        ("10k", MI, 10.0),
        ("42.195 kilometres", MI, 42.2),
        ("5 kilometers", MI, 5.0),
        ("  21.1  ", KM, 21.1),
        ("10", MI, round(10 * 1.609344, 2)),
    ],
)
def test_a_distance_with_or_without_its_unit(text: str, default: DistanceUnit, km: float) -> None:
    assert parse_distance(text, default) == km


def test_a_bare_number_in_km_follows_the_existing_rule() -> None:
    for text in ("21.0975", "0.1", "300", "5"):
        assert parse_distance(text, KM) == v.parse_distance(text)


@pytest.mark.parametrize(
    ("text", "default", "message"),
    [
        ("", KM, "distance (km) is empty: give a number from 0.1 to 300"),
        ("0.05", KM, "distance (km) must be from 0.1 to 300, not 0.05"),
        ("301km", MI, "distance (km) must be from 0.1 to 300, not 301"),
        ("200mi", KM, "distance (mi) must be from 0.07 to 186.41, not 200"),
        ("200", MI, "distance (mi) must be from 0.07 to 186.41, not 200"),
        ("0.05 mi", KM, "distance (mi) must be from 0.07 to 186.41, not 0.05"),
        ("5 m", KM, "'m' could mean metres or miles: write km or mi"),
        ("5 furlongs", KM, "unit must be km or mi, not 'furlongs'"),
        ("mi", MI, "distance (mi) must be a number from 0.07 to 186.41, not 'mi'"),
        ("-0 mi", KM, "distance (mi) must be a number from 0.07 to 186.41, not '-0'"),
        ("1e3km", KM, "distance (km) must be a number from 0.1 to 300, not '1e3'"),
        ("[red]x", KM, "distance (km) must be a number from 0.1 to 300, not '[red]x'"),
        ("thirteen", KM, "distance (km) must be a number from 0.1 to 300, not 'thirteen'"),
    ],
)
def test_bad_distances_are_refused_in_the_unit_typed(
    text: str, default: DistanceUnit, message: str
) -> None:
    with pytest.raises(v.InvalidValue) as caught:
        parse_distance(text, default)
    assert str(caught.value) == message


def test_the_mile_range_lies_inside_the_km_range_and_its_ends_are_accepted() -> None:
    low, high = distance_range(MI)
    assert to_km(low, MI) >= v.MIN_DISTANCE_KM and to_km(high, MI) <= v.MAX_DISTANCE_KM
    assert parse_distance(f"{low}mi", KM) >= v.MIN_DISTANCE_KM
    assert parse_distance(f"{high}mi", KM) <= v.MAX_DISTANCE_KM
    assert distance_range(KM) == (v.MIN_DISTANCE_KM, v.MAX_DISTANCE_KM)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("km", KM), ("KM", KM), (" miles ", MI), ("mi", MI), ("kilometres", KM), ("mile", MI)],
)
def test_a_unit_on_its_own(text: str, unit: DistanceUnit) -> None:
    assert parse_unit(text) is unit


def test_a_unit_with_control_characters_is_shown_escaped() -> None:
    with pytest.raises(v.InvalidValue) as caught:
        parse_unit("\x1b[31mleagues")
    assert "\x1b" not in str(caught.value)


def test_distances_are_shown_in_the_chosen_unit() -> None:
    assert distance_text(21.0975, KM) == "21.1 km"
    assert distance_text(21.0975, MI) == "13.1 mi"
    assert distance_text(42.195, MI, decimals=2) == "26.22 mi"
    assert MI.label == "miles" and KM.label == "kilometres"


def test_paces_per_km_and_per_mile() -> None:
    seconds = 341 * 21.1  # 5:41 per km
    assert pace_text(seconds, 21.1, KM) == "5:41 /km"
    assert pace_text(seconds, 21.1, MI) == "9:09 /mi"
    assert pace_text(3600, 10, KM) == "6:00 /km"


@pytest.mark.parametrize(("seconds", "km"), [(600, 0), (600, -1), (-1, 5), (float("nan"), 5)])
def test_no_pace_without_a_distance_or_a_time(seconds: float, km: float) -> None:
    with pytest.raises(ValueError):
        pace_text(seconds, km, KM)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), UNITS)
def test_converting_there_and_back_keeps_the_value(value: float, unit: DistanceUnit) -> None:
    assert to_km(from_km(value, unit), unit) == pytest.approx(value, rel=1e-12, abs=1e-12)


@given(st.floats(min_value=to_km(0.07, MI), max_value=300), UNITS)
def test_a_shown_distance_reads_back_within_its_last_digit(km: float, unit: DistanceUnit) -> None:
    # Shown with two decimals of the unit (half of 0.01 off at most), stored to 10 m.
    back = parse_distance(distance_text(km, unit, decimals=2), KM if unit is MI else MI)
    assert abs(from_km(back, unit) - from_km(km, unit)) <= 0.005 + from_km(0.005, unit) + 1e-9


@given(st.integers(min_value=7, max_value=18641), st.sampled_from(["", " ", "  "]))
def test_a_typed_mile_distance_keeps_its_two_decimals(hundredths: int, space: str) -> None:
    miles = hundredths / 100
    km = parse_distance(f"{miles:.2f}{space}mi", KM)
    assert km == round(miles * KM_PER_MILE, 2)
    assert distance_text(km, MI, decimals=2) == f"{miles:.2f} mi"


@given(st.floats(min_value=60, max_value=86_400), st.floats(min_value=0.1, max_value=300))
def test_a_pace_per_mile_is_the_pace_per_km_times_the_mile(seconds: float, km: float) -> None:
    def as_seconds(text: str) -> int:
        minutes, _, rest = text.partition(":")
        return int(minutes) * 60 + int(rest.split()[0])

    per_km = as_seconds(pace_text(seconds, km, KM))
    per_mile = as_seconds(pace_text(seconds, km, MI))
    assert abs(per_mile - per_km * KM_PER_MILE) <= 0.5 + 0.5 * KM_PER_MILE


@given(st.text(max_size=40), UNITS)
def test_any_typed_text_is_a_distance_or_one_clear_refusal(text: str, unit: DistanceUnit) -> None:
    try:
        km = parse_distance(text, unit)
    except v.InvalidValue as refused:
        message = str(refused)
        assert message and "\n" not in message and "\x1b" not in message
    else:
        assert v.MIN_DISTANCE_KM <= km <= v.MAX_DISTANCE_KM

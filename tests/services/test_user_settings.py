"""The settings with no screen yet: a typed value is checked, and a stored value that makes
no sense reads as the default instead of breaking a command."""

from __future__ import annotations

from datetime import time

import pytest

from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.validation import InvalidValue
from recovery_tui.services.journal import SettingValue
from recovery_tui.services.user_settings import (
    DISTANCE_UNIT,
    MAX_HEART_RATE,
    REMIND_FROM,
    REMIND_UNTIL,
    REMINDERS_SENT,
    SETTINGS,
    distance_unit,
    max_heart_rate,
    reminders_sent,
    setting_named,
    waking_day,
)


class Stored:
    def __init__(self, **values: SettingValue) -> None:
        self.values = values

    def setting(self, key: str, default: SettingValue = None) -> SettingValue:
        return self.values.get(key, default)


def test_defaults_when_nothing_is_stored() -> None:
    nothing = Stored()
    assert distance_unit(nothing) is DistanceUnit.KM
    assert max_heart_rate(nothing) is None
    assert waking_day(nothing).start == time(8, 0) and waking_day(nothing).end == time(21, 0)
    assert reminders_sent(nothing) == []


@pytest.mark.parametrize(
    ("values", "unit", "max_hr"),
    [
        ({DISTANCE_UNIT: "mi", MAX_HEART_RATE: 182}, DistanceUnit.MI, 182),
        ({DISTANCE_UNIT: "furlong", MAX_HEART_RATE: 9000}, DistanceUnit.KM, None),
        ({DISTANCE_UNIT: 3, MAX_HEART_RATE: "lots"}, DistanceUnit.KM, None),
        ({DISTANCE_UNIT: None, MAX_HEART_RATE: True}, DistanceUnit.KM, None),
    ],
)
def test_stored_values_read_back_or_fall_back(
    values: dict[str, SettingValue], unit: DistanceUnit, max_hr: int | None
) -> None:
    assert distance_unit(Stored(**values)) is unit
    assert max_heart_rate(Stored(**values)) == max_hr


def test_a_waking_day_that_ends_before_it_starts_is_the_default() -> None:
    assert waking_day(Stored(**{REMIND_FROM: "07:00", REMIND_UNTIL: "22:30"})).end == time(22, 30)
    assert waking_day(Stored(**{REMIND_FROM: "22:00", REMIND_UNTIL: "07:00"})).start == time(8)


def test_reminders_sent_keeps_only_text_keys() -> None:
    assert reminders_sent(Stored(**{REMINDERS_SENT: ["a", 3, None, "b"]})) == ["a", "b"]
    assert reminders_sent(Stored(**{REMINDERS_SENT: "a"})) == []


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        (DISTANCE_UNIT, "Miles", "mi"),
        (DISTANCE_UNIT, "km", "km"),
        (MAX_HEART_RATE, "185", 185),
        (REMIND_FROM, "7:05", "07:05"),
        ("speech_command", "espeak-ng -v en {text}", "espeak-ng -v en {text}"),
    ],
)
def test_typed_values_are_stored_in_one_spelling(key: str, typed: str, stored: object) -> None:
    assert setting_named(key).parse(typed) == stored


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        (DISTANCE_UNIT, "m"),
        (MAX_HEART_RATE, "60"),
        (REMIND_UNTIL, "25:00"),
        ("speech_command", "{text}"),
        ("speech_command", "say 'unclosed"),
    ],
)
def test_bad_values_are_refused_in_words(key: str, typed: str) -> None:
    with pytest.raises(InvalidValue):
        setting_named(key).parse(typed)


def test_an_unknown_key_names_the_settings() -> None:
    with pytest.raises(InvalidValue, match="max_heart_rate"):
        setting_named("colour")
    assert len({s.key for s in SETTINGS}) == len(SETTINGS)

"""The settings a user may change that have no screen of their own yet, how a typed value
is checked, and how each is read back (a value that no longer makes sense, from a file
edited by hand or an older version, reads as the default).

``recovery-tui settings`` and any future settings screen share this table; the app and the
commands read a setting through the functions below, never by its key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from recovery_tui.domain import validation as v
from recovery_tui.domain.units import DistanceUnit, parse_unit
from recovery_tui.services.journal import SettingValue

if TYPE_CHECKING:
    from recovery_tui.domain.nudges import WakingDay

DISTANCE_UNIT = "distance_unit"
MAX_HEART_RATE = "max_heart_rate"
SPEECH_COMMAND = "speech_command"  # the key services.speech documents
REMIND_FROM = "remind_from"
REMIND_UNTIL = "remind_until"
REMINDERS_SENT = "reminders_sent"  # kept by remind, not set by hand


class SettingsSource(Protocol):
    """What reads settings: the journal."""

    def setting(self, key: str, default: SettingValue = None) -> SettingValue: ...


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    what: str  # for help: what it sets
    default: str  # the default, as shown
    parse: Callable[[str], SettingValue]  # typed text to the stored value; InvalidValue


def _unit(text: str) -> str:
    return parse_unit(text).value


def _max_heart_rate(text: str) -> int:
    from recovery_tui.domain.effort import parse_max_heart_rate

    return parse_max_heart_rate(text)


def _speech_command(text: str) -> str:
    from recovery_tui.services.speech import SpeechSetupError, parse_template

    try:
        parse_template(text)
    except SpeechSetupError as error:
        raise v.InvalidValue(str(error)) from None
    return text.strip()


def _clock(what: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        return v.parse_clock(text, what).strftime("%H:%M")

    return parse


SETTINGS: tuple[Setting, ...] = (
    Setting(
        DISTANCE_UNIT,
        "km or mi: how distances are typed and shown",
        DistanceUnit.KM.value,
        _unit,
    ),
    Setting(
        MAX_HEART_RATE,
        "your maximum heart rate (beats per minute), to estimate an imported run's effort",
        "not set",
        _max_heart_rate,
    ),
    Setting(
        SPEECH_COMMAND,
        "the text-to-speech command for spoken cues; {text} stands for the phrase",
        "the first of espeak-ng, spd-say, say",
        _speech_command,
    ),
    Setting(REMIND_FROM, "HH:MM, when remind starts nudging", "08:00", _clock(REMIND_FROM)),
    Setting(REMIND_UNTIL, "HH:MM, when remind stops", "21:00", _clock(REMIND_UNTIL)),
)


def setting_named(key: str) -> Setting:
    for setting in SETTINGS:
        if setting.key == key:
            return setting
    names = ", ".join(s.key for s in SETTINGS)
    raise v.InvalidValue(f"there is no setting '{v._shown(key)}' (settings: {names})")


def _stored_text(source: SettingsSource, key: str) -> str | None:
    value = source.setting(key)
    return value if isinstance(value, str) and value.strip() else None


def distance_unit(source: SettingsSource) -> DistanceUnit:
    text = _stored_text(source, DISTANCE_UNIT)
    try:
        return parse_unit(text) if text is not None else DistanceUnit.KM
    except v.InvalidValue:
        return DistanceUnit.KM


def max_heart_rate(source: SettingsSource) -> int | None:
    value = source.setting(MAX_HEART_RATE)
    try:
        return _max_heart_rate(str(value)) if isinstance(value, int | str) else None
    except v.InvalidValue:
        return None


def speech_command(source: SettingsSource) -> str | None:
    return _stored_text(source, SPEECH_COMMAND)


def waking_day(source: SettingsSource) -> WakingDay:
    """The hours remind may nudge in; stored times that make no day (an end before the
    start) give the default."""
    from recovery_tui.domain.nudges import WakingDay, parse_waking_day

    try:
        return parse_waking_day(
            _stored_text(source, REMIND_FROM), _stored_text(source, REMIND_UNTIL)
        )
    except ValueError:
        return WakingDay()


def reminders_sent(source: SettingsSource) -> list[str]:
    value = source.setting(REMINDERS_SENT)
    return [key for key in value if isinstance(key, str)] if isinstance(value, list) else []

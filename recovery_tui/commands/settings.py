"""``settings [KEY [VALUE]]``: read and change the settings that have no screen yet."""

from __future__ import annotations

import argparse

from recovery_tui.commands import common
from recovery_tui.commands.common import journal_for
from recovery_tui.commands.output import say
from recovery_tui.domain import validation as v
from recovery_tui.domain.text import one_line
from recovery_tui.paths import Dirs
from recovery_tui.services.journal import Journal, SettingValue
from recovery_tui.services.user_settings import (
    REMIND_FROM,
    REMIND_UNTIL,
    SETTINGS,
    Setting,
    setting_named,
)


def shown_value(setting: Setting, value: SettingValue) -> str:
    """The stored value as the user would type it, or what is used instead."""
    if value is None or value == "":
        return f"{setting.default} (default)"
    text = one_line(str(value))
    try:
        setting.parse(text)
    except v.InvalidValue:
        return f"{text} (not understood: {setting.default} is used)"
    return text


def _check_waking_day(journal: Journal, key: str, value: str) -> None:
    """remind_from must stay before remind_until."""
    from recovery_tui.domain.nudges import parse_waking_day

    other = REMIND_UNTIL if key == REMIND_FROM else REMIND_FROM
    stored = journal.setting(other)
    other_value = stored if isinstance(stored, str) else None
    start, end = (value, other_value) if key == REMIND_FROM else (other_value, value)
    try:
        parse_waking_day(start, end)
    except ValueError:
        raise v.InvalidValue(
            f"{REMIND_FROM} must be before {REMIND_UNTIL} "
            f"(they would be {start or '08:00'} and {end or '21:00'})"
        ) from None


def settings(args: argparse.Namespace, dirs: Dirs) -> int:
    if args.key is None:
        if args.unset or args.value is not None:
            raise v.InvalidValue("--unset needs a KEY")
        journal = journal_for(dirs, common.system_clock(), read_only=True)
        for setting in SETTINGS:
            say(f"{setting.key}: {shown_value(setting, journal.setting(setting.key))}")
            say(f"    {setting.what}")
        return 0
    setting = setting_named(args.key)
    if args.unset and args.value is not None:
        raise v.InvalidValue("give either a VALUE or --unset, not both")
    if args.value is None and not args.unset:
        journal = journal_for(dirs, common.system_clock(), read_only=True)
        say(shown_value(setting, journal.setting(setting.key)))
        return 0
    value = setting.parse(args.value) if args.value is not None else None
    journal = journal_for(dirs, common.system_clock())
    if isinstance(value, str) and setting.key in (REMIND_FROM, REMIND_UNTIL):
        _check_waking_day(journal, setting.key, value)
    journal.set_setting(setting.key, value)
    say(f"{setting.key}: {shown_value(setting, value)}")
    return 0

"""``settings`` reads and changes the settings with no screen yet; ``log-run --distance``
takes a unit or the setting's; the command line's distances follow the unit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import YESTERDAY, files_of
from conftest import Cli

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.units import KM_PER_MILE
from recovery_tui.services.journal import open_journal
from recovery_tui.services.user_settings import SETTINGS


def stored_setting(data_dir: Path, clock: FakeClock, key: str) -> object:
    journal = open_journal(data_dir, clock)
    try:
        return journal.setting(key)
    finally:
        journal.close()


def test_settings_lists_every_setting_with_its_default(cli: Cli) -> None:
    code, out, _ = cli("settings")
    assert code == 0
    for setting in SETTINGS:
        assert f"{setting.key}: {setting.default} (default)" in out
        assert setting.what in out


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("distance_unit", "miles", "mi"),
        ("max_heart_rate", "183", 183),
        ("speech_command", "espeak-ng -s 140 {text}", "espeak-ng -s 140 {text}"),
        ("remind_from", "7:30", "07:30"),
        ("remind_until", "22:00", "22:00"),
    ],
)
def test_a_setting_is_set_read_and_unset(
    cli: Cli, data_dir: Path, clock: FakeClock, key: str, typed: str, stored: object
) -> None:
    code, out, err = cli("settings", key, typed)
    assert code == 0, err
    assert out.strip() == f"{key}: {stored}"
    assert stored_setting(data_dir, clock, key) == stored
    assert cli("settings", key)[1].strip() == str(stored)
    assert cli("settings", key, "--unset")[0] == 0
    assert stored_setting(data_dir, clock, key) is None
    assert cli("settings", key)[1].strip().endswith("(default)")


@pytest.mark.parametrize(
    "args",
    [
        ("distance_unit", "furlong"),
        ("distance_unit", "m"),
        ("max_heart_rate", "fast"),
        ("max_heart_rate", "300"),
        ("remind_from", "8am"),
        ("remind_until", "07:00"),  # before the default start
        ("speech_command", ""),
        ("speech_command", "say \x1b[31m{text}"),
        ("colour", "blue"),
        ("distance_unit", "km", "--unset"),
        ("--unset",),
    ],
)
def test_bad_settings_exit_2_and_write_nothing(
    cli: Cli, data_dir: Path, args: tuple[str, ...]
) -> None:
    cli("checkin", "--sore", "calves=2")
    before = files_of(data_dir)
    code, _, err = cli("settings", *args)
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("recovery-tui: error:")
    assert files_of(data_dir) == before


def test_the_waking_day_cannot_end_before_it_starts(cli: Cli) -> None:
    assert cli("settings", "remind_until", "12:00")[0] == 0
    code, _, err = cli("settings", "remind_from", "13:00")
    assert code == 2 and "remind_from must be before remind_until" in err


def test_a_stored_value_that_makes_no_sense_is_shown_with_what_is_used(
    cli: Cli, data_dir: Path, clock: FakeClock
) -> None:
    journal = open_journal(data_dir, clock)
    journal.set_setting("distance_unit", "furlong")
    journal.close()
    assert "furlong (not understood: km is used)" in cli("settings")[1]


# -- units -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "unit", "km"),
    [
        ("13.1mi", "km", round(13.1 * KM_PER_MILE, 2)),
        ("21.1km", "mi", 21.1),
        ("21.1 KM", "km", 21.1),
        ("13.1", "mi", round(13.1 * KM_PER_MILE, 2)),
        ("21.1", "km", 21.1),
    ],
)
def test_log_run_distance_with_or_without_a_unit(
    cli: Cli, data_dir: Path, clock: FakeClock, typed: str, unit: str, km: float
) -> None:
    cli("settings", "distance_unit", unit)
    code, _, err = cli("log-run", "--distance", typed, "--date", YESTERDAY)
    assert code == 0, err
    journal = open_journal(data_dir, clock)
    (run,) = journal.runs()
    journal.close()
    assert run.distance_km == km


def test_log_run_speaks_the_unit(cli: Cli) -> None:
    cli("settings", "distance_unit", "mi")
    code, out, _ = cli("log-run", "--distance", "5", "--date", YESTERDAY)
    assert code == 0
    assert out.startswith("Logged your 5.0 mi easy run of")
    code, out, _ = cli("log-run", "--distance", "13.1", "--kind", "race")
    assert "Logged your half marathon of" in out


@pytest.mark.parametrize(
    "args",
    [
        ("--distance", "10m"),
        ("--distance", "10 parsecs"),
        ("--distance", "0.01mi"),
        ("--distance", "200mi"),
        ("--distance", "mi"),
        ("--distance", "5", "--distance-km", "5"),
    ],
)
def test_bad_distances_exit_2(cli: Cli, data_dir: Path, args: tuple[str, ...]) -> None:
    cli("checkin", "--sore", "calves=2")
    before = files_of(data_dir)
    code, _, err = cli("log-run", *args)
    assert code == 2 and len(err.splitlines()) == 1
    assert files_of(data_dir) == before


def test_today_json_keeps_the_unit(cli: Cli) -> None:
    cli("log-run", "--distance", "21.1km", "--kind", "race", "--date", YESTERDAY)
    assert json.loads(cli("today", "--json")[1])["distance_unit"] == "km"
    cli("settings", "distance_unit", "mi")
    shown = json.loads(cli("today", "--json")[1])
    assert shown["distance_unit"] == "mi"
    assert shown["run"]["distance_km"] == 21.1  # the record itself stays in kilometres

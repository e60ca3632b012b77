"""Every CLI option that takes a value refuses bad values: exit 2, one line, nothing written.

Runs ``recovery_tui.cli.main`` in-process (hundreds of cases in about a second); a few cases
also go through a real subprocess to prove the same holds for the installed entry point.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from rel_support import assert_one_clear_line, cli, files_of, run_cli

from recovery_tui.domain import validation as v

TOMORROW = (date.today() + timedelta(days=1)).isoformat()
# Refused by every option below, whatever it expects.
HOSTILE = ["٥", "1_0", "１", "", "  ", "9" * 400, "1e309", "nan", "inf", "-0", "abc"]

# (command, option, what else the command needs, values out of its range)
OPTIONS: list[tuple[str, str, tuple[str, ...], list[str]]] = [
    ("log-run", "--distance-km", (), ["0", "300.1", "-5", "0.05"]),
    ("log-run", "--effort", ("--distance-km", "5"), ["0", "11", "-1", "5.5"]),
    ("log-run", "--date", ("--distance-km", "5"), ["2026-02-30", "1969-12-31", TOMORROW]),
    ("log-run", "--finish", ("--distance-km", "5"), ["24:00", "12:60", "7", "-1:00"]),
    ("log-run", "--kind", ("--distance-km", "5"), ["sprint", "0"]),
    ("checkin", "--energy", (), ["11", "-1", "3.5"]),
    ("checkin", "--sleep", (), ["24.5", "-1", "100"]),
    ("checkin", "--cups", (), ["41", "-1", "2.5"]),
    ("checkin", "--date", ("--energy", "3"), ["2026-02-30", TOMORROW, "26/11/2026"]),
    ("checkin", "--stand-left", (), ["wobbly", "1"]),
    ("checkin", "--stand-right", (), ["wobbly"]),
    ("checkin", "--flag", (), ["headache", "1"]),
    ("history", "--days", (), ["0", "3661", "-7"]),
    ("history", "--from", (), ["2026-13-01", TOMORROW + "x", TOMORROW]),
    ("history", "--to", (), ["2026-13-01", "0000-01-01", TOMORROW]),
    ("walk", "--minutes", (), ["0", "181", "-5"]),
    ("demo", "--days", (), ["0", "7301"]),
]
SORE = [f"ankles={value}" for value in [*HOSTILE, "11", "-1", "5.5"]] + ["ankles", "elbows=3"]

CASES = [
    pytest.param((command, *needs, option, value), id=f"{command} {option} {value[:12]!r}")
    for command, option, needs, out_of_range in OPTIONS
    for value in [*HOSTILE, *out_of_range]
] + [pytest.param(("checkin", "--sore", pair), id=f"checkin --sore {pair[:18]!r}") for pair in SORE]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("values") / "data"
    from recovery_tui.cli import main

    assert main(["checkin", "--sore", "calves=2", "--data-dir", str(data)]) == 0
    return data


@pytest.mark.parametrize("args", CASES)
def test_a_bad_value_exits_2_with_one_line_and_writes_nothing(
    args: tuple[str, ...], filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files_of(filled)
    code, out, err = cli(capsys, filled, *args)
    assert code == 2, (out, err)
    assert assert_one_clear_line(err).startswith("recovery-tui: error:")
    assert files_of(filled) == before


def test_empty_values_are_refused_not_taken_as_the_default(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An empty --effort once meant "use the default" and logged a run.
    code, _out, err = cli(capsys, filled, "log-run", "--distance-km", "5", "--effort", "")
    assert code == 2 and "effort is empty" in err
    code, _out, err = cli(capsys, filled, "history", "--days", "")
    assert code == 2 and "--days is empty" in err


def test_negative_zero_is_not_zero() -> None:
    with pytest.raises(v.InvalidValue, match="not '-0'"):
        v.parse_energy("-0")
    with pytest.raises(v.InvalidValue, match=r"not '-0\.0'"):
        v.parse_sleep("-0.0")
    assert v.parse_energy("0") == 0 and v.parse_sleep("0") == 0


def test_a_huge_value_is_shown_shortened(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = cli(capsys, filled, "checkin", "--energy", "9" * 400)
    assert code == 2
    assert len(err) < 200, err


@pytest.mark.parametrize(
    "args",
    [
        ("checkin", "--sore", "ankles=٥"),
        ("log-run", "--distance-km", "1e309"),
        ("history", "--days", "9" * 400),
    ],
    ids=["unicode digit", "overflow", "huge"],
)
def test_the_entry_point_in_a_subprocess_refuses_the_same(
    args: tuple[str, ...], filled: Path
) -> None:
    before = files_of(filled)
    result = run_cli(*args, data_dir=filled)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert_one_clear_line(result.stderr)
    assert files_of(filled) == before

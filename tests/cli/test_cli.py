"""The command line end to end, in a subprocess, against a temporary data dir."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import NoReturn

import pytest
from cli_support import TODAY, YESTERDAY, files_of, run_cli

from recovery_tui.domain.clock import SystemClock
from recovery_tui.domain.formats import long_date
from recovery_tui.domain.plan import EARLY_TASKS
from recovery_tui.store import Repository


def test_half_marathon_yesterday_gives_day_1_of_7(cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = cli(
        "log-run", "--distance-km", "21.1", "--kind", "race", "--effort", "8", "--date", YESTERDAY
    )
    assert code == 0, err
    assert "half marathon" in out
    code, out, err = cli("today")
    assert code == 0, err
    assert "Day 1 of 7" in out
    walks, stretch = EARLY_TASKS[0], EARLY_TASKS[1]
    assert f"[ ] {walks.title} 0/{walks.target}" in out
    assert f"[ ] {stretch.title}" in out
    as_json = json.loads(cli("today", "--json")[1])
    assert as_json["day_index"] == 1 and as_json["window_days"] == 7
    ids = {t["id"]: t for t in as_json["tasks"]}
    assert ids["walks"]["target"] == 3
    assert "stretch_30" in ids


def test_the_recovery_date_is_today_not_gone_by_while_areas_are_missing(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    """Ten days after a half with soreness nearly gone and areas left out: the window
    ended three days ago, but full recovery is not dated before the easy run still to be
    confirmed (it said "Monday 23 November (3 days ago)", then today once all were in)."""
    race = (TODAY - timedelta(days=10)).isoformat()
    assert cli("log-run", "--distance-km", "21.1", "--kind", "race", "--date", race)[0] == 0
    assert cli("checkin", "--sore", "calves=1")[0] == 0
    code, out, err = cli("today")
    assert code == 0, err
    assert f"Usual full recovery: {long_date(TODAY)}\n" in out
    assert json.loads(cli("today", "--json")[1])["recovery_date"] == TODAY.isoformat()


def test_checkin_then_history_json_has_design_keys(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    cli("log-run", "--distance-km", "21.1", "--kind", "race", "--date", YESTERDAY)
    code, _, err = cli(
        "checkin", "--sore", "ankles=7", "--sore", "lower-back=4", "--cups", "5", "--note", "hurt"
    )
    assert code == 0, err
    rows = json.loads(cli("history", "--format", "json")[1])
    assert len(rows) == 7
    last = rows[-1]
    for key in (
        "date",
        "soreness",
        "tasks_done",
        "tasks_total",
        "walk_minutes",
        "stretch_minutes",
        "cups",
    ):
        assert key in last
    assert last["date"] == TODAY.isoformat()
    assert last["soreness"]["ankles"] == 7 and last["soreness"]["lower_back"] == 4
    assert last["cups"] == 5


def test_cups_not_entered_are_unknown_in_every_history_format(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    """A check-in without --cups: history says cups are not recorded (null, an empty CSV
    cell, "-"), never 0; --cups 0 later is a real 0."""
    assert cli("checkin", "--sore", "calves=2")[0] == 0
    [row] = json.loads(cli("history", "--days", "1", "--format", "json")[1])
    assert row["cups"] is None
    [parsed] = list(
        csv.DictReader(io.StringIO(cli("history", "--days", "1", "--format", "csv")[1]))
    )
    assert parsed["cups"] == ""
    head, line = cli("history", "--days", "1")[1].splitlines()[:2]
    cups_end = head.index("Cups") + len("Cups")
    assert line[:cups_end].split()[-1] == "-"
    assert cli("checkin", "--cups", "0")[0] == 0
    [row] = json.loads(cli("history", "--days", "1", "--format", "json")[1])
    assert row["cups"] == 0


def test_checkin_merges_into_todays_checkin(data_dir: Path) -> None:
    run_cli("checkin", "--sore", "ankles=7", data_dir=data_dir)
    run_cli("checkin", "--sore", "knees=3", data_dir=data_dir)
    rows = json.loads(
        run_cli("history", "--days", "1", "--format", "json", data_dir=data_dir).stdout
    )
    assert rows[0]["soreness"]["ankles"] == 7 and rows[0]["soreness"]["knees"] == 3


def test_history_csv_matches_json(data_dir: Path) -> None:
    assert run_cli("demo", "--days", "30", data_dir=data_dir).returncode == 0
    rows = json.loads(
        run_cli("history", "--days", "14", "--format", "json", data_dir=data_dir).stdout
    )
    text = run_cli("history", "--days", "14", "--format", "csv", data_dir=data_dir).stdout
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert [r["date"] for r in parsed] == [r["date"] for r in rows]
    for row, js in zip(parsed, rows, strict=True):
        assert int(row["tasks_done"]) == js["tasks_done"]
        assert row["cups"] == ("" if js["cups"] is None else str(js["cups"]))
        assert float(row["walk_minutes"]) == pytest.approx(js["walk_minutes"])


def test_demo_refuses_a_dir_with_data(data_dir: Path) -> None:
    run_cli("checkin", "--sore", "ankles=2", data_dir=data_dir)
    before = files_of(data_dir)
    refused = run_cli("demo", "--days", "10", data_dir=data_dir)
    assert refused.returncode == 2
    assert "already holds data" in refused.stderr
    after = files_of(data_dir)
    assert {k: v for k, v in after.items() if "backups" not in k} == {
        k: v for k, v in before.items() if "backups" not in k
    }


BAD_CALLS = [
    ("checkin", "--sore", "ankles=11"),
    ("checkin", "--sore", "ankles=-1"),
    ("checkin", "--sore", "elbows=3"),
    ("checkin", "--sore", "ankles=٥"),
    ("checkin", "--sore", "ankles=1_0"),
    ("checkin", "--sore", "ankles"),
    ("checkin", "--sore", "ankles="),
    ("checkin", "--energy", "lots"),
    ("checkin", "--sleep", "25"),
    ("checkin", "--date", "2026-02-30", "--sore", "ankles=3"),
    ("checkin", "--date", "tomorrow", "--sore", "ankles=3"),
    ("checkin",),
    ("log-run", "--distance-km", "ten"),
    ("log-run", "--distance-km", "21.1", "--effort", "11"),
    ("log-run", "--distance-km", "21.1", "--date", "26/11/2026"),
    ("log-run", "--distance-km", "21.1", "--date", (date.today() + timedelta(days=40)).isoformat()),
    ("log-run", "--distance-km", "21.1", "--kind", "sprint"),
    ("log-run", "--distance-km", "21.1", "--finish", "25:00"),
    ("log-run", "--distance-km", "1e9"),
    ("log-run",),
    ("history", "--days", "0"),
    ("history", "--days", "x"),
    ("history", "--from", "2026-13-01"),
    ("history", "--format", "xml"),
    ("demo", "--days", "-3"),
    ("walk", "--minutes", "0"),
    ("frobnicate",),
]


@pytest.mark.parametrize("args", BAD_CALLS, ids=[" ".join(a) for a in BAD_CALLS])
def test_bad_values_exit_2_with_one_line_and_write_nothing(
    args: tuple[str, ...], data_dir: Path
) -> None:
    run_cli("checkin", "--sore", "calves=2", data_dir=data_dir)
    before = files_of(data_dir)
    result = run_cli(*args, data_dir=data_dir)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("recovery-tui: error:")
    assert "Traceback" not in result.stderr
    assert files_of(data_dir) == before


def test_app_without_a_terminal_says_so(data_dir: Path) -> None:
    result = run_cli(data_dir=data_dir)
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr


def test_no_command_opens_the_app_without_building_the_parser(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """People open the app every day: its start does not wait for every subcommand's
    parser to be built (it answers here, with no terminal, as the app would)."""
    from recovery_tui import cli

    def no_parser() -> NoReturn:
        raise AssertionError("the parser was built")

    monkeypatch.setattr(cli, "build_parser", no_parser)
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(data_dir))
    assert cli.main([]) == 2
    assert "needs a terminal" in capsys.readouterr().err


COMMANDS = (
    "walk",
    "stretch",
    "log-run",
    "import",
    "export",
    "backups",
    "restore",
    "settings",
    "checkin",
    "today",
    "status",
    "remind",
    "history",
    "report",
    "routines",
    "serve",
    "demo",
)


def test_version_and_help(data_dir: Path) -> None:
    from recovery_tui import __version__

    assert __version__ in run_cli("--version", data_dir=data_dir).stdout
    helped = run_cli("--help", data_dir=data_dir)
    assert helped.returncode == 0
    listed = {line.split()[0] for line in helped.stdout.splitlines() if line.startswith("    ")}
    assert set(COMMANDS) <= listed


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_its_help(command: str, cli: Callable[..., tuple[int, str, str]]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(command, "--help")
    assert exited.value.code == 0


def test_checkin_help_lists_every_red_flag(data_dir: Path) -> None:
    """The eight flags the check-in form has, each spelt as --flag takes it."""
    from recovery_tui.domain.models import RedFlag

    helped = run_cli("checkin", "--help", data_dir=data_dir)
    assert helped.returncode == 0
    words = " ".join(helped.stdout.split())
    assert [flag.value for flag in RedFlag if flag.value not in words] == []


def test_data_dir_flag_beats_the_environment(tmp_path: Path) -> None:
    flag_dir = tmp_path / "flag"
    env_dir = tmp_path / "env"
    result = run_cli("--data-dir", str(flag_dir), "checkin", "--sore", "ankles=2", data_dir=env_dir)
    assert result.returncode == 0, result.stderr
    assert (flag_dir / "recovery.json").exists()
    assert not (env_dir / "recovery.json").exists()


def test_routines_lists_builtins_and_reports_bad_files(data_dir: Path, config_dir: Path) -> None:
    routines = config_dir / "routines"
    routines.mkdir(parents=True)
    (routines / "calves.toml").write_text(
        'name = "Evening calves"\n[[steps]]\nname = "Wall calf stretch"\nseconds = 45\n'
        'sides = true\nareas = ["calves"]\nhow = "Lean in."\n',
        encoding="utf-8",
    )
    (routines / "broken.toml").write_text("name = \n", encoding="utf-8")
    result = run_cli("routines", data_dir=data_dir, config_dir=config_dir)
    assert result.returncode == 0
    assert "stretch-30" in result.stdout and "calves" in result.stdout
    assert "broken.toml" in result.stderr


def test_an_empty_data_dir_flag_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_cli(
        "--data-dir",
        "",
        "today",
        data_dir=tmp_path / "unused",
        env={"HOME": str(home), "XDG_DATA_HOME": str(home / "data")},
    )
    assert result.returncode == 2
    assert "--data-dir is empty" in result.stderr
    assert not home.exists()


def test_red_flags_can_be_cleared_from_the_cli(data_dir: Path) -> None:
    run_cli("checkin", "--sore", "knees=4", "--flag", "swelling", data_dir=data_dir)
    flagged = json.loads(run_cli("today", "--json", data_dir=data_dir).stdout)
    assert flagged["checkin"]["red_flags"] == ["swelling"]
    assert run_cli("checkin", "--clear-flags", data_dir=data_dir).returncode == 0
    cleared = json.loads(run_cli("today", "--json", data_dir=data_dir).stdout)
    assert cleared["checkin"]["red_flags"] == []
    assert cleared["checkin"]["soreness"] == {"knees": 4}


def test_a_damaged_month_found_while_reading_history_is_reported(data_dir: Path) -> None:
    """History only reads: it names the damaged file and leaves it for a save to move."""
    assert run_cli("demo", "--days", "120", data_dir=data_dir).returncode == 0
    older = sorted((data_dir / "months").glob("*.json"))[0]
    older.write_text('{"checkins": [', encoding="utf-8")
    result = run_cli("history", "--days", "120", "--format", "json", data_dir=data_dir)
    assert result.returncode == 1
    assert str(older) in result.stderr and "left as it is" in result.stderr
    # An older month is mended only where it is read: the message says where.
    assert "opening that month in the app's History" in result.stderr
    assert older.read_text(encoding="utf-8") == '{"checkins": ['
    assert "Traceback" not in result.stderr
    year, month = (int(part) for part in older.stem.split("-"))
    with Repository.open(data_dir, SystemClock()) as repo:  # as the app's History reads it
        repo.checkins(date(year, month, 1), date(year, month, 28))
    assert not older.exists() and list(older.parent.glob(f"{older.name}.corrupt-*"))


def test_the_same_race_logged_twice_is_kept_and_said(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    """Logged from the command line and again by hand: both kept, one line says so and how
    to take it back; a different run of the same day says nothing."""
    args = ("log-run", "--distance-km", "21.1", "--kind", "race", "--date", YESTERDAY)
    assert cli(*args)[2] == ""
    code, out, err = cli(*args)
    assert code == 0 and "Logged your half marathon" in out
    assert "You had already logged a half marathon" in err and "Undo the last logged run" in err
    code, _, err = cli("log-run", "--distance-km", "5", "--kind", "easy", "--date", YESTERDAY)
    assert code == 0 and err == ""


def test_a_race_logged_after_its_window_says_the_window_ended(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    """Not 'An easy effort: no recovery window needed' (it was a race), not 'day 5 of 3'."""
    long_ago = (TODAY - timedelta(days=26)).isoformat()
    code, out, err = cli("log-run", "--distance-km", "10", "--kind", "race", "--date", long_ago)
    assert code == 0, err
    assert "Its recovery window of 3 days ended on" in out and "easy effort" not in out
    five_ago = (TODAY - timedelta(days=5)).isoformat()
    code, out, err = cli("log-run", "--distance-km", "10", "--kind", "race", "--date", five_ago)
    assert "Its recovery window of 3 days ended on" in out and "day 5 of 3" not in out
    code, out, err = cli("log-run", "--distance-km", "6", "--kind", "easy")
    assert "An easy effort: it opens no recovery window of its own" in out


def test_a_date_in_another_year_is_said_with_its_year(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    # A year typed wrong (2025 for 2026) must show in the confirmation.
    today = TODAY
    last_year = today.replace(year=today.year - 1, day=1)
    code, out, _ = cli("log-run", "--distance-km", "10", "--date", last_year.isoformat())
    assert code == 0 and f"{long_date(last_year)} {last_year.year} (effort" in out
    code, out, _ = cli("checkin", "--sore", "calves=2", "--date", last_year.isoformat())
    assert code == 0 and f"check-in for {long_date(last_year)} {last_year.year}." in out
    code, out, _ = cli("checkin", "--sore", "calves=2")
    assert code == 0 and out.startswith(f"Saved the check-in for {long_date(today)}.")


def test_a_back_dated_flag_is_said_as_of_the_day_it_was_felt(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    """Yesterday's flag speaks of yesterday (it said "today" of the past day); a flag older
    than the check-ins today's plan reads says that it is kept with its day."""
    code, out, err = cli("checkin", "--date", YESTERDAY, "--flag", "dizziness_confusion")
    assert code == 0, err
    assert "! You reported dizziness or confusion yesterday." in out
    older = (TODAY - timedelta(days=3)).isoformat()
    code, out, err = cli("checkin", "--date", older, "--flag", "swelling")
    assert code == 0, err
    assert "You reported swelling" not in out
    assert "Its red flags are kept with that day" in out
    code, out, err = cli("checkin", "--sore", "knees=2")
    assert code == 0 and "Its red flags are kept" not in out


def test_a_run_logged_inside_another_recovery_says_today_still_follows_it(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    """An easy run, or a shorter race, during a marathon's window: the plan has not changed
    and running was not advised yet: both are said (it said 'no recovery window needed')."""
    two_days_ago = (TODAY - timedelta(days=2)).isoformat()
    assert cli("log-run", "--distance-km", "42.2", "--date", two_days_ago)[0] == 0
    assert cli("checkin", "--sore", "quadriceps=8")[0] == 0
    code, out, err = cli("log-run", "--distance-km", "8", "--kind", "easy")
    assert code == 0, err
    assert "it opens no recovery window of its own" in out
    assert "Today still follows the recovery after your marathon (day 2 of 14)." in out
    assert "Ready for an easy run? Not yet" in out
    assert "Keep hydrating" not in out
    code, out, err = cli("log-run", "--distance-km", "10", "--kind", "race")
    assert code == 0, err
    assert "Today still follows the recovery after your marathon (day 2 of 14)." in out


def test_an_easy_run_with_no_recovery_open_says_it_opens_none(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, err = cli("log-run", "--distance-km", "8", "--kind", "easy")
    assert code == 0, err
    assert out.splitlines()[1:] == [
        "An easy effort: it opens no recovery window of its own. Keep hydrating and stretching."
    ]

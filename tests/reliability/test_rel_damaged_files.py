"""Damaged, foreign, older and newer data files as the user meets them: through the CLI and
the app. (tests/store covers the repository itself.)"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pendulum
import pytest
from app_factory import SIZE, make_app
from rel_support import assert_one_clear_line, cli, files_of

from recovery_tui.app.main import StartRequest
from recovery_tui.commands import common
from recovery_tui.domain.clock import FakeClock, today
from recovery_tui.domain.formats import long_date
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.screens.data_repaired import DataRepairedScreen
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.today import TodayScreen

VALID_MAIN = json.dumps({"_meta": {"1": {"schema": 1}}, "runs": {}}).encode()
VALID_MONTH = json.dumps({"checkins": {}, "tasks": {}}).encode()


def damaged(valid: bytes, table: str) -> dict[str, bytes]:
    return {
        "empty": b"",
        "truncated": valid[: len(valid) // 2],
        "NUL-filled": b"\x00" * 4096,
        "trailing garbage": valid + b"\n}}]garbage",
        "non-UTF-8": b'{"' + table.encode() + b'": {"\xff\xfe": {}}}',
        "a list": b"[]",
        "null": b"null",
        "a table as a list": b'{"_meta": {"1": {"schema": 1}}, "' + table.encode() + b'": []}',
    }


MAIN_CASES = damaged(VALID_MAIN, "runs")
MONTH_CASES = damaged(VALID_MONTH, "checkins")


def this_month_file(data: Path) -> Path:
    return data / "months" / f"{date.today():%Y-%m}.json"


def check_moved_aside(err: str, path: Path, content: bytes) -> None:
    moved = list(path.parent.glob(f"{path.name}.corrupt-*"))
    assert len(moved) == 1, list(path.parent.iterdir())
    assert moved[0].read_bytes() == content  # what was there is kept, not emptied
    assert str(path) in err and str(moved[0]) in err, err
    assert "Traceback" not in err


def check_left_as_it_is(err: str, path: Path, content: bytes) -> None:
    """A command that only reads names the damaged file and changes nothing."""
    line = assert_one_clear_line(err)
    assert str(path) in line and "left as it is" in line and "any command that saves" in line
    assert path.read_bytes() == content
    assert not list(path.parent.glob(f"{path.name}.corrupt-*"))


@pytest.mark.parametrize("content", MAIN_CASES.values(), ids=MAIN_CASES.keys())
def test_a_damaged_main_file_is_named_by_today_and_moved_aside_by_a_save(
    content: bytes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "recovery.json").write_bytes(content)
    code, _out, err = cli(capsys, data_dir, "today")
    assert code == 1
    check_left_as_it_is(err, data_dir / "recovery.json", content)
    code, out, err = cli(capsys, data_dir, "checkin", "--sore", "ankles=3")
    assert code == 0, err  # the fresh file takes the check-in at once
    check_moved_aside(err, data_dir / "recovery.json", content)
    code, out, err = cli(capsys, data_dir, "today")
    assert code == 0 and err == ""  # told once, not on every start
    assert "Tasks" in out


@pytest.mark.parametrize("content", MONTH_CASES.values(), ids=MONTH_CASES.keys())
def test_a_damaged_month_file_is_named_by_today_and_moved_aside_by_a_save(
    content: bytes, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, data_dir, "checkin", "--sore", "ankles=3")[0] == 0
    month = this_month_file(data_dir)
    month.write_bytes(content)
    code, _out, err = cli(capsys, data_dir, "today")
    assert code == 1
    check_left_as_it_is(err, month, content)
    code, _out, err = cli(capsys, data_dir, "log-run", "--distance-km", "5")
    assert code == 0, err
    check_moved_aside(err, month, content)


async def test_the_app_shows_the_notice_for_a_damaged_file(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    data = app.dirs.data
    data.mkdir(parents=True)
    (data / "recovery.json").write_bytes(b'{"runs": {"a": ')
    month = data / "months" / "2026-11.json"
    month.parent.mkdir()
    month.write_bytes(b"\x00" * 64)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # In a dialog that stays until read: a toast fades before a tired user reads it.
        assert isinstance(app.screen, DataRepairedScreen)
        notices = app.screen.notices
        for path in (data / "recovery.json", month):
            assert any(str(path) in n and ".corrupt-" in n for n in notices), notices
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        app.watch()  # nothing new: the dialog is not shown again
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert app.return_code in (None, 0)


async def test_notices_met_during_a_session_wait_for_its_end(tmp_path: Path) -> None:
    """A running walk is not covered: a toast says a file needed mending, and the dialog
    shows once Today is back."""
    app = make_app(tmp_path, start=StartRequest(walk_minutes=10))
    month = app.dirs.data / "months" / "2026-03.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        month.parent.mkdir(exist_ok=True)
        month.write_text("{broken", encoding="utf-8")
        app.journal.history(date(2026, 3, 1), date(2026, 3, 31))  # met, and moved aside
        app.watch()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert [n.title for n in app._notifications] == ["Data file"]
        await pilot.press("q", "q")  # stop the walk (asked once): back to Today
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        app.watch()
        await pilot.pause()
        assert isinstance(app.screen, DataRepairedScreen)
        assert any(str(month) in n for n in app.screen.notices)


def version_0_file(run: Run) -> bytes:
    """The prototype's layout: one stock TinyDB file with numbered documents."""
    return json.dumps({"runs": {"1": run.to_dict()}, "checkins": {}, "tasks": {}}).encode()


def test_an_older_file_is_migrated_with_a_backup_and_the_run_kept(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    yesterday = date.today() - timedelta(days=1)
    run = Run(yesterday, 21.1, 8, RunKind.RACE, None, f"{yesterday}T10:00:00.000000Z", "UTC")
    old = version_0_file(run)
    data_dir.mkdir(parents=True)
    (data_dir / "recovery.json").write_bytes(old)
    code, _out, err = cli(capsys, data_dir, "today")  # only reads: upgrades nothing
    assert code == 1
    assert "data format 0" in assert_one_clear_line(err)
    assert files_of(data_dir) == {"recovery.json": old}
    code, _out, err = cli(capsys, data_dir, "settings", "distance_unit", "km")
    assert code == 0, err
    line = assert_one_clear_line(err)
    assert "upgraded" in line
    copies = list((data_dir / "backups").glob("before-schema-1-*/recovery.json"))
    assert [c.read_bytes() for c in copies] == [old]
    assert str(copies[0].parent) in line
    code, out, err = cli(capsys, data_dir, "today")
    assert code == 0, err
    assert "Day 1 of 7" in out


NEWER = json.dumps({"_meta": {"1": {"schema": 99}}, "runs": {"r": {"from": "the future"}}}).encode()


@pytest.mark.parametrize(
    "args", [("today",), ("checkin", "--sore", "ankles=2"), ("history", "--days", "3")]
)
def test_a_newer_file_is_refused_untouched(
    args: tuple[str, ...], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "recovery.json").write_bytes(NEWER)
    before = files_of(data_dir)
    code, _out, err = cli(capsys, data_dir, *args)
    assert code == 1
    line = assert_one_clear_line(err)
    assert "newer version" in line and "upgrade" in line
    assert files_of(data_dir) == before


async def test_the_app_refuses_a_newer_file_with_exit_1(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.dirs.data.mkdir(parents=True)
    (app.dirs.data / "recovery.json").write_bytes(NEWER)
    before = files_of(app.dirs.data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert files_of(app.dirs.data) == before


IMPOSSIBLE = {
    "a run on 9999-12-31": (
        "recovery.json",
        {
            "_meta": {"1": {"schema": 1}},
            "runs": {
                "r": {
                    "id": "r",
                    "day": "9999-12-31",
                    "distance_km": 21.1,
                    "effort": 8,
                    "kind": "race",
                    "finish": None,
                    "recorded_at": "2026-11-20T10:00:00.000000Z",
                    "tz": "UTC",
                }
            },
        },
    ),
    "a check-in with soreness 99": (
        f"months/{date.today():%Y-%m}.json",
        {
            "checkins": {
                date.today().isoformat(): {
                    "day": date.today().isoformat(),
                    "soreness": {"knees": 99},
                    "recorded_at": "2026-11-20T10:00:00.000000Z",
                    "tz": "UTC",
                }
            }
        },
    ),
}


@pytest.mark.parametrize("case", IMPOSSIBLE.values(), ids=IMPOSSIBLE.keys())
@pytest.mark.parametrize("command", [("history", "--days", "7"), ("today",), ("remind",)])
def test_an_impossible_value_is_refused_at_load_not_met_later(
    case: tuple[str, dict[str, object]],
    command: tuple[str, ...],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name, tables = case
    path = data_dir / name
    path.parent.mkdir(parents=True)
    content = json.dumps(tables).encode()
    path.write_bytes(content)
    code, _out, err = cli(capsys, data_dir, *command)
    assert code == 1
    check_left_as_it_is(err, path, content)
    assert "is not a valid record" in err and "out of range" in err
    code, _out, err = cli(capsys, data_dir, "settings", "distance_unit", "km")
    assert code == 0, err
    check_moved_aside(err, path, content)


def four_saves(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> date:
    """Two saves to each file over two days: today's first write to each file keeps a copy
    of it as the day began (a run of 21.1 km; ankles at 3 yesterday). Returns today."""
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 8, 30, tz="Europe/Amsterdam"))
    monkeypatch.setattr(common, "system_clock", lambda: clock)
    saves = [
        ("log-run", "--distance-km", "21.1"),
        ("checkin", "--sore", "ankles=3"),
        ("log-run", "--distance-km", "10"),
        ("checkin", "--sore", "knees=2"),
    ]
    for n, args in enumerate(saves):
        if n == 2:
            clock.advance(24 * 3600)
        code, _out, err = cli(capsys, data, *args)
        assert code == 0, err
    return today(clock)


def test_a_damaged_main_file_is_restored_from_its_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    day = four_saves(data_dir, capsys, monkeypatch)
    main = data_dir / "recovery.json"
    main.write_bytes(b"\x00" * 100)
    code, _out, err = cli(capsys, data_dir, "checkin", "--sore", "calves=1")
    assert code == 0, err
    check_moved_aside(err, main, b"\x00" * 100)
    assert f"your data from the backup of {long_date(day)} was restored" in err
    runs = json.loads(main.read_text())["runs"]
    assert [run["distance_km"] for run in runs.values()] == [21.1]


def test_a_damaged_month_file_is_restored_from_its_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    day = four_saves(data_dir, capsys, monkeypatch)
    month = data_dir / "months" / f"{day:%Y-%m}.json"
    month.write_bytes(b'{"checkins": ')
    code, _out, err = cli(capsys, data_dir, "settings", "distance_unit", "km")
    assert code == 0, err
    check_moved_aside(err, month, b'{"checkins": ')
    assert f"your data from the backup of {long_date(day)} was restored" in err
    code, out, err = cli(capsys, data_dir, "history", "--days", "2", "--format", "json")
    assert code == 0, err
    shown = {entry["date"]: entry["soreness"] for entry in json.loads(out)}
    assert shown == {(day - timedelta(days=1)).isoformat(): {"ankles": 3}, day.isoformat(): {}}


def test_one_bad_record_is_left_out_and_the_rest_of_the_file_kept(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A value edited by hand out of range: the other runs, newer than any backup, stay.
    for km in ("21.1", "10", "5"):
        assert cli(capsys, data_dir, "log-run", "--distance-km", km)[0] == 0
    main = data_dir / "recovery.json"
    edited = main.read_text().replace('"distance_km": 10.0', '"distance_km": -10.0')
    assert edited != main.read_text()
    main.write_text(edited)
    code, _out, err = cli(capsys, data_dir, "checkin", "--sore", "calves=1")
    assert code == 0, err
    check_moved_aside(err, main, edited.encode())
    assert "1 record could not be read" in err and "out of range" in err
    assert "everything else in it is kept" in err
    runs = json.loads(main.read_text())["runs"]
    assert sorted(run["distance_km"] for run in runs.values()) == [5.0, 21.1]


def test_a_check_in_with_one_bad_value_keeps_the_rest_and_its_red_flag(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The flag reshapes the day: an area edited to 11 must not take it away.
    args = ("checkin", "--sore", "calves=6", "--sore", "knees=4", "--flag", "sharp_pain")
    assert cli(capsys, data_dir, *args, "--note", "knee stabbing")[0] == 0
    month = next((data_dir / "months").glob("*.json"))
    tables = json.loads(month.read_text())
    (key,) = tables["checkins"]
    tables["checkins"][key]["soreness"]["calves"] = 11
    month.write_text(json.dumps(tables))
    code, _out, err = cli(capsys, data_dir, "log-run", "--distance-km", "5")
    assert code == 0, err
    assert "soreness 11 is out of range" in err and "the rest of that check-in is kept" in err
    kept = json.loads(month.read_text())["checkins"][key]
    assert kept["soreness"] == {"knees": 4}
    assert kept["red_flags"] == ["sharp_pain"] and kept["note"] == "knee stabbing"
    code, out, _err = cli(capsys, data_dir, "today")
    assert code == 0 and "sharp or stabbing pain" in out


def test_bad_check_ins_are_left_out_of_their_month_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    day = four_saves(data_dir, capsys, monkeypatch)
    month = data_dir / "months" / f"{day:%Y-%m}.json"
    tables = json.loads(month.read_text())
    yesterday = (day - timedelta(days=1)).isoformat()
    tables["checkins"][yesterday]["soreness"]["ankles"] = 11
    month.write_text(json.dumps(tables))
    code, _out, err = cli(capsys, data_dir, "log-run", "--distance-km", "5")
    assert code == 0, err
    assert "1 record could not be read" in err
    code, out, err = cli(capsys, data_dir, "history", "--days", "2", "--format", "json")
    assert code == 0, err
    shown = {entry["date"]: entry["soreness"] for entry in json.loads(out)}
    assert shown == {yesterday: {}, day.isoformat(): {"knees": 2}}


def test_a_hand_edit_of_the_wrong_shape_is_left_out_and_the_rest_kept(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A setting written flat and a comment added at the top: neither loses today's runs.
    for km in ("21.1", "10"):
        assert cli(capsys, data_dir, "log-run", "--distance-km", km)[0] == 0
    assert cli(capsys, data_dir, "checkin", "--sore", "calves=2")[0] == 0
    main = data_dir / "recovery.json"
    tables = json.loads(main.read_text())
    tables["settings"]["theme"] = "nord"
    tables["comment"] = "my runs"
    main.write_text(json.dumps(tables))
    month = next((data_dir / "months").glob("*.json"))
    month_tables = json.loads(month.read_text())
    month_tables["notes"] = "sore week"
    month.write_text(json.dumps(month_tables))
    code, _out, err = cli(capsys, data_dir, "log-run", "--distance-km", "5")
    assert code == 0, err
    assert "2 records could not be read" in err and "1 record could not be read" in err
    runs = json.loads(main.read_text())["runs"]
    assert sorted(run["distance_km"] for run in runs.values()) == [5.0, 10.0, 21.1]
    code, out, err = cli(capsys, data_dir, "history", "--days", "1", "--format", "json")
    assert code == 0, err
    assert json.loads(out)[0]["soreness"] == {"calves": 2}

"""Commands that only show the records create nothing: a mistyped --data-dir reads as no
records instead of becoming a new empty store, and data that cannot be written (a lock file
that cannot be opened, as on a read-only file system) can still be read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_support import NOW, files_of

from recovery_tui.cli import main
from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import Repository

READ_ONLY = [
    ("today",),
    ("today", "--json"),
    ("status",),
    ("status", "--format", "json"),
    ("history",),
    ("history", "--format", "json"),
    ("settings",),
    ("settings", "distance_unit"),
    ("report",),
    ("report", "--format", "html"),
    ("remind",),  # run by cron: nothing due, nothing written
]


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--data-dir", str(data)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("clock")
@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_a_read_only_command_makes_no_data_dir_and_shows_an_empty_store(
    args: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    Repository.open(empty, FakeClock(NOW)).close()
    missing = tmp_path / "mistyped" / "data"
    code, out, err = run(capsys, missing, *args)
    assert code == 0, err
    assert not (tmp_path / "mistyped").exists()
    assert (code, out.replace(str(missing), str(empty)), err) == run(capsys, empty, *args)


@pytest.mark.usefixtures("clock")
def test_backups_of_no_data_dir_says_there_are_none_and_makes_no_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, tmp_path / "mistyped", "backups")
    assert (code, err) == (0, "")
    assert out.startswith("No backups yet")
    assert not (tmp_path / "mistyped").exists()


@pytest.mark.usefixtures("clock")
def test_export_of_no_data_dir_writes_the_empty_document_and_makes_no_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    Repository.open(empty, FakeClock(NOW)).close()
    missing = tmp_path / "mistyped"
    assert run(capsys, missing, "export", str(tmp_path / "a.json"))[0] == 0
    assert run(capsys, empty, "export", str(tmp_path / "b.json"))[0] == 0
    assert not missing.exists()
    exported = [json.loads((tmp_path / name).read_text()) for name in ("a.json", "b.json")]
    assert exported[0] == exported[1]


@pytest.mark.parametrize(
    "args",
    [
        ("checkin", "--sore", "ankles=3"),
        ("log-run", "--distance-km", "5"),
        ("settings", "distance_unit", "mi"),
    ],
    ids=" ".join,
)
@pytest.mark.usefixtures("clock")
def test_a_command_that_saves_still_makes_the_data_dir(
    args: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "new" / "data"
    code, _out, err = run(capsys, data, *args)
    assert code == 0, err
    assert (data / "recovery.json").is_file()


@pytest.mark.usefixtures("clock")
@pytest.mark.parametrize(
    "args", [("today",), ("history", "--format", "json"), ("settings", "distance_unit")]
)
def test_data_whose_lock_cannot_be_opened_can_still_be_read(
    args: tuple[str, ...], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As on a read-only file system (a folder in the lock's place: the tests run as root,
    for whom file modes do not bite)."""
    assert run(capsys, data_dir, "checkin", "--sore", "ankles=3", "--note", "stairs")[0] == 0
    assert run(capsys, data_dir, "settings", "distance_unit", "mi")[0] == 0
    before = run(capsys, data_dir, *args)
    lock = data_dir / ".lock"
    lock.unlink()
    lock.mkdir()
    assert run(capsys, data_dir, *args) == before
    code, _out, err = run(capsys, data_dir, "export", str(tmp_path / "out.json"))
    assert code == 0, err
    assert "stairs" in (tmp_path / "out.json").read_text()
    code, _out, err = run(capsys, data_dir, "checkin", "--sore", "knees=2")
    assert code == 1 and "could not open the lock file" in err
    shutil.rmtree(lock)


# -- a damaged file: the commands a user rescues data with still work ----------------------


def _record_and_damage(capsys: pytest.CaptureFixture[str], data: Path) -> Path:
    """A run in the main file, a check-in in this month's file; then this month's file
    is cut short, as a crash of a foreign editor leaves it."""
    assert run(capsys, data, "log-run", "--distance-km", "12.5")[0] == 0
    assert run(capsys, data, "checkin", "--sore", "calves=4", "--note", "stairs")[0] == 0
    (month,) = (data / "months").glob("*.json")
    month.write_bytes(month.read_bytes()[:40])
    return month


@pytest.mark.usefixtures("clock")
def test_export_with_a_damaged_file_exports_the_rest_says_it_is_incomplete_and_writes_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    month = _record_and_damage(capsys, data_dir)
    before = files_of(data_dir)
    code, out, err = run(capsys, data_dir, "export", str(tmp_path / "out.json"))
    assert code == 1
    exported = json.loads((tmp_path / "out.json").read_text())
    assert [r["distance_km"] for r in exported["runs"]] == [12.5]
    assert exported["checkins"] == []
    assert out.startswith("Exported 1 run, 0 check-ins")
    assert "export is incomplete" in err and str(month) in err
    assert "could not be read" in err and "nothing in it is used" in err
    assert files_of(data_dir) == before  # the damaged file is left for a save to move


@pytest.mark.usefixtures("clock")
def test_export_to_standard_output_with_a_damaged_file_also_says_it_is_incomplete(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _record_and_damage(capsys, data_dir)
    code, out, err = run(capsys, data_dir, "export", "-")
    assert code == 1
    assert [r["distance_km"] for r in json.loads(out)["runs"]] == [12.5]
    assert "export is incomplete" in err


@pytest.mark.usefixtures("clock")
def test_export_keeps_every_record_of_a_file_damaged_in_one_value(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A value edited out of range costs that value only: the check-in, its red flag and
    its note are exported."""
    assert run(capsys, data_dir, "checkin", "--sore", "calves=4", "--flag", "swelling")[0] == 0
    (month,) = (data_dir / "months").glob("*.json")
    tables = json.loads(month.read_text())
    (checkin,) = tables["checkins"].values()
    checkin["soreness"]["knees"] = 11
    checkin["note"] = "stairs"
    month.write_text(json.dumps(tables))
    code, _out, err = run(capsys, data_dir, "export", str(tmp_path / "out.json"))
    assert code == 1
    (exported,) = json.loads((tmp_path / "out.json").read_text())["checkins"]
    assert exported["soreness"] == {"calves": 4}
    assert exported["red_flags"] == ["swelling"] and exported["note"] == "stairs"
    assert "1 record could not be read" in err and "soreness 11 is out of range" in err
    assert json.loads(month.read_text()) == tables


@pytest.mark.usefixtures("clock")
def test_backups_are_listed_when_a_data_file_is_damaged_and_the_file_is_named(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    month = _record_and_damage(capsys, data_dir)
    before = files_of(data_dir)
    code, out, err = run(capsys, data_dir, "backups")
    assert code == 0
    assert "`recovery-tui restore DAY` brings one day back" in out
    assert str(month) in err and "could not be read" in err
    assert files_of(data_dir) == before


@pytest.mark.usefixtures("clock")
def test_a_command_that_shows_a_verdict_still_stops_at_a_damaged_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No verdict from missing data: today does not read around damage."""
    month = _record_and_damage(capsys, data_dir)
    code, out, err = run(capsys, data_dir, "today")
    assert (code, out) == (1, "")
    assert str(month) in err and "left as it is" in err

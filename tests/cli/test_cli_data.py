"""``export``, ``backups`` and ``restore``: everything out as one private JSON file and back
in, the daily backups listed, and a day brought back."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from cli_support import TODAY, YESTERDAY, files_of
from conftest import Cli

from recovery_tui.domain.clock import FakeClock


def fill(cli: Cli) -> None:
    assert cli("log-run", "--distance-km", "21.1", "--kind", "race", "--date", YESTERDAY)[0] == 0
    assert cli("checkin", "--sore", "quadriceps=6", "--note", "stairs =hard")[0] == 0
    assert cli("settings", "distance_unit", "mi")[0] == 0


def test_export_writes_one_private_json_document(cli: Cli, tmp_path: Path) -> None:
    fill(cli)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "all.json"
    old = os.umask(0o022)
    try:
        code, out, err = cli("export", str(path))
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "recovery-tui-export"
    assert len(document["runs"]) == 1 and len(document["checkins"]) == 1
    assert document["distance_unit"] == "mi"
    assert document["settings"]["distance_unit"] == "mi"
    tasks = len(document["tasks"])
    records = f"{tasks} task record" + ("" if tasks == 1 else "s")
    assert f"Exported 1 run, 1 check-in, {records} and 0 sessions to {path}." in out
    assert [p.name for p in folder.iterdir()] == ["all.json"]  # no temporary file left


def test_export_to_a_dash_writes_the_document_to_standard_output(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(cli)
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("export", "-")
    assert code == 0, err
    document = json.loads(out)  # only the document: it goes through a pipe
    assert document["format"] == "recovery-tui-export" and len(document["runs"]) == 1
    assert not (tmp_path / "-").exists(), "no file named -"


def test_export_refuses_to_replace_a_file_without_force(cli: Cli, tmp_path: Path) -> None:
    fill(cli)
    path = tmp_path / "all.json"
    path.write_text("precious")
    code, _, err = cli("export", str(path))
    assert code == 2 and "exists already: add --force" in err
    assert path.read_text() == "precious"
    assert cli("export", str(path), "--force")[0] == 0
    assert json.loads(path.read_text())["format"] == "recovery-tui-export"


def test_export_into_a_missing_folder_fails_in_one_line(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("export", str(tmp_path / "no" / "such" / "all.json"))
    assert code == 1
    assert err.startswith("recovery-tui: could not write") and len(err.splitlines()) == 1


def test_export_wipe_import_gives_the_same_history(
    cli: Cli, tmp_path: Path, data_dir: Path
) -> None:
    assert cli("demo", "--days", "90")[0] == 0
    assert cli("checkin", "--sore", "calves=4", "--note", "=SUM(A1) and 日本")[0] == 0
    before = cli("history", "--days", "120", "--format", "json")[1]
    today_before = json.loads(cli("today", "--json")[1])
    assert cli("export", str(tmp_path / "all.json"))[0] == 0
    for child in data_dir.iterdir():  # wipe: nothing of the old data left
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    assert json.loads(cli("history", "--days", "120", "--format", "json")[1]) != json.loads(before)
    code, out, err = cli("import", str(tmp_path / "all.json"))
    assert code == 0, err
    assert "all.json: Imported" in out
    assert cli("history", "--days", "120", "--format", "json")[1] == before
    assert json.loads(cli("today", "--json")[1]) == today_before


def test_backups_lists_each_day_with_its_files_and_size(
    cli: Cli, clock: FakeClock, data_dir: Path
) -> None:
    assert not data_dir.exists()
    code, out, _ = cli("backups")  # only reads: makes no data dir
    assert code == 0 and out.startswith("No backups yet")
    assert not data_dir.exists()
    assert cli("settings", "distance_unit", "km")[0] == 0  # the first save: no data yet
    code, out, _ = cli("backups")
    assert code == 0 and "began with no data yet" in out
    fill(cli)
    clock.advance(timedelta(days=1).total_seconds())
    assert cli("checkin", "--sore", "calves=2")[0] == 0
    code, out, _ = cli("backups")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Day", "Files", "Size"]
    rows = [line.split(maxsplit=2) for line in lines[1:] if line[:4].isdigit()]
    assert [row[0] for row in rows] == [TODAY.isoformat(), (TODAY + timedelta(days=1)).isoformat()]
    folder = data_dir / "backups" / rows[-1][0]
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".absent")]
    assert int(rows[-1][1]) == len(files)
    size = sum(p.stat().st_size for p in files)
    assert rows[-1][2] == (f"{size} B" if size < 1000 else f"{size / 1000:.1f} KB")


def test_restore_brings_a_day_back_and_says_so(cli: Cli, clock: FakeClock, data_dir: Path) -> None:
    fill(cli)
    first_day = json.loads(cli("history", "--days", "2", "--format", "json")[1])
    clock.advance(timedelta(days=1).total_seconds())
    assert cli("checkin", "--date", TODAY.isoformat(), "--sore", "quadriceps=9")[0] == 0
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    code, out, err = cli("restore", tomorrow)
    assert code == 0, err
    assert out.startswith("Restored your data as it was at the start of")
    assert "is kept in" in out
    restored = json.loads(
        cli("history", "--from", YESTERDAY, "--to", TODAY.isoformat(), "--format", "json")[1]
    )
    assert restored == first_day


@pytest.mark.parametrize(
    ("day", "code", "words"),
    [("2020-01-01", 1, "there is no backup of 2020-01-01"), ("yesterday", 2, "DATE")],
)
def test_restore_of_a_day_without_a_backup_says_which_there_are(
    cli: Cli, data_dir: Path, day: str, code: int, words: str
) -> None:
    fill(cli)
    before = files_of(data_dir)
    got, _, err = cli("restore", day)
    assert got == code and words in err
    assert files_of(data_dir) == before


def _restorable(cli: Cli, clock: FakeClock) -> str:
    """A day's data, then the next day begun with a change: the first day can be restored."""
    fill(cli)
    clock.advance(timedelta(days=1).total_seconds())
    assert cli("checkin", "--date", TODAY.isoformat(), "--sore", "quadriceps=9")[0] == 0
    return (TODAY + timedelta(days=1)).isoformat()


def as_a_terminal(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Standard input is a terminal and the user types ``answer``; the questions asked."""
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)

    def typed(question: str) -> str:
        asked.append(question)
        return answer

    monkeypatch.setattr("builtins.input", typed)
    return asked


@pytest.mark.parametrize("answer", ["", "n", "no"])
def test_restore_on_a_terminal_says_what_would_change_and_asks_first(
    cli: Cli, clock: FakeClock, data_dir: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    day = _restorable(cli, clock)
    before = files_of(data_dir)
    asked = as_a_terminal(monkeypatch, answer)
    code, out, _err = cli("restore", day)
    assert code == 0 and len(asked) == 1 and "[y/N]" in asked[0]
    assert "Restoring the start of" in out and "rewrites" in out
    assert out.rstrip().endswith("Nothing was restored.")
    assert files_of(data_dir) == before


def test_restore_on_a_terminal_restores_on_yes_and_not_asked_with_yes(
    cli: Cli, clock: FakeClock, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = _restorable(cli, clock)
    asked = as_a_terminal(monkeypatch, "y")
    code, out, _err = cli("restore", day)
    assert code == 0 and len(asked) == 1
    assert "Restored your data" in out and "restore --undo" in out
    code, out, _err = cli("restore", day, "--yes")
    assert code == 0 and len(asked) == 1  # not asked again
    assert "nothing was restored" in out  # already as it was: no second copy either


@pytest.mark.parametrize("interrupt", [EOFError, KeyboardInterrupt])
def test_restore_question_left_with_ctrl_d_or_ctrl_c_restores_nothing(
    cli: Cli,
    clock: FakeClock,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    interrupt: type[BaseException],
) -> None:
    day = _restorable(cli, clock)
    before = files_of(data_dir)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)

    def leaves(question: str) -> str:
        raise interrupt

    monkeypatch.setattr("builtins.input", leaves)
    code, out, err = cli("restore", day)
    assert (code, err) == (0, "")
    assert out.rstrip().endswith("Nothing was restored.")
    assert files_of(data_dir) == before


def test_restore_undo_brings_the_data_back_and_backups_says_how(
    cli: Cli, clock: FakeClock, data_dir: Path
) -> None:
    fill(cli)
    runs = json.loads(cli("today", "--json")[1])["run"]
    code, out, _ = cli("restore", TODAY.isoformat())  # the day began with no data
    assert code == 0 and "runs 1 → 0" in out
    assert json.loads(cli("today", "--json")[1])["run"] is None
    code, out, _ = cli("backups")
    assert "`recovery-tui restore --undo` brings back what it took away" in out
    code, out, err = cli("restore", "--undo")
    assert code == 0, err
    assert out.startswith("Brought back what the last restore took away: ")
    assert json.loads(cli("today", "--json")[1])["run"] == runs


@pytest.mark.parametrize(
    ("args", "words"),
    [((), "give the DATE of a backup"), ((TODAY.isoformat(), "--undo"), "not both")],
)
def test_restore_without_a_day_or_with_both_is_refused(
    cli: Cli, data_dir: Path, args: tuple[str, ...], words: str
) -> None:
    fill(cli)
    before = files_of(data_dir)
    code, _out, err = cli("restore", *args)
    assert code == 2 and words in err
    assert files_of(data_dir) == before


def test_restore_undo_without_a_restore_says_so(cli: Cli, data_dir: Path) -> None:
    fill(cli)
    code, _out, err = cli("restore", "--undo")
    assert code == 1 and "there is no restore to undo" in err

"""People point recovery.json, or the whole data dir, into a synced folder: through the CLI,
every write keeps reaching the synced copy and the links stay links."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rel_support import cli


def soreness_today(capsys: pytest.CaptureFixture[str], data: Path) -> dict[str, int]:
    code, out, err = cli(capsys, data, "history", "--days", "1", "--format", "json")
    assert code == 0, err
    [day] = json.loads(out)
    assert day["date"] == date.today().isoformat()
    return day["soreness"]


def test_a_linked_main_file_keeps_receiving_writes(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synced = tmp_path / "Sync"
    synced.mkdir()
    data_dir.mkdir()
    link = data_dir / "recovery.json"
    link.symlink_to(synced / "recovery.json")
    for km in (10.0, 21.1):
        code, _out, err = cli(capsys, data_dir, "log-run", "--distance-km", str(km))
        assert code == 0, err
        assert link.is_symlink()
        runs = json.loads((synced / "recovery.json").read_text())["runs"]
        assert km in {run["distance_km"] for run in runs.values()}
    assert [p.name for p in data_dir.iterdir() if p.name.startswith("recovery.json")] == [
        "recovery.json"
    ]


def test_a_linked_data_dir_keeps_receiving_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "Sync" / "recovery-tui"
    real.mkdir(parents=True)
    link = tmp_path / "data-link"
    link.symlink_to(real, target_is_directory=True)
    for level in (3, 5):
        code, _out, err = cli(capsys, link, "checkin", "--sore", f"ankles={level}")
        assert code == 0, err
        assert soreness_today(capsys, real)["ankles"] == level
    assert link.is_symlink()
    assert (real / "months" / f"{date.today():%Y-%m}.json").is_file()

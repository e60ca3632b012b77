"""Private by default: every folder the program makes under the data dir is 0700 and every
file it writes there 0600, whatever the umask; so is the config dir it creates."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run, make_session

from recovery_tui.domain.clock import FakeClock
from recovery_tui.errors import log_unexpected
from recovery_tui.paths import Dirs
from recovery_tui.store import Repository

D = date(2026, 11, 26)
DAY = 24 * 3600


@pytest.fixture(params=[0o022, 0o002, 0o000], ids=["umask 022", "umask 002", "umask 000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def modes_under(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` (and itself) with its permission bits, in octal."""
    paths = [folder, *folder.rglob("*")]
    return {str(p.relative_to(folder.parent)): oct(stat.S_IMODE(p.lstat().st_mode)) for p in paths}


def every_kind_of_file(data: Path, clock: FakeClock) -> None:
    """Main and month files, day backups and marks, copies before a migration, an import
    and a restore, a damaged file moved aside, the lock and the error log."""
    Repository.open(data, clock).close()
    run = make_run(date(2026, 11, 20), run_id="old")
    (data / "recovery.json").write_text(json.dumps({"runs": {"1": run.to_dict()}}))
    with Repository.open(data, clock) as repo:  # migrates from the prototype's layout
        repo.save_checkin(make_checkin(D))
        repo.save_session(make_session(D))
        clock.advance(DAY)
        repo.add_run(make_run(D))
        repo.import_document(
            {
                "format": "recovery-tui-export",
                "schema": 1,
                # saved later than the check-in here, so the import changes it
                "checkins": [
                    {**make_checkin(D, 1).to_dict(), "recorded_at": "2026-11-27T09:00:00Z"}
                ],
            }
        )
        repo.restore(date(2026, 11, 27))
    (data / "months" / "2026-11.json").write_bytes(b"{damaged")
    with Repository.open(data, clock) as repo:
        assert any(".corrupt-" in notice for notice in repo.notices)
    log_unexpected(data / "errors.log", RuntimeError("note: sore knees"))


def test_every_path_under_the_data_dir_is_private(
    umask: int, tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "new" / "recovery-data"
    every_kind_of_file(data, clock)
    modes = modes_under(data)
    for name in ("backups/before-schema-1-", "backups/before-import-", "backups/before-restore-"):
        assert any(name in path for path in modes), name
    assert any(path.endswith(".absent") for path in modes)
    assert any(".corrupt-" in path for path in modes)
    assert "recovery-data/errors.log" in modes and "recovery-data/.lock" in modes
    expected = {path: oct(0o700) if (data.parent / path).is_dir() else oct(0o600) for path in modes}
    assert modes == expected
    assert oct(stat.S_IMODE((tmp_path / "new").stat().st_mode)) == oct(0o700)


def test_files_and_folders_an_older_version_left_open_are_closed(
    umask: int, store_dir: Path, clock: FakeClock
) -> None:
    Repository.open(store_dir, clock).close()
    month = store_dir / "months"
    month.mkdir(mode=0o755)
    os.chmod(month, 0o755)
    (store_dir / ".lock").chmod(0o644)
    loose_log = store_dir / "errors.log"
    loose_log.write_text("old entry\n")
    loose_log.chmod(0o644)
    damaged = month / "2026-11.json"
    damaged.write_bytes(b"[]")
    damaged.chmod(0o644)
    with Repository.open(store_dir, clock) as repo:
        repo.save_checkin(make_checkin(D))
    log_unexpected(loose_log, RuntimeError("x"))
    assert stat.S_IMODE(month.stat().st_mode) == 0o700
    for path in (store_dir / ".lock", loose_log, damaged, *month.glob("*.corrupt-*")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert loose_log.read_text().startswith("old entry\n")


def test_a_data_dir_the_user_made_keeps_its_mode(umask: int, store_dir: Path, clock):
    store_dir.mkdir(mode=0o750)
    os.chmod(store_dir, 0o750)
    Repository.open(store_dir, clock).close()
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o750


def test_the_config_dir_is_made_private(umask: int, tmp_path: Path) -> None:
    dirs = Dirs(tmp_path / "data", tmp_path / "xdg" / "config" / "recovery-tui")
    assert dirs.make_config() == dirs.config
    assert stat.S_IMODE(dirs.config.stat().st_mode) == 0o700
    assert stat.S_IMODE(dirs.config.parent.stat().st_mode) == 0o700

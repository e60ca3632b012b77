"""Data files and the data dir may be symlinks (into a synced folder, say): writes go to the
link's target, the link stays a link, and the lock still covers every writer."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run

from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import LockBusy, Repository
from recovery_tui.store.atomic import TEMP_MARK
from recovery_tui.store.lock import DataLock

D = date(2026, 11, 26)


def linked_main(store_dir: Path, synced: Path, clock: FakeClock) -> Path:
    """A data dir whose recovery.json is a link to a file in ``synced``."""
    with Repository.open(synced / "real-data", clock) as repo:
        repo.add_run(make_run(date(2026, 11, 20), run_id="before-link"))
    target = synced / "recovery.json"
    os.replace(synced / "real-data" / "recovery.json", target)
    store_dir.mkdir()
    (store_dir / "recovery.json").symlink_to(target)
    return target


def test_writes_through_a_linked_main_file_reach_its_target(tmp_path: Path, clock: FakeClock):
    store_dir, synced = tmp_path / "store", tmp_path / "synced"
    target = linked_main(store_dir, synced, clock)
    link = store_dir / "recovery.json"
    with Repository.open(store_dir, clock) as repo:
        assert [r.id for r in repo.runs()] == ["before-link"]
        repo.add_run(make_run(D, run_id="after-link"))
        repo.set_setting("theme", "nord")
    assert link.is_symlink()
    assert link.resolve() == target
    assert "after-link" in target.read_text() and "nord" in target.read_text()
    assert [p.name for p in synced.iterdir() if TEMP_MARK in p.name] == []
    with Repository.open(store_dir, clock) as again:
        assert [r.id for r in again.runs()] == ["before-link", "after-link"]


def test_a_linked_month_file_stays_a_link(store_dir: Path, tmp_path: Path, clock: FakeClock):
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "november.json"
    target.write_text('{"checkins": {}, "tasks": {}, "sessions": {}}')
    link = store_dir / "months" / "2026-11.json"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    with Repository.open(store_dir, clock) as repo:
        repo.save_checkin(make_checkin(D))
        repo.bump_task(D, "water", 2)
    assert link.is_symlink()
    assert '"2026-11-26"' in target.read_text()
    with Repository.open(store_dir, clock) as again:
        assert again.checkin(D) == make_checkin(D)
        assert again.task_states(D)["water"].count == 2


def test_a_link_to_a_file_not_there_yet_gets_the_file(store_dir: Path, tmp_path: Path, clock):
    synced = tmp_path / "synced"
    synced.mkdir()
    store_dir.mkdir()
    (store_dir / "recovery.json").symlink_to(synced / "recovery.json")
    with Repository.open(store_dir, clock) as repo:
        repo.add_run(make_run(D))
    assert (store_dir / "recovery.json").is_symlink()
    assert '"schema": 1' in (synced / "recovery.json").read_text()


def test_a_linked_data_dir_works_and_shares_the_lock(tmp_path: Path, clock: FakeClock):
    real, link = tmp_path / "synced" / "recovery-data", tmp_path / "data-link"
    real.mkdir(parents=True)
    link.symlink_to(real, target_is_directory=True)
    with Repository.open(link, clock, lock_timeout=0.1) as through_link:
        through_link.save_checkin(make_checkin(D))
        assert (real / "months" / "2026-11.json").is_file()
        assert link.is_symlink()
        other = DataLock(real / ".lock", timeout=0.1)
        with other.hold(), pytest.raises(LockBusy):
            through_link.set_task_count(D, "walk", 1)
        other.close()
        through_link.set_task_count(D, "walk", 1)
    with Repository.open(real, clock) as direct:
        assert direct.checkin(D) == make_checkin(D)
        assert direct.task_states(D)["walk"].count == 1


def test_a_damaged_linked_file_is_moved_aside_beside_its_target(
    store_dir: Path, tmp_path: Path, clock: FakeClock
):
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "recovery.json"
    target.write_bytes(b"{broken")
    store_dir.mkdir()
    link = store_dir / "recovery.json"
    link.symlink_to(target)
    with Repository.open(store_dir, clock) as repo:
        moved = synced / "recovery.json.corrupt-20261126T083000"
        assert moved.read_bytes() == b"{broken"
        assert str(moved) in repo.notices[0]
        repo.add_run(make_run(D, run_id="fresh"))
    assert link.is_symlink()
    assert '"fresh"' in target.read_text()


def test_a_temp_file_left_beside_a_linked_target_is_removed_on_open(
    tmp_path: Path, clock: FakeClock
):
    store_dir, synced = tmp_path / "store", tmp_path / "synced"
    target = linked_main(store_dir, synced, clock)
    stale = synced / f".{target.name}{TEMP_MARK}k1ll3d"
    stale.write_bytes(b'{"half": ')
    unrelated = synced / f".notes.txt{TEMP_MARK}someone-elses"
    unrelated.write_bytes(b"keep")
    Repository.open(store_dir, clock).close()
    assert not stale.exists()
    assert unrelated.exists()

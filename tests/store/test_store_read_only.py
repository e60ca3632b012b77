"""A read-only open creates and changes nothing: no data dir, main file, lock file, mark or
move; damage and an older format are errors; every write is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run

from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import Repository, SchemaTooNew, StoreError

D = date(2026, 11, 26)


def every_file(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def a_store(store_dir: Path, clock: FakeClock) -> None:
    with Repository.open(store_dir, clock) as repo:
        repo.add_run(make_run(D, run_id="r"))
        repo.save_checkin(make_checkin(D, note="stairs"))
        repo.set_setting("theme", "nord")


def test_no_data_dir_reads_as_no_records_and_is_not_made(tmp_path: Path, clock: FakeClock):
    store_dir = tmp_path / "no" / "such"
    with Repository.open(store_dir, clock, read_only=True) as repo:
        assert repo.is_empty()
        assert repo.runs() == []
        assert repo.checkin(D) is None
        assert repo.checkins(date(2026, 1, 1), D) == []
        assert repo.get_setting("theme") is None
        assert repo.backups() == []
        assert repo.export_document()["runs"] == []
        assert repo.take_notices() == []
    assert not (tmp_path / "no").exists()


WRITES: dict[str, Callable[[Repository], object]] = {
    "add_run": lambda repo: repo.add_run(make_run(D, run_id="new")),
    "save_checkin": lambda repo: repo.save_checkin(make_checkin(D, ankles=1)),
    "set_setting": lambda repo: repo.set_setting("theme", "gruvbox"),
    "bump_task": lambda repo: repo.bump_task(D, "water", 1),
    "delete_run": lambda repo: repo.delete_run("r"),
    "bulk_import": lambda repo: repo.bulk_import([make_run(D, run_id="demo")], [], [], []),
    "restore": lambda repo: repo.restore(D),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
@pytest.mark.parametrize("exists", [True, False], ids=["a store", "no data dir"])
def test_every_write_is_refused_and_changes_nothing(
    write: Callable[[Repository], object], exists: bool, store_dir: Path, clock: FakeClock
):
    if exists:
        a_store(store_dir, clock)
    before = every_file(store_dir)
    # (restoring with no data dir has no backup to refuse first)
    refused = r"read-only|there is no backup"
    with (
        Repository.open(store_dir, clock, read_only=True) as repo,
        pytest.raises(StoreError, match=refused),
    ):
        write(repo)
    assert every_file(store_dir) == before
    assert store_dir.exists() is exists


def test_reading_a_store_leaves_every_file_as_it_was(store_dir: Path, clock: FakeClock):
    a_store(store_dir, clock)
    (store_dir / ".lock").unlink()
    stale = store_dir / ".recovery.json.tmp-abandoned"
    stale.write_bytes(b"{")
    clock.advance(3 * 24 * 3600)  # a new day: a write would take a backup
    before = every_file(store_dir)
    with Repository.open(store_dir, clock, read_only=True) as repo:
        assert [r.id for r in repo.runs()] == ["r"]
        assert repo.checkin(D) == make_checkin(D, note="stairs")
        assert repo.get_setting("theme") == "nord"
        assert [b.day for b in repo.backups()] == [D]
    assert every_file(store_dir) == before  # no lock file, temp still there, no backup


@pytest.mark.parametrize("name", ["recovery.json", "months/2026-11.json"])
def test_a_damaged_file_is_an_error_and_left_where_it_is(
    name: str, store_dir: Path, clock: FakeClock
):
    a_store(store_dir, clock)
    (store_dir / name).write_bytes(b'{"runs": ')
    before = every_file(store_dir)
    with pytest.raises(StoreError, match="left as it is") as raised:
        Repository.open(store_dir, clock, read_only=True)
    assert str(store_dir / name) in str(raised.value)
    assert every_file(store_dir) == before


def test_a_damaged_older_month_met_while_reading_is_an_error(store_dir: Path, clock: FakeClock):
    with Repository.open(store_dir, clock) as repo:
        repo.save_checkin(make_checkin(date(2026, 5, 3)))
    (store_dir / "months" / "2026-05.json").write_bytes(b"")
    with (
        Repository.open(store_dir, clock, read_only=True) as repo,
        pytest.raises(StoreError, match="left as it is"),
    ):
        repo.checkins(date(2026, 5, 1), D)
    assert (store_dir / "months" / "2026-05.json").read_bytes() == b""


def test_an_older_format_is_an_error_and_not_migrated(store_dir: Path, clock: FakeClock):
    store_dir.mkdir()
    old = json.dumps({"runs": {"1": make_run(D, run_id="r").to_dict()}}).encode()
    (store_dir / "recovery.json").write_bytes(old)
    with pytest.raises(StoreError, match="data format 0"):
        Repository.open(store_dir, clock, read_only=True)
    assert every_file(store_dir) == {"recovery.json": old}


def test_a_newer_format_is_still_refused(store_dir: Path, clock: FakeClock):
    store_dir.mkdir()
    (store_dir / "recovery.json").write_text(json.dumps({"_meta": {"1": {"schema": 99}}}))
    with pytest.raises(SchemaTooNew):
        Repository.open(store_dir, clock, read_only=True)


def test_an_open_around_damage_reads_the_rest_and_names_the_damaged_files(
    store_dir: Path, clock: FakeClock
):
    a_store(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        repo.save_checkin(make_checkin(date(2026, 5, 3), note="may"))
    (store_dir / "recovery.json").write_bytes(b'{"runs": ')
    (store_dir / "months" / "2026-05.json").write_bytes(b"")
    before = every_file(store_dir)
    with Repository.open(store_dir, clock, around_damage=True) as repo:
        assert repo.runs() == []  # the main file: nothing in it reads
        assert repo.get_setting("theme") is None
        assert repo.checkin(D) is not None and repo.checkin(D).note == "stairs"
        assert [c.day for c in repo.checkins(date(2026, 5, 1), D)] == [D]
        damaged = [store_dir / "recovery.json", store_dir / "months" / "2026-05.json"]
        assert repo.read_around() == damaged
        notices = repo.take_notices()
        with pytest.raises(StoreError):
            repo.add_run(make_run(D, run_id="new"))
    assert [n.split(" could not be read")[0] for n in notices] == [str(p) for p in damaged]
    assert every_file(store_dir) == before


def test_an_open_around_damage_keeps_the_records_of_a_file_damaged_in_one(
    store_dir: Path, clock: FakeClock
):
    a_store(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        repo.add_run(make_run(D, run_id="second"))
    main = store_dir / "recovery.json"
    tables = json.loads(main.read_text())
    tables["runs"]["r"]["distance_km"] = "far"
    main.write_text(json.dumps(tables))
    with Repository.open(store_dir, clock, around_damage=True) as repo:
        assert [r.id for r in repo.runs()] == ["second"]
        assert repo.get_setting("theme") == "nord"
        (notice,) = repo.take_notices()
    assert notice.startswith(f"{main}: 1 record could not be read")
    assert json.loads(main.read_text()) == tables

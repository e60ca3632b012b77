"""A failed save leaves the old bytes; a read re-parses only when the file changed."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from store_samples import make_checkin

from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import Repository, StoreError, atomic
from recovery_tui.store.atomic import AtomicJSONStorage, atomic_write_bytes
from recovery_tui.store.errors import CorruptFile

D = date(2026, 11, 26)


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if atomic.TEMP_MARK in p.name]


def test_a_failing_replace_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "recovery.json"
    target.write_bytes(b'{"runs": {}}')

    def refuse(*_args: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(StoreError, match=r"could not save .*recovery.json: Input/output error"):
        atomic_write_bytes(target, b'{"runs": {"x": {}}}')
    assert target.read_bytes() == b'{"runs": {}}'
    assert temp_files(tmp_path) == []


def test_no_space_left_keeps_the_users_record_and_says_so(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
):
    repo.save_checkin(make_checkin(D, ankles=6))
    month_file = repo.data_dir / "months" / "2026-11.json"
    before = month_file.read_bytes()

    def disk_full(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "write", disk_full)
    with pytest.raises(StoreError) as caught:
        repo.save_checkin(make_checkin(D, ankles=1))
    monkeypatch.undo()
    assert str(caught.value) == f"could not save {month_file}: No space left on device"
    assert month_file.read_bytes() == before
    assert temp_files(repo.data_dir) == []
    # The failed change is not left behind in the cache either.
    assert repo.checkin(D) == make_checkin(D, ankles=6)


def test_a_failed_write_through_the_repository_can_be_retried(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
):
    repo.set_task_count(D, "walk", 1)
    month_file = repo.data_dir / "months" / "2026-11.json"
    before = month_file.read_bytes()
    monkeypatch.setattr(
        atomic.os,
        "replace",
        lambda *_: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only file system")),
    )
    with pytest.raises(StoreError, match="Read-only file system"):
        repo.bump_task(D, "walk", 1)
    assert month_file.read_bytes() == before
    monkeypatch.undo()
    assert repo.task_states(D)["walk"].count == 1
    assert repo.bump_task(D, "walk", 1).count == 2


def test_an_unchanged_file_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "m.json"
    path.write_text('{"checkins": {}}')
    parses: list[Path] = []
    real = atomic.decode_tables
    monkeypatch.setattr(atomic, "decode_tables", lambda raw, p: parses.append(p) or real(raw, p))
    storage = AtomicJSONStorage(path)
    first = storage.read()
    assert storage.read() is first
    assert len(parses) == 1
    storage.write({"checkins": {"x": {"a": 1}}})
    assert storage.read() == {"checkins": {"x": {"a": 1}}}
    assert len(parses) == 1  # our own write is cached, not re-read
    storage.close()


def test_a_change_by_another_writer_is_seen_even_at_the_same_size(tmp_path: Path):
    path = tmp_path / "m.json"
    mine, theirs = AtomicJSONStorage(path), AtomicJSONStorage(path)
    mine.write({"tasks": {"k": {"count": 1}}})
    assert theirs.read() == {"tasks": {"k": {"count": 1}}}
    theirs.write({"tasks": {"k": {"count": 2}}})  # same size, likely the same mtime tick
    assert mine.read() == {"tasks": {"k": {"count": 2}}}
    mine.close()
    theirs.close()


def test_stale_temp_files_are_removed_on_open(store_dir: Path, clock: FakeClock):
    with Repository.open(store_dir, clock) as repo:
        repo.save_checkin(make_checkin(D))
    stale = [
        store_dir / ".recovery.json.tmp-abc123",
        store_dir / "months" / ".2026-11.json.tmp-k1ll3d",
    ]
    for path in stale:
        path.write_bytes(b'{"half": ')
    keep = store_dir / "notes.tmp-not-ours"
    keep.write_text("x")
    with Repository.open(store_dir, clock) as repo:
        assert repo.checkin(D) == make_checkin(D)
    assert not any(p.exists() for p in stale)
    assert keep.exists()


def test_a_note_with_a_lone_surrogate_is_saved_and_read_back_exactly(
    repo: Repository, clock: FakeClock
):
    note = "caf\u00e9 \ud83d half an emoji"
    repo.save_checkin(make_checkin(D, note=note))
    month_file = repo.data_dir / "months" / "2026-11.json"
    month_file.read_bytes().decode("utf-8")  # still UTF-8 text
    with Repository.open(repo.data_dir, clock) as reader:
        assert reader.checkin(D) == make_checkin(D, note=note)
        assert reader.notices == []
    repo.save_checkin(make_checkin(D, note="caf\u00e9"))
    assert "caf\u00e9" in month_file.read_text(encoding="utf-8")  # readable when it can be


def test_a_json_error_is_said_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(CorruptFile) as caught:
        atomic.decode_tables(b'{"runs": "cut off', tmp_path / "recovery.json")
    assert "Unterminated string starting at line 1 column 10" in caught.value.reason
    assert " at at " not in caught.value.reason

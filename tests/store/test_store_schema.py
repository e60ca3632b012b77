"""The schema version: newer data is refused untouched, older data is migrated after a copy."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run, make_session

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import TaskState
from recovery_tui.store import Repository, SchemaTooNew, StoreError


def test_data_from_a_newer_version_is_refused_and_left_untouched(store_dir: Path, clock: FakeClock):
    store_dir.mkdir()
    newer = json.dumps({"_meta": {"1": {"schema": 7}}, "runs": "a new shape"}).encode()
    main = store_dir / "recovery.json"
    main.write_bytes(newer)
    stat_before = main.stat()
    with pytest.raises(SchemaTooNew) as caught:
        Repository.open(store_dir, clock)
    assert isinstance(caught.value, StoreError)
    message = str(caught.value)
    assert str(main) in message
    assert "format 7" in message
    assert "up to 1" in message
    assert main.read_bytes() == newer
    assert main.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert sorted(p.name for p in store_dir.iterdir()) == [".lock", "recovery.json"]


def test_a_newer_version_written_by_another_copy_stops_our_writes(
    repo: Repository,
):
    main = repo.data_dir / "recovery.json"
    newer = b'{"_meta": {"1": {"schema": 2}}}'
    main.write_bytes(newer)
    with pytest.raises(SchemaTooNew):
        repo.save_checkin(make_checkin(date(2026, 11, 26)))
    assert main.read_bytes() == newer
    assert not (repo.data_dir / "months" / "2026-11.json").exists()


def version_0_layout(runs, checkins, tasks, sessions) -> dict:
    """The prototype's file: a stock TinyDB database with numbered documents."""

    def numbered(docs):
        return {str(i): doc for i, doc in enumerate(docs, start=1)}

    return {
        "runs": numbered(r.to_dict() for r in runs),
        "checkins": numbered(c.to_dict() for c in checkins),
        "tasks": numbered(t.to_dict() for t in tasks),
        "sessions": numbered(s.to_dict() for s in sessions),
        "settings": numbered([{"key": "theme", "value": "light"}]),
    }


def test_a_version_0_file_is_backed_up_then_migrated(store_dir: Path, clock: FakeClock):
    run = make_run(date(2026, 10, 4))
    checkins = [make_checkin(date(2026, 10, 5)), make_checkin(date(2026, 11, 2))]
    task = TaskState(date(2026, 10, 5), "walk", 2, "2026-10-05T09:00:00.000000Z", "UTC")
    session = make_session(date(2026, 11, 2), "live")
    store_dir.mkdir()
    old_bytes = json.dumps(version_0_layout([run], checkins, [task], [session])).encode()
    (store_dir / "recovery.json").write_bytes(old_bytes)

    with Repository.open(store_dir, clock) as repo:
        copy = store_dir / "backups" / "before-schema-1-20261126T083000" / "recovery.json"
        assert copy.read_bytes() == old_bytes
        assert len(repo.notices) == 1
        assert str(copy.parent) in repo.notices[0]
        assert repo.runs() == [run]
        assert repo.checkins(date(2026, 10, 1), date(2026, 11, 30)) == checkins
        assert repo.task_states(date(2026, 10, 5)) == {"walk": task}
        assert repo.unfinished_sessions() == [session]
        assert repo.get_setting("theme") == "light"
    main = json.loads((store_dir / "recovery.json").read_text())
    assert main["_meta"] == {"1": {"schema": 1}}
    assert "checkins" not in main
    assert sorted(p.name for p in (store_dir / "months").iterdir()) == [
        "2026-10.json",
        "2026-11.json",
    ]
    with Repository.open(store_dir, clock) as again:
        assert again.notices == []

"""Damaged or foreign files are moved aside with a notice, never replaced or emptied."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run

from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import Repository

D = date(2026, 11, 26)
VALID_MAIN = json.dumps({"_meta": {"1": {"schema": 1}}, "runs": {}}).encode()

BAD_CONTENTS = {
    "empty": b"",
    "invalid JSON": b'{"runs": {"a": ',
    "NUL-filled": b"\x00" * 512,
    "truncated": VALID_MAIN[: len(VALID_MAIN) // 2],
    "trailing garbage": VALID_MAIN + b"}}garbage",
    "non-UTF-8": b'{"runs": {"\xff\xfe": {}}}',
    "a list": b"[]",
    "null": b"null",
    "a table that is a list": b'{"_meta": {"1": {"schema": 1}}, "runs": []}',
    "a doc that fails from_dict": (
        b'{"_meta": {"1": {"schema": 1}}, "runs": {"r1": {"id": "r1", "day": "yesterday"}}}'
    ),
}


def open_with_main(store_dir: Path, clock: FakeClock, content: bytes) -> Repository:
    store_dir.mkdir(parents=True, exist_ok=True)
    (store_dir / "recovery.json").write_bytes(content)
    return Repository.open(store_dir, clock)


@pytest.mark.parametrize("content", BAD_CONTENTS.values(), ids=BAD_CONTENTS.keys())
def test_a_bad_main_file_is_moved_aside_and_a_fresh_one_started(
    store_dir: Path, clock: FakeClock, content: bytes
):
    with open_with_main(store_dir, clock, content) as repo:
        moved = store_dir / "recovery.json.corrupt-20261126T083000"
        assert moved.read_bytes() == content
        assert len(repo.notices) == 1
        assert str(store_dir / "recovery.json") in repo.notices[0]
        assert str(moved) in repo.notices[0]
        assert repo.is_empty()
        repo.add_run(make_run(D))
        assert len(repo.runs()) == 1
    with Repository.open(store_dir, clock) as again:
        assert again.notices == []


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x00\x00", b'{"checkins": {"2026-11-26": {"day": "2026-11-26"}}}', b'{"tasks": 3}'],
    ids=["empty", "NUL", "doc missing fields", "table is a number"],
)
def test_a_bad_month_file_is_moved_aside_when_read(
    store_dir: Path, clock: FakeClock, content: bytes
):
    month = store_dir / "months" / "2025-02.json"
    with Repository.open(store_dir, clock) as repo:
        month.parent.mkdir()
        month.write_bytes(content)
        assert repo.checkins(date(2025, 2, 1), date(2025, 2, 28)) == []
        moved = month.with_name("2025-02.json.corrupt-20261126T083000")
        assert moved.read_bytes() == content
        [notice] = repo.notices
        assert notice.startswith(f"{month} could not be read (")
        assert notice.endswith(
            f"It was moved to {moved}; the records in it are kept there but no longer shown."
        )
        repo.save_checkin(make_checkin(date(2025, 2, 3)))
        assert [c.day for c in repo.checkins(date(2025, 2, 1), date(2025, 2, 28))] == [
            date(2025, 2, 3)
        ]


def test_the_current_month_is_checked_when_opening(store_dir: Path, clock: FakeClock):
    month = store_dir / "months" / "2026-11.json"
    month.parent.mkdir(parents=True)
    month.write_bytes(b"{not json")
    with Repository.open(store_dir, clock) as repo:
        assert len(repo.notices) == 1
        assert "not valid JSON" in repo.notices[0]


def test_a_bad_file_met_during_a_write_is_moved_aside_and_the_write_kept(
    repo: Repository,
):
    month = repo.data_dir / "months" / "2026-10.json"
    month.parent.mkdir(exist_ok=True)
    month.write_bytes(b"[1, 2]")
    repo.save_checkin(make_checkin(date(2026, 10, 5)))
    assert repo.checkin(date(2026, 10, 5)) == make_checkin(date(2026, 10, 5))
    assert month.with_name("2026-10.json.corrupt-20261126T083000").read_bytes() == b"[1, 2]"
    assert "found a list" in repo.notices[0]


def test_the_moved_aside_name_never_overwrites_an_earlier_one(store_dir: Path, clock: FakeClock):
    first = store_dir / "recovery.json.corrupt-20261126T083000"
    store_dir.mkdir()
    first.write_bytes(b"older damage")
    with open_with_main(store_dir, clock, b"null") as repo:
        assert first.read_bytes() == b"older damage"
        second = store_dir / "recovery.json.corrupt-20261126T083000-2"
        assert second.read_bytes() == b"null"
        assert str(second) in repo.notices[0]

"""One backup a day per file, taken before that day's first write; the newest 7 days kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store_samples import make_checkin

from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import Repository


def test_the_first_write_of_a_day_keeps_the_bytes_from_before_it(
    repo: Repository, clock: FakeClock
):
    day = date(2026, 11, 26)
    repo.set_task_count(day, "walk", 1)  # the month file did not exist: nothing to keep
    month = repo.data_dir / "months" / "2026-11.json"
    end_of_first_day = month.read_bytes()
    clock.advance(24 * 3600)
    repo.set_task_count(day, "walk", 2)
    repo.set_task_count(day, "walk", 3)
    copy = repo.data_dir / "backups" / "2026-11-27" / "months" / "2026-11.json"
    assert copy.read_bytes() == end_of_first_day
    # Only the file being written is copied.
    assert sorted(p.name for p in copy.parent.parent.iterdir()) == ["months"]


def test_backups_rotate_to_the_newest_seven_days(repo: Repository, clock: FakeClock):
    for n in range(10):
        repo.set_setting("counter", n)
        clock.advance(24 * 3600)
    backups = repo.data_dir / "backups"
    days = sorted(p.name for p in backups.iterdir())
    # The file did not exist before the first day's first write, so that day has no copy.
    assert days == ["2026-11-29", "2026-11-30"] + [f"2026-12-0{d}" for d in range(1, 6)]
    newest = (backups / "2026-12-05" / "recovery.json").read_text()
    assert '"counter": {"value": 8}' in newest


def test_pruning_leaves_copies_taken_before_a_migration(store_dir: Path, clock: FakeClock):
    keep = store_dir / "backups" / "before-schema-1-20250101T000000" / "recovery.json"
    keep.parent.mkdir(parents=True)
    keep.write_text("{}")
    with Repository.open(store_dir, clock) as repo:
        for _ in range(9):
            repo.save_checkin(make_checkin(date(2026, 11, 26)))
            clock.advance(24 * 3600)
    assert keep.read_text() == "{}"

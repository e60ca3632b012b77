"""A damaged file is replaced by its newest good backup (the damaged one kept aside, the
user told from which day); the backups can be listed and a day brought back on request."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.formats import long_date
from recovery_tui.domain.models import Area
from recovery_tui.store import Repository, StoreError

D = date(2026, 11, 26)
DAY = 24 * 3600
STAMP = "20261126T083000"  # the fake clock's moment, in moved-aside names


def history_over_days(store_dir: Path, clock: FakeClock) -> None:
    """A run and a check-in on each of the 24th, 25th and 26th (D); so backups/2026-11-25
    and backups/2026-11-26 hold both files as each of those days began."""
    clock.advance(-2 * DAY)
    with Repository.open(store_dir, clock) as repo:
        for n, day in enumerate([D - timedelta(days=2), D - timedelta(days=1), D]):
            if n:
                clock.advance(DAY)
            repo.add_run(make_run(day, run_id=f"run-{day.day}"))
            repo.save_checkin(make_checkin(day, ankles=n + 1))


def test_a_damaged_main_file_is_restored_from_the_newest_backup(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    main = store_dir / "recovery.json"
    main.write_bytes(b'{"runs": {"r": ')
    with Repository.open(store_dir, clock) as repo:
        # Today's copy was taken before today's first write: the runs of the days before.
        assert [r.id for r in repo.runs()] == ["run-24", "run-25"]
        moved = store_dir / f"recovery.json.corrupt-{STAMP}"
        assert moved.read_bytes() == b'{"runs": {"r": '
        [notice] = repo.notices
        assert notice == (
            f"{main} could not be read (not valid JSON (Expecting value at line 1 column 16)). "
            f"It was moved to {moved}; your data from the backup of {long_date(D)} was restored "
            "(anything saved after that backup is only in the moved file)."
        )


def test_a_damaged_month_file_is_restored_and_a_later_write_lands_on_it(
    store_dir: Path, clock: FakeClock
):
    history_over_days(store_dir, clock)
    month = store_dir / "months" / "2026-11.json"
    with Repository.open(store_dir, clock) as repo:
        month.write_bytes(b"\x00" * 64)  # damaged while the program runs
        repo.set_task_count(D, "walk", 1)
        # Today's copy is the month as today began: the 24th and 25th, not today's check-in.
        assert [c.day for c in repo.checkins(D - timedelta(days=5), D)] == [
            D - timedelta(days=2),
            D - timedelta(days=1),
        ]
        assert repo.task_states(D)["walk"].count == 1
        assert month.with_name(f"2026-11.json.corrupt-{STAMP}").read_bytes() == b"\x00" * 64
        [notice] = repo.notices
        assert f"your data from the backup of {long_date(D)} was restored" in notice


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    (store_dir / "backups" / "2026-11-26" / "recovery.json").write_bytes(b"[]")
    (store_dir / "recovery.json").write_bytes(b"null")
    with Repository.open(store_dir, clock) as repo:
        assert [r.id for r in repo.runs()] == ["run-24"]
        assert f"the backup of {long_date(D - timedelta(days=1))} was restored" in repo.notices[0]


def test_a_backup_with_an_impossible_value_is_not_good(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    for folder in ("2026-11-25", "2026-11-26"):
        copy = store_dir / "backups" / folder / "recovery.json"
        copy.write_text(copy.read_text().replace('"effort": 9', '"effort": 99'))
    (store_dir / "recovery.json").write_bytes(b"null")
    with Repository.open(store_dir, clock) as repo:
        assert repo.runs() == []
        assert "there is no good backup of it" in repo.notices[0]
        assert "a fresh file was started in its place" in repo.notices[0]


def test_a_backup_of_an_older_format_is_not_restored_over_newer_months(
    store_dir: Path, clock: FakeClock
):
    history_over_days(store_dir, clock)
    older = {"runs": {"1": make_run(D, run_id="old").to_dict()}, "checkins": {}}
    for folder in ("2026-11-25", "2026-11-26"):
        (store_dir / "backups" / folder / "recovery.json").write_text(json.dumps(older))
    month = store_dir / "months" / "2026-11.json"
    month_before = month.read_bytes()
    (store_dir / "recovery.json").write_bytes(b"")
    with Repository.open(store_dir, clock) as repo:
        assert repo.runs() == []
        assert "there is no good backup of it" in repo.notices[0]
    assert month.read_bytes() == month_before


def test_with_no_backup_the_notice_says_so(store_dir: Path, clock: FakeClock):
    store_dir.mkdir()
    (store_dir / "recovery.json").write_bytes(b"{")
    with Repository.open(store_dir, clock) as repo:
        assert "there is no good backup of it" in repo.notices[0]
        assert repo.is_empty()


# ------------------------------------------------------------------ listing and restoring


def test_backups_lists_each_day_with_its_files_and_sizes(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        days = repo.backups()
    # The 24th holds only marks: the files did not exist before that day's first write.
    assert [b.day for b in days] == [D - timedelta(days=2), D - timedelta(days=1), D]
    assert days[0].files == ()
    for backup in days[1:]:
        assert [f.name for f in backup.files] == ["months/2026-11.json", "recovery.json"]
        for f in backup.files:
            assert f.size == (backup.folder / f.name).stat().st_size > 0
        assert backup.size == sum(f.size for f in backup.files)


def test_restore_brings_back_the_data_as_that_day_began(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        present = {
            p.name: p.read_bytes() for p in store_dir.rglob("*.json") if "backups" not in p.parts
        }
        result = repo.restore(D - timedelta(days=1))
        assert [r.id for r in repo.runs()] == ["run-24"]
        assert [c.day for c in repo.checkins(D - timedelta(days=9), D)] == [D - timedelta(days=2)]
        assert result.files == ("months/2026-11.json", "recovery.json")
        assert result.saved_to == store_dir / "backups" / f"before-restore-{STAMP}"
        saved = {p.name: p.read_bytes() for p in result.saved_to.rglob("*.json")}
        assert saved == present
        assert str(result.saved_to) in result.message
        assert long_date(D - timedelta(days=1)) in result.message
    with Repository.open(store_dir, clock) as again:
        assert [r.id for r in again.runs()] == ["run-24"]


def test_two_restores_in_one_second_keep_both_copies_of_the_data_before(
    store_dir: Path, clock: FakeClock
):
    # The second restore's copy must not write over the first's: the data before the first
    # restore would be in no file at all.
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        before = {
            p.name: p.read_bytes() for p in store_dir.rglob("*.json") if "backups" not in p.parts
        }
        first = repo.restore(D - timedelta(days=1))
        second = repo.restore(D - timedelta(days=2))
    assert first.saved_to is not None and second.saved_to is not None
    assert second.saved_to == first.saved_to.with_name(f"{first.saved_to.name}-2")
    assert {p.name: p.read_bytes() for p in first.saved_to.rglob("*.json")} == before


def test_restore_is_faithful_for_files_not_written_that_day(store_dir: Path, clock: FakeClock):
    """A file untouched on the chosen day comes from its next copy (it had not changed); a
    file first made after that day is emptied (it did not exist yet)."""
    history_over_days(store_dir, clock)
    september, october = date(2026, 9, 3), date(2026, 10, 3)
    with Repository.open(store_dir, clock) as repo:
        clock.advance(-2 * DAY)
        repo.save_checkin(make_checkin(september))  # made on the 24th
        clock.advance(2 * DAY)
        repo.save_checkin(make_checkin(october))  # made on the 26th
        clock.advance(DAY)
        repo.save_checkin(make_checkin(september + timedelta(days=1)))  # copied on the 27th
        result = repo.restore(D - timedelta(days=1))
        assert {"months/2026-09.json", "months/2026-10.json"} <= set(result.files)
        assert [c.day for c in repo.checkins(date(2026, 9, 1), date(2026, 10, 31))] == [september]


def test_restore_refuses_a_day_without_a_backup(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        before = {p: p.read_bytes() for p in store_dir.rglob("*") if p.is_file()}
        with pytest.raises(StoreError) as caught:
            repo.restore(date(2026, 11, 1))
        assert str(caught.value) == (
            "there is no backup of 2026-11-01 (backups kept: 2026-11-24, 2026-11-25, 2026-11-26)"
        )
        after = {p: p.read_bytes() for p in store_dir.rglob("*") if p.is_file()}
    assert after == before


def test_restore_refuses_a_damaged_copy_and_writes_nothing(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    (store_dir / "backups" / "2026-11-26" / "months" / "2026-11.json").write_bytes(b"{")
    with Repository.open(store_dir, clock) as repo:
        runs = repo.runs()
        with pytest.raises(StoreError, match=r"2026-11.json could not be read .* nothing was"):
            repo.restore(D)
        assert repo.runs() == runs
    assert not list((store_dir / "backups").glob("before-restore-*"))


def test_every_writing_path_takes_the_days_backup(store_dir: Path, clock: FakeClock):
    def copies(day: str) -> list[str]:
        return sorted(p.name for p in (store_dir / "backups" / day).rglob("*.json"))

    Repository.open(store_dir, clock).close()
    clock.advance(DAY)
    with Repository.open(store_dir, clock) as repo:
        repo.bulk_import([make_run(D, run_id="demo")], [make_checkin(D)], [], [])
    assert copies("2026-11-27") == ["recovery.json"]  # the month file did not exist yet
    assert (store_dir / "backups" / "2026-11-27" / "months" / "2026-11.json.absent").exists()
    clock.advance(DAY)
    with Repository.open(store_dir, clock) as repo:
        repo.restore(date(2026, 11, 27))
        assert repo.is_empty()
    assert copies("2026-11-28") == ["2026-11.json", "recovery.json"]
    assert '"demo"' in (store_dir / "backups" / "2026-11-28" / "recovery.json").read_text()


def test_a_new_file_is_kept_once_as_absent_however_many_programs_write_it(
    store_dir: Path, clock: FakeClock
):
    """Each open stands for one program (one CLI command): the day's mark is all there is,
    so bringing the day back and recovering a damaged file both start from "no file"."""
    for n in range(3):
        with Repository.open(store_dir, clock) as program:
            program.add_run(make_run(D, run_id=f"run-{n}"))
            program.save_checkin(make_checkin(D, ankles=n + 1))
    folder = store_dir / "backups" / "2026-11-26"
    kept = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert kept == ["months/2026-11.json.absent", "recovery.json.absent"]
    (store_dir / "months" / "2026-11.json").write_bytes(b"")
    (store_dir / "recovery.json").write_bytes(b"")
    with Repository.open(store_dir, clock) as damaged:
        assert damaged.is_empty()
        assert damaged.checkin(D) is None
        said = " ".join(damaged.notices)
        assert said.count(f"its backup of {long_date(D)} says it did not exist") == 2
    with Repository.open(store_dir, clock) as restored:
        restored.restore(D)
        assert restored.is_empty()


def test_a_files_day_copy_is_taken_once_by_the_first_program_to_write_it(
    store_dir: Path, clock: FakeClock
):
    history_over_days(store_dir, clock)
    clock.advance(DAY)
    copy = store_dir / "backups" / "2026-11-27" / "recovery.json"
    with Repository.open(store_dir, clock) as first:
        first.add_run(make_run(date(2026, 11, 27), run_id="first"))
    as_the_day_began = copy.read_bytes()
    assert b'"first"' not in as_the_day_began
    with Repository.open(store_dir, clock) as second:
        second.add_run(make_run(date(2026, 11, 27), run_id="second"))
    assert copy.read_bytes() == as_the_day_began


def test_a_second_program_writes_without_touching_the_days_backup(
    store_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
):
    """On a full disk the day's later writes still go through: they copy nothing."""
    from recovery_tui.store import backups

    with Repository.open(store_dir, clock) as first:
        first.save_checkin(make_checkin(D, ankles=1))

    def disk_full(path: Path, payload: bytes, **kwargs: bool) -> int | None:
        raise StoreError(f"could not save {path}: No space left on device")

    monkeypatch.setattr(backups, "atomic_write_bytes", disk_full)
    with Repository.open(store_dir, clock) as second:
        second.save_checkin(make_checkin(D, ankles=2))
        second.add_run(make_run(D, run_id="second"))
    with Repository.open(store_dir, clock) as third:
        assert third.checkin(D) == make_checkin(D, ankles=2)


def test_a_days_mark_beside_a_copy_wins_for_restore_and_recovery_alike(
    store_dir: Path, clock: FakeClock
):
    """Older versions left both a mark and a mid-day copy: both readers take the mark."""
    with Repository.open(store_dir, clock) as first:
        first.add_run(make_run(D, run_id="first"))
    folder = store_dir / "backups" / "2026-11-26"
    (folder / "recovery.json").write_bytes((store_dir / "recovery.json").read_bytes())
    (store_dir / "recovery.json").write_bytes(b"")
    with Repository.open(store_dir, clock) as damaged:
        assert damaged.runs() == []
    with Repository.open(store_dir, clock) as restored:
        restored.add_run(make_run(D, run_id="again"))
        restored.restore(D)
        assert restored.runs() == []


def test_an_older_absent_mark_does_not_hide_a_newer_copy(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)  # the 24th began with no files, the 25th with some
    (store_dir / "backups" / "2026-11-26" / "recovery.json").unlink()
    (store_dir / "recovery.json").write_bytes(b"")
    with Repository.open(store_dir, clock) as repo:
        assert [r.id for r in repo.runs()] == ["run-24"]
        assert long_date(D - timedelta(days=1)) in repo.notices[0]


def test_a_mark_that_cannot_be_saved_does_not_stop_the_write(
    store_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
):
    from recovery_tui.store import backups

    real = backups.atomic_write_bytes

    def no_marks(path: Path, payload: bytes, **kwargs: bool) -> int | None:
        if path.name.endswith(".absent"):
            raise StoreError(f"could not save {path}: No space left on device")
        return real(path, payload, **kwargs)

    monkeypatch.setattr(backups, "atomic_write_bytes", no_marks)
    with Repository.open(store_dir, clock) as repo:
        repo.save_checkin(make_checkin(D))
        assert repo.checkin(D) == make_checkin(D)
    assert not list(store_dir.rglob("*.absent"))


def test_replacing_a_damaged_file_leaves_no_mark_that_would_empty_it(
    store_dir: Path, clock: FakeClock
):
    history_over_days(store_dir, clock)
    clock.advance(DAY)
    (store_dir / "recovery.json").write_bytes(b"")
    with Repository.open(store_dir, clock) as repo:
        assert [r.id for r in repo.runs()] == ["run-24", "run-25"]
        repo.add_run(make_run(date(2026, 11, 27), run_id="run-27"))
    assert not (store_dir / "backups" / "2026-11-27" / "recovery.json.absent").exists()
    with Repository.open(store_dir, clock) as later:
        later.set_setting("theme", "nord")  # the next program keeps today's copy
        later.restore(date(2026, 11, 27))
        assert [r.id for r in later.runs()] == ["run-24", "run-25", "run-27"]


def test_a_dry_run_of_restore_says_what_would_change_and_writes_nothing(
    store_dir: Path, clock: FakeClock
):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        before = {p: p.read_bytes() for p in store_dir.rglob("*") if p.is_file()}
        plan = repo.restore(D - timedelta(days=1), dry_run=True)
        assert {p: p.read_bytes() for p in store_dir.rglob("*") if p.is_file()} == before
        assert plan.saved_to is None
        assert plan.files == ("months/2026-11.json", "recovery.json")
        assert [(c.name, c.now, c.then, c.gone, c.back) for c in plan.changes] == [
            ("runs", 3, 1, 2, 0),
            ("check-ins", 3, 1, 2, 0),
        ]
        assert "runs 3 → 1, check-ins 3 → 1" in plan.message
        assert plan.message.startswith("Restoring the start of")
        done = repo.restore(D - timedelta(days=1))
    assert done.changes == plan.changes
    assert "restore --undo" in done.message


def test_undo_brings_back_the_data_before_the_last_restore_and_keeps_what_came_since(
    store_dir: Path, clock: FakeClock
):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        repo.restore(D - timedelta(days=2))  # the day the history began: nothing yet
        assert repo.runs() == []
        clock.advance(60)
        repo.add_run(make_run(D, run_id="after-restore"))
        assert repo.before_last_restore() == store_dir / "backups" / f"before-restore-{STAMP}"
        folder, merged = repo.undo_restore()
        assert folder.name == f"undone-before-restore-{STAMP}"
        assert sorted(r.id for r in repo.runs()) == [
            "after-restore",
            "run-24",
            "run-25",
            "run-26",
        ]
        checkins = repo.checkins(D - timedelta(days=9), D)
        assert [c.soreness[Area.ANKLES] for c in checkins] == [1, 2, 3]
        assert merged.added == 6
        # That copy is used: no restore is left to undo.
        assert repo.before_last_restore() is None
        with pytest.raises(StoreError, match="there is no restore to undo"):
            repo.undo_restore()


def test_a_restore_repeated_takes_no_copy_so_undo_still_reaches_the_data_before(
    store_dir: Path, clock: FakeClock
):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        first = repo.restore(D - timedelta(days=2))
        again = repo.restore(D - timedelta(days=2))
        assert first.saved_to is not None and again.saved_to is None
        assert again.files == () and "nothing was restored" in again.message
        repo.undo_restore()
        assert len(repo.runs()) == 3


def test_undo_twice_goes_one_restore_further_back_each_time(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        repo.restore(D - timedelta(days=1))  # three runs -> one
        clock.advance(1)
        repo.restore(D - timedelta(days=2))  # one run -> none
        repo.undo_restore()
        assert [r.id for r in repo.runs()] == ["run-24"]
        repo.undo_restore()
        assert sorted(r.id for r in repo.runs()) == ["run-24", "run-25", "run-26"]


def test_restore_replaces_a_damaged_present_file_and_counts_it_as_unreadable(
    store_dir: Path, clock: FakeClock
):
    """A month file first written today, damaged since: restoring today's start (when it
    did not exist) reads it as nothing there and replaces it (it stopped the restore)."""
    with Repository.open(store_dir, clock) as repo:
        repo.add_run(make_run(D, run_id="r"))
        clock.advance(60)
        repo.save_checkin(make_checkin(date(2026, 5, 3)))
    (store_dir / "months" / "2026-05.json").write_bytes(b"{broken")
    with Repository.open(store_dir, clock) as repo:
        plan = repo.restore(D, dry_run=True)
        assert "months/2026-05.json" in plan.files
        result = repo.restore(D)
        assert result.saved_to is not None
        assert repo.checkins(date(2026, 5, 1), date(2026, 5, 31)) == []
    assert (result.saved_to / "months" / "2026-05.json").read_bytes() == b"{broken"


def test_a_restore_that_swaps_records_says_which_went_and_came_back(
    store_dir: Path, clock: FakeClock
):
    """One run gone and another back: the counts alone (1 -> 1) would say nothing changed."""
    with Repository.open(store_dir, clock) as repo:
        repo.add_run(make_run(D, run_id="old"))
    clock.advance(DAY)
    with Repository.open(store_dir, clock) as repo:
        repo.delete_run("old")
        repo.add_run(make_run(D, run_id="new"))
        result = repo.restore(D + timedelta(days=1))
    assert "runs 1 → 1 (1 gone, 1 back)" in result.message


def test_undo_without_a_restore_is_refused(store_dir: Path, clock: FakeClock):
    history_over_days(store_dir, clock)
    with Repository.open(store_dir, clock) as repo:
        assert repo.before_last_restore() is None
        with pytest.raises(StoreError, match="there is no restore to undo"):
            repo.undo_restore()

"""Round trips for every record type, and the queries the screens and CLI rely on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run, make_session

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, RedFlag, SessionStatus, Side, StandResult, TaskState
from recovery_tui.store import Repository, StoreError, atomic

D = date(2026, 11, 26)


def test_a_new_data_dir_is_created_empty_with_a_schema_version(store_dir: Path, clock: FakeClock):
    with Repository.open(store_dir / "deep" / "er", clock) as repo:
        assert repo.is_empty()
        assert repo.first_day() is None
        assert repo.notices == []
        assert (repo.data_dir / "recovery.json").read_text().count('"schema": 1') == 1


def test_runs_round_trip_sorted_and_deleted(repo: Repository):
    late, early = make_run(date(2026, 11, 22)), make_run(date(2026, 10, 1), km=10.0)
    repo.add_run(late)
    repo.add_run(early)
    assert repo.runs() == [early, late]
    repo.delete_run(early.id)
    assert repo.runs() == [late]
    assert not repo.is_empty()


def test_checkin_round_trip_with_every_field_and_one_per_day(repo: Repository):
    full = replace(
        make_checkin(D),
        stand={Side.LEFT: StandResult.LEVEL, Side.RIGHT: StandResult.DROPPED},
        red_flags=frozenset({RedFlag.SWELLING}),
        note="stiff after the stairs",
    )
    repo.save_checkin(full)
    assert repo.checkin(D) == full
    edited = replace(full, soreness={Area.ANKLES: 2})
    repo.save_checkin(edited)
    assert repo.checkin(D) == edited
    assert repo.checkins(D, D) == [edited]
    assert repo.checkin(date(2026, 11, 25)) is None


def test_checkins_over_a_range_cross_months_and_are_inclusive(repo: Repository):
    days = [date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 31), date(2026, 11, 1)]
    for day in reversed(days):
        repo.save_checkin(make_checkin(day))
    assert [c.day for c in repo.checkins(days[1], days[2])] == days[1:3]
    assert [c.day for c in repo.checkins(days[0], days[3])] == days
    assert repo.checkins(days[3], days[0]) == []


def test_task_counts_set_bump_and_clamp(repo: Repository, clock: FakeClock):
    state = repo.set_task_count(D, "walk", 2)
    assert state == TaskState(D, "walk", 2, "2026-11-26T07:30:00.000000Z", "Europe/Amsterdam")
    clock.advance(60)
    bumped = repo.bump_task(D, "walk", 1, high=3)
    assert (bumped.count, bumped.updated_at) == (3, "2026-11-26T07:31:00.000000Z")
    assert repo.bump_task(D, "walk", 5, high=3).count == 3
    assert repo.bump_task(D, "water", -1).count == 0
    assert repo.task_states(D) == {
        "walk": repo.task_states(D)["walk"],
        "water": TaskState(D, "water", 0, "2026-11-26T07:31:00.000000Z", "Europe/Amsterdam"),
    }
    assert repo.task_states(D)["walk"].count == 3


def test_task_states_between_groups_by_day(repo: Repository):
    repo.set_task_count(date(2026, 10, 31), "walk", 1)
    repo.set_task_count(D, "walk", 2)
    repo.set_task_count(D, "stretch", 1)
    repo.set_task_count(date(2026, 11, 27), "walk", 1)
    between = repo.task_states_between(date(2026, 10, 31), D)
    assert list(between) == [date(2026, 10, 31), D]
    assert set(between[D]) == {"walk", "stretch"}
    assert repo.task_states(date(2026, 11, 25)) == {}


def test_sessions_upsert_by_id_and_leave_the_unfinished_list_when_done(repo: Repository):
    running = make_session(D)
    repo.save_session(running)
    progressed = replace(running, actual_seconds=600.0, position=3)
    repo.save_session(progressed)
    assert repo.sessions(D, D) == [progressed]
    assert repo.unfinished_sessions() == [progressed]
    done = replace(
        progressed, status=SessionStatus.COMPLETED, ended_at="2026-11-26T08:30:00.000000Z"
    )
    repo.save_session(done)
    assert repo.sessions(D, D) == [done]
    assert repo.unfinished_sessions() == []


def test_unfinished_sessions_come_from_any_month(repo: Repository, clock: FakeClock):
    old = make_session(date(2025, 3, 2), "old")
    repo.save_session(old)
    repo.save_session(make_session(D, "finished", SessionStatus.STOPPED))
    assert repo.unfinished_sessions() == [old]
    reopened = Repository.open(repo.data_dir, clock)
    assert reopened.unfinished_sessions() == [old]
    reopened.close()


def test_a_session_moved_to_another_day_is_not_kept_twice(repo: Repository):
    session = make_session(date(2026, 10, 31))
    repo.save_session(session)
    moved = replace(session, day=date(2026, 11, 1))
    repo.save_session(moved)
    assert repo.sessions(date(2026, 10, 1), date(2026, 11, 30)) == [moved]


def test_settings_hold_small_json_values(repo: Repository):
    assert repo.get_setting("theme", "dark") == "dark"
    repo.set_setting("theme", "light")
    repo.set_setting("bell", False)
    repo.set_setting("presets", [10, 15])
    assert (repo.get_setting("theme"), repo.get_setting("bell")) == ("light", False)
    repo.get_setting("presets").append(99)  # callers get a copy
    assert repo.get_setting("presets") == [10, 15]
    with pytest.raises(TypeError):
        repo.set_setting("bad", object())


def test_records_survive_reopening(store_dir: Path, clock: FakeClock):
    run, checkin, session = make_run(D), make_checkin(D), make_session(D)
    with Repository.open(store_dir, clock) as repo:
        repo.add_run(run)
        repo.save_checkin(checkin)
        repo.set_task_count(D, "walk", 1)
        repo.save_session(session)
        repo.set_setting("bell", True)
    with Repository.open(store_dir, clock) as repo:
        assert repo.runs() == [run]
        assert repo.checkin(D) == checkin
        assert repo.task_states(D)["walk"].count == 1
        assert repo.sessions(D, D) == [session]
        assert repo.get_setting("bell") is True


def test_first_day_is_the_earliest_record_of_any_kind(repo: Repository):
    repo.add_run(make_run(date(2026, 11, 20)))
    assert repo.first_day() == date(2026, 11, 20)
    repo.set_task_count(date(2026, 8, 14), "walk", 1)
    repo.save_checkin(make_checkin(date(2026, 8, 3)))
    assert repo.first_day() == date(2026, 8, 3)


def test_bulk_import_writes_each_file_once_and_reads_back(repo: Repository):
    days = [date(2026, 9, 28), date(2026, 10, 2), date(2026, 11, 3)]
    runs = [make_run(days[0])]
    checkins = [make_checkin(d) for d in days]
    tasks = [TaskState(d, "walk", 3, "2026-11-26T07:00:00.000000Z", "UTC") for d in days]
    sessions = [make_session(d, f"s{i}", SessionStatus.COMPLETED) for i, d in enumerate(days)]
    sessions.append(make_session(days[2], "live"))
    repo.bulk_import(iter(runs), iter(checkins), iter(tasks), iter(sessions))
    months = sorted(p.name for p in (repo.data_dir / "months").iterdir())
    assert months == ["2026-09.json", "2026-10.json", "2026-11.json"]
    assert repo.runs() == runs
    assert repo.checkins(days[0], days[2]) == checkins
    assert len(repo.task_states_between(days[0], days[2])) == 3
    assert len(repo.sessions(days[0], days[2])) == 4
    assert [s.id for s in repo.unfinished_sessions()] == ["live"]
    assert repo.first_day() == days[0]


def test_bulk_import_refuses_a_data_dir_with_records(repo: Repository):
    repo.save_checkin(make_checkin(D))
    with pytest.raises(StoreError, match="empty data directory"):
        repo.bulk_import([make_run(D)], [], [], [])
    assert repo.runs() == []


def test_a_write_rewrites_only_its_own_month_file(repo: Repository):
    """Structural check that a write's cost does not depend on the length of history."""
    days = [date(2024, m, 10) for m in range(1, 13)] + [date(2026, 11, 10)]
    repo.bulk_import([make_run(days[0])], [make_checkin(d) for d in days], [], [])
    repo.set_task_count(D, "walk", 0)  # today's backups are now taken

    def identities() -> dict[str, tuple[int, int]]:
        files = [repo.data_dir / "recovery.json", *(repo.data_dir / "months").iterdir()]
        return {f.name: (f.stat().st_ino, f.stat().st_mtime_ns) for f in files}

    before = identities()
    repo.set_task_count(D, "walk", 1)
    after = identities()
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"2026-11.json"}


def test_a_date_range_reads_only_the_months_it_covers(
    store_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
):
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(0, 1000, 3)]
    with Repository.open(store_dir, clock) as repo:
        repo.bulk_import([], [make_checkin(d) for d in days], [], [])
    parsed: list[str] = []
    real = atomic.decode_tables
    monkeypatch.setattr(
        atomic, "decode_tables", lambda raw, p: parsed.append(p.name) or real(raw, p)
    )
    with Repository.open(store_dir, clock) as repo:
        parsed.clear()
        found = repo.checkins(date(2025, 3, 28), date(2025, 4, 3))
        assert [c.day for c in found] == [
            d for d in days if date(2025, 3, 28) <= d <= date(2025, 4, 3)
        ]
        assert sorted(parsed) == ["2025-03.json", "2025-04.json"]
        repo.checkins(date(2025, 3, 28), date(2025, 4, 3))
        assert len(parsed) == 2  # unchanged files are not parsed again


def test_bulk_import_makes_one_write_per_file(repo: Repository, monkeypatch: pytest.MonkeyPatch):
    written: list[str] = []
    real = atomic.atomic_write_bytes

    def counting(path: Path, payload: bytes, **kwargs: bool) -> int | None:
        written.append(path.name)
        return real(path, payload, **kwargs)

    monkeypatch.setattr(atomic, "atomic_write_bytes", counting)
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(300)]
    repo.bulk_import(
        [make_run(days[0])],
        [make_checkin(d) for d in days],
        [TaskState(d, "walk", 1, "2026-11-26T07:00:00.000000Z", "UTC") for d in days],
        [make_session(d, d.isoformat(), SessionStatus.COMPLETED) for d in days],
    )
    assert sorted(written) == sorted(
        [f"2026-{m:02d}.json" for m in range(1, 11)] + ["recovery.json"]
    )


def test_update_checkin_merges_under_the_lock(store_dir: Path, clock: FakeClock) -> None:
    from dataclasses import replace

    from recovery_tui.domain.models import Area

    day = date(2026, 11, 26)
    with Repository.open(store_dir, clock) as app_copy, Repository.open(store_dir, clock) as cli:
        app_copy.save_checkin(make_checkin(day))
        cli.update_checkin(day, lambda old: replace(old, note="from the cli"))
        merged = app_copy.update_checkin(
            day, lambda old: replace(old, soreness={**old.soreness, Area.KNEES: 5})
        )
        assert merged.note == "from the cli"
        assert merged.soreness[Area.KNEES] == 5
        assert app_copy.checkin(day) == merged


def test_fingerprint_changes_when_another_copy_writes(store_dir: Path, clock: FakeClock) -> None:
    day = date(2026, 11, 26)
    with Repository.open(store_dir, clock) as one, Repository.open(store_dir, clock) as two:
        before = one.fingerprint(day)
        one.checkins(day, day)  # reading writes nothing: no change to see
        two.runs()
        assert one.fingerprint(day) == before
        two.set_task_count(day, "walks", 1)
        after = one.fingerprint(day)
        assert after != before
        two.set_setting("theme", "nord")
        assert one.fingerprint(day) != after


def test_take_notices_hands_each_notice_out_once(store_dir: Path, clock: FakeClock) -> None:
    with Repository.open(store_dir, clock) as repo:
        month = store_dir / "months" / "2025-02.json"
        month.parent.mkdir(exist_ok=True)
        month.write_bytes(b"{nope")
        assert repo.take_notices() == []
        repo.checkins(date(2025, 2, 1), date(2025, 2, 28))
        [notice] = repo.take_notices()
        assert str(month) in notice
        assert repo.take_notices() == []

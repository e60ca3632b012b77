"""Records are checked when a file is read, not when a screen uses them: a file holding an
impossible value counts as damaged (moved aside, named in a notice), and the store refuses
to write a record it would refuse to read."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from store_samples import make_checkin, make_run, make_session

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import TaskState
from recovery_tui.store import Repository, StoreError

D = date(2026, 11, 26)

RUN_CHANGES: dict[str, dict[str, Any]] = {
    "a day in year 9999": {"day": "9999-12-31"},
    "a day before 1970": {"day": "1969-12-31"},
    "a day that does not exist": {"day": "2026-02-30"},
    "a day in another ISO spelling": {"day": "20261126"},
    "a day that is a number": {"day": 20261126},
    "an instant that does not parse": {"recorded_at": "yesterday morning"},
    "an instant in year 9999": {"recorded_at": "9999-12-31T23:59:59.999999Z"},
    "an instant on the 31st of February": {"recorded_at": "2026-02-31T10:00:00.000000Z"},
    "an effort of 11": {"effort": 11},
    "a fractional effort": {"effort": 7.5},
    "a negative distance": {"distance_km": -3},
    "an unknown kind": {"kind": "sprint"},
    "a timezone that is not text": {"tz": 1},
    "an id that is not text": {"id": ["r1"]},
}


def main_with_run(changes: dict[str, Any]) -> bytes:
    doc = {**make_run(date(2026, 11, 20), run_id="r1").to_dict(), **changes}
    return json.dumps({"_meta": {"1": {"schema": 1}}, "runs": {"r1": doc}}).encode()


@pytest.mark.parametrize("changes", RUN_CHANGES.values(), ids=RUN_CHANGES.keys())
def test_a_run_with_an_impossible_value_makes_the_main_file_damaged(
    store_dir: Path, clock: FakeClock, changes: dict[str, Any]
):
    store_dir.mkdir()
    content = main_with_run(changes)
    (store_dir / "recovery.json").write_bytes(content)
    with Repository.open(store_dir, clock) as repo:
        moved = store_dir / "recovery.json.corrupt-20261126T083000"
        assert moved.read_bytes() == content
        [notice] = repo.notices
        assert "document 'r1' in table 'runs' is not a valid record" in notice
        assert repo.runs() == []


def test_the_same_run_with_sane_values_loads(store_dir: Path, clock: FakeClock):
    store_dir.mkdir()
    (store_dir / "recovery.json").write_bytes(main_with_run({}))
    with Repository.open(store_dir, clock) as repo:
        assert repo.notices == []
        assert [r.id for r in repo.runs()] == ["r1"]


def checkin_doc(**changes: Any) -> dict[str, Any]:
    return {**make_checkin(D).to_dict(), **changes}


def task_doc(**changes: Any) -> dict[str, Any]:
    state = TaskState(D, "walk", 2, "2026-11-26T07:00:00.000000Z", "UTC")
    return {**state.to_dict(), **changes}


def session_doc(**changes: Any) -> dict[str, Any]:
    return {**make_session(D).to_dict(), **changes}


MONTH_CASES: dict[str, tuple[str, str, dict[str, Any]]] = {
    "soreness of 11": ("checkins", "2026-11-26", checkin_doc(soreness={"knees": 11})),
    "an unknown area": ("checkins", "2026-11-26", checkin_doc(soreness={"elbows": 3})),
    "a fractional energy": ("checkins", "2026-11-26", checkin_doc(energy=3.5)),
    "sleep of 30 hours": ("checkins", "2026-11-26", checkin_doc(sleep_hours=30)),
    "red flags as text": ("checkins", "2026-11-26", checkin_doc(red_flags="swelling")),
    "a note that is a number": ("checkins", "2026-11-26", checkin_doc(note=42)),
    "an unknown stand result": ("checkins", "2026-11-26", checkin_doc(stand={"left": "wobbly"})),
    "a check-in under another day's key": ("checkins", "2026-11-25", checkin_doc()),
    "a check-in from another month": (
        "checkins",
        "2026-10-26",
        checkin_doc(day="2026-10-26"),
    ),
    "a negative count": ("tasks", "2026-11-26/walk", task_doc(count=-1)),
    "a task under another task's key": ("tasks", "2026-11-26/water", task_doc()),
    "an unknown session kind": ("sessions", "s1", session_doc(kind="yoga")),
    "an unknown status": ("sessions", "s1", session_doc(status="paused")),
    "a negative position": ("sessions", "s1", session_doc(position=-1)),
    "an end that is not an instant": ("sessions", "s1", session_doc(ended_at="later")),
    "a step skipped as text": (
        "sessions",
        "s1",
        session_doc(steps=[{**session_doc()["steps"][0], "skipped": "yes"}]),
    ),
    "a session in year 9999": ("sessions", "s1", session_doc(day="9999-12-31")),
}


@pytest.mark.parametrize("case", MONTH_CASES.values(), ids=MONTH_CASES.keys())
def test_a_month_record_with_an_impossible_value_makes_the_file_damaged(
    repo: Repository, case: tuple[str, str, dict[str, Any]]
):
    table, key, doc = case
    month = repo.data_dir / "months" / "2026-11.json"
    month.parent.mkdir(exist_ok=True)
    content = json.dumps({table: {key: doc}}).encode()
    month.write_bytes(content)
    # A check-in with a bad value keeps the rest of itself (its red flags above all).
    mended = table == "checkins" and key == "2026-11-26"
    kept = repo.checkins(D, D)
    assert len(kept) == (1 if mended else 0)
    if mended:
        assert "the rest of that check-in is kept" in repo.notices[0]
    assert repo.task_states(D) == {}
    assert repo.sessions(D, D) == []
    assert month.with_name("2026-11.json.corrupt-20261126T083000").read_bytes() == content
    [notice] = repo.notices
    assert f"document {key!r} in table {table!r}" in notice


@pytest.mark.parametrize(
    "record",
    [
        make_run(date(9999, 12, 31)),
        replace(make_run(D), effort=11),
        replace(make_checkin(D), cups=5000),
        replace(make_checkin(D), recorded_at="now"),
        replace(make_session(D), kind="yoga"),
    ],
    ids=["run in 9999", "effort 11", "5000 cups", "instant 'now'", "kind yoga"],
)
def test_a_record_that_would_not_load_is_refused_and_nothing_written(
    repo: Repository, record: object
):
    repo.add_run(make_run(D, run_id="kept"))
    before = {p: p.read_bytes() for p in repo.data_dir.rglob("*.json")}
    save = {
        "Run": repo.add_run,
        "CheckIn": repo.save_checkin,
        "SessionRecord": repo.save_session,
    }[type(record).__name__]
    with pytest.raises(StoreError, match="not saved: "):
        save(record)  # type: ignore[operator]
    assert {p: p.read_bytes() for p in repo.data_dir.rglob("*.json")} == before
    assert repo.notices == []


def test_a_check_in_change_that_moves_the_day_is_refused(repo: Repository):
    repo.save_checkin(make_checkin(D))
    with pytest.raises(StoreError, match="not saved"):
        repo.update_checkin(D, lambda old: replace(old, day=date(2026, 11, 25)))
    assert repo.checkin(D) == make_checkin(D)
    assert repo.checkin(date(2026, 11, 25)) is None


def test_a_check_in_is_mended_value_by_value() -> None:
    from recovery_tui.store.salvage import mend_checkin

    doc = checkin_doc(soreness={"knees": 11, "calves": 3}, red_flags=["swelling", "bogus"])
    mended = mend_checkin(doc)
    assert mended is not None
    assert mended["soreness"] == {"calves": 3} and mended["red_flags"] == ["swelling"]
    assert mend_checkin(checkin_doc()) is None, "nothing wrong: nothing to mend"
    assert mend_checkin(checkin_doc(day="soon")) is None, "no day: no check-in to keep"

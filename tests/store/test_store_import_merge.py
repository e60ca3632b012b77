"""An import keeps the newer of two versions of a record (by its stamp), keeps the one here
when the stamps cannot tell, says which it kept, and a dry run counts the same and writes
nothing."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_samples import make_checkin, make_run, make_session

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, RedFlag, SessionStatus, TaskState
from recovery_tui.domain.text import one_line, plain
from recovery_tui.store import ImportRefused, Repository
from recovery_tui.store.import_merge import ImportResult, Verdict, verdict

D = date(2026, 11, 26)
EARLY, LATE = "2026-11-26T07:00:00.000000Z", "2026-11-26T09:00:00.000000Z"


def export_of(**kinds: list[dict[str, Any]] | dict[str, Any]) -> dict[str, Any]:
    return {"format": "recovery-tui-export", "schema": 1, **kinds}


def hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder``, the lock file too: a dry run must not even take it."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def task(count: int, updated_at: str) -> TaskState:
    return TaskState(D, "water", count, updated_at, "Europe/Amsterdam")


def ended(at: str, status: SessionStatus = SessionStatus.COMPLETED) -> Any:
    return replace(make_session(D, "s"), status=status, ended_at=at)


# (what is stored here, an older version of it, a newer version of it)
VERSIONS: dict[str, tuple[str, Any, Any, Any]] = {
    "run": (
        "runs",
        replace(make_run(D, 21.1, "r"), recorded_at=LATE),
        replace(make_run(D, 10.0, "r"), recorded_at=EARLY),
        replace(make_run(D, 42.2, "r"), recorded_at="2026-11-26T10:00:00.000000Z"),
    ),
    "check-in": (
        "checkins",
        replace(
            make_checkin(D, ankles=4), recorded_at=LATE, red_flags=frozenset({RedFlag.DARK_URINE})
        ),
        replace(make_checkin(D, ankles=8), recorded_at=EARLY),
        # Keeps the flag: a check-in import joins flags (see the test of joining below).
        replace(
            make_checkin(D, ankles=1),
            recorded_at="2026-11-26T10:00:00.000000Z",
            red_flags=frozenset({RedFlag.DARK_URINE}),
        ),
    ),
    "task state": ("tasks", task(5, LATE), task(2, EARLY), task(7, "2026-11-26T10:00:00Z")),
    "session": (
        "sessions",
        ended(LATE),
        ended(EARLY, SessionStatus.STOPPED),
        ended("2026-11-26T10:00:00.000000Z", SessionStatus.DISCARDED),
    ),
    "session ended here, still running there": (
        "sessions",
        ended(LATE),
        make_session(D, "s"),
        ended("2026-11-26T10:00:00.000000Z"),
    ),
}


def stored(repo: Repository, kind: str) -> list[Any]:
    return {
        "runs": repo.runs,
        "checkins": lambda: [repo.checkin(D)],
        "tasks": lambda: list(repo.task_states(D).values()),
        "sessions": lambda: repo.sessions(D, D),
    }[kind]()


@pytest.mark.parametrize("case", VERSIONS.values(), ids=VERSIONS.keys())
def test_an_older_import_keeps_the_newer_record_here(
    repo: Repository, case: tuple[str, Any, Any, Any]
):
    kind, here, older, _ = case
    repo.bulk_import(
        *([here] if k == kind else [] for k in ("runs", "checkins", "tasks", "sessions"))
    )
    before = hashes(repo.data_dir)
    result = repo.import_document(export_of(**{kind: [older.to_dict()]}))
    assert stored(repo, kind) == [here]
    assert (result.added, result.updated, result.unchanged) == (0, 0, 1)
    assert result.kinds[kind].kept_newer == 1
    assert result.saved_to is None
    assert hashes(repo.data_dir) == before


@pytest.mark.parametrize("case", VERSIONS.values(), ids=VERSIONS.keys())
def test_a_newer_import_replaces_the_record_here(repo: Repository, case: tuple[str, Any, Any, Any]):
    kind, here, _, newer = case
    repo.bulk_import(
        *([here] if k == kind else [] for k in ("runs", "checkins", "tasks", "sessions"))
    )
    result = repo.import_document(export_of(**{kind: [newer.to_dict()]}))
    assert stored(repo, kind) == [newer]
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)
    assert "kept" not in result.message.split(".")[0]


def test_a_check_in_on_both_sides_is_joined_and_never_loses_a_red_flag(repo: Repository):
    """The user trial: another machine's export held the day's red flag and knees 7; the
    check-in here, saved later, held only the energy. Joined: nothing of either is lost."""
    there = replace(
        make_checkin(D),
        soreness={Area.KNEES: 7},
        recorded_at=EARLY,
        red_flags=frozenset({RedFlag.PAIN_AT_REST}),
        note="knee aches at night",
    )
    here = replace(make_checkin(D), soreness={}, recorded_at=LATE, energy=6, note="")
    repo.bulk_import([], [here], [], [])
    result = repo.import_document(export_of(checkins=[there.to_dict()]))
    joined = repo.checkin(D)
    assert joined is not None
    assert joined.red_flags == frozenset({RedFlag.PAIN_AT_REST})
    assert joined.soreness == {Area.KNEES: 7} and joined.energy == 6
    assert joined.note == "knee aches at night" and joined.recorded_at == LATE
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)


def test_the_trial_case_keeps_the_red_flag_and_says_so(repo: Repository):
    """The user trial: an export taken before the day's check-in was changed to add a red
    flag, imported again."""
    old = replace(make_checkin(D, ankles=8, note="old"), recorded_at=EARLY)
    newer = replace(old, note="newer", recorded_at=LATE, red_flags=frozenset({RedFlag.DARK_URINE}))
    repo.save_checkin(newer)
    result = repo.import_document(export_of(checkins=[old.to_dict()]))
    assert repo.checkin(D) == newer
    assert result.message == (
        "Imported 0 new, 0 updated, 1 unchanged; kept 1 newer here (check-in of 26 November 2026)."
    )


def test_a_kept_session_leaves_the_running_index_alone(repo: Repository):
    repo.save_session(ended(LATE))
    repo.import_document(export_of(sessions=[make_session(D, "s").to_dict()]))
    assert repo.unfinished_sessions() == []


def test_a_running_session_here_stays_running_when_the_import_is_running_too(
    repo: Repository,
):
    here = make_session(D, "s")
    repo.save_session(here)
    there = replace(here, actual_seconds=999.0, position=3)  # neither has ended: no date
    result = repo.import_document(export_of(sessions=[there.to_dict()]))
    assert repo.sessions(D, D) == [here] and repo.unfinished_sessions() == [here]
    assert result.kinds["sessions"].kept_undated == 1


def test_what_the_stamps_cannot_tell_stays_as_it_is_here(repo: Repository):
    repo.add_run(make_run(D, 21.1, "r"))
    repo.set_setting("theme", "nord")
    document = export_of(
        runs=[make_run(D, 10.0, "r").to_dict()],  # the same stamp, other contents
        settings={"theme": "dracula", "bell": True},  # settings carry no stamp
    )
    result = repo.import_document(document)
    assert repo.runs() == [make_run(D, 21.1, "r")]
    assert repo.get_setting("theme") == "nord"
    assert repo.get_setting("bell") is True  # a setting not here is taken
    assert result.message.startswith(
        "Imported 1 new, 0 updated, 2 unchanged; kept 2 here with no date to tell which is "
        "newer (run of 26 November 2026, setting theme)."
    )


def test_many_kept_records_are_counted_not_named(repo: Repository):
    days = [D - timedelta(days=n) for n in range(4)]
    repo.bulk_import([], [make_checkin(d) for d in days], [], [])
    older = [replace(make_checkin(d, ankles=1), recorded_at="2026-01-01T00:00:00Z") for d in days]
    result = repo.import_document(export_of(checkins=[c.to_dict() for c in older]))
    assert result.message == "Imported 0 new, 0 updated, 4 unchanged; kept 4 newer here."


@pytest.mark.parametrize(
    ("here", "there", "said"),
    [
        (LATE, EARLY, Verdict.KEEP_NEWER),
        (EARLY, LATE, Verdict.UPDATE),
        # Fractions of a second are optional in a stamp: compared as instants, not as text.
        ("2026-11-26T08:00:00Z", "2026-11-26T08:00:00.500000Z", Verdict.UPDATE),
        ("2026-11-26T08:00:00.500000Z", "2026-11-26T08:00:00Z", Verdict.KEEP_NEWER),
        (LATE, LATE, Verdict.KEEP_UNDATED),
    ],
)
def test_stamps_are_compared_as_instants(here: str, there: str, said: Verdict):
    old = {"recorded_at": here, "note": "here"}
    assert verdict("checkins", old, {"recorded_at": there, "note": "there"}) is said
    assert verdict("checkins", old, dict(old)) is Verdict.SAME
    assert verdict("checkins", None, old) is Verdict.ADD


# -- dry run ------------------------------------------------------------------------------
def mixed(repo: Repository) -> dict[str, Any]:
    """Here: a newer check-in and a run; the document: an older check-in, a new run, a
    newer task state and a new setting."""
    repo.save_checkin(replace(make_checkin(D), recorded_at=LATE))
    repo.add_run(make_run(D - timedelta(days=1), run_id="here"))
    repo.set_task_count(D, "water", 2)
    return export_of(
        runs=[make_run(D, run_id="new").to_dict()],
        checkins=[replace(make_checkin(D, ankles=1), recorded_at=EARLY).to_dict()],
        tasks=[task(6, "2026-11-27T10:00:00.000000Z").to_dict()],
        settings={"bell": True},
    )


def test_a_dry_run_counts_what_the_import_does_and_writes_nothing(
    repo: Repository, clock: FakeClock
):
    document = mixed(repo)
    before = hashes(repo.data_dir)
    dry = repo.import_document(document, dry_run=True)
    assert hashes(repo.data_dir) == before
    assert dry.saved_to is None
    real = repo.import_document(document)
    assert hashes(repo.data_dir) != before
    assert dry.kinds == real.kinds and (dry.added, dry.updated, dry.unchanged) == (2, 1, 1)
    assert dry.message == (
        "Would import 2 new, 1 updated, 1 unchanged; "
        "would keep 1 newer here (check-in of 26 November 2026)."
    )
    assert real.message.startswith(
        "Imported 2 new, 1 updated, 1 unchanged; kept 1 newer here (check-in of 26 November "
        "2026). The data from before the import is kept in "
    )


def test_a_dry_run_refuses_a_bad_document_as_the_import_does(repo: Repository):
    repo.add_run(make_run(D, run_id="mine"))
    bad = export_of(runs=[{**make_run(D, run_id="x").to_dict(), "distance_km": -3}])
    before = hashes(repo.data_dir)
    with pytest.raises(ImportRefused) as dry:
        repo.import_document(bad, dry_run=True)
    with pytest.raises(ImportRefused) as real:
        repo.import_document(bad)
    assert str(dry.value) == str(real.value)
    assert str(dry.value).startswith("runs[0] is not a valid record (distance_km -3")
    assert hashes(repo.data_dir) == before


@given(name=st.text(min_size=1, max_size=40))
def test_a_kept_records_name_reaches_the_message_as_one_plain_line(name: str):
    here = replace(make_session(D, "s"), routine_name=name, ended_at=LATE)
    there = replace(here, ended_at=EARLY, actual_seconds=1.0)
    said = verdict("sessions", here.to_dict(), there.to_dict())
    result = ImportResult()
    result.count("sessions", "s", there.to_dict(), said)
    assert said is Verdict.KEEP_NEWER and result.message.startswith("Imported 0 new, 0 updated, 1")
    assert result.message == plain(result.message) and "\n" not in result.message
    assert f"{one_line(name)} session of 26 November 2026" in result.message

"""Export writes everything as one document; import merges it back by each record's own key,
refuses a foreign, malformed or newer document whole, and is idempotent."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_samples import make_checkin, make_run, make_session

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.demo import make_demo
from recovery_tui.domain.history.summaries import DaySummary, summarize_range
from recovery_tui.domain.models import RedFlag, SessionStatus, Side, StandResult
from recovery_tui.store import ImportRefused, Repository

D = date(2026, 11, 26)
FIRST = D - timedelta(days=120)


def everything(repo: Repository) -> dict[str, Any]:
    """Every record and setting, through the typed API."""
    return {
        "runs": repo.runs(),
        "checkins": repo.checkins(FIRST, D),
        "tasks": repo.task_states_between(FIRST, D),
        "sessions": repo.sessions(FIRST, D),
        "unfinished": repo.unfinished_sessions(),
        "settings": {key: repo.get_setting(key) for key in ("theme", "presets", "bell")},
    }


def history(repo: Repository) -> list[DaySummary]:
    return summarize_range(
        FIRST,
        D,
        repo.runs(),
        repo.checkins(FIRST, D),
        repo.task_states_between(FIRST, D),
        repo.sessions(FIRST, D),
    )


def filled(repo: Repository, clock: FakeClock) -> None:
    demo = make_demo(120, clock.now(), "Europe/Amsterdam", seed=7)
    repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)
    full = replace(
        make_checkin(D, note='quote " backslash \\ caf\u00e9 [b]markup[/b] \x1b[31m'),
        stand={Side.LEFT: StandResult.LEVEL, Side.RIGHT: StandResult.DROPPED},
        red_flags=frozenset({RedFlag.SWELLING, RedFlag.PAIN_AT_REST}),
    )
    repo.save_checkin(full)
    repo.save_session(make_session(D - timedelta(days=40), "still-running"))
    repo.set_setting("theme", "nord")
    repo.set_setting("presets", [10, 15, {"nested": None}])
    repo.set_setting("bell", False)


def records_in(document: dict[str, Any]) -> int:
    kinds = ("runs", "checkins", "tasks", "sessions", "settings")
    return sum(len(document[kind]) for kind in kinds)


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def test_export_wipe_import_gives_identical_records_and_history(
    repo: Repository, clock: FakeClock, tmp_path: Path
):
    filled(repo, clock)
    before, summaries = everything(repo), history(repo)
    assert len(before["runs"]) > 1 and len(before["sessions"]) > 10  # a real history
    document = repo.export_document()
    assert (document["format"], document["schema"]) == ("recovery-tui-export", 1)
    assert document["exported_at"] == "2026-11-26T07:30:00.000000Z"
    text = json.dumps(document)  # as the CLI would write it to a file

    with Repository.open(tmp_path / "wiped", clock) as fresh:
        result = fresh.import_document(json.loads(text))
        assert everything(fresh) == before
        assert history(fresh) == summaries
        assert result.added == records_in(document)
        assert (result.updated, result.unchanged) == (0, 0)
        again = fresh.export_document()
    assert {**again, "exported_at": None} == {**document, "exported_at": None}


def test_importing_twice_changes_nothing_the_second_time(
    repo: Repository, clock: FakeClock, tmp_path: Path
):
    filled(repo, clock)
    document = json.loads(json.dumps(repo.export_document()))
    with Repository.open(tmp_path / "other", clock) as other:
        other.import_document(document)
        written = files_of(other.data_dir)
        second = other.import_document(document)
        assert (second.added, second.updated) == (0, 0)
        assert second.unchanged == records_in(document)
        assert second.saved_to is None
        assert files_of(other.data_dir) == written
    first_on_itself = repo.import_document(document)
    assert (first_on_itself.added, first_on_itself.updated) == (0, 0)


def test_import_merges_by_key_and_keeps_a_copy_of_what_it_changed(
    repo: Repository, clock: FakeClock
):
    kept = make_run(date(2026, 11, 1), run_id="kept")
    repo.add_run(kept)
    repo.save_checkin(make_checkin(D, ankles=2))
    later = replace(make_checkin(D, ankles=7), recorded_at="2026-11-26T08:00:00.000000Z")
    repo.set_setting("theme", "nord")
    main_before = (repo.data_dir / "recovery.json").read_bytes()
    month_before = (repo.data_dir / "months" / "2026-11.json").read_bytes()
    document = {
        "format": "recovery-tui-export",
        "schema": 1,
        "exported_at": "2026-11-26T07:00:00.000000Z",
        "runs": [kept.to_dict(), make_run(D, run_id="new").to_dict()],
        "checkins": [later.to_dict()],
        "settings": {"theme": "nord", "bell": True},
    }
    result = repo.import_document(document)
    assert (result.kinds["runs"].added, result.kinds["runs"].unchanged) == (1, 1)
    assert result.kinds["checkins"].updated == 1
    assert (result.kinds["settings"].added, result.kinds["settings"].unchanged) == (1, 1)
    assert (result.added, result.updated, result.unchanged) == (2, 1, 2)
    assert [r.id for r in repo.runs()] == ["kept", "new"]
    assert repo.checkin(D) == later
    assert repo.get_setting("bell") is True
    assert result.saved_to is not None and result.saved_to.name.startswith("before-import-")
    assert (result.saved_to / "recovery.json").read_bytes() == main_before
    assert (result.saved_to / "months" / "2026-11.json").read_bytes() == month_before
    assert str(result.saved_to) in result.message


def test_an_imported_session_on_another_day_is_not_kept_twice(repo: Repository):
    running = make_session(date(2026, 10, 31), "s")
    repo.save_session(running)
    finished = replace(
        running,
        day=date(2026, 11, 1),
        status=SessionStatus.COMPLETED,
        ended_at="2026-11-01T09:00:00.000000Z",
    )
    document = {"format": "recovery-tui-export", "schema": 1, "sessions": [finished.to_dict()]}
    result = repo.import_document(document)
    assert result.kinds["sessions"].updated == 1
    assert repo.sessions(date(2026, 10, 1), date(2026, 11, 30)) == [finished]
    assert repo.unfinished_sessions() == []
    assert json.loads((repo.data_dir / "recovery.json").read_text())["running_sessions"] == {}


def valid() -> dict[str, Any]:
    return {
        "format": "recovery-tui-export",
        "schema": 1,
        "runs": [make_run(D, run_id="r").to_dict()],
        "checkins": [make_checkin(D).to_dict()],
    }


REFUSED: dict[str, tuple[object, str]] = {
    "a list": ([], "not a JSON object"),
    "another program's JSON": ({"type": "FeatureCollection"}, "not a recovery-tui export"),
    "a newer version": ({**valid(), "schema": 2}, "newer version of recovery-tui"),
    "no version": ({k: v for k, v in valid().items() if k != "schema"}, "version is missing"),
    "a version as text": ({**valid(), "schema": "1"}, "version is missing"),
    "runs not a list": ({**valid(), "runs": {"r": {}}}, "'runs' is not a list"),
    "a run in year 9999": (
        {**valid(), "runs": [{**make_run(D).to_dict(), "day": "9999-12-31"}]},
        "runs[0] is not a valid record (day 9999-12-31 is out of range)",
    ),
    "a check-in that is text": ({**valid(), "checkins": ["x"]}, "checkins[0] is not a valid"),
    "a check-in with soreness 12": (
        {**valid(), "checkins": [{**make_checkin(D).to_dict(), "soreness": {"knees": 12}}]},
        "checkins[0] is not a valid record (soreness 12 is out of range)",
    ),
    "settings as a list": ({**valid(), "settings": [1]}, "'settings' is not an object"),
}


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_a_bad_document_is_refused_whole_with_a_reason(repo: Repository, case: tuple[object, str]):
    document, reason = case
    repo.add_run(make_run(date(2026, 11, 1), run_id="mine"))
    before = files_of(repo.data_dir)
    with pytest.raises(ImportRefused) as refused:
        repo.import_document(document)
    assert reason in str(refused.value)
    assert files_of(repo.data_dir) == before
    assert [r.id for r in repo.runs()] == ["mine"]


def test_the_newer_version_message_names_both_versions(repo: Repository):
    with pytest.raises(ImportRefused) as refused:
        repo.import_document({**valid(), "schema": 5})
    assert str(refused.value) == (
        "it was exported by a newer version of recovery-tui (data format 5; this version "
        "understands up to 1). Nothing was imported: please upgrade recovery-tui."
    )


def test_a_record_missing_a_field_is_named(repo: Repository):
    run = make_run(D).to_dict()
    del run["day"]
    with pytest.raises(ImportRefused) as refused:
        repo.import_document({**valid(), "runs": [run]})
    assert str(refused.value) == "runs[0] is not a valid record ('day' is missing)"


ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from(
    ["\ud800", "\udfff x", '"}]', "\\", "[b]x[/b]", "\x1b]0;t\x07", "=SUM(A1)", "\x00"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=ANY_TEXT, name=ANY_TEXT)
def test_any_text_survives_saving_reopening_export_and_import(note: str, name: str) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 8, 30, tz="Europe/Amsterdam"))
    checkin = make_checkin(D, note=note)
    session = replace(make_session(D), routine_name=name)
    with tempfile.TemporaryDirectory() as tmp:
        with Repository.open(Path(tmp) / "a", clock) as repo:
            repo.save_checkin(checkin)
            repo.save_session(session)
        with Repository.open(Path(tmp) / "a", clock) as repo:
            assert repo.notices == []
            assert (repo.checkin(D), repo.sessions(D, D)) == (checkin, [session])
            text = json.dumps(repo.export_document())
        with Repository.open(Path(tmp) / "b", clock) as other:
            other.import_document(json.loads(text))
        with Repository.open(Path(tmp) / "b", clock) as other:
            assert (other.checkin(D), other.sessions(D, D)) == (checkin, [session])

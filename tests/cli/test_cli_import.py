"""``recovery-tui import``: watch files become runs, the same run is never taken twice, a
folder gives only its new runs, a bad file says why and writes nothing, and an export is
merged back. Files are written by the tests (tests/services' writers)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from activity_samples import SampleRun, gpx_bytes, tcx_bytes
from cli_support import TODAY, files_of
from conftest import Cli
from fit_samples import fit_bytes

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.effort import effort_from_heart_rate
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.services.journal import open_journal

PARIS_SUMMER = timezone(timedelta(hours=2))
# 1206 steps of 17.5 m: a half marathon's 21.1 km, recorded the Sunday before "today".
HALF = SampleRun(
    start=datetime(2026, 11, 22, 9, 0, tzinfo=timezone(timedelta(hours=1))),
    points=1207,
    speed=3.5,
    pause_after=None,
    laps=3,
)
# About 6 km, in April, written in UTC only: the file does not say where it was.
EASY_UTC = SampleRun(start=datetime(2026, 4, 12, 7, 0, tzinfo=UTC), pause_after=None)


def stored_runs(data_dir: Path, clock: FakeClock) -> list[Run]:
    journal = open_journal(data_dir, clock)
    try:
        return journal.runs()
    finally:
        journal.close()


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


# -- one file becomes one run -------------------------------------------------------------
def test_a_gpx_race_becomes_a_run_on_its_day_with_its_finish_and_distance(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    path = write(tmp_path / "in", "Half.gpx", gpx_bytes(HALF))
    code, out, err = cli("import", str(path))
    assert code == 0, err
    (run,) = stored_runs(data_dir, clock)
    finish = HALF.finish
    assert run.day == finish.date()
    assert run.finish == finish.time().replace(second=0, tzinfo=None)
    assert run.distance_km == pytest.approx(HALF.distance_km, abs=0.05)
    assert run.kind is RunKind.RACE  # 21.1 km is a half marathon
    assert run.effort == 8  # no maximum heart rate set: the usual effort of a race
    assert run.source == "gpx"
    assert datetime.fromisoformat(run.started_at or "") == HALF.start
    assert "Imported Half.gpx: half marathon on 22 November 2026, finished" in out
    assert "21.1 km" in out and "/km" in out
    assert "set your maximum heart rate" in out  # the effort says where it comes from
    assert "Recovery window" in out  # the race sets today's plan


def test_a_file_in_utc_only_is_read_in_the_users_zone_of_that_season(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    path = write(tmp_path / "in", "easy.tcx", tcx_bytes(EASY_UTC, zulu=True))
    assert cli("import", str(path))[0] == 0
    (run,) = stored_runs(data_dir, clock)
    # Paris was on summer time in April, although "today" (November) is not.
    local_finish = EASY_UTC.finish.astimezone(PARIS_SUMMER)
    assert run.finish == local_finish.time().replace(second=0, tzinfo=None)
    assert run.kind is RunKind.EASY and run.effort == 3


def test_a_fit_file_keeps_the_watchs_own_offset(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    # Run in New York at 23:00 local: already the next day in Paris.
    late = SampleRun(
        start=datetime(2026, 11, 20, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
        points=60,
        pause_after=None,
    )
    path = write(tmp_path / "in", "watch.fit", fit_bytes(late))
    code, out, _ = cli("import", str(path))
    assert code == 0
    (run,) = stored_runs(data_dir, clock)
    assert run.day == late.finish.date()  # the 20th, where the runner was
    assert run.finish == late.finish.time().replace(second=0, tzinfo=None)
    assert "(UTC-05:00)" in out


def test_effort_comes_from_heart_rate_once_a_maximum_is_set(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    assert cli("settings", "max_heart_rate", "176")[0] == 0
    path = write(tmp_path / "in", "half.tcx", tcx_bytes(HALF))
    code, out, _ = cli("import", str(path))
    assert code == 0
    (run,) = stored_runs(data_dir, clock)
    assert HALF.avg_hr is not None
    assert run.effort == effort_from_heart_rate(round(HALF.avg_hr), 176)
    assert "of your maximum 176" in out


def test_miles_in_the_import_line(cli: Cli, tmp_path: Path) -> None:
    cli("settings", "distance_unit", "mi")
    path = write(tmp_path / "in", "easy.gpx", gpx_bytes(EASY_UTC))
    code, out, _ = cli("import", str(path))
    assert code == 0
    miles = EASY_UTC.distance_km / 1.609344
    assert f"{miles:.1f} mi" in out and "/mi)" in out and " km" not in out


# -- the same run twice ------------------------------------------------------------------
def test_the_same_run_twice_is_skipped_with_one_line(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    gpx = write(tmp_path / "in", "half.gpx", gpx_bytes(HALF))
    fit = write(tmp_path / "in", "half.fit", fit_bytes(HALF))  # the watch's own file of it
    assert cli("import", str(gpx))[0] == 0
    before = files_of(data_dir)
    code, out, err = cli("import", str(gpx), str(fit))
    assert code == 0, err  # all were there already: nothing failed
    skipped = [line for line in out.splitlines() if line.startswith("Skipped")]
    assert len(skipped) == 2
    assert "already imported as the half marathon of 22 November 2026" in skipped[0]
    assert len(stored_runs(data_dir, clock)) == 1
    assert files_of(data_dir) == before


def test_two_exports_of_one_run_in_one_import_give_one_run(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "in"
    write(folder, "a.gpx", gpx_bytes(HALF))
    write(folder, "b.fit", fit_bytes(HALF))
    code, out, _ = cli("import", "--dry-run", str(folder))
    # In a dry run nothing was imported: the twin is named, not "already imported".
    assert "Skipped b.fit: the same run as a.gpx above." in out
    # An export between the two does not make the dry run forget what it counted.
    empty = tmp_path / "empty.json"
    empty.write_text('{"format": "recovery-tui-export", "schema": 1}')
    args = (str(folder / "a.gpx"), str(empty), str(folder / "b.fit"))
    code, out, _ = cli("import", "--dry-run", *args)
    assert "Skipped b.fit: the same run as a.gpx above." in out
    code, out, _ = cli("import", str(folder))
    assert code == 0
    assert len(stored_runs(data_dir, clock)) == 1
    assert "1 imported, 1 already there" in out
    assert "Skipped b.fit: the same run as a.gpx above." in out


def test_a_folder_takes_only_the_new_runs(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "Downloads"
    write(folder, "half.gpx", gpx_bytes(HALF))
    write(folder, "notes.txt", b"shopping: pasta, bananas\n")  # not an activity: ignored
    # An export lying in Downloads is merged only when it is named, never with a folder.
    write(folder, "backup.json", b'{"format": "recovery-tui-export", "schema": 1}')
    assert cli("import", str(folder))[0] == 0
    write(folder, "easy.tcx", tcx_bytes(EASY_UTC))
    code, out, err = cli("import", str(folder))
    assert code == 0, err
    assert "Imported easy.tcx" in out and "Skipped half.gpx" in out
    assert "notes.txt" not in out + err and "backup.json" not in out + err
    assert sorted(r.source or "" for r in stored_runs(data_dir, clock)) == ["gpx", "tcx"]


def test_a_damaged_file_in_a_folder_is_reported_not_passed_over(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    write(folder, "easy.tcx", tcx_bytes(EASY_UTC))
    write(folder, "empty.gpx", b"")
    write(folder, "notes.txt", b"felt good")  # not named as an activity: left alone
    code, out, err = cli("import", str(folder))
    assert code == 1
    assert "Imported easy.tcx" in out and "empty.gpx" in err
    assert "1 imported" in out and "1 failed" in out
    assert "notes.txt" not in out + err


def test_an_empty_folder_says_so(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = cli("import", str(tmp_path / "empty"))
    assert code == 1
    assert "empty holds no GPX, TCX or FIT file" in err


# -- files that cannot be a run ----------------------------------------------------------
BAD_FILES = {
    "notes.txt": (b"not a run at all\n", "is not a GPX, TCX or FIT activity file"),
    "cut.fit": (fit_bytes(EASY_UTC)[:300], "truncated or damaged"),
    "cut.gpx": (gpx_bytes(EASY_UTC)[:2000], "truncated or damaged"),
    "two.gpx": (gpx_bytes(EASY_UTC, tracks=2), "holds 2 activities"),
    "two.tcx": (tcx_bytes(EASY_UTC, activities=2), "holds 2 activities"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_says_why_and_writes_nothing_while_the_others_go_in(
    name: str, cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    data, reason = BAD_FILES[name]
    bad = write(tmp_path / "in", name, data)
    good = write(tmp_path / "in", "zz-half.gpx", gpx_bytes(HALF))
    code, out, err = cli("import", str(bad), str(good))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"recovery-tui: {name} ") and reason in err
    assert "Imported zz-half.gpx" in out
    assert [r.source for r in stored_runs(data_dir, clock)] == ["gpx"]


def test_a_missing_file_fails_with_its_name(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("import", str(tmp_path / "nowhere.gpx"))
    assert code == 1
    assert "nowhere.gpx cannot be read" in err


def test_a_run_dated_after_today_is_refused(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    ahead = SampleRun(start=datetime(2026, 12, 24, 8, 0, tzinfo=UTC), pause_after=None)
    path = write(tmp_path / "in", "ahead.gpx", gpx_bytes(ahead))
    code, _, err = cli("import", str(path))
    assert code == 1 and "after today" in err
    assert stored_runs(data_dir, clock) == []


def test_no_path_is_bad_usage(cli: Cli) -> None:
    code, _, err = cli("import")
    assert code == 2 and err.startswith("recovery-tui: error:")


def test_a_dry_run_shows_and_writes_nothing(cli: Cli, tmp_path: Path, data_dir: Path) -> None:
    cli("checkin", "--sore", "calves=2")
    before = files_of(data_dir)
    path = write(tmp_path / "in", "half.fit", fit_bytes(HALF))
    code, out, _ = cli("import", "--dry-run", str(path))
    assert code == 0
    assert out.startswith("Would import half.fit: half marathon")
    assert files_of(data_dir) == before


def test_a_dry_run_where_there_is_no_data_yet_creates_nothing(
    cli: Cli, tmp_path: Path, data_dir: Path
) -> None:
    path = write(tmp_path / "in", "half.fit", fit_bytes(HALF))
    assert not data_dir.exists()
    code, out, _ = cli("import", "--dry-run", str(path))
    assert code == 0 and out.startswith("Would import half.fit: half marathon")
    assert not data_dir.exists(), "a dry run made the data folder"


# -- exports -----------------------------------------------------------------------------
def test_an_export_is_merged_with_its_message(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    cli("log-run", "--distance-km", "21.1", "--kind", "race", "--date", str(TODAY))
    exported = tmp_path / "all.json"
    assert cli("export", str(exported))[0] == 0
    other = tmp_path / "other"
    from recovery_tui.cli import main

    assert main(["import", str(exported), "--data-dir", str(other)]) == 0
    assert [r.to_dict() for r in stored_runs(other, clock)] == [
        r.to_dict() for r in stored_runs(data_dir, clock)
    ]
    code, out, _ = cli("import", str(exported))  # into itself: nothing changes
    assert code == 0
    assert out.startswith("all.json: Imported 0 new, 0 updated,")


def test_a_dry_run_of_an_export_writes_nothing(cli: Cli, tmp_path: Path, data_dir: Path) -> None:
    cli("log-run", "--distance-km", "10", "--date", str(TODAY))
    exported = tmp_path / "all.json"
    cli("export", str(exported))
    other = tmp_path / "other"
    from recovery_tui.cli import main

    assert main(["checkin", "--sore", "calves=1", "--data-dir", str(other)]) == 0
    before = files_of(other)
    assert main(["import", "--dry-run", str(exported), "--data-dir", str(other)]) == 0
    assert files_of(other) == before


def test_an_export_from_a_newer_version_is_refused(
    cli: Cli, tmp_path: Path, data_dir: Path
) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "recovery-tui-export", "schema": 999, "runs": []}))
    cli("checkin", "--sore", "calves=2")
    before = files_of(data_dir)
    code, _, err = cli("import", str(newer))
    assert code == 1
    assert "newer.json was refused" in err and "newer version of recovery-tui" in err
    assert files_of(data_dir) == before


def test_a_damaged_export_is_refused(cli: Cli, tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_text('{"format": "recovery-tui-export", "schema": 1, "runs": [')
    code, _, err = cli("import", str(cut))
    assert code == 1 and "cut.json is a truncated or damaged export" in err


def test_a_run_the_store_refuses_is_named_and_fails(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_tui.services.journal import Journal, JournalError

    def refuse(self: Journal, run: Run) -> None:
        raise JournalError("the disk is full")

    monkeypatch.setattr(Journal, "add_run", refuse)
    path = write(tmp_path / "in", "half.gpx", gpx_bytes(HALF))
    code, _, err = cli("import", str(path))
    assert code == 1
    assert err == "recovery-tui: half.gpx was not saved: the disk is full\n"


def test_a_hilly_race_counts_its_descent_in_the_window_and_says_so(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    """The file's descent is kept with the run and lengthens its recovery window: the
    import says by how much and why, and the plan follows."""
    from dataclasses import replace

    from recovery_tui.domain.window import DESCENT_M_PER_EXTRA_DAY, run_window, window_days

    hilly = replace(HALF, hill_m=1200.0)
    path = write(tmp_path / "in", "Trail.gpx", gpx_bytes(hilly))
    code, out, err = cli("import", str(path))
    assert code == 0, err
    (run,) = stored_runs(data_dir, clock)
    assert run.descent_m == pytest.approx(1200, abs=60)
    assert run.moving_seconds == pytest.approx((HALF.points - 1) * HALF.step_seconds, abs=10)
    flat = window_days(run.distance_km, run.effort, run.kind)
    extra = int(run.descent_m // DESCENT_M_PER_EXTRA_DAY)
    assert extra == 2 and run_window(run) == flat + extra
    assert f"2 days more for its {run.descent_m:.0f} m of descent" in out
    assert f"Recovery window: {flat + extra} days" in out


def every_file(folder: Path) -> dict[str, str]:
    """A hash of every file under ``folder``, the lock file and backups included."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_an_older_export_keeps_the_newer_check_in_and_its_red_flag(
    cli: Cli, tmp_path: Path, data_dir: Path, clock: FakeClock
) -> None:
    day = str(TODAY)
    cli("checkin", "--date", day, "--sore", "knees=8", "--note", "old")
    exported = tmp_path / "old.json"
    assert cli("export", str(exported))[0] == 0
    clock.advance(120)
    cli("checkin", "--date", day, "--sore", "calves=4", "--flag", "dark_urine", "--note", "new")
    before = every_file(data_dir)

    code, out, _ = cli("import", "--dry-run", str(exported))
    assert code == 0
    assert out == (
        "old.json: Would import 0 new, 0 updated, 1 unchanged; would keep 1 newer here "
        "(check-in of 26 November 2026).\n"
    )
    assert every_file(data_dir) == before

    code, out, _ = cli("import", str(exported))
    assert code == 0
    assert out == (
        "old.json: Imported 0 new, 0 updated, 1 unchanged; kept 1 newer here "
        "(check-in of 26 November 2026).\n"
    )
    journal = open_journal(data_dir, clock)
    try:
        kept = journal.checkin(TODAY)
    finally:
        journal.close()
    assert kept is not None and kept.note == "new"
    assert [flag.value for flag in kept.red_flags] == ["dark_urine"]
    assert every_file(data_dir) == before


def test_a_dry_run_checks_an_export_as_the_import_does(
    cli: Cli, tmp_path: Path, data_dir: Path
) -> None:
    cli("log-run", "--distance-km", "10", "--date", str(TODAY))
    exported = tmp_path / "bad.json"
    cli("export", str(exported))
    document = json.loads(exported.read_text())
    document["runs"][0]["distance_km"] = -3
    exported.write_text(json.dumps(document))
    before = every_file(data_dir)
    dry = cli("import", "--dry-run", str(exported))
    assert every_file(data_dir) == before
    real = cli("import", str(exported))
    assert dry == real
    assert dry[0] == 1 and "bad.json was refused: runs[0] is not a valid record" in dry[2]
    assert every_file(data_dir) == before

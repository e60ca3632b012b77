"""GPX, TCX and FIT files read back into the run that was written, within stated tolerances.

Tolerances, and why:
- start and finish: 1 s (GPX and TCX times are written to the second, FIT counts seconds);
- distance: 1 m for TCX and FIT (the device's own total is read), 0.5 % for GPX (recomputed
  from the points; the step across a pause between segments is not counted);
- moving time: 1 s for TCX and FIT (timer time), 2 % for GPX (gpxpy detects pauses from
  speed, and the step across the pause is not moving time);
- heart rate: the average within 1 bpm (rounded), the maximum exact;
- climb: 1 m where it is computed from elevations (smoothing blunts the hill top), exact
  from a FIT session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from activity_samples import SampleRun, gpx_bytes, tcx_bytes
from fit_samples import fit_bytes

from recovery_tui.domain.activity import Activity, SourceFormat, same_activity
from recovery_tui.services.activity_files import FileKind, detect_file_kind, read_activity_file

Writer = Callable[[SampleRun], bytes]
WRITERS: dict[str, Writer] = {"gpx": gpx_bytes, "tcx": tcx_bytes, "fit": fit_bytes}


def read(tmp_path: Path, data: bytes, name: str = "run") -> Activity:
    path = tmp_path / name
    path.write_bytes(data)
    return read_activity_file(path)


@pytest.mark.parametrize("kind", WRITERS)
def test_a_run_reads_back_as_it_was_written(kind: str, tmp_path: Path) -> None:
    run = SampleRun()
    activity = read(tmp_path, WRITERS[kind](run))

    assert activity.source_format is SourceFormat(kind)
    assert abs((activity.start - run.start).total_seconds()) <= 1
    assert abs((activity.finish - run.finish).total_seconds()) <= 1
    assert activity.start.utcoffset() == activity.finish.utcoffset() == timedelta(hours=2)
    assert activity.local_offset_known
    assert activity.elapsed_seconds == pytest.approx(
        (run.finish - run.start).total_seconds(), abs=1
    )
    if kind == "gpx":
        assert activity.distance_km == pytest.approx(run.distance_km, rel=0.005)
        assert activity.moving_seconds == pytest.approx(run.moving_seconds, rel=0.02)
    else:
        assert activity.distance_km == pytest.approx(run.distance_km, abs=0.001)
        assert activity.moving_seconds == pytest.approx(run.moving_seconds, abs=1)
    assert activity.moving_seconds < activity.elapsed_seconds - run.pause_seconds + 1
    assert run.avg_hr is not None and activity.avg_hr is not None
    assert abs(activity.avg_hr - run.avg_hr) <= 1
    assert activity.max_hr == run.max_hr
    assert activity.ascent_m == pytest.approx(run.hill_m, abs=1)
    assert activity.descent_m == pytest.approx(run.hill_m, abs=1)
    assert activity.sport == "running"


@pytest.mark.parametrize(
    ("kind", "hours"), [("gpx", -5), ("tcx", 5.5), ("fit", -3.5), ("fit", 13.75)]
)
def test_times_keep_an_offset_other_than_utc(kind: str, hours: float, tmp_path: Path) -> None:
    zone = timezone(timedelta(hours=hours))
    run = SampleRun(start=datetime(2026, 1, 3, 6, 30, tzinfo=zone))
    activity = read(tmp_path, WRITERS[kind](run))
    assert activity.start.utcoffset() == timedelta(hours=hours)
    assert activity.start.replace(tzinfo=None) == run.start.replace(tzinfo=None)
    assert activity.local_offset_known
    assert activity.zone == zone.tzname(None)


def test_zulu_times_are_utc_and_say_nothing_of_the_local_zone(tmp_path: Path) -> None:
    run = SampleRun()
    for activity in (
        read(tmp_path, tcx_bytes(run, zulu=True), "zulu.tcx"),
        read(tmp_path, gpx_bytes(SampleRun(start=run.start.astimezone(UTC))), "zulu.gpx"),
        read(tmp_path, fit_bytes(run, local_timestamp=False), "no-local.fit"),
    ):
        assert activity.start == run.start  # the same instant
        assert activity.start.tzinfo == UTC and activity.zone == "UTC"
        assert not activity.local_offset_known


@pytest.mark.parametrize("kind", WRITERS)
def test_a_file_without_heart_rate_leaves_it_unknown(kind: str, tmp_path: Path) -> None:
    activity = read(tmp_path, WRITERS[kind](SampleRun(with_hr=False)))
    assert activity.avg_hr is None and activity.max_hr is None


@pytest.mark.parametrize("kind", WRITERS)
def test_a_file_without_elevation_leaves_the_climb_unknown(kind: str, tmp_path: Path) -> None:
    activity = read(tmp_path, WRITERS[kind](SampleRun(with_elevation=False)))
    assert activity.ascent_m is None and activity.descent_m is None


@pytest.mark.parametrize("kind", ["tcx", "fit"])
def test_several_laps_are_one_run(kind: str, tmp_path: Path) -> None:
    run = SampleRun(laps=3)
    activity = read(tmp_path, WRITERS[kind](run))
    assert activity.laps == 3
    assert activity.distance_km == pytest.approx(run.distance_km, abs=0.001)
    assert activity.moving_seconds == pytest.approx(run.moving_seconds, abs=1)


def test_gpx_has_no_laps(tmp_path: Path) -> None:
    assert read(tmp_path, gpx_bytes(SampleRun())).laps is None


def test_tcx_heart_rate_from_the_laps_when_points_have_none(tmp_path: Path) -> None:
    run = SampleRun(laps=3)
    activity = read(tmp_path, tcx_bytes(run, lap_hr_only=True))
    assert run.avg_hr is not None and activity.avg_hr is not None
    assert abs(activity.avg_hr - run.avg_hr) <= 1
    assert activity.max_hr == run.max_hr


def test_fit_fills_in_heart_rate_and_climb_from_its_records(tmp_path: Path) -> None:
    run = SampleRun()
    activity = read(tmp_path, fit_bytes(run, session_hr=False, session_climb=False))
    assert run.avg_hr is not None and activity.avg_hr is not None
    assert abs(activity.avg_hr - run.avg_hr) <= 1
    assert activity.max_hr == run.max_hr
    assert activity.ascent_m == pytest.approx(run.hill_m, abs=1)


def test_a_fit_local_time_far_from_utc_is_not_trusted(tmp_path: Path) -> None:
    # A device clock set 20 hours off gives no usable zone: keep UTC and say so.
    run = SampleRun(start=datetime(2026, 4, 12, 9, 0, tzinfo=UTC))
    data = fit_bytes(SampleRun(start=run.start.astimezone(timezone(timedelta(hours=23)))))
    activity = read(tmp_path, data)
    assert activity.start == run.start and activity.start.tzinfo == UTC
    assert not activity.local_offset_known


def test_the_same_run_from_the_watch_and_from_the_app_is_recognised(tmp_path: Path) -> None:
    run = SampleRun()
    watch = read(tmp_path, fit_bytes(run), "watch.fit")
    app = read(tmp_path, gpx_bytes(SampleRun(start=run.start.astimezone(UTC))), "app.gpx")
    other_day = read(tmp_path, gpx_bytes(SampleRun(start=run.start + timedelta(days=1))), "x")
    assert same_activity(watch, app)
    assert not same_activity(watch, other_day)


@pytest.mark.parametrize("kind", WRITERS)
def test_files_are_known_by_content_not_by_name(kind: str, tmp_path: Path) -> None:
    misnamed = tmp_path / ("run.txt" if kind != "fit" else "run.gpx")
    misnamed.write_bytes(WRITERS[kind](SampleRun()))
    assert detect_file_kind(misnamed) is FileKind(kind)
    assert read_activity_file(misnamed).source_format is SourceFormat(kind)


def test_a_gzipped_file_reads_like_the_file_inside(tmp_path: Path) -> None:
    import gzip

    data = gpx_bytes(SampleRun())
    plain, packed = read(tmp_path, data, "a.gpx"), read(tmp_path, gzip.compress(data), "b.gz")
    assert packed == plain
    assert detect_file_kind(tmp_path / "b.gz") is FileKind.GPX


def test_gpx_in_other_encodings(tmp_path: Path) -> None:
    text = gpx_bytes(SampleRun()).decode("utf-8").replace("Morning run", "Course à pied")
    latin = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    utf16 = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    for data in (utf16, latin, b"\xef\xbb\xbf" + text.encode("utf-8")):
        assert read(tmp_path, data).distance_km == pytest.approx(SampleRun().distance_km, rel=0.005)

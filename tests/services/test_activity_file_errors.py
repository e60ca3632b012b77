"""Files that do not give one run: each says why in one sentence naming the file, and none
hangs, blows memory or escapes as another exception."""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import struct
from pathlib import Path

import pytest
from activity_samples import SampleRun, gpx_bytes, gpx_route_only, tcx_bytes, tcx_course
from fit_samples import fit_bytes, fit_empty
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_tui.domain.text import one_line
from recovery_tui.services.activity_files import (
    EXPORT_MARKER,
    EXPORT_MARKER_KEY,
    MAX_FILE_BYTES,
    ActivityFileError,
    FileKind,
    detect_file_kind,
    read_activity_file,
)
from recovery_tui.services.activity_files import fit as fit_module
from recovery_tui.services.activity_files import reader as reader_module


def with_fit_data_size(data: bytes, size: int) -> bytes:
    """The FIT header's data size (bytes 4-7) changed; a 12-byte header has no checksum."""
    assert data[0] == 12
    return data[:4] + struct.pack("<I", size) + data[8:]


GPX = gpx_bytes(SampleRun(points=60, pause_after=None))
TCX = tcx_bytes(SampleRun(points=60, pause_after=None))
FIT = fit_bytes(SampleRun(points=60, pause_after=None))


def refusal(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(ActivityFileError) as caught:
        read_activity_file(path)
    message = str(caught.value)
    assert message.startswith(one_line(path.name) + " ")
    assert "\n" not in message
    return message


CASES = [
    ("empty.gpx", b"", "is empty"),
    ("empty.fit", fit_empty(), "is empty"),
    ("two.gpx", gpx_bytes(SampleRun(points=60), tracks=2), "holds 2 activities"),
    ("two.tcx", tcx_bytes(SampleRun(points=60), activities=2), "holds 2 activities"),
    ("multisport.fit", fit_bytes(SampleRun(points=60), sessions=3), "holds 3 activities"),
    ("cut.gpx", GPX[: len(GPX) // 2], "is truncated or damaged"),
    ("cut.tcx", TCX[: len(TCX) // 2], "is truncated or damaged"),
    ("cut.fit", FIT[: len(FIT) // 2], "is truncated or damaged (the file ends early)"),
    ("flipped.fit", FIT[:300] + bytes([FIT[300] ^ 0xFF]) + FIT[301:], "truncated or damaged"),
    ("route.gpx", gpx_route_only(), "holds a planned route, not a recorded run"),
    ("course.tcx", tcx_course(), "holds a course, not a recorded activity"),
    ("course.fit", fit_bytes(SampleRun(points=60), file_type="COURSE"), "is a FIT course file"),
    ("map.kml", b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"/>', "<kml>"),
    ("page.gpx", b"<!DOCTYPE html>\n<html><head><title>Strava</title></head></html>", "web page"),
    ("page2.gpx", b"<html><body><p>Export<br></p></body></html>", "is a web page"),
    ("data.json", json.dumps({"runs": [1, 2]}).encode(), "is not a GPX, TCX or FIT"),
    ("notes.txt", b"ran 21.1 km today", "is not a GPX, TCX or FIT"),
    ("random.bin", random.Random(12).randbytes(2048), "is not a GPX, TCX or FIT"),
    ("no-times.gpx", GPX.replace(b"<time>", b"<!--").replace(b"</time>", b"-->"), "without times"),
    ("one-point.gpx", re.sub(rb"</trkpt>.*</trkpt>", b"</trkpt>", GPX, flags=re.S), "single timed"),
    ("nan.gpx", GPX.replace(b'lat="45.0"', b'lat="nan"', 1), "cannot be right"),
    ("mismatched.gpx", GPX.replace(b"</trkseg>", b"</trkse>"), "damaged (Error parsing XML"),
    ("eon.tcx", re.sub(rb"Seconds>[^<]*", b"Seconds>1e300", TCX, count=1), "cannot be right"),
    ("bad.tcx", TCX.replace(b"<Time>", b"<Time>noon", 1), "damaged (time 'noon"),
    ("short-header.fit", with_fit_data_size(FIT, len(FIT) - 12 - 2 - 5), "runs past the end"),
    ("unknown-encoding.gpx", GPX.replace(b'encoding="UTF-8"', b'encoding="UTFB8"'), "is not a GPX"),
    ("unknown-encoding.tcx", TCX.replace(b'encoding="UTF-8"', b'encoding="UTFB8"'), "is not a GPX"),
    ("bad.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 40, "is truncated or damaged"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "says"), CASES, ids=[name for name, _, _ in CASES])
def test_each_way_a_file_fails_is_said(name: str, data: bytes, says: str, tmp_path: Path) -> None:
    assert says in refusal(tmp_path / name, data)


def test_an_elevation_that_is_not_a_number_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "nan-ele.gpx"
    path.write_bytes(GPX.replace(b"<ele>500.0</ele>", b"<ele>nan</ele>", 1))
    ascent = read_activity_file(path).ascent_m
    # The climb starts one point later: about one point's rise (1 m) less.
    assert ascent is not None and ascent == pytest.approx(SampleRun().hill_m, abs=2)


def test_a_recovery_export_is_recognised_and_left_to_its_own_import(tmp_path: Path) -> None:
    export = tmp_path / "backup.json"
    document = {EXPORT_MARKER_KEY: EXPORT_MARKER, "version": 1, "runs": []}
    export.write_text(json.dumps(document, indent=2), encoding="utf-8")
    assert detect_file_kind(export) is FileKind.RECOVERY_EXPORT
    assert "is a recovery-tui export" in refusal(export, export.read_bytes())
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    assert detect_file_kind(other) is FileKind.UNKNOWN


def test_a_folder_a_missing_file_and_a_pipe(tmp_path: Path) -> None:
    for path, says in (
        (tmp_path, "is a folder"),
        (tmp_path / "gone.fit", "cannot be read (No such file or directory)"),
    ):
        with pytest.raises(ActivityFileError, match=r"\(?" + says.split("(")[0]):
            read_activity_file(path)
    pipe = tmp_path / "pipe.gpx"
    os.mkfifo(pipe)  # opening it to read would wait for a writer for ever
    with pytest.raises(ActivityFileError, match="is not a GPX"):
        read_activity_file(pipe)
    assert detect_file_kind(pipe) is FileKind.UNKNOWN


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.gpx"
    with huge.open("wb") as handle:  # sparse: costs no disk
        handle.write(GPX[:200])
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ActivityFileError, match="is larger than 32 MB"):
        read_activity_file(huge)


def test_a_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(GPX[:200] + b" " * (MAX_FILE_BYTES + 1), compresslevel=1)
    assert len(bomb) < MAX_FILE_BYTES // 100
    assert "is larger than 32 MB" in refusal(tmp_path / "bomb.gpx.gz", bomb)


@pytest.mark.parametrize("data", [GPX, TCX, FIT], ids=["gpx", "tcx", "fit"])
def test_too_many_points_are_refused(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "MAX_POINTS", 59)
    assert "holds more than 59 track points" in refusal(tmp_path / "long", data)
    monkeypatch.setattr(reader_module, "MAX_POINTS", 60)
    (tmp_path / "long").write_bytes(data)
    assert read_activity_file(tmp_path / "long")


def test_waypoints_count_towards_the_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "MAX_POINTS", 60)
    waypoints = b"".join(b'<wpt lat="45" lon="6"/>' for _ in range(10))
    crowded = GPX.replace(b"<trk>", waypoints + b"<trk>", 1)
    assert "holds more than 60 track points" in refusal(tmp_path / "crowded.gpx", crowded)


@pytest.mark.parametrize("data", [GPX, TCX], ids=["gpx", "tcx"])
def test_xml_tags_are_counted_before_a_tree_is_built(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "MAX_POINTS", 60)
    monkeypatch.setattr(reader_module, "TAGS_PER_POINT", 1)
    assert "holds more than 60 XML tags" in refusal(tmp_path / "tags", data)


def test_fit_messages_are_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_POINTS", 60)
    monkeypatch.setattr(fit_module, "MESSAGES_PER_POINT", 1)
    assert "holds more than 60 FIT messages" in refusal(tmp_path / "chatty.fit", FIT)


DEEP = b"<x>" * 100_000 + b"</x>" * 100_000


@pytest.mark.parametrize(
    ("data", "where"),
    [(GPX, b"<extensions>"), (GPX, b"<trk>"), (TCX, b"<Trackpoint>")],
    ids=["gpx-extension", "gpx-track", "tcx-point"],
)
def test_xml_nested_absurdly_deep_is_refused_before_it_can_crash_a_parser(
    data: bytes, where: bytes, tmp_path: Path
) -> None:
    # gpxpy deep-copies extensions: nested 100,000 deep, that crashed the interpreter.
    deep = data.replace(where, where + DEEP, 1)
    assert "nests its elements more than 64 deep" in refusal(tmp_path / "deep", deep)


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
<gpx version="1.1"><trk><name>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</name></trk></gpx>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE TrainingCenterDatabase [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>&x;</Id>
</Activity></Activities></TrainingCenterDatabase>"""


@pytest.mark.parametrize("data", [LAUGHS, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_xml_with_a_document_type_is_refused_before_parsing(data: bytes, tmp_path: Path) -> None:
    assert "declares a document type" in refusal(tmp_path / "evil.gpx", data)
    assert detect_file_kind(tmp_path / "evil.gpx") is FileKind.UNKNOWN


def test_text_that_would_stall_gpxpy_is_refused(tmp_path: Path) -> None:
    # gpxpy scans from each " xmlns" to the next "=": without one, each scan runs to the end.
    stall = GPX.replace(b"<trk>", b"<trk><desc>" + b" xmlns" * 50_000 + b"</desc>", 1)
    assert "malformed namespace declaration" in refusal(tmp_path / "stall.gpx", stall)


def test_a_name_with_control_characters_is_shown_plain(tmp_path: Path) -> None:
    message = refusal(tmp_path / "run\x1b[2J\x07.gpx", b"")
    assert "\x1b" not in message and "\x07" not in message
    assert message.startswith("run[2J.gpx is empty")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.sampled_from([GPX, TCX, FIT, gzip.compress(FIT)]),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=4),
    cut=st.integers(min_value=0),
)
def test_damaged_files_are_a_run_or_one_clear_refusal(
    data: bytes, flips: list[tuple[int, int]], cut: int, tmp_path: Path
) -> None:
    damaged = bytearray(data)
    for where, value in flips:
        damaged[where % len(damaged)] = value
    path = tmp_path / "damaged"
    path.write_bytes(bytes(damaged[: len(damaged) - cut % (len(damaged) // 2 + 1)]))
    try:
        read_activity_file(path)
    except ActivityFileError as refused:
        assert str(refused).startswith("damaged ") and "\n" not in str(refused)

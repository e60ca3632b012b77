"""A folder's candidate files for ``import FOLDER``, and parsers loaded only when a file
is read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from activity_samples import SampleRun, gpx_bytes, tcx_bytes
from fit_samples import fit_bytes

from recovery_tui.services.activity_files import (
    ACTIVITY_KINDS,
    EXPORT_MARKER,
    EXPORT_MARKER_KEY,
    ActivityFileError,
    FileKind,
    candidate_files,
)

REPO = Path(__file__).resolve().parents[2]
RUN = SampleRun(points=30, pause_after=None)


def test_a_folder_gives_its_activity_files_by_name(tmp_path: Path) -> None:
    (tmp_path / "b-morning.gpx").write_bytes(gpx_bytes(RUN))
    (tmp_path / "a-watch").write_bytes(fit_bytes(RUN))  # no extension: content decides
    (tmp_path / "c-race.TCX.txt").write_bytes(tcx_bytes(RUN))
    (tmp_path / "export.json").write_text(json.dumps({EXPORT_MARKER_KEY: EXPORT_MARKER}))
    (tmp_path / "notes.txt").write_text("21.1 km, felt good")
    (tmp_path / "empty.fit").write_bytes(b"")
    (tmp_path / ".hidden.gpx").write_bytes(gpx_bytes(RUN))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deeper.gpx").write_bytes(gpx_bytes(RUN))
    os.mkfifo(tmp_path / "pipe.gpx")

    names = [p.name for p in candidate_files(tmp_path)]
    # empty.fit is named as one: it is listed so that its reading says what is wrong.
    assert names == ["a-watch", "b-morning.gpx", "c-race.TCX.txt", "empty.fit"]
    with_exports = candidate_files(tmp_path, ACTIVITY_KINDS | {FileKind.RECOVERY_EXPORT})
    assert [p.name for p in with_exports] == [*names[:3], "empty.fit", "export.json"]


def test_a_truncated_file_is_still_a_candidate_so_its_reading_can_say_why(tmp_path: Path) -> None:
    data = fit_bytes(RUN)
    (tmp_path / "cut.fit").write_bytes(data[: len(data) // 2])
    assert [p.name for p in candidate_files(tmp_path)] == ["cut.fit"]


def test_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(ActivityFileError, match=r"^gone cannot be read"):
        candidate_files(tmp_path / "gone")


def _modules_after(code: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    return set(done.stdout.split())


def test_the_parsers_load_only_when_a_file_is_read(tmp_path: Path) -> None:
    parsers = {"gpxpy", "fitdecode", "xml.etree.ElementTree", "gzip"}
    assert _modules_after("import recovery_tui.services.activity_files") & parsers == set()
    path = tmp_path / "run.gpx"
    path.write_bytes(gpx_bytes(RUN))
    reading = (
        "from pathlib import Path\n"
        "from recovery_tui.services.activity_files import read_activity_file\n"
        f"read_activity_file(Path({str(path)!r}))"
    )
    assert "gpxpy" in _modules_after(reading)

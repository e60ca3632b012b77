"""Runs from the files watches and phones write (GPX, TCX, FIT), recognised by content.

    read_activity_file(path) -> Activity      the one run a file holds, or ActivityFileError
    detect_file_kind(path) -> FileKind        gpx, tcx, fit, recovery-export, ...
    candidate_files(folder) -> list[Path]     the activity files directly in a folder

The parsers (gpxpy, fitdecode, the XML parser) load only when a file is read.
"""

from recovery_tui.services.activity_files.detect import (
    ACTIVITY_KINDS,
    EXPORT_MARKER,
    EXPORT_MARKER_KEY,
    FileKind,
)
from recovery_tui.services.activity_files.errors import ActivityFileError
from recovery_tui.services.activity_files.reader import (
    MAX_FILE_BYTES,
    MAX_POINTS,
    candidate_files,
    detect_file_kind,
    read_activity_file,
)

__all__ = [
    "ACTIVITY_KINDS",
    "EXPORT_MARKER",
    "EXPORT_MARKER_KEY",
    "MAX_FILE_BYTES",
    "MAX_POINTS",
    "ActivityFileError",
    "FileKind",
    "candidate_files",
    "detect_file_kind",
    "read_activity_file",
]

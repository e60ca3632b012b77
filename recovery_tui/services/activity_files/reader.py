"""The entry points: what kind a file is, the run it holds, and the candidates in a folder.

Limits keep a hostile or mistaken file from hanging the app, filling its memory or crashing
a parser: at most ``MAX_FILE_BYTES`` read (also after un-gzipping), ``MAX_POINTS`` track
points, XML tags and FIT messages in proportion, and XML nested at most ``MAX_XML_DEPTH``
deep. Real activities are far below these: a marathon recorded every second is about 15,000
points and 4 MB of GPX, a whole day of running 86,400 points (a few seconds to read: call
this off the UI thread). The parsers are imported only when a file is read, so start-up
does not pay for them.
"""

from __future__ import annotations

import io
import stat
import zlib
from collections.abc import Callable
from pathlib import Path

from recovery_tui.domain.activity import Activity
from recovery_tui.services.activity_files import errors
from recovery_tui.services.activity_files.detect import (
    ACTIVITY_KINDS,
    HEAD_BYTES,
    MAX_XML_DEPTH,
    FileKind,
    UnsafeXml,
    gunzip_head,
    is_gzip,
    sniff,
    xml_depth_within,
    xml_root,
)
from recovery_tui.services.activity_files.errors import ActivityFileError

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_POINTS = 100_000
# A GPX or TCX point takes up to about 15 elements (time, position, elevation, distance,
# extensions with heart rate, cadence, speed); each element costs the XML tree around a
# hundred bytes however short its text, so tags are counted before any tree is built.
TAGS_PER_POINT = 32


def _regular_file(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise errors.unreadable(error) from None
    if stat.S_ISDIR(mode):
        raise errors.is_folder()
    if not stat.S_ISREG(mode):  # a pipe or a device could block or never end
        raise errors.not_activity()


def _read(path: Path, limit: int) -> bytes:
    _regular_file(path)
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as error:
        raise errors.unreadable(error) from None


def _gunzip(data: bytes) -> bytes:
    import gzip

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as inner:
            return inner.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise errors.damaged(error) from None


def _load(path: Path) -> tuple[bytes, FileKind]:
    data = _read(path, MAX_FILE_BYTES)
    if is_gzip(data) and len(data) <= MAX_FILE_BYTES:
        data = _gunzip(data)
    if not data:
        raise errors.empty()
    if len(data) > MAX_FILE_BYTES:
        raise errors.too_large(MAX_FILE_BYTES)
    try:
        return data, sniff(data)
    except UnsafeXml:
        raise errors.unsafe_xml() from None


def _readers() -> dict[FileKind, Callable[[bytes, int], Activity]]:
    from recovery_tui.services.activity_files.fit import read_fit
    from recovery_tui.services.activity_files.gpx import read_gpx
    from recovery_tui.services.activity_files.tcx import read_tcx

    return {FileKind.GPX: read_gpx, FileKind.TCX: read_tcx, FileKind.FIT: read_fit}


def _activity(data: bytes, kind: FileKind) -> Activity:
    if kind is FileKind.RECOVERY_EXPORT:
        raise errors.recovery_export()
    if kind is FileKind.OTHER_XML:
        root = xml_root(data) or "?"
        raise errors.web_page() if root.lower() == "html" else errors.other_xml(root)
    if kind not in ACTIVITY_KINDS:
        raise errors.not_activity()
    if kind is not FileKind.FIT:
        max_tags = MAX_POINTS * TAGS_PER_POINT
        if data.count(b"<") > max_tags:
            raise errors.too_many_parts(max_tags, "XML tags")
        if not xml_depth_within(data, MAX_XML_DEPTH):
            raise errors.too_deep(MAX_XML_DEPTH)
    try:
        return _readers()[kind](data, MAX_POINTS)
    except (ValueError, OverflowError) as error:  # an Activity refusing what the file says
        raise errors.impossible(error) from None


def read_activity_file(path: Path) -> Activity:
    """The one run ``path`` holds (GPX, TCX or FIT, gzipped or not, known by its content).

    Raises ``ActivityFileError`` whose ``str()`` names the file and says what to do."""
    try:
        data, kind = _load(path)
        return _activity(data, kind)
    except ActivityFileError as error:
        raise error.for_path(path) from None


def detect_file_kind(path: Path) -> FileKind:
    """The kind of ``path`` from its first bytes; ``UNKNOWN`` for anything that cannot be
    told (unreadable, unsafe, not an activity), which ``read_activity_file`` then explains."""
    try:
        head = _read(path, HEAD_BYTES)
        return sniff(gunzip_head(head) if is_gzip(head) else head)
    except (ActivityFileError, UnsafeXml):
        return FileKind.UNKNOWN


# Names a watch or an app gives its files: one so named is meant as one, whatever it holds.
ACTIVITY_SUFFIXES = (".gpx", ".tcx", ".fit", ".gpx.gz", ".tcx.gz", ".fit.gz")


def named_as_activity(path: Path) -> bool:
    return path.name.lower().endswith(ACTIVITY_SUFFIXES)


def candidate_files(folder: Path, kinds: frozenset[FileKind] = ACTIVITY_KINDS) -> list[Path]:
    """The files directly in ``folder`` whose content is one of ``kinds``, or whose name
    says it is an activity file (so a damaged or empty one is reported, not passed over),
    by name; hidden files and subfolders are left out."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise errors.unreadable(error).for_path(folder) from None
    return [
        path
        for path in entries
        if not path.name.startswith(".")
        and ((named_as_activity(path) and path.is_file()) or detect_file_kind(path) in kinds)
    ]

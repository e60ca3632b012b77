"""What a file is, from its first bytes, never from its name.

- FIT: a 12- or 14-byte header whose bytes 8-11 are ".FIT" (Garmin FIT protocol).
- GPX and TCX: XML whose root element is ``gpx`` or ``TrainingCenterDatabase`` (any
  namespace). The prolog is read with expat and any document type declaration is refused
  before its content is read: activity files never need one, and it is where
  entity-expansion attacks live (an HTML doctype only marks a saved web page). Nothing
  after the root's start tag is read here.
- A recovery-tui export: a JSON object carrying ``"format": "recovery-tui-export"``; the
  exporter writes it as the first key so that the first bytes show it.
- gzip (Strava's bulk export compresses each activity): the content inside decides.
"""

from __future__ import annotations

import re
import zlib
from enum import StrEnum
from xml.parsers import expat

# GPX and TCX nest about eight deep; gpxpy copies extensions recursively, and a file nested
# a hundred thousand deep would crash the interpreter there.
MAX_XML_DEPTH = 64
EXPORT_MARKER_KEY = "format"
EXPORT_MARKER = "recovery-tui-export"
HEAD_BYTES = 64 * 1024

GZIP_MAGIC = b"\x1f\x8b"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_EXPORT = re.compile(rf'"{EXPORT_MARKER_KEY}"\s*:\s*"{EXPORT_MARKER}"'.encode())


class FileKind(StrEnum):
    GPX = "gpx"
    TCX = "tcx"
    FIT = "fit"
    RECOVERY_EXPORT = "recovery-export"
    OTHER_XML = "other-xml"
    UNKNOWN = "unknown"


ACTIVITY_KINDS: frozenset[FileKind] = frozenset({FileKind.GPX, FileKind.TCX, FileKind.FIT})
_XML_ROOTS = {"gpx": FileKind.GPX, "TrainingCenterDatabase": FileKind.TCX}


class UnsafeXml(Exception):
    """The XML declares a document type (and so may declare entities)."""


class _RootFound(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip_head(data: bytes, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes inside a gzip stream; what cannot be inflated gives b""."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, size)
    except zlib.error:
        return b""


def is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[0] in (12, 14) and data[8:12] == b".FIT"


def xml_root(data: bytes) -> str | None:
    """The local name of the root element, or None when ``data`` does not start like XML
    (or its root lies beyond ``data``). Raises ``UnsafeXml`` on a document type."""

    def doctype(name: str, *_: object) -> None:
        if name.lower() == "html":  # a web page saved in place of the file: no need to read on
            raise _RootFound("html")
        raise UnsafeXml("document type declaration")

    def refuse(*_: object) -> None:
        raise UnsafeXml("entity declaration")

    def found(name: str, _attributes: object) -> None:
        raise _RootFound(name.rpartition(" ")[2])

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = found
    try:
        for offset in range(0, len(data), HEAD_BYTES):
            parser.Parse(data[offset : offset + HEAD_BYTES], False)
    except _RootFound as root:
        return root.name
    except (expat.ExpatError, LookupError, ValueError):  # LookupError: unknown encoding
        return None
    return None


class _TooDeep(Exception):
    pass


def xml_depth_within(data: bytes, limit: int = MAX_XML_DEPTH) -> bool:
    """Whether no element of ``data`` lies more than ``limit`` deep (XML that is not well
    formed passes: its parser says what is wrong)."""
    depth = 0

    def start(_name: str, _attributes: object) -> None:
        nonlocal depth
        depth += 1
        if depth > limit:
            raise _TooDeep

    def end(_name: str) -> None:
        nonlocal depth
        depth -= 1

    def refuse(*_: object) -> None:
        raise UnsafeXml("document type declaration")

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except _TooDeep:
        return False
    except (expat.ExpatError, LookupError, ValueError):  # LookupError: unknown encoding
        return True
    return True


def _starts_like(data: bytes, first: bytes) -> bool:
    for bom in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    return data.lstrip(b" \t\r\n").startswith(first)


def sniff(data: bytes) -> FileKind:
    """The kind of a file from its bytes (all of them, or its first ``HEAD_BYTES``); a gzip
    stream is not opened here (see ``is_gzip``)."""
    if is_fit(data):
        return FileKind.FIT
    if _starts_like(data, b"<") or data.startswith(_BOMS[1:]):
        root = xml_root(data)
        if root is None:
            return FileKind.UNKNOWN
        return _XML_ROOTS.get(root, FileKind.OTHER_XML)
    if _starts_like(data, b"{") and _EXPORT.search(data, 0, HEAD_BYTES):
        return FileKind.RECOVERY_EXPORT
    return FileKind.UNKNOWN

"""``import``: each file given, or each activity file in a folder, read by its content and
taken in. An activity file becomes a run (unless that run is already stored); a
recovery-tui export is merged record by record. A file that cannot be taken in says why
and nothing is written for it; the others go on.

Results come one file at a time, so a long folder shows progress as it is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum
from pathlib import Path

from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.imported_runs import NotARun, RunFromFile, run_from_activity, same_run_in
from recovery_tui.domain.models import Run, utc_iso
from recovery_tui.domain.text import one_line
from recovery_tui.services.activity_files import (
    MAX_FILE_BYTES,
    ActivityFileError,
    FileKind,
    candidate_files,
    detect_file_kind,
    read_activity_file,
)
from recovery_tui.services.journal import Journal, JournalError
from recovery_tui.services.user_settings import max_heart_rate


class Outcome(StrEnum):
    IMPORTED = "imported"  # a new run (or, with dry_run, one that would be)
    DUPLICATE = "duplicate"  # that run is stored already
    MERGED = "merged"  # an export merged in (or, with dry_run, checked and counted)
    FAILED = "failed"  # nothing written for this file


@dataclass(frozen=True, slots=True)
class FileResult:
    path: Path
    outcome: Outcome
    found: RunFromFile | None = None  # the run read (imported or not)
    same_as: Run | None = None  # the stored run a duplicate is
    same_file: Path | None = None  # the file of this import that gave ``same_as``
    message: str = ""  # why it failed, or what the merge did

    @property
    def name(self) -> str:
        return one_line(str(self.path))


def user_zone(clock: Clock) -> tzinfo:
    """The user's zone, for files that say nothing of theirs: by name, so that a run from
    another season gets its own offset; the clock's present offset when the name is not
    one the zone database knows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(clock.tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = clock.now().tzinfo
        assert zone is not None  # a clock's now() is aware
        return zone


def _expand(paths: Sequence[Path]) -> Iterator[Path | FileResult]:
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        try:
            found = candidate_files(path)
        except ActivityFileError as error:
            yield FileResult(path, Outcome.FAILED, message=str(error))
            continue
        if not found:
            message = f"{one_line(path.name)} holds no GPX, TCX or FIT file."
            yield FileResult(path, Outcome.FAILED, message=message)
        yield from found


class RunImport:
    """One ``import`` over many paths; ``dry_run`` reads everything and writes nothing."""

    def __init__(self, journal: Journal, clock: Clock, *, dry_run: bool = False) -> None:
        self.journal = journal
        self.clock = clock
        self.dry_run = dry_run
        self._zone = user_zone(clock)
        self._max_hr = max_heart_rate(journal)
        self._runs = journal.runs()  # grows with each run taken, so a file twice is seen
        self._taken: dict[str, Path] = {}  # run id -> the file of this import it came from

    def files(self, paths: Sequence[Path]) -> Iterator[FileResult]:
        for item in _expand(paths):
            yield item if isinstance(item, FileResult) else self.file(item)

    def file(self, path: Path) -> FileResult:
        if detect_file_kind(path) is FileKind.RECOVERY_EXPORT:
            return self._merge(path)
        try:
            activity = read_activity_file(path)
            found = run_from_activity(
                activity,
                zone=self._zone,
                today=today(self.clock),
                max_heart_rate=self._max_hr,
                recorded_at=utc_iso(self.clock.now()),
                tz=self.clock.tz_name,
            )
        except ActivityFileError as error:
            return FileResult(path, Outcome.FAILED, message=str(error))
        except NotARun as error:
            return FileResult(path, Outcome.FAILED, message=f"{one_line(path.name)} {error}")
        same = same_run_in(activity, self._runs)
        if same is not None:
            earlier = self._taken.get(same.id)
            return FileResult(path, Outcome.DUPLICATE, found, same_as=same, same_file=earlier)
        try:
            if not self.dry_run:
                self.journal.add_run(found.run)
        except JournalError as error:
            message = f"{one_line(path.name)} was not saved: {error}"
            return FileResult(path, Outcome.FAILED, found, message=message)
        self._runs.append(found.run)
        self._taken[found.run.id] = path
        return FileResult(path, Outcome.IMPORTED, found)

    def _merge(self, path: Path) -> FileResult:
        name = one_line(path.name)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            why = error.strerror or type(error).__name__
            return FileResult(path, Outcome.FAILED, message=f"{name} cannot be read ({why})")
        if len(raw) > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return FileResult(
                path, Outcome.FAILED, message=f"{name} is larger than {limit} MB: not an export."
            )
        try:
            document = json.loads(raw)
        except (ValueError, RecursionError) as error:
            return FileResult(
                path,
                Outcome.FAILED,
                message=f"{name} is a truncated or damaged export ({error}): export it again.",
            )
        try:
            result = self.journal.import_document(document, dry_run=self.dry_run)
        except JournalError as error:
            return FileResult(path, Outcome.FAILED, message=f"{name} was refused: {error}")
        if not self.dry_run:
            # The export's runs are stored now: later files are checked against them too. A
            # dry run stored nothing: it keeps the runs it counted from earlier files.
            self._runs = self.journal.runs()
        return FileResult(path, Outcome.MERGED, message=result.message)

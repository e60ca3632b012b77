"""Every routine a session can run: the built-ins, custom TOML files in the config
directory, and today's adaptive stretch. Reading the files lives here, not in ``domain/``;
what a file must hold is checked by ``domain.routine_files.parse_routine``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from recovery_tui.domain.adaptive import adaptive_stretch
from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.routine_files import MAX_FILE_BYTES, RoutineFileError, parse_routine
from recovery_tui.domain.routine_library import builtin_routines, find_builtin, stretch_30
from recovery_tui.domain.routines import STRETCH_30_ID, Routine
from recovery_tui.services.journal import Journal

ADAPTIVE = "adaptive"
ROUTINES_DIR = "routines"


class RoutineNotFound(LookupError):
    """No routine with that id; the message says so in words."""


@dataclass(frozen=True, slots=True)
class Catalog:
    """What ``all`` found: the routines that load, and one sentence per file that does not."""

    routines: tuple[Routine, ...]
    errors: tuple[str, ...]


def load_routine_file(path: Path) -> Routine:
    if path.exists() and not path.is_file():
        # A folder is refused by read_bytes, but a FIFO named *.toml would block it forever.
        raise RoutineFileError("is not a regular file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise RoutineFileError(f"cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise RoutineFileError(f"is larger than {MAX_FILE_BYTES // 1024} KiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RoutineFileError("is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoutineFileError(f"is not valid TOML ({error})") from None
    except RecursionError:
        # tomllib goes one call deeper per nested array or table: a file nested a few
        # thousand deep fits in the size limit and would otherwise stop the program.
        raise RoutineFileError("is nested too deeply to be a routine") from None
    return parse_routine(path.stem, data, source=str(path))


def load_custom_routines(config_dir: Path) -> tuple[list[Routine], list[str]]:
    """Routines from ``config_dir/routines/*.toml`` (sorted by id) and one error per bad file."""
    folder = config_dir / ROUTINES_DIR
    if not folder.is_dir():
        return [], []
    routines: list[Routine] = []
    errors: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            routines.append(load_routine_file(path))
        except RoutineFileError as error:
            errors.append(f"{path.name}: {error}")
    return routines, errors


def all_routines(config_dir: Path) -> Catalog:
    """Built-in routines then custom ones; a custom id equal to a built-in one is refused."""
    builtins = builtin_routines()
    taken = {r.id for r in builtins}
    custom, errors = load_custom_routines(config_dir)
    routines = list(builtins)
    for routine in custom:
        if routine.id in taken:
            errors.append(
                f"{Path(routine.source).name}: the id '{routine.id}' belongs to a built-in "
                "routine; rename the file"
            )
            continue
        routines.append(routine)
    return Catalog(tuple(routines), tuple(errors))


class RoutineCatalog:
    """Finds the routine for an id, reading custom files afresh each time (they are small,
    and a file edited while the app is open is picked up at the next session)."""

    def __init__(self, journal: Journal, config_dir: Path) -> None:
        self._journal = journal
        self._config_dir = config_dir

    def all(self) -> Catalog:
        return all_routines(self._config_dir)

    def find(self, routine_id: str, day: date, record: SessionRecord | None = None) -> Routine:
        """The routine to run for ``routine_id`` ("adaptive": ``day``'s 30-minute stretch).
        ``record`` is an interrupted session being resumed."""
        if routine_id == ADAPTIVE:
            return adaptive_stretch(self._journal.checkin(day))
        if record is not None and routine_id == STRETCH_30_ID:
            # The adaptive and balanced sessions share an id; resume the one that was started.
            if record.routine_name == stretch_30().name:
                return stretch_30()
            return adaptive_stretch(self._journal.checkin(record.day))
        return find_routine(routine_id, self._config_dir)


def find_routine(routine_id: str, config_dir: Path) -> Routine:
    """A built-in or custom routine by id (not "adaptive", which needs the day's
    check-in); raises RoutineNotFound saying why."""
    catalog = all_routines(config_dir)
    for routine in catalog.routines:
        if routine.id == routine_id:
            return routine
    found = find_builtin(routine_id)
    if found is not None:
        return found
    for error in catalog.errors:
        if error.startswith(f"{routine_id}.toml:"):
            raise RoutineNotFound(f"The routine file {error}")
    raise RoutineNotFound(
        f"There is no routine called '{routine_id}'; `recovery-tui routines` lists them."
    )

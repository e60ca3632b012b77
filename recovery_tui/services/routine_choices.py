"""The routine picker's list: every routine a session can run, in words, and the search
over it. Today's adapted stretch comes first (withheld under a red flag, with the reason
said instead), then the built-ins, then the custom files; a file that does not load is
listed with its reason. Every text is one plain line: routine names and file paths come
from the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.routines import Routine
from recovery_tui.domain.text import one_line
from recovery_tui.services.routine_catalog import ADAPTIVE, RoutineCatalog

ADAPTIVE_TITLE = "30-minute stretch, adapted to today"
BUILT_IN = "built-in"


@dataclass(frozen=True, slots=True)
class RoutineChoice:
    routine_id: str  # what ``start_routine`` takes
    title: str
    length: str  # "30:00"
    areas: str  # "calves, ankles"; "" when the routine names none
    source: str  # "built-in" or the file it was read from
    routine: Routine
    refused: str = ""  # why it is not offered today; "" when it is

    @property
    def offered(self) -> bool:
        return not self.refused

    @property
    def file_name(self) -> str:
        return self.source if self.source == BUILT_IN else Path(self.source).name

    @property
    def listed(self) -> str:
        """The line under its name in the list: '30:00 · calves, ankles · evening.toml'."""
        return " · ".join(part for part in (self.length, self.areas, self.file_name) if part)

    @property
    def summary(self) -> str:
        """The same with the whole path of its file, for the preview."""
        return " · ".join(part for part in (self.length, self.areas, self.source) if part)


@dataclass(frozen=True, slots=True)
class RoutineMenu:
    choices: tuple[RoutineChoice, ...]
    broken: tuple[str, ...]  # "<file>.toml: <reason>", one plain line each


def _choice(routine: Routine, routine_id: str, title: str, refused: str = "") -> RoutineChoice:
    areas = ", ".join(area.label for area in routine.areas)
    source = BUILT_IN if routine.source == BUILT_IN else one_line(routine.source)
    return RoutineChoice(
        routine_id,
        one_line(title),
        clock_text(routine.total_seconds),
        areas,
        source,
        routine,
        refused,
    )


def routine_menu(catalog: RoutineCatalog, day: date, withheld: str | None) -> RoutineMenu:
    """Everything the picker lists on ``day``; ``withheld`` says why the adapted stretch
    is not offered (None: it is)."""
    found = catalog.all()
    adapted = catalog.find(ADAPTIVE, day)
    choices = [_choice(adapted, ADAPTIVE, ADAPTIVE_TITLE, one_line(withheld or ""))]
    choices += [_choice(routine, routine.id, routine.name) for routine in found.routines]
    return RoutineMenu(tuple(choices), tuple(one_line(error) for error in found.errors))


def _words(choice: RoutineChoice) -> str:
    words = (choice.title, choice.routine_id, choice.routine.kind, choice.areas, choice.file_name)
    return " ".join(words).lower()


def matches(choice: RoutineChoice, query: str) -> bool:
    """Every word typed appears in the routine's name, id, kind, areas or file name."""
    haystack = _words(choice)
    return all(word in haystack for word in query.lower().split())


def search(choices: Iterable[RoutineChoice], query: str) -> list[RoutineChoice]:
    return [choice for choice in choices if matches(choice, query)]


def broken_matching(broken: Iterable[str], query: str) -> list[str]:
    """The files that failed to load whose line holds every word typed."""
    words = query.lower().split()
    return [line for line in broken if all(word in line.lower() for word in words)]

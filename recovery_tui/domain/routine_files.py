"""Custom routines from TOML files in ``<config-dir>/routines/``.

One file per routine, its stem is the routine's id::

    name = "Evening calves"
    description = "optional"
    kind = "routine"          # optional: walk, stretch or routine
    [[steps]]
    name = "Wall calf stretch"
    seconds = 30              # one hold, per side when sides = true; 1 to 3600
    reps = 3                  # optional: holds per side, 1 to 10 (default 1)
    release = 5               # optional: seconds between two holds, 0 to 60 (default 5)
    sides = true
    areas = ["calves", "ankles"]
    how = "Hands on the wall, back heel down, lean in."

A step with ``reps = 3`` runs hold 1, release, hold 2, release, hold 3 (on each side when
``sides = true``), so it lasts 3 × seconds + 2 × release per side.

A file that cannot be used gives one message naming the file and the reason; the other
files still load. This module checks what a parsed file holds; reading the files is
``services.routine_catalog``'s job.
"""

from __future__ import annotations

from typing import Any

from recovery_tui.domain.models import Area
from recovery_tui.domain.routines import (
    KINDS,
    MAX_RELEASE_SECONDS,
    MAX_REPS,
    RELEASE_SECONDS,
    Routine,
    Step,
)
from recovery_tui.domain.text import one_line, plain

MAX_STEP_SECONDS = 3600
MAX_FILE_BYTES = 256 * 1024
_STEP_KEYS = frozenset({"name", "seconds", "reps", "release", "sides", "areas", "how"})
_TOP_KEYS = frozenset({"name", "description", "kind", "steps"})


class RoutineFileError(ValueError):
    """Why a routine file cannot be used, in words for the user."""


def parse_routine(routine_id: str, data: dict[str, Any], source: str) -> Routine:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise RoutineFileError(
            f"unknown key '{unknown[0]}' (expected {', '.join(sorted(_TOP_KEYS))})"
        )
    name = _text(data, "name", "routine", required=True)
    description = _text(data, "description", "routine")
    kind = data.get("kind", "routine")
    if kind not in KINDS:
        raise RoutineFileError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        raise RoutineFileError("has no steps: add at least one [[steps]] table")
    parsed = tuple(_parse_step(n, step) for n, step in enumerate(steps, start=1))
    return Routine(
        id=routine_id,
        name=name,
        kind=kind,
        steps=parsed,
        description=description,
        source=source,
    )


def _parse_step(number: int, data: Any) -> Step:
    where = f"step {number}"
    if not isinstance(data, dict):
        raise RoutineFileError(f"{where} must be a [[steps]] table")
    unknown = sorted(set(data) - _STEP_KEYS)
    if unknown:
        raise RoutineFileError(f"{where}: unknown key '{unknown[0]}'")
    name = _text(data, "name", where, required=True)
    seconds = _whole(data, "seconds", f"{where} ({name})", 1, MAX_STEP_SECONDS, None)
    reps = _whole(data, "reps", f"{where} ({name})", 1, MAX_REPS, 1)
    release = _whole(data, "release", f"{where} ({name})", 0, MAX_RELEASE_SECONDS, RELEASE_SECONDS)
    sides = data.get("sides", False)
    if not isinstance(sides, bool):
        raise RoutineFileError(f"{where} ({name}): sides must be true or false")
    areas_raw = data.get("areas", [])
    if not isinstance(areas_raw, list):
        raise RoutineFileError(f'{where} ({name}): areas must be a list such as ["calves"]')
    areas: list[Area] = []
    for value in areas_raw:
        area = _area(value)
        if area is None:
            names = ", ".join(a.value for a in Area)
            raise RoutineFileError(f"{where} ({name}): unknown area {value!r} (use {names})")
        areas.append(area)
    how = _text(data, "how", f"{where} ({name})")
    return Step(
        name=name,
        seconds=seconds,
        sides=sides,
        areas=tuple(areas),
        how=how,
        reps=reps,
        release=release,
    )


def _whole(
    data: dict[str, Any], key: str, where: str, low: int, high: int, default: int | None
) -> int:
    """A whole number from ``low`` to ``high``; ``default`` when absent (None: required)."""
    value = data.get(key, default)
    # bool is an int in Python; "seconds = true" is a mistake, not one second.
    if value is None or isinstance(value, bool) or not isinstance(value, int):
        raise RoutineFileError(f"{where}: {key} must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise RoutineFileError(f"{where}: {key} must be from {low} to {high}, not {value}")
    return value


def _area(value: Any) -> Area | None:
    if not isinstance(value, str):
        return None
    try:
        return Area(value.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        return None


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise RoutineFileError(f"{where} is missing '{key}'")
        return ""
    if not isinstance(value, str):
        raise RoutineFileError(f"{where}: '{key}' must be text")
    # Text from a file: names on one line, how-to keeps its breaks; no control characters
    # either way, so a session, its record and every screen get clean text.
    value = one_line(value) if key == "name" else plain(value).strip()
    if required and not value:
        raise RoutineFileError(f"{where}: '{key}' is empty")
    return value

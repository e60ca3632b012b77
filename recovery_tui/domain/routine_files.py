"""Custom routines from TOML files in ``<config-dir>/routines/``.

One file per routine, its stem is the routine's id::

    name = "Evening calves"
    description = "optional"
    kind = "routine"          # optional: walk, stretch or routine
    [[steps]]
    name = "Wall calf stretch"
    seconds = 45              # per side when sides = true; 1 to 3600
    sides = true
    areas = ["calves", "ankles"]
    how = "Hands on the wall, back heel down, lean in."

A file that cannot be used gives one message naming the file and the reason; the other
files still load. This module checks what a parsed file holds; reading the files is
``services.routine_catalog``'s job.
"""

from __future__ import annotations

from typing import Any

from recovery_tui.domain.models import Area
from recovery_tui.domain.routines import KINDS, Routine, Step

MAX_STEP_SECONDS = 3600
MAX_FILE_BYTES = 256 * 1024
_STEP_KEYS = frozenset({"name", "seconds", "sides", "areas", "how"})
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
    seconds = data.get("seconds")
    # bool is an int in Python; "seconds = true" is a mistake, not one second.
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        raise RoutineFileError(f"{where} ({name}): seconds must be a whole number of seconds")
    if not 1 <= seconds <= MAX_STEP_SECONDS:
        raise RoutineFileError(
            f"{where} ({name}): seconds must be from 1 to {MAX_STEP_SECONDS}, not {seconds}"
        )
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
    return Step(name=name, seconds=seconds, sides=sides, areas=tuple(areas), how=how)


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
    value = value.strip()
    if required and not value:
        raise RoutineFileError(f"{where}: '{key}' is empty")
    return value

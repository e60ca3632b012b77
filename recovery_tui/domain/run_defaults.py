"""What a run is taken to be when the user does not say: one rule for the command line, the
log-run dialog and imported files (docs/guidance.md, msg.window.defaults).

A run at a standard race distance (or from the marathon up) is taken for a race: logging
`--distance-km 42.2` is a marathon's recovery, not an easy run's. From ``LONG_RUN_KM`` it is
a long run, below an easy run. The user sees both and can change them before saving.
"""

from __future__ import annotations

from recovery_tui.domain.models import RunKind

RACE_DISTANCES_KM: tuple[float, ...] = (5.0, 10.0, 21.0975, 42.195)
RACE_DISTANCE_TOLERANCE = 0.03  # a watch measures a race a little long or short
MARATHON_KM = 42.195
LONG_RUN_KM = 15.0
DEFAULT_EFFORT: dict[RunKind, int] = {RunKind.RACE: 8, RunKind.LONG: 6, RunKind.EASY: 3}


def is_race_distance(distance_km: float) -> bool:
    return distance_km >= MARATHON_KM * (1 - RACE_DISTANCE_TOLERANCE) or any(
        abs(distance_km - race) <= race * RACE_DISTANCE_TOLERANCE for race in RACE_DISTANCES_KM
    )


def default_kind(distance_km: float) -> RunKind:
    if is_race_distance(distance_km):
        return RunKind.RACE
    return RunKind.LONG if distance_km >= LONG_RUN_KM else RunKind.EASY


def default_effort(kind: RunKind) -> int:
    return DEFAULT_EFFORT[kind]

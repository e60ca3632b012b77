"""What a run is taken to be when the user does not say: one rule for the command line, the
log-run dialog and runs imported from watch files (docs/guidance.md, msg.window.defaults).

A run over a standard race distance (or from the marathon up) is taken for a race: logging
`--distance-km 42.2` is a marathon's recovery, not an easy run's. From ``LONG_RUN_KM`` it is
a long run, below an easy run. The user sees both and can change them before saving.
"""

from __future__ import annotations

from recovery_tui.domain.models import RunKind

MARATHON_KM = 42.195
LONG_RUN_KM = 15.0
DEFAULT_EFFORT: dict[RunKind, int] = {RunKind.RACE: 8, RunKind.LONG: 6, RunKind.EASY: 3}

# The road distances most races are run over (World Athletics lists them among its standard
# road events): 5 km, 10 km, the half marathon and the marathon.
RACE_DISTANCES_KM: tuple[float, ...] = (5.0, 10.0, 21.0975, MARATHON_KM)
# A race course is measured along the shortest line a runner could take, so a watch records
# a race a little long (runners cannot hold that line), seldom short: a recorded distance
# from 1 % under to 3 % over a race distance is taken as that race.
RACE_SHORT_SHARE = 0.01
RACE_LONG_SHARE = 0.03


def is_race_distance(distance_km: float) -> bool:
    """A standard race distance, or the marathon and beyond (ultras are races)."""
    return distance_km >= MARATHON_KM * (1 - RACE_SHORT_SHARE) or any(
        race * (1 - RACE_SHORT_SHARE) <= distance_km <= race * (1 + RACE_LONG_SHARE)
        for race in RACE_DISTANCES_KM
    )


def default_kind(distance_km: float) -> RunKind:
    if is_race_distance(distance_km):
        return RunKind.RACE
    return RunKind.LONG if distance_km >= LONG_RUN_KM else RunKind.EASY


def default_effort(kind: RunKind) -> int:
    return DEFAULT_EFFORT[kind]

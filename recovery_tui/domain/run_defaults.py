"""What a run is taken to be when the user does not say: one rule for the command line,
the log-run dialog and runs imported from watch files."""

from __future__ import annotations

from recovery_tui.domain.models import RunKind

# From this distance a run given without a kind is a long run rather than an easy one.
LONG_RUN_KM = 15.0
DEFAULT_EFFORT: dict[RunKind, int] = {RunKind.RACE: 8, RunKind.LONG: 6, RunKind.EASY: 3}

# The road distances most races are run over (World Athletics lists them among its standard
# road events): 5 km, 10 km, the half marathon and the marathon.
RACE_DISTANCES_KM: tuple[float, ...] = (5.0, 10.0, 21.0975, 42.195)
# A race course is measured along the shortest line a runner could take, so a watch records
# a race a little long (runners cannot hold that line), seldom short: a recorded distance
# from 1 % under to 3 % over a race distance is taken as that race.
RACE_SHORT_SHARE = 0.01
RACE_LONG_SHARE = 0.03


def default_kind(distance_km: float) -> RunKind:
    return RunKind.LONG if distance_km >= LONG_RUN_KM else RunKind.EASY


def is_race_distance(distance_km: float) -> bool:
    return any(
        race * (1 - RACE_SHORT_SHARE) <= distance_km <= race * (1 + RACE_LONG_SHARE)
        for race in RACE_DISTANCES_KM
    )


def recorded_kind(distance_km: float) -> RunKind:
    """The kind of a run a watch recorded, known only by its distance: a race over a race
    distance, else as ``default_kind`` says. The user can change it."""
    return RunKind.RACE if is_race_distance(distance_km) else default_kind(distance_km)


def default_effort(kind: RunKind) -> int:
    return DEFAULT_EFFORT[kind]

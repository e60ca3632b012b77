"""What a run is taken to be when the user does not say: one rule for the command line and
the log-run dialog."""

from __future__ import annotations

from recovery_tui.domain.models import RunKind

# From this distance a run given without a kind is a long run rather than an easy one.
LONG_RUN_KM = 15.0
DEFAULT_EFFORT: dict[RunKind, int] = {RunKind.RACE: 8, RunKind.LONG: 6, RunKind.EASY: 3}


def default_kind(distance_km: float) -> RunKind:
    return RunKind.LONG if distance_km >= LONG_RUN_KM else RunKind.EASY


def default_effort(kind: RunKind) -> int:
    return DEFAULT_EFFORT[kind]

"""A run logged again by hand: the same day, kind and distance as one already there.

Two equal runs in one day happen (an easy commute both ways), so this is said, not refused:
the words name the run and how to take the new one back. Runs from files are matched by
their start instead (``imported_runs.same_run_in``)."""

from __future__ import annotations

from collections.abc import Sequence

from recovery_tui.domain.formats import long_date
from recovery_tui.domain.models import Run
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label

# Distances this close are the same run typed twice (21.1 and 21.0975 km).
SAME_DISTANCE_SHARE = 0.01


def earlier_twin(run: Run, runs: Sequence[Run]) -> Run | None:
    """Another run of ``runs`` that ``run`` repeats: same day and kind, the same distance
    within 1 %, and no different finish time."""
    for other in runs:
        if (
            other.id != run.id
            and other.day == run.day
            and other.kind is run.kind
            and abs(other.distance_km - run.distance_km)
            <= SAME_DISTANCE_SHARE * max(other.distance_km, run.distance_km)
            and (run.finish is None or other.finish is None or run.finish == other.finish)
        ):
            return other
    return None


def twin_words(run: Run, unit: DistanceUnit) -> str:
    return (
        f"You had already logged a {run_label(run, unit)} on {long_date(run.day)}: both are "
        "kept. If this one was by mistake, choose 'Undo the last logged run' in the app's "
        "command palette (ctrl+p)."
    )

"""This recovery against earlier ones of the same sort, in one sentence.

Two runs are comparable when they are of the same kind (race, long, easy) and of similar
distance: the shorter is at least ``SIMILAR_DISTANCE`` of the longer (a half marathon
matches another half marathon or a 20 km race, not a 15 km race). Effort is left out:
the kind already separates races from training, and the window each run got already
reflects its effort.

The sentence follows one area, the one that lasted longest this time (else the worst,
else the one that lasted longest the earlier time), entered in both recoveries:
"This half marathon: quadriceps back to 2 by day 3; half marathon of 12 May 2026: day 5."
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from recovery_tui.domain.formats import period_label
from recovery_tui.domain.history.recoveries import READY, Ending, RecoveryOutcome
from recovery_tui.domain.models import Area, Run
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label

SIMILAR_DISTANCE = 0.85
# Soreness rises for a day or two and peaks 24-72 hours after a hard run (docs/guidance.md,
# DOMS): an area not entered on day 1 or 2 may have been sore then, so "never above 2" is
# no verdict for it.
PEAK_DAYS = range(1, 3)


def comparable(a: Run, b: Run) -> bool:
    """Same kind, and the shorter run at least SIMILAR_DISTANCE of the longer."""
    if a.kind is not b.kind:
        return False
    short, long = sorted((a.distance_km, b.distance_km))
    return long > 0 and short / long >= SIMILAR_DISTANCE


def _before(a: Run, b: Run) -> bool:
    return (a.day, a.recorded_at) < (b.day, b.recorded_at)


def comparable_runs(run: Run, runs: Iterable[Run]) -> list[Run]:
    """Earlier runs comparable with ``run``, most recent first: the recoveries to read
    when only this run's comparison is wanted (Today)."""
    found = [r for r in runs if r.id != run.id and _before(r, run) and comparable(r, run)]
    return sorted(found, key=lambda r: (r.day, r.recorded_at), reverse=True)


def earlier_comparable(
    current: RecoveryOutcome, outcomes: Iterable[RecoveryOutcome]
) -> list[RecoveryOutcome]:
    """Outcomes of earlier comparable runs, most recent first."""
    found = [
        o
        for o in outcomes
        if o.run.id != current.run.id
        and _before(o.run, current.run)
        and comparable(o.run, current.run)
    ]
    return sorted(found, key=lambda o: (o.run.day, o.run.recorded_at), reverse=True)


def _sore(outcome: RecoveryOutcome, area: Area) -> bool:
    return area in outcome.area_low_day


def _known(outcome: RecoveryOutcome, area: Area) -> bool:
    """Enough is known of ``area`` to say where it got to: it was sore, or entered on one
    of the peak days."""
    curve = outcome.curve.get(area, ())
    entered_at_peak = any(day < len(curve) and curve[day] is not None for day in PEAK_DAYS)
    return _sore(outcome, area) or entered_at_peak


def compared_area(current: RecoveryOutcome, earlier: RecoveryOutcome) -> Area | None:
    """The area the sentence follows: known in both (``_known``), above READY in at least
    one."""
    candidates = (current.longest_area, current.worst_area, earlier.longest_area)
    for area in candidates:
        if (
            area is not None
            and _known(current, area)
            and _known(earlier, area)
            and (_sore(current, area) or _sore(earlier, area))
        ):
            return area
    return None


def area_phrase(outcome: RecoveryOutcome, area: Area) -> str:
    """Where one area got to in one recovery: "quadriceps back to 2 by day 3"."""
    if not _known(outcome, area):
        return f"{area.label} not entered in the first days"
    if not _sore(outcome, area):
        return f"{area.label} never above {READY}"
    low = outcome.area_low_day[area]
    if low is not None:
        return f"{area.label} back to {READY} by day {low}"
    last = outcome.last_entered(area)
    if last is None:  # cannot happen for a sore area; said plainly rather than asserted
        return f"{area.label} not entered"
    day, level = last
    return f"{area.label} still at {level} on day {day}"


def recovery_name(outcome: RecoveryOutcome, unit: DistanceUnit = DistanceUnit.KM) -> str:
    """ "this half marathon" while it is going on, else "half marathon of 12 May 2026"."""
    label = run_label(outcome.run, unit)
    if outcome.ending is Ending.ONGOING:
        return f"this {label}"
    return f"{label} of {period_label(outcome.run.day, outcome.run.day)}"


def comparison_sentence(
    current: RecoveryOutcome, earlier: RecoveryOutcome, unit: DistanceUnit = DistanceUnit.KM
) -> str | None:
    """One sentence setting two recoveries side by side, the later one first (None: no
    area to compare)."""
    if _before(current.run, earlier.run):
        current, earlier = earlier, current
    area = compared_area(current, earlier)
    if area is None:
        return None
    now = area_phrase(current, area)
    then = area_phrase(earlier, area)
    low_now, low_then = current.area_low_day.get(area), earlier.area_low_day.get(area)
    if low_now is not None and low_then is not None:
        then = f"day {low_then}"  # the same words twice would hide the numbers
    name = recovery_name(current, unit)
    return f"{name[0].upper()}{name[1:]}: {now}; {recovery_name(earlier, unit)}: {then}."


def comparison_for(
    current: RecoveryOutcome,
    outcomes: Sequence[RecoveryOutcome],
    unit: DistanceUnit = DistanceUnit.KM,
) -> str | None:
    """The sentence against the most recent earlier comparable recovery that allows one
    (what Today shows), or None when there is none."""
    for earlier in earlier_comparable(current, outcomes):
        sentence = comparison_sentence(current, earlier, unit)
        if sentence is not None:
            return sentence
    return None

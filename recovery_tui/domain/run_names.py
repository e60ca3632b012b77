"""A run named in a sentence in the user's distance unit: "half marathon", "10 km race",
"3.1 mi easy run".

The names and the kinds' words are ``plan.run_label``'s; only the distance is said in the
unit. (When ``run_label`` takes a unit itself, this module can go.)
"""

from __future__ import annotations

from recovery_tui.domain.models import Run
from recovery_tui.domain.plan import run_label
from recovery_tui.domain.units import DistanceUnit, distance_text


def run_name(run: Run, unit: DistanceUnit) -> str:
    label = run_label(run)
    in_km = f"{run.distance_km:g} km"
    if unit is DistanceUnit.KM or not label.startswith(in_km):
        return label  # kilometres already, or a race named by its distance (marathon)
    return f"{distance_text(run.distance_km, unit)}{label.removeprefix(in_km)}"

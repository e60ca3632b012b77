"""The 30-minute stretch adapted to today's check-in.

The sorer an area, the longer the stretches that work on it, while the session still lasts
exactly ``STRETCH_30_SECONDS``. How it is shared out:

1. Each stretch gets a weight: its balanced length times ``1 + GAIN * s / 10``, where ``s``
   is the highest soreness (0-10) among the areas it works on.
2. A common scale is found (bisection) so that the scaled weights, each clamped to the
   stretch's minimum and maximum, fill the time left after the side switches.
3. Seconds are whole numbers: each stretch first gets the whole part of its share, then the
   seconds left over go to the largest fractional parts first (largest remainder). A stretch
   done on both sides costs two seconds per extra second, so an odd second left over goes to
   a one-sided stretch.

Same order and the same stretches as the balanced session, so a session saved with one
can be resumed with the other.
"""

from __future__ import annotations

import math
from dataclasses import replace

from recovery_tui.domain.models import Area, CheckIn
from recovery_tui.domain.routines import (
    STRETCH_30_SECONDS,
    SWITCH_SECONDS,
    Routine,
    Step,
    stretch_30,
)

GAIN = 1.5
"""How much a soreness of 10 stretches a hold: up to 1 + GAIN times its balanced length."""

MIN_SECONDS = 30
"""No hold (per side) drops below this, however little that area hurts."""

MAX_FACTOR = 2
"""No hold grows beyond this many times its balanced length."""


def adaptive_stretch(checkin: CheckIn | None) -> Routine:
    """Today's 30-minute session; the balanced one when there is no check-in or no soreness."""
    balanced = stretch_30()
    if checkin is None or not any(checkin.soreness.values()):
        return balanced
    seconds = share_seconds(balanced.steps, checkin.soreness, _budget(balanced.steps))
    steps = tuple(replace(step, seconds=s) for step, s in zip(balanced.steps, seconds, strict=True))
    sorest = _sorest(checkin.soreness)
    return replace(
        balanced,
        name="30-minute stretch, adapted to today",
        steps=steps,
        description=f"More time for the sorest areas today: {', '.join(a.label for a in sorest)}.",
    )


def _budget(steps: tuple[Step, ...]) -> int:
    switches = sum(SWITCH_SECONDS for step in steps if step.sides)
    return STRETCH_30_SECONDS - switches


def _sorest(soreness: dict[Area, int]) -> list[Area]:
    top = max(soreness.values(), default=0)
    return [area for area in Area if top and soreness.get(area, 0) == top]


def share_seconds(steps: tuple[Step, ...], soreness: dict[Area, int], budget: int) -> list[int]:
    """Per-side seconds for each step so that holds add up to ``budget`` exactly."""
    weights = [
        step.seconds * (1 + GAIN * max((soreness.get(a, 0) for a in step.areas), default=0) / 10)
        for step in steps
    ]
    sides = [2 if step.sides else 1 for step in steps]
    low = [min(MIN_SECONDS, step.seconds) for step in steps]
    high = [step.seconds * MAX_FACTOR for step in steps]
    if not sum(m * lo for m, lo in zip(sides, low, strict=True)) <= budget:
        raise ValueError("the minimum holds do not fit in the session")
    if not budget <= sum(m * hi for m, hi in zip(sides, high, strict=True)):
        raise ValueError("the maximum holds cannot fill the session")

    def clamped(scale: float) -> list[float]:
        return [min(hi, max(lo, scale * w)) for w, lo, hi in zip(weights, low, high, strict=True)]

    def filled(scale: float) -> float:
        return sum(m * x for m, x in zip(sides, clamped(scale), strict=True))

    lo_scale, hi_scale = 0.0, max(high[i] / weights[i] for i in range(len(steps)))
    for _ in range(200):
        mid = (lo_scale + hi_scale) / 2
        if filled(mid) < budget:
            lo_scale = mid
        else:
            hi_scale = mid
    ideal = clamped(hi_scale)
    return _round_to_budget(ideal, sides, low, high, budget)


def _round_to_budget(
    ideal: list[float], sides: list[int], low: list[int], high: list[int], budget: int
) -> list[int]:
    whole = [max(lo, min(hi, math.floor(x))) for x, lo, hi in zip(ideal, low, high, strict=True)]
    left = budget - sum(m * s for m, s in zip(sides, whole, strict=True))
    by_remainder = sorted(range(len(ideal)), key=lambda i: (-(ideal[i] - whole[i]), i))
    while left > 0:
        progressed = False
        for i in by_remainder:
            if sides[i] <= left and whole[i] < high[i]:
                whole[i] += 1
                left -= sides[i]
                progressed = True
                if left == 0:
                    break
        if not progressed:
            _trade_odd_second(whole, sides, low, high, by_remainder)
            left = 0
    return whole


def _trade_odd_second(
    whole: list[int], sides: list[int], low: list[int], high: list[int], order: list[int]
) -> None:
    """One second left and every one-sided stretch full: move a second from a one-sided
    stretch and give two to a two-sided one, so the total still grows by exactly one."""
    donor = next((i for i in reversed(order) if sides[i] == 1 and whole[i] > low[i]), None)
    taker = next((i for i in order if sides[i] == 2 and whole[i] < high[i]), None)
    if donor is None or taker is None:
        raise ValueError("cannot share the session time in whole seconds")
    whole[donor] -= 1
    whole[taker] += 1

"""The recovery window: how many days after a hard run the recovery plan lasts.

A heuristic, documented with its sources in docs/guidance.md ("The recovery window") and
docs/plan.md. At race effort (8/10) a race of up to a marathon takes about one day per
``KM_PER_RECOVERY_DAY`` km (a half marathon a week, as the field reports found; a marathon
two weeks). Past the marathon each extra kilometre counts half, so ultras keep growing
with their distance, without a cap. Effort scales the window linearly (8 counts as 1.0),
a long run takes ``LONG_RUN_FACTOR`` of a race's window, and an easy run opens none.

When the file of a run tells more, it counts: time on the feet (a run counts as at least
``KM_PER_HOUR_ON_FEET`` km per hour of moving time, so a slow half is not a quick one) and
long descents (one more day per ``DESCENT_M_PER_EXTRA_DAY`` m of descent: downhill running
loads the quadriceps eccentrically and leaves them sorer).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from recovery_tui.domain.advice import Note
from recovery_tui.domain.formats import days_text
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.units import DistanceUnit, distance_text, height_text
from recovery_tui.domain.validation import MAX_DISTANCE_KM

KM_PER_RECOVERY_DAY = 3.0
REFERENCE_EFFORT = 8
MARATHON_KM = 42.2
PAST_MARATHON_WEIGHT = 0.5  # each km past the marathon counts this much
LONG_RUN_FACTOR = 0.6
KM_PER_HOUR_ON_FEET = 10.0
DESCENT_M_PER_EXTRA_DAY = 500.0
EARLY_DAYS = 3  # days 1..3 after the run are the sorest


def effective_km(distance_km: float, moving_seconds: float | None = None) -> float:
    """The distance the window is worked out from: the longer of the distance and the
    time on the feet, with kilometres past the marathon counting half."""
    km = max(distance_km, 0.0)
    if moving_seconds is not None and moving_seconds > 0:
        km = max(km, moving_seconds / 3600 * KM_PER_HOUR_ON_FEET)
    if km <= MARATHON_KM:
        return km
    return MARATHON_KM + (km - MARATHON_KM) * PAST_MARATHON_WEIGHT


@lru_cache(maxsize=4096)  # History asks it of each run for every day it shows
def window_days(
    distance_km: float,
    effort: int,
    kind: RunKind,
    moving_seconds: float | None = None,
    descent_m: float | None = None,
) -> int:
    """Days of recovery after the run day; 0 means the run opens no window at all."""
    if kind is RunKind.EASY:
        return 0
    effort = min(max(effort, 1), 10)
    factor = 1.0 if kind is RunKind.RACE else LONG_RUN_FACTOR
    raw = effective_km(distance_km, moving_seconds) / KM_PER_RECOVERY_DAY
    raw *= effort / REFERENCE_EFFORT * factor
    if descent_m is not None and descent_m > 0:
        raw += math.floor(descent_m / DESCENT_M_PER_EXTRA_DAY)
    # Half up, not Python's banker's rounding, so 6.5 and 7.5 round the same way.
    return math.floor(raw + 0.5)


# The window of the longest, hardest race that can be entered: ultras grow with their
# distance, and this bounds how far back a day must look for runs that reach it.
MAX_WINDOW_DAYS = window_days(MAX_DISTANCE_KM, 10, RunKind.RACE)


TIME_ON_FEET_GUIDE = "msg.window.time_on_feet"
DESCENT_GUIDE = "msg.window.descent"


def file_reasons(
    distance_km: float,
    moving_seconds: float | None,
    descent_m: float | None,
    unit: DistanceUnit = DistanceUnit.KM,
    *,
    kind: RunKind,
) -> tuple[Note, ...]:
    """What a run's file added to its window, in words: the time on the feet when it counts
    for more than the distance, and the days the descent adds. Empty when neither did, and
    for an easy run, which opens no window to add to."""
    reasons: list[Note] = []
    if kind is RunKind.EASY:
        return ()
    if moving_seconds is not None and effective_km(distance_km, moving_seconds) > (
        effective_km(distance_km)
    ):
        hours, minutes = divmod(round(moving_seconds / 60), 60)
        reasons.append(
            Note(
                TIME_ON_FEET_GUIDE,
                f"Counted by its {hours} h {minutes:02d} min on the feet, not only its "
                "distance: a long time moving takes longer to recover from.",
            )
        )
    extra = 0 if descent_m is None else math.floor(descent_m / DESCENT_M_PER_EXTRA_DAY)
    if descent_m is not None and extra > 0:
        reasons.append(
            Note(
                DESCENT_GUIDE,
                f"{days_text(extra).capitalize()} more for its {height_text(descent_m, unit)} "
                "of descent: running downhill leaves the quadriceps sorer.",
            )
        )
    return tuple(reasons)


def run_window(run: Run) -> int:
    days = window_days(run.distance_km, run.effort, run.kind, run.moving_seconds, run.descent_m)
    return min(days, MAX_WINDOW_DAYS)


def window_end(run: Run) -> date:
    return run.day + timedelta(days=run_window(run))


def active_run(day: date, runs: Sequence[Run]) -> Run | None:
    """The run whose recovery window covers ``day`` (runs that open no window never do).

    When windows overlap, the one that ends last wins (ties: the most recent run), so an
    easy test run logged during a half-marathon window does not cut that window short,
    while a new hard race does take over.
    """
    covering = [r for r in runs if run_window(r) > 0 and 0 <= (day - r.day).days <= run_window(r)]
    if not covering:
        return None
    return max(covering, key=lambda r: (window_end(r), r.day, r.recorded_at))


def last_window_before(day: date, runs: Sequence[Run]) -> Run | None:
    """The run whose window ended most recently before ``day`` (for the return plan)."""
    ended = [r for r in runs if run_window(r) > 0 and window_end(r) < day]
    return max(ended, key=lambda r: (window_end(r), r.day, r.recorded_at), default=None)


def run_label(run: Run, unit: DistanceUnit = DistanceUnit.KM) -> str:
    """How to name a run in a sentence: "half marathon", "10 km race", "3.1 mi easy run"
    (the distance in the user's unit)."""
    if 21.0 <= run.distance_km <= 21.2:
        return "half marathon"
    if 42.0 <= run.distance_km <= 42.3:
        return "marathon"
    # To a tenth, as every distance shown beside it ("10 km race ...: 10.0 km in 1:00:00",
    # not "10.02 km race").
    distance = (
        f"{round(run.distance_km, 1):g} km"
        if unit is DistanceUnit.KM
        else distance_text(run.distance_km, unit)
    )
    return {
        RunKind.RACE: f"{distance} race",
        RunKind.LONG: f"{distance} long run",
        RunKind.EASY: f"{distance} easy run",
    }[run.kind]

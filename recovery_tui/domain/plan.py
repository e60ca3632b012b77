"""The recovery plan: which tasks a day asks for, kept as a table of data.

A logged run opens a *recovery window* of ``window_days(...)`` days after the run day.
Day 0 is the run day, days 1–3 are the early days (the most sore), the rest are the later
days; a day outside any window gets the everyday reminders.

Window heuristic (see docs/plan.md): about one day per ``KM_PER_RECOVERY_DAY`` km run at
race effort, scaled linearly by effort (``REFERENCE_EFFORT`` counts as 1.0) and by the kind
of run (``KIND_FACTOR``), rounded half up and capped at ``MAX_WINDOW_DAYS``::

    days = round_half_up(distance_km / 3 * effort / 8 * KIND_FACTOR[kind])

A half marathon raced at effort 8 gives 7 days, a marathon 14, an easy 5 km nothing.

The advice is general guidance, not medical advice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from recovery_tui.domain.models import Run, RunKind

KM_PER_RECOVERY_DAY = 3.0
REFERENCE_EFFORT = 8
KIND_FACTOR: dict[RunKind, float] = {RunKind.RACE: 1.0, RunKind.LONG: 0.6, RunKind.EASY: 0.4}
MAX_WINDOW_DAYS = 21
EARLY_DAYS = 3  # days 1..3 after the run are the sore ones

WATER = "water"
REFUEL = "refuel"
COOLDOWN = "cooldown_10"
ICE = "ice"
REST = "rest"
WALKS = "walks"
STRETCH = "stretch_30"
MASSAGE = "self_massage"
FOAM_ROLL = "foam_roll"
HEAT = "heat_or_contrast"
CHECKIN = "checkin"
SINGLE_LEG = "single_leg_stand"
EASY_RUN_TEST = "easy_run_test"
WARM_UP = "warm_up"


class Phase(StrEnum):
    RUN_DAY = "run_day"
    EARLY = "early"
    LATER = "later"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """One task of a day. ``target`` > 1 makes it counted (3 walks, 8 cups)."""

    id: str
    title: str
    why: str
    target: int = 1
    unit: str = ""

    @property
    def counted(self) -> bool:
        return self.target > 1

    @property
    def max_count(self) -> int:
        """The highest count stored: a counted task may go past its target (a ninth cup),
        up to twice it, so a slip of the key cannot run away."""
        return max(1, self.target * 2) if self.counted else 1


_HYDRATE = TaskSpec(
    WATER,
    "Drink 8 cups of water",
    "Sweat losses take a day or more to win back; small, regular cups do it best.",
    target=8,
    unit="cups",
)
_CHECKIN = TaskSpec(
    CHECKIN,
    "Check in: soreness, energy, sleep",
    "A daily note of how each area feels shows whether recovery is on track.",
)
_STRETCH = TaskSpec(
    STRETCH,
    "30-minute stretch session",
    "Gentle stretching of the sore muscles every day keeps them from stiffening up.",
)
_FOAM_ROLL = TaskSpec(
    FOAM_ROLL,
    "Foam roll the tight spots",
    "Slow rolling loosens tight muscles and eases the ache.",
)

PLAN_RULES: dict[Phase, tuple[TaskSpec, ...]] = {
    Phase.RUN_DAY: (
        TaskSpec(
            WATER,
            "Rehydrate: 8 cups of water",
            "You finish short of fluid; refilling early speeds everything else up.",
            target=8,
            unit="cups",
        ),
        TaskSpec(
            REFUEL,
            "Refuel within 30 min: carbs + protein",
            "Muscles restock and start repairing fastest in the first half hour.",
        ),
        TaskSpec(
            COOLDOWN,
            "10-minute cool-down stretch",
            "Easy static stretches of calves, hamstrings and quads stop you seizing up.",
        ),
        TaskSpec(
            ICE,
            "Ice the tender areas",
            "Cold calms fresh soreness and swelling in the first hours.",
        ),
        TaskSpec(
            REST,
            "Rest and sleep early",
            "The tiredness comes a few hours later; sleep is when the repair happens.",
        ),
    ),
    Phase.EARLY: (
        TaskSpec(
            WALKS,
            "Walk 10–15 min",
            "The first steps hurt, then the muscles warm up: moving beats lying still.",
            target=3,
            unit="walks",
        ),
        _STRETCH,
        TaskSpec(
            MASSAGE,
            "Self-massage ankles, knees, lower back",
            "Rubbing the sore spots brings blood to them and loosens them up.",
        ),
        _FOAM_ROLL,
        TaskSpec(
            HEAT,
            "Heat or contrast if still sore",
            "Once the first sting is gone, warmth or hot/cold swaps help stiff muscles.",
        ),
        _HYDRATE,
        _CHECKIN,
        TaskSpec(
            SINGLE_LEG,
            "Single-leg stand check",
            "A pelvis that drops on the lifted side shows tired glutes.",
        ),
    ),
    Phase.LATER: (
        TaskSpec(
            WALKS,
            "Easy walk or swim",
            "Low-impact movement keeps blood flowing without loading tired legs.",
        ),
        _STRETCH,
        _FOAM_ROLL,
        _HYDRATE,
        _CHECKIN,
        TaskSpec(
            EASY_RUN_TEST,
            "Easy-run test, only if soreness is low",
            "A short, slow run tells you if the legs are ready; stop if pain comes back.",
        ),
    ),
    Phase.NONE: (
        TaskSpec(
            WARM_UP,
            "Warm up before you run",
            "A few minutes of easy movement gets muscles ready to work.",
        ),
        TaskSpec(
            COOLDOWN,
            "10-minute cool-down after you run",
            "Easing off and stretching after a run keeps the legs from tightening.",
        ),
        _HYDRATE,
        TaskSpec(
            CHECKIN,
            "Check in (optional)",
            "A quick note of how you feel makes the next hard run easier to judge.",
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date
    run: Run | None
    day_index: int | None
    window_days: int
    phase: Phase
    tasks: tuple[TaskSpec, ...]

    @property
    def in_window(self) -> bool:
        return self.phase is not Phase.NONE

    @property
    def recovery_date(self) -> date | None:
        if self.run is None:
            return None
        return self.run.day + timedelta(days=self.window_days)

    def task(self, task_id: str) -> TaskSpec | None:
        return next((t for t in self.tasks if t.id == task_id), None)


def window_days(distance_km: float, effort: int, kind: RunKind) -> int:
    """Days of recovery after the run day (0 means only the run day itself)."""
    effort = min(max(effort, 1), 10)
    raw = (
        max(distance_km, 0.0)
        / KM_PER_RECOVERY_DAY
        * (effort / REFERENCE_EFFORT)
        * KIND_FACTOR[kind]
    )
    # Half up, not Python's banker's rounding, so 6.5 and 7.5 round the same way.
    return min(math.floor(raw + 0.5), MAX_WINDOW_DAYS)


def run_window(run: Run) -> int:
    return window_days(run.distance_km, run.effort, run.kind)


def active_run(day: date, runs: Sequence[Run]) -> Run | None:
    """The run whose recovery window covers ``day``.

    When windows overlap, the one that ends last wins (ties: the most recent run), so an
    easy test run logged during a half-marathon window does not cut that window short,
    while a new hard race does take over.
    """
    covering = [r for r in runs if 0 <= (day - r.day).days <= run_window(r)]
    if not covering:
        return None
    return max(
        covering, key=lambda r: (r.day + timedelta(days=run_window(r)), r.day, r.recorded_at)
    )


def phase_for(day_index: int) -> Phase:
    if day_index == 0:
        return Phase.RUN_DAY
    if day_index <= EARLY_DAYS:
        return Phase.EARLY
    return Phase.LATER


def plan_for(day: date, runs: Sequence[Run]) -> DayPlan:
    run = active_run(day, runs)
    if run is None:
        return DayPlan(day, None, None, 0, Phase.NONE, PLAN_RULES[Phase.NONE])
    index = (day - run.day).days
    phase = phase_for(index)
    return DayPlan(day, run, index, run_window(run), phase, PLAN_RULES[phase])


def run_label(run: Run) -> str:
    """How to name a run in a sentence: "half marathon", "10 km race", "5 km easy run"."""
    if 21.0 <= run.distance_km <= 21.2:
        return "half marathon"
    if 42.0 <= run.distance_km <= 42.3:
        return "marathon"
    km = f"{run.distance_km:g} km"
    return {
        RunKind.RACE: f"{km} race",
        RunKind.LONG: f"{km} long run",
        RunKind.EASY: f"{km} easy run",
    }[run.kind]

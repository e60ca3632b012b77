"""The tasks of a day, kept as tables of data; every task has its source in docs/guidance.md
(``task.<id>``; a test fails when one is missing).

Which table a day uses depends on where it stands after a hard run (``Phase``): the run
day, the early days (1–3, the sorest), the later days of the window, the return to running
after it, or an ordinary day. A red flag outranks all of that: the day becomes the
flag-reshaped day (see a professional, rest, ice, a walk only if it does not hurt).
``day.assess_day`` puts the day together; this module holds the tables and the task ids.

The advice is general guidance, not medical advice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from recovery_tui.domain.models import Area, Run

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
REST_DAY = "rest_day"
RETURN_RUN_WALK = "return_run_walk"
RETURN_RUN_EASY = "return_run_easy"
RETURN_REST = "return_rest_day"
SEE_PROFESSIONAL = "see_professional"
REST_INJURED = "rest_injured"
WALKS_IF_PAINLESS = "walks_if_painless"
REST_UNTIL_SEEN = "rest_until_seen"

# Routines a task starts (enter on Today); "walk" asks how long.
WALK_ROUTINE = "walk"
MASSAGE_ROUTINE = "self-massage"
# The field reports' self-massage; a check-in's sorest areas take their place.
MASSAGE_AREAS = (Area.ANKLES, Area.KNEES, Area.LOWER_BACK)
# Sorest first, at most this many: a short routine to do on a sore day.
MASSAGE_MOST_AREAS = 3
ADAPTIVE_ROUTINE = "adaptive"


class Phase(StrEnum):
    RUN_DAY = "run_day"
    EARLY = "early"
    LATER = "later"
    RETURN = "return"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """One task of a day. ``target`` > 1 makes it counted (3 walks, 8 cups)."""

    id: str
    title: str
    why: str  # why this task helps, in general
    target: int = 1
    unit: str = ""
    routine: str | None = None  # the routine enter starts on Today
    auto: bool = False  # ticked by the app (a check-in saved), never by hand
    today: str = ""  # why it is in today's plan, when the day itself is the reason

    @property
    def counted(self) -> bool:
        return self.target > 1

    @property
    def max_count(self) -> int:
        """The highest count stored: a counted task may go past its target (a ninth cup),
        up to twice it, so a slip of the key cannot run away."""
        return max(1, self.target * 2) if self.counted else 1

    @property
    def guide(self) -> str:
        """Its entry in docs/guidance.md."""
        return f"task.{self.id}"


_WATER = TaskSpec(
    WATER,
    "Drink to thirst: count your cups",
    "Small, regular drinks while you recover; thirst, not a fixed volume, is the guide.",
    target=8,
    unit="cups",
)
_WATER_RACE = replace(
    _WATER,
    title="Drink to thirst; something salty after a long race",
    why="You finish short of fluid and salt; drink when thirsty, small and often.",
)
_CHECKIN = TaskSpec(
    CHECKIN,
    "Check in: soreness, energy, sleep",
    "Shows whether soreness follows the normal curve; the plan listens to it.",
    auto=True,
)
_STRETCH = TaskSpec(
    STRETCH,
    "30-minute stretch",
    "Repeated 30-second holds of the sore muscles, gentler for sore joints.",
    routine=ADAPTIVE_ROUTINE,
)
_FOAM_ROLL = TaskSpec(
    FOAM_ROLL, "Foam roll the tight muscles", "Slow rolling slightly eases muscle pain."
)
_COOLDOWN = TaskSpec(
    COOLDOWN,
    "10-minute cool-down",
    "Easy walking then gentle stretches keep the legs from stiffening.",
    routine="cooldown-10",
)
_ICE = TaskSpec(
    ICE,
    "Ice tender spots 10–20 min, never on bare skin",
    "Cold calms fresh soreness; a cloth between ice and skin prevents a cold burn.",
)
_WARM_UP = TaskSpec(
    WARM_UP,
    "Warm up before you run (5 min)",
    "Easy movement and dynamic moves get the legs ready to run.",
    routine="warm-up-5",
)

RUN_DAY_TASKS: tuple[TaskSpec, ...] = (
    _WATER_RACE,
    TaskSpec(
        REFUEL,
        "Refuel soon: carbs + protein",
        "A banana with peanut butter, yogurt with fruit or a smoothie: muscles restock "
        "fastest soon after the finish.",
    ),
    _COOLDOWN,
    _ICE,
    TaskSpec(
        REST,
        "Rest and sleep early",
        "The big tiredness comes a few hours after the finish and can last a few days.",
    ),
)

EARLY_TASKS: tuple[TaskSpec, ...] = (
    TaskSpec(
        WALKS,
        "Walk 10–15 min, 3 times",
        "The first steps hurt, then the muscles warm up: moving eases soreness.",
        target=3,
        unit="walks",
        routine=WALK_ROUTINE,
    ),
    _STRETCH,
    TaskSpec(
        MASSAGE,
        "Self-massage ankles, knees, lower back",
        "Rubbing the sore places brings blood to them.",
        routine=MASSAGE_ROUTINE,
    ),
    _FOAM_ROLL,
    TaskSpec(
        HEAT,
        "Warm bath or contrast, if still sore",
        "Warmth helps lingering stiffness; never on a swollen spot.",
        routine="contrast",
    ),
    _WATER,
    _CHECKIN,
    TaskSpec(
        SINGLE_LEG,
        "Single-leg stand check",
        "Hands on hips, 30 s on each leg before a mirror: a pelvis that drops shows tired "
        "glutes on the leg you stand on.",
    ),
)

LATER_TASKS: tuple[TaskSpec, ...] = (
    TaskSpec(
        WALKS,
        "Easy walk, swim or bike",
        "Low-impact movement keeps blood flowing without loading tired legs.",
        routine=WALK_ROUTINE,
    ),
    _STRETCH,
    _FOAM_ROLL,
    _WATER,
    _CHECKIN,
)

COOLDOWN_AFTER = replace(_COOLDOWN, title="Cool down after you run")
WARM_UP_TASK = _WARM_UP
WATER_TASK = _WATER
CHECKIN_TASK = _CHECKIN
REST_TASK = RUN_DAY_TASKS[-1]

EVERYDAY_TASKS: tuple[TaskSpec, ...] = (
    _WARM_UP,
    COOLDOWN_AFTER,
    _WATER,
    replace(
        _CHECKIN,
        title="Check in (optional)",
        why="A note of how you feel makes the next hard run easier to judge.",
    ),
)

REST_DAY_TASK = TaskSpec(
    REST_DAY,
    "A rest day this week",
    "No run in a day gives the body time to adapt and helps prevent overuse injuries.",
)

RETURN_STEPS: tuple[TaskSpec, ...] = (
    TaskSpec(
        RETURN_RUN_WALK,
        "Easy run/walk, 20–30 min",
        "1–2 min very easy running, 1–2 min walking: reload the legs gradually. Stop and "
        "walk if anything hurts.",
    ),
    TaskSpec(
        RETURN_RUN_WALK,
        "Run/walk, 25–30 min: 4 min running, 1 min walking",
        "Longer running, shorter walks: the next small step.",
    ),
    TaskSpec(
        RETURN_RUN_EASY,
        "Easy continuous run, 20 min",
        "At a chatting pace; no speed work until the usual full recovery.",
    ),
    TaskSpec(
        RETURN_RUN_EASY,
        "Easy continuous run, 30 min",
        "A little longer, still easy: build by small steps.",
    ),
)
RETURN_REST_TASK = TaskSpec(
    RETURN_REST, "Rest or an easy walk", "A day between runs lets the legs adapt."
)

FLAGGED_TASKS: tuple[TaskSpec, ...] = (
    TaskSpec(
        SEE_PROFESSIONAL,
        "See a health professional",
        "The app cannot judge an injury; a GP, physiotherapist or sports doctor can.",
    ),
    TaskSpec(
        REST_INJURED,
        "Rest the painful area",
        "Rest protects an injury in the first days; keep other movement gentle.",
    ),
    replace(_ICE, title="Ice 10–20 min, never on bare skin; raise it if swollen"),
    TaskSpec(
        WALKS_IF_PAINLESS,
        "A short walk, only if it does not hurt",
        "Movement helps soreness, not an injury that hurts.",
        routine=WALK_ROUTINE,
    ),
    _WATER,
    _CHECKIN,
)

# Under a flag of the whole body (dark urine, dizziness), in place of the injury care.
REST_UNTIL_SEEN_TASK = TaskSpec(
    REST_UNTIL_SEEN,
    "Rest: no run or exercise walk until you have been seen",
    "A sign of the whole body after a hard run: exercise waits for a professional's view.",
)

ALL_TABLES: tuple[tuple[TaskSpec, ...], ...] = (
    RUN_DAY_TASKS,
    EARLY_TASKS,
    LATER_TASKS,
    EVERYDAY_TASKS,
    RETURN_STEPS,
    FLAGGED_TASKS,
    (REST_DAY_TASK, RETURN_REST_TASK, _WARM_UP, _COOLDOWN, REST_UNTIL_SEEN_TASK),
)


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date
    run: Run | None  # the run whose recovery the day belongs to
    day_index: int | None  # days since that run
    window_days: int
    phase: Phase
    tasks: tuple[TaskSpec, ...]
    flagged: bool = False  # reshaped by a red flag
    return_step: int | None = None  # 0-based step of the return plan, on a return run day
    notes: tuple[str, ...] = ()  # the day's advice beyond the tasks (guidance messages)

    @property
    def in_window(self) -> bool:
        return self.phase in (Phase.RUN_DAY, Phase.EARLY, Phase.LATER)

    @property
    def recovery_date(self) -> date | None:
        if self.run is None or not self.window_days:
            return None
        return self.run.day + timedelta(days=self.window_days)

    def task(self, task_id: str) -> TaskSpec | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def walk_task(self) -> TaskSpec | None:
        """Today's walking task (whichever form the day gave it), if the day has one."""
        return next((t for t in self.tasks if t.routine == WALK_ROUTINE), None)


def massage_routine_id(areas: Sequence[Area]) -> str:
    """The id of the self-massage of ``areas``: ``self-massage`` for the usual ones, else
    ``self-massage-quadriceps-calves`` (see domain/massage.py)."""
    if tuple(areas) == MASSAGE_AREAS:
        return MASSAGE_ROUTINE
    return MASSAGE_ROUTINE + "".join(f"-{area.value}" for area in areas)


def phase_for(day_index: int, window: int) -> Phase:
    if day_index == 0:
        return Phase.RUN_DAY
    if day_index <= min(3, window):
        return Phase.EARLY
    if day_index <= window:
        return Phase.LATER
    return Phase.RETURN


def base_tasks(phase: Phase) -> tuple[TaskSpec, ...]:
    return {
        Phase.RUN_DAY: RUN_DAY_TASKS,
        Phase.EARLY: EARLY_TASKS,
        Phase.LATER: LATER_TASKS,
        Phase.RETURN: (_WARM_UP,),
        Phase.NONE: EVERYDAY_TASKS,
    }[phase]

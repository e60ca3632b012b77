"""Routines the session engine runs: walks, the 30-minute stretch, short routines.

A routine is a list of steps. A step done on both sides (``sides=True``) runs left, then a
short "switch sides" transition of ``SWITCH_SECONDS``, then right; that transition is part of
the routine's time, so ``total_seconds`` is exactly what the session lasts once it starts.
The get-ready countdown before the first step is not part of it.

How-to lines are our own wording, one short sentence each: the screen shows them under the
step name while the timer runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_tui.domain.models import Area

SWITCH_SECONDS = 5
"""Length of the "switch sides" transition between the left and the right of a step."""

KINDS = ("walk", "stretch", "routine")

STRETCH_30_ID = "stretch-30"
STRETCH_30_SECONDS = 1800
WALK_PRESETS = (10, 12, 15)
MAX_WALK_MINUTES = 180


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    seconds: int  # per side when ``sides`` is true
    sides: bool = False
    areas: tuple[Area, ...] = ()
    how: str = ""

    def __post_init__(self) -> None:
        if self.seconds <= 0:
            raise ValueError(f"step '{self.name}' must last at least one second")

    @property
    def total_seconds(self) -> int:
        """Both sides and the switch between them when the step is done on each side."""
        if self.sides:
            return 2 * self.seconds + SWITCH_SECONDS
        return self.seconds


@dataclass(frozen=True, slots=True)
class Routine:
    id: str
    name: str
    kind: str  # "walk" | "stretch" | "routine"
    steps: tuple[Step, ...]
    description: str = ""
    source: str = "built-in"  # or the path of the TOML file it came from

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"routine kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if not self.steps:
            raise ValueError(f"routine '{self.id}' has no steps")

    @property
    def total_seconds(self) -> int:
        return sum(step.total_seconds for step in self.steps)

    @property
    def areas(self) -> tuple[Area, ...]:
        """Every body area the routine works on, in the order the steps reach them."""
        seen: dict[Area, None] = {}
        for step in self.steps:
            seen.update(dict.fromkeys(step.areas))
        return tuple(seen)


def walk_routine(minutes: int) -> Routine:
    """A walk of ``minutes``: easy first and last minutes around a steady middle.

    The first steps hurt on a sore day; starting slowly lets the muscles warm up.
    """
    if not 1 <= minutes <= MAX_WALK_MINUTES:
        raise ValueError(f"a walk lasts from 1 to {MAX_WALK_MINUTES} minutes, not {minutes}")
    legs = (Area.CALVES, Area.ANKLES, Area.KNEES, Area.HIPS)
    if minutes < 6:
        steps: tuple[Step, ...] = (
            Step(
                "Easy walk", minutes * 60, areas=legs, how="Relaxed pace, short steps, arms loose."
            ),
        )
    else:
        steps = (
            Step(
                "Warm-up, easy pace",
                120,
                areas=legs,
                how="Short, gentle steps; stiffness usually eases after a few minutes.",
            ),
            Step(
                "Steady walk",
                (minutes - 4) * 60,
                areas=legs,
                how="A comfortable pace you could chat at; stand tall, let the arms swing.",
            ),
            Step(
                "Easy finish",
                120,
                areas=legs,
                how="Slow down gradually and breathe out long.",
            ),
        )
    return Routine(
        id=f"walk-{minutes}",
        name=f"{minutes}-minute walk",
        kind="walk",
        steps=steps,
        description="Gentle walking to get blood moving through sore legs.",
    )


# The balanced 30-minute session. Each tuple is one stretch; per-side seconds are chosen so
# that holds + switches add up to exactly STRETCH_30_SECONDS (checked in the tests).
STRETCH_30_STEPS: tuple[Step, ...] = (
    Step(
        "Wall calf stretch",
        120,
        sides=True,
        areas=(Area.CALVES, Area.ANKLES),
        how="Hands on a wall, back leg straight with the heel down, lean in until the calf pulls.",
    ),
    Step(
        "Seated hamstring reach",
        150,
        sides=True,
        areas=(Area.HAMSTRINGS, Area.LOWER_BACK),
        how="Sit with one leg straight, other foot at the knee; hinge forward from the hips.",
    ),
    Step(
        "Standing quad stretch",
        120,
        sides=True,
        areas=(Area.QUADRICEPS, Area.KNEES),
        how="Hold a chair, pull one heel towards your seat, knees side by side, hips forward.",
    ),
    Step(
        "Kneeling hip flexor lunge",
        150,
        sides=True,
        areas=(Area.HIPS, Area.QUADRICEPS),
        how="One knee on a cushion, other foot ahead; tuck the pelvis and shift gently forward.",
    ),
    Step(
        "Figure-four glute stretch",
        150,
        sides=True,
        areas=(Area.GLUTES, Area.HIPS),
        how="On your back, ankle over the opposite knee, draw that thigh towards your chest.",
    ),
    Step(
        "Butterfly",
        150,
        areas=(Area.ADDUCTORS, Area.HIPS),
        how="Sit tall with the soles together, let the knees sink; press them only lightly.",
    ),
    Step(
        "Knees to chest",
        120,
        areas=(Area.LOWER_BACK, Area.GLUTES),
        how="On your back, hug both knees in and rock slowly from side to side.",
    ),
    Step(
        "Ankle circles",
        60,
        sides=True,
        areas=(Area.ANKLES,),
        how="Lift one foot and draw slow, wide circles with the toes, both directions.",
    ),
)


def stretch_30() -> Routine:
    return Routine(
        id=STRETCH_30_ID,
        name="30-minute stretch",
        kind="stretch",
        steps=STRETCH_30_STEPS,
        description="Eight gentle static stretches for the legs, hips and lower back.",
    )


def cooldown_10() -> Routine:
    return Routine(
        id="cooldown-10",
        name="10-minute cool-down",
        kind="stretch",
        steps=(
            Step(
                "Walk it out",
                120,
                areas=(Area.CALVES, Area.ANKLES),
                how="Keep moving at an easy walk while your breathing settles.",
            ),
            Step(
                "Wall calf stretch",
                45,
                sides=True,
                areas=(Area.CALVES, Area.ANKLES),
                how="Hands on a wall, back heel down, lean in until the calf pulls.",
            ),
            Step(
                "Standing hamstring stretch",
                45,
                sides=True,
                areas=(Area.HAMSTRINGS,),
                how="Heel on a low step, leg straight, hinge forward with a long back.",
            ),
            Step(
                "Standing quad stretch",
                45,
                sides=True,
                areas=(Area.QUADRICEPS, Area.KNEES),
                how="Hold something steady and pull one heel towards your seat.",
            ),
            Step(
                "Standing hip flexor stretch",
                45,
                sides=True,
                areas=(Area.HIPS,),
                how="Long stride, back knee soft; tuck the pelvis and push the hips forward.",
            ),
            Step(
                "Knees to chest",
                60,
                areas=(Area.LOWER_BACK,),
                how="On your back, hug both knees in and breathe slowly.",
            ),
            Step(
                "Slow breathing",
                40,
                how="Lie still, breathe in for four counts and out for six.",
            ),
        ),
        description="Light walking then short static stretches right after a run.",
    )


def self_massage() -> Routine:
    return Routine(
        id="self-massage",
        name="Self-massage: ankles, knees, lower back",
        kind="routine",
        steps=(
            Step(
                "Ankle massage",
                90,
                sides=True,
                areas=(Area.ANKLES,),
                how="Thumbs in small circles around the ankle bones, then stroke up the shin.",
            ),
            Step(
                "Knee massage",
                90,
                sides=True,
                areas=(Area.KNEES,),
                how="Knee bent and relaxed, knead the muscles around the kneecap, never on it.",
            ),
            Step(
                "Lower back massage",
                120,
                areas=(Area.LOWER_BACK,),
                how="Fists either side of the spine, rub up and down with gentle pressure.",
            ),
        ),
        description="Rubbing the sorest places brings blood to them.",
    )


def contrast_therapy(rounds: int = 3) -> Routine:
    ice = Step(
        "Ice",
        60,
        areas=(Area.ANKLES, Area.KNEES),
        how="Ice pack wrapped in a cloth on the sore spot; never ice straight on the skin.",
    )
    heat = Step(
        "Heat",
        180,
        areas=(Area.ANKLES, Area.KNEES),
        how="Warm, not hot: a warm towel, a heat pad or the shower on the same spot.",
    )
    return Routine(
        id="contrast",
        name="Contrast therapy",
        kind="routine",
        steps=(ice, heat) * rounds,
        description=f"{rounds} rounds of 1 minute ice and 3 minutes heat on a sore area.",
    )


def builtin_routines() -> list[Routine]:
    walks = [walk_routine(m) for m in WALK_PRESETS]
    return [*walks, stretch_30(), cooldown_10(), self_massage(), contrast_therapy()]


def builtin_ids() -> frozenset[str]:
    return frozenset(r.id for r in builtin_routines())


def find_builtin(routine_id: str) -> Routine | None:
    """A built-in routine by id; ``walk-N`` for any N in range gives an N-minute walk."""
    for routine in builtin_routines():
        if routine.id == routine_id:
            return routine
    prefix, _, minutes = routine_id.partition("-")
    if prefix == "walk" and minutes.isascii() and minutes.isdigit():
        number = int(minutes)
        if 1 <= number <= MAX_WALK_MINUTES and str(number) == minutes:
            return walk_routine(number)
    return None

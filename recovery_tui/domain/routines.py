"""Routines the session engine runs: walks, the 30-minute stretch, short routines.

A routine is a list of steps. A step is one or more *holds* of ``seconds`` each
(``reps``, with ``release`` seconds between two holds); a step done on both sides
(``sides=True``) runs all its holds on the left, then a short "switch sides" transition of
``SWITCH_SECONDS``, then all its holds on the right. Releases and switches are part of the
routine's time, so ``total_seconds`` is exactly what the session lasts once it starts. The
get-ready countdown before the first step is not part of it.

Static stretches follow the flexibility guidelines quoted in docs/guidance.md: holds of
about 30 seconds, repeated, to a mild pull and never pain, breathing slowly. Each step's
how-to is our own wording, one line, shown under the step name while the timer runs; its
``guide`` names the entry in docs/guidance.md that says where the advice comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_tui.domain.formats import length_text
from recovery_tui.domain.models import Area

SWITCH_SECONDS = 5
"""Length of the "switch sides" transition between the left and the right of a step."""

RELEASE_SECONDS = 5
"""Default pause between two holds of the same side: ease off, breathe, go again."""

MAX_REPS = 10
MAX_RELEASE_SECONDS = 60

STRETCH_CUE = "A mild pull, never pain; breathe slowly."
EXERCISE_CUE = "Slow and controlled; stop if it hurts."

KINDS = ("walk", "stretch", "routine")

STRETCH_30_ID = "stretch-30"
STRETCH_30_SECONDS = 1800
WARM_UP_ID = "warm-up-5"
WALK_PRESETS = (10, 12, 15)
MAX_WALK_MINUTES = 180

# Which areas are joints (gentler work when sore) and which are muscles (more holds when
# sore): the split the adaptive session and docs/guidance.md use.
JOINT_AREAS: frozenset[Area] = frozenset({Area.ANKLES, Area.KNEES, Area.HIPS, Area.LOWER_BACK})
MUSCLE_AREAS: frozenset[Area] = frozenset(Area) - JOINT_AREAS


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    seconds: int  # one hold; per side when ``sides`` is true
    sides: bool = False
    areas: tuple[Area, ...] = ()
    how: str = ""
    reps: int = 1  # holds per side
    release: int = RELEASE_SECONDS  # between two holds of one side; unused when reps == 1
    static: bool = False  # a held stretch: the adaptive session may give it more holds
    gentle: str = ""  # how-to of the gentler variant, used when a joint it loads is sore
    guide: str = ""  # id of its entry in docs/guidance.md; empty for custom routines
    adapted: bool = False  # changed by the adaptive session today

    def __post_init__(self) -> None:
        if self.seconds <= 0:
            raise ValueError(f"step '{self.name}' must last at least one second")
        if not 1 <= self.reps <= MAX_REPS:
            raise ValueError(f"step '{self.name}' has 1 to {MAX_REPS} holds, not {self.reps}")
        if not 0 <= self.release <= MAX_RELEASE_SECONDS:
            raise ValueError(
                f"step '{self.name}': a release lasts 0 to {MAX_RELEASE_SECONDS} s, "
                f"not {self.release}"
            )

    @property
    def releases(self) -> int:
        """Releases per side: one between each two holds (none when a release is 0 s)."""
        return self.reps - 1 if self.release else 0

    @property
    def side_seconds(self) -> int:
        """One side (or the whole step when one-sided): every hold and the releases between."""
        return self.reps * self.seconds + self.releases * self.release

    @property
    def total_seconds(self) -> int:
        """Both sides and the switch between them when the step is done on each side."""
        if self.sides:
            return 2 * self.side_seconds + SWITCH_SECONDS
        return self.side_seconds

    @property
    def length_text(self) -> str:
        """How the step is timed, for a list of steps: "3 × 0:30 a side", "2:00"."""
        hold = length_text(self.seconds)
        text = f"{self.reps} × {hold}" if self.reps > 1 else hold
        return f"{text} a side" if self.sides else text


@dataclass(frozen=True, slots=True)
class Routine:
    id: str
    name: str
    kind: str  # "walk" | "stretch" | "routine"
    steps: tuple[Step, ...]
    description: str = ""
    source: str = "built-in"  # or the path of the TOML file it came from
    reasons: tuple[str, ...] = ()  # what the adaptive session changed today, and why

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

    @property
    def adapted(self) -> bool:
        return any(step.adapted for step in self.steps)


def _cued(how: str, cue: str = STRETCH_CUE) -> str:
    return f"{how} {cue}"


# -- walks ------------------------------------------------------------------------------
_LEGS = (Area.CALVES, Area.ANKLES, Area.KNEES, Area.HIPS)


def walk_routine(minutes: int) -> Routine:
    """A walk of ``minutes``: easy first and last minutes around a steady middle.

    The first steps hurt on a sore day; starting slowly lets the muscles warm up.
    """
    if not 1 <= minutes <= MAX_WALK_MINUTES:
        raise ValueError(f"a walk lasts from 1 to {MAX_WALK_MINUTES} minutes, not {minutes}")
    if minutes < 6:
        steps: tuple[Step, ...] = (
            Step(
                "Easy walk",
                minutes * 60,
                areas=_LEGS,
                how="Relaxed pace, short steps, arms loose.",
                guide="step.walk.easy",
            ),
        )
    else:
        steps = (
            Step(
                "Warm-up, easy pace",
                120,
                areas=_LEGS,
                how="Short, gentle steps; stiffness usually eases after a few minutes.",
                guide="step.walk.start",
            ),
            Step(
                "Steady walk",
                (minutes - 4) * 60,
                areas=_LEGS,
                how="A comfortable pace you could chat at; stand tall, let the arms swing.",
                guide="step.walk.steady",
            ),
            Step(
                "Easy finish",
                120,
                areas=_LEGS,
                how="Slow down gradually and breathe out long.",
                guide="step.walk.finish",
            ),
        )
    return Routine(
        id=f"walk-{minutes}",
        name=f"{minutes}-minute walk",
        kind="walk",
        steps=steps,
        description="Gentle walking to get blood moving through sore legs.",
    )


# -- the 30-minute stretch ----------------------------------------------------------------
HOLD_SECONDS = 30
STRETCH_REPS = 3

# Shared by the 30-minute stretch and the cool-down.
_CALF_HOW = "Hands on a wall, back leg straight, heel down; lean in."
_HAMSTRING_HOW = "Sit with one leg straight, other foot at the knee; hinge from the hips."
_QUAD_HOW = "Hold a chair, draw one heel towards your seat, knees together, hips forward."
_KNEES_TO_CHEST_HOW = "On your back, hug both knees in and let the lower back sink."
_BREATHING_HOW = "Lie still; in through the nose, out through the mouth, slowly counting to five."

# The balanced session, 1800 s exactly (checked in the tests): ten steps of 30-s holds
# repeated with 5-s releases, a gluteus medius exercise, ankle circles and slow breathing.
# The breathing at the end is the one step whose length the adaptive session may change
# freely, so that the session always lasts 30 minutes.
STRETCH_30_STEPS: tuple[Step, ...] = (
    Step(
        "Wall calf stretch",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.CALVES, Area.ANKLES),
        how=_cued(_CALF_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("Shorter stride, heel down; lean in only a little."),
        guide="step.stretch.calf",
    ),
    Step(
        "Bent-knee calf stretch",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.CALVES, Area.ANKLES),
        how=_cued("As the wall calf stretch, back knee bent, heel down: deep in the calf."),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("Feet close to the wall, bend the back knee only a little."),
        guide="step.stretch.soleus",
    ),
    Step(
        "Standing quad stretch",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.QUADRICEPS, Area.KNEES),
        how=_cued(_QUAD_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("Lie on your side, a towel round the ankle; bend the knee only a little."),
        guide="step.stretch.quad",
    ),
    Step(
        "Kneeling hip flexor lunge",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.HIPS, Area.QUADRICEPS),
        how=_cued("One knee on a cushion, other foot ahead; tuck the pelvis, shift forward."),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("Standing, one foot a short step back; tuck the pelvis, no lunge."),
        guide="step.stretch.hip_flexor",
    ),
    Step(
        "Seated hamstring reach",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.HAMSTRINGS, Area.LOWER_BACK),
        how=_cued(_HAMSTRING_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("On your back, a towel round one foot; raise the straight leg a little."),
        guide="step.stretch.hamstring",
    ),
    Step(
        "Butterfly",
        HOLD_SECONDS,
        areas=(Area.ADDUCTORS, Area.HIPS),
        how=_cued("Sit tall, soles together, let the knees sink; press them only lightly."),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("Feet further from you, a cushion under each knee; do not press."),
        guide="step.stretch.butterfly",
    ),
    Step(
        "Figure-four glute stretch",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.GLUTES, Area.HIPS),
        how=_cued("On your back, ankle over the opposite knee; draw that thigh in."),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("On your back, ankle over the opposite knee, that foot stays on the floor."),
        guide="step.stretch.figure_four",
    ),
    Step(
        "Knees to chest",
        HOLD_SECONDS,
        areas=(Area.LOWER_BACK, Area.GLUTES),
        how=_cued(_KNEES_TO_CHEST_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=_cued("On your back, draw one knee in at a time, the other foot flat."),
        guide="step.stretch.knees_to_chest",
    ),
    Step(
        "Side-lying leg raise",
        40,
        sides=True,
        areas=(Area.GLUTES, Area.HIPS),
        how=_cued(
            "On your side, lower knee bent; lift the top leg slightly back, lower slowly.",
            EXERCISE_CUE,
        ),
        reps=2,
        release=10,
        gentle=_cued("On your side, lower knee bent; small, slow lifts only.", EXERCISE_CUE),
        guide="step.exercise.glute_med",
    ),
    Step(
        "Ankle circles",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.ANKLES,),
        how=_cued("Lift one foot, draw slow, wide circles with the toes, both ways.", "No pain."),
        gentle=_cued("Lift one foot and draw small, slow circles within comfort.", "No pain."),
        guide="step.mobility.ankle_circles",
    ),
    Step(
        "Slow breathing",
        120,
        how=_BREATHING_HOW,
        guide="step.breathing",
    ),
)


def stretch_30() -> Routine:
    return Routine(
        id=STRETCH_30_ID,
        name="30-minute stretch",
        kind="stretch",
        steps=STRETCH_30_STEPS,
        description=(
            "Static stretches for the legs, hips and lower back, each held 30 s and "
            "repeated; a gluteus medius exercise; slow breathing to finish."
        ),
    )


# -- short routines ---------------------------------------------------------------------
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
                guide="step.cooldown.walk",
            ),
            Step(
                "Wall calf stretch",
                HOLD_SECONDS,
                sides=True,
                areas=(Area.CALVES, Area.ANKLES),
                how=_cued(_CALF_HOW),
                reps=2,
                static=True,
                guide="step.stretch.calf",
            ),
            Step(
                "Standing hamstring stretch",
                HOLD_SECONDS,
                sides=True,
                areas=(Area.HAMSTRINGS,),
                how=_cued("Heel on a low step, leg straight; hinge forward with a long back."),
                reps=2,
                static=True,
                guide="step.stretch.hamstring",
            ),
            Step(
                "Standing quad stretch",
                HOLD_SECONDS,
                sides=True,
                areas=(Area.QUADRICEPS, Area.KNEES),
                how=_cued(_QUAD_HOW),
                reps=2,
                static=True,
                guide="step.stretch.quad",
            ),
            Step(
                "Knees to chest",
                HOLD_SECONDS,
                areas=(Area.LOWER_BACK,),
                how=_cued(_KNEES_TO_CHEST_HOW),
                static=True,
                guide="step.stretch.knees_to_chest",
            ),
            Step("Slow breathing", 45, how=_BREATHING_HOW, guide="step.breathing"),
        ),
        description="Light walking, then gentle static stretches of calves, hamstrings, quads.",
    )


def self_massage() -> Routine:
    cue = "Firm but comfortable; ease off if it hurts."
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
                how=_cued("Thumbs in small circles round the ankle bones, then up the shin.", cue),
                guide="step.massage.ankles",
            ),
            Step(
                "Knee massage",
                90,
                sides=True,
                areas=(Area.KNEES,),
                how=_cued("Knee bent and relaxed; knead the muscles round the kneecap.", cue),
                guide="step.massage.knees",
            ),
            Step(
                "Lower back massage",
                120,
                areas=(Area.LOWER_BACK,),
                how=_cued("Fists either side of the spine, rub up and down gently.", cue),
                guide="step.massage.lower_back",
            ),
        ),
        description="Rubbing the sorest places brings blood to them.",
    )


CONTRAST_ROUNDS = 3
CONTRAST_HEAT_SECONDS = 180
CONTRAST_COLD_SECONDS = 60


def contrast_therapy(rounds: int = CONTRAST_ROUNDS) -> Routine:
    """Heat then cold, ``rounds`` times: heat three times as long as cold, ending on cold
    (the common contrast protocol; its sources are in docs/guidance.md)."""
    heat = Step(
        "Heat",
        CONTRAST_HEAT_SECONDS,
        areas=(Area.ANKLES, Area.KNEES, Area.CALVES),
        how="Warm, not hot: a warm towel, a heat pad or the shower on the sore spot.",
        guide="step.contrast.heat",
    )
    cold = Step(
        "Cold",
        CONTRAST_COLD_SECONDS,
        areas=(Area.ANKLES, Area.KNEES, Area.CALVES),
        how="Cold water, or ice wrapped in a cloth: never ice on bare skin.",
        guide="step.contrast.cold",
    )
    return Routine(
        id="contrast",
        name="Contrast therapy",
        kind="routine",
        steps=(heat, cold) * rounds,
        description=(
            f"{rounds} rounds of {CONTRAST_HEAT_SECONDS // 60} minutes warm then "
            f"{CONTRAST_COLD_SECONDS // 60} minute cold, ending on cold. Not on a swollen "
            "or freshly injured spot."
        ),
    )


def warm_up_5() -> Routine:
    """Five minutes before an easy run: easy movement, then dynamic moves, no static holds."""
    cue = "Easy effort; no pain."
    return Routine(
        id=WARM_UP_ID,
        name="5-minute warm-up",
        kind="routine",
        steps=(
            Step(
                "Jog on the spot or walk briskly",
                120,
                areas=_LEGS,
                how=_cued("Light and relaxed; let the breathing rise a little.", cue),
                guide="step.warmup.easy_move",
            ),
            Step(
                "Leg swings, front to back",
                25,
                sides=True,
                areas=(Area.HAMSTRINGS, Area.HIPS),
                how=_cued("Hold a wall, swing one leg forward and back, growing slowly.", cue),
                guide="step.warmup.leg_swings",
            ),
            Step(
                "Leg swings, side to side",
                20,
                sides=True,
                areas=(Area.ADDUCTORS, Area.HIPS),
                how=_cued("Face the wall, swing one leg across the body and out.", cue),
                guide="step.warmup.leg_swings",
            ),
            Step(
                "Walking lunges",
                30,
                areas=(Area.QUADRICEPS, Area.GLUTES, Area.HIPS),
                how=_cued("Long step, lower the back knee a little, stand and step through.", cue),
                guide="step.warmup.lunges",
            ),
            Step(
                "High knees",
                25,
                areas=(Area.HIPS, Area.QUADRICEPS),
                how=_cued("On the spot, lift the knees towards hip height, quick and light.", cue),
                guide="step.warmup.high_knees",
            ),
            Step(
                "Heel flicks",
                25,
                areas=(Area.HAMSTRINGS, Area.QUADRICEPS),
                how=_cued("On the spot, flick the heels up towards your seat.", cue),
                guide="step.warmup.heel_flicks",
            ),
        ),
        description="Easy jogging or brisk walking, then dynamic moves, before an easy run.",
    )


def builtin_routines() -> list[Routine]:
    walks = [walk_routine(m) for m in WALK_PRESETS]
    return [
        *walks,
        stretch_30(),
        cooldown_10(),
        self_massage(),
        contrast_therapy(),
        warm_up_5(),
    ]


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

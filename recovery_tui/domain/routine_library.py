"""The built-in routines beside the walks: the 30-minute stretch, the cool-down, the
self-massage, contrast therapy and the warm-up; each step names its entry in
docs/guidance.md (``Step.guide``)."""

from __future__ import annotations

from recovery_tui.domain.massage import find_massage, self_massage
from recovery_tui.domain.models import Area
from recovery_tui.domain.routines import (
    EXERCISE_CUE,
    LEG_AREAS,
    MAX_WALK_MINUTES,
    STRETCH_30_ID,
    WALK_PRESETS,
    WARM_UP_ID,
    Routine,
    Step,
    cued,
    walk_routine,
)

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
        how=cued(_CALF_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("Shorter stride, heel down; lean in only a little."),
        guide="step.stretch.calf",
    ),
    Step(
        "Bent-knee calf stretch",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.CALVES, Area.ANKLES),
        how=cued("As the wall calf stretch, back knee bent, heel down: deep in the calf."),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("Feet close to the wall, bend the back knee only a little."),
        guide="step.stretch.soleus",
    ),
    Step(
        "Standing quad stretch",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.QUADRICEPS, Area.KNEES),
        how=cued(_QUAD_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("Lie on your side, a towel round the ankle; bend the knee only a little."),
        guide="step.stretch.quad",
    ),
    Step(
        "Kneeling hip flexor lunge",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.HIPS, Area.QUADRICEPS),
        how=cued("One knee on a cushion, other foot ahead; tuck the pelvis, shift forward."),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("Standing, one foot a short step back; tuck the pelvis, no lunge."),
        guide="step.stretch.hip_flexor",
    ),
    Step(
        "Seated hamstring reach",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.HAMSTRINGS, Area.LOWER_BACK),
        how=cued(_HAMSTRING_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("On your back, a towel round one foot; raise the straight leg a little."),
        guide="step.stretch.hamstring",
    ),
    Step(
        "Butterfly",
        HOLD_SECONDS,
        areas=(Area.ADDUCTORS, Area.HIPS),
        how=cued("Sit tall, soles together, let the knees sink; press them only lightly."),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("Feet further from you, a cushion under each knee; do not press."),
        guide="step.stretch.butterfly",
    ),
    Step(
        "Figure-four glute stretch",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.GLUTES, Area.HIPS),
        how=cued("On your back, ankle over the opposite knee; draw that thigh in."),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("On your back, ankle over the opposite knee, that foot stays on the floor."),
        guide="step.stretch.figure_four",
    ),
    Step(
        "Knees to chest",
        HOLD_SECONDS,
        areas=(Area.LOWER_BACK, Area.GLUTES),
        how=cued(_KNEES_TO_CHEST_HOW),
        reps=STRETCH_REPS,
        static=True,
        gentle=cued("On your back, draw one knee in at a time, the other foot flat."),
        guide="step.stretch.knees_to_chest",
    ),
    Step(
        "Side-lying leg raise",
        40,
        sides=True,
        areas=(Area.GLUTES, Area.HIPS),
        how=cued(
            "On your side, lower knee bent; lift the top leg slightly back, lower slowly.",
            EXERCISE_CUE,
        ),
        reps=2,
        release=10,
        gentle=cued("On your side, lower knee bent; small, slow lifts only.", EXERCISE_CUE),
        guide="step.exercise.glute_med",
    ),
    Step(
        "Ankle circles",
        HOLD_SECONDS,
        sides=True,
        areas=(Area.ANKLES,),
        how=cued("Lift one foot, draw slow, wide circles with the toes, both ways.", "No pain."),
        gentle=cued("Lift one foot and draw small, slow circles within comfort.", "No pain."),
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
                how=cued(_CALF_HOW),
                reps=2,
                static=True,
                guide="step.stretch.calf",
            ),
            Step(
                "Standing hamstring stretch",
                HOLD_SECONDS,
                sides=True,
                areas=(Area.HAMSTRINGS,),
                how=cued("Heel on a low step, leg straight; hinge forward with a long back."),
                reps=2,
                static=True,
                guide="step.stretch.hamstring",
            ),
            Step(
                "Standing quad stretch",
                HOLD_SECONDS,
                sides=True,
                areas=(Area.QUADRICEPS, Area.KNEES),
                how=cued(_QUAD_HOW),
                reps=2,
                static=True,
                guide="step.stretch.quad",
            ),
            Step(
                "Knees to chest",
                HOLD_SECONDS,
                areas=(Area.LOWER_BACK,),
                how=cued(_KNEES_TO_CHEST_HOW),
                static=True,
                guide="step.stretch.knees_to_chest",
            ),
            Step("Slow breathing", 45, how=_BREATHING_HOW, guide="step.breathing"),
        ),
        description="Light walking, then gentle static stretches of calves, hamstrings, quads.",
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
                areas=LEG_AREAS,
                how=cued("Light and relaxed; let the breathing rise a little.", cue),
                guide="step.warmup.easy_move",
            ),
            Step(
                "Leg swings, front to back",
                25,
                sides=True,
                areas=(Area.HAMSTRINGS, Area.HIPS),
                how=cued("Hold a wall, swing one leg forward and back, growing slowly.", cue),
                guide="step.warmup.leg_swings",
            ),
            Step(
                "Leg swings, side to side",
                20,
                sides=True,
                areas=(Area.ADDUCTORS, Area.HIPS),
                how=cued("Face the wall, swing one leg across the body and out.", cue),
                guide="step.warmup.leg_swings",
            ),
            Step(
                "Walking lunges",
                30,
                areas=(Area.QUADRICEPS, Area.GLUTES, Area.HIPS),
                how=cued("Long step, lower the back knee a little, stand and step through.", cue),
                guide="step.warmup.lunges",
            ),
            Step(
                "High knees",
                25,
                areas=(Area.HIPS, Area.QUADRICEPS),
                how=cued("On the spot, lift the knees towards hip height, quick and light.", cue),
                guide="step.warmup.high_knees",
            ),
            Step(
                "Heel flicks",
                25,
                areas=(Area.HAMSTRINGS, Area.QUADRICEPS),
                how=cued("On the spot, flick the heels up towards your seat.", cue),
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
    """A built-in routine by id; ``walk-N`` for any N in range gives an N-minute walk and
    ``self-massage-AREA-...`` the self-massage of those areas."""
    for routine in builtin_routines():
        if routine.id == routine_id:
            return routine
    massage = find_massage(routine_id)
    if massage is not None:
        return massage
    prefix, _, minutes = routine_id.partition("-")
    if prefix == "walk" and minutes.isascii() and minutes.isdigit():
        number = int(minutes)
        if 1 <= number <= MAX_WALK_MINUTES and str(number) == minutes:
            return walk_routine(number)
    return None

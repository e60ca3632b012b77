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
    summary: str = ""  # the same in one short line, for the session's head

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


def cued(how: str, cue: str = STRETCH_CUE) -> str:
    return f"{how} {cue}"


# -- walks ------------------------------------------------------------------------------
LEG_AREAS = (Area.CALVES, Area.ANKLES, Area.KNEES, Area.HIPS)


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
                areas=LEG_AREAS,
                how="Relaxed pace, short steps, arms loose.",
                guide="step.walk.easy",
            ),
        )
    else:
        steps = (
            Step(
                "Warm-up, easy pace",
                120,
                areas=LEG_AREAS,
                how="Short, gentle steps; stiffness usually eases after a few minutes.",
                guide="step.walk.start",
            ),
            Step(
                "Steady walk",
                (minutes - 4) * 60,
                areas=LEG_AREAS,
                how="A comfortable pace you could chat at; stand tall, let the arms swing.",
                guide="step.walk.steady",
            ),
            Step(
                "Easy finish",
                120,
                areas=LEG_AREAS,
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

"""Self-massage by area: a step for each area the check-in asks about, and the routine of
the areas sorest today (by default ankles, knees and lower back, as the field reports did
it). Each step names its entry in docs/guidance.md."""

from __future__ import annotations

from collections.abc import Sequence

from recovery_tui.domain.models import AREAS, Area
from recovery_tui.domain.plan import (
    MASSAGE_AREAS,
    MASSAGE_MOST_AREAS,
    MASSAGE_ROUTINE,
    massage_routine_id,
)
from recovery_tui.domain.routines import Routine, Step, cued

CUE = "Firm but comfortable; ease off if it hurts."


def _step(name: str, seconds: int, area: Area, how: str, *, sides: bool = True) -> Step:
    return Step(
        name,
        seconds,
        sides=sides,
        areas=(area,),
        how=cued(how, CUE),
        guide=f"step.massage.{area.value}",
    )


STEPS: dict[Area, Step] = {
    Area.ANKLES: _step(
        "Ankle massage",
        90,
        Area.ANKLES,
        "Thumbs in small circles round the ankle bones, then up the shin.",
    ),
    Area.KNEES: _step(
        "Knee massage",
        90,
        Area.KNEES,
        "Knee bent and relaxed; knead the muscles round the kneecap.",
    ),
    Area.HIPS: _step(
        "Hip massage",
        90,
        Area.HIPS,
        "Lying on your side or standing, the heel of the hand in slow circles on the side of "
        "the hip.",
    ),
    Area.GLUTES: _step(
        "Glute massage",
        90,
        Area.GLUTES,
        "Seated, lean to one side; knead the buttock with the knuckles of a loose fist.",
    ),
    Area.ADDUCTORS: _step(
        "Inner thigh massage",
        90,
        Area.ADDUCTORS,
        "Seated, knee out to the side; knead the inner thigh from the knee towards the groin.",
    ),
    Area.LOWER_BACK: _step(
        "Lower back massage",
        120,
        Area.LOWER_BACK,
        "Fists either side of the spine, rub up and down gently.",
        sides=False,
    ),
    Area.CALVES: _step(
        "Calf massage",
        90,
        Area.CALVES,
        "Seated, knee bent; knead the calf with both hands from the ankle up to the knee.",
    ),
    Area.HAMSTRINGS: _step(
        "Hamstring massage",
        90,
        Area.HAMSTRINGS,
        "Seated, knee bent; knead the back of the thigh from the knee up.",
    ),
    Area.QUADRICEPS: _step(
        "Thigh massage",
        90,
        Area.QUADRICEPS,
        "Seated, leg relaxed; knead the front of the thigh with both hands, knee to hip.",
    ),
}


def self_massage(areas: Sequence[Area] = MASSAGE_AREAS) -> Routine:
    """The self-massage of ``areas`` in their order (one to three, no repeats)."""
    if not 1 <= len(areas) <= MASSAGE_MOST_AREAS or len(set(areas)) != len(areas):
        raise ValueError(f"a self-massage covers 1 to {MASSAGE_MOST_AREAS} different areas")
    return Routine(
        id=massage_routine_id(areas),
        name="Self-massage: " + ", ".join(area.label for area in areas),
        kind="routine",
        steps=tuple(STEPS[area] for area in areas),
        description="Rubbing the sorest places brings blood to them.",
    )


def find_massage(routine_id: str) -> Routine | None:
    """The self-massage an id names (``self-massage`` or ``self-massage-calves-knees``)."""
    if routine_id == MASSAGE_ROUTINE:
        return self_massage()
    prefix = MASSAGE_ROUTINE + "-"
    if not routine_id.startswith(prefix):
        return None
    by_value = {area.value: area for area in AREAS}
    names = routine_id.removeprefix(prefix).split("-")
    if any(name not in by_value for name in names):
        return None
    try:
        routine = self_massage([by_value[name] for name in names])
    except ValueError:  # too many areas, or one twice
        return None
    return routine if routine.id == routine_id else None

"""The 30-minute stretch adapted to today's check-in, and when it may be offered at all.

Sore *muscles* get more holds of their stretch, never longer ones; sore *joints* (ankles,
knees, hips, lower back: ``routines.JOINT_AREAS``) get gentler work, never more. The
session still lasts exactly ``STRETCH_30_SECONDS``. Step by step:

1. A step that loads a joint entered at ``JOINT_GENTLE`` or more is done the gentle way
   (its ``gentle`` how-to) with one hold fewer; at ``JOINT_SHORT`` or more its holds are
   also shortened to ``GENTLE_HOLD_SECONDS``. A sore joint wins over a sore muscle in the
   same step: gentleness first.
2. Otherwise a static stretch whose muscle is entered at ``MUSCLE_MORE`` or more gets one
   extra hold, at ``MUSCLE_MUCH`` or more two (at most ``MAX_HOLDS``).
3. The time is balanced back to 30 minutes:
   - time needed for extra holds comes first from stretches whose every area was entered
     at ``LOW_SORENESS`` or less (one hold each in turn, keeping at least ``MIN_HOLDS``),
     then from the slow breathing at the end (down to ``BREATHING_MIN``), and only then
     are extra holds taken back, from the least sore first;
   - time freed by gentler work goes to the slow breathing; above ``BREATHING_MAX`` the
     gentle steps get holds back (short and gentle still, never more than usual).
4. An area that was not entered is unknown, not 0: it never makes a step "less sore", so
   such a stretch neither gives time away nor is called painless.

Every length stays a multiple of 5 s (holds of 30 or 20 s, releases and switches of 5 s),
so no step shows odd lengths such as 2:13. The routine lists, in plain sentences, what
changed and why (``Routine.reasons``) and marks each changed step (``Step.adapted``). Same
steps in the same order as the balanced session, so a session saved with one can be resumed
with the other.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from recovery_tui.domain.models import Area, CheckIn, RedFlag
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.routines import (
    JOINT_AREAS,
    MUSCLE_AREAS,
    STRETCH_30_SECONDS,
    Routine,
    Step,
)
from recovery_tui.domain.soreness import LOW_SORENESS

MUSCLE_MORE = 4
MUSCLE_MUCH = 7
JOINT_GENTLE = 4
JOINT_SHORT = 7
GENTLE_HOLD_SECONDS = 20
MIN_HOLDS = 2
MAX_HOLDS = 5
BREATHING_GUIDE = "step.breathing"
BREATHING_MIN = 30
BREATHING_MAX = 240

ADAPTED_NAME = "30-minute stretch, adapted to today"


def may_offer_adaptive(red_flags: Collection[RedFlag]) -> bool:
    """The adaptive session is offered only when no red flag is set: a flag calls for
    rest, ice and a professional's advice, not a session shaped around the pain."""
    return not red_flags


@dataclass(slots=True)
class _Work:
    """One step of today's session while it is being worked out."""

    step: Step
    reps: int
    seconds: int
    gentle: bool = False
    bonus: int = 0  # extra holds for a sore muscle
    wanted: int = 0  # extra holds the muscle asked for, before the time was balanced
    given: int = 0  # holds given away to the sorer areas
    why: tuple[Area, int] | None = None  # the area (and its level) that decided

    @property
    def chunk(self) -> int:
        """Seconds one hold more or less adds or frees: the hold and a release, per side."""
        step = self.step
        one = self.seconds + (step.release if step.release else 0)
        return one * (2 if step.sides else 1)

    def built(self) -> Step:
        step = self.step
        how = step.gentle if self.gentle and step.gentle else step.how
        return replace(step, reps=self.reps, seconds=self.seconds, how=how)


def adaptive_stretch(checkin: CheckIn | None) -> Routine:
    """Today's 30-minute session; the balanced one when nothing entered calls for a change."""
    balanced = stretch_30()
    if checkin is None or not checkin.soreness:
        return balanced
    levels = checkin.soreness
    filler = next(i for i, s in enumerate(balanced.steps) if s.guide == BREATHING_GUIDE)
    work = [_plan_step(step, levels) for step in balanced.steps]
    breathing = _balance(work, filler, levels)
    steps = []
    for i, (item, original) in enumerate(zip(work, balanced.steps, strict=True)):
        step = replace(original, seconds=breathing) if i == filler else item.built()
        steps.append(replace(step, adapted=step != original))
    if not any(step.adapted for step in steps):
        return balanced
    adapted = replace(
        balanced,
        name=ADAPTED_NAME,
        steps=tuple(steps),
        description="Shaped by today's check-in: more holds for sore muscles, gentler "
        "work for sore joints, 30 minutes in all.",
    )
    reasons = _reasons(work, steps, filler, balanced.steps[filler], levels)
    summary = _summary(work, steps, filler, balanced.steps[filler], levels)
    return replace(adapted, reasons=tuple(reasons), summary=summary)


def _sorest(
    step: Step, areas: frozenset[Area], levels: Mapping[Area, int]
) -> tuple[Area, int] | None:
    """The step's most sore area among ``areas`` that was entered; None when none was."""
    entered = [(a, levels[a]) for a in step.areas if a in areas and a in levels]
    return max(entered, key=lambda pair: pair[1], default=None)


def _plan_step(step: Step, levels: Mapping[Area, int]) -> _Work:
    item = _Work(step, step.reps, step.seconds)
    joint = _sorest(step, JOINT_AREAS, levels)
    if joint is not None and joint[1] >= JOINT_GENTLE and step.gentle:
        item.gentle = True
        item.reps = max(1, step.reps - 1)
        if joint[1] >= JOINT_SHORT:
            item.seconds = min(step.seconds, GENTLE_HOLD_SECONDS)
        item.why = joint
        return item
    muscle = _sorest(step, MUSCLE_AREAS, levels)
    if step.static and muscle is not None and muscle[1] >= MUSCLE_MORE:
        wanted = 2 if muscle[1] >= MUSCLE_MUCH else 1
        item.wanted = wanted
        item.bonus = max(0, min(MAX_HOLDS, step.reps + wanted) - step.reps)
        item.reps = step.reps + item.bonus
        item.why = muscle
    return item


def _is_donor(item: _Work, levels: Mapping[Area, int]) -> bool:
    step = item.step
    return (
        step.static
        and not item.gentle
        and item.wanted == 0
        and bool(step.areas)
        and all(a in levels and levels[a] <= LOW_SORENESS for a in step.areas)
    )


def _balance(work: list[_Work], filler: int, levels: Mapping[Area, int]) -> int:
    """Make the session last exactly 30 minutes; return the breathing step's seconds."""
    others = sum(item.built().total_seconds for i, item in enumerate(work) if i != filler)
    breathing = STRETCH_30_SECONDS - others

    donors = sorted(
        (i for i, item in enumerate(work) if i != filler and _is_donor(item, levels)),
        key=lambda i: (max(levels[a] for a in work[i].step.areas), i),
    )
    base = work[filler].step.seconds
    while breathing < base and any(work[i].reps > MIN_HOLDS for i in donors):
        for i in donors:
            if breathing >= base:
                break
            if work[i].reps > MIN_HOLDS:
                work[i].reps -= 1
                work[i].given += 1
                breathing += work[i].chunk

    extras = sorted(
        (i for i, item in enumerate(work) if item.bonus),
        key=lambda i: (work[i].why[1] if work[i].why else 0, -i),
    )
    while breathing < BREATHING_MIN:
        i = next(i for i in extras if work[i].bonus)
        work[i].bonus -= 1
        work[i].reps -= 1
        breathing += work[i].chunk

    gentle = [i for i, item in enumerate(work) if item.gentle]
    while breathing > BREATHING_MAX:
        room = [
            i
            for i in gentle
            if work[i].reps < work[i].step.reps and breathing - work[i].chunk >= BREATHING_MIN
        ]
        if not room:
            break
        for i in room:
            if breathing <= BREATHING_MAX or breathing - work[i].chunk < BREATHING_MIN:
                break
            work[i].reps += 1
            breathing -= work[i].chunk
    return breathing


def _holds(n: int) -> str:
    return "an extra hold" if n == 1 else f"{n} extra holds"


def _names(steps: list[Step]) -> str:
    return ", ".join(step.name[0].lower() + step.name[1:] for step in steps)


def _summary(
    work: list[_Work],
    steps: list[Step],
    filler: int,
    usual_breathing: Step,
    levels: Mapping[Area, int],
) -> str:
    """What ``_reasons`` says, in one line a tired reader takes in at a glance:
    "more holds: wall calf stretch · gentler: knee circles · breathing 0:50 · 3 areas
    not entered, kept as usual"."""
    pairs = list(zip(work, steps, strict=True))
    parts = []
    more = [step for item, step in pairs if item.bonus and not item.gentle]
    if more:
        parts.append(f"more holds: {_names(more)}")
    gentler = [step for item, step in pairs if item.gentle]
    if gentler:
        parts.append(f"gentler: {_names(gentler)}")
    fewer = [step for item, step in pairs if item.given and not item.gentle]
    if fewer:
        parts.append(f"fewer holds: {_names(fewer)}")
    if steps[filler].seconds != usual_breathing.seconds:
        parts.append(f"breathing {steps[filler].length_text}")
    unknown = sum(1 for a in Area if a not in levels)
    if unknown:
        parts.append(f"{unknown} area{'s' if unknown > 1 else ''} not entered, kept as usual")
    return " · ".join(parts)


def _reasons(
    work: list[_Work],
    steps: list[Step],
    filler: int,
    usual_breathing: Step,
    levels: Mapping[Area, int],
) -> list[str]:
    lines: list[str] = []
    for item, step in zip(work, steps, strict=True):
        name = step.name[0].lower() + step.name[1:]
        if item.gentle and item.why:
            area, level = item.why
            lines.append(
                f"{area.label} {level}/10: {name} done the gentler way ({step.length_text})"
            )
        elif item.bonus and item.why:
            area, level = item.why
            lines.append(
                f"{area.label} {level}/10: {name} gets {_holds(item.bonus)} ({step.length_text})"
            )
        elif item.wanted and item.why:
            area, level = item.why
            lines.append(f"{area.label} {level}/10: no time was free for more holds of {name}")
        elif item.given:
            top = max(levels[a] for a in step.areas)
            areas = " and ".join(a.label for a in step.areas)
            lines.append(
                f"{areas} {top}/10 at most: {name} gives a hold to the sorer areas "
                f"({step.length_text})"
            )
    if any(item.wanted and item.why and not item.bonus and not item.gentle for item in work):
        # Once, after the steps it explains.
        lines.append("Entering every area lets the less sore stretches give some time")
    breathing = steps[filler]
    if breathing.seconds != usual_breathing.seconds:
        lines.append(
            f"Slow breathing at the end lasts {breathing.length_text} instead of "
            f"{usual_breathing.length_text}, so the session stays 30 minutes"
        )
    unknown = [a.label for a in Area if a not in levels]
    if unknown:
        lines.append(
            f"Not entered today: {', '.join(unknown)}. Unknown is not painless, so no "
            "time was taken from their stretches"
        )
    return lines

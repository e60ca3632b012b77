"""A session's segments: the get-ready countdown, then each step's holds, the releases
between them and, for a step done on both sides, the switch between sides. The engine runs
them against a clock (``engine.py``); this module says what they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from recovery_tui.domain.models import Area, Side, StepRecord
from recovery_tui.domain.routines import SWITCH_SECONDS, Routine, Step


class Phase(StrEnum):
    GET_READY = "get_ready"
    STEP = "step"
    RELEASE = "release"
    TRANSITION = "transition"
    DONE = "done"


class SegmentKind(StrEnum):
    GET_READY = "get_ready"
    STEP = "step"  # one hold (or the whole step when it has a single hold)
    RELEASE = "release"  # the pause between two holds of one side
    SWITCH = "switch"


RELEASE_NAME = "Release"
# A step side's place in its routine: (step index, side or None).
SideKey = tuple[int, Side | None]


@dataclass(frozen=True, slots=True)
class Segment:
    index: int  # position in ``SessionEngine.segments``
    step_index: int  # the routine step it belongs to (the first step for get-ready)
    name: str
    side: Side | None
    seconds: float
    how: str
    areas: tuple[Area, ...]
    kind: SegmentKind
    rep: int = 1  # which hold of the side this is (the next hold's number for a release)
    reps: int = 1  # holds per side in its step

    @property
    def label(self) -> str:
        """ "Wall calf stretch (left, 2 of 3)"; a release or a switch is named alone."""
        if self.kind is not SegmentKind.STEP:
            return self.name
        parts = [self.side.value] if self.side else []
        if self.reps > 1:
            parts.append(f"{self.rep} of {self.reps}")
        return f"{self.name} ({', '.join(parts)})" if parts else self.name


@dataclass(frozen=True, slots=True)
class SegmentChanged:
    """The session moved from ``old`` to ``new``; ``at`` is the monotonic instant it did."""

    old: Segment
    new: Segment
    at: float
    reason: str  # "time", "skip" or "back"


@dataclass(frozen=True, slots=True)
class Finished:
    """The last segment ended (by time or by skipping it) at monotonic instant ``at``."""

    at: float


Event = SegmentChanged | Finished


def build_segments(routine: Routine, get_ready_seconds: float) -> tuple[Segment, ...]:
    """Get-ready (when longer than 0 s), then each step: its holds with a release between
    two of them; a sided step is all of that on the left, a switch, then on the right.
    What comes next is shown from ``next_segment()``, so get-ready carries no how-to."""
    segments: list[Segment] = []
    if get_ready_seconds > 0:
        segments.append(
            Segment(0, 0, "Get ready", None, get_ready_seconds, "", (), SegmentKind.GET_READY)
        )
    for i, step in enumerate(routine.steps):
        if step.sides:
            _add_side(segments, i, step, Side.LEFT)
            segments.append(
                Segment(
                    len(segments),
                    i,
                    "Switch sides",
                    None,
                    SWITCH_SECONDS,
                    f"Right side next: {step.name}",
                    (),
                    SegmentKind.SWITCH,
                )
            )
            _add_side(segments, i, step, Side.RIGHT)
        else:
            _add_side(segments, i, step, None)
    return tuple(segments)


def _add_side(segments: list[Segment], step_index: int, step: Step, side: Side | None) -> None:
    for rep in range(1, step.reps + 1):
        if rep > 1 and step.release:
            segments.append(
                Segment(
                    len(segments),
                    step_index,
                    RELEASE_NAME,
                    side,
                    step.release,
                    f"Ease off and breathe; hold {rep} of {step.reps} next.",
                    step.areas,
                    SegmentKind.RELEASE,
                    rep,
                    step.reps,
                )
            )
        segments.append(
            Segment(
                len(segments),
                step_index,
                step.name,
                side,
                step.seconds,
                step.how,
                step.areas,
                SegmentKind.STEP,
                rep,
                step.reps,
            )
        )


def first_segment_of(segments: tuple[Segment, ...], step_index: int) -> int:
    """The first segment of step ``step_index`` (after any get-ready), or the end."""
    for segment in segments:
        if segment.kind is not SegmentKind.GET_READY and segment.step_index == step_index:
            return segment.index
    return len(segments)


@dataclass(slots=True)
class Visit:
    """What happened to one segment so far: time spent in it and how it was left."""

    actual: float = 0.0
    done: bool = False
    skipped: bool = False


def keyed_step_records(
    segments: tuple[Segment, ...],
    visits: dict[int, Visit],
    current: tuple[int, float] | None = None,
) -> list[tuple[SideKey, StepRecord]]:
    """One entry per step side reached, in routine order, with its place in the routine:
    its holds and the releases between them, with the time of every visit (after ``back``
    too) plus ``current`` (the segment in progress and its time so far); skipped when one
    of its holds was skipped and not done on a later visit."""
    actual = {i: visit.actual for i, visit in visits.items()}
    if current is not None:
        actual[current[0]] = actual.get(current[0], 0.0) + current[1]
    sides: dict[SideKey, list[Segment]] = {}
    for segment in segments:
        if segment.kind in (SegmentKind.STEP, SegmentKind.RELEASE):
            sides.setdefault((segment.step_index, segment.side), []).append(segment)
    records = []
    for key, parts in sides.items():
        if not any(s.index in visits or actual.get(s.index, 0.0) > 0 for s in parts):
            continue
        holds = [s for s in parts if s.kind is SegmentKind.STEP]
        record = StepRecord(
            name=holds[0].name,
            side=holds[0].side,
            planned_seconds=float(sum(s.seconds for s in parts)),
            actual_seconds=sum(actual.get(s.index, 0.0) for s in parts),
            skipped=any(visits[s.index].skipped for s in holds if s.index in visits),
        )
        records.append((key, record))
    return records


def step_records(
    segments: tuple[Segment, ...],
    visits: dict[int, Visit],
    current: tuple[int, float] | None = None,
) -> tuple[StepRecord, ...]:
    """``keyed_step_records`` without the places."""
    return tuple(record for _, record in keyed_step_records(segments, visits, current))


PHASE_OF = {
    SegmentKind.GET_READY: Phase.GET_READY,
    SegmentKind.STEP: Phase.STEP,
    SegmentKind.RELEASE: Phase.RELEASE,
    SegmentKind.SWITCH: Phase.TRANSITION,
}


def previous_step_index(segments: tuple[Segment, ...], index: int) -> int:
    """The first segment of the step before the one ``index`` is in (both sides, like
    skipping a step leaves both); in the first step, that step's first segment."""
    step = segments[index].step_index
    return first_segment_of(segments, step - 1 if step > 0 else step)


def merge_steps(
    saved: tuple[StepRecord, ...],
    later: list[tuple[SideKey, StepRecord]],
    routine: list[tuple[SideKey, str]],
) -> tuple[StepRecord, ...]:
    """The steps of a resumed session: those saved before it stopped and those of this run
    (``later``, with their places). A step side in both (gone back to after resuming) is
    one entry, with the time of both visits, done if either visit did it. Saved entries
    carry no place: they are matched to the routine's sides (``routine``) in order, by
    name and side, so a routine naming two steps alike (heat, cold, heat) keeps both."""
    places: dict[SideKey, StepRecord] = {}
    unplaced: list[StepRecord] = []
    position = 0
    for record in saved:
        found = next(
            (
                i
                for i in range(position, len(routine))
                if routine[i][1] == record.name and routine[i][0][1] == record.side
            ),
            None,
        )
        if found is None:
            unplaced.append(record)  # of a routine changed since: kept as it was
            continue
        places[routine[found][0]] = record
        position = found + 1
    for key, record in later:
        before = places.get(key)
        if before is not None:
            record = StepRecord(
                name=record.name,
                side=record.side,
                planned_seconds=record.planned_seconds,
                actual_seconds=before.actual_seconds + record.actual_seconds,
                skipped=before.skipped and record.skipped,
            )
        places[key] = record
    order = {key: i for i, (key, _) in enumerate(routine)}
    placed = sorted(places.items(), key=lambda item: order.get(item[0], len(order)))
    return tuple(record for _, record in placed) + tuple(unplaced)


def step_sides(segments: tuple[Segment, ...]) -> list[tuple[SideKey, str]]:
    """Every step side of a routine, in order: its place (step index, side) and name."""
    sides: dict[SideKey, str] = {}
    for segment in segments:
        if segment.kind is SegmentKind.STEP:
            sides.setdefault((segment.step_index, segment.side), segment.name)
    return list(sides.items())

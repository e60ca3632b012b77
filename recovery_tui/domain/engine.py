"""The session engine: runs a routine against an injected clock.

A session is a row of *segments*: an optional get-ready countdown, then every step. A step
of several holds becomes hold 1, release, hold 2, release, ... hold n; a step done on both
sides becomes all of that on the left, a short "switch sides" transition, then the same on
the right.

Time comes from deadlines on the clock's monotonic time, never from counting ticks. Every
query first catches up with the clock, and if several deadlines passed while nobody asked
(a stalled event loop, a slow repaint), the engine walks through them one by one, each
segment ending exactly at its deadline; the next one starts from that deadline, not from
"now", so the overshoot is carried and the session ends at exactly start + get-ready +
routine length (plus pauses).

Across a laptop sleep the monotonic clock stops (Linux, macOS), so the session simply
continues where it was, as if paused. A wall-clock jump (NTP, DST, the user changing the
time) changes no step length, since wall time is only read to stamp ``started_at`` and
``ended_at``; those two instants are kept so that a sleep or jump stays visible in the record
(``ended_at - started_at`` larger than ``actual_seconds``).

Time counted in ``actual_seconds`` is the routine's own time: holds, releases and side
switches while running, not the get-ready countdown and not time spent paused.

The record keeps one ``StepRecord`` per step side (``segments.step_records``); a session
that ends counts as completed only when most of its planned time was done
(``session_rules.end_status``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.models import (
    SessionRecord,
    SessionStatus,
    StepRecord,
    new_id,
    utc_iso,
)
from recovery_tui.domain.routines import Routine
from recovery_tui.domain.segments import (
    PHASE_OF,
    Event,
    Finished,
    Phase,
    Segment,
    SegmentChanged,
    SegmentKind,
    SideKey,
    Visit,
    build_segments,
    first_segment_of,
    keyed_step_records,
    merge_steps,
    previous_step_index,
    step_sides,
)
from recovery_tui.domain.session_rules import end_status

MAX_GET_READY_SECONDS = 5.0


@dataclass(slots=True)
class _Carry:
    """What a resumed session brings from its earlier run."""

    steps: tuple[StepRecord, ...] = ()
    actual_seconds: float = 0.0
    started_at: str | None = None
    start_index: int | None = None  # first segment after get-ready; None: the very first


class SessionEngine:
    """Runs one routine. Call ``start()``, then ``update()`` from the UI's timer (any rate)
    to learn of changes; every read-only query is correct whenever it is asked."""

    def __init__(
        self,
        routine: Routine,
        clock: Clock,
        get_ready_seconds: float = MAX_GET_READY_SECONDS,
        session_id: str | None = None,
        day: date | None = None,
    ) -> None:
        if not 0 <= get_ready_seconds <= MAX_GET_READY_SECONDS:
            raise ValueError(
                f"the get-ready countdown lasts 0 to {MAX_GET_READY_SECONDS:g} s, "
                f"not {get_ready_seconds:g}"
            )
        self.routine = routine
        self.clock = clock
        self.session_id = session_id or new_id()
        self.day = day or today(clock)
        self.segments = build_segments(routine, get_ready_seconds)
        self._carry = _Carry()
        self._index = 0
        self._deadline = 0.0  # monotonic end of the current segment while running
        self._left_when_paused = self.segments[0].seconds
        self._started = False
        self._paused = False
        self._finished = False
        self._stopped = False
        self._started_wall = clock.now()
        self._ended_wall: str | None = None
        self._visits: dict[int, Visit] = {}
        self._pending: list[Event] = []

    # ----------------------------------------------------------------- controls

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._started_wall = self.clock.now()
        if self._carry.started_at is None:
            self._carry.started_at = utc_iso(self._started_wall)
        self._left_when_paused = self.segments[self._index].seconds
        self._deadline = self.clock.monotonic() + self._left_when_paused

    def pause(self) -> None:
        self._sync()
        if not self._started or self._paused or self.done:
            return
        self._left_when_paused = max(0.0, self._deadline - self.clock.monotonic())
        self._paused = True

    def resume(self) -> None:
        self._sync()
        if not self._paused or self.done:
            return
        self._paused = False
        self._deadline = self.clock.monotonic() + self._left_when_paused

    def toggle_pause(self) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    def skip(self) -> None:
        """Leave the current segment now, marked skipped, and begin the next one."""
        self._sync()
        if not self._started or self.done:
            return
        now = self.clock.monotonic()
        self._leave(skipped=True)
        self._enter(self._next_index(self._index), now, reason="skip")

    def skip_step(self) -> None:
        """Leave the whole step now: the rest of its holds, releases, the switch and the
        other side are marked skipped, and the next step begins in full. During get-ready
        this starts the first step, like ``skip()``."""
        self._sync()
        if not self._started or self.done:
            return
        step_index = self.segments[self._index].step_index
        if self.segments[self._index].kind is SegmentKind.GET_READY:
            self.skip()
            return
        now = self.clock.monotonic()
        self._leave(skipped=True)
        target = self._index + 1
        while target < len(self.segments) and self.segments[target].step_index == step_index:
            visit = self._visits.setdefault(target, Visit())
            visit.skipped = not visit.done
            target += 1
        self._enter(target, now, reason="skip")

    def back(self) -> None:
        """Start the previous step again from its first hold, both sides (from the first
        step, the first step again). Time already spent still counts."""
        self._sync()
        if not self._started or self.done:
            return
        if self.segments[self._index].kind is SegmentKind.GET_READY:
            return
        now = self.clock.monotonic()
        target = previous_step_index(self.segments, self._index)
        self._leave(skipped=False, finished=False)
        self._enter(target, now, reason="back")

    def stop(self) -> None:
        """End the session early; ``record()`` then keeps what was done so far."""
        self._sync()
        if self.done:
            return
        if self._started:
            self._leave(skipped=False, finished=False)
        self._stopped = True
        self._ended_wall = utc_iso(self.clock.now())

    def update(self) -> list[Event]:
        """Catch up with the clock and return the changes since the last call, in order."""
        self._sync()
        events, self._pending = self._pending, []
        return events

    # ----------------------------------------------------------------- state

    @property
    def started(self) -> bool:
        return self._started

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def finished(self) -> bool:
        """The routine ran to its end (the last segment ended or was skipped)."""
        self._sync()
        return self._finished

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def done(self) -> bool:
        return self._finished or self._stopped

    @property
    def current(self) -> Segment | None:
        self._sync()
        return None if self.done else self.segments[self._index]

    @property
    def phase(self) -> Phase:
        segment = self.current
        if segment is None:
            return Phase.DONE
        return PHASE_OF[segment.kind]

    @property
    def position(self) -> int:
        """Index of the routine step in progress (the one to restart when resuming)."""
        self._sync()
        if self._finished:
            return len(self.routine.steps)
        return self.segments[self._index].step_index

    def remaining_in_segment(self) -> float:
        self._sync()
        if self.done:
            return 0.0
        if not self._started or self._paused:
            return self._left_when_paused
        return max(0.0, self._deadline - self.clock.monotonic())

    def elapsed_in_segment(self) -> float:
        self._sync()
        if self.done:
            return 0.0
        return self.segments[self._index].seconds - self.remaining_in_segment()

    def elapsed_total(self) -> float:
        """Routine time spent in this run (steps and switches; no get-ready, no pauses)."""
        self._sync()
        spent = sum(
            visit.actual
            for i, visit in self._visits.items()
            if self.segments[i].kind is not SegmentKind.GET_READY
        )
        if not self.done and self.segments[self._index].kind is not SegmentKind.GET_READY:
            spent += self.elapsed_in_segment()
        return spent

    def remaining_total(self) -> float:
        """Routine time still ahead if nothing is skipped (no get-ready)."""
        self._sync()
        if self.done:
            return 0.0
        segment = self.segments[self._index]
        if segment.kind is SegmentKind.GET_READY:
            return float(sum(s.seconds for s in self.segments[self._next_index(self._index) :]))
        ahead = sum(s.seconds for s in self.segments[self._index + 1 :])
        return self.remaining_in_segment() + ahead

    def progress(self) -> float:
        """0 at the start of the routine, 1 at its end; follows the position in the routine."""
        if self.finished:
            return 1.0
        return min(1.0, max(0.0, 1 - self.remaining_total() / self.routine.total_seconds))

    def next_segment(self) -> Segment | None:
        self._sync()
        if self.done:
            return None
        following = self._next_index(self._index)
        return self.segments[following] if following < len(self.segments) else None

    def record(self, status: SessionStatus | None = None) -> SessionRecord:
        """The session as it stands, to save now (running) or at the end."""
        self._sync()
        planned = float(self.routine.total_seconds)
        actual = self._carry.actual_seconds + self.elapsed_total()
        if status is None:
            status = end_status(actual, planned) if self.done else SessionStatus.RUNNING
        return SessionRecord(
            id=self.session_id,
            day=self.day,
            routine_id=self.routine.id,
            routine_name=self.routine.name,
            kind=self.routine.kind,
            status=status,
            planned_seconds=planned,
            actual_seconds=actual,
            started_at=self._carry.started_at or utc_iso(self._started_wall),
            ended_at=self._ended_wall,
            tz=self.clock.tz_name,
            steps=merge_steps(
                self._carry.steps, self._keyed_step_records(), step_sides(self.segments)
            ),
            position=self.position,
        )

    @classmethod
    def resume_from(
        cls,
        routine: Routine,
        record: SessionRecord,
        clock: Clock,
        get_ready_seconds: float = MAX_GET_READY_SECONDS,
    ) -> SessionEngine:
        """Continue an interrupted session: same id and day, the steps already saved kept,
        starting again at the beginning of step ``record.position`` (both sides)."""
        engine = cls(routine, clock, get_ready_seconds, session_id=record.id, day=record.day)
        position = min(max(record.position, 0), len(routine.steps))
        # A step left half done is redone from its start, its saved entry joined (merge_steps).
        engine._carry = _Carry(
            steps=record.steps,
            actual_seconds=record.actual_seconds,
            started_at=record.started_at,
            start_index=first_segment_of(engine.segments, position),
        )
        if position >= len(routine.steps):
            engine._started = True
            engine._finished = True
            engine._ended_wall = record.ended_at or utc_iso(clock.now())
        elif engine.segments[0].kind is not SegmentKind.GET_READY:
            engine._index = engine._carry.start_index
            engine._left_when_paused = engine.segments[engine._index].seconds
        return engine

    # ----------------------------------------------------------------- internals

    def _sync(self) -> None:
        """Walk through every deadline that has passed, each segment ending exactly on it."""
        if not self._started or self._paused or self.done:
            return
        now = self.clock.monotonic()
        while not self.done and now >= self._deadline:
            ended_at = self._deadline
            self._leave(skipped=False)
            self._enter(self._next_index(self._index), ended_at, reason="time")

    def _leave(self, *, skipped: bool, finished: bool = True) -> None:
        visit = self._visits.setdefault(self._index, Visit())
        visit.actual += self.segments[self._index].seconds - self._raw_remaining()
        # A segment done once stays done if it is skipped on a later visit (after ``back``).
        if finished and skipped:
            visit.skipped = not visit.done
        elif finished:
            visit.done, visit.skipped = True, False

    def _raw_remaining(self) -> float:
        if self._paused:
            return self._left_when_paused
        return min(self.segments[self._index].seconds, max(0.0, self._deadline - self._now()))

    def _now(self) -> float:
        return self.clock.monotonic()

    def _enter(self, index: int, at: float, *, reason: str) -> None:
        old = self.segments[self._index]
        if index >= len(self.segments):
            self._finished = True
            late = self._now() - at
            self._ended_wall = utc_iso(self.clock.now() - timedelta(seconds=late))
            self._pending.append(Finished(at=at))
            return
        self._index = index
        seconds = self.segments[index].seconds
        self._deadline = at + seconds
        self._left_when_paused = seconds
        self._pending.append(
            SegmentChanged(old=old, new=self.segments[index], at=at, reason=reason)
        )

    def _next_index(self, index: int) -> int:
        if self.segments[index].kind is SegmentKind.GET_READY and self._carry.start_index:
            return self._carry.start_index
        return index + 1

    def _keyed_step_records(self) -> list[tuple[SideKey, StepRecord]]:
        running = self._started and not self.done
        current = (self._index, self.elapsed_in_segment()) if running else None
        return keyed_step_records(self.segments, self._visits, current)

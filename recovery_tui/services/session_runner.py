"""One timed session from its start to its record: the engine, when to save, and what the
saved record says when it ends, stops, or the app quits mid-way.

The session is saved when its first step begins (nothing is kept of one stopped during the
get-ready countdown), at each change of step, every ``SAVE_EVERY`` seconds while it runs
and on pause, so a killed terminal loses at most those few seconds. The screen only asks
``update()`` what changed and shows ``view()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from recovery_tui.domain.clock import Clock
from recovery_tui.domain.engine import SessionEngine
from recovery_tui.domain.formats import clock_text, length_text
from recovery_tui.domain.models import SessionRecord, SessionStatus
from recovery_tui.domain.routines import Routine
from recovery_tui.domain.segments import Finished, Phase, SegmentChanged, SegmentKind
from recovery_tui.domain.session_rules import (
    StepOutcome,
    as_interrupted,
    as_stopped,
    outcomes_per_step,
    resumable,
)
from recovery_tui.domain.spoken import PAUSED, RESUMED, cue_phrase, segment_phrase
from recovery_tui.domain.text import one_line
from recovery_tui.services.journal import Journal, JournalError
from recovery_tui.services.routine_catalog import RoutineCatalog, RoutineNotFound

SAVE_EVERY = 10.0  # seconds of session between saves while nothing else changes
TICK_SECONDS = 0.25  # the screen looks at most 4 times a second
WAKE_MARGIN = 0.01  # look just after the shown second turns, not just before it
PROGRESS_STEPS = 200  # the bar moves in half-percent steps

SaveFailed = Callable[[JournalError], None]


@dataclass(frozen=True, slots=True)
class Update:
    """What ``SessionRunner.update`` found since the last call."""

    changed: bool  # a new segment (by time, skip or back) or the end
    cue: bool  # a step ended by time: ring, flash, notify
    finished: bool
    phrase: str | None = None  # what the voice says now (``domain.spoken.cue_phrase``)


@dataclass(frozen=True, slots=True)
class SegmentView:
    index: int
    name: str
    side: str  # "" or "left side" / "right side"
    how: str
    upcoming: str  # "Next: ..." line


@dataclass(frozen=True, slots=True)
class SessionView:
    """What the session screen shows at one moment, as plain text and numbers."""

    head: str
    paused: bool
    clock: str
    segment: SegmentView | None
    position: int  # routine step in progress (len(steps) once over)
    progress: int  # 0..PROGRESS_STEPS
    left: str
    behind: tuple[StepOutcome, ...] = ()  # what each step before ``position`` came to


class SessionRunner:
    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        routine: Routine,
        day: date,
        resume: SessionRecord | None = None,
        on_save_failed: SaveFailed | None = None,
    ) -> None:
        self.routine = routine
        self.resumed = resume is not None
        self._journal = journal
        self._clock = clock
        self._on_save_failed = on_save_failed
        if resume is not None:
            self.engine = SessionEngine.resume_from(routine, resume, clock)
        else:
            self.engine = SessionEngine(routine, clock, day=day)
        self._last_save = 0.0
        self._left = 0.0  # time left in the segment at the last update, for "3, 2, 1"
        self._saved = resume is not None  # a resumed session is on disk already
        self.record: SessionRecord | None = None  # the final record once it has ended
        self._behind: tuple[int, tuple[StepOutcome, ...]] | None = None  # (position, outcomes)

    # -- state ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Started and not over: leaving now would cut it short."""
        return self.engine.started and not self.engine.done and self.record is None

    @property
    def asks_before_stopping(self) -> bool:
        """Something was done (or it is a resumed session): an esc pressed by mistake must
        not end it."""
        return self.engine.elapsed_total() > 0 or self.resumed

    # -- controls ------------------------------------------------------------------------
    def start(self) -> str | None:
        """Start the session; returns what the voice says as it starts."""
        self.engine.start()
        self._left = self.engine.remaining_in_segment()
        if self.engine.elapsed_total() > 0 or self.engine.phase is not Phase.GET_READY:
            self._save()
        current = self.engine.current
        return segment_phrase(current) if current is not None else None

    def update(self) -> Update:
        """Catch up with the clock; save when a step changed, and every ``SAVE_EVERY``
        seconds while it runs."""
        if self.record is not None or self.engine.stopped:
            return Update(False, False, False)
        # Not ``engine.done``: a skip past the last step finishes the engine before its
        # Finished event is read here, and the end must still be recorded.
        events = self.engine.update()
        before, self._left = self._left, self.engine.remaining_in_segment()
        phrase = cue_phrase(events, self.engine.current, before, self._left)
        if any(isinstance(event, Finished) for event in events):
            self.record = self.engine.record()
            self._save(self.record)
            return Update(True, True, True, phrase)
        if events:
            self._save()
            cue = any(isinstance(e, SegmentChanged) and e.reason == "time" for e in events)
            return Update(True, cue, False, phrase)
        if not self.engine.paused and self._clock.monotonic() - self._last_save >= SAVE_EVERY:
            self._save()
        return Update(False, False, False, phrase)

    def toggle_pause(self) -> str:
        """Pause or resume; returns what the voice says ("Paused." or "Resumed.")."""
        self.engine.toggle_pause()
        if self._saved:
            self._save()
        return PAUSED if self.engine.paused else RESUMED

    def skip(self) -> None:
        """On to the next step: the rest of this one (both sides) is skipped."""
        self.engine.skip_step()

    def back(self) -> None:
        self.engine.back()

    def stop(self) -> SessionRecord:
        """The user stopped it: saved as stopped (discarded when nothing was done)."""
        self.engine.stop()
        self.record = as_stopped(self.engine.record())
        self._keep(self.record)
        return self.record

    def interrupt(self) -> None:
        """The app is quitting (ctrl+q, a signal, a closed terminal) mid-way: keep the
        session to resume next time."""
        if self.running:
            self._keep(as_interrupted(self.engine.record()))

    def abandon(self) -> None:
        """Left for another screen mid-way: that ends the session where it is."""
        if self.running:
            self.engine.stop()
            self._keep(as_stopped(self.engine.record()))

    def seconds_to_next_second(self) -> float:
        """How long until the shown countdown turns."""
        return self.engine.remaining_in_segment() % 1.0

    def wake_in(self) -> float | None:
        """When the screen should look again: as the shown second turns (or a step ends),
        never more often than four times a second; None while paused or over."""
        if not self.running or self.engine.paused:
            return None
        return min(1.0, max(TICK_SECONDS, self.seconds_to_next_second() + WAKE_MARGIN))

    # -- showing -------------------------------------------------------------------------
    def view(self) -> SessionView:
        engine, routine = self.engine, self.routine
        # Names and how-tos may come from a user's file: one plain line each.
        head = f"{one_line(routine.name)}  ·  {clock_text(routine.total_seconds)}"
        if engine.paused:
            head += "  ·  PAUSED"
        segment = engine.current
        shown = None
        if segment is not None:
            following = engine.next_segment()
            upcoming = (
                f"Next: {one_line(following.label)}  ({length_text(following.seconds)})"
                if following is not None
                else "Next: the end of the session"
            )
            where = [f"{segment.side.value} side"] if segment.side is not None else []
            if segment.kind is SegmentKind.STEP and segment.reps > 1:
                where.append(f"hold {segment.rep} of {segment.reps}")
            side = "  ·  ".join(where)
            shown = SegmentView(
                segment.index, one_line(segment.name), side, one_line(segment.how), upcoming
            )
        return SessionView(
            head=head,
            paused=engine.paused,
            clock=clock_text(engine.remaining_in_segment()),
            segment=shown,
            position=engine.position,
            progress=int(engine.progress() * PROGRESS_STEPS),
            left=f"{clock_text(engine.remaining_total())} left",
            behind=self._steps_behind(engine.position),
        )

    def _steps_behind(self, position: int) -> tuple[StepOutcome, ...]:
        """What the steps before ``position`` came to (a step skipped with ``n`` is not
        shown done); worked out again only when the position moves, not on every tick."""
        if self._behind is None or self._behind[0] != position:
            names = [step.name for step in self.routine.steps[:position]]
            outcomes = outcomes_per_step(names, self.engine.record()) if names else []
            self._behind = (position, tuple(outcomes))
        return self._behind[1]

    # -- saving --------------------------------------------------------------------------
    def _keep(self, record: SessionRecord) -> None:
        """Save an ending record, unless it is a discarded one that was never on disk."""
        if record.status is not SessionStatus.DISCARDED or self._saved:
            self._save(record)

    def _save(self, record: SessionRecord | None = None) -> None:
        self._last_save = self._clock.monotonic()
        self._saved = True
        try:
            self._journal.save_session(record or self.engine.record())
        except JournalError as error:
            if self._on_save_failed is None:
                raise
            self._on_save_failed(error)


def session_to_resume(journal: Journal) -> tuple[SessionRecord | None, list[SessionRecord]]:
    """The interrupted session to offer at start-up, if any, and the older interrupted ones
    closed as stopped on the way, for the app to say so (raises JournalError when they
    cannot be read)."""
    latest, closed = resumable(journal.unfinished_sessions())
    for record in closed:
        journal.save_session(record)
    return latest, closed


def discard_session(journal: Journal, record: SessionRecord) -> None:
    journal.save_session(replace(record, status=SessionStatus.DISCARDED))


class Sessions:
    """Where sessions start: finds a routine by id and builds its runner, and deals with
    sessions left running by an earlier run of the app."""

    def __init__(self, journal: Journal, clock: Clock, catalog: RoutineCatalog) -> None:
        self.journal = journal
        self.clock = clock
        self.catalog = catalog

    def runner(
        self,
        routine_id: str,
        day: date,
        resume: SessionRecord | None = None,
        on_save_failed: SaveFailed | None = None,
    ) -> SessionRunner:
        """Raises RoutineNotFound (or ValueError for a routine that cannot be built)."""
        routine = self.catalog.find(routine_id, day, resume)
        return SessionRunner(self.journal, self.clock, routine, day, resume, on_save_failed)

    def routine_of(self, record: SessionRecord) -> Routine | None:
        """The routine an interrupted session ran, or None when it can no longer be found."""
        try:
            return self.catalog.find(record.routine_id, record.day, record)
        except (RoutineNotFound, ValueError, JournalError):
            return None

    def to_resume(self) -> tuple[SessionRecord | None, list[SessionRecord]]:
        return session_to_resume(self.journal)

    def discard(self, record: SessionRecord) -> None:
        discard_session(self.journal, record)

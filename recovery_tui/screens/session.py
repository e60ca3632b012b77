"""The session screen: a walk, the guided stretch or any routine, timed by the engine.

The engine owns the time (deadlines on the app's monotonic clock); this screen asks it four
times a second what changed and repaints only what did. The session is saved at its start,
at each change, every ``SAVE_EVERY`` seconds while it runs and on pause, so a killed
terminal loses at most those few seconds; quitting the app saves it as still running, to be
resumed (``offer_resume``) on the next start.
"""

from __future__ import annotations

import asyncio
import os
import signal
from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Footer, Header, Static

from recovery_tui.domain.engine import Finished, SegmentChanged, SessionEngine
from recovery_tui.domain.formats import clock_text, length_text
from recovery_tui.domain.models import SessionRecord, SessionStatus
from recovery_tui.domain.routines import Routine
from recovery_tui.paths import style
from recovery_tui.routine_lookup import RoutineNotFound, find_routine
from recovery_tui.screens.chrome import TooSmall
from recovery_tui.widgets.session_cues import BELL, CUES, FLASH, NOTIFY, Cue, notification_sequence
from recovery_tui.widgets.session_steps import StepList
from recovery_tui.widgets.session_summary import summary_text
from recovery_tui.widgets.session_walk_choice import WalkChoice
from recovery_tui.widgets.still_progress import StillProgressBar

RUNNING_HIDDEN = frozenset({"walk", "stretch", "checkin", "log_run", "today", "history"})
IDLE_HIDDEN = frozenset({"walk", "stretch"})
TICK_SECONDS = 0.25  # at most 4 repaints a second
# Look just after the displayed second turns, not just before it.
WAKE_MARGIN = 0.01
PROGRESS_STEPS = 200
SAVE_EVERY = 10.0  # seconds of session between saves while nothing else changes
FLASH_SECONDS = 0.5

# A closed terminal sends SIGHUP, a shutdown or `kill` SIGTERM: both save before leaving.
_END_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)

# Keys that only mean something while a session is under way.
_SESSION_ACTIONS = frozenset({"toggle_pause", "next", "previous", "stop"})


class SessionScreen(Screen[None]):
    CSS_PATH: ClassVar = [style("session.tcss")]

    # App keys that make no sense mid-session stay out of the footer.
    @property
    def APP_KEYS_HIDDEN(self) -> frozenset[str]:
        # While it runs, leaving is `esc` (asks first); Today and History would end it
        # silently. Once it is over, every key works again.
        engine = self.engine
        if engine is not None and not engine.done and not self._ended:
            return RUNNING_HIDDEN
        return IDLE_HIDDEN

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_pause", "Pause", tooltip="Pause or resume the timer"),
        Binding("n", "next", "Next", tooltip="Skip to the next step"),
        Binding("p", "previous", "Prev", tooltip="Back to the previous step"),
        Binding("escape,q", "stop", "Stop", tooltip="Stop the session (asks once)"),
        Binding("escape,q", "close", "Back", tooltip="Back to Today"),
        Binding("b", "toggle_cue('cue_bell')", "Bell", tooltip="Bell at each change on/off"),
        Binding("f", "toggle_cue('cue_flash')", "Flash", tooltip="Flash at each change on/off"),
        Binding(
            "d",
            "toggle_cue('cue_notify')",
            "Notify",
            tooltip="Desktop notification at each change on/off",
        ),
    ]

    def __init__(
        self,
        routine_id: str | None = None,
        resume: SessionRecord | None = None,
    ) -> None:
        super().__init__()
        self.routine_id = routine_id  # None: ask how long a walk
        self.resume_record = resume
        self.routine: Routine | None = None
        self.engine: SessionEngine | None = None
        self._timer: Timer | None = None
        self._cues: dict[str, bool] = {}
        self._confirm_stop = False
        self._ended = False  # the summary is up
        self._last_save = 0.0
        self._shown: dict[str, Any] = {}

    # -- the ways in -----------------------------------------------------------------------
    @classmethod
    def for_walk(cls, minutes: int | None) -> SessionScreen:
        """A walk of ``minutes``; None asks (10, 12, 15 or any length)."""
        return cls(None if minutes is None else f"walk-{minutes}")

    @classmethod
    def for_routine(cls, routine_id: str) -> SessionScreen:
        """A routine by id; "adaptive" is today's 30-minute stretch."""
        return cls(routine_id)

    @classmethod
    def for_resume(cls, record: SessionRecord) -> SessionScreen:
        """Carry on with an interrupted session from the start of the step it was in."""
        return cls(record.routine_id, resume=record)

    @property
    def _app(self) -> Any:
        return self.app

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield TooSmall()
        with Vertical(id="session"):
            yield WalkChoice(id="walk-choice", classes="hidden")
            yield Static(id="session-head")
            with Horizontal(id="session-body"):
                with Vertical(id="session-now"):
                    yield Static(id="segment-name")
                    yield Digits("00:00", id="session-clock")
                    yield Static(id="segment-how")
                    yield Static(id="session-next")
                    yield Static(id="session-notice", classes="hidden")
                    yield Static(id="session-summary", classes="hidden")
                with Vertical(id="session-side"):
                    yield Static("Steps", id="steps-title")
                    yield StepList(id="session-steps")
            with Horizontal(id="session-progress"):
                yield Static("Session", id="session-progress-label")
                yield StillProgressBar(
                    total=1, id="session-bar", show_eta=False, show_percentage=True
                )
                yield Static(id="session-left")
            yield Static(id="session-cues")
        yield Footer()

    def on_mount(self) -> None:
        journal = self._app.journal
        self._cues = {cue.setting: bool(journal.setting(cue.setting, True)) for cue in CUES}
        self._show_cues()
        if self.routine_id is None:
            self._ask_walk_length()
            return
        try:
            routine = self._find(self.routine_id, self.resume_record)
        except (RoutineNotFound, ValueError) as error:
            self.notify(str(error), title="Cannot start", severity="error", timeout=15)
            self.call_after_refresh(self._leave)
            return
        self._begin(routine)

    def _ask_walk_length(self) -> None:
        self.sub_title = "Walk"
        for part in ("#session-head", "#session-body", "#session-progress"):
            self.query_one(part).add_class("hidden")
        choice = self.query_one(WalkChoice)
        choice.remove_class("hidden")
        choice.focus_default()

    @on(WalkChoice.Chosen)
    def _walk_chosen(self, message: WalkChoice.Chosen) -> None:
        self.query_one(WalkChoice).add_class("hidden")
        for part in ("#session-head", "#session-body", "#session-progress"):
            self.query_one(part).remove_class("hidden")
        self.routine_id = f"walk-{message.minutes}"
        self._begin(self._find(self.routine_id))

    def _find(self, routine_id: str, record: SessionRecord | None = None) -> Routine:
        app = self._app
        return find_routine(app.journal, app.dirs.config, app.current_day, routine_id, record)

    def _begin(self, routine: Routine) -> None:
        clock = self._app.clock
        self.routine = routine
        if self.resume_record is not None:
            self.engine = SessionEngine.resume_from(routine, self.resume_record, clock)
        else:
            self.engine = SessionEngine(routine, clock, day=self._app.current_day)
        self.sub_title = routine.name
        self.query_one(StepList).routine = routine
        self.query_one(StillProgressBar).update(total=PROGRESS_STEPS, progress=0)
        self.engine.start()
        self._save()
        self._catch_end_signals(True)
        self.refresh_bindings()
        self._paint()
        self._arm()

    # -- time ----------------------------------------------------------------------------------
    def _arm(self) -> None:
        """Wake up when the displayed second changes (or a step ends), never more often
        than four times a second, and not at all while paused: the engine keeps the time,
        the timer only decides when to look."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        engine = self.engine
        if engine is None or engine.paused or engine.stopped or self._ended:
            return
        until_next_second = engine.remaining_in_segment() % 1.0
        delay = min(1.0, max(TICK_SECONDS, until_next_second + WAKE_MARGIN))
        self._timer = self.set_timer(delay, self.tick)

    def tick(self) -> None:
        """Called at most four times a second: learn what changed, repaint what did."""
        engine = self.engine
        if engine is None or engine.stopped or self._ended:
            return
        # Not ``engine.done``: a skip past the last step finishes the engine before the
        # Finished event is read here, and the summary must still be shown.
        events = engine.update()
        if any(isinstance(event, Finished) for event in events):
            self._finish()
            return
        if events:
            self._save()
            if any(isinstance(e, SegmentChanged) and e.reason == "time" for e in events):
                self._cue(engine)
        elif not engine.paused and self._app.clock.monotonic() - self._last_save >= SAVE_EVERY:
            self._save()
        self._paint()
        self._arm()

    # -- showing -----------------------------------------------------------------------------
    def _set(self, key: str, value: Any) -> bool:
        """Remember what is on screen; True when ``value`` differs and must be painted."""
        if self._shown.get(key, object()) == value:
            return False
        self._shown[key] = value
        return True

    def _paint(self) -> None:
        engine, routine = self.engine, self.routine
        if engine is None or routine is None:
            return
        segment = engine.current
        if segment is None:
            return
        head = f"{routine.name}  ·  {clock_text(routine.total_seconds)}"
        if engine.paused:
            head += "  ·  PAUSED"
        if self._set("head", head):
            self.query_one("#session-head", Static).update(head)
        if self._set("paused", engine.paused):
            self.set_class(engine.paused, "-paused")
        if self._set("clock", clock_text(engine.remaining_in_segment())):
            self.query_one(Digits).update(self._shown["clock"])
        if self._set("segment", segment.index):
            self._paint_segment(engine)
        self.query_one(StepList).show_position(engine.position)
        # In steps of half a percent: the bar is a few dozen cells wide, and redrawing it
        # every second for nothing visible is what costs CPU while a stretch is held.
        done = int(engine.progress() * PROGRESS_STEPS)
        if self._set("done", done):
            self.query_one(StillProgressBar).update(progress=done)
        left = f"{clock_text(engine.remaining_total())} left"
        if self._set("left", left):
            # Same width every second: no need to lay the screen out again.
            self.query_one("#session-left", Static).update(left, layout=False)
        notice = self._notice(engine)
        if self._set("notice", notice):
            panel = self.query_one("#session-notice", Static)
            panel.update(notice)
            panel.set_class(not notice, "hidden")

    def _paint_segment(self, engine: SessionEngine) -> None:
        segment = engine.current
        assert segment is not None
        side = f"  —  {segment.side.value} side" if segment.side is not None else ""
        self.query_one("#segment-name", Static).update(
            Content.from_markup("[b]$name[/b][b $accent]$side[/]", name=segment.name, side=side)
        )
        self.query_one("#segment-how", Static).update(segment.how)
        following = engine.next_segment()
        upcoming = (
            f"Next: {following.label}  ({length_text(following.seconds)})"
            if following is not None
            else "Next: the end of the session"
        )
        self.query_one("#session-next", Static).update(upcoming)

    def _notice(self, engine: SessionEngine) -> str:
        if self._confirm_stop:
            return "Stop here?  Press esc or q again to stop and save,  space to carry on."
        if engine.paused:
            return "Paused  ·  press space to resume"
        return ""

    def _show_cues(self) -> None:
        parts = [f"{cue.label} {'on' if self._cues.get(cue.setting) else 'off'}" for cue in CUES]
        keys = " / ".join(cue.key for cue in CUES)
        self.query_one("#session-cues", Static).update(
            f"At each change: {'  ·  '.join(parts)}   ({keys} to switch)"
        )

    # -- cues --------------------------------------------------------------------------------
    def _cue(self, engine: SessionEngine) -> None:
        segment = engine.current
        body = segment.label if segment is not None else "Session complete"
        if self._cues.get(BELL.setting):
            self.app.bell()
        if self._cues.get(FLASH.setting):
            self.add_class("-flash")
            self.set_timer(FLASH_SECONDS, lambda: self.remove_class("-flash"))
        if self._cues.get(NOTIFY.setting):
            sequence = notification_sequence("recovery-tui", body, os.environ)
            if sequence is not None:
                self.write_to_terminal(sequence)

    def write_to_terminal(self, sequence: str) -> None:
        """Send an escape sequence straight to the terminal (nothing when headless)."""
        driver = getattr(self.app, "_driver", None)
        if driver is not None and not self.app.is_headless:
            driver.write(sequence)
            driver.flush()

    def action_toggle_cue(self, setting: str) -> None:
        cue: Cue = next(c for c in CUES if c.setting == setting)
        value = not self._cues.get(setting, True)
        self._cues[setting] = value
        self._app.save_safely(
            lambda: self._app.journal.set_setting(setting, value), what="the setting"
        )
        self._show_cues()
        self.notify(
            f"{cue.label.capitalize()} at each change: {'on' if value else 'off'}.", timeout=3
        )

    # -- keys ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        engine = self.engine
        running = engine is not None and not engine.done
        if action in _SESSION_ACTIONS:
            return running
        if action == "close":
            return not running
        return True

    def action_toggle_pause(self) -> None:
        if self.engine is None:
            return
        self._confirm_stop = False
        self.engine.toggle_pause()
        self._save()
        self._paint()
        self._arm()  # nothing moves while paused, so nothing needs asking about

    def action_next(self) -> None:
        self._move(lambda engine: engine.skip())

    def action_previous(self) -> None:
        self._move(lambda engine: engine.back())

    def _move(self, change: Any) -> None:
        if self.engine is None:
            return
        self._confirm_stop = False
        change(self.engine)
        self.tick()

    def action_stop(self) -> None:
        engine = self.engine
        if engine is None or engine.done:
            self._leave()
            return
        something_done = engine.elapsed_total() > 0 or self.resume_record is not None
        if something_done and not self._confirm_stop:
            # Ask once: an esc pressed by mistake must not end a half-done session.
            if not engine.paused:
                self.action_toggle_pause()
            self._confirm_stop = True
            self._paint()
            return
        engine.stop()
        record = engine.record()
        if record.actual_seconds <= 0:
            # Stopped during the get-ready countdown: nothing happened worth keeping.
            record = replace(record, status=SessionStatus.DISCARDED)
        self._save(record)
        self.notify(
            f"Stopped and saved: {clock_text(record.actual_seconds)} "
            f"of {clock_text(record.planned_seconds)}.",
            timeout=5,
        )
        self._leave()

    def action_close(self) -> None:
        self._leave()

    def _leave(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.app.screen is self:
            self._app.back_to_today()

    # -- the end -----------------------------------------------------------------------------
    def _finish(self) -> None:
        engine, routine = self.engine, self.routine
        assert engine is not None and routine is not None
        self._ended = True
        if self._timer is not None:
            self._timer.stop()
        record = engine.record()
        self._save(record)
        self._cue(engine)
        self._confirm_stop = False
        self.query_one(StepList).show_position(len(routine.steps))
        self.query_one(StillProgressBar).update(progress=PROGRESS_STEPS)
        self.query_one("#session-left", Static).update("done")
        self.query_one("#session-head", Static).update(f"{routine.name}  ·  complete")
        for part in (
            "#segment-name",
            "#session-clock",
            "#segment-how",
            "#session-next",
            "#session-notice",
        ):
            self.query_one(part).add_class("hidden")
        summary = self.query_one("#session-summary", Static)
        summary.update(summary_text(record))
        summary.remove_class("hidden")
        self.remove_class("-paused")
        self.refresh_bindings()

    # -- saving ------------------------------------------------------------------------------
    def _save(self, record: SessionRecord | None = None) -> None:
        engine = self.engine
        if engine is None:
            return
        record = record or engine.record()
        self._last_save = self._app.clock.monotonic()
        self._app.save_safely(lambda: self._app.journal.save_session(record), what="the session")

    def _catch_end_signals(self, catch: bool) -> None:
        try:
            loop = asyncio.get_running_loop()
            for number in _END_SIGNALS:
                if catch:
                    loop.add_signal_handler(number, self._ended_by_signal)
                else:
                    loop.remove_signal_handler(number)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # no signals here (Windows, or not the main thread): the periodic save stays

    def _ended_by_signal(self) -> None:
        engine = self.engine
        if engine is not None and not engine.done:
            self._save(engine.record(SessionStatus.RUNNING))
        self.app.exit()

    def on_unmount(self) -> None:
        engine = self.engine
        self._catch_end_signals(False)
        if self._timer is not None:
            self._timer.stop()
        if engine is None or engine.done:
            return
        if not self.app.is_running:
            # The app is quitting mid-way: keep the session running, to resume next time,
            # unless nothing was done yet (quit during the get-ready countdown).
            record = engine.record(SessionStatus.RUNNING)
            if record.actual_seconds <= 0:
                record = engine.record(SessionStatus.DISCARDED)
            self._save(record)
            return
        # Left for another screen (Today, History) mid-way: that ends the session.
        engine.stop()
        self._save()

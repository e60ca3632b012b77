"""The session screen: a walk, the guided stretch or any routine, timed by a runner.

The runner (``services.session_runner``) owns the engine, the saving and the record; this
screen asks it what changed at most four times a second and shows ``runner.view()``
through reactives, so only what changed is painted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.session_rules import outcomes_by_step
from recovery_tui.paths import style
from recovery_tui.screens.chrome import (
    RecoveryScreen,
    SessionClosed,
    TooSmall,
    save_or_say,
    say_not_saved,
)
from recovery_tui.services.journal import JournalError
from recovery_tui.services.routine_catalog import RoutineNotFound
from recovery_tui.services.session_runner import (
    PROGRESS_STEPS,
    SessionRunner,
    Sessions,
    SessionView,
)
from recovery_tui.widgets.session_cues import CUES, CueLine
from recovery_tui.widgets.session_panels import NowPanel, SessionBar
from recovery_tui.widgets.session_steps import StepList

RUNNING_HIDDEN = frozenset({"walk", "stretch", "checkin", "log_run", "today", "history"})
IDLE_HIDDEN = frozenset({"walk", "stretch"})
TICK_SECONDS = 0.25  # at most 4 repaints a second
WAKE_MARGIN = 0.01  # look just after the shown second turns, not just before it
_SESSION_ACTIONS = frozenset({"toggle_pause", "next", "previous", "stop"})


class SessionScreen(RecoveryScreen):
    CSS_PATH: ClassVar = [style("session.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_pause", "Pause", tooltip="Pause or resume the timer"),
        Binding("n", "next", "Next", tooltip="Skip the rest of this step (both sides)"),
        Binding("p", "previous", "Prev", tooltip="Back to the previous step"),
        Binding("escape,q", "stop", "Stop", tooltip="Stop the session (asks once)"),
        Binding("escape,q", "close", "Back", tooltip="Back to Today"),
        *(Binding(c.key, f"toggle_cue('{c.setting}')", c.title, tooltip=c.tooltip) for c in CUES),
    ]

    view: var[SessionView | None] = var(None)
    confirming_stop: var[bool] = var(False)
    cues: var[frozenset[str]] = var(frozenset(), init=False)

    def __init__(
        self,
        sessions: Sessions,
        day: date,
        routine_id: str,
        resume: SessionRecord | None = None,
    ) -> None:
        super().__init__()
        self.sessions = sessions
        self.day = day
        self.routine_id = routine_id
        self.resume_record = resume
        self.runner: SessionRunner | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield TooSmall()
        with Vertical(id="session"):
            yield Static(id="session-head")
            yield Static(id="session-why", classes="hidden")
            with Horizontal(id="session-body"):
                yield NowPanel(id="session-now")
                with Vertical(id="session-side"):
                    yield Static("Steps", id="steps-title")
                    yield StepList(id="session-steps")
            yield SessionBar(id="session-progress")
            yield CueLine(id="session-cues")
        yield Footer()

    def on_mount(self) -> None:
        journal = self.sessions.journal
        self.cues = frozenset(c.setting for c in CUES if journal.flag(c.setting, True))
        self._begin(self.routine_id)

    def app_day(self) -> date:
        return self.day

    def hidden_app_actions(self) -> frozenset[str]:
        # While it runs, leaving is `esc` (asks first); Today and History would end it
        # silently. Once it is over, every key works again.
        return RUNNING_HIDDEN if self.runner is not None and self.runner.running else IDLE_HIDDEN

    # -- the way in ----------------------------------------------------------------------
    def _begin(self, routine_id: str) -> None:
        try:
            runner = self.sessions.runner(
                routine_id, self.day, self.resume_record, self._save_failed
            )
            runner.start()
        except (RoutineNotFound, ValueError, JournalError) as error:
            self.notify(
                str(error), title="Cannot start", severity="error", timeout=15, markup=False
            )
            self.call_after_refresh(self._leave)
            return
        self.runner = runner
        self.sub_title = runner.routine.name
        self.query_one(StepList).routine = runner.routine
        if runner.routine.reasons:
            # An adapted session says what it changed and why, under its title.
            why = self.query_one("#session-why", Static)
            why.update(Content("Adapted today: " + "; ".join(runner.routine.reasons) + "."))
            why.remove_class("hidden")
        self.refresh_bindings()
        self._look()

    def _save_failed(self, error: JournalError) -> None:
        say_not_saved(self, error, "the session")

    # -- time ----------------------------------------------------------------------------------
    def tick(self) -> None:
        """Called at most four times a second: learn what changed, show what did."""
        runner = self.runner
        if runner is None or runner.record is not None or runner.engine.stopped:
            return
        update = runner.update()
        if update.finished:
            self._finish()
            return
        current = runner.engine.current
        if update.cue and current is not None:
            self.query_one(CueLine).play(current.label)
        self._look()

    def _look(self) -> None:
        """Show the runner's state, then wake when the shown second turns (or a step ends),
        never more often than four times a second, and not at all while paused."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        runner = self.runner
        if runner is None:
            return
        self.view = runner.view()
        if runner.running and not runner.engine.paused:
            delay = min(1.0, max(TICK_SECONDS, runner.seconds_to_next_second() + WAKE_MARGIN))
            self._timer = self.set_timer(delay, self.tick)

    # -- showing -----------------------------------------------------------------------------
    def watch_view(self, old: SessionView | None, view: SessionView | None) -> None:
        if view is None:
            return
        if old is None or old.head != view.head:
            self.query_one("#session-head", Static).update(Content(view.head))
        self.set_class(view.paused, "-paused")
        now = self.query_one(NowPanel)
        now.clock = view.clock
        now.segment = view.segment
        self.query_one(StepList).show_position(view.position)
        bar = self.query_one(SessionBar)
        bar.progress, bar.left = view.progress, view.left
        now.paused = view.paused

    def watch_confirming_stop(self, confirming: bool) -> None:
        self.query_one(NowPanel).confirming_stop = confirming

    # -- keys ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        running = self.runner is not None and self.runner.running
        if action in _SESSION_ACTIONS:
            return running
        if action == "close":
            return not running
        return True

    def action_toggle_pause(self) -> None:
        if self.runner is not None:
            self.confirming_stop = False
            self.runner.toggle_pause()
            self._look()  # nothing moves while paused, so nothing needs asking about

    def action_next(self) -> None:
        self._move(lambda runner: runner.skip())

    def action_previous(self) -> None:
        self._move(lambda runner: runner.back())

    def _move(self, change: Callable[[SessionRunner], None]) -> None:
        if self.runner is not None:
            self.confirming_stop = False
            change(self.runner)
            self.tick()

    def action_stop(self) -> None:
        runner = self.runner
        if runner is None or not runner.running:
            self._leave()
            return
        if runner.asks_before_stopping and not self.confirming_stop:
            # Ask once: an esc pressed by mistake must not end a half-done session.
            if not runner.engine.paused:
                self.action_toggle_pause()
            self.confirming_stop = True
            return
        record = runner.stop()
        self.notify(
            f"Stopped and saved: {clock_text(record.actual_seconds)} "
            f"of {clock_text(record.planned_seconds)}.",
            timeout=5,
        )
        self._leave()

    def action_close(self) -> None:
        self._leave()

    # -- cues -----------------------------------------------------------------------------
    def watch_cues(self, cues: frozenset[str]) -> None:
        self.query_one(CueLine).enabled = cues

    def action_toggle_cue(self, setting: str) -> None:
        cue = next(c for c in CUES if c.setting == setting)
        on = setting not in self.cues
        self.cues = self.cues | {setting} if on else self.cues - {setting}
        journal = self.sessions.journal
        save_or_say(self, lambda: journal.set_setting(setting, on), "the setting")
        self.notify(f"{cue.label.capitalize()} at each change: {'on' if on else 'off'}.", timeout=3)

    def _leave(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self.app.screen is self:
            self.post_message(SessionClosed())

    def interrupt(self) -> None:
        """The app is being ended by a signal: keep the session to resume next time."""
        if self.runner is not None:
            self.runner.interrupt()

    # -- the end -----------------------------------------------------------------------------
    def _finish(self) -> None:
        runner = self.runner
        assert runner is not None and runner.record is not None
        if self._timer is not None:
            self._timer.stop()
        self.query_one(CueLine).play("Session complete")
        self.confirming_stop = False
        self.query_one(StepList).show_outcomes(outcomes_by_step(runner.record))
        bar = self.query_one(SessionBar)
        bar.progress, bar.left = PROGRESS_STEPS, "done"
        self.query_one("#session-head", Static).update(
            Content(f"{runner.routine.name}  ·  {runner.record.status.value}")
        )
        self.query_one(NowPanel).show_summary(runner.record)
        self.remove_class("-paused")
        self.refresh_bindings()

    def on_unmount(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        runner = self.runner
        if runner is None:
            return
        if not self.app.is_running:
            runner.interrupt()  # the app is quitting mid-way: resume next time
        else:
            runner.abandon()  # left for another screen mid-way: that ends it

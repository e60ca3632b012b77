"""The session screen: a walk, the guided stretch or any routine, timed by a runner.

The runner (``services.session_runner``) owns the engine, the saving and the record; this
screen asks it what changed at most four times a second and shows ``runner.view()``
through reactives, so only what changed is painted. Two layouts show the same view: the
normal one (the step list folds away below ``NARROW_WIDTH`` columns) and mat mode.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Footer

from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.text import one_line
from recovery_tui.paths import style
from recovery_tui.screens.chrome import (
    RecoveryScreen,
    SessionClosed,
    quitting,
    save_or_say,
    say_not_saved,
)
from recovery_tui.services.journal import JournalError
from recovery_tui.services.routine_catalog import RoutineNotFound
from recovery_tui.services.session_runner import SessionRunner, Sessions
from recovery_tui.services.speech import Speaker
from recovery_tui.widgets.session_cues import CUES, CueLine
from recovery_tui.widgets.session_layout import SessionLayout
from recovery_tui.widgets.session_mat import MAT_MODE_SETTING
from recovery_tui.widgets.session_summary import stopped_note
from recovery_tui.widgets.title_bar import TitleBar

RUNNING_HIDDEN = frozenset(
    {"walk", "stretch", "checkin", "log_run", "today", "history", "routines"}
)
IDLE_HIDDEN = frozenset({"walk", "stretch", "routines"})
_SESSION_ACTIONS = frozenset({"next", "previous", "stop", "toggle_mat"})


class SessionScreen(RecoveryScreen):
    CSS_PATH: ClassVar = [style("session.tcss")]
    # A running session is not covered: what the store mended is shown when it ends.
    SHOWS_NOTICES: ClassVar[bool] = False
    BINDINGS: ClassVar[list[BindingType]] = [
        # One key, named for what it will do: the footer says Resume while paused.
        Binding("space", "pause", "Pause", tooltip="Pause the timer"),
        Binding("space", "resume", "Resume", tooltip="Resume the timer"),
        Binding("n", "next", "Next", tooltip="Skip the rest of this step (both sides)"),
        Binding("p", "previous", "Prev", tooltip="Back to the previous step"),
        Binding("escape,q", "stop", "Stop", tooltip="Stop the session (asks once)"),
        Binding("escape,q", "close", "Back", tooltip="Back to Today"),
        Binding(
            "z", "toggle_mat", "Mat", tooltip="Mat mode: a huge countdown to follow from the floor"
        ),
        # Not in the footer: the cue line under the progress bar names each with its key.
        *(
            Binding(c.key, f"toggle_cue('{c.setting}')", c.title, tooltip=c.tooltip, show=False)
            for c in CUES
        ),
    ]

    confirming_stop: var[bool] = var(False, init=False)
    mat: var[bool] = var(False, init=False)
    paused: var[bool] = var(False, init=False)

    def __init__(
        self,
        sessions: Sessions,
        day: date,
        routine_id: str,
        resume: SessionRecord | None = None,
        *,
        speaker: Callable[[], Speaker],
    ) -> None:
        """``speaker`` is the app's one speaker (``SharedSpeaker``) for the spoken cues."""
        super().__init__()
        self.sessions = sessions
        self.day = day
        self.routine_id = routine_id
        self.resume_record = resume
        self.runner: SessionRunner | None = None
        self._timer: Timer | None = None
        self._speaker = speaker

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SessionLayout(self._speaker, id="session-layout")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if quitting(self):
            return
        journal = self.sessions.journal
        on = frozenset(c.setting for c in CUES if journal.flag(c.setting, c.default))
        self.query_one(CueLine).enabled = on
        self.mat = journal.flag(MAT_MODE_SETTING, False)
        self._begin(self.routine_id)

    def app_day(self) -> date:
        return self.day

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    def hidden_app_actions(self) -> frozenset[str]:
        # While it runs, leaving is `esc` (asks first); Today and History would end it
        # silently. Once it is over, every key works again.
        return RUNNING_HIDDEN if self.running else IDLE_HIDDEN

    # -- the way in ----------------------------------------------------------------------
    def _begin(self, routine_id: str) -> None:
        try:
            runner = self.sessions.runner(
                routine_id, self.day, self.resume_record, self._save_failed
            )
            phrase = runner.start()
        except (RoutineNotFound, ValueError, JournalError) as error:
            self.notify(
                str(error), title="Cannot start", severity="error", timeout=15, markup=False
            )
            self.call_after_refresh(self._leave)
            return
        self.runner = runner
        self.sub_title = one_line(runner.routine.name)
        self.query_one(SessionLayout).show_routine(runner.routine)
        self.refresh_bindings()
        self.query_one(CueLine).say(phrase)
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
        self.query_one(CueLine).say(update.phrase)
        if update.finished:
            self._finish()
            return
        current = runner.engine.current
        if update.cue and current is not None:
            self.query_one(CueLine).play(current.label)
        self._look()

    def _look(self) -> None:
        """Show the runner's state, then wake when it says (not at all while paused)."""
        self._stop_timer()
        if self.runner is not None:
            view = self.runner.view()
            self.paused = view.paused
            self.query_one(SessionLayout).view = view
            delay = self.runner.wake_in()
            if delay is not None:
                self._timer = self.set_timer(delay, self.tick)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # -- showing -----------------------------------------------------------------------------
    def watch_confirming_stop(self, confirming: bool) -> None:
        self.query_one(SessionLayout).confirming_stop = confirming

    def watch_mat(self, mat: bool) -> None:
        self.set_class(mat, "-mat")

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "-paused")
        self.refresh_bindings()

    # -- keys ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _SESSION_ACTIONS:
            return self.running
        if action in ("pause", "resume"):
            return self.running and self.paused == (action == "resume")
        if action == "close":
            return not self.running
        return True

    def action_pause(self) -> None:
        self.action_toggle_pause()

    def action_resume(self) -> None:
        self.action_toggle_pause()

    def action_toggle_pause(self) -> None:
        if self.runner is not None:
            self.confirming_stop = False
            self.query_one(CueLine).say(self.runner.toggle_pause())
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

    def action_toggle_mat(self) -> None:
        self.mat = not self.mat

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
        self.notify(stopped_note(runner.stop()), timeout=5)
        self._leave()

    def action_close(self) -> None:
        self._leave()

    # -- cues -----------------------------------------------------------------------------
    def action_toggle_cue(self, setting: str) -> None:
        on = self.query_one(CueLine).toggle(setting)
        journal = self.sessions.journal
        save_or_say(self, lambda: journal.set_setting(setting, on), "the setting")

    def _leave(self) -> None:
        self._stop_timer()
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
        self._stop_timer()
        self.query_one(CueLine).play("Session complete")
        self.confirming_stop = False
        self.mat = False  # the summary is read close up
        self.query_one(SessionLayout).show_end(runner.routine.name, runner.record)
        self.paused = False
        self.refresh_bindings()

    def on_unmount(self) -> None:
        self._stop_timer()
        runner = self.runner
        if runner is None:
            return
        if not self.app.is_running:
            runner.interrupt()  # the app is quitting mid-way: resume next time
        else:
            runner.abandon()  # left for another screen mid-way: that ends it

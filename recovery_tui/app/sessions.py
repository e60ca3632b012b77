"""The app's ways into a session: a walk, a routine by id, a task's routine, and the
offer to resume one interrupted earlier."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.plan import ADAPTIVE_ROUTINE, REST_UNTIL_SEEN, WALK_ROUTINE
from recovery_tui.domain.text import one_line
from recovery_tui.screens.chrome import SessionClosed, save_or_say
from recovery_tui.services.journal import JournalError
from recovery_tui.widgets.task_row import TaskRow

if TYPE_CHECKING:
    from collections.abc import Callable

    from recovery_tui.app.main import RecoveryApp
    from recovery_tui.widgets.session_cues import SharedSpeaker


class SessionFlows:
    """Part of ``RecoveryApp`` (a mixin): its actions and handlers for sessions."""

    def action_walk(self: RecoveryApp) -> None:
        self.start_walk(None)

    def action_stretch(self: RecoveryApp) -> None:
        from recovery_tui.services.routine_catalog import ADAPTIVE

        withheld = self.journal.stretch_withheld(self.current_day)
        if withheld:
            self.notify(withheld, timeout=10, markup=False)  # the sentence says it all
            return
        self.start_routine(ADAPTIVE)

    def _session_open(self: RecoveryApp) -> bool:
        from recovery_tui.screens.session import SessionScreen

        if any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            self.notify("A session is already open: finish or stop it first.", timeout=5)
            return True
        return False

    def start_walk(self: RecoveryApp, minutes: int | None) -> None:
        """A walk of ``minutes``; None asks first (10, 12, 15 or any length)."""
        if minutes is not None:
            self.start_routine(f"walk-{minutes}")
            return
        from recovery_tui.screens.walk_length import WalkLengthScreen

        if not self._session_open():
            # The walk as today's plan has it: under a red flag, only if it does not hurt;
            # under dizziness or dark urine, none until seen (the dialog says so first).
            plan = self.journal.day_view(self.current_day).plan
            task = plan.task(REST_UNTIL_SEEN) or plan.walk_task()
            hint = f"{task.title}. {task.today or task.why}" if task is not None else None
            self.push_screen(WalkLengthScreen(hint), self._walk_chosen)

    def _walk_chosen(self: RecoveryApp, minutes: int | None) -> None:
        if minutes is not None:
            self.start_routine(f"walk-{minutes}")

    def start_routine(self: RecoveryApp, routine_id: str) -> None:
        from recovery_tui.screens.session import SessionScreen

        if self._session_open():
            return
        self._pop_to_today()
        self.push_screen(
            SessionScreen(self.sessions, self.current_day, routine_id, speaker=self.speaker)
        )

    def on_task_row_start_routine(self: RecoveryApp, message: TaskRow.StartRoutine) -> None:
        """Enter on a task with a routine (a walk asks how long)."""
        if message.routine == WALK_ROUTINE:
            self.start_walk(None)
        elif message.routine == ADAPTIVE_ROUTINE:
            self.action_stretch()
        else:
            self.start_routine(message.routine)

    def on_task_row_check_in_wanted(self: RecoveryApp, message: TaskRow.CheckInWanted) -> None:
        self.action_checkin()

    @property
    def speaker(self: RecoveryApp) -> SharedSpeaker:
        """The one speaker of the app: a missing speech command is told once, not once
        per session."""
        if self._speaker is None:
            from recovery_tui.widgets.session_cues import SharedSpeaker

            tell = partial(self.notify, severity="warning", timeout=10, markup=False)
            self._speaker = SharedSpeaker.for_journal(self.journal, tell)
        return self._speaker

    def action_routines(self: RecoveryApp) -> None:
        from recovery_tui.screens.routine_picker import RoutinePicker
        from recovery_tui.services.routine_choices import routine_menu

        if self._session_open() or isinstance(self.screen, RoutinePicker):
            return
        day = self.current_day
        try:
            menu = routine_menu(self.sessions.catalog, day, self.journal.stretch_withheld(day))
        except JournalError as error:
            self.notify(f"Could not read today's check-in: {error}", severity="error", markup=False)
            return
        self.push_screen(RoutinePicker(menu), self._routine_chosen)

    def _routine_chosen(self: RecoveryApp, routine_id: str | None) -> None:
        if routine_id is not None:
            self.start_routine(routine_id)

    def toggle_mat_mode_setting(self: RecoveryApp) -> None:
        from recovery_tui.widgets.session_mat import MAT_MODE_SETTING

        on = not self.journal.flag(MAT_MODE_SETTING, False)
        if save_or_say(self, lambda: self.journal.set_setting(MAT_MODE_SETTING, on), "the setting"):
            start = "in mat mode (z switches)" if on else "in the normal layout (z for mat mode)"
            self.notify(f"Sessions now start {start}.", timeout=5)

    def on_session_closed(self: RecoveryApp, message: SessionClosed) -> None:
        self.back_to_today()

    def offer_resume(self: RecoveryApp, otherwise: Callable[[], object] | None = None) -> None:
        """After start-up: if a session was interrupted, ask to resume or discard it;
        ``otherwise`` runs when none is resumed (none there, discarded, or left for later).

        Nothing about that session may stop the app from starting: a record that cannot
        be read is named in one line and skipped; one that cannot be described in full
        (an unexpected error, logged for a bug report) is offered plainly, to discard."""
        try:
            # The usual case, nothing unfinished: the sessions' machinery (routines, timers,
            # cues) is loaded when a session starts, not with every start of the app.
            latest, closed = (
                self.sessions.to_resume() if self.journal.unfinished_sessions() else (None, [])
            )
        except JournalError as error:
            self.notify(
                f"Could not read unfinished sessions: {error}", severity="error", markup=False
            )
            latest, closed = None, []
        for record in closed:
            # Only the latest can be resumed: an older one is kept as stopped, and said so.
            self.notify(
                f"An older unfinished session, {one_line(record.routine_name)} "
                f"({clock_text(record.actual_seconds)} of {clock_text(record.planned_seconds)}), "
                "was kept as stopped: what you did in it counts.",
                timeout=10,
                markup=False,
            )
        if latest is None:
            if otherwise is not None:
                otherwise()
            return
        from recovery_tui.screens.resume import Choice, ResumeScreen
        from recovery_tui.screens.session import SessionScreen

        routine = None
        try:
            routine = self.sessions.routine_of(latest)
            offer = ResumeScreen(latest, routine)
        except Exception as error:  # start-up goes on whatever this one session holds
            from recovery_tui.errors import log_unexpected

            log_unexpected(self.dirs.error_log, error)
            routine = None
            offer = ResumeScreen(latest, None, plainly=True)

        def chosen(choice: Choice | None) -> None:
            if choice == "resume" and routine is not None:
                self.push_screen(
                    SessionScreen(
                        self.sessions,
                        latest.day,
                        latest.routine_id,
                        resume=latest,
                        speaker=self.speaker,
                    )
                )
                return
            if choice == "discard":
                save_or_say(self, lambda: self.sessions.discard(latest), "the session")
            if otherwise is not None:
                otherwise()

        if self._today_screen() is None:
            # Started straight into a walk or a stretch: the question is asked over Today
            # (its header and keys), not over an empty screen.
            self._push_today()
        self.push_screen(offer, chosen)

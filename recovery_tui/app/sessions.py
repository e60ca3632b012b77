"""The app's ways into a session: a walk, a routine by id, a task's routine, and the
offer to resume one interrupted earlier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recovery_tui.domain.plan import ADAPTIVE_ROUTINE, WALK_ROUTINE
from recovery_tui.screens.chrome import SessionClosed, save_or_say
from recovery_tui.services.journal import JournalError
from recovery_tui.widgets.task_row import TaskRow

if TYPE_CHECKING:
    from recovery_tui.app.main import RecoveryApp


class SessionFlows:
    """Part of ``RecoveryApp`` (a mixin): its actions and handlers for sessions."""

    def action_walk(self: RecoveryApp) -> None:
        self.start_walk(None)

    def action_stretch(self: RecoveryApp) -> None:
        from recovery_tui.services.routine_catalog import ADAPTIVE

        withheld = self.journal.stretch_withheld(self.current_day)
        if withheld:
            self.notify(withheld, title="No stretch session today", timeout=10, markup=False)
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
            self.push_screen(WalkLengthScreen(), self._walk_chosen)

    def _walk_chosen(self: RecoveryApp, minutes: int | None) -> None:
        if minutes is not None:
            self.start_routine(f"walk-{minutes}")

    def start_routine(self: RecoveryApp, routine_id: str) -> None:
        from recovery_tui.screens.session import SessionScreen

        if self._session_open():
            return
        self._pop_to_today()
        self.push_screen(SessionScreen(self.sessions, self.current_day, routine_id))

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

    def on_session_closed(self: RecoveryApp, message: SessionClosed) -> None:
        self.back_to_today()

    def offer_resume(self: RecoveryApp) -> None:
        """After start-up: if a session was interrupted, ask to resume or discard it.

        Nothing about that session may stop the app from starting: a record that cannot
        be read is named in one line and skipped; one that cannot be described in full
        (an unexpected error, logged for a bug report) is offered plainly, to discard."""
        try:
            latest = self.sessions.to_resume()
        except JournalError as error:
            self.notify(
                f"Could not read unfinished sessions: {error}", severity="error", markup=False
            )
            return
        if latest is None:
            return  # the usual case: no need to load the session screen at start-up
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
                    SessionScreen(self.sessions, latest.day, latest.routine_id, resume=latest)
                )
            elif choice == "discard":
                save_or_say(self, lambda: self.sessions.discard(latest), "the session")

        self.push_screen(offer, chosen)

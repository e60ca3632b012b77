"""The app's dialogs: the check-in, logging a run, undoing one, and help; each opens over
Today. Quitting over a dialog half typed asks first. What the store had to mend is shown
in a dialog that stays until read."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from recovery_tui.screens.chrome import HoldsTyping, RecordsChanged, RecoveryScreen

if TYPE_CHECKING:
    from recovery_tui.app.main import RecoveryApp


class DialogFlows:
    """Part of ``RecoveryApp`` (a mixin): its dialog actions."""

    def _show_notices(self: RecoveryApp) -> None:
        """What the store mended (a damaged file moved aside, records left out, a backup
        brought back), over Today or History; a running session or an open dialog is not
        covered: a toast says so now and the dialog waits for them to close."""
        fresh = self.journal.take_notices()
        self._unread_notices += fresh
        if not self._unread_notices:
            return
        screen = self.screen
        if isinstance(screen, RecoveryScreen) and screen.SHOWS_NOTICES:
            from recovery_tui.screens.data_repaired import DataRepairedScreen

            notices, self._unread_notices = self._unread_notices, []
            self.push_screen(DataRepairedScreen(notices))
        elif fresh and len(self.screen_stack) > 1:  # (at start-up, Today is on its way)
            self.notify(
                "A data file needed mending: what was done is shown once you are back on Today.",
                title="Data file",
                severity="warning",
                timeout=10,
            )

    def _over_today(self: RecoveryApp, then: Callable[[], None]) -> bool:
        """Dialogs open over Today. When the app started elsewhere, build Today first and
        open the dialog after it shows (False: not yet)."""
        if self._today_screen() is None:
            self._build_today()
            self.call_after_refresh(then)
            return False
        self._pop_to_today()
        return True

    def action_checkin(self: RecoveryApp) -> None:
        from recovery_tui.domain.models import CheckIn
        from recovery_tui.screens.checkin import CheckInScreen

        if not self._over_today(self.action_checkin):
            return
        day = self.current_day

        def saved(checkin: CheckIn | None) -> None:
            if checkin is not None:
                self.notify("Check-in saved.", timeout=3)

        # Read again: a check-in made from the command line since is what gets edited.
        journal = self.journal
        self.push_screen(
            CheckInScreen(journal, day, journal.checkin(day), journal.water(day)), saved
        )

    def action_log_run(self: RecoveryApp) -> None:
        from recovery_tui.screens.log_run import LogRunScreen

        if not self._over_today(self.action_log_run):
            return

        def logged(done: bool | None) -> None:
            today_screen = self._today_screen()
            if done and today_screen is not None:
                today_screen.run_logged()
            run = self.journal.last_logged_run() if done else None
            if run is not None and self.journal.twin_of(run) is not None:
                from recovery_tui.domain.run_twins import twin_words

                words = twin_words(run, self.journal.distance_unit())
                self.notify(words, severity="warning", timeout=15, markup=False)

        self.push_screen(LogRunScreen(self.journal, self.clock), logged)

    def undo_last_run(self: RecoveryApp) -> None:
        from recovery_tui.screens.undo_run import UndoRunScreen

        run = self.journal.last_logged_run()
        if run is None:
            self.notify("No run has been logged yet.", timeout=5)
            return

        def answered(removed: bool | None) -> None:
            if removed:
                for screen in self.screen_stack:
                    screen.post_message(RecordsChanged())

        self.push_screen(UndoRunScreen(self.journal, run), answered)

    def switch_distance_unit(self: RecoveryApp) -> None:
        """Kilometres to miles or back, for every screen and command."""
        from recovery_tui.domain.units import DistanceUnit
        from recovery_tui.screens.chrome import save_or_say
        from recovery_tui.services.user_settings import DISTANCE_UNIT

        now = self.journal.distance_unit()
        other = DistanceUnit.MI if now is DistanceUnit.KM else DistanceUnit.KM
        if save_or_say(self, lambda: self.journal.set_setting(DISTANCE_UNIT, other.value)):
            self.notify(f"Distances in {other.label} from now on.", timeout=4)
            for screen in self.screen_stack:
                screen.post_message(RecordsChanged())

    def action_help(self: RecoveryApp) -> None:
        from recovery_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self: RecoveryApp) -> None:
        # ctrl+q says everything is saved: a dialog half filled in is asked about first
        # (ctrl+q again, or y, quits).
        screen = self.screen
        losing = screen.unsaved() if isinstance(screen, HoldsTyping) else None
        if losing is None:
            await App.action_quit(self)
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        question = f"{losing} is not saved. Quit anyway?"
        from recovery_tui.screens.confirm import ConfirmScreen

        self.push_screen(ConfirmScreen("Quit without saving?", question, "Quit"), answered)

"""The Textual app: screens, key bindings, command palette, theme and day rollover.

The database is opened in ``on_mount`` rather than at import so the first frame comes
quickly; screens reach records only through ``app.journal``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from recovery_tui.app_limits import MIN_HEIGHT, MIN_WIDTH, NARROW_WIDTH
from recovery_tui.domain.clock import Clock, SystemClock, today
from recovery_tui.journal import Journal
from recovery_tui.paths import Dirs, style

# Midnight, and writes from another copy (a check-in from the command line), are looked
# for this often: two stat calls. A clock passed in by tests is checked on demand.
WATCH_SECONDS = 2.0


class RecoveryApp(App[int]):
    TITLE = "recovery-tui"
    CSS_PATH: ClassVar = [style("app.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "today", "Today", tooltip="Show today's plan"),
        Binding("w", "walk", "Walk", tooltip="Start a walk timer"),
        Binding("s", "stretch", "Stretch", tooltip="Start the guided 30-minute stretch"),
        Binding("h", "history", "History", tooltip="The past week and before"),
        Binding("c", "checkin", "Check-in", tooltip="Record how sore you are"),
        Binding("r", "log_run", "Log run", tooltip="Record a run or a race"),
        Binding("f1,question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        dirs: Dirs,
        clock: Clock | None = None,
        start: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.dirs = dirs
        self.clock: Clock = clock or SystemClock()
        self.start_request = start or {}
        self._journal: Journal | None = None
        self.current_day: date = today(self.clock)
        self.seen_fingerprint: tuple[object, ...] = ()

    # -- start-up ------------------------------------------------------------------------
    @property
    def journal(self) -> Journal:
        assert self._journal is not None, "the journal opens in on_mount"
        return self._journal

    def on_mount(self) -> None:
        from recovery_tui.store import Repository, StoreError

        try:
            repo = Repository.open(self.dirs.data, self.clock)
        except StoreError as error:
            self.exit(return_code=1, message=f"recovery-tui: {error}")
            return
        self._journal = Journal(repo, self.clock)
        theme = self._journal.setting("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for notice in repo.take_notices():
            self.notify(notice, title="Data file", severity="warning", timeout=15)
        if not self.start_request:
            # Launched straight into a session (walk, stretch), Today is built when the
            # session ends: the session starts sooner and the app holds one screen.
            from recovery_tui.screens.today import TodayScreen

            self.push_screen(TodayScreen())
        self._check_size()
        if isinstance(self.clock, SystemClock):
            self.set_interval(WATCH_SECONDS, self.watch)
        self.call_after_refresh(self._start_requested)

    def _start_requested(self) -> None:
        # Everything loaded so far (Textual, years of records) lives as long as the app:
        # keep it out of the garbage collector's way, which the session timer feels.
        gc.freeze()
        if "walk_minutes" in self.start_request:
            self.start_walk(int(self.start_request["walk_minutes"]))
        elif "routine" in self.start_request:
            self.start_routine(str(self.start_request["routine"]))
        else:
            self.offer_resume()

    def _remember_theme(self, theme: Any) -> None:
        if self._journal is not None:
            self.save_safely(lambda: self.journal.set_setting("theme", theme.name))

    # -- errors ----------------------------------------------------------------------------
    def save_safely(self, write: Any, what: str = "your change") -> bool:
        """Run a store write; on failure tell the user in words and report False."""
        from recovery_tui.store import StoreError

        try:
            write()
        except StoreError as error:
            self.notify(
                f"Not saved: {error}", title=f"Could not save {what}", severity="error", timeout=20
            )
            return False
        return True

    def _fatal_error(self) -> None:
        # Keep tracebacks away from the user: log it and leave with one short line.
        from recovery_tui.errors import log_unexpected

        error = self._exception
        if error is not None:
            where = log_unexpected(self.dirs.error_log, error)
            self._exit_renderables.append(
                f"recovery-tui stopped after an unexpected error "
                f"({type(error).__name__}); details in {where}. Your records are saved."
            )
        self._close_messages_no_wait()

    # -- time --------------------------------------------------------------------------------
    def watch(self) -> None:
        """Midnight, another copy's writes, and damaged files found since start-up."""
        if self._journal is None:
            return
        for notice in self.journal.take_notices():
            self.notify(notice, title="Data file", severity="warning", timeout=15)
        if self.check_day_rollover():
            return
        fingerprint = self.journal.fingerprint(self.current_day)
        if fingerprint != self.seen_fingerprint:
            self.seen_fingerprint = fingerprint
            # Only what is on screen; a covered Today refreshes when it shows again.
            refresh = getattr(self.screen, "refresh_day", None)
            if callable(refresh):
                refresh()

    def _refresh_screens(self) -> None:
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_day", None)
            if callable(refresh):
                refresh()

    def check_day_rollover(self) -> bool:
        """Move every screen to the new day after midnight; True when it rolled over."""
        now_day = today(self.clock)
        if now_day == self.current_day:
            return False
        self.current_day = now_day
        self._refresh_screens()
        return True

    # -- size --------------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        if width is None or height is None:
            width, height = self.size
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")
        self.set_class(width < NARROW_WIDTH, "-narrow")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        hidden = getattr(self.screen, "APP_KEYS_HIDDEN", frozenset())
        return action not in hidden

    # -- actions -----------------------------------------------------------------------------
    def _today_screen(self) -> Screen[Any] | None:
        from recovery_tui.screens.today import TodayScreen

        for screen in self.screen_stack:
            if isinstance(screen, TodayScreen):
                return screen
        return None

    def action_today(self) -> None:
        if self._today_screen() is None:
            self._build_today()
        else:
            self._pop_to_today()

    def _pop_to_today(self) -> None:
        target = self._today_screen()
        while target is not None and self.screen is not target and len(self.screen_stack) > 2:
            self.pop_screen()

    def back_to_today(self) -> None:
        """Close the top screen and show Today (it refreshes as it shows again), building
        it if the app was started straight into a session."""
        if self._today_screen() is None:
            self._build_today()
        elif len(self.screen_stack) > 2:
            self.pop_screen()

    def _build_today(self) -> None:
        from recovery_tui.screens.today import TodayScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(TodayScreen())

    def action_history(self) -> None:
        from recovery_tui.screens.history import HistoryScreen

        if isinstance(self.screen, HistoryScreen):
            return
        self._pop_to_today()
        self.push_screen(HistoryScreen())

    def action_walk(self) -> None:
        self.start_walk(None)

    def action_stretch(self) -> None:
        self.start_routine("adaptive")

    def _session_running(self) -> bool:
        from recovery_tui.screens.session import SessionScreen

        if any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            self.notify("A session is already open: finish or stop it first.", timeout=5)
            return True
        return False

    def start_walk(self, minutes: int | None) -> None:
        from recovery_tui.screens.session import SessionScreen

        if self._session_running():
            return
        self._pop_to_today()
        self.push_screen(SessionScreen.for_walk(minutes))

    def start_routine(self, routine_id: str) -> None:
        from recovery_tui.screens.session import SessionScreen

        if self._session_running():
            return
        self._pop_to_today()
        self.push_screen(SessionScreen.for_routine(routine_id))

    def offer_resume(self) -> None:
        from recovery_tui.store import StoreError

        try:
            unfinished = self.journal.unfinished_sessions()
        except StoreError:
            unfinished = True  # the session module says what went wrong
        if not unfinished:
            return  # the usual case: no need to load the session screen at start-up
        from recovery_tui.screens.resume import offer_resume

        offer_resume(self)

    def action_checkin(self) -> None:
        self._on_today("open_checkin")

    def action_log_run(self) -> None:
        self._on_today("open_log_run")

    def _on_today(self, method: str) -> None:
        """Open a dialog of Today's, building Today first when the app started elsewhere."""
        today_screen = self._today_screen()
        if today_screen is not None:
            getattr(today_screen, method)()
            return
        self._build_today()
        self.call_after_refresh(self._on_today, method)

    def undo_last_run(self) -> None:
        from recovery_tui.domain.formats import long_date
        from recovery_tui.domain.plan import run_label
        from recovery_tui.screens.confirm import ConfirmScreen

        run = self.journal.last_logged_run()
        if run is None:
            self.notify("No run has been logged yet.", timeout=5)
            return

        def answered(yes: bool | None) -> None:
            if yes and self.save_safely(lambda: self.journal.delete_run(run.id), what="it"):
                self.notify(f"Removed your {run_label(run)} of {long_date(run.day)}.")
                self._refresh_screens()

        self.push_screen(
            ConfirmScreen(
                "Undo the last logged run",
                f"Remove your {run_label(run)} of {long_date(run.day)} "
                f"({run.distance_km:g} km, effort {run.effort}/10)? Its recovery window "
                "goes with it; check-ins and ticked tasks stay.",
                "Remove it",
            ),
            answered,
        )

    def action_help(self) -> None:
        from recovery_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand("Log a run", "Record a run or a race", self.action_log_run)
        yield SystemCommand("Check-in", "Record soreness, sleep and energy", self.action_checkin)
        yield SystemCommand("Start a walk", "A 10-15 minute walk timer", self.action_walk)
        yield SystemCommand(
            "Start the stretch session",
            "Guided 30 minutes, adapted to today",
            self.action_stretch,
        )
        yield SystemCommand(
            "Undo the last logged run", "Remove a run logged by mistake", self.undo_last_run
        )
        yield SystemCommand("History", "The past week and before", self.action_history)
        yield SystemCommand("Today", "Back to today's plan", self.action_today)
        yield SystemCommand("Help", "Keys and a short how-to", self.action_help)
        yield from super().get_system_commands(screen)

"""The Textual app: screens, key bindings, command palette, theme, signals and day rollover.

The database is opened in ``on_mount`` rather than at import so the first frame comes
quickly. Screens are given the services they need when they are built; they talk back
with messages, and the app tells them of a new day or another copy's writes with
``DayChanged`` and ``RecordsChanged``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.markup import MarkupError
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from recovery_tui.app.dialogs import DialogFlows
from recovery_tui.app.palettes import SteadyPalettes
from recovery_tui.app.sessions import SessionFlows
from recovery_tui.app_limits import MIN_HEIGHT, MIN_WIDTH, NARROW_WIDTH
from recovery_tui.domain.clock import Clock, SystemClock, today
from recovery_tui.domain.text import one_line, plain
from recovery_tui.errors import ErrorLogConsole
from recovery_tui.paths import Dirs, style
from recovery_tui.screens.chrome import (
    DayChanged,
    RecordsChanged,
    RecoveryScreen,
    save_or_say,
)
from recovery_tui.services.journal import Journal, JournalError, open_journal

if TYPE_CHECKING:
    from recovery_tui.screens.today import TodayScreen
    from recovery_tui.services.session_runner import Sessions
    from recovery_tui.widgets.session_cues import SharedSpeaker

# Midnight, and writes from another copy (a check-in from the command line), are looked
# for this often: two stat calls. A clock passed in by tests is checked on demand.
WATCH_SECONDS = 2.0
# Reminders due (a walk, the stretch) are looked for this often while the app is open.
NUDGE_SECONDS = 60.0
NUDGE_TIMEOUT = 30.0
THEME_SETTING = "theme"
# How long a screen closed as it opened may take to finish mounting before it is removed
# anyway (see RecoveryApp._replace_screen); mounting takes milliseconds.
MOUNT_WAIT_SECONDS = 2.0
# A closed terminal sends SIGHUP, a shutdown or `kill` SIGTERM: both leave as ctrl+q does.
END_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@dataclass(frozen=True, slots=True)
class StartRequest:
    """What the command line asked to open straight away instead of Today."""

    walk_minutes: int | None = None
    routine: str | None = None


# The app's keys that go to another screen or dialog, not offered while a dialog is open.
SCREEN_ACTIONS = frozenset(
    {"checkin", "walk", "stretch", "log_run", "history", "routines", "today"}
)


class RecoveryApp(SessionFlows, DialogFlows, SteadyPalettes, App[int]):
    TITLE = "recovery-tui"
    # Today's sheet is read with the app's: a screen bringing a sheet of its own makes
    # Textual parse every sheet again from scratch when it is pushed (about 8 ms of the
    # first frame).
    CSS_PATH: ClassVar = [style("app.tcss"), style("today.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        # Footer order: what a sore, tired user needs first; a narrow footer cuts the end.
        Binding("f1,question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("c", "checkin", "Check-in", tooltip="Record how sore you are"),
        Binding("w", "walk", "Walk", tooltip="Start a walk timer"),
        Binding("s", "stretch", "Stretch", tooltip="Start the guided 30-minute stretch"),
        Binding("r", "log_run", "Log run", tooltip="Record a run or a race"),
        Binding("h", "history", "History", tooltip="The past week and before"),
        Binding("o", "routines", "Routines", tooltip="Choose any routine, built-in or your own"),
        Binding("t", "today", "Today", tooltip="Show today's plan"),
    ]

    def __init__(
        self,
        dirs: Dirs,
        clock: Clock | None = None,
        start: StartRequest | None = None,
    ) -> None:
        super().__init__()
        self.dirs = dirs
        self.clock: Clock = clock or SystemClock()
        self.start_request = start or StartRequest()
        self.current_day: date = today(self.clock)
        # Why the app could not open, for the command line to print after it has left.
        self.exit_message: str | None = None
        self._journal: Journal | None = None
        self._sessions: Sessions | None = None
        self._speaker: SharedSpeaker | None = None
        self._unread_notices: list[str] = []
        # Tracebacks go to errors.log; the user gets one short line (see errors.py).
        self.error_console = ErrorLogConsole(dirs.error_log, one_line)

    # -- start-up ------------------------------------------------------------------------
    @property
    def journal(self) -> Journal:
        assert self._journal is not None, "the journal opens in on_mount"
        return self._journal

    @property
    def sessions(self) -> Sessions:
        if self._sessions is None:
            from recovery_tui.services.routine_catalog import RoutineCatalog
            from recovery_tui.services.session_runner import Sessions

            catalog = RoutineCatalog(self.journal, self.dirs.config)
            self._sessions = Sessions(self.journal, self.clock, catalog)
        return self._sessions

    def on_mount(self) -> None:
        try:
            self._journal = open_journal(self.dirs.data, self.clock)
        except JournalError as error:
            self.exit_message = f"recovery-tui: {error}"
            self.exit(return_code=1)
            return
        theme = self._journal.setting(THEME_SETTING)
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.start_request == StartRequest():
            # Pushed once the app has mounted: Textual drops the frames of a screen painted
            # while the app's own mounting holds its updates back, and the complete Today
            # then reached the terminal only with a later full repaint.
            self.call_later(self._push_today)
        else:
            # Launched straight into a session (walk, stretch), Today is built when the
            # session ends: the session starts sooner and the app holds one screen.
            self._show_notices()
        self._check_size()
        self._catch_end_signals()
        if isinstance(self.clock, SystemClock):
            self.set_interval(WATCH_SECONDS, self.watch)
            self.set_interval(NUDGE_SECONDS, self.check_nudges)
        self.call_after_refresh(self._start_requested)

    def _push_today(self) -> None:
        self.push_screen(self._new_today())
        self._show_notices()

    def _start_requested(self) -> None:
        # Everything loaded so far (Textual, years of records) lives as long as the app:
        # keep it out of the garbage collector's way, which the session timer feels. The
        # collector was off while starting (commands/app.py) and is needed from now on.
        gc.freeze()
        gc.enable()
        # A walk or stretch asked for on the command line still offers an interrupted
        # session first: starting anew would leave that one behind, its progress unseen.
        request = self.start_request
        if request.walk_minutes is not None:
            minutes = request.walk_minutes
            self.offer_resume(otherwise=lambda: self.start_walk(minutes))
        elif request.routine is not None:
            routine = request.routine
            self.offer_resume(otherwise=lambda: self.start_routine(routine))
        else:
            self.offer_resume()

    def _remember_theme(self, theme: Theme) -> None:
        if self._journal is not None:
            save_or_say(self, lambda: self.journal.set_setting(THEME_SETTING, theme.name))

    # -- text ----------------------------------------------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, the screens' and Textual's own, passes here: its text is
        cleaned of control characters (it may quote a path, an id or an error). Callers
        quoting such text pass ``markup=False``; a message that is meant as markup but
        does not parse is shown as text rather than stopping the app when it is drawn (a
        net for Textual's own notices; the screenshot notice, which quoted a path in
        markup, is the app's own: ``_screenshot_saved``)."""
        message = plain(message)
        if markup:
            try:
                Content.from_markup(message)
            except MarkupError:
                markup = False
        super().notify(
            message, title=one_line(title), severity=severity, timeout=timeout, markup=markup
        )

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        # Textual's own notice puts the path into markup: brackets in a folder's name would
        # vanish, turn bold or become a link to an action. This one says the same as text.
        if event.name != "screenshot":
            return
        event.prevent_default()
        where = "" if event.path is None else f" to {str(event.path)!r}"
        self.notify(f"Saved screenshot{where}", title="Screenshot", markup=False)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's line: a screen's sub-title may be a routine's name from a file."""
        return super().format_title(one_line(title), one_line(sub_title))

    # -- signals -----------------------------------------------------------------------------
    def _catch_end_signals(self, catch: bool = True) -> None:
        try:
            loop = asyncio.get_running_loop()
            for number in END_SIGNALS:
                if catch:
                    loop.add_signal_handler(number, self._ended_by_signal)
                else:
                    loop.remove_signal_handler(number)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # no signals here (Windows, or not the main thread): the periodic save stays

    def _ended_by_signal(self) -> None:
        from recovery_tui.screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.interrupt()
        self.exit()

    def on_unmount(self) -> None:
        self._catch_end_signals(False)
        if self._speaker is not None:
            self._speaker.close()

    # -- time --------------------------------------------------------------------------------
    def watch(self) -> None:
        """Midnight, another copy's writes, and damaged files found since start-up."""
        if self._journal is None:
            return
        self._show_notices()
        if self.check_day_rollover():
            return
        if self.journal.changed_elsewhere(self.current_day):
            # Only what is on screen; a covered Today refreshes when it shows again.
            self.screen.post_message(RecordsChanged())

    def check_nudges(self) -> None:
        """Show each reminder due now as a notification, once (``recovery-tui remind``
        shares what was sent); none while a session runs, they wait for its end."""
        from recovery_tui.screens.session import SessionScreen
        from recovery_tui.services.reminders import take_due

        if self._journal is None or any(
            isinstance(s, SessionScreen) and s.running for s in self.screen_stack
        ):
            return
        # Another copy's writes first: reading the day below marks them as seen.
        self.watch()
        try:
            due = take_due(self.journal, self.clock)
        except JournalError:
            return  # the day cannot be read or saved: Today says so; nudges wait
        for reminder in due:
            self.notify(reminder.body, title=reminder.title, timeout=NUDGE_TIMEOUT, markup=False)

    def check_day_rollover(self) -> bool:
        """Move every screen to the new day after midnight; True when it rolled over."""
        now_day = today(self.clock)
        if now_day == self.current_day:
            return False
        self.current_day = now_day
        for screen in self.screen_stack:
            screen.post_message(DayChanged(now_day))
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
        screen = self.screen
        if isinstance(screen, RecoveryScreen):
            return action not in screen.hidden_app_actions()
        if isinstance(screen, ModalScreen):
            # Over a dialog, no key that opens another: they wait for it to close (the
            # footer under a day detail offered c, which did nothing there).
            return action not in SCREEN_ACTIONS
        return True

    # -- screens -------------------------------------------------------------------------
    async def _replace_screen(self, screen: Screen[object]) -> Screen[object]:
        """A screen closed while it is still being built (a key read together with the
        one that opened it) is taken down only once it has mounted. Textual would remove
        its parts first, and the screen's own on_mount, looking them up, would stop the
        app with NoMatches (found by the stress test: History closed as it opened;
        reproduced in tests/reliability/test_rel_textual_mount.py). The screen is already
        off the stack: only its removal waits, at most ``MOUNT_WAIT_SECONDS``. Work put off
        past mounting is not covered: Header fills in its title from watchers that run
        later, so every screen uses TitleBar, which guards its lookup."""
        mounted = getattr(screen, "_mounted_event", None)
        if isinstance(mounted, asyncio.Event):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(mounted.wait(), MOUNT_WAIT_SECONDS)
        return await super()._replace_screen(screen)

    def _new_today(self) -> TodayScreen:
        from recovery_tui.screens.today import TodayScreen

        return TodayScreen(self.journal, self.clock, self.current_day)

    def _today_screen(self) -> TodayScreen | None:
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
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(self._new_today())

    def action_history(self) -> None:
        from recovery_tui.screens.history import HistoryScreen

        if isinstance(self.screen, HistoryScreen):
            return
        self._pop_to_today()
        self.push_screen(HistoryScreen(self.journal, self.current_day))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for title, help_text, run in (
            ("Log a run", "Record a run or a race", self.action_log_run),
            ("Check-in", "Record soreness, sleep and energy", self.action_checkin),
            ("Start a walk", "A 10-15 minute walk timer", self.action_walk),
            ("Start the stretch session", "Guided 30 minutes, adapted", self.action_stretch),
            ("Choose a routine", "Every routine, built-in or your own", self.action_routines),
            ("Sessions start in mat mode: on/off", "Big countdown", self.toggle_mat_mode_setting),
            ("Undo the last logged run", "Remove a run logged by mistake", self.undo_last_run),
            (
                "Distances in km or miles",
                "Switch how distances are shown",
                self.switch_distance_unit,
            ),
            ("History", "The past week and before", self.action_history),
            ("Today", "Back to today's plan", self.action_today),
            ("Help", "Keys and a short how-to", self.action_help),
        ):
            yield SystemCommand(title, help_text, run)
        # Textual's own "Keys" panel says less than our Help (? or F1): one help in the list.
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

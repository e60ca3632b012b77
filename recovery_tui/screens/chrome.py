"""Pieces every full screen shares: the base screen, the messages the app sends to screens,
the 'terminal too small' notice, and saving with a word to the user when it fails."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar, Protocol, runtime_checkable

from textual.events import DescendantBlur, ScreenResume
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from recovery_tui.app_limits import MIN_HEIGHT, MIN_WIDTH, NARROW_WIDTH
from recovery_tui.services.journal import JournalError


@runtime_checkable
class HoldsTyping(Protocol):
    """A dialog whose typed values quitting would lose (the check-in, the run log)."""

    def unsaved(self) -> str | None:
        """What would be lost, as the subject of a sentence; None when nothing is."""
        ...


class DayChanged(Message, bubble=False):
    """Midnight passed while the app was open: show ``day`` from now on."""

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day


class RecordsChanged(Message, bubble=False):
    """Another copy of the program (the command line, a second app) saved something."""


class SessionClosed(Message):
    """The session screen is done with (ended and left, stopped, or never started): the app
    shows Today."""


def quitting(screen: Screen[object]) -> bool:
    """The app was told to quit (a terminal closed, a signal) as ``screen`` opened: Textual
    then mounts none of its widgets, so there is nothing on it to set up or focus."""
    return screen.app.return_code is not None


class RecoveryScreen(Screen[None]):
    """A full screen of the app. It says which of the app's keys make no sense on it (they
    leave the footer and do nothing), and handles the app's messages.

    Its layout follows the terminal: the classes ``-narrow`` (below ``NARROW_WIDTH``) and
    ``-too-small`` are worked out from the size each time the screen is shown or resized,
    so a screen covered during a resize never keeps the layout of a size gone by. Too
    small, the layout is hidden and Textual takes the focus from what it hides; when the
    screen fits again the focus goes back where it was."""

    _shown_before = False
    _focus_before_small: Widget | None = None
    # What the store had to mend may be shown over it in a dialog.
    SHOWS_NOTICES: ClassVar[bool] = True

    def on_mount(self) -> None:
        if not quitting(self):
            self.fit_size()

    def on_screen_resume(self, event: ScreenResume) -> None:
        if not self._shown_before:
            # Textual styles every widget again each time a screen is shown; the first
            # time, they were styled as they mounted a moment ago (a quarter of the time
            # Today's first frame took).
            self._shown_before = True
            event.refresh_styles = False
        self.fit_size()

    def on_resize(self) -> None:
        self.fit_size()

    def fit_size(self) -> None:
        width, height = self.app.size
        self.set_class(width < NARROW_WIDTH, "-narrow")
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        if too_small and not self.query_children(TooSmall):
            # Built the first time the terminal is too small, which most never are.
            self.mount(TooSmall())
        was_small = self.has_class("-too-small")
        self.set_class(too_small, "-too-small")
        if was_small and not too_small:
            # After the refresh that shows the layout again: focusing a widget still
            # hidden would be undone as it hides.
            self.call_after_refresh(self._refocus)

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        if self.has_class("-too-small") and self.focused is None:
            # The focus the hidden layout lost. Not read from ``focused`` as the screen
            # shrinks: opened too small, a screen holds there what Textual focused before
            # the screen focused its own choice (on Today, the task list's scroll area).
            self._focus_before_small = event.widget

    def _refocus(self) -> None:
        if self.has_class("-too-small"):
            return  # small again already: the focus it had is still the one to restore
        widget, self._focus_before_small = self._focus_before_small, None
        # Not only when nothing has the focus: shown again after another screen, Textual
        # gives it to the first widget that takes it (on Today, the task list's scroll
        # area rather than a task).
        if widget is not None and widget.is_attached and widget.screen is self:
            widget.focus(scroll_visible=False)
        else:
            self.focus_default()

    def focus_default(self) -> None:
        """Focus what the screen focuses when it opens, unless it has that already."""
        if self.focused is None:
            self.focus_next()

    def hidden_app_actions(self) -> frozenset[str]:
        return frozenset()

    def show_day(self, day: date) -> None:
        """Show ``day`` (after midnight) or the same day afresh (after another copy wrote)."""

    def on_day_changed(self, message: DayChanged) -> None:
        self.show_day(message.day)

    def on_records_changed(self, message: RecordsChanged) -> None:
        self.show_day(self.app_day())

    def app_day(self) -> date:
        """The day the app is showing, kept by each screen from what the app told it."""
        raise NotImplementedError


class TooSmall(Static):
    """Shown instead of the layout when the terminal is smaller than the app needs."""

    def __init__(self) -> None:
        super().__init__(
            f"Terminal too small.\nrecovery-tui needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\n"
            "Make the window larger, or press ctrl+q to quit.",
            classes="too-small",
            markup=False,
        )


class Notifies(Protocol):
    """The app or a widget: anything that can show a notification."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


def save_or_say(node: Notifies, write: Callable[[], object], what: str = "your change") -> bool:
    """Run a write; when the store refuses, tell the user in words and return False."""
    try:
        write()
    except JournalError as error:
        say_not_saved(node, error, what)
        return False
    return True


def say_not_saved(node: Notifies, error: JournalError, what: str) -> None:
    node.notify(
        f"Not saved: {error}",
        title=f"Could not save {what}",
        severity="error",
        timeout=20,
        markup=False,
    )

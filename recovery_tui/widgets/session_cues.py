"""What a session does at each change: which cues are on, and the desktop notification
(its escape sequence lives in ``domain.terminal_notification``, shared with ``remind``)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from recovery_tui.domain.terminal_notification import notification_sequence
from recovery_tui.services.terminal_notify import write_to_tty


@dataclass(frozen=True, slots=True)
class Cue:
    setting: str  # key in the store's settings
    key: str  # key on the session screen that turns it on or off
    label: str
    title: str  # in the footer
    tooltip: str


BELL = Cue("cue_bell", "b", "bell", "Bell", "Bell at each change on/off")
FLASH = Cue("cue_flash", "f", "flash", "Flash", "Flash at each change on/off")
NOTIFY = Cue(
    "cue_notify",
    "d",
    "desktop notification",
    "Notify",
    "Desktop notification at each change on/off",
)
CUES = (BELL, FLASH, NOTIFY)


FLASH_SECONDS = 0.5


class CueLine(Static):
    """Which cues are on (and the keys that switch them), and playing them at a change."""

    enabled: reactive[frozenset[str]] = reactive(frozenset(), init=False)

    def watch_enabled(self, enabled: frozenset[str]) -> None:
        parts = [f"{cue.label} {'on' if cue.setting in enabled else 'off'}" for cue in CUES]
        keys = " / ".join(cue.key for cue in CUES)
        self.update(Content(f"At each change: {'  ·  '.join(parts)}   ({keys} to switch)"))

    def play(self, label: str) -> None:
        """Ring, flash the screen and send a desktop notification naming ``label``, as
        far as each is on."""
        if BELL.setting in self.enabled:
            self.app.bell()
        if FLASH.setting in self.enabled:
            screen = self.screen
            screen.add_class("-flash")
            self.set_timer(FLASH_SECONDS, lambda: screen.remove_class("-flash"))
        if NOTIFY.setting in self.enabled:
            sequence = notification_sequence("recovery-tui", label, os.environ)
            if sequence is not None:
                self.write_to_terminal(sequence)

    def write_to_terminal(self, sequence: str) -> None:
        """Send an escape sequence to the user's terminal (not when headless or served)."""
        if not self.app.is_headless and not self.app.is_web:
            write_to_tty(sequence)

"""What a session does at each change: which cues are on, and the desktop notification.

Desktop notifications are escape sequences the terminal turns into a system notification.
Terminals disagree on which one they understand and print garbage for the others, so a
sequence is only sent where the environment names a terminal known to take it; elsewhere
(including inside tmux, which drops them unless passthrough is configured) nothing is sent.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

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


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# OSC 9 (iTerm2's) takes one text; OSC 777 (urxvt's, adopted by VTE, foot, Ghostty,
# WezTerm) takes a title and a body; OSC 99 is kitty's own.
_OSC9_PROGRAMS = frozenset({"iTerm.app"})
_OSC777_PROGRAMS = frozenset({"ghostty", "WezTerm"})
_VTE_WITH_NOTIFY = 4600  # older VTE printed OSC 777 as text


def _clean(text: str, separator: str = "") -> str:
    text = _UNSAFE.sub(" ", text)
    return text.replace(separator, ",") if separator else text


def notification_sequence(title: str, body: str, env: Mapping[str, str]) -> str | None:
    """The escape sequence that shows a desktop notification in this terminal, or None."""
    if env.get("TMUX"):
        return None
    program = env.get("TERM_PROGRAM", "")
    term = env.get("TERM", "")
    if program in _OSC9_PROGRAMS:
        return f"\x1b]9;{_clean(title)}: {_clean(body)}\x07"
    if env.get("KITTY_WINDOW_ID") or term == "xterm-kitty":
        return f"\x1b]99;;{_clean(title)}: {_clean(body)}\x1b\\"
    vte = env.get("VTE_VERSION", "")
    if (
        program in _OSC777_PROGRAMS
        or term.startswith(("rxvt", "foot"))
        or (vte.isdigit() and int(vte) >= _VTE_WITH_NOTIFY)
    ):
        return f"\x1b]777;notify;{_clean(title, ';')};{_clean(body, ';')}\x07"
    return None

"""What a session does at each change: which cues are on, and the desktop notification
(its escape sequence lives in ``domain.terminal_notification``, shared with ``remind``)."""

from __future__ import annotations

from dataclasses import dataclass

from recovery_tui.domain.terminal_notification import (
    notification_sequence as notification_sequence,
)


@dataclass(frozen=True, slots=True)
class Cue:
    setting: str  # key in the store's settings
    key: str  # key on the session screen that turns it on or off
    label: str


BELL = Cue("cue_bell", "b", "bell")
FLASH = Cue("cue_flash", "f", "flash")
NOTIFY = Cue("cue_notify", "d", "desktop notification")
CUES = (BELL, FLASH, NOTIFY)

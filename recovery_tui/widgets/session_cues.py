"""What a session does at each change: which cues are on, the desktop notification (its
escape sequence lives in ``domain.terminal_notification``, shared with ``remind``) and the
spoken cue (``services.speech``; the phrase itself comes from the session runner)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from recovery_tui.domain.terminal_notification import notification_sequence
from recovery_tui.services.journal import Journal
from recovery_tui.services.speech import SETTING_COMMAND, Speaker
from recovery_tui.services.terminal_notify import write_to_tty


@dataclass(frozen=True, slots=True)
class Cue:
    setting: str  # key in the store's settings
    key: str  # key on the session screen that turns it on or off
    label: str
    title: str  # in the help screen's list of keys
    tooltip: str
    default: bool = True  # before the user ever switched it


BELL = Cue("cue_bell", "b", "bell", "Bell", "Bell at each change on/off")
FLASH = Cue("cue_flash", "f", "flash", "Flash", "Flash at each change on/off")
NOTIFY = Cue(
    "cue_notify",
    "d",
    "desktop notification",
    "Notify",
    "Desktop notification at each change on/off",
)
# Off until asked for: a voice from the laptop surprises anyone who did not.
SPEECH = Cue("cue_speech", "v", "voice", "Voice", "Spoken cues (step, side, 3-2-1) on/off", False)
CUES = (BELL, FLASH, NOTIFY, SPEECH)

FLASH_SECONDS = 0.5
VOICE_ON = "Spoken cues on."


class SharedSpeaker:
    """One speaker for the whole app, built the first time a phrase is said: a missing
    speech command is then reported once (a sentence for ``tell``), and only to someone
    who turned the voice on. ``template`` reads the ``speech_command`` setting."""

    def __init__(self, template: Callable[[], object], tell: Callable[[str], None]) -> None:
        self._template = template
        self._tell = tell
        self._speaker: Speaker | None = None

    @classmethod
    def for_journal(cls, journal: Journal, tell: Callable[[str], None]) -> SharedSpeaker:
        return cls(lambda: journal.setting(SETTING_COMMAND), tell)

    def __call__(self) -> Speaker:
        if self._speaker is None:
            template = self._template()
            self._speaker = Speaker.from_settings(
                template if isinstance(template, str) else None, self._problem
            )
        return self._speaker

    def _problem(self, problem: str) -> None:
        self._tell(
            f"Spoken cues cannot be played: {problem} (setting '{SETTING_COMMAND}', for "
            "example 'espeak-ng -s 140 {text}'). The bell and the other cues go on."
        )

    def close(self) -> None:
        if self._speaker is not None:
            self._speaker.close()


class CueLine(Static):
    """Which cues are on (and the keys that switch them), and playing them."""

    enabled: reactive[frozenset[str]] = reactive(frozenset(), init=False)

    def __init__(self, speaker: Callable[[], Speaker], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._speaker = speaker

    def watch_enabled(self, enabled: frozenset[str]) -> None:
        # Each cue with its key: this line is where they are learned (the footer leaves
        # them out to fit 80 columns).
        parts = [
            Content.assemble(
                (cue.key, "bold"), f" {cue.label} {'on' if cue.setting in enabled else 'off'}"
            )
            for cue in CUES
        ]
        self.update(Content.assemble("Cues: ", Content(" · ").join(parts)))

    def toggle(self, setting: str) -> bool:
        """Turn one cue on or off (and say so); returns whether it is now on."""
        cue = next(c for c in CUES if c.setting == setting)
        on = setting not in self.enabled
        self.enabled = self.enabled | {setting} if on else self.enabled - {setting}
        self.notify(f"{cue.label.capitalize()} at each change: {'on' if on else 'off'}.", timeout=3)
        if on and cue is SPEECH:
            # Heard at once when it works; a missing command is told now, not at a change.
            self._speaker().say(VOICE_ON)
        return on

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

    def say(self, phrase: str | None) -> None:
        """Speak ``phrase`` when the voice is on; returns at once (a child process talks)."""
        if phrase and SPEECH.setting in self.enabled:
            self._speaker().say(phrase)

    def write_to_terminal(self, sequence: str) -> None:
        """Send an escape sequence to the user's terminal (not when headless or served)."""
        if not self.app.is_headless and not self.app.is_web:
            write_to_tty(sequence)

"""Say a phrase through a text-to-speech command, without ever making the caller wait.

The command is the user's own (the ``speech_command`` setting, a template such as
``espeak-ng -v en-gb -s 140 {text}``) or the first of ``espeak-ng``, ``spd-say`` and ``say``
found on the PATH. The phrase is always one argument of its own: the template is split
like a shell line but never run through a shell, so nothing in a routine's name can become
a command. Each phrase starts a process and returns at once; a new phrase stops one still
speaking, so the cues never queue up behind the timer. A missing or failing command is
reported once through ``on_problem`` and speech stops; the caller's bell goes on.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
from collections.abc import Callable, Sequence

from recovery_tui.domain.spoken import speakable
from recovery_tui.domain.text import plain

SETTING_COMMAND = "speech_command"
"""Settings key: a command template, '' or absent for the first one found."""
PLACEHOLDER = "{text}"
KNOWN_COMMANDS: tuple[tuple[str, ...], ...] = (("espeak-ng",), ("spd-say",), ("say",))

Which = Callable[[str], str | None]


class SpeechSetupError(ValueError):
    """The user's command template cannot be used (said in words)."""


def parse_template(template: str) -> tuple[str, ...]:
    """The words of a command template; the phrase goes where ``{text}`` is, else last."""
    if plain(template) != template:
        raise SpeechSetupError("the speech command has control characters (an escape?)")
    try:
        words = tuple(shlex.split(template))
    except ValueError as error:
        raise SpeechSetupError(f"the speech command cannot be read: {error}") from None
    if not words:
        raise SpeechSetupError("the speech command is empty")
    if PLACEHOLDER in words[0]:
        raise SpeechSetupError("the speech command must start with a program, not {text}")
    return words


def find_command(template: str | None = None, which: Which = shutil.which) -> tuple[str, ...]:
    """The command to run: the user's template, else the first known one installed.

    Raises ``SpeechSetupError`` when there is none, with a sentence to show the user."""
    if template and template.strip():
        return parse_template(template)
    for words in KNOWN_COMMANDS:
        if which(words[0]):
            return words
    names = ", ".join(words[0] for words in KNOWN_COMMANDS)
    raise SpeechSetupError(f"no speech command found ({names}); set one in the settings")


def command_line(words: Sequence[str], text: str) -> list[str]:
    """The argument list that says ``text``: the phrase replaces ``{text}`` or comes last."""
    phrase = speakable(text)
    if any(PLACEHOLDER in word for word in words):
        return [word.replace(PLACEHOLDER, phrase) for word in words]
    return [*words, phrase]


class Speaker:
    """Speaks phrases one at a time in a child process; never blocks, never raises."""

    def __init__(
        self,
        words: Sequence[str] | None,
        on_problem: Callable[[str], None],
        *,
        setup_problem: str | None = None,
    ) -> None:
        self._words = tuple(words) if words else ()
        self._on_problem = on_problem
        self._current: subprocess.Popen[bytes] | None = None
        self._stopped: list[subprocess.Popen[bytes]] = []
        self._broken = False
        if setup_problem is not None or not self._words:
            self._report(setup_problem or "no speech command")

    @classmethod
    def from_settings(
        cls,
        template: str | None,
        on_problem: Callable[[str], None],
        which: Which = shutil.which,
    ) -> Speaker:
        """A speaker for the ``speech_command`` setting (or the first command found); when
        there is none, ``on_problem`` hears why, once, and ``say`` does nothing."""
        try:
            return cls(find_command(template, which), on_problem)
        except SpeechSetupError as error:
            return cls(None, on_problem, setup_problem=str(error))

    @property
    def available(self) -> bool:
        return not self._broken

    @property
    def speaking(self) -> bool:
        return self._current is not None and self._current.poll() is None

    def say(self, text: str) -> None:
        """Start saying ``text``, stopping a phrase still being said."""
        self._reap()
        if self._broken:
            return
        self._interrupt()
        if self._broken or not speakable(text):
            return
        try:
            self._current = subprocess.Popen(
                command_line(self._words, text),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl+C meant for the app is not the speaker's
            )
        except OSError as error:
            self._report(f"the speech command {self._words[0]!r} cannot run: {error.strerror}")

    def close(self) -> None:
        """Stop any phrase still being said (the app is quitting)."""
        self._interrupt()
        self._reap()

    def _interrupt(self) -> None:
        current, self._current = self._current, None
        if current is None:
            return
        code = current.poll()
        if code is None:
            with contextlib.suppress(ProcessLookupError):
                current.terminate()
            self._stopped.append(current)
        elif code != 0:
            self._report(f"the speech command {self._words[0]!r} failed (exit status {code})")

    def _reap(self) -> None:
        # Collect the stopped ones that have ended; the others are looked at next time.
        self._stopped = [proc for proc in self._stopped if proc.poll() is None]
        if self._current is not None and self._current.poll() not in (None, 0):
            self._interrupt()

    def _report(self, problem: str) -> None:
        if self._broken:
            return
        self._broken = True
        self._on_problem(problem)

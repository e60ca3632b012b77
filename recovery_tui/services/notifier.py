"""Send a reminder where a person will see it: a desktop notification through
``notify-send`` when there is a desktop session, else the terminal's own notification
sequence written to the controlling terminal, else nowhere (and say so).

Run from cron or a systemd timer there is usually neither a terminal nor, unless the
environment passes ``DISPLAY`` or ``WAYLAND_DISPLAY`` on, a desktop: the caller learns that
nothing was delivered and can tell the user how to fix it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Collection, Iterable, Mapping
from enum import StrEnum
from typing import Protocol, TextIO

from recovery_tui.domain.nudges import Reminder
from recovery_tui.domain.terminal_notification import notification_sequence
from recovery_tui.domain.text import one_line

APP_NAME = "recovery-tui"
NOTIFY_SEND_TIMEOUT = 5.0


class Delivery(StrEnum):
    DESKTOP = "desktop"
    TERMINAL = "terminal"
    NONE = "none"


class Notifier(Protocol):
    def send(self, title: str, body: str) -> Delivery: ...


def has_desktop(env: Mapping[str, str]) -> bool:
    return bool(env.get("WAYLAND_DISPLAY") or env.get("DISPLAY"))


def _open_tty() -> TextIO:
    return open("/dev/tty", "w", encoding="utf-8")


class SystemNotifier:
    """The real one; each way out is injectable so tests never reach the desktop."""

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        which: Callable[[str], str | None] = shutil.which,
        run: Callable[..., subprocess.CompletedProcess[bytes]] = subprocess.run,
        open_tty: Callable[[], TextIO] = _open_tty,
    ) -> None:
        self._env = os.environ if env is None else env
        self._which = which
        self._run = run
        self._open_tty = open_tty

    def send(self, title: str, body: str) -> Delivery:
        title, body = one_line(title), one_line(body)
        if self._desktop(title, body):
            return Delivery.DESKTOP
        sequence = notification_sequence(title, body, self._env)
        if sequence is not None:
            try:
                with self._open_tty() as tty:
                    tty.write(sequence)
                    tty.flush()
            except OSError:
                return Delivery.NONE  # no controlling terminal (cron, a service)
            return Delivery.TERMINAL
        return Delivery.NONE

    def _desktop(self, title: str, body: str) -> bool:
        program = self._which("notify-send") if has_desktop(self._env) else None
        if program is None:
            return False
        # "--": a title starting with a dash is text, not an option
        command = [program, f"--app-name={APP_NAME}", "--", title, body]
        try:
            result = self._run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=NOTIFY_SEND_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return False
        return result.returncode == 0


def send_reminders(
    reminders: Iterable[Reminder], notifier: Notifier, already_sent: Collection[str]
) -> list[tuple[Reminder, Delivery]]:
    """Send each reminder not sent before (by key); what was tried and where it went."""
    return [
        (reminder, notifier.send(reminder.title, reminder.body))
        for reminder in reminders
        if reminder.key not in already_sent
    ]

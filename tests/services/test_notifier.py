"""Reminders through a fake notifier over a day, and the real notifier's ways out with
notify-send, the terminal and the tty replaced by fakes."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from recovery_tui.domain.day import plan_for
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.nudges import due_reminders
from recovery_tui.domain.plan import STRETCH, WALKS
from recovery_tui.services.notifier import Delivery, SystemNotifier, send_reminders

ZONE = ZoneInfo("Europe/Paris")
RACE_DAY = date(2026, 11, 22)
RACE = Run(RACE_DAY, 21.1, 8, RunKind.RACE, None, "2026-11-22T11:00:00+00:00", "Europe/Paris")


class FakeNotifier:
    def __init__(self, delivery: Delivery = Delivery.DESKTOP) -> None:
        self.sent: list[tuple[str, str]] = []
        self.delivery = delivery

    def send(self, title: str, body: str) -> Delivery:
        self.sent.append((title, body))
        return self.delivery


def test_remind_every_half_hour_through_a_day() -> None:
    """cron every 30 min; the runner walks 20 min after each walk nudge, stretches at 18:00."""
    plan = plan_for(RACE_DAY + timedelta(days=2), [RACE])
    progress: dict[str, int] = {}
    notifier = FakeNotifier()
    sent_keys: set[str] = set()
    log: list[tuple[str, str]] = []
    for step in range(48):
        now = datetime.combine(plan.day, time(0), tzinfo=ZONE) + timedelta(minutes=30 * step)
        if now.time() == time(18):
            progress[STRETCH] = 1
        for reminder, delivery in send_reminders(
            due_reminders(plan, progress, now), notifier, sent_keys
        ):
            assert delivery is Delivery.DESKTOP
            sent_keys.add(reminder.key)
            log.append((f"{now:%H:%M}", reminder.title))
            if reminder.task_id == WALKS:
                progress[WALKS] = progress.get(WALKS, 0) + 1
    assert log == [
        ("10:30", "Walk 1 of 3"),
        ("14:30", "Walk 2 of 3"),
        ("17:00", "Time for the stretch"),
        ("19:00", "Walk 3 of 3"),
    ]
    assert len(notifier.sent) == len(log)


def test_remind_is_silent_once_the_walks_are_done() -> None:
    plan = plan_for(RACE_DAY + timedelta(days=1), [RACE])
    notifier = FakeNotifier()
    for hour in (9, 11, 15, 19, 20):
        now = datetime.combine(plan.day, time(hour), tzinfo=ZONE)
        send_reminders(due_reminders(plan, {WALKS: 3, STRETCH: 1}, now), notifier, set())
    assert notifier.sent == []


def test_a_reminder_already_sent_is_not_sent_again() -> None:
    plan = plan_for(RACE_DAY + timedelta(days=1), [RACE])
    now = datetime.combine(plan.day, time(19), tzinfo=ZONE)
    due = due_reminders(plan, {}, now)
    notifier = FakeNotifier()
    sent = send_reminders(due, notifier, {due[0].key})
    assert [r.key for r, _ in sent] == [r.key for r in due[1:]]


# -- the real notifier, its ways out faked ------------------------------------------------
class Runs:
    def __init__(self, returncode: int = 0, error: Exception | None = None) -> None:
        self.calls: list[Sequence[str]] = []
        self.returncode = returncode
        self.error = error

    def __call__(self, command: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        self.calls.append(command)
        assert kwargs.get("timeout") is not None  # never waits forever on a desktop bus
        if self.error is not None:
            raise self.error
        return subprocess.CompletedProcess(command, self.returncode)


class Tty(io.StringIO):
    def close(self) -> None:  # keep what was written readable after ``with``
        pass


def no_tty() -> io.StringIO:
    raise OSError(6, "No such device or address")


def which_notify_send(name: str) -> str | None:
    return "/usr/bin/notify-send" if name == "notify-send" else None


def test_desktop_session_uses_notify_send() -> None:
    runs = Runs()
    notifier = SystemNotifier({"DISPLAY": ":0"}, which=which_notify_send, run=runs, open_tty=no_tty)
    assert notifier.send("-Walk 1 of 3", "Walk 10–15 min.\x1b]0;x") is Delivery.DESKTOP
    (command,) = runs.calls
    assert command[0] == "/usr/bin/notify-send"
    assert command[-3:] == ["--", "-Walk 1 of 3", "Walk 10–15 min.]0;x"]


def test_wayland_alone_is_a_desktop() -> None:
    runs = Runs()
    notifier = SystemNotifier({"WAYLAND_DISPLAY": "wayland-0"}, which=which_notify_send, run=runs)
    assert notifier.send("Walk", "now") is Delivery.DESKTOP


@pytest.mark.parametrize(
    "runs", [Runs(returncode=1), Runs(error=subprocess.TimeoutExpired("notify-send", 5))]
)
def test_a_failing_notify_send_falls_back_to_the_terminal(runs: Runs) -> None:
    tty = Tty()
    env = {"DISPLAY": ":0", "TERM": "foot"}
    notifier = SystemNotifier(env, which=which_notify_send, run=runs, open_tty=lambda: tty)
    assert notifier.send("Walk 2 of 3", "due from 14:30; why") is Delivery.TERMINAL
    assert tty.getvalue() == "\x1b]777;notify;Walk 2 of 3;due from 14:30, why\x07"


def test_no_desktop_uses_the_terminal_sequence() -> None:
    tty = Tty()
    runs = Runs()
    env = {"TERM_PROGRAM": "iTerm.app"}
    notifier = SystemNotifier(env, which=which_notify_send, run=runs, open_tty=lambda: tty)
    assert notifier.send("Stretch", "by the evening") is Delivery.TERMINAL
    assert runs.calls == []
    assert tty.getvalue() == "\x1b]9;Stretch: by the evening\x07"


def test_no_terminal_from_cron_delivers_nothing() -> None:
    notifier = SystemNotifier({"TERM": "foot"}, which=which_notify_send, open_tty=no_tty)
    assert notifier.send("Walk", "now") is Delivery.NONE


def test_an_unknown_terminal_gets_no_garbage() -> None:
    tty = Tty()
    env = {"TERM": "xterm-256color"}
    notifier = SystemNotifier(env, which=lambda _: None, open_tty=lambda: tty)
    assert notifier.send("Walk", "now") is Delivery.NONE
    assert tty.getvalue() == ""


def test_without_notify_send_the_desktop_is_skipped() -> None:
    tty = Tty()
    env = {"DISPLAY": ":0", "TERM": "xterm-kitty"}
    notifier = SystemNotifier(env, which=lambda _: None, open_tty=lambda: tty)
    assert notifier.send("Walk", "now") is Delivery.TERMINAL
    assert tty.getvalue().startswith("\x1b]99;;Walk: now")

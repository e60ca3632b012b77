"""``status`` for a status bar or a prompt, and ``remind`` for cron or a systemd timer.

Both are run often and from scripts: they import only what they need, print nothing a bar
cannot show, and ``remind`` is silent unless something goes wrong (cron mails any output).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from recovery_tui.commands import common
from recovery_tui.commands.common import journal_for
from recovery_tui.commands.output import say, say_json, warn
from recovery_tui.domain.clock import today as today_of
from recovery_tui.paths import Dirs
from recovery_tui.services.user_settings import REMINDERS_SENT, reminders_sent, waking_day

if TYPE_CHECKING:
    from recovery_tui.services.notifier import Notifier


def notifier() -> Notifier:
    """Where reminders go (tests put a fake one here)."""
    from recovery_tui.services.notifier import SystemNotifier

    return SystemNotifier()


def status(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.nudges import status as status_of

    clock = common.system_clock()
    journal = journal_for(dirs, clock, read_only=True)
    view = journal.day_view()
    alarms = [alarm.message for alarm in view.alarms]
    data = status_of(view.plan, view.progress, clock.now(), waking_day(journal), alarms)
    if args.format == "json":
        say_json(json.dumps(data, ensure_ascii=False))  # one line: bars read a line each
    else:
        say(data["text"])
    return 0


NOWHERE = (
    "no desktop session and no terminal to show '{title}' on: from cron or a systemd timer, "
    "pass DISPLAY or WAYLAND_DISPLAY and DBUS_SESSION_BUS_ADDRESS to remind (see the README)"
)


def remind(args: argparse.Namespace, dirs: Dirs) -> int:
    from recovery_tui.domain.nudges import due_reminders, keys_of_day
    from recovery_tui.services.notifier import Delivery, send_reminders

    clock = common.system_clock()
    # Run by cron or a timer, unseen: it reads without mending or creating anything (a
    # damaged file is said on stderr, which cron mails), and opens for writing only to note
    # what it sent.
    journal = journal_for(dirs, clock, read_only=True)
    view = journal.day_view()
    due = due_reminders(view.plan, view.progress, clock.now(), waking_day(journal))
    sent_before = reminders_sent(journal)
    results = send_reminders(due, notifier(), sent_before) if due else []
    failed = False
    delivered: list[str] = []
    for reminder, delivery in results:
        if delivery is Delivery.NONE:
            warn(NOWHERE.format(title=reminder.title))
            failed = True
            continue
        delivered.append(reminder.key)
        if args.verbose:
            say(f"Sent '{reminder.title}' ({delivery.value}).")
    if args.verbose and not results:
        say("Nothing due now." if not due else "Already sent today.")
    # Only today's keys are worth keeping: tomorrow has keys of its own.
    keep = keys_of_day([*sent_before, *delivered], today_of(clock))
    if keep != sent_before:
        journal_for(dirs, clock).set_setting(REMINDERS_SENT, keep)
    return 1 if failed else 0

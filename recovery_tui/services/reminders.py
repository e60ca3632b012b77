"""Nudges through the day, for ``recovery-tui remind`` and for the open app alike: which
reminders are due now and not sent yet, and remembering those sent, so each nudge reaches
the user once whichever of the two sent it. The rules of when a task is due are
``domain.nudges``; this module only reads and writes the settings around them.
"""

from __future__ import annotations

from datetime import date, datetime

from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.nudges import (
    Reminder,
    WakingDay,
    due_reminders,
    keys_of_day,
    parse_waking_day,
)
from recovery_tui.services.journal import Journal

REMINDERS_SENT = "reminders_sent"
"""Settings key: the keys of the reminders sent today (earlier days are dropped)."""
WAKING_DAY_START = "waking_day_start"
WAKING_DAY_END = "waking_day_end"
"""Settings keys: "HH:MM", the hours in which reminders may be sent."""


def waking_day(journal: Journal) -> WakingDay:
    """The waking day from the settings; raises ValueError (a sentence) for a bad one."""
    start, end = journal.setting(WAKING_DAY_START), journal.setting(WAKING_DAY_END)
    return parse_waking_day(
        start if isinstance(start, str) else None, end if isinstance(end, str) else None
    )


def sent_keys(journal: Journal) -> list[str]:
    stored = journal.setting(REMINDERS_SENT, [])
    return [key for key in stored if isinstance(key, str)] if isinstance(stored, list) else []


def due_now(journal: Journal, now: datetime, hours: WakingDay | None = None) -> list[Reminder]:
    """The reminders due at local time ``now`` that were not sent yet (raises JournalError
    when the day cannot be read)."""
    view = journal.day_view(now.date())
    sent = set(sent_keys(journal))
    due = due_reminders(view.plan, view.progress, now, hours)
    return [reminder for reminder in due if reminder.key not in sent]


def mark_sent(journal: Journal, day: date, reminders: list[Reminder]) -> None:
    """Remember ``reminders`` as sent on ``day``; the keys of other days are dropped."""
    if reminders:
        kept = keys_of_day(sent_keys(journal), day)
        journal.set_setting(REMINDERS_SENT, kept + [r.key for r in reminders if r.key not in kept])


def take_due(journal: Journal, clock: Clock, hours: WakingDay | None = None) -> list[Reminder]:
    """The reminders to send now, already remembered as sent."""
    due = due_now(journal, clock.now(), hours)
    mark_sent(journal, today(clock), due)
    return due

"""Nudges while the app is open: the reminders due now that were not sent yet (by the app
or by ``recovery-tui remind``), and remembering those shown. When a task is due is
``domain.nudges``; the settings read here are the ones ``remind`` reads: the hours to nudge
in (``remind_from``, ``remind_until``) and the keys sent today (``reminders_sent``).
"""

from __future__ import annotations

from datetime import date

from recovery_tui.domain.clock import Clock, today
from recovery_tui.domain.nudges import Reminder, due_reminders, keys_of_day
from recovery_tui.services.journal import Journal
from recovery_tui.services.user_settings import REMINDERS_SENT, reminders_sent, waking_day


def mark_sent(journal: Journal, day: date, reminders: list[Reminder]) -> None:
    """Remember ``reminders`` as sent on ``day``; the keys of other days are dropped."""
    sent = reminders_sent(journal)
    keep = keys_of_day([*sent, *(r.key for r in reminders if r.key not in sent)], day)
    if keep != sent:
        journal.set_setting(REMINDERS_SENT, keep)


def take_due(journal: Journal, clock: Clock) -> list[Reminder]:
    """The reminders to show now, remembered as sent (raises JournalError when the day
    cannot be read or the setting saved)."""
    now = clock.now()
    view = journal.day_view(today(clock))
    sent = set(reminders_sent(journal))
    due = due_reminders(view.plan, view.progress, now, waking_day(journal))
    fresh = [reminder for reminder in due if reminder.key not in sent]
    mark_sent(journal, today(clock), fresh)
    return fresh

"""The settings around the nudges: what was sent today, and the waking day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pendulum
import pytest

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.nudges import Reminder, WakingDay
from recovery_tui.services.journal import Journal
from recovery_tui.services.reminders import mark_sent
from recovery_tui.services.user_settings import (
    REMIND_FROM,
    REMIND_UNTIL,
    REMINDERS_SENT,
    reminders_sent,
    waking_day,
)
from recovery_tui.store import Repository

DAY = date(2026, 11, 26)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 9, tz="Europe/Paris"))
    with Repository.open(tmp_path / "data", clock) as repo:
        yield Journal(repo, clock)


def reminder(key: str) -> Reminder:
    return Reminder(key, "walks", "Walk", "Walk 10–15 min.", time(10))


def test_sending_keeps_only_todays_keys(journal: Journal) -> None:
    journal.set_setting(REMINDERS_SENT, ["2026-11-25:walks:1", "2026-11-26:walks:1"])
    mark_sent(journal, DAY, [reminder("2026-11-26:walks:1"), reminder("2026-11-26:walks:2")])
    assert reminders_sent(journal) == ["2026-11-26:walks:1", "2026-11-26:walks:2"]


def test_nothing_new_only_drops_other_days(journal: Journal) -> None:
    journal.set_setting(REMINDERS_SENT, ["2026-11-25:walks:1", "2026-11-26:walks:1"])
    mark_sent(journal, DAY, [])
    assert reminders_sent(journal) == ["2026-11-26:walks:1"]


@pytest.mark.parametrize("stored", [None, "2026-11-26:walks:1", {"a": 1}, [1, None]])
def test_a_strange_stored_value_reads_as_nothing_sent(journal: Journal, stored: object) -> None:
    journal.set_setting(REMINDERS_SENT, stored)  # type: ignore[arg-type]
    assert reminders_sent(journal) == []


def test_the_waking_day_from_the_settings(journal: Journal) -> None:
    assert waking_day(journal) == WakingDay()
    journal.set_setting(REMIND_FROM, "06:30")
    assert waking_day(journal) == WakingDay(time(6, 30), WakingDay().end)
    journal.set_setting(REMIND_UNTIL, "05:00")  # before the start: no day at all
    assert waking_day(journal) == WakingDay(), "the usual hours rather than none"

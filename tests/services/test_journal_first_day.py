"""journal.history marks the days before the user's first record, whether that record is
a check-in, a ticked task or a run, and however the days asked for lie around it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from app_factory import fixed_clock

from recovery_tui.domain.models import Area, CheckIn, RunKind
from recovery_tui.domain.plan import WATER
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository

FIRST = date(2026, 11, 20)


def before_first(journal: Journal, start: date, end: date) -> list[date]:
    return [d.date for d in journal.history(start, end) if d.before_first]


def test_days_before_the_first_record_are_marked(tmp_path: Path) -> None:
    clock = fixed_clock()
    with Repository.open(tmp_path / "data", clock) as repo:
        journal = Journal(repo, clock)
        week = (FIRST - timedelta(days=3), FIRST + timedelta(days=3))
        # Nothing recorded yet: every day is before the first record.
        assert before_first(journal, *week) == [week[0] + timedelta(days=i) for i in range(7)]
        stamp, tz = journal.new_checkin_stamp()
        journal.save_checkin(CheckIn(FIRST, {Area.KNEES: 3}, stamp, tz))
        assert before_first(journal, *week) == [week[0] + timedelta(days=i) for i in range(3)]
        # A run logged later does not move the first record.
        journal.log_run(10, FIRST + timedelta(days=2), kind=RunKind.RACE)
        assert before_first(journal, *week) == [week[0] + timedelta(days=i) for i in range(3)]
        # A run logged for an earlier day does.
        journal.log_run(5, FIRST - timedelta(days=2))
        assert before_first(journal, *week) == [week[0]]
        # An earlier tick too; then days after it read nothing before the first record.
        journal.set_task(FIRST - timedelta(days=10), WATER, 2)
        assert before_first(journal, *week) == []
        later = (FIRST - timedelta(days=12), FIRST - timedelta(days=9))
        assert before_first(journal, *later) == [later[0], later[0] + timedelta(days=1)]

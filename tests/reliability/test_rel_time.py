"""Midnight, a daylight-saving change and a wall-clock jump, through an injected clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pendulum
import pytest
from app_factory import SIZE, make_app
from rel_support import cli

from recovery_tui.app import StartRequest
from recovery_tui.commands import common
from recovery_tui.domain.clock import FakeClock, today
from recovery_tui.domain.models import Area, RunKind, SessionStatus
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository

PARIS = "Europe/Paris"


def use_clock(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> None:
    """Every clock the CLI makes is this one instead."""
    monkeypatch.setattr(common, "system_clock", lambda: clock)


def test_cli_today_before_and_after_midnight(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 23, 59, 59, tz=PARIS))
    use_clock(monkeypatch, clock)
    args = ("log-run", "--distance-km", "21.1", "--kind", "race", "--date", "2026-11-25")
    assert cli(capsys, data_dir, *args)[0] == 0
    assert cli(capsys, data_dir, "checkin", "--sore", "ankles=4")[0] == 0
    code, before, _err = cli(capsys, data_dir, "today")
    assert code == 0 and "Thursday 26 November" in before and "Day 1 of 7" in before
    clock.advance(1)  # 00:00:00
    code, after, _err = cli(capsys, data_dir, "today")
    assert code == 0 and "Friday 27 November" in after and "Day 2 of 7" in after
    with Repository.open(data_dir, clock) as repo:
        # The check-in made one second before midnight keeps its day.
        assert repo.checkin(date(2026, 11, 26)) is not None
        assert repo.checkin(date(2026, 11, 27)) is None


def paris_from_utc(*args: int) -> pendulum.DateTime:
    return pendulum.datetime(*args, tz="UTC").in_tz(PARIS)


def test_a_checkin_in_the_repeated_hour_keeps_its_day(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2026-10-25: at 03:00 summer time Paris goes back to 02:00, so 02:30 happens twice.
    first = paris_from_utc(2026, 10, 25, 0, 30)
    second = paris_from_utc(2026, 10, 25, 1, 30)
    assert (first.hour, first.minute) == (second.hour, second.minute) == (2, 30)
    clock = FakeClock(first)
    use_clock(monkeypatch, clock)
    assert cli(capsys, data_dir, "checkin", "--sore", "ankles=5")[0] == 0
    clock.set(second)
    code, out, _err = cli(capsys, data_dir, "checkin", "--sore", "knees=3")
    assert code == 0 and "Updated the check-in for Sunday 25 October" in out
    with Repository.open(data_dir, clock) as repo:
        stored = repo.checkin(date(2026, 10, 25))
        assert stored is not None
        assert stored.soreness == {Area.ANKLES: 5, Area.KNEES: 3}
        assert stored.recorded_at.startswith("2026-10-25T01:30")  # UTC: no ambiguity
        assert repo.checkin(date(2026, 10, 24)) is None


def test_the_day_of_the_clock_change_lasts_25_hours_in_the_plan(tmp_path: Path) -> None:
    clock = FakeClock(paris_from_utc(2026, 10, 24, 22, 0))  # 00:00 on the 25th, summer time
    with Repository.open(tmp_path / "data", clock) as repo:
        journal = Journal(repo, clock)
        journal.log_run(21.1, date(2026, 10, 24), effort=8, kind=RunKind.RACE)
        days = []
        for _hour in range(26):
            day = today(clock)
            days.append(day)
            repo.bump_task(day, "hourly", 1, 0, 100)
            clock.advance(3600)
        assert days.count(date(2026, 10, 25)) == 25
        assert days[-1] == date(2026, 10, 26)
        on_the_day = journal.day_view(date(2026, 10, 25))
        after = journal.day_view(date(2026, 10, 26))
        assert on_the_day.plan.day_index == 1 and after.plan.day_index == 2
        # One count an hour: all 25 of that day's hours landed on it.
        assert repo.task_states(date(2026, 10, 25))["hourly"].count == 25
        assert repo.task_states(date(2026, 10, 26))["hourly"].count == 1


async def test_a_wall_clock_jump_during_a_walk_changes_nothing(tmp_path: Path) -> None:
    from recovery_tui.screens.session import SessionScreen

    clock = FakeClock(pendulum.datetime(2026, 11, 26, 9, 30, tz=PARIS))
    app = make_app(tmp_path, clock, start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None

        async def advance(seconds: float) -> None:
            clock.advance(seconds)
            screen.tick()  # type: ignore[attr-defined]
            await pilot.pause()

        await advance(5)  # get ready
        await advance(120)
        clock.jump_wall(-3600)  # NTP or the user sets the clock back an hour
        await advance(60)
        assert screen.runner.engine.remaining_total() == pytest.approx(7 * 60, abs=1)
        clock.jump_wall(2 * 3600)  # and forward two
        await advance(60)
        assert screen.runner.engine.remaining_total() == pytest.approx(6 * 60, abs=1)
        for _ in range(20):
            if screen.runner.engine.done:
                break
            await advance(60)
        assert screen.runner.engine.done
    with Repository.open(tmp_path / "data", clock) as repo:
        (record,) = repo.sessions(date(2026, 11, 26), date(2026, 11, 26))
    assert record.status is SessionStatus.COMPLETED
    assert record.actual_seconds == pytest.approx(10 * 60, abs=1)

"""Quitting mid-session keeps what was done; the next start offers to resume or discard."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from app_factory import NOW, SIZE, fixed_clock, make_app
from textual.widgets import Button

from recovery_tui.app import StartRequest
from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import RunKind, SessionRecord, SessionStatus, Side
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.screens.resume import ResumeScreen
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository

GET_READY = 5
FIRST, SECOND = stretch_30().steps[:2]
# The whole first stretch (both sides and the switch), then 55 s into the second's left side.
INTO_SECOND_STEP = FIRST.total_seconds + 55


def after_race(journal: Journal) -> None:
    journal.log_run(21.1, NOW.date() - timedelta(days=1), effort=9, kind=RunKind.RACE)


def stored(tmp_path: Path, clock: FakeClock) -> list[SessionRecord]:
    with Repository.open(tmp_path / "data", clock) as repo:
        return repo.sessions(NOW.date() - timedelta(days=1), NOW.date() + timedelta(days=1))


async def quit_half_way(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app(tmp_path, clock, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(GET_READY + INTO_SECOND_STEP)
        screen.tick()
        # Less than the periodic save interval later, so only quitting can save this bit.
        clock.advance(4)
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_quitting_mid_way_keeps_the_partial_session(tmp_path: Path) -> None:
    clock = fixed_clock()
    await quit_half_way(tmp_path, clock)

    (record,) = stored(tmp_path, clock)
    assert record.status is SessionStatus.RUNNING
    assert record.actual_seconds == pytest.approx(INTO_SECOND_STEP + 4)
    assert record.position == 1
    assert [(s.name, s.side, s.actual_seconds) for s in record.steps] == [
        (FIRST.name, Side.LEFT, FIRST.side_seconds),
        (FIRST.name, Side.RIGHT, FIRST.side_seconds),
        (SECOND.name, Side.LEFT, 59),
    ]
    with Repository.open(tmp_path / "data", clock) as repo:
        assert [s.id for s in repo.unfinished_sessions()] == [record.id]


async def test_next_start_resumes_at_the_right_step(tmp_path: Path) -> None:
    clock = fixed_clock()
    await quit_half_way(tmp_path, clock)

    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        steps = len(stretch_30().steps)
        assert f"step 2 of {steps}: {SECOND.name}" in str(
            app.screen.query_one("#resume-text").render()
        )
        await pilot.press("enter")  # Resume has the focus
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner is not None
        engine = screen.runner.engine
        assert engine is not None
        clock.advance(GET_READY)
        screen.tick()
        assert engine.current is not None
        assert engine.current.label == f"{SECOND.name} (left, 1 of {SECOND.reps})"
        assert screen.query_one("#session-steps").render()  # painted
        for _ in range(100):
            if engine.done:
                break
            clock.advance(300)
            screen.tick()
            await pilot.pause()
        assert engine.finished
        assert app.journal.day_view(app.current_day).progress[plan_rules.STRETCH] == 1

    (record,) = stored(tmp_path, clock)
    assert record.status is SessionStatus.COMPLETED
    names = [(s.name, s.side) for s in record.steps]
    assert names[:3] == [
        (FIRST.name, Side.LEFT),
        (FIRST.name, Side.RIGHT),
        (SECOND.name, Side.LEFT),
    ]
    sides = sum(2 if step.sides else 1 for step in stretch_30().steps)
    assert len(names) == sides, "the half-done side is done again, not listed twice"


async def test_discarding_an_interrupted_session(tmp_path: Path) -> None:
    clock = fixed_clock()
    await quit_half_way(tmp_path, clock)

    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.click("#discard")
        await pilot.pause()
        assert not isinstance(app.screen, ResumeScreen | SessionScreen)

    (record,) = stored(tmp_path, clock)
    assert record.status is SessionStatus.DISCARDED
    with Repository.open(tmp_path / "data", clock) as repo:
        assert repo.unfinished_sessions() == []


async def test_later_keeps_it_for_the_next_start(tmp_path: Path) -> None:
    clock = fixed_clock()
    await quit_half_way(tmp_path, clock)

    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ResumeScreen)

    (record,) = stored(tmp_path, clock)
    assert record.status is SessionStatus.RUNNING


async def test_a_session_whose_routine_is_gone_can_only_be_discarded(tmp_path: Path) -> None:
    clock = fixed_clock()

    def interrupted_custom(journal: Journal) -> None:
        journal.save_session(
            SessionRecord(
                id="gone-1",
                day=NOW.date(),
                routine_id="deleted-file",
                routine_name="Evening calves",
                kind="routine",
                status=SessionStatus.RUNNING,
                planned_seconds=95,
                actual_seconds=20,
                started_at="2026-11-26T08:00:00.000000Z",
                ended_at=None,
                tz="Europe/Paris",
            )
        )

    app = make_app(tmp_path, clock, fill=interrupted_custom)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ResumeScreen)
        assert dialog.query_one("#resume", Button).disabled
        assert "can no longer be found" in str(dialog.query_one("#resume-text").render())


async def test_older_interrupted_sessions_are_closed_as_stopped(tmp_path: Path) -> None:
    clock = fixed_clock()
    base = dict(
        routine_name="12-minute walk",
        kind="walk",
        status=SessionStatus.RUNNING,
        planned_seconds=720,
        actual_seconds=400,
        ended_at=None,
        tz="Europe/Paris",
        routine_id="walk-12",
    )

    def two_interrupted(journal: Journal) -> None:
        journal.save_session(
            SessionRecord(
                id="old", day=NOW.date(), started_at="2026-11-26T06:00:00.000000Z", **base
            )  # type: ignore[arg-type]
        )
        journal.save_session(
            SessionRecord(
                id="new", day=NOW.date(), started_at="2026-11-26T07:00:00.000000Z", **base
            )  # type: ignore[arg-type]
        )

    app = make_app(tmp_path, clock, fill=two_interrupted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert app.screen.record.id == "new"
        # Not silently: the older one's closing is said.
        said = [n.message for n in app._notifications]
        assert any("older unfinished session, 12-minute walk (06:40 of 12:00)" in m for m in said)

    by_id = {r.id: r.status for r in stored(tmp_path, clock)}
    assert by_id == {"old": SessionStatus.STOPPED, "new": SessionStatus.RUNNING}


CHILD = """
import asyncio, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from app_factory import fixed_clock, make_app
from recovery_tui.app import StartRequest

async def main() -> None:
    clock = fixed_clock()
    app = make_app(Path({tmp!r}), clock, start=StartRequest(routine="stretch-30"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.pause()
        clock.advance(5)  # the get-ready countdown ends: saved at the change
        app.screen.tick()
        clock.advance(7)  # less than the periodic save: only the signal can save this
        print("ready", flush=True)
        while app.is_running:
            await asyncio.sleep(0.05)

asyncio.run(main())
"""


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_a_signal_saves_the_session_before_leaving(tmp_path: Path, signal_name: str) -> None:
    number = getattr(signal, signal_name, None)
    if number is None:
        pytest.skip(f"no {signal_name} on this platform")
    tests = str(Path(__file__).parent.parent)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(tests=tests, tmp=str(tmp_path))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()  # type: ignore[union-attr]
        child.send_signal(number)
        child.wait(timeout=20)
    finally:
        child.kill()
    (record,) = stored(tmp_path, fixed_clock())
    assert record.status is SessionStatus.RUNNING
    assert record.actual_seconds == pytest.approx(7)


async def test_quitting_during_get_ready_leaves_nothing_to_resume(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        clock.advance(2)  # still counting down
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert stored(tmp_path, clock) == [], "nothing began: nothing is saved"
    with Repository.open(tmp_path / "data", clock) as repo:
        assert repo.unfinished_sessions() == []


async def test_a_stretch_asked_for_on_the_command_line_offers_the_interrupted_one_first(
    tmp_path: Path,
) -> None:
    clock = fixed_clock()
    await quit_half_way(tmp_path, clock)
    (interrupted,) = stored(tmp_path, clock)

    app = make_app(tmp_path, clock, start=StartRequest(routine="stretch-30"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        # Asked over Today, its header and keys, not over an empty screen.
        assert any(isinstance(s, TodayScreen) for s in app.screen_stack)
        await pilot.press("enter")  # Resume
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        assert screen.runner.engine.session_id == interrupted.id
    assert [s.id for s in stored(tmp_path, clock)] == [interrupted.id], "no second session"


@pytest.mark.parametrize(
    ("key", "status"), [("escape", SessionStatus.RUNNING), ("discard", SessionStatus.DISCARDED)]
)
async def test_a_walk_asked_for_starts_once_the_interrupted_one_is_left_or_discarded(
    tmp_path: Path, key: str, status: SessionStatus
) -> None:
    clock = fixed_clock()
    await quit_half_way(tmp_path, clock)
    (interrupted,) = stored(tmp_path, clock)

    app = make_app(tmp_path, clock, start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        if key == "discard":
            await pilot.click("#discard")
        else:
            await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        assert screen.runner.routine.total_seconds == 10 * 60
    by_id = {s.id: s for s in stored(tmp_path, clock)}
    assert by_id[interrupted.id].status is status

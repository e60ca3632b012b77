"""What the session runner tells the screen besides the view: the phrase to say at each
update, and when to look again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from app_factory import fixed_clock

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Side
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.spoken import COUNTDOWN, GET_READY, PAUSED, RESUMED, step_start
from recovery_tui.services.journal import Journal
from recovery_tui.services.session_runner import TICK_SECONDS, WAKE_MARGIN, SessionRunner
from recovery_tui.store import Repository

FIRST = stretch_30().steps[0]


@pytest.fixture
def clock() -> FakeClock:
    return fixed_clock()


@pytest.fixture
def runner(tmp_path: Path, clock: FakeClock) -> Iterator[SessionRunner]:
    with Repository.open(tmp_path / "data", clock) as repo:
        yield SessionRunner(Journal(repo, clock), clock, stretch_30(), clock.now().date())


def test_the_phrases_of_one_hold(runner: SessionRunner, clock: FakeClock) -> None:
    assert runner.start() == GET_READY
    clock.advance(5)
    assert runner.update().phrase == step_start(FIRST.name, Side.LEFT, FIRST.seconds)
    clock.advance(FIRST.seconds - 3.2)
    assert runner.update().phrase is None
    clock.advance(0.5)
    assert runner.update().phrase == COUNTDOWN
    clock.advance(0.5)
    assert runner.update().phrase is None, "once per hold"
    assert runner.toggle_pause() == PAUSED
    assert runner.toggle_pause() == RESUMED


def test_when_to_look_again(runner: SessionRunner, clock: FakeClock) -> None:
    runner.start()
    clock.advance(0.3)
    assert runner.wake_in() == pytest.approx(0.7 + WAKE_MARGIN), "as the shown second turns"
    clock.advance(0.6)
    assert runner.wake_in() == TICK_SECONDS, "never more often than four times a second"
    runner.toggle_pause()
    assert runner.wake_in() is None, "nothing to look at while paused"
    runner.toggle_pause()
    runner.stop()
    assert runner.wake_in() is None

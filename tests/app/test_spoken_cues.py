"""Spoken cues (v): what the session says and when, through a fake speech command that
logs each phrase; the timer keeps time however slow or missing the command is."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from app_factory import fixed_clock, make_app
from fake_speech import said, wait_for, write_fake_speaker
from session_pilot import GET_READY, advance, open_session

from recovery_tui.domain.models import Side
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.routines import SWITCH_SECONDS
from recovery_tui.domain.segments import SegmentKind
from recovery_tui.domain.spoken import (
    COUNTDOWN,
    PAUSED,
    RESUMED,
    SESSION_DONE,
    SWITCH_SIDES,
    segment_phrase,
    step_start,
)
from recovery_tui.domain.spoken import GET_READY as GET_READY_PHRASE
from recovery_tui.services.journal import Journal
from recovery_tui.services.speech import SETTING_COMMAND
from recovery_tui.widgets.session_cues import SPEECH, VOICE_ON

FIRST, SECOND = stretch_30().steps[:2]
SLOW = 5.0  # seconds the slow fake takes over each phrase


def voice_on(command: str) -> Callable[[Journal], None]:
    def fill(journal: Journal) -> None:
        journal.set_setting(SPEECH.setting, True)
        journal.set_setting(SETTING_COMMAND, command)

    return fill


async def test_the_voice_is_off_until_asked_for(tmp_path: Path) -> None:
    script, log = write_fake_speaker(tmp_path)
    clock = fixed_clock()

    def command_only(journal: Journal) -> None:
        journal.set_setting(SETTING_COMMAND, str(script))

    app = make_app(tmp_path, clock, fill=command_only)
    async with app.run_test() as pilot:
        screen = await open_session(pilot)
        await advance(pilot, clock, screen, GET_READY + FIRST.seconds)
        assert "voice off" in str(screen.query_one("#session-cues").render())
        await pilot.press("v")
        await pilot.pause()
        assert app.journal.flag(SPEECH.setting, False), "remembered in the settings"
        assert any("Voice at each change: on" in str(n.message) for n in app._notifications)
        wait_for(lambda: bool(said(log)))
        assert said(log) == [VOICE_ON], "heard at once, and nothing before"
        await advance(pilot, clock, screen, 5)  # the release ends: the second hold begins
        wait_for(lambda: len(said(log)) == 2)
        assert said(log)[1] == step_start(FIRST.name, Side.LEFT, FIRST.seconds)


async def test_what_is_said_at_each_moment(tmp_path: Path) -> None:
    """The moments: the start, each change (where a jump over several segments landed),
    "three, two, one" once near the end of a long hold, pause and resume, a skip, the end."""
    script, log = write_fake_speaker(tmp_path)
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=voice_on(str(script)))
    async with app.run_test() as pilot:
        heard: list[str] = []

        def hears(phrase: str) -> None:
            heard.append(phrase)
            wait_for(lambda: len(said(log)) >= len(heard))
            assert said(log) == heard

        screen = await open_session(pilot)
        assert screen.runner is not None
        hears(GET_READY_PHRASE)
        await advance(pilot, clock, screen, GET_READY)
        calf_left = step_start(FIRST.name, Side.LEFT, FIRST.seconds)
        hears(calf_left)
        await advance(pilot, clock, screen, FIRST.seconds - 3.5)
        await advance(pilot, clock, screen, 0.6)
        hears(COUNTDOWN)
        await advance(pilot, clock, screen, 1.0)

        await pilot.press("space")
        hears(PAUSED)
        await pilot.press("space")
        hears(RESUMED)

        await advance(pilot, clock, screen, 3.0)  # the first hold is over
        assert screen.runner.engine.current is not None
        assert screen.runner.engine.current.kind is SegmentKind.RELEASE
        hears(segment_phrase(screen.runner.engine.current))
        await advance(pilot, clock, screen, FIRST.release - 1.0)  # hold 2 of 3
        hears(calf_left)
        # hold 2, a release and hold 3 pass while nobody looks: said is where it landed
        await advance(pilot, clock, screen, 2 * FIRST.seconds + FIRST.release)
        hears(SWITCH_SIDES)
        await advance(pilot, clock, screen, SWITCH_SECONDS)
        hears(step_start(FIRST.name, Side.RIGHT, FIRST.seconds))

        await pilot.press("n")  # the rest of the stretch skipped
        hears(step_start(SECOND.name, Side.LEFT, SECOND.seconds))
        await pilot.press(*["n"] * (len(stretch_30().steps) - 1))
        await pilot.pause()
        assert screen.runner.engine.done
        wait_for(lambda: said(log)[-1:] == [SESSION_DONE])


async def test_a_slow_command_never_holds_the_timer(tmp_path: Path) -> None:
    script, log = write_fake_speaker(tmp_path, sleep=SLOW)
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=voice_on(str(script)))
    async with app.run_test() as pilot:
        screen = await open_session(pilot)
        assert screen.runner is not None
        engine = screen.runner.engine
        waits: list[float] = []
        # (time moved, phrases started by then): each one is begun while the one before
        # is still being said, five seconds long
        moves = ((GET_READY, 2), (FIRST.seconds - 2.5, 3), (2.5, 4), (FIRST.release, 5), (0.5, 5))
        started = 1  # "Get ready."
        for seconds, phrases in moves:
            wait_for(lambda n=started: len(said(log)) == n)
            started = phrases
            clock.advance(seconds)
            before = time.monotonic()
            screen.tick()
            waits.append(time.monotonic() - before)
            await pilot.pause()
        assert max(waits) < SLOW / 5, "each update returned long before a phrase could end"
        assert engine.elapsed_total() == pytest.approx(FIRST.seconds + FIRST.release + 0.5)
        assert engine.remaining_in_segment() == pytest.approx(FIRST.seconds - 0.5)
        wait_for(lambda: len(said(log)) == 5)
        await pilot.press(*["n"] * len(stretch_30().steps))
        await pilot.pause()
        assert engine.done
        wait_for(lambda: said(log)[-1:] == [SESSION_DONE])


async def test_a_missing_command_is_told_once_and_the_bell_goes_on(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=voice_on(str(tmp_path / "no-such-speaker")))
    async with app.run_test() as pilot:
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        screen = await open_session(pilot)
        assert screen.runner is not None
        for seconds in (GET_READY, FIRST.seconds, FIRST.release):
            await advance(pilot, clock, screen, seconds)
        assert len(bells) == 3, "a bell at each change"
        assert screen.runner.engine.elapsed_total() == pytest.approx(FIRST.seconds + FIRST.release)
        await pilot.press("escape", "escape")  # stop (asked once)
        await pilot.pause()
        again = await open_session(pilot)  # a second session: not told again
        await advance(pilot, clock, again, GET_READY)
        told = [n for n in app._notifications if "Spoken cues cannot be played" in n.message]
        assert len(told) == 1
        assert "no-such-speaker" in told[0].message


async def test_turning_the_voice_on_without_a_command_says_so_at_once(tmp_path: Path) -> None:
    def missing(journal: Journal) -> None:
        journal.set_setting(SETTING_COMMAND, str(tmp_path / "no-such-speaker"))

    app = make_app(tmp_path, fill=missing)
    async with app.run_test() as pilot:
        await open_session(pilot)
        await pilot.press("v")
        await pilot.pause()
        told = [n for n in app._notifications if "Spoken cues cannot be played" in n.message]
        assert len(told) == 1

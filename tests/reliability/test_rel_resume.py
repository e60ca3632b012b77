"""A saved session that cannot be shown never blocks start-up.

A custom routine whose name and steps hold markup and escape codes is run in the app, and
the app is killed with SIGKILL mid-session: the next start offers the session with its
text as written (brackets shown, escape codes gone), resumes it and finishes it. A record
whose steps do not match its routine any more, a routine that no longer loads and an
offer that cannot be described at all each still let the app start.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from app_factory import NOW, SIZE, fixed_clock, make_app
from shown_text import unsafe
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Static

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import SessionRecord, SessionStatus, Side, StepRecord
from recovery_tui.screens.resume import ResumeScreen
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal
from recovery_tui.services.session_runner import Sessions
from recovery_tui.store import Repository

NAME = "Calf [b]x10[/b] [/]\x1b[31m\x07 [@click=app.quit]"
STEP = "[red]Foam [/red] rolls [/b]\x1b]0;pwned\x07"
HOW = "Roll [link=x]slowly\x1b[2J"
NAME_SHOWN = "Calf [b]x10[/b] [/][31m [@click=app.quit]"
STEP_SHOWN = "[red]Foam [/red] rolls [/b]]0;pwned"
GET_READY = 5
DAY = NOW.date()
STAMP = "2026-11-26T08:00:00.000000Z"


def odd_routine(config: Path) -> None:
    folder = config / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    name, step, how = (json.dumps(text) for text in (NAME, STEP, HOW))
    (folder / "odd.toml").write_text(
        f"name = {name}\n"
        f"[[steps]]\nname = {step}\nseconds = 30\nsides = true\nhow = {how}\n"
        f'[[steps]]\nname = "Breathe [slowly]"\nseconds = 20\n',
        encoding="utf-8",
    )


def stored(data: Path, clock: FakeClock) -> list[SessionRecord]:
    with Repository.open(data, clock) as repo:
        return repo.sessions(DAY, DAY)


def shown(app: App[object]) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def settle(pilot: Pilot[object], times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


CHILD = """
import sys, time
sys.path.insert(0, {tests!r})
import asyncio
from pathlib import Path
from app_factory import fixed_clock, make_app
from recovery_tui.app import StartRequest

async def main() -> None:
    clock = fixed_clock()
    app = make_app(Path({tmp!r}), clock, start=StartRequest(routine="odd"))
    async with app.run_test() as pilot:
        for _ in range(3):
            await pilot.pause()
        clock.advance({get_ready} + 20)  # into the first step's left side: saved at the change
        app.screen.tick()
        await pilot.pause()
        print("ready", flush=True)
        while True:
            await asyncio.sleep(1)  # until killed

asyncio.run(main())
"""


@pytest.mark.slow
async def test_a_routine_with_markup_and_escape_codes_killed_mid_way_resumes_to_the_end(
    tmp_path: Path,
) -> None:
    odd_routine(tmp_path / "config")
    tests = str(Path(__file__).parent.parent)
    code = CHILD.format(tests=tests, tmp=str(tmp_path), get_ready=GET_READY)
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)  # no handler runs: only what was saved is kept
        child.wait(timeout=20)
    finally:
        child.kill()
    clock = fixed_clock()
    (killed,) = stored(tmp_path / "data", clock)
    assert (killed.status, killed.routine_id) == (SessionStatus.RUNNING, "odd")
    assert killed.routine_name == NAME_SHOWN  # cleaned as the file was read

    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, ResumeScreen)
        text = str(offer.query_one("#resume-text", Static).render())
        assert text.startswith(f"{NAME_SHOWN}, Thursday 26 November")
        assert f"step 1 of 2: {STEP_SHOWN}." in text
        assert unsafe(shown(app)) == []
        await pilot.press("enter")  # Resume has the focus
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        assert unsafe(shown(app)) == []
        engine = screen.runner.engine
        for _ in range(30):
            if engine.done:
                break
            clock.advance(15)
            screen.tick()
            await pilot.pause()
        assert engine.finished
        assert unsafe(shown(app)) == []

    (record,) = stored(tmp_path / "data", clock)
    assert record.status is SessionStatus.COMPLETED
    assert record.routine_name == NAME_SHOWN
    assert [(s.name, s.side) for s in record.steps] == [
        (STEP_SHOWN, Side.LEFT),
        (STEP_SHOWN, Side.RIGHT),
        ("Breathe [slowly]", None),
    ]


def interrupted(routine_id: str, name: str, position: int, steps: int) -> SessionRecord:
    return SessionRecord(
        id="left-over",
        day=DAY,
        routine_id=routine_id,
        routine_name=name,
        kind="routine",
        status=SessionStatus.RUNNING,
        planned_seconds=600,
        actual_seconds=300,
        started_at=STAMP,
        ended_at=None,
        tz="Europe/Paris",
        steps=tuple(StepRecord(f"old step {n}", None, 60, 60) for n in range(steps)),
        position=position,
    )


async def test_a_record_whose_steps_no_longer_match_its_routine_resumes(
    tmp_path: Path,
) -> None:
    """The routine file was shortened since: the record says step 9 of a 2-step routine."""
    odd_routine(tmp_path / "config")
    clock = fixed_clock()
    app = make_app(
        tmp_path,
        clock,
        fill=lambda journal: journal.save_session(interrupted("odd", NAME, 9, 12)),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        assert "step 2 of 2: Breathe [slowly]." in str(
            app.screen.query_one("#resume-text").render()
        )
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        for _ in range(10):
            clock.advance(10)
            screen.tick()
            await pilot.pause()
        assert screen.runner.engine.finished
    (record,) = stored(tmp_path / "data", clock)
    assert record.status is SessionStatus.COMPLETED


async def test_a_routine_that_no_longer_loads_is_offered_for_discarding(tmp_path: Path) -> None:
    """Its file now fails to parse (here: nested thousands deep)."""
    folder = tmp_path / "config" / "routines"
    folder.mkdir(parents=True)
    (folder / "odd.toml").write_text("a = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    clock = fixed_clock()
    app = make_app(
        tmp_path,
        clock,
        fill=lambda journal: journal.save_session(interrupted("odd", NAME, 1, 1)),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, ResumeScreen)
        assert offer.query_one("#resume", Button).disabled
        assert "can no longer be found" in str(offer.query_one("#resume-text").render())
        await pilot.press("enter")  # Discard has the focus
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    (record,) = stored(tmp_path / "data", clock)
    assert record.status is SessionStatus.DISCARDED


async def test_an_offer_that_cannot_be_built_is_shown_plainly_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever goes wrong in describing it (here: the routine lookup raising something
    unforeseen), the app starts, says what is sure of the session and lets it go."""

    def unforeseen(self: Sessions, record: SessionRecord) -> None:
        raise KeyError("something unforeseen")

    monkeypatch.setattr(Sessions, "routine_of", unforeseen)
    clock = fixed_clock()

    def left_over(journal: Journal) -> None:
        journal.save_session(replace(interrupted("odd", NAME, 0, 0), routine_name=""))

    app = make_app(tmp_path, clock, fill=left_over)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, ResumeScreen)
        assert offer.query_one("#resume", Button).disabled
        text = str(offer.query_one("#resume-text").render())
        assert text.startswith("A session, 2026-11-26. It cannot be shown in full")
        await pilot.press("enter")  # Discard
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert "KeyError: 'something unforeseen'" in (tmp_path / "data" / "errors.log").read_text()
    (record,) = stored(tmp_path / "data", clock)
    assert record.status is SessionStatus.DISCARDED

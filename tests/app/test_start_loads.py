"""An ordinary start loads what Today shows and no more: with no unfinished session, the
sessions' machinery (routines, timers, cues) waits for the first session. Checked in a
fresh interpreter: this test process has loaded everything long ago."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from app_factory import NOW, fixed_clock, prepare
from fresh_python import MARK, REPO, marked_line
from recovery_samples import session

from recovery_tui.domain.models import SessionStatus

SESSION_MODULES = ("recovery_tui.services.session_runner", "recovery_tui.screens.session")
CHILD = f"""
import asyncio, sys
sys.path.insert(0, {str(REPO / "tests")!r})
from pathlib import Path
from app_factory import fixed_clock, make_app

async def main(tmp):
    app = make_app(Path(tmp), fixed_clock())
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(4):
            await pilot.pause()
        screen = type(app.screen).__name__
    loaded = [m for m in {SESSION_MODULES!r} if m in sys.modules]
    print({MARK!r} + screen + " " + ",".join(loaded))

asyncio.run(main(sys.argv[1]))
"""


@pytest.mark.parametrize("unfinished", ["no", "yes"])
def test_the_session_machinery_loads_only_for_a_session_to_resume(
    tmp_path: Path, unfinished: str
) -> None:
    if unfinished == "yes":
        running = replace(
            session(NOW.date(), "walk", 10), status=SessionStatus.RUNNING, ended_at=None
        )
        prepare(tmp_path, fixed_clock(), lambda journal: journal.save_session(running))
    screen, _, loaded = marked_line(CHILD, str(tmp_path)).partition(" ")
    if unfinished == "yes":
        assert screen == "ResumeScreen" and loaded, "the offer still comes"
    else:
        assert screen == "TodayScreen" and loaded == "", f"an ordinary start loads {loaded}"

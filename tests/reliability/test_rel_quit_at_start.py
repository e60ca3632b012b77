"""The app told to quit just as its first screen opens (a terminal closed a moment after
the app was started) ends cleanly: Textual mounts no widgets once the app is exiting, and
no screen may then fail looking for its own (the user was told "stopped after an
unexpected error"). Nothing is logged as an error and nothing recorded is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import SIZE, fixed_clock, make_app
from test_rel_resume import interrupted

from recovery_tui.app import RecoveryApp, StartRequest
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository


def unfinished(journal: Journal) -> None:
    journal.save_session(interrupted("odd", "Odd", 1, 1))


# first screen: (the app's step that opens it, how the app is started, records before)
STARTS = {
    "Today": ("_push_today", StartRequest(), None),
    "the resume offer": ("_start_requested", StartRequest(), unfinished),
    "a walk": ("_start_requested", StartRequest(walk_minutes=10), unfinished),
    "a stretch session": ("_start_requested", StartRequest(routine="adaptive"), unfinished),
}


@pytest.mark.parametrize("first", list(STARTS))
async def test_quitting_as_the_first_screen_opens_logs_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    step_name, start, fill = STARTS[first]
    step = getattr(RecoveryApp, step_name)

    def open_then_quit(self: RecoveryApp) -> None:
        step(self)
        self.exit()

    monkeypatch.setattr(RecoveryApp, step_name, open_then_quit)
    clock = fixed_clock()
    app = make_app(tmp_path, clock, start=start, fill=fill)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    log = tmp_path / "data" / "errors.log"
    assert not log.exists(), log.read_text()
    assert app.return_code == 0
    if fill is not None:
        with Repository.open(tmp_path / "data", clock) as repo:
            assert repo.sessions(clock.now().date(), clock.now().date()), "records kept"

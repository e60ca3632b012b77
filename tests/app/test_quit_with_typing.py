"""ctrl+q says everything is saved: a check-in or a run log half typed is asked about
first, and only what the user confirms is lost."""

from __future__ import annotations

from pathlib import Path

from app_factory import SIZE, fixed_clock, make_app

from recovery_tui.screens.checkin import CheckInScreen
from recovery_tui.screens.confirm import ConfirmScreen
from recovery_tui.screens.log_run import LogRunScreen


async def test_quitting_with_a_check_in_typed_asks_first(tmp_path: Path) -> None:
    app = make_app(tmp_path, fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("4")  # ankles 4
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "asked, not quit"
        assert app.return_code is None
        assert "check-in you are typing is not saved" in app.screen.question
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code == 0, "quit once confirmed"


async def test_quitting_an_untouched_dialog_asks_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, LogRunScreen)
        assert app.screen.unsaved() is None
        await pilot.press("1", "0")
        assert app.screen.unsaved() == "The run you are logging"
        await pilot.press("backspace", "backspace")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0, "nothing typed: quit at once"

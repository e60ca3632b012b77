"""A Textual bug found by the random-use stress test (tests/e2e/test_stress.py, seed 1)
and worked around in the app: a screen holding a ``Select`` that is closed in the same
moment it opened stops the app with ``NoMatches: No nodes match 'SelectOverlay'`` (the
Select sets itself up on mount by looking up its overlay, already removed). In the app,
``c`` then ``h`` arriving together opened the check-in and closed it for History.

The first test is the minimal reproduction in a bare Textual app (it fails once Textual
fixes the bug: ``widgets/choice.py`` may then go back to a plain Select); the others show
the app's ``Choice`` and its dialogs survive the same thing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from app_factory import SIZE, make_app
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Select, Static

from recovery_tui.screens.today import TodayScreen
from recovery_tui.widgets.choice import Choice


class Dialog(ModalScreen[None]):
    def __init__(self, make: Callable[[], Select[int]]) -> None:
        super().__init__()
        self.make = make

    def compose(self) -> ComposeResult:
        yield self.make()


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("home")


async def open_and_close_at_once(make: Callable[[], Select[int]]) -> None:
    app = Bare()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.push_screen(Dialog(make))
        app.pop_screen()  # before the dialog's widgets have been mounted
        for _ in range(5):
            await pilot.pause()


async def test_textual_alone_stops_when_a_select_is_closed_as_it_opens() -> None:
    with pytest.raises(NoMatches):
        await open_and_close_at_once(lambda: Select([("a", 1), ("b", 2)]))


async def test_a_choice_closed_as_it_opens_is_no_trouble() -> None:
    await open_and_close_at_once(lambda: Choice([("a", 1), ("b", 2)]))


async def test_a_choice_works_as_a_select() -> None:
    app = Bare()
    async with app.run_test() as pilot:
        choice: Choice[int] = Choice([("a", 1), ("b", 2)], value=2, allow_blank=False)
        await app.mount(choice)
        await pilot.pause()
        assert choice.value == 2
        choice.value = 1
        await pilot.pause()
        assert choice.selection == 1


@pytest.mark.parametrize("first, then", [("checkin", "history"), ("log_run", "today")])
async def test_a_dialog_closed_by_the_next_key_at_once(
    tmp_path: Path, first: str, then: str
) -> None:
    """The second key closes the dialog the first opened, at each moment of its opening
    (the plain Select stopped the app when the check-in was closed three turns of the
    loop after it opened)."""
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for turns in range(12):
            getattr(app, f"action_{first}")()
            for _ in range(turns):
                await asyncio.sleep(0)
            getattr(app, f"action_{then}")()
            for _ in range(3):
                await pilot.pause()
            assert app.is_running, turns
            await app.run_action("today")
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen)
    assert app.return_code in (None, 0)

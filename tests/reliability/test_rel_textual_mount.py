"""A Textual race found by the random-use stress test (tests/e2e/test_stress.py, seeds 1
and 1 again) and worked around in the app: a screen closed while it is still being built
(a key read together with the one that opened it: ``c`` then ``h``, ``h`` then ``c``) has
its parts removed before its mount is handled, and whatever looks them up then stops the
app with NoMatches: Textual's own ``Select`` (its overlay), or the screen's own on_mount
(History's trends). ``RecoveryApp._replace_screen`` takes such a screen down only once it
has mounted.

The first tests are minimal reproductions in a bare Textual app (they fail once Textual
fixes the race: the override may then go); the others show the app survives the same
screens, and its own dialogs and History, closed at each moment of their opening.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from app_factory import SIZE, make_app
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widgets import Select, Static

from recovery_tui.screens.today import TodayScreen

TURNS = 12  # closed after 0, 1, ... 11 turns of the event loop


class WithSelect(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield Select([("a", 1), ("b", 2)])


class Trends(Vertical):
    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(id="lines")

    def show(self) -> None:
        self.query_one("#lines", Static).update("shown")


class LooksUpOnMount(Screen[None]):
    """Like History: its on_mount fills in a part nested in its layout."""

    def compose(self) -> ComposeResult:
        for n in range(30):
            yield Static(f"line {n}")
        yield Trends()

    def on_mount(self) -> None:
        self.query_one(Trends).show()


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("home")


async def close_as_it_opens(app: App[object], make: Callable[[], Screen[None]]) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for turns in range(TURNS):
            app.push_screen(make())
            for _ in range(turns):
                await asyncio.sleep(0)
            app.pop_screen()
            for _ in range(3):
                await pilot.pause()


@pytest.mark.parametrize("make", [WithSelect, LooksUpOnMount])
async def test_textual_alone_stops_when_a_screen_closes_as_it_opens(
    make: Callable[[], Screen[None]],
) -> None:
    with pytest.raises(NoMatches):
        await close_as_it_opens(Bare(), make)


@pytest.mark.parametrize("make", [WithSelect, LooksUpOnMount])
async def test_the_app_takes_the_same_screens_down_once_mounted(
    tmp_path: Path, make: Callable[[], Screen[None]]
) -> None:
    app = make_app(tmp_path)
    await close_as_it_opens(app, make)
    assert app.return_code in (None, 0)


@pytest.mark.parametrize(
    "first, then",
    [("checkin", "history"), ("log_run", "today"), ("history", "checkin"), ("stretch", "today")],
)
async def test_a_screen_closed_by_the_next_key_at_once(
    tmp_path: Path, first: str, then: str
) -> None:
    """The second key closes what the first opened, at each moment of its opening."""
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for turns in range(TURNS):
            getattr(app, f"action_{first}")()
            for _ in range(turns):
                await asyncio.sleep(0)
            getattr(app, f"action_{then}")()
            for _ in range(3):
                await pilot.pause()
            assert app.is_running, turns
            app.action_today()  # as t does, also from a dialog the race may have left open
            for _ in range(2):
                await pilot.pause()
            assert isinstance(app.screen, TodayScreen)
    assert app.return_code in (None, 0)

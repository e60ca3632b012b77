"""A Textual bug found by the random-use stress test (tests/e2e/test_stress.py, seed 1 after
the Select fix) and worked around in the app: a screen with a ``Header`` closed in the
moment it opened stops the app with ``NoMatches: No nodes match 'HeaderTitle'`` (the
header fills in its title after it is mounted, looking up its title part, already gone).

The first test is the minimal reproduction in a bare Textual app (it fails once Textual
fixes the bug: ``widgets/title_bar.py`` may then go back to a plain Header); the others
show ``TitleBar`` survives the same thing and still shows the titles.
"""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static

from recovery_tui.widgets.title_bar import TitleBar


class Full(Screen[None]):
    def __init__(self, header: type[Widget]) -> None:
        super().__init__()
        self.header = header

    def compose(self) -> ComposeResult:
        yield self.header()
        yield Static("body")


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("home")


async def close_as_it_opens(header: type[Widget]) -> None:
    """The screen is closed a few turns of the loop after it was opened, at each moment
    of its opening."""
    app = Bare()
    async with app.run_test() as pilot:
        await pilot.pause()
        for turns in range(10):
            app.push_screen(Full(header))
            for _ in range(turns):
                await asyncio.sleep(0)
            app.pop_screen()
            for _ in range(3):
                await pilot.pause()


async def test_textual_alone_stops_when_a_header_is_closed_as_it_opens() -> None:
    with pytest.raises(NoMatches):
        await close_as_it_opens(Header)


async def test_a_title_bar_closed_as_it_opens_is_no_trouble() -> None:
    await close_as_it_opens(TitleBar)


async def test_a_title_bar_shows_and_follows_the_titles() -> None:
    app = Bare()
    async with app.run_test(size=(80, 10)) as pilot:
        screen = Full(TitleBar)
        await app.push_screen(screen)
        screen.sub_title = "Calf [b]x10[/b]"
        await pilot.pause()
        title = str(screen.query_one("HeaderTitle", Static).render())
        assert title == "Bare — Calf [b]x10[/b]"

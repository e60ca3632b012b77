"""A Textual bug found by the random-use stress test (tests/e2e/test_stress.py, seed 4)
and worked around in the app: a page key reaching a command palette whose list is not laid
out yet stops the app with a KeyError (the list looks up the line of its highlighted
command, and has no lines yet). ctrl+p, ``h``, enter and page down typed together did it:
enter picked "Theme", and the theme picker, a palette too, got the page key as it opened.

The first test is the minimal reproduction in a bare Textual app (it fails once Textual
fixes the bug: ``widgets/command_palette.py`` and ``app/palettes.py`` may then go); the
others show the same keys are no trouble with the app's palettes, which still page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import SIZE, make_app
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from recovery_tui.app.palettes import SteadyPalettes
from recovery_tui.widgets.command_palette import SteadyPalette


async def page_down_in_the_theme_picker(app: App[None]) -> None:
    """The theme picker ("Theme" in the palette) gets page down as it opens."""
    async with app.run_test() as pilot:
        await pilot.pause()
        app.search_themes()
        await pilot.press("pagedown")
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


class SteadyBare(SteadyPalettes, App[None]):  # type: ignore[misc]
    """A bare Textual app opening the app's palettes instead of Textual's."""


async def settle(pilot: Pilot[object]) -> None:
    for _ in range(3):
        await pilot.pause()


async def test_textual_alone_stops_on_a_page_key_in_a_palette_not_laid_out() -> None:
    with pytest.raises(KeyError):
        await page_down_in_the_theme_picker(App())


async def test_the_steady_palettes_take_the_same_key() -> None:
    await page_down_in_the_theme_picker(SteadyBare())


async def test_the_app_opens_steady_palettes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for open_it in (app.action_command_palette, app.action_change_theme):
            open_it()
            await pilot.press("pagedown")
            await settle(pilot)
            assert isinstance(app.screen, SteadyPalette)
            await pilot.press("escape")
            await settle(pilot)
        assert app.is_running


async def test_the_app_opens_the_steady_palette_and_its_page_keys_page(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 16)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, SteadyPalette)
        await pilot.press("down")  # the commands show, one highlighted
        await settle(pilot)
        commands = app.screen.query_one(CommandList)
        before = commands.highlighted
        assert before is not None and commands.option_count > 5
        await pilot.press("pagedown")
        await settle(pilot)
        assert commands.highlighted is not None and commands.highlighted > before

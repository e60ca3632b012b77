"""A number typed into a dialog reaches its check as typed: a decimal point or a minus sign
is refused with a message, never dropped so that another number is taken."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from app_factory import fixed_clock, make_app
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from recovery_tui.screens.checkin import CheckInScreen
from recovery_tui.screens.walk_length import WalkLengthScreen
from recovery_tui.widgets.area_score import AreaScore

SIZE = (100, 32)
KEY_NAMES = {".": "full_stop", ",": "comma", "-": "minus"}
S = TypeVar("S", bound=Screen[object])


async def opened(pilot: Pilot[object], key: str, kind: type[S]) -> S:
    """The dialog ``key`` opens over Today, once the app has started."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, kind)
    return dialog


def burst(app: App[object], *keys: tuple[str, str | None]) -> None:
    """Keys (name, character) arriving together, as from a fast typist or a slow link."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


@pytest.mark.parametrize("typed", ["1.5", "0.5", ".5", "-5", "2,5"])
async def test_a_walk_length_typed_on_a_preset_is_refused_as_typed(
    tmp_path: Path, typed: str
) -> None:
    """Typed as the dialog opens (a preset has the focus), '1.5' went '1' to the field,
    the point to the button, '5' to the field: a 15-minute walk started."""
    app = make_app(tmp_path, fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        asking = await opened(pilot, "w", WalkLengthScreen)
        assert isinstance(app.focused, Button)
        burst(app, *((KEY_NAMES.get(c, c), c) for c in typed), ("enter", "\r"))
        for _ in range(4):
            await pilot.pause()
        assert app.screen is asking, "nothing starts"
        assert asking.query_one("#walk-minutes", Input).value == typed
        error = str(asking.query_one("#walk-error", Static).render())
        assert "from 1 to 180" in error and typed in error


async def test_a_decimal_soreness_keeps_the_score_and_says_so(tmp_path: Path) -> None:
    """'7.5' typed on an area dropped the point and the 5 replaced the 7; now the 7 stays,
    the check-in says soreness is whole, and the next area takes digits as before."""
    app = make_app(tmp_path, fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        dialog = await opened(pilot, "c", CheckInScreen)
        first, second = list(dialog.query(AreaScore))[:2]
        assert dialog.focused is first
        burst(app, ("7", "7"), ("full_stop", "."), ("5", "5"), ("down", None), ("3", "3"))
        for _ in range(4):
            await pilot.pause()
        assert (first.value, second.value) == (7, 3)
        errors = dialog.query_one("#checkin-errors", Static)
        assert errors.display and "whole number" in str(errors.render())


async def test_a_score_typed_after_a_refused_decimal_corrects_it(tmp_path: Path) -> None:
    """'7.5' refused, then '6' typed to correct it: the area is 6 (every digit after the
    refused decimal was dropped until the focus moved)."""
    app = make_app(tmp_path, fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        dialog = await opened(pilot, "c", CheckInScreen)
        first = dialog.query(AreaScore).first()
        burst(app, ("7", "7"), ("full_stop", "."), ("5", "5"))
        for _ in range(3):
            await pilot.pause()
        assert first.value == 7
        await pilot.press("6")
        await pilot.pause()
        assert first.value == 6

"""A number typed into a dialog reaches its check as typed: a decimal point or a minus sign
is refused with a message, never dropped so that another number is taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import fixed_clock, make_app
from textual import events
from textual.app import App
from textual.widgets import Button, Input, Static

from recovery_tui.screens.walk_length import WalkLengthScreen

SIZE = (100, 32)
KEY_NAMES = {".": "full_stop", ",": "comma", "-": "minus"}


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
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        asking = app.screen
        assert isinstance(asking, WalkLengthScreen)
        assert isinstance(app.focused, Button)
        burst(app, *((KEY_NAMES.get(c, c), c) for c in typed), ("enter", "\r"))
        for _ in range(4):
            await pilot.pause()
        assert app.screen is asking, "nothing starts"
        assert asking.query_one("#walk-minutes", Input).value == typed
        error = str(asking.query_one("#walk-error", Static).render())
        assert "from 1 to 180" in error and typed in error

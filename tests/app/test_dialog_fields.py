"""Dialogs after a refused save: a rejected value stays readable in its one-line field,
and the error line and the buttons stay on screen at the smallest supported size."""

from __future__ import annotations

from pathlib import Path

from app_factory import make_app
from textual.widgets import Input, Static

from recovery_tui.screens.checkin import CheckInScreen

STANDARD = (100, 32)


def shown_line(field: Input) -> str:
    return "".join(segment.text for segment in field.render_line(0))


async def test_a_rejected_checkin_value_stays_visible_in_its_one_line_field(
    tmp_path: Path,
) -> None:
    """Energy 11 and sleep 25 are refused, and each field still shows what was typed on
    its one line (the tall error border of a full-size field had hidden it)."""
    app = make_app(tmp_path)
    async with app.run_test(size=STANDARD) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        for field_id, typed in (("energy", "11"), ("sleep", "25")):
            field = app.screen.query_one(f"#{field_id}", Input)
            field.focus()
            await pilot.press(*typed)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        errors = str(app.screen.query_one("#checkin-errors", Static).render())
        assert "energy" in errors and "sleep" in errors
        for field_id, typed in (("energy", "11"), ("sleep", "25")):
            field = app.screen.query_one(f"#{field_id}", Input)
            assert field.has_class("-invalid")
            assert field.region.height == 1
            assert typed in shown_line(field)
        # Marked as wrong: drawn unlike a field that was accepted.
        cups = app.screen.query_one("#cups", Input)
        assert app.screen.query_one("#energy", Input).rich_style != cups.rich_style

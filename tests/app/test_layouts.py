"""Layouts that hold: a screen works out narrow or wide from the size each time it shows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app_factory import make_app, shows
from textual.widgets import Footer

from recovery_tui.domain.models import RunKind
from recovery_tui.screens.history import HistoryScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal


def race_yesterday(journal: Journal) -> None:
    journal.log_run(21.1, journal.today() - timedelta(days=1), effort=8, kind=RunKind.RACE)


async def test_narrow_and_back_to_wide_through_another_screen(tmp_path: Path) -> None:
    """Resized while History covers Today, Today comes back in the layout of the size now."""
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.query_one("#side").display and not shows(today, "#readiness-line")
        for width, narrow in ((80, True), (200, False), (80, True), (120, False)):
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            await pilot.resize_terminal(width, 40 if width < 200 else 60)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is today
            assert today.query_one("#side").display is not narrow, width
            assert shows(today, "#readiness-line") is narrow, width


async def test_a_resize_on_screen_applies_at_once(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert not app.screen.query_one("#side").display
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert app.screen.query_one(".too-small").display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen.query_one("#side").display
        assert not app.screen.query_one(".too-small").display


async def test_the_palette_key_ends_at_the_right_edge_of_today_and_history(tmp_path: Path) -> None:
    """Textual's compact footer gave the palette key a right margin: the key scrolled under
    it showed through in the last column ('^p paletteo'). Each screen's footer ends with it."""
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=(61, 24)) as pilot:
        await pilot.pause()
        for key in ("", "h", "escape"):
            if key:
                await pilot.press(key)
                await pilot.pause()
            for width in (61, 66, 70, 77, 100):
                await pilot.resize_terminal(width, 24)
                await pilot.pause()
                palette = app.screen.query_one(Footer).query_one(".-command-palette")
                assert palette.region.right == width, (type(app.screen).__name__, width)


async def test_history_and_a_session_build_the_too_small_notice_when_first_needed(
    tmp_path: Path,
) -> None:
    """Like Today, History and the session screen have no too-small notice until the
    terminal is too small; then it shows instead of the layout, and goes with the size."""
    app = make_app(tmp_path, fill=race_yesterday)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for key, name in (("h", "HistoryScreen"), ("escape", "TodayScreen"), ("s", "")):
            await pilot.press(key)
            await pilot.pause()
            screen = app.screen
            if name:
                assert type(screen).__name__ == name
            if name != "TodayScreen":  # Today built its own while History was on top
                assert not screen.query(".too-small"), type(screen).__name__
            await pilot.resize_terminal(50, 15)
            await pilot.pause()
            assert shows(screen, ".too-small"), type(screen).__name__
            await pilot.resize_terminal(100, 32)
            await pilot.pause()
            assert not shows(screen, ".too-small"), type(screen).__name__
        assert type(app.screen).__name__ == "SessionScreen"

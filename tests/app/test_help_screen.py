"""Help per screen: F1 / ? lists the keys of the screen it was opened from, with the
names that screen's footer shows, and leaves out the app's keys that screen hides."""

from __future__ import annotations

from pathlib import Path

from app_factory import SIZE, fixed_clock, make_app
from textual.binding import Binding
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from recovery_tui.app import RecoveryApp, StartRequest
from recovery_tui.screens.help import NOT_IN_FOOTER, HelpScreen, KeyHelp
from recovery_tui.screens.history import HistoryScreen
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.today import TodayScreen


def footer_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key as shown, name) of each key in the screen's footer, as drawn."""
    return [(key.key_display, key.description) for key in screen.query("FooterKey")]  # type: ignore[attr-defined]


async def open_help(app: RecoveryApp, pilot: Pilot[int], key: str = "f1") -> HelpScreen:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    return app.screen


def drawn(widget: Widget) -> str:
    """The widget's lines as drawn on screen."""
    strips = widget.render_lines(Region(0, 0, *widget.size))
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def row_for(keys: list[KeyHelp], shown: str, name: str) -> KeyHelp | None:
    return next((k for k in keys if k.name == name and k.keys.split()[0] == shown), None)


def assert_footer_in_help(footer: list[tuple[str, str]], help_screen: HelpScreen) -> None:
    assert footer, "the footer shows keys"
    table = drawn(help_screen.query_one("#help-keys", Static))
    for shown, name in footer:
        row = row_for(help_screen.keys, shown, name)
        assert row is not None and row.in_footer, (shown, name)
        assert name in table


async def test_help_from_today_names_todays_footer_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)
        footer = footer_keys(today)
        help_screen = await open_help(app, pilot)
        assert_footer_in_help(footer, help_screen)
        assert "Today" in str(help_screen.query_one(".help-heading", Static).render())
        # A key of the task rows the footer leaves out is still explained.
        assert any(k.name == "Next task" and not k.in_footer for k in help_screen.keys)
        assert NOT_IN_FOOTER in str(help_screen.query_one("#help-keys-note", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is today
        assert isinstance(await open_help(app, pilot, "question_mark"), HelpScreen)


async def test_help_from_history_follows_its_views(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        # Read before help covers it: under a dialog the footer is drawn again.
        footer = footer_keys(history)
        help_screen = await open_help(app, pilot)
        assert_footer_in_help(footer, help_screen)
        names = {k.name for k in help_screen.keys}
        assert {"Earlier", "Later", "Day detail", "Recoveries", "Months"} <= names
        assert "Walk" not in names and "Check-in" not in names  # hidden on History
        assert row_for(help_screen.keys, "←", "Earlier") == KeyHelp(
            "← [", "Earlier", "The week (or months) before", True
        )
        await pilot.press("escape", "v")
        await pilot.pause()
        footer = footer_keys(history)
        help_screen = await open_help(app, pilot)
        assert_footer_in_help(footer, help_screen)
        names = {k.name for k in help_screen.keys}
        assert {"Compare", "Week", "All areas", "Worst area"} <= names
        assert "Day detail" not in names and "Earlier" not in names
        area = next(k for k in help_screen.keys if k.name == "Area")
        assert area.keys == "1–9" and not area.in_footer


async def test_help_from_a_running_session_names_the_session_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock(), start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        footer = footer_keys(session)
        assert ("n", "Next") in footer
        help_screen = await open_help(app, pilot)
        assert_footer_in_help(footer, help_screen)
        names = {k.name for k in help_screen.keys}
        hidden = {
            binding.description
            for binding in RecoveryApp.BINDINGS
            if isinstance(binding, Binding) and binding.action in session.hidden_app_actions()
        }
        assert hidden and not hidden & names  # History would end the session: not offered
        assert "Session" in str(help_screen.query_one(".help-heading", Static).render())


async def test_a_dialog_offers_only_help_and_quit_of_the_app_keys(tmp_path: Path) -> None:
    """Over the check-in and over History's day detail the footer offers no key that would
    open another screen (it offered c over a day detail, which did nothing there); pressing
    one leaves the dialog as it is."""
    app = make_app(tmp_path, clock=fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for opening in (["c"], ["escape", "h", "enter"]):
            await pilot.press(*opening)
            await pilot.pause()
            dialog = app.screen
            below = app.screen_stack[-2]  # a dialog has no footer: the one drawn is below it
            shown = {name for _, name in footer_keys(below)}
            assert not shown & {"Check-in", "Walk", "Stretch", "Log run", "History", "Routines"}
            assert {"Help", "Quit"} <= shown, shown
            await pilot.press("w", "h")
            await pilot.pause()
            assert app.screen is dialog

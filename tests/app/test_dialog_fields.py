"""Dialogs after a refused save: a rejected value stays readable in its one-line field,
and the error line and the buttons stay on screen at the smallest supported size."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import make_app
from textual import events
from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Select, Static

from recovery_tui.screens.checkin import CheckInScreen
from recovery_tui.screens.log_run import LogRunScreen
from recovery_tui.widgets.area_score import AreaScore

SMALLEST = (60, 20)
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
        # Corrected: the mark goes with the edit, the "Not saved" line once none is left.
        panel = app.screen.query_one("#checkin-errors", Static)
        app.screen.query_one("#energy", Input).value = "7"
        await pilot.pause()
        assert not app.screen.query_one("#energy", Input).has_class("-invalid")
        assert panel.display, "sleep is still wrong"
        app.screen.query_one("#sleep", Input).value = "7.5"
        await pilot.pause()
        assert not panel.display


async def open_log_run_with_a_bad_time(pilot, app) -> LogRunScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LogRunScreen)
    await pilot.press(*"42.2")
    screen.query_one("#when", Select).value = "yesterday"
    await pilot.pause()
    screen.query_one("#finish", Input).value = "25:00"
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    return screen


async def test_log_run_keeps_its_error_and_buttons_on_screen_at_the_smallest_size(
    tmp_path: Path,
) -> None:
    """At 60×20, with the finish time shown, a refused save shows why, under the title
    and above Save (they had been pushed below the screen)."""
    app = make_app(tmp_path)
    async with app.run_test(size=SMALLEST) as pilot:
        screen = await open_log_run_with_a_bad_time(pilot, app)
        errors = screen.query_one("#log-run-errors", Static)
        assert errors.display and "Not saved" in str(errors.render())
        title = screen.query_one(".dialog-title", Static)
        for shown in (title, errors, screen.query_one("#save", Button)):
            assert shown.region.height > 0
            assert screen.region.contains_region(shown.region), shown
        assert not shown_overlaps(title, errors)


def shown_overlaps(one: Static, other: Static) -> bool:
    return bool(one.region.intersection(other.region).area)


async def test_log_run_fields_scroll_to_the_focused_one_at_the_smallest_size(
    tmp_path: Path,
) -> None:
    """At 60×20 the fields scroll: the last one and then the first come into view as
    they are focused."""
    app = make_app(tmp_path)
    async with app.run_test(size=SMALLEST) as pilot:
        screen = await open_log_run_with_a_bad_time(pilot, app)
        body = screen.query_one("#log-run-body", VerticalScroll)
        effort = screen.query_one("#effort", Input)
        effort.focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert body.scrollable_content_region.contains_region(effort.region)
        distance = screen.query_one("#distance", Input)
        distance.focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert body.scrollable_content_region.contains_region(distance.region)


@pytest.mark.parametrize("size", [(80, 24), STANDARD])
async def test_log_run_opens_whole_without_scrolling_at_larger_sizes(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 80×24 and above the dialog opens as before: every field and the recovery window
    hint in view, nothing to scroll."""
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"21.1")
        await pilot.pause()
        screen = app.screen
        body = screen.query_one("#log-run-body", VerticalScroll)
        assert body.max_scroll_y == 0
        assert "Recovery window" in str(screen.query_one("#log-run-window", Static).render())
        for shown in ("#log-run-window", "#effort", "#save"):
            assert screen.region.contains_region(screen.query_one(shown).region), shown


@pytest.mark.parametrize("opener, field", [("r", "#distance"), ("c", "#energy")])
async def test_keys_typed_in_a_burst_then_ctrl_s_save_all_that_was_typed(
    tmp_path: Path, opener: str, field: str
) -> None:
    """Keys arriving together (a fast typist, a paste of keys, tmux send-keys) reach the
    field before ctrl+s saves: a save bound above the field's own keys ran first and read
    the field empty ('distance (km) is empty' with 42.2 in it)."""
    app = make_app(tmp_path)
    async with app.run_test(size=STANDARD) as pilot:
        await pilot.pause()
        await pilot.press(opener)
        await pilot.pause()
        if field == "#energy":
            app.screen.query_one(field, Input).focus()
            await pilot.pause()
        for key in "4.2" if field == "#distance" else "6":
            app.post_message(events.Key(key, key))
        app.post_message(events.Key("ctrl+s", None))
        for _ in range(4):
            await pilot.pause()
        assert not isinstance(app.screen, (LogRunScreen, CheckInScreen)), "not saved"
    if field == "#distance":
        run = app.journal.last_logged_run()
        assert run is not None and run.distance_km == 4.2
    else:
        checkin = app.journal.checkin(app.journal.today())
        assert checkin is not None and checkin.energy == 6


def burst(app: App[object], *keys: str) -> None:
    """Keys arriving together, as from a fast typist, a paste or a slow link."""
    for key in keys:
        character = {"tab": "\t", "shift+tab": None, "ctrl+s": None}.get(key, key)
        app.post_message(events.Key(key, character))


async def test_keys_after_tab_in_a_burst_land_in_the_next_field(tmp_path: Path) -> None:
    """'6 tab 7 ctrl+s' typed at once saves energy 6 and sleep 7: the 7 had landed in the
    energy field (67), which the tab had not left yet."""
    app = make_app(tmp_path)
    async with app.run_test(size=STANDARD) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#energy", Input).focus()
        await pilot.pause()
        burst(app, "6", "tab", "7", "ctrl+s")
        for _ in range(4):
            await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen), "saved"
    checkin = app.journal.checkin(app.journal.today())
    assert checkin is not None and (checkin.energy, checkin.sleep_hours) == (6, 7.0)


async def test_tab_leaves_the_soreness_areas_as_one_field(tmp_path: Path) -> None:
    """The arrows move between the areas; tab goes on to energy, and back to the areas'
    first (a number typed after tab was saved as the next area's soreness)."""
    app = make_app(tmp_path)
    async with app.run_test(size=STANDARD) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        assert isinstance(screen.focused, AreaScore)
        await pilot.press("down", "down", "tab")
        assert screen.focused is screen.query_one("#energy", Input)
        await pilot.press("9", "shift+tab")
        assert screen.focused is screen.query_one(AreaScore), "the first area"
        await pilot.press("shift+tab")
        assert not isinstance(screen.focused, AreaScore), "out of the areas, backwards"
        await pilot.press("tab")
        assert screen.focused is screen.query_one(AreaScore)
        assert screen.query_one("#energy", Input).value == "9"


async def test_a_digit_after_an_arrow_in_a_burst_goes_to_the_next_area(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=STANDARD) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        burst(app, "3", "down", "5", "down", "down", "up", "7")
        for _ in range(4):
            await pilot.pause()
        areas = {score.area.value: score.value for score in app.screen.query(AreaScore)}
        assert (areas["ankles"], areas["knees"], areas["hips"], areas["glutes"]) == (3, 5, 7, None)

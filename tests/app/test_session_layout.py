"""The session screen's layout holds at every size: the step list folds away below 90
columns, decided from the size at hand each time, and the countdown stays whole down to
the smallest terminal the app supports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_factory import fixed_clock, make_app
from session_pilot import GET_READY, advance, clock_on_screen, open_session, shown

from recovery_tui.app_limits import MIN_HEIGHT, MIN_WIDTH, NARROW_WIDTH
from recovery_tui.domain.checkins import CheckInUpdate
from recovery_tui.domain.models import Area
from recovery_tui.services.journal import Journal


def sore(journal: Journal) -> None:
    """Sore enough for the adapted session to say what it changed, on a line of its own."""
    soreness = {Area.GLUTES: 8, Area.KNEES: 5, Area.CALVES: 6}
    journal.update_checkin(journal.today(), CheckInUpdate(soreness=soreness))


@pytest.mark.parametrize("fill", [None, sore])
async def test_the_whole_countdown_at_the_smallest_size(
    tmp_path: Path, fill: Callable[[Journal], None] | None
) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=fill)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        screen = await open_session(pilot)
        await advance(pilot, clock, screen, GET_READY + 3)
        big, rows = clock_on_screen(pilot, "#session-clock")
        assert big.text == "00:27"
        assert big.scale >= 1 and rows == 5 * big.scale
        assert not shown(pilot, "#session-side"), "no room for the step list at 60 columns"
        assert shown(pilot, "#segment-name") and shown(pilot, "#session-next")
        why = screen.query_one("#session-why")
        # What was adapted: two lines at most, and the countdown above stays whole.
        assert (1 <= why.region.height <= 2) if fill else why.region.height == 0


@pytest.mark.parametrize("width", [NARROW_WIDTH - 1, NARROW_WIDTH])
async def test_the_step_list_folds_below_ninety_columns(tmp_path: Path, width: int) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(width, 30)) as pilot:
        await open_session(pilot)
        assert shown(pilot, "#session-side") == (width >= NARROW_WIDTH)


async def test_a_round_trip_through_eighty_columns_restores_the_list(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_session(pilot)
        await advance(pilot, clock, screen, GET_READY + 1)
        assert shown(pilot, "#session-side")
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        assert not shown(pilot, "#session-side")
        clock_on_screen(pilot, "#session-clock")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert shown(pilot, "#session-side")
        clock_on_screen(pilot, "#session-clock")


async def test_a_resize_under_another_screen_is_seen_on_the_way_back(tmp_path: Path) -> None:
    """Help opened over the session, the terminal resized meanwhile: the session lays
    itself out for the size it comes back to, both ways."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_session(pilot)
        for width, listed in ((80, False), (120, True)):
            await pilot.press("f1")
            await pilot.pause()
            assert app.screen is not screen
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            assert shown(pilot, "#session-side") == listed

"""Helpers for Pilot tests of the session screen: open it, move the fake clock, read the
big countdown back from what the terminal would show."""

from __future__ import annotations

from typing import Any

from big_clock_app import read_clock, reference, region_lines
from textual.pilot import Pilot

from recovery_tui.domain.clock import FakeClock
from recovery_tui.screens.session import SessionScreen
from recovery_tui.widgets.big_clock import BigClock

GET_READY = 5


async def open_session(pilot: Pilot[Any], key: str = "s") -> SessionScreen:
    await pilot.pause()
    await pilot.press(key)
    return await session_started(pilot)


async def session_started(pilot: Pilot[Any]) -> SessionScreen:
    """The session screen once its session has started."""
    # A loaded machine may need more than one turn of the loop to show the screen.
    for _ in range(20):
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, SessionScreen) and screen.runner is not None:
            return screen
    raise AssertionError(f"no session started: {pilot.app.screen!r}")


async def advance(
    pilot: Pilot[Any], clock: FakeClock, screen: SessionScreen, seconds: float
) -> None:
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()


def clock_on_screen(pilot: Pilot[Any], selector: str) -> tuple[BigClock, int]:
    """The big clock at ``selector`` and the pixel rows it drew, after checking that what
    the terminal shows there is every glyph of its text, whole."""
    clock = pilot.app.screen.query_one(selector, BigClock)
    region = clock.content_region
    assert region.width > 0 and region.height > 0, f"{selector} is not on screen"
    pixels, squeezed = read_clock(region_lines(pilot.app, region))
    assert squeezed == reference(clock.text), f"{selector} does not show {clock.text} whole"
    return clock, len(pixels)


def shown(pilot: Pilot[Any], selector: str) -> bool:
    """Whether the widget at ``selector`` takes room on the screen now."""
    widget = pilot.app.screen.query_one(selector)
    return widget.display and widget.region.area > 0

"""A small app with the big clock in a full-screen layout like mat mode's: a step above,
the next step and a bar below, so at 60×20 the clock has 56×8 cells."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from recovery_tui.widgets import block_font
from recovery_tui.widgets.big_clock import BigClock

ABOVE = 6
BELOW = 6  # next step (5) and the bar (1)
SIDE_PADDING = 2


class ClockApp(App[None]):
    CSS = f"""
    #step {{ height: {ABOVE}; content-align: center middle; }}
    BigClock {{ padding: 0 {SIDE_PADDING}; color: $accent; }}
    #next {{ height: {BELOW - 1}; content-align: center middle; }}
    #bar {{ height: 1; }}
    """

    def __init__(self, value: float | str) -> None:
        super().__init__()
        self._value = value

    def compose(self) -> ComposeResult:
        yield Static(Content("Left side · Wall calf stretch"), id="step")
        yield BigClock(self._value, id="clock")
        yield Static(Content("Next: Switch sides"), id="next")
        yield Static(Content("━" * 30), id="bar")


def screen_lines(app: App[None]) -> list[str]:
    """The text of every row of the screen as the terminal would get it."""
    strips = app.screen._compositor.render_strips()
    return [strip.text for strip in strips]


def region_lines(app: App[None], region: Region) -> list[str]:
    lines = screen_lines(app)[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]


def _trim(pixels: block_font.Bitmap) -> block_font.Bitmap:
    rows = [row for row in pixels if any(row)]
    if not rows:
        return ()
    columns = [i for i in range(len(rows[0])) if any(row[i] for row in rows)]
    first, last = columns[0], columns[-1]
    top = next(i for i, row in enumerate(pixels) if any(row))
    bottom = max(i for i, row in enumerate(pixels) if any(row))
    return tuple(row[first : last + 1] for row in pixels[top : bottom + 1])


def _squeeze(pixels: block_font.Bitmap) -> block_font.Bitmap:
    """Runs of equal rows and of equal columns as one: what is left of any scale."""
    rows = [row for row, _ in groupby(pixels)]
    columns = [column for column, _ in groupby(zip(*rows, strict=True))]
    return tuple(zip(*columns, strict=True))


def read_clock(lines: Sequence[str]) -> tuple[block_font.Bitmap, block_font.Bitmap]:
    """(the drawing's pixels trimmed, the same squeezed to scale 1) from screen lines."""
    pixels = _trim(block_font.read_pixels(lines))
    return pixels, _squeeze(pixels)


def reference(text: str) -> block_font.Bitmap:
    return _squeeze(_trim(block_font.bitmap(text)))

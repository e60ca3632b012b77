"""The big clock in a full-screen layout at three terminal sizes: the digits are whole,
read back from the screen, and grow with the terminal."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from big_clock_app import ClockApp, read_clock, reference, region_lines, screen_lines
from hypothesis import given
from hypothesis import strategies as st
from textual.geometry import Region

from recovery_tui.widgets import block_font
from recovery_tui.widgets.big_clock import BigClock, shown_text

SIZES = ((60, 20), (120, 40), (200, 60))
BLOCKS = set("▀▄█ ")


class Drawn(NamedTuple):
    scale: int
    region: Region
    lines: list[str]
    text: str


async def drawn(value: float | str, size: tuple[int, int]) -> Drawn:
    """What the clock drew at ``size``: its scale, region, the screen lines there, its text."""
    app = ClockApp(value)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        clock = app.query_one(BigClock)
        region = clock.content_region
        return Drawn(clock.scale, region, region_lines(app, region), clock.text)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("seconds", "text"), [(754, "12:34"), (3600 + 8 * 60 + 9, "1:08:09")])
async def test_the_digits_are_whole_and_read_back(
    size: tuple[int, int], seconds: int, text: str
) -> None:
    scale, _, lines, shown = await drawn(seconds, size)
    assert shown == text
    assert set("".join(lines)) <= BLOCKS
    assert scale >= 1
    pixels, squeezed = read_clock(lines)
    assert squeezed == reference(text)  # every glyph, every row, in order
    # whole: the drawing has every pixel row and column of its scale, inside the region
    assert len(pixels) == block_font.GLYPH_HEIGHT * scale
    assert len(pixels[0]) == block_font.pixel_width(text) * scale


async def test_the_small_terminal_gives_the_region_the_issue_names() -> None:
    region = (await drawn(754, (60, 20))).region
    assert (region.width, region.height) == (56, 8)


async def test_the_clock_grows_with_the_terminal() -> None:
    scales, heights = [], []
    for size in SIZES:
        scale, _, lines, _ = await drawn(754, size)
        scales.append(scale)
        heights.append(sum(1 for line in lines if line.strip()))
    assert scales == sorted(scales) and len(set(scales)) == len(SIZES)
    assert heights == sorted(heights) and heights[-1] >= 25  # huge at 200×60


async def test_nothing_else_on_screen_is_overdrawn() -> None:
    app = ClockApp(754)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert any("Wall calf stretch" in line for line in lines)
        assert any("Next: Switch sides" in line for line in lines)


async def test_no_color_still_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ClockApp(754)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert app.no_color
        clock = app.query_one(BigClock)
        _, squeezed = read_clock(region_lines(app, clock.content_region))
        assert squeezed == reference("12:34")


async def test_a_new_second_redraws_a_new_fraction_does_not() -> None:
    app = ClockApp(90.0)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        clock = app.query_one(BigClock)
        renders: list[str] = []
        original = clock.render

        def counting_render():  # type: ignore[no-untyped-def]
            renders.append(clock.text)
            return original()

        clock.render = counting_render  # type: ignore[method-assign]
        for value in (89.9, 89.6, 89.3, 89.01):  # still 01:30: rounded up
            clock.value = value
            await pilot.pause()
        assert renders == []
        clock.value = 88.9
        await pilot.pause()
        assert renders and set(renders) == {"01:29"}
        _, squeezed = read_clock(region_lines(app, clock.content_region))
        assert squeezed == reference("01:29")


async def test_a_resize_redraws_at_the_new_scale() -> None:
    app = ClockApp(754)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        clock = app.query_one(BigClock)
        small = clock.scale
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert clock.scale > small
        pixels, squeezed = read_clock(region_lines(app, clock.content_region))
        assert squeezed == reference("12:34")
        assert len(pixels) == block_font.GLYPH_HEIGHT * clock.scale


async def test_too_small_for_blocks_shows_the_plain_text() -> None:
    app = ClockApp(754)
    async with app.run_test(size=(30, 14)) as pilot:
        await pilot.pause()
        clock = app.query_one(BigClock)
        assert clock.content_region.height < 3 and clock.scale == 0
        assert any("12:34" in line for line in region_lines(app, clock.content_region))


def test_shown_text() -> None:
    assert shown_text(754) == "12:34"
    assert shown_text(0.2) == "00:01"
    assert shown_text("  --:--\n") == "--:--"


@given(st.text(max_size=40), st.integers(1, 120), st.integers(1, 40))
def test_any_text_is_drawn_without_control_characters(text: str, width: int, height: int) -> None:
    clock = BigClock(text)
    lines = clock._lines(width, height)
    assert len(lines) <= max(height, 1)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for line in lines for c in line)


@given(st.integers(0, 10 * 3600), st.integers(1, 300), st.integers(1, 100))
def test_the_chosen_scale_always_fits(seconds: int, width: int, height: int) -> None:
    text = shown_text(seconds)
    scale = block_font.largest_scale(text, width, height)
    if scale:
        columns, rows = block_font.block_size(text, scale)
        assert columns <= width and rows <= height
        lines = block_font.draw(text, scale)
        assert len(lines) == rows and {len(line) for line in lines} == {columns}
        bigger = block_font.block_size(text, scale + 1)
        assert bigger[0] > width or bigger[1] > height
    else:
        columns, rows = block_font.block_size(text, 1)
        assert columns > width or rows > height

"""A clock drawn in blocks, at any whole scale of one small font.

Each glyph is defined once as a 3×5 grid of pixels. Drawn at scale ``s`` every pixel
becomes an ``s``×``s`` square, and two pixel rows share one terminal row through the half
blocks ▀ ▄ █ (a cell is about twice as tall as it is wide, so these pixels are square).
Scale 1 is three rows tall, scale 2 five, scale 3 eight, and so on: the caller picks the
largest that fits. The blocks are characters, so the clock reads the same without colour.
"""

from __future__ import annotations

from collections.abc import Sequence

GLYPH_HEIGHT = 5
GAP = 1  # blank pixel columns between two glyphs

_GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}

Bitmap = tuple[tuple[bool, ...], ...]


def can_draw(text: str) -> bool:
    return bool(text) and all(char in _GLYPHS for char in text)


def bitmap(text: str) -> Bitmap:
    """The text at scale 1 as rows of pixels, glyphs ``GAP`` columns apart."""
    rows: list[list[bool]] = [[] for _ in range(GLYPH_HEIGHT)]
    for index, char in enumerate(text):
        for row, pattern in zip(rows, _GLYPHS[char], strict=True):
            if index:
                row.extend([False] * GAP)
            row.extend(pixel == "#" for pixel in pattern)
    return tuple(tuple(row) for row in rows)


def pixel_width(text: str) -> int:
    return sum(len(_GLYPHS[char][0]) for char in text) + GAP * max(len(text) - 1, 0)


def block_size(text: str, scale: int) -> tuple[int, int]:
    """(columns, rows) the text takes on screen at ``scale``."""
    return pixel_width(text) * scale, -(-GLYPH_HEIGHT * scale // 2)


def largest_scale(text: str, width: int, height: int) -> int:
    """The largest scale at which ``text`` fits in width × height cells; 0 when none does."""
    if not can_draw(text) or width <= 0 or height <= 0:
        return 0
    scale = min(width // pixel_width(text), (2 * height) // GLYPH_HEIGHT)
    return max(scale, 0)


def draw(text: str, scale: int) -> list[str]:
    """The text as lines of half blocks, every line the same length."""
    pixels = [
        [pixel for pixel in row for _ in range(scale)] for row in bitmap(text) for _ in range(scale)
    ]
    if len(pixels) % 2:
        pixels.append([False] * len(pixels[0]))
    return [
        "".join(_HALF_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(pixels[::2], pixels[1::2], strict=True)
    ]


def read_pixels(lines: Sequence[str]) -> Bitmap:
    """Half-block lines back to pixels (for tests that read the screen)."""
    lookup = {char: pair for pair, char in _HALF_BLOCKS.items()}
    rows: list[tuple[bool, ...]] = []
    for line in lines:
        pairs = [lookup[char] for char in line]
        rows.append(tuple(top for top, _ in pairs))
        rows.append(tuple(bottom for _, bottom in pairs))
    return tuple(rows)

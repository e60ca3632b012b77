"""What must never reach a screen or a terminal from user or file text, for the tests of
domain/text.py's cleaning wherever text is shown."""

from __future__ import annotations

import unicodedata

from textual.app import App

# The explicit embeddings, overrides and isolates, by their Unicode bidirectional class.
EXPLICIT_BIDI = frozenset({"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"})
BIDI_MARKS = "\u200e\u200f\u061c"  # left-to-right, right-to-left and Arabic letter marks


def unsafe(text: str) -> list[str]:
    """Characters that act on a terminal or on the order of a line, or cannot be encoded."""
    return [
        ch
        for ch in text
        if (unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t")
        or unicodedata.bidirectional(ch) in EXPLICIT_BIDI
        or ch in BIDI_MARKS
        or ch in "\u2028\u2029"
    ]


def screen_text(app: App[object]) -> str:
    """Every line the top screen sends to the terminal (notifications included)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)

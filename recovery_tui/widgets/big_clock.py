"""A countdown big enough to read from the floor: MM:SS (H:MM:SS from an hour) in blocks,
at the largest scale that fits the widget whole, never cut.

It draws again only when the shown text changes (the session sets ``value`` up to four
times a second; the text changes once) or when its size does. Below the smallest scale it
falls back to the plain text on one line.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.text import one_line
from recovery_tui.widgets import block_font


def shown_text(value: float | str) -> str:
    """Seconds as a countdown; a text cleaned to one line."""
    if isinstance(value, str):
        return one_line(value)
    return clock_text(value)


class BigClock(Widget):
    """Set ``value`` to the seconds left (or a text such as ``"--:--"``)."""

    DEFAULT_CSS = """
    BigClock {
        width: 1fr;
        height: 1fr;
        min-height: 1;
    }
    """

    value: reactive[float | str] = reactive(0.0, repaint=False)

    def __init__(
        self,
        value: float | str = 0.0,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._text = shown_text(value)
        self._drawn: tuple[tuple[str, int, int], Content] | None = None
        self.set_reactive(BigClock.value, value)

    @property
    def text(self) -> str:
        """What the clock shows now."""
        return self._text

    @property
    def scale(self) -> int:
        """The scale it draws at in its current size (0: the plain text)."""
        return block_font.largest_scale(self._text, self.size.width, self.size.height)

    def watch_value(self, value: float | str) -> None:
        text = shown_text(value)
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Content:
        width, height = self.size
        key = (self._text, width, height)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, Content("\n".join(self._lines(width, height))))
        return self._drawn[1]

    def _lines(self, width: int, height: int) -> list[str]:
        scale = block_font.largest_scale(self._text, width, height)
        block = block_font.draw(self._text, scale) if scale else [self._text[:width]]
        top = max(height - len(block), 0) // 2
        left = " " * (max(width - len(block[0]), 0) // 2)
        return [""] * top + [left + line for line in block]

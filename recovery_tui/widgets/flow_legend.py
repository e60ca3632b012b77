"""A legend of short items laid out in lines of the width given, never splitting an item
("LBk lower back") across two lines, as a plain wrap of the text would."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

GAP = 2
MIN_WIDTH = 20


def flow(items: Sequence[Content], width: int, gap: int = GAP) -> Content:
    """The items on as few lines as fit ``width``, ``gap`` spaces apart (an item longer
    than a line gets a line of its own)."""
    width = max(width, MIN_WIDTH)
    parts: list[Content | str] = []
    used = 0
    for item in items:
        size = item.cell_length
        if used and used + gap + size > width:
            parts.append("\n")
            used = 0
        if used:
            parts.append(" " * gap)
            used += gap
        parts.append(item)
        used += size
    return Content.assemble(*parts)


class FlowLegend(Static):
    """A ``Static`` showing ``items`` through ``flow`` at its current width."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._items: tuple[Content, ...] = ()

    @property
    def items(self) -> tuple[Content, ...]:
        return self._items

    def show(self, items: Sequence[Content]) -> None:
        self._items = tuple(items)
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.content_size.width or self.app.size.width
        self.update(flow(self._items, width))

"""A list of short sentences, each after a bullet, wrapped under its own first word (a
hanging indent) rather than under the bullet."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static


class Bullets(Vertical):
    """Call ``show(items)``; an empty list hides nothing by itself (the screen decides)."""

    def __init__(self, mark: str = "•", *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self._mark = mark
        self._items: tuple[str, ...] = ()

    def show(self, items: Sequence[str]) -> None:
        """Show ``items`` as plain text (never markup); nothing is rebuilt when unchanged."""
        items = tuple(items)
        if items == self._items:
            return
        self._items = items
        self.remove_children()
        self.mount_all(
            Horizontal(
                Static(self._mark, classes="bullet-mark"),
                Static(Content(item), classes="bullet-text"),
                classes="bullet",
            )
            for item in items
        )

"""A drop-down choice that survives its dialog closing in the moment it opened.

Textual's ``Select`` sets itself up when it is mounted by looking up its own parts (the
overlay, the current value's label). When the screen holding it is closed just as it
opens (``c`` then ``h`` typed together: the check-in opens and History closes it again),
those parts may already be removed, the lookup raises NoMatches and the app stops.
tests/reliability/test_rel_textual_select.py keeps the reproduction in a bare Textual app.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

from textual import events
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Select

T = TypeVar("T", bound=Hashable)


class Choice(Select[T]):
    """A ``Select`` whose setup on mount is skipped when its screen has been closed."""

    def _on_mount(self, event: events.Mount) -> None:
        # Select's handler runs here, inside the guard; the event goes no further up the
        # classes (Widget's own only sets up scroll bars, which a Select does not have).
        event.prevent_default()
        try:
            super()._on_mount(event)
        except NoMatches:
            if self._on_a_shown_screen():
                raise  # not the closing race: a real fault

    def _on_a_shown_screen(self) -> bool:
        node = self.parent
        while node is not None and not isinstance(node, Screen):
            node = node.parent
        return node is not None and node in self.app.screen_stack

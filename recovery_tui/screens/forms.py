"""Reading a dialog's text fields: each parsed by a domain parser, a bad one marked and its
message kept, so the dialog can show every mistake at once and save nothing; and moving
between the fields with tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from recovery_tui.domain.validation import InvalidValue

T = TypeVar("T")

# Tab moves the focus while the app routes the keys, before the next key is routed: with
# Textual's own binding it moved only when the field being left handled it, so a key typed
# right after it (fast typing, a paste, a slow link delivering both at once) landed in that
# field and "tab 7" put the 7 in energy instead of sleep. A dialog binds them to
# ``action_next_field`` (see ``next_field``).
FIELD_KEYS: list[BindingType] = [
    Binding("tab", "next_field(1)", "Next field", show=False, priority=True),
    Binding("shift+tab", "next_field(-1)", "Previous field", show=False, priority=True),
]


def next_field(screen: Screen[object], delta: int, group: type[Widget] | None = None) -> None:
    """Focus the next (``delta`` 1) or previous (-1) field of ``screen``, round the end.
    The widgets of ``group`` (the soreness areas, moved between with the arrows) are one
    stop, entered at their first."""
    chain = screen.focus_chain
    if not chain:
        return
    focused = screen.focused
    if focused not in chain:
        target = chain[0 if delta > 0 else -1]
    else:
        index = chain.index(focused)
        if group is not None and isinstance(focused, group):
            members = [i for i, widget in enumerate(chain) if isinstance(widget, group)]
            index = members[-1] if delta > 0 else members[0]
        target = chain[(index + delta) % len(chain)]
    if group is not None and isinstance(target, group):
        target = next(widget for widget in chain if isinstance(widget, group))
    screen.set_focus(target)  # now: ``focus()`` would wait for the keys already routed


class FormReader:
    def __init__(self, screen: Screen[object]) -> None:
        self._screen = screen
        self.errors: list[str] = []

    def read(self, field_id: str, parse: Callable[[str], T]) -> T | None:
        """The field parsed, or None (marked invalid, its message kept) when it is bad."""
        field = self._screen.query_one(f"#{field_id}", Input)
        try:
            value = parse(field.value)
        except InvalidValue as error:
            field.add_class("-invalid")
            self.errors.append(str(error))
            return None
        field.remove_class("-invalid")
        return value

    def optional(self, field_id: str, parse: Callable[[str], T]) -> T | None:
        """Like ``read``, but an empty field is simply not given (None)."""
        field = self._screen.query_one(f"#{field_id}", Input)
        if not field.value.strip():
            field.remove_class("-invalid")
            return None
        return self.read(field_id, parse)

    @property
    def ok(self) -> bool:
        return not self.errors


def edited(screen: Screen[object], field: Input, errors_id: str) -> None:
    """A field edited after a refused save is no longer marked bad; once none is, the
    "Not saved" line goes too: it spoke of values no longer there."""
    field.remove_class("-invalid")
    if not screen.query(".-invalid"):
        screen.query_one(f"#{errors_id}", Static).add_class("hidden")

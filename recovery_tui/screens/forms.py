"""Reading a dialog's text fields: each parsed by a domain parser, a bad one marked and its
message kept, so the dialog can show every mistake at once and save nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.screen import Screen
from textual.widgets import Input

from recovery_tui.domain.validation import InvalidValue

T = TypeVar("T")


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

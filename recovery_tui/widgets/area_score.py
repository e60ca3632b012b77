"""Soreness of one body area, entered with the keyboard: arrow to it, type a digit.

Typing 1 then 0 quickly gives 10; left/right (or -/+) step by one; backspace or delete
clears it. An area left alone is *not entered* (shown as –), which is not the same as 0.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from recovery_tui.domain.models import Area
from recovery_tui.domain.validation import DECIMAL_MARKS
from recovery_tui.widgets.palette import soreness_style

NOT_ENTERED = "–"


class AreaScore(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,plus,equals_sign", "step(1)", "+1", show=False),
        Binding("left,minus", "step(-1)", "-1", show=False),
        Binding("backspace,delete", "clear", "Not entered", show=False),
        # Priority, so the focus moves before the next key is routed: "↓ 5" typed at once
        # gives the 5 to the next area, not this one.
        Binding("down", "move(1)", "Next", show=False, priority=True),
        Binding("up", "move(-1)", "Previous", show=False, priority=True),
    ]

    value: reactive[int | None] = reactive[int | None](None)

    def __init__(self, area: Area, value: int | None) -> None:
        super().__init__(id=f"sore-{area.value}", classes="area-score")
        self.area = area
        self.set_reactive(AreaScore.value, value)
        self._pending_one = False
        self._after_point = False

    def render(self) -> Content:
        label = (f"{self.area.label:<11}", "bold")
        focus = "reverse" if self.has_focus else "bold"
        if self.value is None:
            return Content.assemble(
                label,
                (f" {NOT_ENTERED:>2} ", focus),
                " ",
                ("·" * 10, "dim"),
                ("  not entered", "dim italic"),
            )
        return Content.assemble(
            label,
            (f" {self.value:>2} ", focus),
            " ",
            ("█" * self.value, soreness_style(self.value)),
            ("·" * (10 - self.value), "dim"),
        )

    class Refused(Message):
        """A decimal was typed: the score stays, and the dialog says why."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        if len(char) == 1 and char in DECIMAL_MARKS:
            # Dropped, the point let the next digit replace the score: '7.5' gave 5.
            event.stop()
            self._pending_one = False
            self._after_point = True
            kept = NOT_ENTERED if self.value is None else str(self.value)
            self.post_message(
                self.Refused(f"soreness is a whole number 0-10: {self.area.label} stays {kept}")
            )
            return
        if len(char) == 1 and char in "0123456789":
            event.stop()
            if self._after_point:
                # The decimal of the number refused ('7.5'): not a new score. One digit
                # only, so a score typed to correct it ('6') is taken.
                self._after_point = False
                return
            digit = int(char)
            if self._pending_one and digit == 0:
                self.value = 10
                self._pending_one = False
            else:
                self.value = digit
                self._pending_one = digit == 1

    def on_blur(self) -> None:
        self._pending_one = False
        self._after_point = False
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def action_step(self, delta: int) -> None:
        self._pending_one = False
        self._after_point = False
        start = self.value if self.value is not None else (0 if delta > 0 else 1)
        self.value = max(0, min(10, start + delta))

    def action_move(self, delta: int) -> None:
        chain = self.screen.focus_chain
        if self in chain:
            self.screen.set_focus(chain[(chain.index(self) + delta) % len(chain)])

    def action_clear(self) -> None:
        self._pending_one = False
        self._after_point = False
        self.value = None

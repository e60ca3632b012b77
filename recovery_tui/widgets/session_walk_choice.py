"""How long a walk: the presets as buttons and a field for any other length."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Static

from recovery_tui.domain.routines import MAX_WALK_MINUTES, WALK_PRESETS
from recovery_tui.domain.validation import InvalidValue, parse_minutes, typed_in_a_number
from recovery_tui.widgets.text_field import TextField

DEFAULT_MINUTES = 12
USUAL_HINT = "10-15 minutes, a few times a day: the first steps hurt, then the muscles warm up."


class WalkChoice(Vertical):
    """Posts ``Chosen`` with the minutes; the screen starts the walk."""

    class Chosen(Message):
        def __init__(self, minutes: int) -> None:
            super().__init__()
            self.minutes = minutes

    def __init__(self, hint: str = USUAL_HINT, *, id: str | None = None, classes: str = "") -> None:
        """``hint`` says what today's plan asks of a walk (plain text, never markup)."""
        super().__init__(id=id, classes=classes)
        self._hint = hint

    def compose(self) -> ComposeResult:
        yield Static("How long a walk?", classes="dialog-title")
        yield Static(Content(self._hint), classes="hint")
        with Horizontal(id="walk-presets"):
            for minutes in WALK_PRESETS:
                yield Button(f"{minutes} min", id=f"walk-{minutes}")
        yield TextField(
            placeholder=f"or type minutes (1-{MAX_WALK_MINUTES}) and press enter",
            id="walk-minutes",
            # Focused by the first digit typed: selecting it would let the next replace it.
            select_on_focus=False,
        )
        yield Static("", id="walk-error", classes="errors")

    def focus_default(self) -> None:
        self.query_one(f"#walk-{DEFAULT_MINUTES}", Button).focus()

    def on_key(self, event: events.Key) -> None:
        # The hint says "type minutes": what is typed of a number while a preset has the
        # focus goes into the field, not lost (and enter then starts that length, not the
        # preset). Every character of it, the point and a sign too, so that '1.5' is
        # refused as typed rather than taken as 15.
        character = event.character
        field = self.query_one("#walk-minutes", TextField)
        if character is not None and typed_in_a_number(character) and not field.has_focus:
            event.stop()
            event.prevent_default()
            # Now: ``focus()`` waits for the keys already routed, and the rest of a
            # number typed at once would go to the preset.
            self.screen.set_focus(field)
            field.insert_text_at_cursor(character)

    @on(Button.Pressed)
    def _preset(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.post_message(self.Chosen(int(event.button.id.removeprefix("walk-"))))

    @on(Input.Submitted)
    def _custom(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            minutes = parse_minutes(event.value)
        except InvalidValue as error:
            self.query_one("#walk-error", Static).update(str(error))
            event.input.add_class("-invalid")
            return
        self.post_message(self.Chosen(minutes))

"""A yes/no question, for the few things that cannot be taken back."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from recovery_tui.domain.text import one_line, plain
from recovery_tui.paths import style
from recovery_tui.screens.chrome import quitting


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH: ClassVar = [style("modals.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, title: str, question: str, yes: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            # Text, never markup: a question may name a run, a routine or a file.
            yield Static(Content(one_line(self.title_text)), classes="dialog-title")
            yield Static(Content(plain(self.question)), id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep it  n", id="no")
                yield Button(Content(f"{one_line(self.yes)}  y"), id="yes", variant="error")

    def on_mount(self) -> None:
        if not quitting(self):
            self.query_one("#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

"""Said when the records needed mending (a damaged file moved aside, records left out, a
backup brought back, an upgrade): it stays until the user has read it, as a toast that
fades in seconds would not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from recovery_tui.domain.text import plain
from recovery_tui.paths import style
from recovery_tui.widgets.bullets import Bullets

TITLE = "Changes made to your data files"
KEPT = "Nothing was deleted: every file as it was is kept beside it, at the path named above."


class DataRepairedScreen(ModalScreen[None]):
    CSS_PATH: ClassVar = [style("modals.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "seen", "OK")]

    def __init__(self, notices: Sequence[str]) -> None:
        super().__init__()
        # From the store: they quote paths and the reasons files did not read.
        self.notices = [plain(notice) for notice in notices]

    def compose(self) -> ComposeResult:
        with Vertical(id="repaired-dialog", classes="dialog"):
            yield Static(TITLE, classes="dialog-title")
            with VerticalScroll(id="repaired-notices"):
                yield Bullets(id="repaired-list")
            yield Static(KEPT, id="repaired-kept")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK  enter", id="seen", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Bullets).show(self.notices)
        self.query_one("#seen", Button).focus()

    def action_seen(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_seen()

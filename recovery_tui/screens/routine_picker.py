"""The routine picker (`o`, or the command palette): every built-in and custom routine,
searched by typing, with a preview of the selected one's steps. It is dismissed with the id
of the routine to start (the app starts it) or None."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from recovery_tui.app_limits import NARROW_WIDTH
from recovery_tui.paths import style
from recovery_tui.screens.chrome import quitting
from recovery_tui.services.routine_choices import (
    RoutineChoice,
    RoutineMenu,
    broken_matching,
    search,
)
from recovery_tui.widgets.routine_list import RoutineOptions, broken_option, choice_option, preview
from recovery_tui.widgets.text_field import TextField


class RoutinePicker(ModalScreen[str | None]):
    CSS_PATH: ClassVar = [style("picker.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close"),
        Binding("down", "move('down')", "Next", show=False),
        Binding("up", "move('up')", "Previous", show=False),
        Binding("pagedown", "move('page_down')", show=False),
        Binding("pageup", "move('page_up')", show=False),
    ]

    def __init__(self, menu: RoutineMenu) -> None:
        super().__init__()
        self.menu = menu
        self._shown: dict[str, RoutineChoice] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield Static("Choose a routine", classes="dialog-title")
            yield TextField(
                placeholder="Type to search: a name, an area, a file", id="picker-search"
            )
            with Horizontal(id="picker-body"):
                yield RoutineOptions(id="picker-list")
                with VerticalScroll(id="picker-preview-box"):
                    yield Static(id="picker-preview")
            yield Static("↑/↓ choose  ·  enter start  ·  esc close", id="picker-keys")

    def on_mount(self) -> None:
        if quitting(self):
            return
        self._fit()
        self._show("")

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")

    @on(Input.Changed)
    def _searched(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        found = search(self.menu.choices, query)
        self._shown = {str(index): choice for index, choice in enumerate(found)}
        options = [choice_option(choice, key) for key, choice in self._shown.items()]
        options += [broken_option(line) for line in broken_matching(self.menu.broken, query)]
        if not options:
            options.append(Option(Content(f"No routine matches “{query.strip()}”."), disabled=True))
        listing = self.query_one(OptionList)
        listing.set_options(options)
        listing.action_first()
        if listing.highlighted is None:
            self.query_one("#picker-preview", Static).update("")

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        choice = self._shown.get(event.option.id or "")
        if choice is not None:
            self.query_one("#picker-preview", Static).update(preview(choice))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._start(event.option)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self._start(self.query_one(OptionList).highlighted_option)

    def _start(self, option: Option | None) -> None:
        choice = self._shown.get(option.id or "") if option is not None else None
        if choice is not None and choice.offered:
            self.dismiss(choice.routine_id)

    def action_move(self, how: str) -> None:
        listing = self.query_one(OptionList)
        moves = {
            "down": listing.action_cursor_down,
            "up": listing.action_cursor_up,
            "page_down": listing.action_page_down,
            "page_up": listing.action_page_up,
        }
        moves[how]()

    def action_cancel(self) -> None:
        self.dismiss(None)

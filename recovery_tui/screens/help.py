"""F1 / ?: the keys and a short how-to."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from recovery_tui.paths import style

KEYS: tuple[tuple[str, str], ...] = (
    ("t", "Today: the plan and what is done"),
    ("w", "start a walk timer"),
    ("s", "start the guided 30-minute stretch"),
    ("h", "History: the past week; ←/→ other weeks, enter a day"),
    ("c", "check-in: soreness, sleep, energy, water"),
    ("r", "log a run or a race"),
    ("space / enter", "tick the selected task (counted tasks go up)"),
    ("+ / -  (→ / ←)", "count a task up or down"),
    ("↑ / ↓", "move between tasks, or between areas in the check-in"),
    ("space", "pause / resume a session"),
    ("n / p", "next / previous step of a session"),
    ("esc / q", "stop a session (asks first; what you did is saved)"),
    ("b / f / d", "session cues on or off: bell, flash, desktop notification"),
    ("[ / ]  g  m", "History: week before/after, weeks × days grid, grid colouring"),
    ("ctrl+p", "command palette: commands, the theme, undo the last logged run"),
    ("F1 / ?", "this help"),
    ("ctrl+q", "quit (everything is already saved)"),
)

HOW_TO = """\
## How to use it

1. After a hard run or a race, press `r` and log it: the recovery window opens.
2. Each morning press `c` and record how sore each area is (↑/↓, then a digit).
3. Work through today's tasks: walk 10-15 minutes a few times, stretch 30 minutes,
   drink. Tick each one as you go; it is saved at once.
4. Press `h` to see the soreness fade over the week.

General guidance, not medical advice: sharp pain, swelling, pain at rest or soreness that
does not ease after three days are reasons to see a health professional.
"""


def keys_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, what in KEYS:
        table.add_row(key, what)
    return table


class HelpScreen(ModalScreen[None]):
    CSS_PATH: ClassVar = [style("modals.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static("Help  (esc to close)", classes="dialog-title")
            with VerticalScroll():
                yield Static("Keys", classes="help-heading")
                yield Static(keys_table(), id="help-keys")
                yield Markdown(HOW_TO)

    def action_close(self) -> None:
        self.dismiss(None)

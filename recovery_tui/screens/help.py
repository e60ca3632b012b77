"""F1 / ?: the keys of the screen help was opened from, and a short how-to.

The keys are read from that screen's active bindings (its focused widget's, its own and
the app's, as Textual's footer reads them) when help is built, before it covers the
screen: so help names exactly the keys the footer shows, with the footer's names, plus
the screen's documented keys the footer leaves out (those with a tooltip). No table of
keys is kept by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

from recovery_tui.paths import style

HOW_TO = """\
## How to use it

1. After a hard run or a race, press `r` and log it: the recovery window opens.
2. Each morning press `c` and record how sore each area you feel is (↑/↓, then a
   digit; an area left out is "not entered", not 0). The plan listens to it.
3. Work through today's tasks: walk 10-15 minutes a few times, stretch 30 minutes,
   drink. `space` ticks a task, `+`/`-` count walks and cups, `enter` starts a task's
   routine; `o` lists every routine.
4. Press `h` to see the soreness fade over the week; there `v` shows each run's
   recovery as a curve, and two runs marked with `space` side by side.

General guidance, not medical advice. Sharp pain, swelling, pain at rest or when walking,
dark urine, a leg you cannot stand on, pain at one point on a bone, dizziness, severe
soreness (9-10), or soreness still high after day 5 are reasons to see a health
professional: tick them in the check-in and the day is reshaped around them.
"""
PACKAGE = __name__.split(".")[0]
# Keys run together in one row when they share a name ("1–9 Area").
RUN_OF_KEYS = 3


NOT_IN_FOOTER = "Keys in italics work here but are not in the footer."


@dataclass(frozen=True, slots=True)
class KeyHelp:
    keys: str  # as the footer shows them, then any other key doing the same
    name: str  # the footer's name
    what: str  # the binding's tooltip ("" when it has none)
    in_footer: bool


def _keys_text(keys: list[str]) -> str:
    digits = [k for k in keys if len(k) == 1 and k.isdigit()]
    if len(digits) == len(keys) >= RUN_OF_KEYS:
        numbers = sorted(int(k) for k in digits)
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"{numbers[0]}–{numbers[-1]}"
    return " ".join(keys)


def _displays(app: App[object], binding: Binding) -> list[str]:
    """How the footer shows the key, then the key itself when the footer shows another
    sign for it ('←' for the left arrow and for '[')."""
    shown = app.get_key_display(binding)
    raw = app.get_key_display(replace(binding, key_display=None))
    return [shown] if raw == shown else [shown, raw]


def _declared_here(namespace: DOMNode, binding: Binding) -> bool:
    """Is ``binding`` one of the project's own (declared by a class of this package), not
    one a Textual widget brings (a table's cursor keys)?"""
    for cls in type(namespace).__mro__:
        if not cls.__module__.startswith(PACKAGE):
            continue
        for declared in cls.__dict__.get("BINDINGS", ()):
            if (
                isinstance(declared, Binding)
                and declared.action == binding.action
                and declared.description == binding.description
            ):
                return True
    return False


def _is_palette_key(app: App[object], binding: Binding) -> bool:
    # The footer shows the command palette's key at its right end, though not "shown".
    return app.ENABLE_COMMAND_PALETTE and binding.key == app.COMMAND_PALETTE_BINDING


def screen_keys(screen: Screen[object]) -> list[KeyHelp]:
    """The keys active on ``screen`` now, footer keys first, in the footer's order. Keys
    with the same name and tooltip share a row. Besides the footer's, a key is listed
    when it has a tooltip or is the project's own (↑/↓ between tasks); the keys Textual's
    widgets bring are left out."""
    app = screen.app
    rows: dict[tuple[str, str], tuple[list[str], bool]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        what = active.tooltip or binding.tooltip
        if not binding.description:
            continue
        if not (binding.show or what or _declared_here(active.node, binding)):
            continue
        keys, in_footer = rows.setdefault((binding.description, what), ([], False))
        for display in _displays(app, binding):
            if display not in keys:
                keys.append(display)
        shown = binding.show or _is_palette_key(app, binding)
        rows[(binding.description, what)] = (keys, in_footer or shown)
    found = [
        KeyHelp(_keys_text(keys), name, what, in_footer)
        for (name, what), (keys, in_footer) in rows.items()
    ]
    return sorted(found, key=lambda k: not k.in_footer)  # stable: footer order kept


def screen_name(screen: Screen[object]) -> str:
    """'Today', 'History', 'Session': the screen's class without 'Screen'."""
    return type(screen).__name__.removesuffix("Screen") or "this screen"


def keys_table(keys: Iterable[KeyHelp]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for key in keys:
        # Text, not str: a table reads a plain string as markup.
        name_style = "" if key.in_footer else "italic"
        table.add_row(Text(key.keys), Text(key.name, style=name_style), Text(key.what))
    return table


class HelpScreen(ModalScreen[None]):
    CSS_PATH: ClassVar = [style("modals.tcss"), style("help.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "close", "Close"),
    ]

    def __init__(self, opener: Screen[object] | None = None) -> None:
        """``opener``: the screen whose keys to list, by default the one on top of the
        app now (help is built before it is pushed over it)."""
        super().__init__()
        screen = opener if opener is not None else self.app.screen
        self.keys = screen_keys(screen)
        self.screen_name = screen_name(screen)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(
                Content.assemble("Help  ", ("(esc to close)", "dim")), classes="dialog-title"
            )
            with VerticalScroll():
                yield Static(
                    Content(f"Keys on this screen ({self.screen_name})"), classes="help-heading"
                )
                yield Static(keys_table(self.keys), id="help-keys")
                if not all(key.in_footer for key in self.keys):
                    yield Static(Content(NOT_IN_FOOTER), id="help-keys-note")
                yield Markdown(HOW_TO)

    def action_close(self) -> None:
        self.dismiss(None)

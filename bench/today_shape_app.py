"""Today's shape in plain Textual, with no records and none of our code: the floor under
any Today built from Textual's widgets.

Textual's ``Header`` and ``Footer`` (eleven keys), the headline, five two-line tasks in a
scrolling column beside the readiness question, its reasons and date and an eight-line
body map, and the day's progress row with a ``ProgressBar``: the widgets Today shows on an
ordinary day, laid out the same way, with Textual's default styles.

    .venv/bin/python bench/today_shape_app.py          # in a terminal, until ctrl+q
    .venv/bin/python bench/today_shape_app.py --bench  # headless, exit after the first paint
"""

from __future__ import annotations

import sys
from typing import ClassVar

from bare_app import run_app
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, ProgressBar, Static

KEYS = "cwsrhotdxy"


class TodayShapeApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, "bell", f"Key {key}") for key in KEYS),
        Binding("question_mark", "bell", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static("Friday 27 November: day 3 of 7 after your half marathon")
            with Horizontal():
                with VerticalScroll():
                    for number in range(1, 6):
                        yield Static(f"Task {number}\nWhy it matters today, on a second line")
                with Vertical():
                    with Vertical():
                        yield Static("Ready to run?")
                        yield Static("- soreness still 4 in the calves\n- two more days")
                        yield Static("About Sunday 29 November")
                    yield Static("\n".join(f"area {n}: 3" for n in range(8)))
            with Horizontal():
                yield Static("Today")
                yield ProgressBar(total=8, show_eta=False, show_percentage=False)
                yield Static("3/8 tasks")
        yield Footer()


def main(argv: list[str]) -> int:
    return run_app(TodayShapeApp(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

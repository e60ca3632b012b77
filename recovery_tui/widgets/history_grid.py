"""Months at a glance: a column per week, a row per weekday, each day a level 0–4.

Each cell shows its level as a digit as well as a colour, so the grid still reads with
NO_COLOR or on a monochrome terminal. Colours come from component classes in
styles/history.tcss.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from recovery_tui.domain.formats import WEEKDAYS
from recovery_tui.domain.history.grid import GridBy, GridCell
from recovery_tui.domain.history.navigation import month_labels

CELL_WIDTH = 3
MISSING = "·"
LEGENDS: dict[GridBy, str] = {
    "soreness": "worst soreness: 0 none  1 = 1–2  2 = 3–4  3 = 5–6  4 = 7+   · no check-in",
    "tasks": "share of tasks done: 0 none  1–3 some  4 all   · before your first record",
}
TITLES: dict[GridBy, str] = {"soreness": "Soreness", "tasks": "Tasks done"}


class HistoryGrid(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "history-grid--missing",
        "history-grid--label",
        *(f"history-grid--soreness-{n}" for n in range(5)),
        *(f"history-grid--tasks-{n}" for n in range(5)),
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[Sequence[GridCell]] = ()
        self.by: GridBy = "soreness"

    def show(self, rows: Sequence[Sequence[GridCell]], by: GridBy) -> None:
        self._rows = rows
        self.by = by
        self.refresh(layout=True)

    def _cell(self, cell: GridCell) -> Text:
        if cell.after_end:
            return Text(" " * CELL_WIDTH)
        level = cell.level(self.by)
        if level is None:
            style = self.get_component_rich_style("history-grid--missing")
            return Text(MISSING.center(CELL_WIDTH), style=style)
        style = self.get_component_rich_style(f"history-grid--{self.by}-{level}")
        return Text(str(level).center(CELL_WIDTH), style=style)

    def render(self) -> Text:
        if not self._rows:
            return Text("")
        label_style = self.get_component_rich_style("history-grid--label")
        text = Text()
        text.append(" " * 4)
        for label in month_labels([row[0].date for row in self._rows]):
            text.append(label.ljust(CELL_WIDTH)[:CELL_WIDTH], style=label_style)
        for index, weekday in enumerate(WEEKDAYS):
            text.append("\n")
            text.append(f"{weekday} ", style=label_style)
            for row in self._rows:
                text.append_text(self._cell(row[index]))
        text.append("\n\n")
        text.append(LEGENDS[self.by], style=label_style)
        return text

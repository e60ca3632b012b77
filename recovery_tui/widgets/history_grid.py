"""Months at a glance: a column per week, a row per weekday, each day a level 0–4.

Each cell shows its level as a digit as well as a colour, so the grid still reads with
NO_COLOR or on a monochrome terminal. Colours come from component classes in
styles/history.tcss.

The widget never wraps a row: it tells the screen how many whole weeks fit its width
(``Fitted``) and the screen asks ``domain.history.navigation`` which weeks to show. The
legend is laid out in lines of the width, never splitting an entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from recovery_tui.domain.formats import WEEKDAYS
from recovery_tui.domain.history.columns import NOT_RECORDED
from recovery_tui.domain.history.grid import GridBy, GridCell
from recovery_tui.domain.history.navigation import month_labels
from recovery_tui.widgets.flow_legend import flow

CELL_WIDTH = 3
# "Mon " before each row.
LABEL_WIDTH = 4
MISSING = "·"
# Entries of the legend; the leading space keeps the blank cell's entry apart from the
# levels on one line.
LEGENDS: dict[GridBy, tuple[str, ...]] = {
    "soreness": (
        "worst soreness: 0 none",
        "1 = 1–2",
        "2 = 3–4",
        "3 = 5–6",
        "4 = 7+",
        " · no check-in",
        f"{NOT_RECORDED} check-in, soreness not entered",
    ),
    "tasks": ("share of tasks done: 0 none", "1–3 some", "4 all", " · before your first record"),
}
TITLES: dict[GridBy, str] = {"soreness": "Soreness", "tasks": "Tasks done"}


def weeks_that_fit(width: int) -> int:
    """Whole week columns that fit ``width`` cells after the weekday labels."""
    return max(0, (width - LABEL_WIDTH) // CELL_WIDTH)


def legend_text(by: GridBy, width: int) -> str:
    return flow([Content(entry) for entry in LEGENDS[by]], width).plain


class HistoryGrid(Widget):
    class Fitted(Message):
        """The grid's width changed: ``weeks`` whole weeks fit it now."""

        def __init__(self, weeks: int) -> None:
            super().__init__()
            self.weeks = weeks

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

    @property
    def fitting(self) -> int | None:
        """Whole weeks that fit the width; None before the grid has been laid out."""
        width = self.content_size.width
        return weeks_that_fit(width) if width else None

    def on_resize(self, event: events.Resize) -> None:
        fitting = self.fitting
        if fitting is not None:
            self.post_message(self.Fitted(fitting))

    def _cell(self, cell: GridCell) -> Text:
        if cell.after_end:
            return Text(" " * CELL_WIDTH)
        level = cell.level(self.by)
        if level is None:
            style = self.get_component_rich_style("history-grid--missing")
            mark = NOT_RECORDED if cell.checked_in_unscored(self.by) else MISSING
            return Text(mark.center(CELL_WIDTH), style=style)
        style = self.get_component_rich_style(f"history-grid--{self.by}-{level}")
        return Text(str(level).center(CELL_WIDTH), style=style)

    def render(self) -> Text:
        if not self._rows:
            return Text("")
        label_style = self.get_component_rich_style("history-grid--label")
        rows = self._rows
        fitting = self.fitting
        if fitting is not None and len(rows) > fitting:
            # Until the screen has heard the width: the newest weeks, never a wrapped row.
            rows = rows[-max(fitting, 1) :]
        text = Text()
        text.append(" " * LABEL_WIDTH)
        for label in month_labels([row[0].date for row in rows]):
            text.append(label.ljust(CELL_WIDTH)[:CELL_WIDTH], style=label_style)
        for index, weekday in enumerate(WEEKDAYS):
            text.append("\n")
            text.append(f"{weekday} ", style=label_style)
            for row in rows:
                text.append_text(self._cell(row[index]))
        text.append("\n\n")
        width = self.content_size.width or self.app.size.width
        text.append(legend_text(self.by, width), style=label_style)
        return text

"""The days of a period as a table: one row per day, the numbers of its ``DaySummary``.

Narrower than ``FULL_WIDTH`` the nine area columns fold into one "Worst" column ("5
ankles +1"), so every column fits at 80 columns; shift+←/→ (and home/end) scroll sideways
whatever still does not fit. A day before the user's first record is a blank row. The
column heads are explained by ``legend_items``.

The table only shows; choosing a day posts ``WeekTable.DayChosen`` and the screen decides
what to open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable

from recovery_tui.domain.formats import day_label, minutes_text
from recovery_tui.domain.history.columns import (
    AREA_HEADS,
    BEFORE_FIRST,
    HEAD_MEANINGS,
    MARK_MEANINGS,
    NOT_RECORDED,
    count_text,
    marks,
    worst_text,
)
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS

# The full table (nine area columns) is about this wide: below it, the areas fold.
FULL_WIDTH = 100


def _right(text: str, style: str = "") -> Text:
    return Text(text, style=style, justify="right")


def day_cells(day: DaySummary, folded: bool = False) -> list[Text]:
    """The row of one day. Every cell is a ``Text``: the table would read a plain string
    as markup."""
    if day.before_first:
        return [Text(day_label(day.date)), *(Text("") for _ in column_heads(folded)[1:])]
    rec = NOT_RECORDED if day.recovery_day is None else f"{day.recovery_day}/{day.window_days}"
    if folded:
        soreness = [Text(worst_text(day), style="bold")]
    else:
        worst = NOT_RECORDED if day.max_soreness is None else str(day.max_soreness)
        soreness = [
            _right(worst, "bold"),
            *(
                _right(str(day.soreness.get(area, NOT_RECORDED)) if day.soreness else NOT_RECORDED)
                for area in AREAS
            ),
        ]
    # Short walks do not count as walks but their minutes do: shown, as the totals show them.
    walked = day.walks or day.walk_minutes
    walks = f"{day.walks} · {minutes_text(day.walk_minutes)}" if walked else "0"
    return [
        Text(day_label(day.date)),
        _right(rec),
        *soreness,
        _right(f"{day.tasks_done}/{day.tasks_total}"),
        _right(walks),
        _right(minutes_text(day.stretch_minutes)),
        _right(count_text(day.cups)),
        Text(marks(day), style="bold"),
    ]


def column_heads(folded: bool) -> list[tuple[str, str]]:
    """(label, key) of each column."""
    if folded:
        soreness = [("Worst", "worst")]
    else:
        soreness = [("Max", "max"), *((AREA_HEADS[a], a.value) for a in AREAS)]
    return [
        ("Day", "day"),
        ("Rec", "rec"),
        *soreness,
        ("Tasks", "tasks"),
        ("Walks", "walks"),
        ("Str", "stretch"),
        ("Cups", "cups"),
        ("", "marks"),
    ]


def legend_items(folded: bool, before_first: bool = False) -> list[Content]:
    """What each column head and mark means: the heads shown, in their order."""
    shown = {label for label, _ in column_heads(folded)}
    items = [
        Content.assemble((head, "bold"), f" {meaning}")
        for head, meaning in HEAD_MEANINGS
        if head in shown
    ]
    if not folded:
        at = 1 + next(i for i, (head, _) in enumerate(HEAD_MEANINGS) if head == "Max")
        areas = [Content.assemble((AREA_HEADS[a], "bold"), f" {a.label}") for a in AREAS]
        items[at:at] = areas
    items += [Content.assemble((mark, "bold"), f" {meaning}") for mark, meaning in MARK_MEANINGS]
    if before_first:
        items.append(Content(BEFORE_FIRST))
    return items


class WeekTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "shift+left",
            "scroll_left",
            "Scroll left",
            show=False,
            tooltip="Columns to the left, when the table is wider than the screen",
        ),
        Binding(
            "shift+right",
            "scroll_right",
            "Scroll right",
            show=False,
            tooltip="Columns to the right, when the table is wider than the screen",
        ),
    ]

    class DayChosen(Message):
        def __init__(self, day: DaySummary) -> None:
            super().__init__()
            self.day = day

    class Folded(Message):
        """The area columns folded into one, or unfolded: the legend changes."""

        def __init__(self, folded: bool) -> None:
            super().__init__()
            self.folded = folded

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=1)
        self._days: list[DaySummary] = []
        self.folded = False  # the area columns folded into one (decided on resize)
        # Columns and rows are built once the width is known (folded or not), not twice.
        self._sized = False

    def on_resize(self) -> None:
        folded = self.size.width < FULL_WIDTH
        if self._sized and folded == self.folded:
            return
        first = not self._sized
        self._sized = True
        self.folded = folded
        self._rebuild(len(self._days) - 1 if first else self.cursor_row)
        self.post_message(self.Folded(folded))

    def _rebuild(self, row: int) -> None:
        self.clear(columns=True)
        self._add_columns()
        self._fill(row)

    def _add_columns(self) -> None:
        for label, key in column_heads(self.folded):
            self.add_column(label, key=key)

    def show(self, days: Sequence[DaySummary]) -> None:
        """Replace the rows, keeping the cursor on the same row position (the same
        weekday when moving by whole weeks); the first time, on the latest day."""
        row = self.cursor_row if self._days else len(days) - 1
        self._days = list(days)
        if self._sized:
            self.clear()
            self._fill(row)

    def _fill(self, row: int) -> None:
        for day in self._days:
            self.add_row(*day_cells(day, self.folded), key=day.date.isoformat())
        if self._days:
            self.move_cursor(row=min(max(row, 0), len(self._days) - 1), animate=False)

    @property
    def days(self) -> tuple[DaySummary, ...]:
        return tuple(self._days)

    @property
    def chosen(self) -> DaySummary | None:
        """The day under the cursor."""
        if not self._days or self.row_count == 0:
            return None
        return self._days[min(self.cursor_row, len(self._days) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value or ""
        day = next((d for d in self._days if d.date.isoformat() == key), None)
        if day is not None:
            self.post_message(self.DayChosen(day))

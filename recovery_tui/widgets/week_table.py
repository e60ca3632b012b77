"""The days of a period as a table: one row per day, the numbers of its ``DaySummary``.

The table only shows; choosing a day posts ``WeekTable.DayChosen`` and the screen decides
what to open.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from recovery_tui.domain.formats import day_label, minutes_text
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS

# The same short heads as `recovery-tui history`, so the two read alike.
AREA_HEADS = ("Ank", "Kne", "Hip", "Glu", "Add", "LBk", "Cal", "Ham", "Qua")
NOT_RECORDED = "-"
NOTE_MARK = "*"
RED_FLAG_MARK = "!"
LEGEND = (
    f"{NOT_RECORDED} not recorded   {RED_FLAG_MARK} red flag   {NOTE_MARK} note   "
    "walks: count · minutes"
)


def marks(day: DaySummary) -> str:
    return (RED_FLAG_MARK if day.red_flag else "") + (NOTE_MARK if day.has_note else "")


def day_cells(day: DaySummary) -> list[str | Text]:
    rec = NOT_RECORDED if day.recovery_day is None else f"{day.recovery_day}/{day.window_days}"
    sore = [
        NOT_RECORDED if day.soreness is None else str(day.soreness.get(area, NOT_RECORDED))
        for area in AREAS
    ]
    worst = NOT_RECORDED if day.max_soreness is None else str(day.max_soreness)
    walks = f"{day.walks} · {minutes_text(day.walk_minutes)}" if day.walks else "0"
    right = Text.assemble
    return [
        day_label(day.date),
        right(rec, justify="right"),
        Text(worst, style="bold", justify="right"),
        *(Text(s, justify="right") for s in sore),
        Text(f"{day.tasks_done}/{day.tasks_total}", justify="right"),
        Text(walks, justify="right"),
        Text(minutes_text(day.stretch_minutes), justify="right"),
        Text(str(day.cups), justify="right"),
        Text(marks(day), style="bold"),
    ]


class WeekTable(DataTable[str | Text]):
    class DayChosen(Message):
        def __init__(self, day: DaySummary) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=1)
        self._days: dict[str, DaySummary] = {}

    def on_mount(self) -> None:
        self.add_column("Day", key="day")
        self.add_column("Rec", key="rec")
        self.add_column("Max", key="max")
        for area, head in zip(AREAS, AREA_HEADS, strict=True):
            self.add_column(head, key=area.value)
        self.add_column("Tasks", key="tasks")
        self.add_column("Walks", key="walks")
        self.add_column("Str", key="stretch")
        self.add_column("Cups", key="cups")
        self.add_column("", key="marks")

    def show(self, days: Sequence[DaySummary]) -> None:
        """Replace the rows, keeping the cursor on the same row position (the same
        weekday when moving by whole weeks); the first time, on the latest day."""
        row = self.cursor_row if self._days else len(days) - 1
        self.clear()
        self._days = {d.date.isoformat(): d for d in days}
        for day in days:
            self.add_row(*day_cells(day), key=day.date.isoformat())
        if days:
            self.move_cursor(row=min(max(row, 0), len(days) - 1), animate=False)

    @property
    def chosen(self) -> DaySummary | None:
        """The day under the cursor."""
        if not self._days or self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._days.get(key or "")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        day = self._days.get(event.row_key.value or "")
        if day is not None:
            self.post_message(self.DayChosen(day))

"""One task of the day: ticked by key or mouse, counted tasks go up and down.

The row never saves anything: it posts ``TaskRow.Changed`` and the screen decides.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from recovery_tui.domain.plan import TaskSpec


class TaskRow(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "toggle", "Tick", show=True),
        Binding("plus,equals_sign,right", "step(1)", "Count +/-", key_display="+"),
        Binding("minus,left", "step(-1)", "Count -1", show=False),
        Binding("down", "app.focus_next", "Next task", show=False),
        Binding("up", "app.focus_previous", "Previous task", show=False),
    ]

    count: reactive[int] = reactive(0)

    class Changed(Message):
        """The user asked for a new count; the screen stores it (or says why not)."""

        def __init__(self, row: TaskRow, count: int) -> None:
            super().__init__()
            self.row = row
            self.count = count

        @property
        def task_id(self) -> str:
            return self.row.spec.id

    def __init__(self, spec: TaskSpec, count: int) -> None:
        super().__init__(classes=f"task-row task-{spec.id}")
        self.spec = spec
        self.set_reactive(TaskRow.count, count)
        self.tooltip = spec.why

    @property
    def done(self) -> bool:
        return self.count >= self.spec.target

    def watch_count(self) -> None:
        self.set_class(self.done, "-done")

    def on_mount(self) -> None:
        self.set_class(self.done, "-done")

    def render(self) -> Table:
        line = Text()
        line.append(self.spec.title, style="" if self.done else "bold")
        if self.spec.counted:
            filled = min(self.count, self.spec.target)
            line.append(f"  {self.count}/{self.spec.target} ", style="bold")
            line.append("█" * filled + "░" * (self.spec.target - filled))
        line.append("\n")
        line.append(self.spec.why, style="dim italic")
        # A grid keeps the wrapped why-line indented under the title.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text("[x]" if self.done else "[ ]", style="bold"), line)
        return grid

    def _ask(self, count: int) -> None:
        high = self.spec.target * 2 if self.spec.counted else 1
        count = max(0, min(high, count))
        if count != self.count:
            self.post_message(self.Changed(self, count))

    def action_toggle(self) -> None:
        if self.spec.counted:
            self._ask(self.count + 1)
        else:
            self._ask(0 if self.done else 1)

    def action_step(self, delta: int) -> None:
        if self.spec.counted:
            self._ask(self.count + delta)
        else:
            self._ask(1 if delta > 0 else 0)

    def on_click(self, event: Click) -> None:
        self.focus()
        self.action_toggle()

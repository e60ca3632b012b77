"""One task of the day: ticked by key or mouse, counted tasks go up and down, and enter on a
task that has a routine starts it.

The row never saves or starts anything itself: it posts a message and the screen (or the
app) decides.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from recovery_tui.domain.plan import TaskSpec

MARK_WIDTH = 4
STARTS = "▸ enter starts it"


class TaskRow(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", "Tick"),
        # Not in the footer: a row with a routine says "enter starts it" itself.
        Binding(
            "enter", "open", "Start", tooltip="Start this task's routine (or tick it)", show=False
        ),
        Binding("plus,equals_sign,right", "step(1)", "Count", key_display="+"),
        Binding("minus,left", "step(-1)", "Count -1", show=False),
        # Priority, so the focus moves before the next key is routed: "↓ space" typed at
        # once ticks the next task, not this one.
        Binding("down", "move(1)", "Next task", show=False, priority=True),
        Binding("up", "move(-1)", "Previous task", show=False, priority=True),
    ]

    count: reactive[int] = reactive(0)

    class Changed(Message):
        """The user ticked, unticked or counted; the screen stores it (or says why not).

        A counted task sends the step (``delta``), not a total, so a cup counted in
        another running copy is added to, never overwritten."""

        def __init__(self, row: TaskRow, count: int, delta: int) -> None:
            super().__init__()
            self.row = row
            self.count = count
            self.delta = delta

        @property
        def task_id(self) -> str:
            return self.row.spec.id

    class StartRoutine(Message):
        """Enter on a task with a routine: the app starts it."""

        def __init__(self, routine: str) -> None:
            super().__init__()
            self.routine = routine

    class CheckInWanted(Message):
        """The check-in task is done by checking in, not by a tick."""

    def __init__(self, spec: TaskSpec, count: int) -> None:
        super().__init__(classes=f"task-row task-{spec.id}")
        self.spec = spec
        self.set_reactive(TaskRow.count, count)
        self.tooltip = spec.why
        self._wrapped: tuple[tuple[int, int], list[Content]] | None = None

    def show(self, spec: TaskSpec, count: int) -> None:
        """The same task as the day now sees it: a new check-in can change why it matters
        today, not only its count."""
        if spec != self.spec:
            self.spec = spec
            self.tooltip = spec.why
            self._wrapped = None
            self.set_class(count >= spec.target, "-done")
            self.refresh(layout=True)
        self.count = count

    @property
    def done(self) -> bool:
        return self.count >= self.spec.target

    def watch_count(self) -> None:
        self.set_class(self.done, "-done")

    def on_mount(self) -> None:
        self.set_class(self.done, "-done")

    def _lines(self, width: int) -> list[Content]:
        """Title, counter and why, wrapped so the why stays indented under the title."""
        key = (width, self.count)
        if self._wrapped is not None and self._wrapped[0] == key:
            return self._wrapped[1]
        spec = self.spec
        parts: list[str | tuple[str, str]] = [(spec.title, "" if self.done else "bold")]
        if spec.counted:
            filled = min(self.count, spec.target)
            parts.append((f"  {self.count}/{spec.target} ", "bold"))
            parts.append("█" * filled + "░" * (spec.target - filled))
        inner = max(8, width - MARK_WIDTH)
        lines = Content.assemble(*parts).wrap(inner)
        why = spec.today or spec.why
        if spec.routine is not None:
            why = f"{why}  {STARTS}"
        lines += Content.styled(why, "dim italic").wrap(inner)
        mark = Content.styled("[x] " if self.done else "[ ] ", "bold")
        indent = Content(" " * MARK_WIDTH)
        shown = [(mark if i == 0 else indent) + line for i, line in enumerate(lines)]
        self._wrapped = (key, shown)
        return shown

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_region.width or 40))

    def _ask(self, count: int) -> None:
        count = max(0, count)
        if count != self.count:
            self.post_message(self.Changed(self, count, count - self.count))

    def action_toggle(self) -> None:
        if self.spec.auto:
            self.post_message(self.CheckInWanted())
        elif self.spec.counted:
            self._ask(self.count + 1)
        else:
            self._ask(0 if self.done else 1)

    def action_open(self) -> None:
        if self.spec.routine is not None:
            self.post_message(self.StartRoutine(self.spec.routine))
        else:
            self.action_toggle()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # + and - count walks and cups; on a task done once, space ticks it, and the
        # footer keeps its room for the app's keys.
        if action == "step":
            return self.spec.counted and not self.spec.auto
        return True

    def action_step(self, delta: int) -> None:
        if self.spec.auto:
            return
        if self.spec.counted:
            self._ask(self.count + delta)
        else:
            self._ask(1 if delta > 0 else 0)

    def action_move(self, delta: int) -> None:
        """Up and down go round the day's tasks: the focus never leaves them by surprise."""
        rows = [row for row in self.screen.focus_chain if isinstance(row, TaskRow)]
        if self in rows:
            self.screen.set_focus(rows[(rows.index(self) + delta) % len(rows)])

    def on_click(self, event: Click) -> None:
        self.focus()
        self.action_toggle()

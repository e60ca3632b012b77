"""History: the past week day by day with its trends, other weeks, and months as a grid.

Every number comes from the ``DaySummary`` objects of ``journal.history`` (the same ones
``recovery-tui history`` prints), and every date step from ``domain.history.navigation``: this
screen only shows them. The months grid is read only when first asked for.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import var
from textual.widgets import Footer, Header, Static

from recovery_tui.domain.formats import period_label
from recovery_tui.domain.history.grid import GridBy, GridCell, weeks_grid
from recovery_tui.domain.history.navigation import (
    GRID_WEEKS,
    can_go_later,
    grid_range,
    shift_week,
    week_range,
)
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.history.trends import summarize_days
from recovery_tui.paths import style
from recovery_tui.screens.chrome import RecoveryScreen, TooSmall
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.history_grid import TITLES, HistoryGrid
from recovery_tui.widgets.history_trends import HistoryTrends
from recovery_tui.widgets.week_table import LEGEND, WeekTable

# The actions that only make sense in one of the two views.
_WEEK_ONLY = frozenset({"open_day"})
_GRID_ONLY = frozenset({"grid_by"})


class HistoryScreen(RecoveryScreen):
    CSS_PATH: ClassVar = [style("history.tcss")]
    # Priority, so the arrows and enter reach the screen even when the table has focus
    # (the table would otherwise use them to move between columns).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,left_square_bracket",
            "earlier",
            "Earlier",
            key_display="←",
            priority=True,
            tooltip="The week (or months) before",
        ),
        Binding(
            "right,right_square_bracket",
            "later",
            "Later",
            key_display="→",
            priority=True,
            tooltip="The week (or months) after, up to today",
        ),
        Binding(
            "enter",
            "open_day",
            "Day detail",
            priority=True,
            tooltip="Everything recorded on the selected day",
        ),
        Binding("g", "toggle_grid", "Weeks/months", tooltip="The past months as a grid"),
        Binding("m", "grid_by", "Soreness/tasks", tooltip="Colour the grid by soreness or tasks"),
        Binding("escape", "back", "Today", tooltip="Back to today's plan"),
    ]

    showing_grid: var[bool] = var(False, init=False)
    grid_by: var[GridBy] = var[GridBy]("soreness", init=False)

    def __init__(self, journal: Journal, day: date) -> None:
        super().__init__()
        self.journal = journal
        self.today = day
        self.end: date = day  # last day of the week shown
        self.days: list[DaySummary] = []
        self.grid_end: date | None = None
        self._earliest: date | None = None
        self._grid_rows: list[list[GridCell]] = []
        # Whether the view reached today when last shown: at midnight it follows on.
        self._week_at_today = True
        self._grid_at_today = True
        self._keys_state: tuple[bool, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield TooSmall()
        with Vertical(id="history"):
            yield Static(id="history-title")
            with Vertical(id="week-view"):
                yield WeekTable(id="week-table")
                yield Static(LEGEND, id="week-legend")
                yield HistoryTrends(id="trends")
            with Vertical(id="grid-view", classes="hidden"):
                yield HistoryGrid(id="history-grid")
        yield Footer()

    def hidden_app_actions(self) -> frozenset[str]:
        # Keep the footer for History's own keys.
        return frozenset({"walk", "stretch", "checkin", "log_run", "history"})

    def app_day(self) -> date:
        return self.today

    def on_mount(self) -> None:
        self.sub_title = "History"
        self._earliest = self.journal.first_day()
        # The footer reads the keys when the table takes focus: no extra redraw needed now.
        self._keys_state = self._keys_now()
        self.show_week()

    # -- showing ---------------------------------------------------------------------------
    def show_week(self) -> None:
        start, end = week_range(self.end)
        self.days = self.journal.history(start, end)
        self.query_one(WeekTable).show(self.days)
        self.query_one(HistoryTrends).show(summarize_days(self.days))
        self._week_at_today = not can_go_later(end, self.today)
        self._show_title()
        self._update_keys()

    def show_grid(self) -> None:
        assert self.grid_end is not None
        start, end = grid_range(self.grid_end, GRID_WEEKS)
        # Days with nothing recorded stay blank: before the first record the plan's
        # everyday tasks would otherwise read as months of "nothing done".
        recorded = [d for d in self.journal.history(start, end) if d.has_data]
        self._grid_rows = weeks_grid(end, GRID_WEEKS, recorded)
        self.query_one(HistoryGrid).show(self._grid_rows, self.grid_by)
        self._grid_at_today = not can_go_later(end, self.today)
        self._show_title()
        self._update_keys()

    def _show_title(self) -> None:
        text = Text()
        if self.showing_grid:
            assert self.grid_end is not None
            start, end = grid_range(self.grid_end, GRID_WEEKS)
            text.append(f"{TITLES[self.grid_by]}, {GRID_WEEKS} weeks", style="bold")
            text.append(f"   {period_label(start, end)}")
        else:
            start, end = week_range(self.end)
            text.append("Week", style="bold")
            text.append(f"   {period_label(start, end)}")
            if end == self.today:
                text.append("   (ending today)", style="dim")
        self.query_one("#history-title", Static).update(text)

    def show_day(self, day: date) -> None:
        """At midnight: a view that ended on the old today moves on to the new one; an
        older week stays where the user put it. The same day: read again."""
        self.today = day
        if self._week_at_today:
            self.end = self.today
        self.show_week()
        if self.grid_end is not None:
            if self._grid_at_today:
                self.grid_end = self.today
            if self.showing_grid:
                self.show_grid()
            else:
                self._grid_rows = []  # stale: read again when next shown

    def _keys_now(self) -> tuple[bool, ...]:
        return tuple(self.check_action(action, ()) is True for action in ("open_day", "grid_by"))

    def _update_keys(self) -> None:
        """Ask the footer to redraw its keys only when one of them changes: each redraw
        rebuilds every key and is most of the cost of a move."""
        state = self._keys_now()
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    # -- acting ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _WEEK_ONLY and self.showing_grid:
            return False
        # ←/→ stay enabled at either end (shift_week clamps them): greying them out would
        # rebuild the footer on every move that reaches or leaves an end.
        return not (action in _GRID_ONLY and not self.showing_grid)

    def _shift(self, weeks: int) -> None:
        if self.showing_grid:
            assert self.grid_end is not None
            self.grid_end = shift_week(
                self.grid_end, weeks * GRID_WEEKS, self.today, self._earliest
            )
            self.show_grid()
        else:
            self.end = shift_week(self.end, weeks, self.today, self._earliest)
            self.show_week()

    def action_earlier(self) -> None:
        self._shift(-1)

    def action_later(self) -> None:
        self._shift(1)

    def action_open_day(self) -> None:
        day = self.query_one(WeekTable).chosen
        if day is not None:
            self.open_day(day)

    def on_week_table_day_chosen(self, message: WeekTable.DayChosen) -> None:
        self.open_day(message.day)

    def open_day(self, day: DaySummary) -> None:
        from recovery_tui.screens.day_detail import DayDetailScreen

        self.app.push_screen(DayDetailScreen(day))

    def action_toggle_grid(self) -> None:
        self.showing_grid = not self.showing_grid

    def watch_showing_grid(self, showing: bool) -> None:
        self.query_one("#week-view").set_class(showing, "hidden")
        self.query_one("#grid-view").set_class(not showing, "hidden")
        if showing and not self._grid_rows:
            if self.grid_end is None:
                self.grid_end = self.today
            self.show_grid()  # read lazily: most visits never open the grid
        else:
            self._show_title()
            self._update_keys()
        if not showing:
            self.query_one(WeekTable).focus()

    def action_grid_by(self) -> None:
        self.grid_by = "tasks" if self.grid_by == "soreness" else "soreness"

    def watch_grid_by(self, grid_by: GridBy) -> None:
        self.query_one(HistoryGrid).show(self._grid_rows, grid_by)
        self._show_title()

    def action_back(self) -> None:
        self.app.pop_screen()

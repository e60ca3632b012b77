"""History: the past week day by day with its trends, every run's recovery with its curve,
and months as a grid.

Three views, one at a time: the week (←/→ other weeks, enter a day), the recoveries
(``v``: the runs list and the curve) and the months grid (``g``). The key of the view
shown takes the user back to the week.

Every number comes from the ``DaySummary`` objects of ``journal.history`` (the same ones
``recovery-tui history`` prints) or from ``services.recoveries`` over them, and every
date step from ``domain.history.navigation``: this screen only shows them. The grid and
the recoveries are read only when first asked for; the recoveries view is built only then
(its plotting library is loaded once the week is drawn, so the first curve need not wait).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Footer, Static

from recovery_tui.domain.formats import period_label
from recovery_tui.domain.history.comparison import comparison_sentence
from recovery_tui.domain.history.grid import GridBy, GridCell, weeks_grid
from recovery_tui.domain.history.navigation import (
    GRID_WEEKS,
    can_go_later,
    grid_range,
    grid_weeks,
    shift_grid,
    shift_week,
    week_range,
)
from recovery_tui.domain.history.recoveries import RecoveryOutcome
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.history.trends import summarize_days
from recovery_tui.domain.models import Run
from recovery_tui.paths import style
from recovery_tui.screens.chrome import RecoveryScreen, quitting
from recovery_tui.services.journal import Journal
from recovery_tui.services.recoveries import (
    comparison_with_earlier,
    opening_recovery,
    recoveries_back_from,
)
from recovery_tui.widgets.flow_legend import FlowLegend
from recovery_tui.widgets.history_grid import TITLES, HistoryGrid
from recovery_tui.widgets.history_recoveries import RecoveriesView
from recovery_tui.widgets.history_trends import HistoryTrends
from recovery_tui.widgets.recoveries_list import RecoveriesList
from recovery_tui.widgets.recovery_curve import load_plotting
from recovery_tui.widgets.title_bar import TitleBar
from recovery_tui.widgets.week_table import WeekTable, legend_items

View = Literal["week", "recoveries", "grid"]
VIEW_IDS: dict[View, str] = {
    "week": "week-view",
    "recoveries": "recoveries-view",
    "grid": "grid-view",
}
# The actions that only make sense in some views. In the recoveries view ←/→ and enter
# are left to the runs list: priority bindings must not take them.
_ONLY_IN: dict[str, frozenset[View]] = {
    "earlier": frozenset({"week", "grid"}),
    "later": frozenset({"week", "grid"}),
    "open_day": frozenset({"week"}),
    "grid_by": frozenset({"grid"}),
}
# The list has a row for each run that opened a recovery window (not an easy run).
RECOVERIES_SUBTITLE = "every run that opened a recovery window, newest first"


class HistoryScreen(RecoveryScreen):
    CSS_PATH: ClassVar = [style("history.tcss"), style("recoveries.tcss")]
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
        # One key per view; in that view the same key goes back to the week.
        Binding(
            "v",
            "open_view('recoveries')",
            "Recoveries",
            tooltip="Every run with its recovery; the curve of the one chosen",
        ),
        Binding("v", "close_view('recoveries')", "Week", tooltip="Back to the week"),
        Binding("g", "open_view('grid')", "Months", tooltip="The past months as a grid"),
        Binding("g", "close_view('grid')", "Week", tooltip="Back to the week"),
        Binding("m", "grid_by", "Soreness/tasks", tooltip="Colour the grid by soreness or tasks"),
        Binding("escape", "back", "Today", tooltip="Back to today's plan"),
    ]

    view: var[View] = var[View]("week", init=False)
    grid_by: var[GridBy] = var[GridBy]("soreness", init=False)

    def __init__(self, journal: Journal, day: date) -> None:
        super().__init__()
        self.journal = journal
        self.today = day
        self.end: date = day  # last day of the week shown
        self.days: list[DaySummary] = []
        self.grid_end: date | None = None
        # As many weeks as fit the grid's width, told by the grid once it is laid out.
        self.grid_weeks = GRID_WEEKS
        self._earliest: date | None = None
        self._grid_rows: list[list[GridCell]] = []
        # Whether the view reached today when last shown: at midnight it follows on.
        self._week_at_today = True
        self._grid_at_today = True
        # The recoveries: all runs (for comparisons), where the next page of the list ends
        # (None: nothing older), and whether what is shown is still current.
        self._runs: list[Run] = []
        self._next_page: date | None = None
        self._recoveries_read = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="history"):
            yield Static(id="history-title")
            with Vertical(id="week-view"):
                yield WeekTable(id="week-table")
                yield FlowLegend(id="week-legend")
                yield HistoryTrends(id="trends")
            with Vertical(id="grid-view", classes="hidden"):
                yield HistoryGrid(id="history-grid")
            # The recoveries view is mounted here when first opened.
        yield Footer(compact=True)

    def hidden_app_actions(self) -> frozenset[str]:
        # Keep the footer for History's own keys.
        return frozenset({"walk", "stretch", "checkin", "log_run", "history"})

    def app_day(self) -> date:
        return self.today

    def on_mount(self) -> None:
        if quitting(self):
            return
        self.sub_title = "History"
        self._earliest = self.journal.first_day()
        self.show_week()
        self.call_after_refresh(load_plotting)

    # -- showing ---------------------------------------------------------------------------
    def show_week(self) -> None:
        start, end = week_range(self.end)
        self.days = self.journal.history(start, end)
        table = self.query_one(WeekTable)
        table.show(self.days)
        self._show_legend(table.folded)
        self.query_one(HistoryTrends).show(summarize_days(self.days))
        self._week_at_today = not can_go_later(end, self.today)
        self._show_title()

    def _show_legend(self, folded: bool) -> None:
        before_first = any(d.before_first for d in self.days)
        self.query_one("#week-legend", FlowLegend).show(legend_items(folded, before_first))

    def on_week_table_folded(self, message: WeekTable.Folded) -> None:
        self._show_legend(message.folded)

    def show_grid(self) -> None:
        assert self.grid_end is not None
        start, end = grid_range(self.grid_end, self.grid_weeks)
        self._grid_rows = weeks_grid(end, self.grid_weeks, self.journal.history(start, end))
        self.query_one(HistoryGrid).show(self._grid_rows, self.grid_by)
        self._grid_at_today = not can_go_later(end, self.today)
        self._show_title()

    def _show_title(self) -> None:
        parts: list[str | tuple[str, str]]
        if self.view == "grid":
            assert self.grid_end is not None
            start, end = grid_range(self.grid_end, self.grid_weeks)
            parts = [(f"{TITLES[self.grid_by]}, {self.grid_weeks} weeks", "bold")]
            parts.append(f"   {period_label(start, end)}")
        elif self.view == "recoveries":
            parts = [("Recoveries", "bold"), f"   {RECOVERIES_SUBTITLE}"]
        else:
            start, end = week_range(self.end)
            parts = [("Week", "bold"), f"   {period_label(start, end)}"]
            if end == self.today:
                parts.append(("   (ending today)", "dim"))
        self.query_one("#history-title", Static).update(Content.assemble(*parts))

    def show_day(self, day: date) -> None:
        """At midnight: a view that ended on the old today moves on to the new one; an
        older week stays where the user put it. The same day: read again."""
        self.today = day
        if self._week_at_today:
            self.end = self.today
        self._earliest = self.journal.first_day()
        self.show_week()
        if self.grid_end is not None:
            if self._grid_at_today:
                self.grid_end = self.today
            if self.view == "grid":
                self.show_grid()
            else:
                self._grid_rows = []  # stale: read again when next shown
        self._recoveries_read = False
        if self.view == "recoveries":
            self.show_recoveries()

    # -- the recoveries ----------------------------------------------------------------------
    def _recoveries_view(self) -> RecoveriesView | None:
        found = self.query(RecoveriesView)
        return found.first() if found else None

    async def _mount_recoveries(self) -> None:
        if self._recoveries_view() is None:
            await self.query_one("#history").mount(
                RecoveriesView(
                    unit=self.journal.distance_unit(), id="recoveries-view", classes="hidden"
                )
            )

    def show_recoveries(self) -> None:
        """The first page of the runs list and the curve of the recovery under way (else
        the newest with soreness) with its comparison sentence."""
        view = self._recoveries_view()
        if view is None:
            return
        self._runs = self.journal.runs()
        view.show_unit(self.journal.distance_unit())  # switched since, from the palette?
        outcomes, self._next_page = recoveries_back_from(
            self.journal, self.today, self._earliest, self.today
        )
        view.show_runs(outcomes)
        first = opening_recovery(outcomes, self._runs, self.today)
        if first is not None:
            view.runs.move_cursor(row=outcomes.index(first), animate=False)
        self._recoveries_read = True
        view.show_curve(first, sentence=self._sentence(first, view))

    def _sentence(self, outcome: RecoveryOutcome | None, view: RecoveriesView) -> str | None:
        if outcome is None:
            return None
        known = view.runs.outcomes
        return comparison_with_earlier(
            self.journal, outcome, self._runs, self.today, known, self.journal.distance_unit()
        )

    def on_recoveries_list_run_chosen(self, message: RecoveriesList.RunChosen) -> None:
        view = self._recoveries_view()
        if view is not None:
            view.show_curve(message.outcome, sentence=self._sentence(message.outcome, view))

    def on_recoveries_list_pair_chosen(self, message: RecoveriesList.PairChosen) -> None:
        view = self._recoveries_view()
        if view is not None:
            unit = self.journal.distance_unit()
            sentence = comparison_sentence(message.later, message.earlier, unit)
            view.show_curve(message.later, message.earlier, sentence)

    def on_recoveries_list_more_wanted(self, message: RecoveriesList.MoreWanted) -> None:
        view = self._recoveries_view()
        if view is None or self._next_page is None:
            return
        outcomes, self._next_page = recoveries_back_from(
            self.journal, self._next_page, self._earliest, self.today
        )
        view.add_runs(outcomes)

    # -- acting ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_view":
            return parameters[0] != self.view
        if action == "close_view":
            return parameters[0] == self.view
        views = _ONLY_IN.get(action)
        # ←/→ stay enabled at either end (shift_week clamps them): greying them out would
        # rebuild the footer on every move that reaches or leaves an end.
        return views is None or self.view in views

    def _shift(self, weeks: int) -> None:
        if self.view == "grid":
            assert self.grid_end is not None
            self.grid_end = shift_grid(
                self.grid_end, self.grid_weeks, weeks, self.today, self._earliest
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

        self.app.push_screen(DayDetailScreen(day, self.journal.distance_unit()))

    async def action_open_view(self, view: View) -> None:
        if view == "recoveries":
            await self._mount_recoveries()
        self.view = view

    def action_close_view(self, view: View) -> None:
        self.view = "week"

    def watch_view(self, old: View, view: View) -> None:
        for name, id_ in VIEW_IDS.items():
            for node in self.query(f"#{id_}"):
                node.set_class(name != view, "hidden")
        if view == "grid" and not self._grid_rows:
            if self.grid_end is None:
                self.grid_end = self.today
            self.show_grid()  # read lazily: most visits never open the grid
        if view == "recoveries":
            if not self._recoveries_read:
                self.show_recoveries()
            recoveries = self._recoveries_view()
            if recoveries is not None:
                recoveries.runs.focus()
        if view == "week":
            self.query_one(WeekTable).focus()
        self._show_title()
        self.refresh_bindings()

    def on_history_grid_fitted(self, message: HistoryGrid.Fitted) -> None:
        weeks = grid_weeks(message.weeks)
        if weeks == self.grid_weeks:
            return
        self.grid_weeks = weeks
        if self.view == "grid":
            self.show_grid()
        else:
            self._grid_rows = []  # read again when next shown

    def action_grid_by(self) -> None:
        self.grid_by = "tasks" if self.grid_by == "soreness" else "soreness"

    def watch_grid_by(self, grid_by: GridBy) -> None:
        self.query_one(HistoryGrid).show(self._grid_rows, grid_by)
        self._show_title()

    def action_back(self) -> None:
        self.app.pop_screen()

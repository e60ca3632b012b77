"""Every run that opened a recovery window, with its outcome, one row each, newest first.

The table only shows and posts messages; the screen decides what to open:

- enter (or a click) on a row posts ``RunChosen``: show that recovery's curve;
- space marks a row for comparison; once two are marked it posts ``PairChosen`` with
  the later run first (a third mark replaces the older one);
- the cursor reaching the last row posts ``MoreWanted``: the screen may ``extend`` the
  list with older recoveries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable

from recovery_tui.domain.formats import minutes_text
from recovery_tui.domain.history.recoveries import READY, Ending, RecoveryOutcome
from recovery_tui.domain.text import one_line
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label

NOT_REACHED = "-"
# No soreness entered in the whole recovery: its peak and ready day are unknown, not
# "not reached".
UNKNOWN = "?"
MARKED = "◆"
# (head or mark, what it means), for the legend under the list.
LEGEND_ITEMS: tuple[tuple[str, str], ...] = (
    ("Peak", "worst soreness, day"),
    (f"≤{READY}", f"day all areas back to {READY} or less"),
    ("…", "still going"),
    (NOT_REACHED, "not reached"),
    (UNKNOWN, "not entered"),
    ("!n", "red-flag days"),
    (MARKED, "space: mark two to compare"),
)


def legend_items() -> list[Content]:
    return [Content.assemble((head, "bold"), f" {meaning}") for head, meaning in LEGEND_ITEMS]


def outcome_cells(
    outcome: RecoveryOutcome, marked: bool, unit: DistanceUnit = DistanceUnit.KM
) -> list[Text]:
    """One row, every cell a ``Text`` (a plain string would be read as markup)."""
    if outcome.peak is None:
        peak = low = longest = UNKNOWN
    else:
        peak = f"{outcome.peak} d{outcome.peak_day}"
        if outcome.days_to_low is not None:
            low = f"day {outcome.days_to_low}"
        else:
            low = "…" if outcome.ending is Ending.ONGOING else NOT_REACHED
        # No area was ever above the ready line: none held the recovery back.
        longest = outcome.longest_area.label if outcome.longest_area else "none"
    flags = f"!{len(outcome.red_flag_days)}" if outcome.red_flag_days else ""
    return [
        Text(MARKED if marked else " ", style="bold"),
        Text(outcome.run.day.isoformat()),
        Text(one_line(run_label(outcome.run, unit))),
        Text(peak, justify="right"),
        Text(low, justify="right"),
        Text(longest),
        Text(minutes_text(outcome.walk_minutes), justify="right"),
        Text(minutes_text(outcome.stretch_minutes), justify="right"),
        Text(flags, style="bold"),
    ]


class RecoveriesList(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Compare", tooltip="Mark this run; two marked runs overlay"),
        # A list of rows: home and end go to the newest and the oldest run.
        Binding("home", "scroll_top", "Newest", show=False),
        Binding("end", "scroll_bottom", "Oldest", show=False),
    ]

    class RunChosen(Message):
        def __init__(self, outcome: RecoveryOutcome) -> None:
            super().__init__()
            self.outcome = outcome

    class PairChosen(Message):
        """Two runs to overlay: ``later`` and ``earlier`` by run day."""

        def __init__(self, later: RecoveryOutcome, earlier: RecoveryOutcome) -> None:
            super().__init__()
            self.later = later
            self.earlier = earlier

    class MoreWanted(Message):
        """The cursor reached the oldest row shown."""

        def __init__(self, oldest: RecoveryOutcome) -> None:
            super().__init__()
            self.oldest = oldest

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._outcomes: dict[str, RecoveryOutcome] = {}
        self.marked: list[str] = []  # run ids, oldest mark first
        self.unit = DistanceUnit.KM  # how distances are said (the screen sets it)

    def on_mount(self) -> None:
        for label, key in (
            ("", "mark"),
            ("Date", "date"),
            ("Run", "run"),
            ("Peak", "peak"),
            (f"≤{READY}", "low"),
            ("Longest", "longest"),
            ("Walk", "walk"),
            ("Str", "stretch"),
            ("", "flags"),
        ):
            self.add_column(label, key=key)

    # -- what the screen calls ---------------------------------------------------------
    def show(self, outcomes: Sequence[RecoveryOutcome]) -> None:
        """Replace the rows (newest first); marks on runs still listed are kept."""
        self.clear()
        self._outcomes = {}
        self.marked = [m for m in self.marked if any(o.run.id == m for o in outcomes)]
        self.extend(outcomes)
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def extend(self, outcomes: Sequence[RecoveryOutcome]) -> None:
        """Add older recoveries at the bottom (one already listed is skipped)."""
        for outcome in outcomes:
            key = outcome.run.id
            if key in self._outcomes:
                continue
            self._outcomes[key] = outcome
            self.add_row(*outcome_cells(outcome, key in self.marked, self.unit), key=key)

    @property
    def chosen(self) -> RecoveryOutcome | None:
        """The recovery under the cursor."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._outcomes.get(key or "")

    @property
    def outcomes(self) -> list[RecoveryOutcome]:
        """Every recovery listed, newest first."""
        return list(self._outcomes.values())

    @property
    def marked_outcomes(self) -> list[RecoveryOutcome]:
        return [self._outcomes[m] for m in self.marked if m in self._outcomes]

    # -- events --------------------------------------------------------------------------
    def action_mark(self) -> None:
        outcome = self.chosen
        if outcome is None:
            return
        key = outcome.run.id
        if key in self.marked:
            self.marked.remove(key)
        else:
            self.marked.append(key)
            if len(self.marked) > 2:
                self._redraw_mark(self.marked.pop(0))
        self._redraw_mark(key)
        pair = self.marked_outcomes
        if len(pair) == 2:
            later, earlier = sorted(pair, key=lambda o: (o.run.day, o.run.recorded_at))[::-1]
            self.post_message(self.PairChosen(later, earlier))

    def _redraw_mark(self, key: str) -> None:
        if key in self._outcomes:
            cell = Text(MARKED if key in self.marked else " ", style="bold")
            self.update_cell(key, "mark", cell)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        outcome = self._outcomes.get(event.row_key.value or "")
        if outcome is not None:
            self.post_message(self.RunChosen(outcome))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.row_count and event.cursor_row == self.row_count - 1:
            oldest = self._outcomes.get(event.row_key.value or "")
            if oldest is not None:
                self.post_message(self.MoreWanted(oldest))

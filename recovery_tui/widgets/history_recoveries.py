"""History's recoveries view: every run that opened a recovery window, with its outcome,
its legend, and the curve of the recovery chosen (or two overlaid).

The view is mounted when History first opens it (loading the plotting library then), and
its list and first curve are drawn in one frame: drawn apart, the curve waited for a second
frame and Textual's rebuilding of the footer in between.

It only shows what the screen gives it. The list's messages (``RecoveriesList.RunChosen``,
``PairChosen``, ``MoreWanted``) bubble up to the screen, which reads the recoveries and
calls ``show_runs`` / ``add_runs`` / ``show_curve``. The area keys of the curve (digits,
0, w) work from anywhere in the view, so the list can keep the focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll

from recovery_tui.domain.history.recoveries import RecoveryOutcome
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.widgets.flow_legend import FlowLegend
from recovery_tui.widgets.recoveries_list import RecoveriesList, legend_items
from recovery_tui.widgets.recovery_curve import AREA_BINDINGS, RecoveryCurve


class RecoveriesView(VerticalScroll, can_focus=False):
    BINDINGS: ClassVar[list[BindingType]] = AREA_BINDINGS

    def __init__(
        self,
        *,
        unit: DistanceUnit = DistanceUnit.KM,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.unit = unit

    def compose(self) -> ComposeResult:
        yield RecoveriesList(id="runs")
        yield FlowLegend(id="runs-legend")
        yield RecoveryCurve(id="curve")

    def on_mount(self) -> None:
        self.show_unit(self.unit)
        self.query_one(FlowLegend).show(legend_items())

    def show_unit(self, unit: DistanceUnit) -> None:
        """How distances are said from now on (the list's rows and the curve's sentence
        are drawn again by the screen)."""
        self.unit = unit
        self.runs.unit = unit
        self.curve.unit = unit

    @property
    def runs(self) -> RecoveriesList:
        return self.query_one(RecoveriesList)

    @property
    def curve(self) -> RecoveryCurve:
        return self.query_one(RecoveryCurve)

    # -- what the screen calls ---------------------------------------------------------
    def show_runs(self, outcomes: Sequence[RecoveryOutcome]) -> None:
        self.runs.show(outcomes)

    def add_runs(self, outcomes: Sequence[RecoveryOutcome]) -> None:
        self.runs.extend(outcomes)

    def show_curve(
        self,
        outcome: RecoveryOutcome | None,
        other: RecoveryOutcome | None = None,
        sentence: str | None = None,
    ) -> None:
        self.curve.show(outcome, other, sentence)

    # -- the curve's keys, from the list too ---------------------------------------------
    def action_toggle_number(self, number: int) -> None:
        self.curve.action_toggle_number(number)

    def action_show_all(self) -> None:
        self.curve.action_show_all()

    def action_worst_only(self) -> None:
        self.curve.action_worst_only()

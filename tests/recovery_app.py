"""A small app holding the runs list and the recovery curve, wired the way History will
wire them, for Pilot and snapshot tests: the demo year's recoveries, fixed dates."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import ClassVar

from recovery_samples import DEMO_TODAY, demo, demo_summaries
from textual.app import App, ComposeResult
from textual.message import Message

from recovery_tui.domain.history.comparison import comparison_for, comparison_sentence
from recovery_tui.domain.history.recoveries import RecoveryOutcome, recovery_outcomes
from recovery_tui.paths import style
from recovery_tui.widgets.recoveries_list import RecoveriesList
from recovery_tui.widgets.recovery_curve import RecoveryCurve

# The demo year's last half marathon, and the one before it.
LAST_HALF = date(2026, 10, 20)
MAY_HALF = date(2026, 5, 11)


@cache
def demo_outcomes() -> tuple[RecoveryOutcome, ...]:
    """Every recovery of the demo year, newest first."""
    records = demo(365)
    days = demo_summaries(records, records.runs[0].day, DEMO_TODAY)
    return tuple(reversed(recovery_outcomes(days)))


def outcome_on(day: date) -> RecoveryOutcome:
    return next(o for o in demo_outcomes() if o.run.day == day)


class RecoveriesApp(App[None]):
    CSS_PATH: ClassVar = [style("recoveries.tcss")]

    def __init__(self, list_only: bool = False, curve_only: bool = False) -> None:
        super().__init__()
        self.list_only = list_only
        self.curve_only = curve_only
        self.received: list[Message] = []

    def compose(self) -> ComposeResult:
        if not self.curve_only:
            yield RecoveriesList(id="runs")
        if not self.list_only:
            yield RecoveryCurve(id="curve")

    def on_mount(self) -> None:
        outcomes = demo_outcomes()
        if not self.curve_only:
            self.query_one(RecoveriesList).show(outcomes)
        if not self.list_only:
            half = outcome_on(LAST_HALF)
            self.query_one(RecoveryCurve).show(half, sentence=comparison_for(half, outcomes))

    def on_recoveries_list_run_chosen(self, event: RecoveriesList.RunChosen) -> None:
        self.received.append(event)
        if not self.list_only:
            self.query_one(RecoveryCurve).show(event.outcome)

    def on_recoveries_list_pair_chosen(self, event: RecoveriesList.PairChosen) -> None:
        self.received.append(event)
        if not self.list_only:
            sentence = comparison_sentence(event.later, event.earlier)
            self.query_one(RecoveryCurve).show(event.later, event.earlier, sentence)

    def on_recoveries_list_more_wanted(self, event: RecoveriesList.MoreWanted) -> None:
        self.received.append(event)

    def on_recovery_curve_areas_changed(self, event: RecoveryCurve.AreasChanged) -> None:
        self.received.append(event)

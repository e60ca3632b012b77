"""Under the week table: a sparkline and a verdict per area, totals, averages and the
single-leg stand, all read from a ``WeekSummary``."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from recovery_tui.domain.formats import minutes_text
from recovery_tui.domain.history.columns import count_text
from recovery_tui.domain.history.sparkline import sparkline
from recovery_tui.domain.history.trends import WeekSummary
from recovery_tui.domain.models import Side, StandResult

STAND_MARKS = {StandResult.LEVEL: "=", StandResult.DROPPED: "↓", None: "·"}
STAND_LEGEND = "= level  ↓ pelvis dropped  · not checked"


def trends_text(week: WeekSummary) -> Text:
    text = Text()
    text.append("Soreness, day by day (0–10)\n", style="bold")
    for trend in week.trends:
        text.append(sparkline(trend.values))
        # An area never entered is unknown, not "not sore".
        never = trend.first is None
        verdict = trend.verdict or f"{trend.area.label}: {'not entered' if never else 'not sore'}"
        text.append(f"  {verdict}\n", style="" if trend.verdict else "dim")
    return text


def _average(week: WeekSummary, key: str, unit: str) -> str:
    value = week.averages.get(key)
    return "-" if value is None else f"{minutes_text(value)}{unit}"


def totals_text(week: WeekSummary) -> Text:
    totals = week.totals
    text = Text()
    text.append("Totals\n", style="bold")
    text.append(f" Tasks    {int(totals['tasks_done'])}/{int(totals['tasks_total'])} done\n")
    text.append(f" Walks    {int(totals['walks'])} · {minutes_text(totals['walk_minutes'])} min\n")
    text.append(f" Stretch  {minutes_text(totals['stretch_minutes'])} min\n")
    cups = int(totals["cups"]) if "cups" in totals else None
    text.append(f" Cups     {count_text(cups)}\n")
    text.append("Averages per day\n", style="bold")
    text.append(f" Worst soreness {_average(week, 'max_soreness', '')}")
    text.append(f"   Sleep {_average(week, 'sleep_hours', ' h')}\n")
    text.append(f" Cups {_average(week, 'cups', '')}")
    text.append(f"   Walk {_average(week, 'walk_minutes', ' min')}")
    text.append(f"   Stretch {_average(week, 'stretch_minutes', ' min')}\n")
    text.append("Single-leg stand  ", style="bold")
    text.append(" ".join(d.weekday[:2] for d in week.days) + "\n")
    for side in Side:
        marks = "  ".join(STAND_MARKS[r] for r in week.stand[side])
        text.append(f" {side.value.capitalize():<16} {marks}\n")
    text.append(f" {STAND_LEGEND}", style="dim")
    return text


class HistoryTrends(VerticalScroll):
    """Scrolls when the terminal is too short for it (tab reaches it, then ↑/↓)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="trend-boxes"):
            yield Static(id="trend-lines")
            yield Static(id="trend-totals")

    def show(self, week: WeekSummary) -> None:
        self.query_one("#trend-lines", Static).update(trends_text(week))
        self.query_one("#trend-totals", Static).update(totals_text(week))

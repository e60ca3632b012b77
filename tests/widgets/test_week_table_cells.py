"""A day's row in History's week table: short walks' minutes show though they are not
counted as walks, as the week's totals show them."""

from __future__ import annotations

from datetime import timedelta

from recovery_samples import RACE_DAY, Story, run, session

from recovery_tui.widgets.week_table import column_heads, day_cells


def walks_cell(minutes: float) -> str:
    day = RACE_DAY + timedelta(days=1)
    story = Story(runs=[run(RACE_DAY)], sessions=[session(day, "walk", minutes)])
    (summary,) = story.summaries(day, day)
    index = [key for _, key in column_heads(False)].index("walks")
    return day_cells(summary)[index].plain


def test_a_short_walk_shows_its_minutes_though_not_counted() -> None:
    assert walks_cell(0.2) == "0 · 0.2"
    assert walks_cell(12.0) == "1 · 12"

"""The end summary of a session counts steps as the step list beside it marks them."""

from __future__ import annotations

from recovery_samples import half_done_stretch

from recovery_tui.widgets.session_summary import summary_text


def test_the_summary_tally_is_by_step() -> None:
    text = summary_text(half_done_stretch()).plain
    assert "Session stopped" in text
    assert "Steps: ✓ 1 done   ◐ 1 partly done   ↷ 1 skipped." in text

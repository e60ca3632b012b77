"""SVG snapshots of the big clock in a mat-mode-like layout at two terminal sizes.

Regenerate after an intended change of look with
``pytest tests/snapshots/test_big_clock_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from typing import Any

from big_clock_app import ClockApp


def test_small_terminal(snap_compare: Any) -> None:
    """60×20: 12:34 in blocks eight rows tall, whole, between the step and the next step."""
    assert snap_compare(ClockApp(754), terminal_size=(60, 20))


def test_large_terminal_with_hours(snap_compare: Any) -> None:
    """120×40: 1:08:09 in blocks thirteen rows tall, whole and centred."""
    assert snap_compare(ClockApp(3600 + 8 * 60 + 9), terminal_size=(120, 40))

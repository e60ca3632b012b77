"""Pieces every full screen shares: the 'terminal too small' notice."""

from __future__ import annotations

from textual.widgets import Static

from recovery_tui.app_limits import MIN_HEIGHT, MIN_WIDTH


class TooSmall(Static):
    """Shown instead of the layout when the terminal is smaller than the app needs."""

    def __init__(self) -> None:
        super().__init__(
            f"Terminal too small.\nrecovery-tui needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\n"
            "Make the window larger, or press ctrl+q to quit.",
            classes="too-small",
        )

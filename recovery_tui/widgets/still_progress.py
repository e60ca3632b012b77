"""A progress bar that redraws only when its progress changes."""

from __future__ import annotations

from textual import events
from textual.widgets import ProgressBar


class StillProgressBar(ProgressBar):
    """Textual's bar repaints every second to keep its ETA current; we show no ETA, and
    that repaint was most of the CPU a running session used."""

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()
        self.update()
        self._clock.reset()

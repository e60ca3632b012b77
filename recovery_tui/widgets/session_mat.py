"""Mat mode: the session as it reads from the floor two metres away. Only the step and its
side (and which hold), the countdown filling the rest of the terminal, what comes next and
a thin bar for the whole session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from recovery_tui.services.session_runner import SessionView
from recovery_tui.widgets.big_clock import BigClock
from recovery_tui.widgets.session_panels import SessionBar, show_notice

MAT_MODE_SETTING = "mat_mode"
"""Settings key: sessions open in mat mode."""


class MatView(Vertical):
    """Shows what it is given; the session screen sets ``view`` and ``notice``."""

    view: var[SessionView | None] = var(None, init=False)
    notice: var[str] = var("", init=False)

    def compose(self) -> ComposeResult:
        yield Static(id="mat-step")
        yield Static(id="mat-side")
        yield BigClock("00:00", id="mat-clock")
        yield Static(id="mat-notice", classes="hidden")
        yield Static(id="mat-next")
        yield SessionBar(id="mat-progress")

    def watch_view(self, old: SessionView | None, view: SessionView | None) -> None:
        if view is None:
            return
        segment = view.segment
        if segment is not None and (old is None or old.segment != segment):
            self.query_one("#mat-step", Static).update(Content(segment.name))
            self.query_one("#mat-side", Static).update(Content(segment.side))
            self.query_one("#mat-next", Static).update(Content(segment.upcoming))
        self.query_one(BigClock).value = view.clock
        bar = self.query_one(SessionBar)
        bar.progress, bar.left = view.progress, view.left

    def watch_notice(self, notice: str) -> None:
        show_notice(self.query_one("#mat-notice", Static), notice)

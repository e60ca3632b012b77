"""The parts of the session screen that change as it runs: the step in progress with its
big countdown, and the whole-session bar. Each shows what it is given; the screen sets it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Digits, Static

from recovery_tui.domain.models import SessionRecord
from recovery_tui.services.session_runner import PROGRESS_STEPS, SegmentView
from recovery_tui.widgets.session_summary import summary_text
from recovery_tui.widgets.still_progress import StillProgressBar

_NOW_PARTS = ("#segment-name", "#session-clock", "#segment-how", "#session-next")


class NowPanel(Vertical):
    """The step in progress: its name and side, the countdown, how to do it, what is next,
    a notice (paused, stop?) and, at the end, the summary."""

    segment: var[SegmentView | None] = var(None, init=False)
    clock: var[str] = var("00:00", init=False)
    paused: var[bool] = var(False, init=False)
    confirming_stop: var[bool] = var(False, init=False)

    def compose(self) -> ComposeResult:
        yield Static(id="segment-name")
        yield Digits("00:00", id="session-clock")
        yield Static(id="segment-how")
        yield Static(id="session-next")
        yield Static(id="session-notice", classes="hidden")
        yield Static(id="session-summary", classes="hidden")

    def watch_segment(self, segment: SegmentView | None) -> None:
        if segment is None:
            return
        side = f"  —  {segment.side}" if segment.side else ""
        self.query_one("#segment-name", Static).update(
            Content.assemble((segment.name, "bold"), (side, "bold $accent"))
        )
        self.query_one("#segment-how", Static).update(Content(segment.how))
        self.query_one("#session-next", Static).update(Content(segment.upcoming))

    def watch_clock(self, clock: str) -> None:
        self.query_one(Digits).update(clock)

    def watch_paused(self) -> None:
        self._show_notice()

    def watch_confirming_stop(self) -> None:
        self._show_notice()

    def _show_notice(self) -> None:
        notice = ""
        if self.confirming_stop:
            notice = "Stop here?  Press esc or q again to stop and save,  space to carry on."
        elif self.paused:
            notice = "Paused  ·  press space to resume"
        panel = self.query_one("#session-notice", Static)
        panel.update(Content(notice))
        panel.set_class(not notice, "hidden")

    def show_summary(self, record: SessionRecord) -> None:
        for part in (*_NOW_PARTS, "#session-notice"):
            self.query_one(part).add_class("hidden")
        summary = self.query_one("#session-summary", Static)
        summary.update(summary_text(record))
        summary.remove_class("hidden")


class SessionBar(Horizontal):
    """How far through the whole session, and the time left."""

    progress: var[int] = var(0, init=False)
    left: var[str] = var("", init=False)

    def compose(self) -> ComposeResult:
        yield Static("Session", id="session-progress-label")
        yield StillProgressBar(
            total=PROGRESS_STEPS, id="session-bar", show_eta=False, show_percentage=True
        )
        yield Static(id="session-left")

    def watch_progress(self, progress: int) -> None:
        self.query_one(StillProgressBar).update(progress=progress)

    def watch_left(self, left: str) -> None:
        # Same width every second: no need to lay the screen out again.
        self.query_one("#session-left", Static).update(Content(left), layout=False)

"""The parts of the session screen that change as it runs: the step in progress with its
big countdown, and the whole-session bar. Each shows what it is given; the screen sets it.
The countdown is a ``BigClock``: drawn at the largest scale its space allows, it stays
whole however small the terminal (down to plain text on one line)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from recovery_tui.domain.models import SessionRecord
from recovery_tui.services.session_runner import PROGRESS_STEPS, SegmentView
from recovery_tui.widgets.big_clock import BigClock
from recovery_tui.widgets.session_summary import summary_text
from recovery_tui.widgets.still_progress import StillProgressBar

_NOW_PARTS = ("#segment-name", "#session-clock", "#segment-how", "#session-next")


def notice_text(paused: bool, confirming_stop: bool) -> str:
    """The line under the countdown while the session waits for the user."""
    if confirming_stop:
        return "Stop here?  Press esc or q again to stop and save,  space to carry on."
    if paused:
        return "Paused  ·  press space to resume"
    return ""


def show_notice(panel: Static, notice: str) -> None:
    panel.update(Content(notice))
    panel.set_class(not notice, "hidden")


class NowPanel(Vertical):
    """The step in progress: its name and side, the countdown, how to do it, what is next,
    a notice (paused, stop?) and, at the end, the summary."""

    segment: var[SegmentView | None] = var(None, init=False)
    clock: var[str] = var("00:00", init=False)
    notice: var[str] = var("", init=False)

    def compose(self) -> ComposeResult:
        yield Static(id="segment-name")
        yield BigClock("00:00", id="session-clock")
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
        self.query_one(BigClock).value = clock

    def watch_notice(self, notice: str) -> None:
        show_notice(self.query_one("#session-notice", Static), notice)

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
        yield Static("Session", classes="bar-label")
        yield StillProgressBar(
            total=PROGRESS_STEPS, classes="bar", show_eta=False, show_percentage=True
        )
        yield Static(classes="bar-left")

    def watch_progress(self, progress: int) -> None:
        self.query_one(StillProgressBar).update(progress=progress)

    def watch_left(self, left: str) -> None:
        # Same width every second: no need to lay the screen out again.
        self.query_one(".bar-left", Static).update(Content(left), layout=False)

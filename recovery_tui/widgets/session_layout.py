"""Everything the session screen shows between its header and footer, in its two layouts:
the normal one (the step in progress, the step list beside it, the session bar and the
cues) and mat mode. Both show the same ``SessionView``; the screen's ``-mat`` class says
which one is on screen, its ``-narrow`` class folds the step list away."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from recovery_tui.domain.models import SessionRecord
from recovery_tui.domain.routines import Routine
from recovery_tui.domain.session_rules import outcomes_per_step
from recovery_tui.domain.text import one_line
from recovery_tui.services.session_runner import PROGRESS_STEPS, SessionView
from recovery_tui.services.speech import Speaker
from recovery_tui.widgets.session_cues import CueLine
from recovery_tui.widgets.session_mat import MatView
from recovery_tui.widgets.session_panels import NowPanel, SessionBar, notice_text
from recovery_tui.widgets.session_steps import StepList


class SessionLayout(Vertical):
    view: var[SessionView | None] = var(None, init=False)
    confirming_stop: var[bool] = var(False, init=False)

    def __init__(self, speaker: Callable[[], Speaker], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._speaker = speaker

    def compose(self) -> ComposeResult:
        with Vertical(id="session"):
            yield Static(id="session-head")
            yield Static(id="session-why", classes="hidden")
            with Horizontal(id="session-body"):
                yield NowPanel(id="session-now")
                with Vertical(id="session-side"):
                    yield Static("Steps", id="steps-title")
                    yield StepList(id="session-steps")
            yield SessionBar(id="session-progress")
            yield CueLine(self._speaker, id="session-cues")
        yield MatView(id="session-mat")

    def show_routine(self, routine: Routine) -> None:
        self.query_one(StepList).routine = routine
        if routine.summary:
            # An adapted session says what it changed in one line under its title; why,
            # area by area, is in the routine list (o on Today).
            why = self.query_one("#session-why", Static)
            why.update(Content(one_line(f"Adapted today: {routine.summary}.")))
            why.remove_class("hidden")

    def watch_view(self, old: SessionView | None, view: SessionView | None) -> None:
        if view is None:
            return
        if old is None or old.head != view.head:
            self.query_one("#session-head", Static).update(Content(view.head))
        now = self.query_one(NowPanel)
        now.clock = view.clock
        now.segment = view.segment
        self.query_one(StepList).show_position(view.position, view.behind)
        bar = self.query_one("#session-progress", SessionBar)
        bar.progress, bar.left = view.progress, view.left
        self.query_one(MatView).view = view
        self._show_notice()

    def watch_confirming_stop(self) -> None:
        self._show_notice()

    def _show_notice(self) -> None:
        paused = self.view is not None and self.view.paused
        notice = notice_text(paused, self.confirming_stop)
        self.query_one(NowPanel).notice = notice
        self.query_one(MatView).notice = notice

    def show_end(self, routine_name: str, record: SessionRecord) -> None:
        """The summary in place of the countdown, and what each step came to."""
        self.confirming_stop = False
        steps = self.query_one(StepList)
        if steps.routine is not None:
            names = [step.name for step in steps.routine.steps]
            steps.show_outcomes(outcomes_per_step(names, record))
        bar = self.query_one("#session-progress", SessionBar)
        bar.progress, bar.left = PROGRESS_STEPS, "done"
        self.query_one("#session-head", Static).update(
            Content(f"{one_line(routine_name)}  ·  {record.status.value}")
        )
        self.query_one(NowPanel).show_summary(record)

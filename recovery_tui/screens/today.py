"""Today: where the recovery stands, and what today asks of you."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Static

from recovery_tui.domain.clock import Clock
from recovery_tui.domain.plan import REFUEL
from recovery_tui.domain.refuel import refuel_seconds_left
from recovery_tui.paths import style
from recovery_tui.screens.chrome import RecoveryScreen, quitting, save_or_say
from recovery_tui.services.day_presenter import (
    READY_QUESTION,
    DayText,
    Tone,
    present_day,
    refuel_text,
)
from recovery_tui.services.journal import DayView, Journal
from recovery_tui.widgets.body_map import BodyMap
from recovery_tui.widgets.bullets import Bullets
from recovery_tui.widgets.still_progress import StillProgressBar
from recovery_tui.widgets.task_row import TaskRow
from recovery_tui.widgets.title_bar import TitleBar

DISCLAIMER = (
    "recovery-tui gives general guidance, not medical advice. If something hurts in a way "
    "that worries you, see a health professional."
)
DISCLAIMER_SETTING = "disclaimer_seen"
WELCOME = (
    "Welcome to recovery-tui.\n\n"
    "After a hard run or a race, it plans each day of your recovery: drink, refuel, walk "
    "10-15 minutes a few times a day, stretch for 30 minutes, massage the sore spots and "
    "rest. It times your walks and stretch sessions, keeps your daily check-ins, and shows "
    "the week so you can watch the soreness fade.\n\n"
    "Start by logging your run: press  r .\n"
    "Press  c  to record how you feel,  ?  for help."
)
TONE_STYLES: dict[Tone, str] = {
    "": "",
    "strong": "bold",
    "accent": "bold $accent",
    "good": "bold $success",
    "warn": "bold $warning",
    "dim": "dim",
}
# Pieces most days never show, each mounted the first time it is needed (Today's first
# frame has that much less to build), then shown and hidden: where each goes, as its
# parent and the siblings it comes before, nearest first.
OCCASIONAL: dict[str, tuple[str, tuple[str, ...]]] = {
    "readiness-line": ("today", ("alarms", "refuel", "welcome", "today-body")),
    "alarms": ("today", ("refuel", "welcome", "today-body")),
    "refuel": ("today", ("welcome", "today-body")),
    "welcome": ("today", ("today-body",)),
    "disclaimer": ("today", ()),
    "day-notes": ("tasks", ()),
    "comparison": ("side", ("body-map",)),
}
ALWAYS_THERE = frozenset({"today-body", "body-map"})


def _occasional_piece(widget_id: str) -> Widget:
    if widget_id == "welcome":
        return Static(WELCOME, id=widget_id, markup=False)
    if widget_id == "disclaimer":
        return Static(DISCLAIMER, id=widget_id, markup=False)
    if widget_id == "day-notes":
        return Bullets(id=widget_id)
    return Static(id=widget_id)


class TodayScreen(RecoveryScreen):
    CSS_PATH: ClassVar = [style("today.tcss")]

    def __init__(self, journal: Journal, clock: Clock, day: date) -> None:
        super().__init__()
        self.journal = journal
        self.clock = clock
        self.day = day
        self._view: DayView = journal.day_view(day)
        self._task_ids: tuple[str, ...] = ()
        self._refuel_timer: Timer | None = None
        self._suspended = False
        self._disclaimer: bool | None = None  # shown this time? decided once there is a run
        self._pieces: dict[str, Widget] = {}  # the occasional pieces mounted so far
        self._readiness_short = ""

    def compose(self) -> ComposeResult:
        # The day is read before composing so the tasks mount with the screen, in the
        # first frame, rather than in a second pass after it.
        view = self._view
        self._task_ids = tuple(task.id for task in view.plan.tasks)
        yield TitleBar()
        with Vertical(id="today"):
            yield Static(id="headline")
            with Horizontal(id="today-body"):
                with VerticalScroll(id="tasks"):
                    for task in view.plan.tasks:
                        yield TaskRow(task, view.progress.get(task.id, 0))
                with Vertical(id="side"):
                    with Vertical(id="readiness"):
                        yield Static(id="readiness-text")
                        yield Bullets(id="readiness-reasons")
                        yield Static(id="readiness-date")
                    yield BodyMap(id="body-map")
            with Horizontal(id="day-progress"):
                yield Static("Today", id="progress-label")
                yield StillProgressBar(id="progress", show_eta=False, show_percentage=False)
                yield Static(id="progress-count")
        yield Footer(compact=True)

    def hidden_app_actions(self) -> frozenset[str]:
        return frozenset({"today"})  # already here: the footer keeps its room for the rest

    def on_mount(self) -> None:
        if quitting(self):
            return
        self._show(self._view)
        self.call_after_refresh(self.focus_default)
        # Read after the first paint: it looks at earlier recoveries, which Today's first
        # frame does not need.
        self.call_after_refresh(self._show_comparison)

    def app_day(self) -> date:
        return self.day

    def fit_size(self) -> None:
        super().fit_size()
        if self.has_class("-narrow") and "readiness-line" not in self._pieces:
            line = self._piece("readiness-line", True)
            assert isinstance(line, Static)
            line.update(Content(self._readiness_short))

    def _piece(self, widget_id: str, needed: bool) -> Widget | None:
        """The occasional piece ``widget_id``, shown when ``needed`` and hidden when not;
        mounted the first time it is needed. None while it has never been needed."""
        widget = self._pieces.get(widget_id)
        if widget is None:
            if not needed:
                return None
            parent, later = OCCASIONAL[widget_id]
            before = next((f"#{s}" for s in later if s in self._pieces or s in ALWAYS_THERE), None)
            widget = self._pieces[widget_id] = _occasional_piece(widget_id)
            self.query_one(f"#{parent}").mount(widget, before=before)
        widget.set_class(not needed, "hidden")
        return widget

    # -- showing ------------------------------------------------------------------------
    def on_screen_suspend(self) -> None:
        self._suspended = True
        self._stop_refuel_timer()

    def on_screen_resume(self) -> None:
        # Back from a session, History or a dialog: what they recorded shows at once.
        if self._suspended:
            self._suspended = False
            self.refresh_day()

    def show_day(self, day: date) -> None:
        self.day = day
        self.refresh_day()
        self._show_comparison()

    def refresh_day(self) -> None:
        """Rebuild from the store: after every change, when another copy wrote, and at
        midnight."""
        self._show(self.journal.day_view(self.day))

    def _show(self, view: DayView) -> None:
        self._view = view
        text = present_day(view)
        self.sub_title = text.date
        self._show_headline(text)
        self._show_alarms(text)
        self._show_notes(text)
        self._show_tasks(view)
        self._show_readiness(text)
        self.query_one(BodyMap).soreness = view.checkin.soreness if view.checkin else None
        self._show_progress(text)
        self._show_refuel()
        self._show_first_time(view)

    def _show_headline(self, text: DayText) -> None:
        parts: list[str | tuple[str, str]] = [(text.date, "bold")]
        if text.headline:
            parts.append("   ")
            parts.extend((words, TONE_STYLES[tone]) for words, tone in text.headline)
        self.query_one("#headline", Static).update(Content.assemble(*parts))

    def _show_alarms(self, text: DayText) -> None:
        panel = self._piece("alarms", bool(text.alarms))
        if text.alarms:
            assert isinstance(panel, Static)
            panel.update(Content("\n".join(f"(!) {message}" for message in text.alarms)))

    def _show_notes(self, text: DayText) -> None:
        notes = self._piece("day-notes", bool(text.notes))
        if notes is not None:
            assert isinstance(notes, Bullets)
            notes.show(text.notes)

    def _show_tasks(self, view: DayView) -> None:
        container = self.query_one("#tasks", VerticalScroll)
        ids = tuple(task.id for task in view.plan.tasks)
        if ids != self._task_ids:
            container.remove_children(TaskRow)
            container.mount_all(
                (TaskRow(task, view.progress.get(task.id, 0)) for task in view.plan.tasks),
                before="#day-notes" if "day-notes" in self._pieces else None,
            )
            self._task_ids = ids
            self.call_after_refresh(self.focus_default)
            return
        tasks = {task.id: task for task in view.plan.tasks}
        for row in container.query(TaskRow):
            task = tasks.get(row.spec.id)
            if task is not None:  # not a row on its way out
                row.show(task, view.progress.get(task.id, 0))

    def focus_default(self) -> None:
        """The first task, unless a task has the focus already."""
        rows = self.query(TaskRow)
        if rows and not isinstance(self.focused, TaskRow) and self.app.screen is self:
            rows.first().focus()

    def _show_readiness(self, text: DayText) -> None:
        ready = text.readiness
        answer, _, rest = ready.sentence.partition(":")
        parts: list[str | tuple[str, str]] = [
            (f"{READY_QUESTION}\n", "bold"),
            (answer, TONE_STYLES["good" if ready.ready else "warn"]),
            f":{rest}" if rest else "",
        ]
        self.query_one("#readiness-text", Static).update(Content.assemble(*parts))
        self.query_one("#readiness-reasons", Bullets).show(ready.reasons)
        date_line = self.query_one("#readiness-date", Static)
        date_line.set_class(not ready.recovery_date, "hidden")
        date_line.update(
            Content.assemble(("Usual full recovery: ", "bold"), ready.recovery_date or "")
        )
        self._readiness_short = ready.short
        line = self._pieces.get("readiness-line")
        if isinstance(line, Static):
            line.update(Content(ready.short))

    def _show_comparison(self) -> None:
        """This recovery beside the last comparable one, when there is one."""
        from recovery_tui.services.recoveries import today_comparison

        journal = self.journal
        sentence = today_comparison(journal, journal.runs(), self.day, journal.distance_unit())
        panel = self._piece("comparison", sentence is not None)
        if sentence is not None:
            assert isinstance(panel, Static)
            panel.update(Content(sentence))

    def _show_progress(self, text: DayText) -> None:
        bar = self.query_one("#progress", StillProgressBar)
        bar.update(total=max(1, text.total), progress=text.done)
        self.query_one("#progress-count", Static).update(Content(f"{text.done}/{text.total} tasks"))

    def _show_first_time(self, view: DayView) -> None:
        self._piece("welcome", not view.has_runs)
        self.query_one("#today-body").set_class(not view.has_runs, "-no-run")
        if self._disclaimer is None and view.has_runs:
            # The note shows with the welcome and the first time there is a plan to
            # follow, and not after.
            self._disclaimer = self.journal.take_first_time(DISCLAIMER_SETTING)
        self._piece("disclaimer", not view.has_runs or bool(self._disclaimer))

    def _show_refuel(self) -> None:
        """The countdown shows only while the 30 minutes after the finish are really open,
        and not once Refuel is ticked."""
        view = self._view
        left = None
        if view.plan.run and view.plan.task(REFUEL) and not view.progress.get(REFUEL):
            left = refuel_seconds_left(view.plan.run, self.clock.now())
        open_now = left is not None and left > 0
        panel = self._piece("refuel", open_now)
        if not open_now:
            self._stop_refuel_timer()
            return
        assert left is not None and isinstance(panel, Static)
        panel.update(Content(refuel_text(left)))
        if self._refuel_timer is None:
            self._refuel_timer = self.set_interval(1.0, self._show_refuel)

    def _stop_refuel_timer(self) -> None:
        if self._refuel_timer is not None:
            self._refuel_timer.stop()
            self._refuel_timer = None

    # -- acting -------------------------------------------------------------------------
    def on_task_row_changed(self, message: TaskRow.Changed) -> None:
        day, journal, spec = self.day, self.journal, message.row.spec
        if spec.counted:
            save_or_say(self, lambda: journal.bump_task(day, spec.id, message.delta), spec.title)
        else:
            save_or_say(self, lambda: journal.set_task(day, spec.id, message.count), spec.title)
        # Shown from the store either way: saved, refused, or counted by another copy too.
        self.refresh_day()

    def run_logged(self) -> None:
        """A run was logged: the plan may have new tasks, the recovery a new comparison."""
        self._task_ids = ()
        self.refresh_day()
        self._show_comparison()

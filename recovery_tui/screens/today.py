"""Today: where the recovery stands, and what today asks of you."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from recovery_tui.domain.formats import clock_text, days_ago, long_date
from recovery_tui.domain.models import CheckIn
from recovery_tui.domain.plan import run_label
from recovery_tui.domain.refuel import refuel_seconds_left
from recovery_tui.journal import DayView
from recovery_tui.paths import style
from recovery_tui.screens.chrome import TooSmall
from recovery_tui.widgets.body_map import BodyMap
from recovery_tui.widgets.still_progress import StillProgressBar
from recovery_tui.widgets.task_row import TaskRow

DISCLAIMER = (
    "recovery-tui gives general guidance, not medical advice. If something hurts in a way "
    "that worries you, see a health professional."
)
WELCOME = (
    "Welcome to recovery-tui.\n\n"
    "After a hard run or a race, it plans each day of your recovery: drink, refuel, walk "
    "10-15 minutes a few times a day, stretch for 30 minutes, massage the sore spots and "
    "rest. It times your walks and stretch sessions, keeps your daily check-ins, and shows "
    "the week so you can watch the soreness fade.\n\n"
    "Start by logging your run: press  r .\n"
    "Press  c  to record how you feel,  ?  for help."
)


class TodayScreen(Screen[None]):
    CSS_PATH: ClassVar = [style("today.tcss")]

    def compose(self) -> ComposeResult:
        # The day is read before composing so the tasks mount with the screen, in the
        # first frame, rather than in a second pass after it.
        view = self._read_day()
        self._view: DayView | None = view
        self._task_ids: tuple[str, ...] = tuple(task.id for task in view.plan.tasks)
        yield Header()
        yield TooSmall()
        with Vertical(id="today"):
            yield Static(id="headline")
            yield Static(id="readiness-line")
            yield Static(id="red-flags", classes="hidden")
            yield Static(id="refuel", classes="hidden")
            yield Static(WELCOME, id="welcome", classes="hidden")
            with Horizontal(id="today-body"):
                with VerticalScroll(id="tasks"):
                    for task in view.plan.tasks:
                        yield TaskRow(task, view.progress.get(task.id, 0))
                with Vertical(id="side"):
                    yield Static(id="readiness")
                    yield BodyMap(id="body-map")
            with Horizontal(id="day-progress"):
                yield Static("Today", id="progress-label")
                yield StillProgressBar(id="progress", show_eta=False, show_percentage=False)
                yield Static(id="progress-count")
            yield Static(DISCLAIMER, id="disclaimer", classes="hidden")
        yield Footer()

    def on_mount(self) -> None:
        self._refuel_timer: Timer | None = None
        self._suspended = False
        assert self._view is not None
        self._show(self._view)
        self.call_after_refresh(self._focus_first_task)

    @property
    def _app(self) -> Any:
        return self.app

    # -- showing ------------------------------------------------------------------------
    def on_screen_suspend(self) -> None:
        self._suspended = True
        self._stop_refuel_timer()

    def on_screen_resume(self) -> None:
        # Back from a session, History or a dialog: what they recorded shows at once.
        if self._suspended:
            self._suspended = False
            self.refresh_day()

    def _read_day(self) -> DayView:
        self._app.seen_fingerprint = self._app.journal.fingerprint(self._app.current_day)
        return self._app.journal.day_view(self._app.current_day)

    def refresh_day(self) -> None:
        """Rebuild from the store: after every change, when another copy wrote, and at
        midnight."""
        self._show(self._read_day())

    def _show(self, view: DayView) -> None:
        self._view = view
        self.sub_title = long_date(view.day)
        self._show_headline(view)
        self._show_red_flags(view)
        self._show_tasks(view)
        self._show_readiness(view)
        self.query_one(BodyMap).soreness = view.checkin.soreness if view.checkin else None
        self._show_progress(view)
        self._show_refuel()
        self._show_first_time(view)

    def _show_headline(self, view: DayView) -> None:
        plan = view.plan
        parts: list[str | tuple[str, str]] = [(long_date(view.day), "bold")]
        if plan.run and plan.in_window and plan.window_days:
            label = run_label(plan.run)
            parts.append((f"   Day {plan.day_index} of {plan.window_days}", "bold $accent"))
            parts.append(f" after your {label} ({days_ago(plan.run.day, view.day)})")
        elif plan.run and plan.in_window:
            parts.append(f"   Your {run_label(plan.run)} today needs no recovery window.")
        elif view.has_runs:
            parts.append("   No recovery window open: an ordinary training day.")
        self.query_one("#headline", Static).update(Content.assemble(*parts))

    def _show_red_flags(self, view: DayView) -> None:
        panel = self.query_one("#red-flags", Static)
        panel.set_class(not view.red_flags, "hidden")
        if view.red_flags:
            panel.update("\n".join(f"(!) {message}" for message in view.red_flags))

    def _show_tasks(self, view: DayView) -> None:
        container = self.query_one("#tasks", VerticalScroll)
        ids = tuple(task.id for task in view.plan.tasks)
        if ids != self._task_ids:
            container.remove_children()
            container.mount_all(
                TaskRow(task, view.progress.get(task.id, 0)) for task in view.plan.tasks
            )
            self._task_ids = ids
            self.call_after_refresh(self._focus_first_task)
            return
        for row in container.query(TaskRow):
            row.count = view.progress.get(row.spec.id, 0)

    def _focus_first_task(self) -> None:
        rows = self.query(TaskRow)
        if rows and not isinstance(self.focused, TaskRow) and self.app.screen is self:
            rows.first().focus()

    def _show_readiness(self, view: DayView) -> None:
        readiness = view.readiness
        text = Text()
        text.append("Ready for an easy run? ", style="bold")
        text.append(
            "Yes" if readiness.ready else "Not yet",
            style="bold green" if readiness.ready else "bold yellow",
        )
        text.append(f"\n{readiness.headline}")
        for reason in readiness.reasons:
            text.append(f"\n • {reason}", style="dim")
        if readiness.recovery_date:
            text.append("\nEstimated recovery: ", style="bold")
            text.append(long_date(readiness.recovery_date))
        self.query_one("#readiness", Static).update(text)
        short = "Ready for an easy run? " + ("Yes" if readiness.ready else "Not yet")
        if readiness.recovery_date:
            short += f" · recovery by {readiness.recovery_date:%a %d %b}"
        self.query_one("#readiness-line", Static).update(short)

    def _show_progress(self, view: DayView) -> None:
        bar = self.query_one("#progress", StillProgressBar)
        bar.update(total=max(1, view.total), progress=view.done)
        self.query_one("#progress-count", Static).update(f"{view.done}/{view.total} tasks")

    def _show_first_time(self, view: DayView) -> None:
        self.query_one("#welcome").set_class(view.has_runs, "hidden")
        self.query_one("#today-body").set_class(not view.has_runs, "-no-run")
        seen = self._app.journal.setting("disclaimer_seen", False)
        self.query_one("#disclaimer").set_class(bool(seen) and view.has_runs, "hidden")
        if not seen and view.has_runs:
            # The note stays on screen this time and is not repeated after.
            self._app.save_safely(lambda: self._app.journal.set_setting("disclaimer_seen", True))

    def _show_refuel(self) -> None:
        view = self._view
        panel = self.query_one("#refuel", Static)
        left = None
        if view and view.plan.run and view.plan.day_index == 0:
            left = refuel_seconds_left(view.plan.run, self._app.clock.now())
        panel.set_class(left is None, "hidden")
        if left is None:
            self._stop_refuel_timer()
            return
        if left > 0:
            panel.update(
                f"Refuel window: {clock_text(left)} left to eat carbohydrate + protein."
                " Keep drinking: water comes first in your list."
            )
            if self._refuel_timer is None:
                self._refuel_timer = self.set_interval(1.0, self._show_refuel)
        else:
            panel.update("Refuel window closed: eat a proper meal when you can, keep drinking.")
            self._stop_refuel_timer()

    def _stop_refuel_timer(self) -> None:
        if self._refuel_timer is not None:
            self._refuel_timer.stop()
            self._refuel_timer = None

    # -- acting -------------------------------------------------------------------------
    def on_task_row_changed(self, message: TaskRow.Changed) -> None:
        day = self._app.current_day
        journal = self._app.journal
        if message.row.spec.counted:
            write = lambda: journal.bump_task(day, message.task_id, message.delta)  # noqa: E731
        else:
            write = lambda: journal.set_task(day, message.task_id, message.count)  # noqa: E731
        self._app.save_safely(write, what=message.row.spec.title)
        # Shown from the store either way: saved, refused, or counted by another copy too.
        self.refresh_day()

    def open_checkin(self) -> None:
        from recovery_tui.screens.checkin import CheckInScreen

        view = self._view
        if view is None:
            return
        # Read again: a check-in made from the command line since is what gets edited.
        current = self._app.journal.checkin(view.day)
        self.app.push_screen(CheckInScreen(view.day, current), self._checkin_saved)

    def _checkin_saved(self, checkin: CheckIn | None) -> None:
        if checkin is not None:
            self.refresh_day()
            self.notify("Check-in saved.", timeout=3)

    def open_log_run(self) -> None:
        from recovery_tui.screens.log_run import LogRunScreen

        self.app.push_screen(LogRunScreen(self._app.clock.now()), self._run_logged)

    def _run_logged(self, logged: bool | None) -> None:
        if logged:
            self._task_ids = ()
            self.refresh_day()

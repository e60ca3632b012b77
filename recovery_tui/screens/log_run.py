"""Log a run: distance, when it finished, kind and effort, with the recovery window it opens.

Runners usually log a race hours later at home, so the dialog asks when the run finished
(just now, earlier today, yesterday, or a date); the refuel countdown then starts only if
its half hour is really still open. Kind and effort follow the distance typed
(``domain.run_defaults``, the same rule as the command line) until the user picks them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from recovery_tui.domain import validation as v
from recovery_tui.domain.clock import Clock
from recovery_tui.domain.formats import days_text
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.run_defaults import default_effort, default_kind
from recovery_tui.domain.text import plain
from recovery_tui.domain.window import window_days
from recovery_tui.paths import style
from recovery_tui.screens.chrome import save_or_say
from recovery_tui.screens.forms import FormReader
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.text_field import TextField

KIND_OPTIONS = [
    ("race", RunKind.RACE.value),
    ("long run", RunKind.LONG.value),
    ("easy run", RunKind.EASY.value),
]
NOW, TODAY, YESTERDAY, ON_DATE = "now", "today", "yesterday", "date"
WHEN_OPTIONS = [
    ("just now", NOW),
    ("earlier today", TODAY),
    ("yesterday", YESTERDAY),
    ("on a date", ON_DATE),
]


class LogRunScreen(ModalScreen[bool]):
    AUTO_FOCUS = "#distance"
    CSS_PATH: ClassVar = [style("modals.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, journal: Journal, clock: Clock) -> None:
        super().__init__()
        self.journal = journal
        self.clock = clock
        self.today = clock.now().date()
        self._kind_chosen = False  # the user picked a kind: the distance no longer does
        self._effort_typed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="log-run-dialog", classes="dialog"):
            yield Static("Log a run", classes="dialog-title")
            with Grid(id="log-run-fields"):
                yield Label("Distance (km)")
                yield TextField(placeholder="e.g. 21.1", id="distance", max_length=8)
                yield Label("Finished")
                yield Select(WHEN_OPTIONS, value=NOW, allow_blank=False, id="when")
                yield Label("Date", id="date-label", classes="hidden")
                yield TextField(
                    (self.today - timedelta(days=2)).isoformat(),
                    id="date",
                    max_length=10,
                    classes="hidden",
                )
                yield Label("At (HH:MM)", id="finish-label", classes="hidden")
                yield TextField(
                    placeholder="e.g. 11:05 (optional)", id="finish", max_length=5, classes="hidden"
                )
                yield Label("Kind")
                yield Select(KIND_OPTIONS, value=RunKind.EASY.value, allow_blank=False, id="kind")
                yield Label("Effort 1-10")
                yield TextField(str(default_effort(RunKind.EASY)), id="effort", max_length=3)
            yield Static(id="log-run-window", classes="hint")
            yield Static(id="log-run-errors", classes="errors hidden")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    # -- live defaults -------------------------------------------------------------------
    @on(Input.Changed, "#distance")
    def _distance_changed(self, event: Input.Changed) -> None:
        try:
            distance = v.parse_distance(event.value)
        except v.InvalidValue:
            self._show_window()
            return
        if not self._kind_chosen:
            kind = default_kind(distance)
            self.query_one("#kind", Select).value = kind.value
            self._set_effort(kind)
        self._show_window()

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        if self.query_one("#kind", Select).has_focus:
            self._kind_chosen = True
        self._set_effort(RunKind(str(event.value)))
        self._show_window()

    @on(Input.Changed, "#effort")
    def _effort_changed(self) -> None:
        if self.query_one("#effort", Input).has_focus:
            self._effort_typed = True
        self._show_window()

    @on(Select.Changed, "#when")
    def _when_changed(self, event: Select.Changed) -> None:
        when = str(event.value)
        for part in ("#date", "#date-label"):
            self.query_one(part).set_class(when != ON_DATE, "hidden")
        for part in ("#finish", "#finish-label"):
            self.query_one(part).set_class(when == NOW, "hidden")

    def _set_effort(self, kind: RunKind) -> None:
        if not self._effort_typed:
            self.query_one("#effort", Input).value = str(default_effort(kind))

    def _show_window(self) -> None:
        panel = self.query_one("#log-run-window", Static)
        try:
            distance = v.parse_distance(self.query_one("#distance", Input).value)
            effort = v.parse_effort(self.query_one("#effort", Input).value)
        except v.InvalidValue:
            panel.update("")
            return
        kind = RunKind(str(self.query_one("#kind", Select).value))
        days = window_days(distance, effort, kind)
        panel.update(
            Content(
                f"Recovery window: {days_text(days)}."
                if days
                else "No recovery window: an easy effort."
            )
        )

    # -- saving --------------------------------------------------------------------------
    def _finished(self, form: FormReader, now: datetime) -> tuple[date | None, time | None]:
        """The day and the finish time the user gave (the time may be left out)."""
        when = str(self.query_one("#when", Select).value)
        if when == NOW:
            return now.date(), now.time().replace(second=0, microsecond=0, tzinfo=None)
        if when == ON_DATE:
            day = form.read("date", lambda raw: v.parse_day(raw, not_after=now.date()))
        else:
            day = now.date() - timedelta(days=1 if when == YESTERDAY else 0)
        finish = form.optional(
            "finish", lambda raw: v.parse_finish(raw, day, now) if day else v.parse_clock(raw)
        )
        return day, finish

    def action_save(self) -> None:
        form = FormReader(self)
        distance = form.read("distance", v.parse_distance)
        # Checked against the time of saving, not of opening: the dialog may stay open.
        day, finish = self._finished(form, self.clock.now())
        effort = form.read("effort", v.parse_effort)
        kind = RunKind(str(self.query_one("#kind", Select).value))
        panel = self.query_one("#log-run-errors", Static)
        if not form.ok or distance is None or day is None or effort is None:
            panel.update(Content(plain("Not saved: " + "; ".join(form.errors))))
            panel.remove_class("hidden")
            return
        saved = save_or_say(
            self,
            lambda: self.journal.log_run(distance, day, effort=effort, kind=kind, finish=finish),
            "the run",
        )
        if saved:
            self.dismiss(True)
        else:
            panel.update(Content("Not saved: the data file could not be written."))
            panel.remove_class("hidden")

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

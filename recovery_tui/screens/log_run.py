"""Log a run: distance, date, finish time, effort and kind."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from recovery_tui.domain import validation as v
from recovery_tui.domain.clock import Clock
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.run_defaults import default_effort
from recovery_tui.paths import style
from recovery_tui.screens.chrome import save_or_say
from recovery_tui.screens.forms import FormReader
from recovery_tui.services.journal import Journal

KIND_OPTIONS = [
    ("race", RunKind.RACE.value),
    ("long run", RunKind.LONG.value),
    ("easy run", RunKind.EASY.value),
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
        self.now = clock.now()
        self.today = self.now.date()

    def compose(self) -> ComposeResult:
        with Vertical(id="log-run-dialog", classes="dialog"):
            yield Static("Log a run", classes="dialog-title")
            with Grid(id="log-run-fields"):
                yield Label("Distance (km)")
                yield Input(placeholder="e.g. 21.1", id="distance", max_length=8)
                yield Label("Date")
                yield Input(self.today.isoformat(), id="date", max_length=10)
                yield Label("Finish time")
                # Logged just after the finish, now is the finish: the refuel countdown starts.
                yield Input(
                    f"{self.now:%H:%M}", placeholder="HH:MM (optional)", id="finish", max_length=5
                )
                yield Label("Effort 1-10")
                yield Input(str(default_effort(RunKind.RACE)), id="effort", max_length=3)
                yield Label("Kind")
                yield Select(KIND_OPTIONS, value=RunKind.RACE.value, allow_blank=False, id="kind")
            yield Static(id="log-run-errors", classes="errors hidden")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def action_save(self) -> None:
        form = FormReader(self)
        distance = form.read("distance", v.parse_distance)
        # Checked against the time of saving, not of opening: the dialog may stay open.
        now = self.clock.now()
        day = form.read("date", lambda raw: v.parse_day(raw, not_after=now.date()))
        finish = form.optional(
            "finish", lambda raw: v.parse_finish(raw, day, now) if day else v.parse_clock(raw)
        )
        effort = form.read("effort", v.parse_effort)
        kind = RunKind(str(self.query_one("#kind", Select).value))
        panel = self.query_one("#log-run-errors", Static)
        if not form.ok or distance is None or day is None or effort is None:
            panel.update(Content("Not saved: " + "; ".join(form.errors)))
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
            panel.update("Not saved: the data file could not be written.")
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

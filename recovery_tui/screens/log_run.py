"""Log a run: distance, when it finished, kind and effort, with the recovery window it opens.

Runners usually log a race hours later at home, so the dialog asks when the run finished
(just now, earlier today, yesterday, or a date); the refuel countdown then starts only if
its half hour is really still open. Kind and effort follow the distance typed
(``domain.run_defaults``, the same rule as the command line) until the user picks them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from recovery_tui.domain import validation as v
from recovery_tui.domain.clock import Clock
from recovery_tui.domain.formats import days_text, long_date
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.run_defaults import default_effort, default_kind
from recovery_tui.domain.text import one_line, plain
from recovery_tui.domain.units import DistanceUnit, from_km, parse_distance
from recovery_tui.domain.window import file_reasons, run_label, window_days
from recovery_tui.paths import style
from recovery_tui.screens.chrome import save_or_say
from recovery_tui.screens.forms import FIELD_KEYS, FormReader, edited, next_field
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from recovery_tui.domain.imported_runs import RunFromFile
    from recovery_tui.services.run_import import FileResult

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
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+o", "from_file", "From a file", priority=True),
        *FIELD_KEYS,
    ]

    def __init__(self, journal: Journal, clock: Clock) -> None:
        super().__init__()
        self.journal = journal
        self.clock = clock
        self.today = clock.now().date()
        self.unit = journal.distance_unit()
        self._kind_chosen = False  # the user picked a kind: the distance no longer does
        self._effort_typed = False
        self._from_file: RunFromFile | None = None  # the run a chosen file holds

    def compose(self) -> ComposeResult:
        with Vertical(id="log-run-dialog", classes="dialog"):
            yield Static("Log a run", classes="dialog-title", id="log-run-title")
            # Only the fields scroll: in a short terminal the title, the error line and the
            # buttons (docked, styles/modals.tcss) stay in view.
            with VerticalScroll(id="log-run-body"):
                with Grid(id="log-run-fields"):
                    yield Label(f"Distance ({self.unit.value})")
                    example = "21.1" if self.unit is DistanceUnit.KM else "13.1"
                    yield TextField(placeholder=f"e.g. {example}", id="distance", max_length=10)
                    yield Label("Finished")
                    yield Select(WHEN_OPTIONS, value=NOW, allow_blank=False, id="when")
                    yield Label("Date", id="date-label", classes="hidden")
                    yield TextField(
                        (self.today - timedelta(days=2)).isoformat(),
                        id="date",
                        max_length=10,
                        classes="hidden",
                    )
                    yield Label("Finished at", id="finish-label", classes="hidden")
                    yield TextField(
                        placeholder="clock time, e.g. 11:05 (optional)",
                        id="finish",
                        max_length=5,
                        classes="hidden",
                    )
                    yield Label("Kind")
                    yield Select(
                        KIND_OPTIONS, value=RunKind.EASY.value, allow_blank=False, id="kind"
                    )
                    yield Label("Effort 1-10")
                    yield TextField(str(default_effort(RunKind.EASY)), id="effort", max_length=3)
                yield Static(id="log-run-file", classes="hint hidden")
                yield Static(id="log-run-window", classes="hint")
            with Vertical(id="log-run-foot"):
                yield Static(id="log-run-errors", classes="errors hidden")
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Save  ctrl+s", variant="primary", id="save")
                    yield Button("From a file…  ctrl+o", id="from-file")
                    yield Button("Cancel  esc", id="cancel")

    # -- live defaults -------------------------------------------------------------------
    @on(Input.Changed, "#distance")
    def _distance_changed(self, event: Input.Changed) -> None:
        try:
            distance = self._distance(event.value)
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
            distance = self._distance(self.query_one("#distance", Input).value)
            effort = v.parse_effort(self.query_one("#effort", Input).value)
        except v.InvalidValue:
            panel.update("")
            return
        kind = RunKind(str(self.query_one("#kind", Select).value))
        run = self._from_file.run if self._from_file is not None else None
        moving = run.moving_seconds if run is not None else None
        descent = run.descent_m if run is not None else None
        days = window_days(distance, effort, kind, moving, descent)
        if not days:
            panel.update(Content("No recovery window: an easy effort."))
            return
        reasons = file_reasons(distance, moving, descent, self.unit, kind=kind)
        panel.update(
            Content("\n".join([f"Recovery window: {days_text(days)}.", *(r.text for r in reasons)]))
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
        distance = form.read("distance", self._distance)
        # Checked against the time of saving, not of opening: the dialog may stay open.
        day, finish = self._finished(form, self.clock.now())
        effort = form.read("effort", v.parse_effort)
        kind = RunKind(str(self.query_one("#kind", Select).value))
        panel = self.query_one("#log-run-errors", Static)
        if not form.ok or distance is None or day is None or effort is None:
            panel.update(Content(plain("Not saved: " + "; ".join(form.errors))))
            panel.remove_class("hidden")
            return
        found = self._from_file
        if found is not None:
            # Kept with what the file told (its start, its format): a later import of the
            # same file is then recognised as this run.
            run = replace(
                found.run, distance_km=distance, day=day, finish=finish, effort=effort, kind=kind
            )
            saved = save_or_say(self, lambda: self.journal.add_run(run), "the run")
        else:
            saved = save_or_say(
                self,
                lambda: self.journal.log_run(
                    distance, day, effort=effort, kind=kind, finish=finish
                ),
                "the run",
            )
        if saved:
            self.dismiss(True)
        else:
            panel.update(Content("Not saved: the data file could not be written."))
            panel.remove_class("hidden")

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        edited(self, event.input, "log-run-errors")

    def action_next_field(self, delta: int) -> None:
        next_field(self, delta)

    def unsaved(self) -> str | None:
        """What quitting now would lose (None: no distance typed yet)."""
        typed = self.query_one("#distance", TextField).value.strip()
        return "The run you are logging" if typed else None

    def action_cancel(self) -> None:
        self.dismiss(False)

    # -- from a file ---------------------------------------------------------------------
    def _distance(self, text: str) -> float:
        """Kilometres from what was typed: a bare number in the user's unit, or with one."""
        return parse_distance(text, self.unit)

    def action_from_file(self) -> None:
        from recovery_tui.screens.activity_picker import ActivityFilePicker

        self.app.push_screen(ActivityFilePicker(), self._file_chosen)

    def _file_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.run_worker(lambda: self._read(path), thread=True, exclusive=True)

    def _read(self, path: Path) -> None:
        """In a thread: a long watch file takes a moment to read."""
        from recovery_tui.services.run_import import RunImport

        result = RunImport(self.journal, self.clock, dry_run=True).file(path)
        self.app.call_from_thread(self._show_file, result)

    def _show_file(self, result: FileResult) -> None:
        from recovery_tui.services.run_import import Outcome

        panel = self.query_one("#log-run-file", Static)
        panel.remove_class("hidden")
        if result.outcome is Outcome.DUPLICATE and result.same_as is not None:
            same = result.same_as
            panel.update(
                Content(
                    f"{one_line(result.path.name)}: already logged as your "
                    f"{run_label(same, self.unit)} "
                    f"of {long_date(same.day)}."
                )
            )
            return
        if result.found is None:
            name = one_line(result.path.name)
            panel.update(Content(plain(result.message or f"{name} holds no run.")))
            return
        found = self._from_file = result.found
        run = found.run
        self.query_one("#distance", Input).value = f"{from_km(run.distance_km, self.unit):.2f}"
        self.query_one("#when", Select).value = ON_DATE
        self.query_one("#date", Input).value = run.day.isoformat()
        self.query_one("#finish", Input).value = run.finish.strftime("%H:%M") if run.finish else ""
        self._kind_chosen = self._effort_typed = True
        self.query_one("#kind", Select).value = run.kind.value
        self.query_one("#effort", Input).value = str(run.effort)
        panel.update(
            Content(
                f"From {one_line(result.path.name)}: {found.effort_basis} Check, change, then save."
            )
        )
        self._show_window()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "from-file":
            self.action_from_file()
        else:
            self.action_cancel()

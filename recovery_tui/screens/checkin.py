"""The check-in: soreness per area, energy, sleep, water, single-leg stand, red flags, note."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from recovery_tui.domain import validation as v
from recovery_tui.domain.checkins import CheckInUpdate, changes_between
from recovery_tui.domain.formats import long_date
from recovery_tui.domain.models import AREAS, CheckIn, RedFlag, Side, StandResult
from recovery_tui.domain.text import one_line, plain
from recovery_tui.paths import style
from recovery_tui.screens.chrome import save_or_say
from recovery_tui.screens.forms import FIELD_KEYS, FormReader, edited, next_field
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.area_score import AreaScore
from recovery_tui.widgets.text_field import TextField

STAND_OPTIONS = [
    ("pelvis level", StandResult.LEVEL.value),
    ("pelvis dropped", StandResult.DROPPED.value),
]
HINT = (
    "Soreness 0-10 of each area you feel: ↑/↓ to an area, a digit (1 then 0 for 10), ←/→ to "
    "step, backspace for 'not entered' (–): an area left out is unknown, not 0. Tab: next field."
)


class CheckInScreen(ModalScreen[CheckIn | None]):
    # Focused as the dialog is built, before it shows: a digit typed at once lands on ankles.
    AUTO_FOCUS = "AreaScore"
    CSS_PATH: ClassVar = [style("modals.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        *FIELD_KEYS,
    ]

    def __init__(
        self, journal: Journal, day: date, existing: CheckIn | None, water: int | None
    ) -> None:
        super().__init__()
        self.journal = journal
        self.day = day
        self.existing = existing
        # The water field shows and edits the day's one water number, the counter.
        self.water = water
        # The note as the one-line field shows it (a note from the command line may hold
        # line breaks; one from a file, control characters).
        self.shown_note = one_line(existing.note) if existing else ""

    def compose(self) -> ComposeResult:
        old = self.existing
        with Vertical(id="checkin-dialog", classes="dialog"):
            verb = "Edit the check-in" if old else "Check-in"
            yield Static(f"{verb} for {long_date(self.day)}", classes="dialog-title")
            # Outside the scrolling form: focusing the first area as the dialog opens
            # scrolls the form, and would take the hint with it.
            yield Static(HINT, classes="hint", id="checkin-hint", markup=False)
            with VerticalScroll(id="checkin-body"):
                for area in AREAS:
                    yield AreaScore(area, old.soreness.get(area) if old else None)
                with Grid(id="checkin-fields"):
                    yield Label("Energy 0-10")
                    yield self._input("energy", old.energy if old else None, "e.g. 6")
                    yield Label("Sleep (hours)")
                    yield self._input("sleep", old.sleep_hours if old else None, "e.g. 7.5")
                    yield Label("Water: cups today")
                    yield self._input("cups", self.water, "e.g. 5")
                    yield Label("Standing on left leg")
                    yield self._stand(Side.LEFT)
                    yield Label("Standing on right leg")
                    yield self._stand(Side.RIGHT)
                yield Static("Red flags (any of these: see a health professional)", classes="hint")
                with Grid(id="checkin-flags"):
                    for flag in RedFlag:
                        yield Checkbox(
                            flag.label,
                            bool(old and flag in old.red_flags),
                            id=f"flag-{flag.value}",
                            compact=True,
                        )
                yield Label("Note")
                yield TextField(
                    self.shown_note,
                    placeholder="how it feels, anything odd",
                    id="note",
                    max_length=v.MAX_NOTE_CHARS,
                )
            yield Static(id="checkin-errors", classes="errors hidden")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def _input(self, name: str, value: float | int | None, placeholder: str) -> TextField:
        shown = "" if value is None else f"{value:g}"
        return TextField(shown, placeholder=placeholder, id=name, max_length=8, compact=True)

    def _stand(self, side: Side) -> Select[str]:
        current = self.existing.stand.get(side) if self.existing else None
        return Select(
            STAND_OPTIONS,
            prompt="not tested",
            value=current.value if current else Select.NULL,
            id=f"stand-{side.value}",
            compact=True,
        )

    # -- reading the form ---------------------------------------------------------------
    def read_form(self) -> CheckIn:
        """The check-in as typed; raises InvalidValue naming every bad field."""
        form = FormReader(self)
        energy = form.optional("energy", v.parse_energy)
        sleep = form.optional("sleep", v.parse_sleep)
        cups = form.optional("cups", v.parse_cups)
        note = form.read("note", self._note)
        if not form.ok or note is None:
            raise v.InvalidValue("; ".join(form.errors))
        stand: dict[Side, StandResult] = {}
        for side in Side:
            chosen = self.query_one(f"#stand-{side.value}", Select).value
            if isinstance(chosen, str):
                stand[side] = StandResult(chosen)
        recorded_at, tz = self.journal.new_checkin_stamp()
        return CheckIn(
            day=self.day,
            soreness={
                score.area: score.value
                for score in self.query(AreaScore)
                if score.value is not None
            },
            energy=energy,
            sleep_hours=sleep,
            cups=cups,
            stand=stand,
            red_flags=frozenset(
                flag for flag in RedFlag if self.query_one(f"#flag-{flag.value}", Checkbox).value
            ),
            note=note,
            recorded_at=recorded_at,
            tz=tz,
        )

    def _note(self, typed: str) -> str:
        """The note as typed; left as the field showed it, the stored note is kept as it
        is, line breaks included."""
        if self.existing is not None and typed == self.shown_note:
            return self.existing.note
        return v.clean_note(typed)

    # -- actions ------------------------------------------------------------------------
    def action_save(self) -> None:
        errors = self.query_one("#checkin-errors", Static)
        try:
            checkin = self.read_form()
        except v.InvalidValue as error:
            errors.update(Content(plain(f"Not saved: {error}")))
            errors.remove_class("hidden")
            return
        update = self._changes(checkin)
        if self.existing is not None and update.is_empty:
            self.dismiss(self.existing)
            return
        if save_or_say(self, lambda: self.journal.update_checkin(self.day, update), "the check-in"):
            self.dismiss(checkin)
        else:
            errors.update("Not saved: the data file could not be written (see the message).")
            errors.remove_class("hidden")

    def _changes(self, checkin: CheckIn) -> CheckInUpdate:
        # Only what was changed here is written, merged under the lock: a check-in made
        # from the command line while this was open keeps its other values.
        opened = replace(self.existing, cups=self.water) if self.existing is not None else None
        update = changes_between(opened, checkin)
        if opened is None and checkin.cups == self.water:
            update = replace(update, cups=None)
        return update

    def unsaved(self) -> str | None:
        """What quitting now would lose (None: nothing typed since it opened)."""
        try:
            changed = not self._changes(self.read_form()).is_empty
        except v.InvalidValue:
            changed = True  # typed, not yet readable
        return "The check-in you are typing" if changed else None

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        edited(self, event.input, "checkin-errors")

    @on(AreaScore.Refused)
    def _score_refused(self, message: AreaScore.Refused) -> None:
        errors = self.query_one("#checkin-errors", Static)
        errors.update(Content(plain(f"Not taken: {message.text}")))
        errors.remove_class("hidden")

    def action_next_field(self, delta: int) -> None:
        next_field(self, delta, group=AreaScore)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

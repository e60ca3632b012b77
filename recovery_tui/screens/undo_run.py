"""Undo the last logged run: asks first, then removes it and its recovery window."""

from __future__ import annotations

from recovery_tui.domain.formats import long_date
from recovery_tui.domain.models import Run
from recovery_tui.domain.units import distance_text
from recovery_tui.domain.window import run_label
from recovery_tui.screens.chrome import save_or_say
from recovery_tui.screens.confirm import ConfirmScreen
from recovery_tui.services.journal import Journal


class UndoRunScreen(ConfirmScreen):
    """Dismissed with True once the run is removed."""

    def __init__(self, journal: Journal, run: Run) -> None:
        super().__init__(
            "Undo the last logged run",
            f"Remove your {run_label(run, journal.distance_unit())} of {long_date(run.day)} "
            f"({distance_text(run.distance_km, journal.distance_unit())}, effort "
            f"{run.effort}/10)? Its recovery window "
            "goes with it; check-ins and ticked tasks stay.",
            "Remove it",
        )
        self.journal = journal
        self.run = run

    def action_answer(self, yes: bool) -> None:
        if yes and save_or_say(self.app, lambda: self.journal.delete_run(self.run.id), "it"):
            label = run_label(self.run, self.journal.distance_unit())
            self.app.notify(f"Removed your {label} of {long_date(self.run.day)}.")
            self.dismiss(True)
        else:
            self.dismiss(False)

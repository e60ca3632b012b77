"""Undo the last logged run: asks first, then removes it and its recovery window."""

from __future__ import annotations

from recovery_tui.domain.formats import long_date
from recovery_tui.domain.models import Run
from recovery_tui.domain.units import distance_text
from recovery_tui.domain.window import run_label, run_window
from recovery_tui.screens.chrome import save_or_say
from recovery_tui.screens.confirm import ConfirmScreen
from recovery_tui.services.journal import Journal


class UndoRunScreen(ConfirmScreen):
    """Dismissed with True once the run is removed."""

    def __init__(self, journal: Journal, run: Run) -> None:
        unit = journal.distance_unit()
        label = run_label(run, unit)
        # The distance is said once: a race distance's name does not say it.
        said = (
            label
            if label.endswith(" run") or label.endswith(" race")
            else (f"{label} ({distance_text(run.distance_km, unit)})")
        )
        window = "Its recovery window goes with it; check-ins" if run_window(run) else "Check-ins"
        super().__init__(
            "Undo the last logged run",
            f"Remove your {said} of {long_date(run.day)}, effort {run.effort}/10? "
            f"{window} and ticked tasks stay.",
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

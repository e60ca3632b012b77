"""Undo the last logged run asks in words that fit the run: the distance said once, and a
recovery window named only when the run opened one."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import NOW, fixed_clock

from recovery_tui.domain.models import RunKind
from recovery_tui.screens.undo_run import UndoRunScreen
from recovery_tui.services.journal import open_journal


@pytest.mark.parametrize(
    ("km", "kind", "said", "window"),
    [
        (8.0, RunKind.EASY, "Remove your 8 km easy run of", False),
        (21.1, RunKind.RACE, "Remove your half marathon (21.1 km) of", True),
        (10.0, RunKind.RACE, "Remove your 10 km race of", True),
    ],
)
def test_the_question_fits_the_run(
    tmp_path: Path, km: float, kind: RunKind, said: str, window: bool
) -> None:
    journal = open_journal(tmp_path / "data", fixed_clock())
    run = journal.log_run(km, NOW.date(), kind=kind)
    question = UndoRunScreen(journal, run).question
    assert question.startswith(said)
    assert question.count(" km") == 1, "the distance is said once"
    assert ("recovery window" in question) is window

"""A run logged twice by hand is recognised (and only then): same day, kind, distance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.run_twins import earlier_twin, twin_words
from recovery_tui.domain.units import DistanceUnit

DAY = date(2026, 11, 27)
HALF = Run(DAY, 21.1, 8, RunKind.RACE, None, "2026-11-27T12:00:00.000000Z", "UTC")


def again(**changes: object) -> Run:
    return replace(HALF, id="second", recorded_at="2026-11-27T13:00:00.000000Z", **changes)  # type: ignore[arg-type]


def test_the_same_race_logged_again_is_its_twin() -> None:
    assert earlier_twin(again(), [HALF]) is HALF
    assert earlier_twin(again(distance_km=21.0975), [HALF]) is HALF, "21.1 or 21.0975"
    assert earlier_twin(again(finish=time(11, 5)), [HALF]) is HALF, "one has no finish"


def test_another_day_kind_distance_or_finish_is_another_run() -> None:
    finished = replace(HALF, finish=time(11, 5))
    for other in (
        again(day=date(2026, 11, 26)),
        again(kind=RunKind.LONG),
        again(distance_km=21.5),
        again(finish=time(18, 0)),
    ):
        assert earlier_twin(other, [finished]) is None, other
    assert earlier_twin(HALF, [HALF]) is None, "a run is not its own twin"


def test_the_words_name_the_run_and_the_way_back() -> None:
    words = twin_words(again(), DistanceUnit.KM)
    assert words.startswith("You had already logged a half marathon on Friday 27 November")
    assert "Undo the last logged run" in words

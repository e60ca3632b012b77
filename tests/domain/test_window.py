"""The recovery window: one day per 3 km raced up to the marathon, more for ultras without a
cap, effort and kind scale it, easy runs open none."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from day_samples import HALF, RACE_DAY, on, run

from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import (
    DESCENT_GUIDE,
    MAX_WINDOW_DAYS,
    TIME_ON_FEET_GUIDE,
    active_run,
    effective_km,
    file_reasons,
    run_label,
    run_window,
    window_days,
)

GUIDANCE = (Path(__file__).resolve().parents[2] / "docs" / "guidance.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("km", "effort", "kind", "expected"),
    [
        (5.0, 8, RunKind.RACE, 2),
        (10.0, 8, RunKind.RACE, 3),
        (21.1, 8, RunKind.RACE, 7),  # the field reports' week
        (42.195, 8, RunKind.RACE, 14),
        (50.0, 8, RunKind.RACE, 15),
        (80.0, 8, RunKind.RACE, 20),
        (100.0, 8, RunKind.RACE, 24),
        (160.0, 8, RunKind.RACE, 34),
        (42.195, 10, RunKind.RACE, 18),
        (30.0, 6, RunKind.LONG, 5),
        (5.0, 3, RunKind.EASY, 0),
        (42.2, 5, RunKind.EASY, 0),
        (0.0, 8, RunKind.RACE, 0),
    ],
)
def test_window_table(km: float, effort: int, kind: RunKind, expected: int) -> None:
    """The table in docs/guidance.md ("The recovery window") and docs/plan.md."""
    assert window_days(km, effort, kind) == expected


def test_ultras_keep_growing_past_80_km() -> None:
    days = [window_days(km, 8, RunKind.RACE) for km in (80, 100, 120, 160, 250)]
    assert days == sorted(days) and len(set(days)) == len(days)


def test_past_the_marathon_each_km_counts_half() -> None:
    assert effective_km(42.2) == pytest.approx(42.2)
    assert effective_km(62.2) == pytest.approx(52.2)


def test_time_on_feet_lengthens_a_slow_run() -> None:
    quick = window_days(21.1, 8, RunKind.RACE, moving_seconds=1.5 * 3600)
    slow = window_days(21.1, 8, RunKind.RACE, moving_seconds=3.5 * 3600)
    assert quick == 7 and slow > quick


def test_long_descents_add_days() -> None:
    flat = window_days(42.2, 8, RunKind.RACE, descent_m=100)
    downhill = window_days(42.2, 8, RunKind.RACE, descent_m=1600)
    assert flat == 14 and downhill == flat + 3


def test_a_runs_window_counts_what_its_file_told() -> None:
    """A run stored with its moving time and descent keeps them in its window; one logged
    by hand (neither known) has the window of its distance alone."""
    downhill = replace(HALF, descent_m=1600.0)
    slow = replace(HALF, moving_seconds=3.5 * 3600)
    assert run_window(HALF) == 7
    assert run_window(downhill) == 7 + 3
    assert run_window(slow) == window_days(21.1, 8, RunKind.RACE, moving_seconds=3.5 * 3600) > 7
    for stored in (downhill, slow, HALF):
        assert Run.from_dict(stored.to_dict()) == stored
    assert "descent_m" not in HALF.to_dict() and "moving_seconds" not in HALF.to_dict()


@pytest.mark.parametrize(
    ("field", "value"),
    [("descent_m", -1), ("descent_m", float("nan")), ("moving_seconds", "2h"), ("descent_m", 1e9)],
)
def test_a_stored_run_with_an_impossible_file_value_is_refused(field: str, value: object) -> None:
    doc = HALF.to_dict() | {field: value}
    with pytest.raises(ValueError, match=field):
        Run.from_dict(doc)


def test_the_file_reasons_say_what_lengthened_the_window() -> None:
    """Time on the feet only when it counts for more than the distance; the descent only
    when it adds a day; the descent in feet for someone who runs in miles."""
    assert file_reasons(21.1, None, None, kind=RunKind.RACE) == ()
    assert (
        file_reasons(21.1, 1.5 * 3600, 499, kind=RunKind.RACE) == ()
    )  # a quick half, a small hill
    slow, hilly = file_reasons(21.1, 3.5 * 3600, 1600, kind=RunKind.RACE)
    assert slow.guide == TIME_ON_FEET_GUIDE and "3 h 30 min on the feet" in slow.text
    assert hilly.guide == DESCENT_GUIDE and hilly.text.startswith("3 days more for its 1600 m")
    (in_feet,) = file_reasons(21.1, None, 1000, DistanceUnit.MI, kind=RunKind.RACE)
    assert "2 days more for its 3281 ft of descent" in in_feet.text
    for guide in (TIME_ON_FEET_GUIDE, DESCENT_GUIDE):
        assert f"`{guide}`" in GUIDANCE


def test_an_easy_run_from_a_file_gets_no_reasons() -> None:
    """A slow, hilly easy run opens no window: nothing was lengthened, nothing is said
    (an import said 'Counted by its 2 h 00 min on the feet' above 'No recovery window')."""
    assert window_days(3.2, 3, RunKind.EASY, 2 * 3600, 1600) == 0
    assert file_reasons(3.2, 2 * 3600, 1600, kind=RunKind.EASY) == ()
    assert len(file_reasons(3.2, 2 * 3600, 1600, kind=RunKind.LONG)) == 2


def test_window_clamps_out_of_range_input() -> None:
    assert window_days(-5, 8, RunKind.RACE) == 0
    assert window_days(21.1, 0, RunKind.RACE) == window_days(21.1, 1, RunKind.RACE)
    assert window_days(21.1, 15, RunKind.RACE) == window_days(21.1, 10, RunKind.RACE)
    assert window_days(250, 10, RunKind.RACE) <= MAX_WINDOW_DAYS


def test_easy_runs_never_open_a_window() -> None:
    easy = run(km=5, effort=3, kind=RunKind.EASY)
    assert active_run(RACE_DAY, [easy]) is None


def test_an_easy_run_inside_a_window_keeps_it_and_a_new_race_takes_over() -> None:
    test_run = run(km=5, effort=3, kind=RunKind.EASY, day=on(5))
    assert active_run(on(5), [HALF, test_run]) == HALF
    later_race = run(km=21.1, effort=9, day=on(5))
    assert active_run(on(5), [HALF, later_race]) == later_race


def test_future_runs_are_ignored() -> None:
    assert active_run(on(-1), [HALF]) is None


def test_run_label() -> None:
    assert run_label(HALF) == "half marathon"
    assert run_label(run(km=42.195)) == "marathon"
    assert run_label(run(km=10)) == "10 km race"
    assert run_label(run(km=5, kind=RunKind.EASY)) == "5 km easy run"
    assert run_label(run(km=30, kind=RunKind.LONG)) == "30 km long run"

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from recovery_tui.domain import plan as plan_module
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.plan import (
    CHECKIN,
    COOLDOWN,
    EASY_RUN_TEST,
    PLAN_RULES,
    REFUEL,
    SINGLE_LEG,
    STRETCH,
    WALKS,
    WARM_UP,
    WATER,
    Phase,
    active_run,
    plan_for,
    run_label,
    window_days,
)

RACE_DAY = date(2026, 4, 12)


def run(
    day: date = RACE_DAY,
    km: float = 21.1,
    effort: int = 8,
    kind: RunKind = RunKind.RACE,
    recorded_at: str = "2026-04-12T10:00:00.000000Z",
) -> Run:
    return Run(day, km, effort, kind, None, recorded_at, "Europe/Paris")


HALF = run()


@pytest.mark.parametrize(
    ("km", "effort", "kind", "expected"),
    [
        (21.1, 8, RunKind.RACE, 7),
        (21.0975, 8, RunKind.RACE, 7),
        (42.195, 8, RunKind.RACE, 14),
        (42.195, 10, RunKind.RACE, 18),
        (10.0, 9, RunKind.RACE, 4),
        (5.0, 3, RunKind.EASY, 0),
        (10.0, 4, RunKind.EASY, 1),
        (21.1, 6, RunKind.LONG, 3),
        (30.0, 6, RunKind.LONG, 5),
        (100.0, 9, RunKind.RACE, 21),
        (0.0, 8, RunKind.RACE, 0),
    ],
)
def test_window_table(km: float, effort: int, kind: RunKind, expected: int) -> None:
    assert window_days(km, effort, kind) == expected


def test_window_grows_with_distance_effort_and_kind() -> None:
    assert window_days(10, 8, RunKind.RACE) < window_days(15, 8, RunKind.RACE)
    assert window_days(21.1, 5, RunKind.RACE) < window_days(21.1, 8, RunKind.RACE)
    easy, long, race = (window_days(30, 7, k) for k in (RunKind.EASY, RunKind.LONG, RunKind.RACE))
    assert easy < long < race


def test_window_rounds_half_up() -> None:
    # 19.5 km at race effort is exactly 6.5 days; banker's rounding would give 6.
    assert window_days(19.5, 8, RunKind.RACE) == 7


def test_window_clamps_out_of_range_input() -> None:
    assert window_days(-5, 8, RunKind.RACE) == 0
    assert window_days(21.1, 0, RunKind.RACE) == window_days(21.1, 1, RunKind.RACE)
    assert window_days(21.1, 15, RunKind.RACE) == window_days(21.1, 10, RunKind.RACE)


def test_window_constants_are_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "KM_PER_RECOVERY_DAY", 2.0)
    monkeypatch.setattr(plan_module, "MAX_WINDOW_DAYS", 10)
    assert window_days(21.1, 8, RunKind.RACE) == 10


def test_run_day_has_refuel_and_rehydrate() -> None:
    p = plan_for(RACE_DAY, [HALF])
    assert (p.phase, p.day_index, p.window_days) == (Phase.RUN_DAY, 0, 7)
    assert p.task(REFUEL) is not None
    water = p.task(WATER)
    assert water is not None and water.counted and water.target == 8 and water.unit == "cups"
    assert p.task(COOLDOWN) is not None
    assert p.task(WALKS) is None


def test_day_after_half_marathon_is_early_day_one_of_seven() -> None:
    p = plan_for(RACE_DAY + timedelta(days=1), [HALF])
    assert (p.day_index, p.window_days, p.phase) == (1, 7, Phase.EARLY)
    assert p.in_window
    walks = p.task(WALKS)
    assert walks is not None and walks.target == 3 and walks.counted
    assert p.task(STRETCH) is not None
    assert p.task(SINGLE_LEG) is not None
    assert p.task(CHECKIN) is not None
    assert p.recovery_date == RACE_DAY + timedelta(days=7)


@pytest.mark.parametrize(
    ("offset", "phase"), [(2, Phase.EARLY), (3, Phase.EARLY), (4, Phase.LATER), (7, Phase.LATER)]
)
def test_phase_by_day(offset: int, phase: Phase) -> None:
    assert plan_for(RACE_DAY + timedelta(days=offset), [HALF]).phase is phase


def test_later_days_offer_easy_run_test_and_single_walk() -> None:
    p = plan_for(RACE_DAY + timedelta(days=5), [HALF])
    assert p.task(EASY_RUN_TEST) is not None
    walks = p.task(WALKS)
    assert walks is not None and not walks.counted
    assert p.task(STRETCH) is not None and p.task(SINGLE_LEG) is None


def test_day_after_window_has_no_plan_run() -> None:
    p = plan_for(RACE_DAY + timedelta(days=8), [HALF])
    assert (p.phase, p.run, p.day_index, p.recovery_date) == (Phase.NONE, None, None, None)
    assert not p.in_window
    assert p.task(WARM_UP) is not None and p.task(WATER) is not None


def test_no_runs_and_days_before_the_run_are_outside_a_window() -> None:
    assert plan_for(RACE_DAY, []).phase is Phase.NONE
    assert plan_for(RACE_DAY - timedelta(days=1), [HALF]).phase is Phase.NONE


def test_easy_run_has_only_its_run_day() -> None:
    easy = run(km=5, effort=3, kind=RunKind.EASY)
    assert plan_for(RACE_DAY, [easy]).phase is Phase.RUN_DAY
    assert plan_for(RACE_DAY + timedelta(days=1), [easy]).phase is Phase.NONE


def test_easy_test_run_inside_a_window_keeps_the_window() -> None:
    test_run = run(day=RACE_DAY + timedelta(days=5), km=5, effort=3, kind=RunKind.EASY)
    p = plan_for(RACE_DAY + timedelta(days=5), [HALF, test_run])
    assert p.run == HALF and p.day_index == 5


def test_new_race_inside_a_window_takes_over() -> None:
    ten_k = run(day=RACE_DAY + timedelta(days=5), km=21.1, effort=9)
    assert active_run(RACE_DAY + timedelta(days=5), [ten_k, HALF]) == ten_k
    assert plan_for(RACE_DAY + timedelta(days=5), [HALF, ten_k]).phase is Phase.RUN_DAY


def test_future_runs_are_ignored() -> None:
    assert active_run(RACE_DAY - timedelta(days=1), [HALF]) is None


def test_task_ids_are_unique_per_phase_and_every_task_explains_why() -> None:
    for phase, tasks in PLAN_RULES.items():
        ids = [t.id for t in tasks]
        assert len(ids) == len(set(ids)), phase
        for t in tasks:
            assert t.title and t.why and t.target >= 1
            assert "\n" not in t.why and len(t.why) <= 90, t.id


def test_run_label() -> None:
    assert run_label(HALF) == "half marathon"
    assert run_label(run(km=42.195)) == "marathon"
    assert run_label(run(km=10)) == "10 km race"
    assert run_label(run(km=5, kind=RunKind.EASY)) == "5 km easy run"
    assert run_label(run(km=30, kind=RunKind.LONG)) == "30 km long run"


def test_docs_list_every_task_of_the_table() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "plan.md").read_text(encoding="utf-8")
    for tasks in PLAN_RULES.values():
        for t in tasks:
            assert f"`{t.id}`" in doc and t.title in doc and t.why in doc, t.id

from __future__ import annotations

from datetime import date, timedelta

from recovery_tui.domain.day import plan_for
from recovery_tui.domain.models import Area, CheckIn, Run, RunKind, TaskState
from recovery_tui.domain.plan import CHECKIN, STRETCH, WALKS, WATER
from recovery_tui.domain.progress import day_progress, done_count, water_count

RACE_DAY = date(2026, 4, 12)
DAY_ONE = RACE_DAY + timedelta(days=1)
HALF = Run(RACE_DAY, 21.1, 8, RunKind.RACE, None, "2026-04-12T10:00:00.000000Z", "UTC")
PLAN = plan_for(DAY_ONE, [HALF])


def state(task_id: str, count: int, day: date = DAY_ONE) -> TaskState:
    return TaskState(day, task_id, count, f"{day.isoformat()}T09:00:00.000000Z", "UTC")


def states(*items: TaskState) -> dict[str, TaskState]:
    return {s.task_id: s for s in items}


def checkin(cups: int | None = None, day: date = DAY_ONE) -> CheckIn:
    return CheckIn(
        day=day,
        soreness={Area.ANKLES: 4},
        recorded_at=f"{day.isoformat()}T08:00:00.000000Z",
        tz="UTC",
        cups=cups,
    )


def test_nothing_done_lists_every_task_at_zero() -> None:
    progress = day_progress(PLAN, {}, None)
    assert progress == {t.id: 0 for t in PLAN.tasks}
    assert done_count(PLAN, progress) == (0, len(PLAN.tasks))


def test_plain_tasks_clamp_to_one_and_counted_tasks_show_what_was_counted() -> None:
    progress = day_progress(PLAN, states(state(WALKS, 5), state(STRETCH, 5)), None)
    assert progress[WALKS] == 5
    assert progress[STRETCH] == 1


def test_negative_counts_become_zero() -> None:
    assert day_progress(PLAN, states(state(WALKS, -1)), None)[WALKS] == 0


def test_counted_task_is_done_only_at_its_target() -> None:
    two = day_progress(PLAN, states(state(WALKS, 2), state(STRETCH, 1)), None)
    three = day_progress(PLAN, states(state(WALKS, 3), state(STRETCH, 1)), None)
    assert done_count(PLAN, two)[0] == 1
    assert done_count(PLAN, three)[0] == 2


def test_a_checkin_completes_the_checkin_task() -> None:
    assert day_progress(PLAN, {}, checkin())[CHECKIN] == 1


def test_water_is_one_number_the_counter() -> None:
    """The counter is the water number; a day recorded before the counter and the
    check-in's cups were one number reads its cups."""
    assert day_progress(PLAN, states(state(WATER, 3)), checkin(cups=5))[WATER] == 3
    assert day_progress(PLAN, states(state(WATER, 0)), checkin(cups=5))[WATER] == 0
    assert day_progress(PLAN, {}, checkin(cups=12))[WATER] == 12


def test_the_checkin_task_cannot_be_ticked_by_hand() -> None:
    assert day_progress(PLAN, states(state(CHECKIN, 1)), None)[CHECKIN] == 0


def test_states_and_checkins_of_other_days_are_ignored() -> None:
    other = DAY_ONE - timedelta(days=1)
    progress = day_progress(PLAN, states(state(WALKS, 3, other)), checkin(cups=8, day=other))
    assert progress[WALKS] == 0 and progress[WATER] == 0 and progress[CHECKIN] == 0


def test_states_for_tasks_outside_the_plan_are_left_out() -> None:
    progress = day_progress(PLAN, states(state("refuel", 1)), None)
    assert "refuel" not in progress


def test_water_not_entered_is_unknown_while_its_task_shows_nothing_counted() -> None:
    """No counter and a check-in without cups: the water number is unknown (None), and the
    Today task counts 0 of its target."""
    assert water_count(DAY_ONE, {}, checkin()) is None
    assert water_count(DAY_ONE, {}, None) is None
    assert day_progress(PLAN, {}, checkin())[WATER] == 0


def test_water_counter_at_zero_is_an_entry_of_zero() -> None:
    assert water_count(DAY_ONE, states(state(WATER, 0)), checkin(cups=5)) == 0

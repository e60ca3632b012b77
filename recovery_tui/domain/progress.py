"""What counts as done on a day: the stored task counts, and the check-in for its task."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from recovery_tui.domain.models import CheckIn, TaskState
from recovery_tui.domain.plan import CHECKIN, WATER, DayPlan


def day_progress(
    plan: DayPlan, task_states: Mapping[str, TaskState], checkin: CheckIn | None
) -> dict[str, int]:
    """task id -> count for each task of the plan: 0 or 1 for a plain task, for a counted
    one what was counted (a ninth cup shows as 9/8, so counting down is never invisible).

    The check-in task is done exactly when the day has a check-in (it cannot be ticked by
    hand). Water has one number, the counter; a day recorded before the counter and the
    check-in's cups were one number reads its cups. States or a check-in of another day
    are ignored.
    """
    if checkin is not None and checkin.day != plan.day:
        checkin = None
    progress: dict[str, int] = {}
    for task in plan.tasks:
        state = task_states.get(task.id)
        count = state.count if state is not None and state.day == plan.day else 0
        if task.id == CHECKIN:
            count = 1 if checkin is not None else 0
        elif task.id == WATER:
            # Nothing counted is no progress on the task, whether or not it was entered.
            count = water_count(plan.day, task_states, checkin) or 0
        progress[task.id] = max(count, 0) if task.counted else min(max(count, 0), 1)
    return progress


def water_count(
    day: date, task_states: Mapping[str, TaskState], checkin: CheckIn | None
) -> int | None:
    """The day's one water number: the counter, or for a day recorded before the counter
    and the check-in's cups were one number, the cups the check-in gave; None when the
    user entered neither (unknown, not 0 cups)."""
    state = task_states.get(WATER)
    if state is not None and state.day == day:
        return state.count
    if checkin is not None and checkin.day == day and checkin.cups is not None:
        return checkin.cups
    return None


def done_count(plan: DayPlan, progress: Mapping[str, int]) -> tuple[int, int]:
    """(tasks done, tasks in the plan); a counted task is done once it reaches its target."""
    done = sum(1 for task in plan.tasks if progress.get(task.id, 0) >= task.target)
    return done, len(plan.tasks)


def ticks_of(states: Mapping[date, Mapping[str, TaskState]]) -> dict[date, dict[str, int]]:
    """Task states by day as plain counts, for ``day.assess_day``."""
    return {day: {tid: s.count for tid, s in by_id.items()} for day, by_id in states.items()}

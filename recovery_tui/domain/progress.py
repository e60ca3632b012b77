"""What counts as done on a day: stored task counts, plus what the check-in already says."""

from __future__ import annotations

from collections.abc import Mapping

from recovery_tui.domain.models import CheckIn, TaskState
from recovery_tui.domain.plan import CHECKIN, WATER, DayPlan


def day_progress(
    plan: DayPlan, task_states: Mapping[str, TaskState], checkin: CheckIn | None
) -> dict[str, int]:
    """task id -> count for each task of the plan: 0 or 1 for a plain task, for a counted
    one what was counted (a ninth cup shows as 9/8, so counting down is never invisible).

    A check-in completes the check-in task, and the cups it records count as water drunk,
    so nobody has to enter the same thing twice. States or a check-in of another day are
    ignored.
    """
    if checkin is not None and checkin.day != plan.day:
        checkin = None
    progress: dict[str, int] = {}
    for task in plan.tasks:
        state = task_states.get(task.id)
        count = state.count if state is not None and state.day == plan.day else 0
        if task.id == CHECKIN and checkin is not None:
            count = max(count, 1)
        if task.id == WATER and checkin is not None:
            count = max(count, checkin.cups or 0)
        progress[task.id] = max(count, 0) if task.counted else min(max(count, 0), 1)
    return progress


def done_count(plan: DayPlan, progress: Mapping[str, int]) -> tuple[int, int]:
    """(tasks done, tasks in the plan); a counted task is done once it reaches its target."""
    done = sum(1 for task in plan.tasks if progress.get(task.id, 0) >= task.target)
    return done, len(plan.tasks)

"""The status-bar line and the reminders due through the day, for each phase of a recovery."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from recovery_tui.domain.day import plan_for
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.nudges import (
    DONE,
    NOT_DONE,
    SEPARATOR,
    WakingDay,
    due_reminders,
    keys_of_day,
    parse_waking_day,
    status,
    status_line,
    stretch_time,
    walk_times,
)
from recovery_tui.domain.plan import STRETCH, WALKS, DayPlan

ZONE = ZoneInfo("Europe/Paris")
RACE_DAY = date(2026, 11, 22)
RACE = Run(RACE_DAY, 21.1, 8, RunKind.RACE, None, "2026-11-22T11:00:00+00:00", "Europe/Paris")


def plan_on(day_index: int | None) -> DayPlan:
    if day_index is None:
        return plan_for(RACE_DAY - timedelta(days=30), [RACE])
    return plan_for(RACE_DAY + timedelta(days=day_index), [RACE])


def at(plan: DayPlan, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(plan.day, time(hour, minute), tzinfo=ZONE)


def all_done(plan: DayPlan) -> dict[str, int]:
    return {task.id: task.target for task in plan.tasks}


# -- the status line ------------------------------------------------------------------
def test_the_plan_window_is_a_week() -> None:
    assert plan_on(2).window_days == 7 and plan_on(2).day_index == 2


def test_status_with_no_run() -> None:
    plan = plan_on(None)
    assert plan.day_index is None
    data = status(plan, {}, at(plan, 12))
    assert data["text"] == "No recovery window"
    assert data["class"] == "idle" and data["day"] is None and data["due"] == []


def test_status_on_run_day_counts_tasks_and_names_the_next() -> None:
    plan = plan_on(0)
    first, second = plan.tasks[0], plan.tasks[1]
    line = status_line(plan, {first.id: first.target}, at(plan, 15))
    total = len(plan.tasks)
    assert line == SEPARATOR.join(["Run day", f"tasks 1/{total}", "next: refuel"])
    assert second.id == "refuel"


def test_status_on_an_early_day_reads_as_the_issue_shows() -> None:
    plan = plan_on(2)
    assert status_line(plan, {WALKS: 1}, at(plan, 12)) == (
        "Day 2/7 · walks 1/3 · stretch – · next: walk"
    )


def test_status_on_an_early_day_next_is_the_due_reminder() -> None:
    plan = plan_on(2)
    progress = {WALKS: 3, plan.tasks[2].id: 1}
    data = status(plan, progress, at(plan, 18))
    assert data["next"] == "stretch"
    assert data["class"] == "due" and data["due"] == ["Time for the stretch"]
    assert f"walks 3/3{SEPARATOR}stretch {NOT_DONE}" in data["text"]


def test_status_on_a_later_day_with_a_single_walk() -> None:
    plan = plan_on(5)
    assert plan.task(WALKS) is not None and not plan.task(WALKS).counted
    line = status_line(plan, {STRETCH: 1}, at(plan, 9))
    assert line == SEPARATOR.join(["Day 5/7", f"walk {NOT_DONE}", f"stretch {DONE}", "next: walk"])


def test_status_when_all_is_done() -> None:
    plan = plan_on(2)
    data = status(plan, all_done(plan), at(plan, 20))
    assert data["text"] == SEPARATOR.join(["Day 2/7", "walks 3/3", f"stretch {DONE}", "all done"])
    assert data["class"] == "done" and data["next"] is None and data["percentage"] == 100
    assert data["short_text"] == "Day 2/7 · all done"


def test_status_as_json_for_bars() -> None:
    plan = plan_on(2)
    data = json.loads(json.dumps(status(plan, {WALKS: 1}, at(plan, 12))))
    assert data["text"] == data["full_text"]
    assert {"tooltip", "class", "percentage", "tasks_done", "tasks_total"} <= data.keys()
    assert data["tasks_done"] == 0 and data["tasks_total"] == len(plan.tasks)
    assert data["day"] == 2 and data["window_days"] == 7
    assert len(data["tooltip"].splitlines()) == len(plan.tasks)


def test_the_last_day_of_the_window() -> None:
    plan = plan_on(7)
    assert status_line(plan, {}, at(plan, 9)).startswith("Day 7/7")


# -- when reminders are due -----------------------------------------------------------
def test_walks_are_spread_over_the_waking_day() -> None:
    day = WakingDay(time(8), time(21))
    times = walk_times(3, day)
    assert times == (time(10, 10), time(14, 30), time(18, 50))
    assert walk_times(1, day) == (time(14, 30),)


def test_the_stretch_is_due_before_the_evening_even_on_a_short_day() -> None:
    assert stretch_time(WakingDay()) == time(17, 0)
    assert stretch_time(WakingDay(time(6), time(14))) == time(12, 30)


def test_a_waking_day_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError):
        WakingDay(time(21), time(8))


@pytest.mark.parametrize(
    ("hour", "minute", "progress", "expected"),
    [
        (7, 0, {}, []),  # still asleep
        (9, 0, {}, []),  # the first walk is not due yet
        (10, 30, {}, ["walks:1"]),
        (15, 0, {WALKS: 1}, ["walks:2"]),
        (15, 0, {WALKS: 2}, []),
        (17, 30, {WALKS: 2}, ["stretch_30:1"]),
        (19, 0, {WALKS: 2}, ["walks:3", "stretch_30:1"]),
        (19, 0, {WALKS: 0}, ["walks:1", "stretch_30:1"]),  # behind: the next walk only
        (19, 0, {WALKS: 3, STRETCH: 1}, []),
        (21, 30, {}, []),  # the day is over
    ],
)
def test_reminders_through_an_early_day(
    hour: int, minute: int, progress: dict[str, int], expected: list[str]
) -> None:
    plan = plan_on(2)
    keys = [r.key for r in due_reminders(plan, progress, at(plan, hour, minute))]
    assert keys == [f"{plan.day.isoformat()}:{key}" for key in expected]


def test_a_reminder_says_when_and_why() -> None:
    plan = plan_on(2)
    (walk,) = due_reminders(plan, {WALKS: 1}, at(plan, 15))
    walks = plan.task(WALKS)
    assert walks is not None
    assert walk.title == "Walk 2 of 3"
    assert "14:30" in walk.body and walks.why in walk.body and walks.title in walk.body


def test_the_same_reminder_keeps_its_key_all_day() -> None:
    plan = plan_on(2)
    keys = {due_reminders(plan, {WALKS: 1}, at(plan, h))[0].key for h in (15, 16, 17, 18, 19)}
    assert len(keys) == 1


def test_nothing_is_due_on_run_day_or_outside_a_window() -> None:
    for plan in (plan_on(0), plan_on(None)):
        assert due_reminders(plan, {}, at(plan, 19)) == []


def test_a_later_day_has_one_walk_at_midday() -> None:
    plan = plan_on(5)
    assert due_reminders(plan, {STRETCH: 1}, at(plan, 14)) == []
    (walk,) = due_reminders(plan, {STRETCH: 1}, at(plan, 14, 30))
    assert walk.title == "Walk"


def test_nothing_is_due_for_another_day() -> None:
    plan = plan_on(2)
    assert due_reminders(plan, {}, at(plan, 19) + timedelta(days=1)) == []


def test_a_custom_waking_day_moves_the_reminders() -> None:
    plan = plan_on(2)
    early = WakingDay(time(6), time(14))
    assert [r.title for r in due_reminders(plan, {WALKS: 3}, at(plan, 13), early)] == [
        "Time for the stretch"
    ]
    assert due_reminders(plan, {}, at(plan, 15), early) == []


def test_the_waking_day_from_settings() -> None:
    assert parse_waking_day(None, "") == WakingDay()
    assert parse_waking_day("06:30", "22:00") == WakingDay(time(6, 30), time(22))


@pytest.mark.parametrize(("start", "end"), [("7h", None), ("25:00", None), ("22:00", "06:00")])
def test_a_bad_waking_day_says_why(start: str | None, end: str | None) -> None:
    with pytest.raises(ValueError):
        parse_waking_day(start, end)


def test_only_the_days_keys_are_kept() -> None:
    plan = plan_on(2)
    today = [r.key for r in due_reminders(plan, {}, at(plan, 19))]
    yesterday = [r.key for r in due_reminders(plan_on(1), {}, at(plan_on(1), 19))]
    assert keys_of_day([*yesterday, *today], plan.day) == today

"""The one model of the day: the plan listens to the body, flags reshape it, and a way
back to running follows the window."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from day_samples import HALF, MARATHON, checkin, on, run

from recovery_tui.domain import plan as p
from recovery_tui.domain.day import DayModel, assess_day, ticks_since
from recovery_tui.domain.models import Area, CheckIn, RedFlag, Run, RunKind
from recovery_tui.domain.routine_library import find_builtin

GUIDANCE = (Path(__file__).resolve().parents[2] / "docs" / "guidance.md").read_text("utf-8")


def day(offset: int, runs: list[Run], checkins: list[CheckIn] = (), ticks=None) -> DayModel:  # type: ignore[assignment,no-untyped-def]
    return assess_day(on(offset), runs, list(checkins), ticks)


def ids(model: DayModel) -> list[str]:
    return [t.id for t in model.plan.tasks]


@pytest.mark.parametrize(("km", "said"), [(10.0, False), (21.1, True), (42.2, True)])
def test_the_long_race_tiredness_note_follows_long_races_only(km: float, said: bool) -> None:
    # Its words ("after a long race") and sources are of long races, not a 10 km.
    guides = [g for g, _ in day(2, [run(km=km)]).plan.notes]
    assert "msg.normal_soreness" in guides
    assert ("msg.tiredness" in guides) is said


def test_run_day_of_a_race() -> None:
    model = day(0, [HALF])
    assert (model.plan.phase, model.plan.day_index, model.plan.window_days) == (
        p.Phase.RUN_DAY,
        0,
        7,
    )
    assert ids(model)[:2] == [p.WATER, p.REFUEL]
    guides = [guide for guide, _ in model.plan.notes]
    assert "msg.refuel_ideas" in guides and "msg.low_appetite" in guides
    assert "msg.drink" in guides and "msg.pain_relief" in guides


def test_an_easy_run_opens_no_window_and_shows_no_race_day_tasks() -> None:
    easy = run(km=5, effort=3, kind=RunKind.EASY)
    model = day(0, [easy])
    assert model.plan.phase is p.Phase.NONE and model.plan.window_days == 0
    assert p.REFUEL not in ids(model) and p.REST not in ids(model)


@pytest.mark.parametrize(
    ("offset", "phase"),
    [(1, p.Phase.EARLY), (3, p.Phase.EARLY), (4, p.Phase.LATER), (7, p.Phase.LATER)],
)
def test_phases(offset: int, phase: p.Phase) -> None:
    assert day(offset, [HALF]).plan.phase is phase


def test_early_days_ask_for_walks_stretch_and_the_stand_check() -> None:
    model = day(1, [HALF], [checkin(1, ankles=5)])
    walks = model.plan.task(p.WALKS)
    assert walks is not None and walks.target == 3 and walks.routine == p.WALK_ROUTINE
    assert p.STRETCH in ids(model) and p.SINGLE_LEG in ids(model)
    assert "msg.normal_soreness" in [g for g, _ in model.plan.notes]


def test_the_self_massage_says_where_the_check_in_found_it_sorest() -> None:
    """The three sorest areas from 3/10 (mild) up, sorest first; without a recent check-in,
    or with only low soreness, the task gives its usual reason."""
    sore = checkin(2, calves=5, quadriceps=6, knees=2, ankles=5, hips=3)
    massage = day(2, [HALF], [sore]).plan.task(p.MASSAGE)
    # The title leads with what the user said is sore, not places they scored 0.
    assert massage is not None and massage.title == "Self-massage quadriceps, ankles, calves"
    assert massage.today == "Sorest at your last check-in: quadriceps 6, ankles 5, calves 5."
    # The routine it opens massages those places, in that order (it massaged others).
    routine = find_builtin(massage.routine or "")
    assert routine is not None
    assert [step.areas for step in routine.steps] == [
        (Area.QUADRICEPS,),
        (Area.ANKLES,),
        (Area.CALVES,),
    ]
    for checkins in ([], [checkin(2, knees=2, calves=1)], [checkin(-20, calves=6)]):
        plain = day(2, [HALF], checkins).plan.task(p.MASSAGE)
        assert plain is not None and plain.today == ""
        assert plain.title == "Self-massage ankles, knees, lower back"
        assert plain.routine == "self-massage"


@pytest.mark.parametrize("flag", list(RedFlag))
def test_each_flag_reshapes_the_day(flag: RedFlag) -> None:
    model = day(2, [HALF], [checkin(2, flags=frozenset({flag}), ankles=4)])
    tasks = ids(model)
    assert tasks[0] == p.SEE_PROFESSIONAL
    if flag in (RedFlag.DARK_URINE, RedFlag.DIZZINESS):  # rest, no walks, no "painful area"
        assert tasks[1:] == [p.REST_UNTIL_SEEN, p.WATER, p.CHECKIN]
    else:
        assert tasks[1:] == [p.REST_INJURED, p.ICE, p.WALKS_IF_PAINLESS, p.WATER, p.CHECKIN]
    assert model.plan.flagged and not model.readiness.ready
    assert flag.label in model.plan.tasks[0].title


def test_a_painful_place_and_dizziness_together_get_the_care_of_both_and_no_walk() -> None:
    flags = frozenset({RedFlag.SWELLING, RedFlag.DIZZINESS})
    model = day(2, [HALF], [checkin(2, flags=flags, ankles=4)])
    assert ids(model) == [
        p.SEE_PROFESSIONAL,
        p.REST_UNTIL_SEEN,
        p.REST_INJURED,
        p.ICE,
        p.WATER,
        p.CHECKIN,
    ]
    assert model.plan.tasks[0].title.startswith("Get medical help today")


def test_an_urgent_flag_says_today() -> None:
    model = day(1, [HALF], [checkin(1, flags=frozenset({RedFlag.DARK_URINE}))])
    assert model.plan.tasks[0].title.startswith("Get medical help today")


def test_severe_soreness_puts_rest_first_and_stretching_gentler() -> None:
    model = day(2, [HALF], [checkin(2, quadriceps=9)])
    assert ids(model)[0] == p.REST
    stretch = model.plan.task(p.STRETCH)
    assert stretch is not None and "Gentler today" in stretch.today
    assert p.HEAT not in ids(model)


def test_low_energy_or_short_sleep_shifts_the_day_towards_rest() -> None:
    for tired in (checkin(2, energy=2, ankles=4), checkin(2, sleep=4.5, ankles=4)):
        model = day(2, [HALF], [tired])
        assert ids(model)[0] == p.REST
        walks = model.plan.task(p.WALKS)
        assert walks is not None and walks.target == 2 and walks.today
    rested = day(2, [HALF], [checkin(2, energy=7, sleep=8, ankles=4)])
    assert ids(rested)[0] == p.WALKS


def test_later_days_offer_the_first_run_only_once_ready() -> None:
    sore = day(5, [HALF], [checkin(5, ankles=4)])
    assert p.RETURN_RUN_WALK not in ids(sore) and p.EASY_RUN_TEST not in ids(sore)
    low = day(5, [HALF], [checkin(4, ankles=3), checkin(5, ankles=1, rest=0)])
    assert ids(low)[:2] == [p.WARM_UP, p.RETURN_RUN_WALK]
    assert low.plan.return_step == 0


def test_ten_days_after_a_half_with_low_soreness_the_return_plan_begins() -> None:
    model = day(10, [HALF], [checkin(9, ankles=2), checkin(10, ankles=1, rest=0)])
    assert model.plan.phase is p.Phase.RETURN and model.plan.return_step == 0
    first = model.plan.task(p.RETURN_RUN_WALK)
    assert first is not None and first.title == p.RETURN_STEPS[0].title


def test_the_return_plan_builds_by_small_steps_with_rest_between() -> None:
    low = [checkin(n, ankles=1, rest=0) for n in range(8, 16)]
    ticks = {on(8): {p.RETURN_RUN_WALK: 1}}
    rest = day(9, [HALF], low, ticks)
    assert ids(rest)[0] == p.RETURN_REST
    second = day(10, [HALF], low, ticks)
    assert second.plan.return_step == 1 and second.plan.tasks[1] == p.RETURN_STEPS[1]
    ticks |= {on(10): {p.RETURN_RUN_WALK: 1}, on(12): {p.RETURN_RUN_EASY: 1}}
    assert day(14, [HALF], low, ticks).plan.return_step == 3
    ticks |= {on(14): {p.RETURN_RUN_EASY: 1}}
    assert day(16, [HALF], low, ticks).plan.phase is p.Phase.NONE, "done after its last step"


def test_the_return_plan_waits_while_still_sore_and_stops_on_a_flag_or_rising() -> None:
    sore = day(9, [HALF], [checkin(8, ankles=4), checkin(9, ankles=4)])
    assert sore.plan.phase is p.Phase.RETURN and sore.plan.return_step is None
    assert p.WALKS in ids(sore)
    flagged = day(9, [HALF], [checkin(9, flags=frozenset({RedFlag.SHARP_PAIN}), ankles=1)])
    assert ids(flagged)[0] == p.SEE_PROFESSIONAL
    ticks = {on(8): {p.RETURN_RUN_WALK: 1}}
    rising = day(10, [HALF], [checkin(9, ankles=1), checkin(10, ankles=3)], ticks)
    assert rising.plan.return_step is None
    assert "msg.return_plan.stopped" in [g for g, _ in rising.plan.notes]


def test_only_the_ticks_since_the_days_run_can_change_the_day() -> None:
    """The journal reads ticks from ``ticks_since`` on (older months stay unread): for
    every day around two races, older ticks leave the model as it is with all of them."""
    easy_before = run(km=8, effort=3, kind=RunKind.EASY, day=on(-40))
    histories = [[HALF], [MARATHON], [run(km=10, day=on(-30)), HALF], [easy_before, MARATHON]]
    every_day = {on(n): {p.RETURN_RUN_WALK: 1, p.RETURN_RUN_EASY: 1} for n in range(-60, 60, 2)}
    low = [checkin(n, ankles=1) for n in range(-5, 60)]
    for runs in histories:
        for offset in range(-3, 60):
            since = ticks_since(on(offset), runs)
            kept = {d: c for d, c in every_day.items() if since is not None and d >= since}
            assert day(offset, runs, low, kept) == day(offset, runs, low, every_day), offset


def test_a_marathon_returns_later_than_a_half() -> None:
    low = [checkin(n, ankles=1) for n in (9, 10)]
    assert day(10, [HALF], low).plan.phase is p.Phase.RETURN
    assert day(10, [MARATHON], low).plan.phase is p.Phase.LATER


def test_every_task_has_its_source_in_the_guidance() -> None:
    tasks = {t.id for table in p.ALL_TABLES for t in table}
    missing = [t for t in sorted(tasks) if f"`task.{t}`" not in GUIDANCE]
    assert missing == []


def test_every_note_the_day_can_give_has_its_source() -> None:
    from recovery_tui.domain import advice

    notes = [n for n in vars(advice).values() if isinstance(n, advice.Note)]
    assert notes
    missing = [n.guide for n in notes if f"`{n.guide}`" not in GUIDANCE]
    assert missing == []


def test_every_task_explains_itself_on_one_line() -> None:
    for table in p.ALL_TABLES:
        ids_ = [t.id for t in table]
        for t in table:
            assert t.title and t.why and "\n" not in t.why
        assert len(ids_) == len(set(ids_)) or table is p.RETURN_STEPS


def test_a_flag_entered_for_yesterday_after_todays_check_in_still_reshapes_today() -> None:
    """Today's check-in (no flags entered) came first; dizziness was then entered for
    yesterday: the newest word is the flag. Checked in again today after it, without the
    flag, today's check-in is the newest word."""
    today_first = checkin(2, quadriceps=6)
    flag_later = replace(
        checkin(1, flags=frozenset({RedFlag.DIZZINESS})),
        recorded_at=f"{on(2).isoformat()}T09:00:00.000000Z",
    )
    model = day(2, [HALF], [today_first, flag_later])
    assert model.plan.flagged and ids(model)[:2] == [p.SEE_PROFESSIONAL, p.REST_UNTIL_SEEN]
    assert "dizziness or confusion yesterday" in model.alarms[0].message
    today_again = replace(today_first, recorded_at=f"{on(2).isoformat()}T10:00:00.000000Z")
    assert not day(2, [HALF], [today_again, flag_later]).plan.flagged

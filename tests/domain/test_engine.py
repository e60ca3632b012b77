"""The session engine against a fake clock: order, sides, controls, stalls and records."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.engine import SessionEngine
from recovery_tui.domain.models import SessionStatus, Side, parse_utc
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.routines import SWITCH_SECONDS, Routine, Step, walk_routine
from recovery_tui.domain.segments import Finished, Phase, SegmentChanged, SegmentKind

START = pendulum.datetime(2025, 5, 5, 7, 30, tz="Europe/Paris")
MONO = 1000.0


def small() -> Routine:
    """Three steps, the middle one on both sides: 10 + (20 + 5 + 20) + 30 = 85 s."""
    return Routine(
        "small",
        "Small",
        "routine",
        (
            Step("One", 10, how="first"),
            Step("Two", 20, sides=True, how="second"),
            Step("Three", 30, how="third"),
        ),
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START, monotonic_start=MONO)


def started(routine: Routine, clock: FakeClock, get_ready: float = 5.0) -> SessionEngine:
    engine = SessionEngine(routine, clock, get_ready_seconds=get_ready)
    engine.start()
    return engine


def run_to_end(engine: SessionEngine, clock: FakeClock, step: float) -> list:
    events = []
    while not engine.finished:
        clock.advance(step)
        events.extend(engine.update())
    return events


def test_thirty_minute_session_runs_in_order_with_left_then_right(clock: FakeClock) -> None:
    routine = stretch_30()
    engine = started(routine, clock)
    seen = [engine.current]
    events = run_to_end(engine, clock, 0.25)
    seen += [e.new for e in events if isinstance(e, SegmentChanged)]

    def one_side(step: Step, side: Side | None) -> list[tuple[str, Side | None, int]]:
        out = []
        for rep in range(1, step.reps + 1):
            if rep > 1:
                out.append(("Release", side, rep))
            out.append((step.name, side, rep))
        return out

    expected = []
    for step in routine.steps:
        if step.sides:
            expected += one_side(step, Side.LEFT)
            expected.append(("Switch sides", None, 1))
            expected += one_side(step, Side.RIGHT)
        else:
            expected += one_side(step, None)
    assert seen[0].kind is SegmentKind.GET_READY
    assert [(s.name, s.side, s.rep) for s in seen[1:]] == expected
    assert isinstance(events[-1], Finished)
    assert events[-1].at == MONO + 5 + 1800
    record = engine.record()
    assert record.actual_seconds == 1800
    assert record.status is SessionStatus.COMPLETED
    # One record per step side, each with its holds and the releases between them.
    sides = [(st.name, side) for st in routine.steps for side in _sides(st)]
    assert [(r.name, r.side) for r in record.steps] == sides
    assert [r.planned_seconds for r in record.steps] == [
        st.side_seconds for st in routine.steps for _ in _sides(st)
    ]


def _sides(step: Step) -> list[Side | None]:
    return [Side.LEFT, Side.RIGHT] if step.sides else [None]


def test_one_event_per_change_so_the_bell_rings_once(clock: FakeClock) -> None:
    engine = started(small(), clock)
    clock.advance(4.5)
    assert engine.update() == []
    clock.advance(0.5)
    [event] = engine.update()
    assert isinstance(event, SegmentChanged)
    assert (event.old.kind, event.new.name, event.reason) == (SegmentKind.GET_READY, "One", "time")
    assert engine.update() == []


def test_segments_follow_deadlines_not_the_number_of_updates(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(7)
    engine.update()
    clock.advance(2)  # no update in between: a slow loop
    assert engine.current.name == "One"
    assert engine.remaining_in_segment() == pytest.approx(1)
    clock.advance(1)
    assert engine.current.name == "Two" and engine.current.side is Side.LEFT


def test_stalled_loop_keeps_step_lengths_and_the_exact_end(clock: FakeClock) -> None:
    engine = started(stretch_30(), clock)
    events = run_to_end(engine, clock, 95)
    changes = [e for e in events if isinstance(e, SegmentChanged)]
    # Each change happened at its own deadline, however late it was noticed.
    bounds = [MONO]
    for segment in engine.segments:
        bounds.append(bounds[-1] + segment.seconds)
    assert [c.at for c in changes] == bounds[1:-1]
    finished = events[-1]
    assert isinstance(finished, Finished) and finished.at - (MONO + 1805) == 0
    record = engine.record()
    assert record.actual_seconds == 1800
    assert [s.actual_seconds for s in record.steps] == [s.planned_seconds for s in record.steps]
    end = parse_utc(record.ended_at) - parse_utc(record.started_at)
    assert end == timedelta(seconds=1805)


def test_many_deadlines_passed_in_one_stall_are_all_reported(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(62)  # past One (10), Two left (30), switch (35), Two right (55)
    events = engine.update()
    assert [(e.new.name, e.new.side) for e in events] == [
        ("Two", Side.LEFT),
        ("Switch sides", None),
        ("Two", Side.RIGHT),
        ("Three", None),
    ]
    assert [e.at for e in events] == [MONO + 10, MONO + 30, MONO + 35, MONO + 55]
    assert engine.elapsed_in_segment() == pytest.approx(7)


def test_wall_clock_jump_changes_no_step_length(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(12)
    clock.jump_wall(3600)  # DST or a manual change of the time
    assert engine.current.name == "Two"
    assert engine.remaining_in_segment() == pytest.approx(18)
    clock.jump_wall(-7200)
    events = run_to_end(engine, clock, 1)
    assert events[-1] == Finished(at=MONO + 85)
    record = engine.record()
    assert record.actual_seconds == 85
    # The wall stamps show the jump; the session's own time does not.
    assert parse_utc(record.ended_at) - parse_utc(record.started_at) == timedelta(seconds=85 - 3600)


def test_laptop_sleep_freezes_the_session_where_it_was(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(4)
    clock.jump_wall(8 * 3600)  # asleep: monotonic time does not move
    assert engine.update() == []
    assert engine.current.name == "One"
    assert engine.remaining_in_segment() == pytest.approx(6)
    run_to_end(engine, clock, 1)
    record = engine.record()
    assert record.actual_seconds == 85
    assert parse_utc(record.ended_at) - parse_utc(record.started_at) == timedelta(
        seconds=85 + 8 * 3600
    )


def test_pause_stops_time_and_resume_continues(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(3)
    engine.pause()
    assert engine.paused
    clock.advance(500)
    assert engine.update() == []
    assert engine.current.name == "One"
    assert engine.remaining_in_segment() == 7
    assert engine.elapsed_total() == 3
    engine.resume()
    clock.advance(6.5)
    assert engine.remaining_in_segment() == pytest.approx(0.5)
    clock.advance(0.5)
    assert engine.current.name == "Two"
    events = run_to_end(engine, clock, 1)
    assert events[-1] == Finished(at=MONO + 85 + 500)
    assert engine.record().actual_seconds == 85


def test_toggle_pause(clock: FakeClock) -> None:
    engine = started(small(), clock)
    engine.toggle_pause()
    assert engine.paused
    engine.toggle_pause()
    assert not engine.paused


def test_pause_during_get_ready(clock: FakeClock) -> None:
    engine = started(small(), clock)
    assert engine.phase is Phase.GET_READY
    clock.advance(2)
    engine.pause()
    clock.advance(60)
    assert engine.phase is Phase.GET_READY
    assert engine.remaining_in_segment() == 3


def test_skip_marks_the_step_skipped_and_starts_the_next_in_full(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(4)
    engine.skip()
    assert (engine.current.name, engine.current.side) == ("Two", Side.LEFT)
    assert engine.remaining_in_segment() == 20
    [event] = engine.update()
    assert event.reason == "skip"
    record = engine.record()
    assert record.steps[0].skipped and record.steps[0].actual_seconds == 4


def test_skip_while_paused_stays_paused(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    engine.pause()
    engine.skip()
    clock.advance(100)
    assert engine.current.name == "Two"
    assert engine.remaining_in_segment() == 20


def test_skip_get_ready_starts_the_first_step(clock: FakeClock) -> None:
    engine = started(small(), clock)
    engine.skip()
    assert engine.current.name == "One"
    assert engine.record().steps == ()


def test_skipping_the_last_step_finishes(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    for _ in range(5):
        engine.skip()
    assert engine.finished
    assert engine.phase is Phase.DONE
    assert engine.current is None
    assert isinstance(engine.update()[-1], Finished)
    # Skipped through to the end is not done: the session ends as stopped.
    assert engine.record().status is SessionStatus.STOPPED
    assert all(s.skipped for s in engine.record().steps)


def test_back_restarts_the_previous_step(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(15)  # 5 s into Two (left)
    engine.back()
    assert engine.current.name == "One"
    assert engine.remaining_in_segment() == 10
    [_, event] = engine.update()
    assert event.reason == "back"


def test_back_from_the_right_side_goes_to_the_previous_step(clock: FakeClock) -> None:
    # Back mirrors skip: a step is both its sides.
    engine = started(small(), clock, get_ready=0)
    clock.advance(40)  # 5 s into Two (right)
    engine.back()
    assert engine.current.name == "One"
    assert engine.remaining_in_segment() == 10


def test_back_on_the_first_step_restarts_it(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(6)
    engine.back()
    assert engine.current.name == "One"
    assert engine.remaining_in_segment() == 10
    clock.advance(10)
    assert engine.record().steps[0].actual_seconds == 16  # both visits count as time spent


def test_stopped_session_records_only_what_was_done(clock: FakeClock) -> None:
    engine = started(walk_routine(10), clock)
    clock.advance(5 + 120 + 30)  # get ready, warm-up done, 30 s of the steady walk
    engine.stop()
    record = engine.record()
    assert record.status is SessionStatus.STOPPED
    assert [(s.name, s.actual_seconds, s.skipped) for s in record.steps] == [
        ("Warm-up, easy pace", 120, False),
        ("Steady walk", 30, False),
    ]
    assert record.actual_seconds == 150
    assert record.planned_seconds == 600
    assert record.position == 1
    assert record.ended_at == "2025-05-05T05:32:35.000000Z"
    clock.advance(100)
    assert engine.record().actual_seconds == 150  # a stopped session does not go on


def test_running_record_has_no_end_and_the_wall_stamps(clock: FakeClock) -> None:
    engine = SessionEngine(small(), clock, session_id="abc", day=date(2025, 5, 4))
    engine.start()
    clock.advance(20)
    record = engine.record()
    assert record.status is SessionStatus.RUNNING
    assert record.ended_at is None
    assert record.started_at == "2025-05-05T05:30:00.000000Z"
    assert record.tz == "Europe/Paris"
    assert (record.id, record.day) == ("abc", date(2025, 5, 4))
    assert (record.routine_id, record.routine_name, record.kind) == ("small", "Small", "routine")
    assert [s.name for s in record.steps] == ["One", "Two"]
    assert record.actual_seconds == 15


def test_record_day_defaults_to_the_clock_day(clock: FakeClock) -> None:
    assert SessionEngine(small(), clock).record().day == date(2025, 5, 5)


def test_resume_from_continues_at_the_saved_step(clock: FakeClock) -> None:
    first = started(small(), clock)
    clock.advance(5 + 10 + 25 + 3)  # One done, Two left done, switch, 3 s into Two right
    saved = first.record()
    assert saved.position == 1

    later = FakeClock(START.add(hours=2), monotonic_start=50.0)
    engine = SessionEngine.resume_from(small(), saved, later)
    engine.start()
    assert engine.phase is Phase.GET_READY
    assert engine.next_segment().name == "Two"
    later.advance(5)
    assert (engine.current.name, engine.current.side) == ("Two", Side.LEFT)
    run_to_end(engine, later, 1)
    record = engine.record()
    assert record.id == saved.id
    assert record.started_at == saved.started_at
    assert record.status is SessionStatus.COMPLETED
    assert [(s.name, s.side) for s in record.steps] == [
        ("One", None),
        ("Two", Side.LEFT),
        ("Two", Side.RIGHT),
        ("Three", None),
    ]
    # The left side, done before and again after resuming, is one entry with both times.
    assert record.steps[1].actual_seconds == 40
    # Earlier time (38 s) plus the redone Two and Three (75 s).
    assert record.actual_seconds == 38 + 75


def test_resume_without_get_ready_starts_on_the_step(clock: FakeClock) -> None:
    first = started(small(), clock, get_ready=0)
    clock.advance(12)
    engine = SessionEngine.resume_from(small(), first.record(), clock, get_ready_seconds=0)
    assert engine.current.name == "Two" and engine.current.side is Side.LEFT
    engine.start()
    clock.advance(20)
    assert engine.current.name == "Switch sides"


def test_resume_of_a_finished_record_is_done(clock: FakeClock) -> None:
    first = started(small(), clock)
    run_to_end(first, clock, 10)
    engine = SessionEngine.resume_from(small(), first.record(), clock)
    assert engine.finished
    assert engine.record().status is SessionStatus.COMPLETED


def test_progress_and_totals(clock: FakeClock) -> None:
    engine = started(small(), clock)
    assert engine.progress() == 0
    assert engine.remaining_total() == 85
    clock.advance(5 + 17)
    assert engine.elapsed_total() == 17
    assert engine.remaining_total() == 68
    assert engine.progress() == pytest.approx(17 / 85)
    run_to_end(engine, clock, 1)
    assert engine.progress() == 1
    assert engine.remaining_total() == 0


def test_next_segment_shows_the_switch_then_the_right_side(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    assert engine.next_segment().name == "Two"
    clock.advance(10)
    assert engine.next_segment().kind is SegmentKind.SWITCH
    assert engine.next_segment().seconds == SWITCH_SECONDS
    clock.advance(55)
    assert engine.next_segment() is None


def test_before_start_nothing_moves(clock: FakeClock) -> None:
    engine = SessionEngine(small(), clock)
    clock.advance(100)
    assert engine.update() == []
    assert engine.current.kind is SegmentKind.GET_READY
    assert engine.remaining_in_segment() == 5


def test_get_ready_is_at_most_five_seconds(clock: FakeClock) -> None:
    with pytest.raises(ValueError):
        SessionEngine(small(), clock, get_ready_seconds=6)
    assert SessionEngine(small(), clock, get_ready_seconds=0).current.name == "One"


def test_a_done_step_skipped_on_a_second_visit_stays_done(clock: FakeClock) -> None:
    engine = started(small(), clock, get_ready=0)
    clock.advance(12)  # One done, 2 s into Two
    engine.back()
    engine.skip()
    assert engine.record().steps[0].skipped is False
    assert engine.record().steps[0].actual_seconds == 10


# -- repeated holds ----------------------------------------------------------------------


def holds() -> Routine:
    """One sided step of 3 × 10 s with 2-s releases (34 + 5 + 34 = 73 s), then 20 s."""
    return Routine(
        "holds",
        "Holds",
        "stretch",
        (
            Step("Calf", 10, sides=True, reps=3, release=2, how="lean in"),
            Step("Rest", 20, how="lie still"),
        ),
    )


def test_a_step_of_repeated_holds_runs_hold_release_hold_on_each_side(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    labels = [engine.current.label]
    kinds = [engine.current.kind]
    events = run_to_end(engine, clock, 0.5)
    for event in events:
        if isinstance(event, SegmentChanged):
            labels.append(event.new.label)
            kinds.append(event.new.kind)
    assert labels == [
        "Calf (left, 1 of 3)",
        "Release",
        "Calf (left, 2 of 3)",
        "Release",
        "Calf (left, 3 of 3)",
        "Switch sides",
        "Calf (right, 1 of 3)",
        "Release",
        "Calf (right, 2 of 3)",
        "Release",
        "Calf (right, 3 of 3)",
        "Rest",
    ]
    assert kinds.count(SegmentKind.RELEASE) == 4
    assert events[-1] == Finished(at=MONO + 93)
    record = engine.record()
    assert [(r.name, r.side, r.planned_seconds, r.actual_seconds) for r in record.steps] == [
        ("Calf", Side.LEFT, 34, 34),
        ("Calf", Side.RIGHT, 34, 34),
        ("Rest", None, 20, 20),
    ]
    assert record.actual_seconds == 93


def test_a_release_is_its_own_phase_and_says_which_hold_comes_next(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(10.5)
    assert engine.phase is Phase.RELEASE
    assert engine.current.how == "Ease off and breathe; hold 2 of 3 next."
    assert engine.next_segment().label == "Calf (left, 2 of 3)"
    assert engine.position == 0


def test_skipping_one_hold_leaves_the_side_partly_done(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(10 + 2 + 3)  # hold 1, release, 3 s into hold 2
    engine.skip()
    assert engine.current.kind is SegmentKind.RELEASE
    record = engine.record()
    [left] = record.steps
    assert left.skipped and left.actual_seconds == 15 and left.planned_seconds == 34


def test_skip_step_skips_both_sides_and_the_switch_in_one_go(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(4)
    engine.skip_step()
    assert engine.current.name == "Rest"
    [event] = engine.update()
    assert (event.old.label, event.new.name, event.reason) == (
        "Calf (left, 1 of 3)",
        "Rest",
        "skip",
    )
    clock.advance(20)
    record = engine.record()
    assert [(r.name, r.side, r.actual_seconds, r.skipped) for r in record.steps] == [
        ("Calf", Side.LEFT, 4, True),
        ("Calf", Side.RIGHT, 0, True),
        ("Rest", None, 20, False),
    ]
    assert engine.finished


def test_skip_step_from_the_switch_skips_the_right_side(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(35)  # the left side done, 1 s into the switch
    assert engine.current.kind is SegmentKind.SWITCH
    engine.skip_step()
    assert engine.current.name == "Rest"
    left, right = engine.record().steps
    assert (left.skipped, left.actual_seconds) == (False, 34)
    assert (right.skipped, right.actual_seconds) == (True, 0)


def test_skip_step_during_get_ready_starts_the_first_step(clock: FakeClock) -> None:
    engine = started(holds(), clock)
    engine.skip_step()
    assert engine.current.label == "Calf (left, 1 of 3)"
    assert engine.record().steps == ()


def test_skip_step_on_the_last_step_finishes(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    engine.skip_step()
    engine.skip_step()
    assert engine.finished
    assert isinstance(engine.update()[-1], Finished)
    assert engine.record().status is SessionStatus.STOPPED


def test_a_done_hold_skipped_on_a_second_visit_stays_done(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(13)  # hold 1 done, release done, 1 s into hold 2
    engine.back()  # hold 1 again
    assert engine.current.label == "Calf (left, 1 of 3)"
    engine.skip_step()
    left = engine.record().steps[0]
    assert left.actual_seconds == 13  # every second spent still counts
    assert left.skipped  # holds 2 and 3 were skipped


def test_back_from_a_hold_goes_to_the_hold_before(clock: FakeClock) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(14)  # 2 s into hold 2
    engine.back()
    assert engine.current.label == "Calf (left, 1 of 3)"
    assert engine.remaining_in_segment() == 10


def test_back_from_the_first_hold_of_a_step_goes_to_the_first_hold_of_the_step_before(
    clock: FakeClock,
) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(73 + 3)  # the sided step done, 3 s into Rest
    engine.back()
    assert engine.current.label == "Calf (left, 1 of 3)"
    assert engine.remaining_in_segment() == 10


def test_going_back_into_a_step_saved_before_a_resume_lists_it_once(clock: FakeClock) -> None:
    first = started(holds(), clock, get_ready=0)
    clock.advance(73 + 3)  # the sided step done, 3 s into Rest
    engine = SessionEngine.resume_from(holds(), first.record(), clock, get_ready_seconds=0)
    engine.start()
    engine.back()  # into the calf stretch again, then stop after 4 s of it
    clock.advance(4)
    engine.skip_step()
    engine.stop()
    steps = engine.record().steps
    assert [(s.name, s.side) for s in steps] == [
        ("Calf", Side.LEFT),
        ("Calf", Side.RIGHT),
        ("Rest", None),
    ]
    # Done before the resume, so skipping its rest on the second visit leaves it done.
    assert not steps[0].skipped and not steps[1].skipped
    assert steps[0].actual_seconds == 34 + 4


def test_resume_restarts_the_step_from_its_first_hold(clock: FakeClock) -> None:
    first = started(holds(), clock, get_ready=0)
    clock.advance(34 + 5 + 15)  # left side, switch, into hold 2 on the right
    saved = first.record()
    assert saved.position == 0
    engine = SessionEngine.resume_from(holds(), saved, clock, get_ready_seconds=0)
    assert engine.current.label == "Calf (left, 1 of 3)"
    # Both sides are kept as they stood: the left done, the right partly (15 s).
    left, right = engine.record().steps
    assert (left.side, left.actual_seconds) == (Side.LEFT, 34)
    assert (right.side, right.actual_seconds, right.skipped) == (Side.RIGHT, 15, False)
    assert engine.record().actual_seconds == 54
    # The step is done again from its start: its time so far and the new add up, once.
    engine.start()
    clock.advance(34 + 5 + 34)
    left, right, *_ = engine.record().steps
    assert (left.actual_seconds, right.actual_seconds) == (34 + 34, 15 + 34)
    assert [(r.name, r.side) for r in engine.record().steps].count(("Calf", Side.RIGHT)) == 1


def test_a_session_done_for_most_of_its_time_is_completed_even_with_a_skip(
    clock: FakeClock,
) -> None:
    engine = started(holds(), clock, get_ready=0)
    clock.advance(73)  # the whole sided step; 80 % of 93 s is 74.4 s
    clock.advance(2)
    engine.skip()  # the rest of "Rest"
    assert engine.finished
    assert engine.record().status is SessionStatus.COMPLETED


def test_a_session_stopped_after_most_of_its_time_is_completed(clock: FakeClock) -> None:
    engine = started(walk_routine(10), clock, get_ready=0)
    clock.advance(9 * 60)
    engine.stop()
    assert engine.record().status is SessionStatus.COMPLETED


def test_steps_of_the_same_name_stay_apart_in_the_record(clock: FakeClock) -> None:
    # Contrast: heat, cold, heat, cold... each its own entry, never added together.
    routine = Routine(
        "contrast",
        "Contrast",
        "routine",
        (Step("Heat", 20, how="warm"), Step("Cold", 10, how="cool"), Step("Heat", 20, how="warm")),
    )
    engine = started(routine, clock, get_ready=0)
    clock.advance(20 + 10 + 20)
    steps = engine.record().steps
    assert [(s.name, s.actual_seconds) for s in steps] == [("Heat", 20), ("Cold", 10), ("Heat", 20)]
    # Resumed in the second heat, gone back to the cold: still three entries, in order.
    first = started(routine, clock, get_ready=0)
    clock.advance(20 + 10 + 5)
    again = SessionEngine.resume_from(routine, first.record(), clock, get_ready_seconds=0)
    again.start()
    again.back()
    clock.advance(10 + 20)
    names = [(s.name, s.actual_seconds) for s in again.record().steps]
    assert names == [("Heat", 20), ("Cold", 20), ("Heat", 25)]

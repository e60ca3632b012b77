"""The session screen driven by Pilot, time moved by the fake clock (never real sleeps)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from app_factory import NOW, SIZE, fixed_clock, make_app
from session_pilot import GET_READY, advance, open_session
from textual.pilot import Pilot
from textual.widgets import Button, Static

from recovery_tui.app import RecoveryApp, StartRequest
from recovery_tui.domain import plan as plan_rules
from recovery_tui.domain.adaptive import adaptive_stretch
from recovery_tui.domain.checkins import CheckInUpdate
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, RunKind, SessionRecord, SessionStatus, Side
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.session_rules import StepOutcome
from recovery_tui.domain.terminal_notification import notification_sequence
from recovery_tui.screens.session import SessionScreen
from recovery_tui.screens.walk_length import WalkLengthScreen
from recovery_tui.services.journal import Journal
from recovery_tui.widgets.big_clock import BigClock
from recovery_tui.widgets.session_cues import CueLine
from recovery_tui.widgets.session_steps import CURRENT, DONE, StepList


def after_race(journal: Journal) -> None:
    """Yesterday's half marathon, so today's plan holds walks and the 30-minute stretch."""
    journal.log_run(21.1, NOW.date() - timedelta(days=1), effort=9, kind=RunKind.RACE)


async def run_out(pilot: Pilot[Any], clock: FakeClock, screen: SessionScreen, step: float) -> None:
    """Advance in big jumps until the session is over (bounded, so a bug cannot hang)."""
    for _ in range(1000):
        if screen.runner is not None and screen.runner.engine.done:
            return
        await advance(pilot, clock, screen, step)
    raise AssertionError("the session never ended")


def stored_sessions(app: RecoveryApp) -> list[SessionRecord]:
    return app.journal.repo.sessions(app.current_day, app.current_day)


def text_of(screen: SessionScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_stretch_runs_to_the_end_and_ticks_the_task(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        assert screen.runner is not None and screen.runner.engine.current is not None
        assert screen.runner.engine.current.name == "Get ready"
        await run_out(pilot, clock, screen, 240)

        assert screen.runner.engine.finished
        assert "Session complete" in text_of(screen, "#session-summary")
        assert bells, "the bell rings at the changes"
        (record,) = stored_sessions(app)
        assert record.status is SessionStatus.COMPLETED
        assert record.actual_seconds == pytest.approx(1800)
        routine = adaptive_stretch(None)
        expected = []
        for step in routine.steps:
            sides = [Side.LEFT, Side.RIGHT] if step.sides else [None]
            expected += [(step.name, side) for side in sides]
        assert [(s.name, s.side) for s in record.steps] == expected
        assert not any(s.skipped for s in record.steps)
        assert app.journal.day_view(app.current_day).progress[plan_rules.STRETCH] == 1

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)


async def test_pause_skip_and_back_keys(tmp_path: Path) -> None:
    """Space pauses (time stands still), n skips the rest of a stretch, both sides and the
    switch at once, p goes back to the hold before."""
    first, second = stretch_30().steps[:2]
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        assert screen.runner is not None
        engine = screen.runner.engine
        await advance(pilot, clock, screen, GET_READY + 20)
        assert engine.current is not None
        assert engine.current.label == f"{first.name} (left, 1 of {first.reps})"
        assert screen.query_one("#session-clock", BigClock).text == f"00:{first.seconds - 20:02d}"

        assert screen.active_bindings["space"].binding.description == "Pause"
        await pilot.press("space")
        assert engine.paused
        assert "Paused" in text_of(screen, "#session-notice")
        # The footer names what the key will do now.
        assert screen.active_bindings["space"].binding.description == "Resume"
        await advance(pilot, clock, screen, 500)
        clock_text = screen.query_one("#session-clock", BigClock).text
        assert clock_text == f"00:{first.seconds - 20:02d}", "paused"
        await pilot.press("space")
        assert not engine.paused
        assert screen.query_one("#session-notice").has_class("hidden")
        assert screen.active_bindings["space"].binding.description == "Pause"

        await pilot.press("n")
        assert engine.current.label == f"{second.name} (left, 1 of {second.reps})"
        assert "left side" in text_of(screen, "#segment-name")
        steps = str(screen.query_one(StepList).render())
        # 20 s of its six holds, then n: skipped, as the summary and the day detail say.
        assert f"{StepOutcome.SKIPPED.mark} {first.name}" in steps
        assert f"{DONE} {first.name}" not in steps
        assert f"{CURRENT} {second.name}" in steps

        await advance(pilot, clock, screen, second.seconds + 1)  # into the first release
        await pilot.press("p")  # back mirrors n: the step before, from its first hold
        assert engine.current.label == f"{first.name} (left, 1 of {first.reps})"
        assert "Next: Release" in text_of(screen, "#session-next")


async def test_no_repaint_when_nothing_changed(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        await advance(pilot, clock, screen, GET_READY + 1)
        digits = screen.query_one("#session-clock", BigClock)
        painted: list[int] = []
        original = digits.refresh
        digits.refresh = lambda *a, **k: (painted.append(1), original(*a, **k))[1]  # type: ignore[method-assign]
        for _ in range(8):
            screen.tick()
        assert painted == []
        clock.advance(0.3)
        screen.tick()
        clock.advance(0.3)
        screen.tick()
        assert len(painted) <= 1, "a display in whole seconds changes at most once here"
        clock.advance(1)
        screen.tick()
        assert painted


async def test_saved_every_few_seconds_while_running(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        await advance(pilot, clock, screen, GET_READY + 1)
        await advance(pilot, clock, screen, 11)
        (record,) = stored_sessions(app)
        assert record.status is SessionStatus.RUNNING
        assert record.actual_seconds == pytest.approx(12)


async def test_a_walk_of_twelve_minutes_counts(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WalkLengthScreen), "asks how long first"
        await pilot.press("enter")  # 12 minutes is the button in focus
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        assert screen.runner.routine.id == "walk-12"
        await run_out(pilot, clock, screen, 100)
        (record,) = stored_sessions(app)
        assert record.kind == "walk"
        assert record.status is SessionStatus.COMPLETED
        assert record.actual_seconds == pytest.approx(12 * 60)
        assert app.journal.day_view(app.current_day).progress[plan_rules.WALKS] == 1


async def test_minutes_typed_while_a_preset_has_the_focus_go_into_the_field(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        asking = app.screen
        assert isinstance(asking, WalkLengthScreen)
        assert isinstance(app.focused, Button), "a preset is focused first"
        await pilot.press("2", "5", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        assert screen.runner.routine.total_seconds == 25 * 60, "not the focused preset"


async def test_a_walk_of_any_length_and_a_bad_one(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        asking = app.screen
        assert isinstance(asking, WalkLengthScreen)
        asking.query_one("#walk-minutes").focus()
        await pilot.press("0", "enter")
        assert "from 1 to 180" in str(asking.query_one("#walk-error", Static).render())
        assert app.screen is asking, "a bad length starts nothing"
        # Not 15 minutes: every character typed reaches the check, the point too.
        await pilot.press("backspace", "1", ".", "5", "enter")
        assert "whole number" in str(asking.query_one("#walk-error", Static).render())
        assert app.screen is asking
        await pilot.press("backspace", "backspace", "backspace", "7", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.runner is not None
        assert screen.runner.routine.total_seconds == 7 * 60


async def test_walk_from_the_command_line_starts_at_once(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock, start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner is not None and screen.runner.engine.started
        assert screen.runner.engine.remaining_in_segment() <= 5, "get-ready lasts at most 5 s"


async def test_leaving_for_today_mid_way_stops_and_keeps_it(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        await advance(pilot, clock, screen, GET_READY + 60)
        await pilot.press("t", "h")  # off while it runs: they would end it without asking
        await pilot.pause()
        assert app.screen is screen
        app.action_today()  # the command palette's "Today"
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        (record,) = stored_sessions(app)
        assert record.status is SessionStatus.STOPPED
        assert record.actual_seconds == pytest.approx(60)


async def test_stop_asks_once_then_saves(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        await advance(pilot, clock, screen, GET_READY + 30)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.runner is not None and screen.runner.engine.paused
        assert "Stop here?" in text_of(screen, "#session-notice")
        await pilot.press("space")  # carry on
        assert not screen.runner.engine.paused
        await pilot.press("q")
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        (record,) = stored_sessions(app)
        assert record.status is SessionStatus.STOPPED
        assert record.actual_seconds == pytest.approx(30)


async def test_stop_during_get_ready_keeps_nothing(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_session(pilot, "s")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        assert stored_sessions(app) == [], "stopped before the first step: nothing saved"


async def test_custom_two_step_routine_runs_to_the_end(tmp_path: Path) -> None:
    clock = fixed_clock()
    routines = tmp_path / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "x.toml").write_text(
        'name = "Evening calves"\n'
        "[[steps]]\n"
        'name = "Wall calf stretch"\nseconds = 45\nsides = true\nareas = ["calves"]\n'
        'how = "Hands on the wall, back heel down, lean in."\n'
        "[[steps]]\n"
        'name = "Ankle circles"\nseconds = 30\n',
        encoding="utf-8",
    )
    app = make_app(tmp_path, clock, start=StartRequest(routine="x"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await run_out(pilot, clock, screen, 20)
        (record,) = stored_sessions(app)
        assert record.routine_id == "x"
        assert record.status is SessionStatus.COMPLETED
        assert [(s.name, s.side) for s in record.steps] == [
            ("Wall calf stretch", Side.LEFT),
            ("Wall calf stretch", Side.RIGHT),
            ("Ankle circles", None),
        ]
        assert record.actual_seconds == pytest.approx(45 + 5 + 45 + 30)


async def test_unknown_routine_is_named_and_the_screen_closes(tmp_path: Path) -> None:
    app = make_app(tmp_path, start=StartRequest(routine="nope"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        assert any("nope" in str(n.message) for n in app._notifications)


async def test_cues_at_each_change_and_turning_them_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM_PROGRAM", "iTerm.app")
    monkeypatch.delenv("TMUX", raising=False)
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        bells: list[int] = []
        sent: list[str] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        screen.query_one(CueLine).write_to_terminal = sent.append  # type: ignore[method-assign]
        await advance(pilot, clock, screen, GET_READY)
        assert len(bells) == 1
        assert screen.has_class("-flash")
        assert sent and f"{stretch_30().steps[0].name} (left, 1 of 3)" in sent[0]

        for key in ("b", "f", "d"):
            await pilot.press(key)
        await pilot.pause()
        screen.remove_class("-flash")
        await advance(pilot, clock, screen, stretch_30().steps[0].seconds)
        assert screen.runner is not None and screen.runner.engine.current is not None
        assert screen.runner.engine.current.name == "Release"
        assert len(bells) == 1 and len(sent) == 1
        assert not screen.has_class("-flash")
        assert "bell off" in text_of(screen, "#session-cues")
        repo = app.journal.repo
        assert [repo.get_setting(k) for k in ("cue_bell", "cue_flash", "cue_notify")] == [
            False,
            False,
            False,
        ]


async def test_skipping_by_hand_rings_no_bell(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, "s")
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        await advance(pilot, clock, screen, GET_READY)
        await pilot.press("n")
        assert bells == [1]


@pytest.mark.parametrize(
    ("env", "start"),
    [
        ({"TERM_PROGRAM": "iTerm.app"}, "\x1b]9;"),
        ({"TERM": "xterm-kitty"}, "\x1b]99;;"),
        ({"TERM_PROGRAM": "WezTerm"}, "\x1b]777;notify;"),
        ({"VTE_VERSION": "7600", "TERM": "xterm-256color"}, "\x1b]777;notify;"),
        ({"TERM": "foot"}, "\x1b]777;notify;"),
    ],
)
def test_desktop_notification_for_known_terminals(env: dict[str, str], start: str) -> None:
    sequence = notification_sequence("recovery-tui", "Butterfly", env)
    assert sequence is not None and sequence.startswith(start)
    assert "Butterfly" in sequence


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "xterm-256color"},
        {"TERM": "linux"},
        {"TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/tmux-1000/default,1,0"},
        {"VTE_VERSION": "3800"},
    ],
)
def test_no_desktop_notification_where_unknown(env: dict[str, str]) -> None:
    assert notification_sequence("recovery-tui", "Butterfly", env) is None


def test_notification_text_cannot_break_out_of_the_sequence() -> None:
    sequence = notification_sequence("a;b", "evil\x07\x1b]0;x", {"TERM": "foot"})
    assert sequence is not None
    assert sequence.count("\x07") == 1 and sequence.count("\x1b") == 1
    assert sequence.startswith("\x1b]777;notify;a,b;")


async def test_a_walk_skipped_to_the_end_is_stopped_and_not_counted(tmp_path: Path) -> None:
    """Skipping through a walk is not walking: saved as stopped with its real seconds, each
    step marked skipped, and the walks task not ticked."""
    clock = fixed_clock()
    app = make_app(tmp_path, clock, fill=after_race, start=StartRequest(walk_minutes=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await advance(pilot, clock, screen, GET_READY + 30)
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert screen.runner is not None and screen.runner.engine.finished
        summary = text_of(screen, "#session-summary")
        assert "Session stopped" in summary and "00:30 done of 10:00" in summary
        assert "✓ 0 done" in summary and "↷ 3 skipped" in summary
        assert "↷ Steady walk" in str(screen.query_one(StepList).render())
        (record,) = stored_sessions(app)
        assert record.status is SessionStatus.STOPPED
        assert record.actual_seconds == pytest.approx(30)
        assert [s.skipped for s in record.steps] == [True, True, True]
        assert app.journal.day_view(app.current_day).progress[plan_rules.WALKS] == 0


async def test_the_step_list_marks_steps_behind_by_what_they_came_to(tmp_path: Path) -> None:
    """During the session a step done shows ✓ and one skipped with n shows ↷, as the
    summary and the day detail will; a routine without sides has no 'L/R' line."""
    clock = fixed_clock()
    routines = tmp_path / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "three.toml").write_text(
        'name = "Three"\n'
        '[[steps]]\nname = "Calf raise"\nseconds = 30\n'
        '[[steps]]\nname = "Ankle circles"\nseconds = 30\n'
        '[[steps]]\nname = "Slow breathing"\nseconds = 60\n',
        encoding="utf-8",
    )
    app = make_app(tmp_path, clock, start=StartRequest(routine="three"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await advance(pilot, clock, screen, GET_READY + 31)  # the first step done
        await pilot.press("n")  # the second skipped at once
        await pilot.pause()
        steps = str(screen.query_one(StepList).render())
        assert f"{DONE} Calf raise" in steps
        assert f"{StepOutcome.SKIPPED.mark} Ankle circles" in steps
        assert f"{CURRENT} Slow breathing" in steps
        assert "L/R" not in steps


def sore_glutes(journal: Journal) -> None:
    """After the race, glutes 7: the adapted stretch gives them more holds."""
    after_race(journal)
    journal.update_checkin(journal.today(), CheckInUpdate(soreness={Area.GLUTES: 7}))


async def test_an_adapted_stretch_says_what_changed_in_one_short_line(tmp_path: Path) -> None:
    app = make_app(tmp_path, fixed_clock(), fill=sore_glutes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        why = text_of(app.screen, "#session-why")
        assert why.startswith("Adapted today: more holds: ")
        assert "figure-four glute stretch" in why
        # The sentences area by area stay in the routine list: not here.
        assert "/10" not in why and "Unknown is not painless" not in why


async def test_the_cue_line_names_each_cue_with_its_key(tmp_path: Path) -> None:
    # The footer leaves b/f/d/v out so it fits 80 columns: this line is where they are read.
    app = make_app(tmp_path, fixed_clock(), fill=after_race)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        line = str(screen.query_one(CueLine).render())
        assert "b bell on · f flash on · d desktop notification on · v voice off" in line
        assert not any(screen.active_bindings[k].binding.show for k in "bfdv")
        await pilot.press("b")
        await pilot.pause()
        assert "b bell off" in str(screen.query_one(CueLine).render())


async def test_the_adapted_summary_is_read_whole_at_80_columns(tmp_path: Path) -> None:
    app = make_app(tmp_path, fixed_clock(), fill=sore_glutes)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        why = app.screen.query_one("#session-why", Static)
        shown = "".join(strip.text for strip in why.render_lines(why.region.reset_offset))
        assert "8 areas not entered, kept as usual." in " ".join(shown.split())

"""The routine picker (o, or the command palette): every routine listed with its length,
areas and file, searched by typing, previewed, started with enter; broken files listed
with their reason; the adapted stretch withheld under a red flag, saying why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app_factory import NOW, SIZE, fixed_clock, make_app
from routine_files import EVENING_CALVES, TYPO, write_routine
from session_pilot import session_started
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from recovery_tui.app import RecoveryApp
from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.models import Area, CheckIn, RedFlag
from recovery_tui.domain.routine_library import builtin_routines, contrast_therapy
from recovery_tui.screens.routine_picker import RoutinePicker
from recovery_tui.screens.session import SessionScreen
from recovery_tui.services.journal import Journal
from recovery_tui.services.routine_catalog import ADAPTIVE
from recovery_tui.services.routine_choices import ADAPTIVE_TITLE
from recovery_tui.widgets.session_mat import MAT_MODE_SETTING


async def open_picker(pilot: Pilot[Any]) -> RoutinePicker:
    await pilot.pause()
    await pilot.press("o")
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, RoutinePicker)
    return picker


def listed(picker: RoutinePicker) -> list[tuple[str, bool]]:
    """Each entry's text and whether it can be chosen."""
    options = picker.query_one(OptionList).options
    return [(str(option.prompt), not option.disabled) for option in options]


def titles(picker: RoutinePicker) -> list[str]:
    return [text.splitlines()[0] for text, _ in listed(picker)]


def preview_text(picker: RoutinePicker) -> str:
    return str(picker.query_one("#picker-preview", Static).render())


async def started(pilot: Pilot[Any]) -> SessionScreen:
    await pilot.press("enter")
    return await session_started(pilot)


async def test_every_routine_with_its_length_areas_and_file(tmp_path: Path) -> None:
    custom = write_routine(tmp_path / "config", "evening", EVENING_CALVES)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot)
        entries = dict(listed(picker))
        texts = list(entries)
        assert titles(picker)[0] == ADAPTIVE_TITLE and entries[texts[0]], "offered, first"
        for routine in builtin_routines():
            (text,) = [t for t in texts if t.splitlines()[0] == routine.name]
            assert clock_text(routine.total_seconds) in text and "built-in" in text
            assert all(area.label in text for area in routine.areas)
        (evening,) = [t for t in texts if t.startswith("Evening calves")]
        assert custom.name in evening and "calves, ankles" in evening
        assert clock_text(45 + 5 + 45 + 30) in evening
        # the highlighted entry is previewed, step by step, with the whole path of its file
        assert "Wall calf stretch" in preview_text(picker)
        await pilot.press(*["down"] * titles(picker).index("Evening calves"))
        assert str(custom) in preview_text(picker)


async def test_typing_narrows_the_list_and_the_preview_follows(tmp_path: Path) -> None:
    write_routine(tmp_path / "config", "evening", EVENING_CALVES)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot)
        await pilot.press(*"Glutes")
        await pilot.pause()
        with_glutes = [r.name for r in builtin_routines() if Area.GLUTES in r.areas]
        assert titles(picker) == [ADAPTIVE_TITLE, *with_glutes]
        await pilot.press(*["backspace"] * len("glutes"), *"calves evening")
        await pilot.pause()
        assert titles(picker) == ["Evening calves"]
        assert "Ankle circles" in preview_text(picker)
        await pilot.press(*" nothing-like-this")
        await pilot.pause()
        ((text, choosable),) = listed(picker)
        assert "No routine matches" in text and not choosable


async def test_starting_a_built_in_routine(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot)
        await pilot.press(*"contrast")
        screen = await started(pilot)
        assert screen.runner is not None and screen.runner.routine == contrast_therapy()


async def test_starting_a_custom_routine_with_the_arrows(tmp_path: Path) -> None:
    write_routine(tmp_path / "config", "evening", EVENING_CALVES)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot)
        position = titles(picker).index("Evening calves")
        await pilot.press(*["down"] * position)
        assert "Ankle circles" in preview_text(picker)
        screen = await started(pilot)
        assert screen.runner is not None and screen.runner.routine.id == "evening"


async def test_a_broken_file_is_listed_with_its_reason(tmp_path: Path) -> None:
    write_routine(tmp_path / "config", "typo", TYPO)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot)
        (broken,) = [(text, ok) for text, ok in listed(picker) if "typo.toml" in text]
        assert "unknown key 'secs'" in broken[0] and not broken[1]
        await pilot.press(*"typo")
        await pilot.pause()
        assert [ok for _, ok in listed(picker)] == [False], "found, and not choosable"


async def test_the_adapted_stretch_starts_from_the_picker(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot)
        screen = await started(pilot)
        assert screen.routine_id == ADAPTIVE


async def test_a_red_flag_withholds_the_adapted_stretch_and_says_why(tmp_path: Path) -> None:
    def flagged(journal: Journal) -> None:
        stamp, tz = journal.new_checkin_stamp()
        swollen = frozenset({RedFlag.SWELLING})
        journal.save_checkin(CheckIn(NOW.date(), {Area.ANKLES: 6}, stamp, tz, red_flags=swollen))

    app = make_app(tmp_path, fill=flagged)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot)
        text, choosable = listed(picker)[0]
        assert text.startswith(ADAPTIVE_TITLE) and not choosable
        assert "No stretch session today" in text and "swelling" in text
        screen = await started(pilot)  # enter starts the first routine that is offered
        assert screen.routine_id != ADAPTIVE


def palette_command(app: RecoveryApp, title: str) -> Any:
    (command,) = [c for c in app.get_system_commands(app.screen) if c.title == title]
    return command.callback


async def test_the_palette_opens_the_picker_and_escape_closes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        palette_command(app, "Choose a routine")()
        await pilot.pause()
        assert isinstance(app.screen, RoutinePicker)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (RoutinePicker, SessionScreen))


async def test_the_palette_switches_the_mat_mode_setting(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        switch = palette_command(app, "Sessions start in mat mode: on/off")
        switch()
        assert app.journal.flag(MAT_MODE_SETTING, False)
        switch()
        assert not app.journal.flag(MAT_MODE_SETTING, True)


async def test_no_picker_while_a_session_runs(tmp_path: Path) -> None:
    clock = fixed_clock()
    app = make_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        session = await session_started(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is session


async def test_the_palette_offers_one_help(tmp_path: Path) -> None:
    # Textual's "Keys" panel beside our Help read as two helps to a tired user.
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles.count("Help") == 1 and "Keys" not in titles
        assert "Quit" in titles and "Theme" in titles, "Textual's other commands stay"

"""The log-run dialog reads a run's file: the picker opens in Downloads, the fields fill in
from the file (in the user's unit), the user can change them, and the run is saved with
what the file told so a later import knows it."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app_factory import SIZE, fixed_clock, make_app
from textual.widgets import DirectoryTree, Input, Select, Static

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from activity_samples import SampleRun, gpx_bytes
from shown_text import screen_text, unsafe

from recovery_tui.domain.models import RunKind
from recovery_tui.screens.activity_picker import ActivityFilePicker
from recovery_tui.screens.log_run import LogRunScreen
from recovery_tui.screens.today import TodayScreen

# Yesterday morning, an hour and a bit, in Paris time.
SAMPLE = SampleRun(
    start=datetime(2026, 11, 25, 9, 0, tzinfo=timezone(timedelta(hours=1))),
    points=800,
    step_seconds=5,
    speed=3.2,
)


def downloads_with(tmp_path: Path, name: str, payload: bytes) -> Path:
    folder = Path(os.environ["HOME"]) / "Downloads"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(payload)
    return folder


async def open_picker(pilot, app) -> DirectoryTree:  # type: ignore[no-untyped-def]
    """The log-run dialog's file picker, open on Downloads with its files listed."""
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, LogRunScreen)
    await pilot.press("ctrl+o")
    await pilot.pause()
    picker = app.screen
    assert isinstance(picker, ActivityFilePicker)
    assert Path(picker.query_one(DirectoryTree).path).name == "Downloads"
    tree = picker.query_one(DirectoryTree)
    for _ in range(20):
        await pilot.pause()
        if tree.root.children:
            break
    return tree


async def pick(pilot, app, name: str) -> None:  # type: ignore[no-untyped-def]
    tree = await open_picker(pilot, app)
    node = next(n for n in tree.root.children if n.label.plain == name)
    tree.move_cursor(node)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_a_gpx_file_fills_the_dialog_and_is_saved_with_its_start(tmp_path: Path) -> None:
    downloads_with(tmp_path, "Morning_Run.gpx", gpx_bytes(SAMPLE))
    app = make_app(tmp_path, clock=fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pick(pilot, app, "Morning_Run.gpx")
        dialog = app.screen
        assert isinstance(dialog, LogRunScreen)
        distance = float(dialog.query_one("#distance", Input).value)
        assert abs(distance - SAMPLE.distance_km) < 0.05
        assert dialog.query_one("#when", Select).value == "date"
        assert dialog.query_one("#date", Input).value == "2026-11-25"
        assert dialog.query_one("#finish", Input).value == SAMPLE.finish.strftime("%H:%M")
        assert "Morning_Run.gpx" in str(dialog.query_one("#log-run-file", Static).render())
        dialog.query_one("#effort", Input).value = "5"  # the user's own judgement wins
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    (run,) = app.journal.runs()
    assert run.effort == 5 and run.kind is RunKind.EASY
    assert run.source == "gpx" and run.started_at is not None


async def test_miles_are_shown_and_typed_in_miles(tmp_path: Path) -> None:
    downloads_with(tmp_path, "Morning_Run.gpx", gpx_bytes(SAMPLE))

    def miles(journal) -> None:  # type: ignore[no-untyped-def]
        journal.set_setting("distance_unit", "mi")

    app = make_app(tmp_path, clock=fixed_clock(), fill=miles)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pick(pilot, app, "Morning_Run.gpx")
        dialog = app.screen
        assert "Distance (mi)" in str(dialog.query_one("Label").render())
        shown = float(dialog.query_one("#distance", Input).value)
        assert abs(shown - SAMPLE.distance_km / 1.609344) < 0.05
        dialog.query_one("#distance", Input).value = "10"  # ten miles, typed as a number
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    (run,) = app.journal.runs()
    assert abs(run.distance_km - 16.09) < 0.01


async def test_a_file_that_is_not_a_run_says_why_and_fills_nothing(tmp_path: Path) -> None:
    downloads_with(tmp_path, "notes.txt", b"shopping: bananas, peanut butter")
    app = make_app(tmp_path, clock=fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pick(pilot, app, "notes.txt")
        dialog = app.screen
        assert isinstance(dialog, LogRunScreen)
        assert "notes.txt" in str(dialog.query_one("#log-run-file", Static).render())
        assert dialog.query_one("#distance", Input).value == ""


async def test_a_hilly_race_shows_the_days_its_descent_adds(tmp_path: Path) -> None:
    """The dialog's window line counts the file's descent and says so; the run is saved
    with it, so Today's plan has the same window."""
    from dataclasses import replace

    hilly = replace(SAMPLE, points=1207, speed=3.5, pause_after=None, hill_m=1200.0)
    downloads_with(tmp_path, "Trail_Half.gpx", gpx_bytes(hilly))
    app = make_app(tmp_path, clock=fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pick(pilot, app, "Trail_Half.gpx")
        dialog = app.screen
        assert isinstance(dialog, LogRunScreen)
        window = str(dialog.query_one("#log-run-window", Static).render())
        assert window.startswith("Recovery window: 9 days.")  # 7 for the half, 2 for 1200 m
        assert "2 days more for its" in window and "m of descent" in window
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.journal.day_view().plan.window_days == 9
    (run,) = app.journal.runs()
    assert run.descent_m is not None and run.descent_m > 1000


async def test_a_file_name_is_shown_as_text_in_the_picker_and_the_dialog(tmp_path: Path) -> None:
    """A downloaded file's name is data: markup in it is shown as written (not a colour,
    not a link to an action), and escape codes and a right-to-left override reach neither
    the picker nor the dialog's line about the file, which still names it."""
    name = "[@click=app.quit][red]run\x1b[31m\u202e\x07.gpx"
    shown_as = "[@click=app.quit][red]run[31m.gpx"
    downloads_with(tmp_path, name, gpx_bytes(SAMPLE))
    app = make_app(tmp_path, clock=fixed_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = await open_picker(pilot, app)
        assert [node.label.plain for node in tree.root.children] == [shown_as]
        assert shown_as in screen_text(app) and unsafe(screen_text(app)) == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pick(pilot, app, shown_as)
        assert isinstance(app.screen, LogRunScreen)
        line = str(app.screen.query_one("#log-run-file", Static).render())
        assert line.startswith(f"From {shown_as}: ")
        assert unsafe(screen_text(app)) == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pick(pilot, app, shown_as)  # the same file again: already logged
        line = str(app.screen.query_one("#log-run-file", Static).render())
        assert line.startswith(f"{shown_as}: already logged as your ")
        assert unsafe(screen_text(app)) == []

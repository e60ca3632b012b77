"""Text is data in the app: any text (markup such as `[b]` or `[/]`, escape sequences, lone
surrogates, right-to-left overrides, very long lines) in a custom routine, a note, a
session record, a routine id, a typed or pasted field or an error quoting them goes
through the resume offer, the check-in and log-run dialogs, the day detail and the
notifications with no markup error, its brackets shown and no control character in what
reaches the terminal.

Each property drives one app through Pilot and reuses it for every example: what the
screen shows is read from the screen's compositor, the lines the terminal is sent.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from app_factory import NOW, SIZE, fixed_clock, make_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shown_text import screen_text as shown
from shown_text import unsafe
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static
from textual.widgets._toast import Toast
from threaded_pilot import ThreadedPilot

from recovery_tui.app import RecoveryApp
from recovery_tui.domain.models import (
    Area,
    CheckIn,
    RunKind,
    SessionRecord,
    SessionStatus,
    Side,
    StepRecord,
)
from recovery_tui.domain.text import one_line, plain
from recovery_tui.screens.checkin import CheckInScreen
from recovery_tui.screens.confirm import ConfirmScreen
from recovery_tui.screens.day_detail import DayDetailScreen
from recovery_tui.screens.history import HistoryScreen
from recovery_tui.screens.log_run import LogRunScreen
from recovery_tui.screens.resume import ResumeScreen
from recovery_tui.screens.today import TodayScreen
from recovery_tui.services.journal import Journal, JournalError

SPECIALS = [
    "[b]",
    "[/]",
    "[/b]",
    "[red]x",
    "[link=https://example.org]",
    '[link="x]',
    "[@click=app.quit]",
    "[$accent]",
    "\\[",
    "]",
    "\x1b[31m",
    "\x1b]8;;x\x07",
    "\x1b[2J",
    "\x9b1m",
    "\x00",
    "\r\n",
    "\u2028",
    "\ud800",
    "\udfff",
    "\u202e",
    "\u2067",
    "שלום",
    "🏃‍♀️",
]
texts = st.one_of(
    st.lists(
        st.one_of(st.sampled_from(SPECIALS), st.text(st.characters(exclude_categories=()))),
        min_size=1,
        max_size=6,
    ).map("".join),
    st.sampled_from(SPECIALS).map(lambda s: s * 300),  # very long
)
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
DAY = NOW.date()
STAMP = "2026-11-26T08:00:00.000000Z"


def rendered(app: App[object], selector: str) -> str:
    """The text of one widget on the top screen, unwrapped."""
    return str(app.screen.query_one(selector, Static).render())


def after_race(journal: Journal) -> None:
    journal.log_run(21.1, DAY - timedelta(days=1), effort=9, kind=RunKind.RACE)


async def settle(pilot: Pilot[int], times: int = 2) -> None:
    for _ in range(times):
        await pilot.pause()


def routine_file(config: Path, text: str) -> None:
    """A custom routine 'odd' whose name, step and how-to are ``text`` (a lone surrogate,
    which TOML cannot hold, makes a file the catalog refuses: the other path)."""
    folder = config / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    quoted = json.dumps(text)
    (folder / "odd.toml").write_text(
        f"name = {quoted}\n[[steps]]\nname = {quoted}\nseconds = 30\nhow = {quoted}\n"
        f'[[steps]]\nname = "Rest"\nseconds = 10\n',
        encoding="utf-8",
        errors="surrogateescape",
    )


def interrupted(text: str, routine_id: str = "odd") -> SessionRecord:
    return SessionRecord(
        id="odd-session",
        day=DAY,
        routine_id=routine_id,
        routine_name=text,
        kind="routine",
        status=SessionStatus.RUNNING,
        planned_seconds=40,
        actual_seconds=12,
        started_at=STAMP,
        ended_at=None,
        tz="Europe/Paris",
        steps=(StepRecord(text, Side.LEFT, 30, 30), StepRecord(text, None, 10, 2)),
        position=1,
    )


def assert_clean(app: App[object]) -> str:
    screen = shown(app)
    assert unsafe(screen) == [], unsafe(screen)
    return screen


def test_the_resume_offer_shows_any_routine_and_record_text_as_text(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=after_race)

    async def offered(pilot: Pilot[int], text: str) -> None:
        routine_file(app.dirs.config, text)
        app.journal.save_session(interrupted(text))
        app.offer_resume()
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        if one_line(text):
            assert one_line(text)[:40] in rendered(app, "#resume-text")  # brackets and all
        assert_clean(app)
        await pilot.press("escape")  # later: asked again next time
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)

    with ThreadedPilot(app, size=SIZE) as driver:

        @EXAMPLES
        @given(text=texts)
        def each(text: str) -> None:
            driver.run(lambda pilot: offered(pilot, text))

        each()


def save_note_and_session(journal: Journal, text: str) -> None:
    """A check-in note and a stopped session of routine id, name and steps ``text``,
    stored as an import or an older version may have stored them: not cleaned."""
    journal.save_checkin(CheckIn(DAY, {Area.KNEES: 4}, STAMP, "Europe/Paris", note=text))
    stopped = replace(interrupted(text, routine_id=text), status=SessionStatus.STOPPED)
    journal.save_session(replace(stopped, ended_at=STAMP))


def test_a_stored_note_shows_as_text_in_the_check_in(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=after_race)

    async def noted(pilot: Pilot[int], text: str) -> None:
        save_note_and_session(app.journal, text)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.query_one("#note", Input).value == one_line(text)
        assert_clean(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)

    with ThreadedPilot(app, size=SIZE) as driver:

        @EXAMPLES
        @given(text=texts)
        def each(text: str) -> None:
            driver.run(lambda pilot: noted(pilot, text))

        each()


def test_a_note_and_a_session_show_as_text_in_the_day_detail(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=after_race)

    async def detailed(pilot: Pilot[int], text: str) -> None:
        save_note_and_session(app.journal, text)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        history.show_day(DAY)  # as after another copy's write
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayDetailScreen)
        assert app.screen.day.date == DAY
        if plain(text).strip():
            assert plain(text).strip()[:40] in rendered(app, "#day-checkin")
        if one_line(text):
            assert one_line(text)[:40] in rendered(app, "#day-sessions")
        assert_clean(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is history

    async def open_history(pilot: Pilot[int]) -> None:
        await pilot.press("h")
        await settle(pilot)

    with ThreadedPilot(app, size=(120, 40)) as driver:
        driver.run(open_history)

        @EXAMPLES
        @given(text=texts)
        def each(text: str) -> None:
            driver.run(lambda pilot: detailed(pilot, text))

        each()


def paste(app: App[object], field_id: str, text: str) -> Input:
    """``text`` pasted into an empty field, as a terminal delivers a paste."""
    field = app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    field.clear()
    field.post_message(events.Paste(text))
    return field


def as_pasted(field: Input, text: str) -> str:
    """What a field holds after ``text`` is pasted into it empty: the text cleaned onto one
    line, or nothing when that is longer than the field takes (Textual refuses it whole)."""
    cleaned = one_line(text)
    return cleaned if len(cleaned) <= field.max_length else ""


def quoted_in(errors: str, field: Input, range_words: str) -> bool:
    """The error line quotes the field as typed (or, for a number, says its range)."""
    value = field.value.strip()
    if not value or not value.isprintable():  # empty, or shown with escapes
        return True
    return f"'{value}'" in errors or range_words in errors


# A pasted distance that reads as a number and a unit word ("1m", "5 furlongs").
UNIT_WORDS = re.compile(r"^\s*[-+]?[0-9.,]+(?:[eE][-+]?[0-9]+)?\s*[A-Za-z]+\s*$")


def test_what_is_pasted_into_the_log_run_dialog_shows_as_text_in_its_error_line(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, fill=after_race)

    async def typed(pilot: Pilot[int], text: str) -> None:
        if not isinstance(app.screen, LogRunScreen):  # the first time, or after a save
            await pilot.press("r")
            await settle(pilot)
        distance = paste(app, "distance", text)
        await settle(pilot)
        assert distance.value == as_pasted(distance, text)
        await pilot.press("ctrl+s")
        await settle(pilot)
        if isinstance(app.screen, LogRunScreen):  # refused, as nearly any text is
            errors = rendered(app, "#log-run-errors")
            assert errors.startswith("Not saved: ")
            if UNIT_WORDS.search(distance.value):  # a number and a word: told about the unit
                assert "km or mi" in errors
            else:
                assert errors.startswith("Not saved: distance (km)")
                assert quoted_in(errors, distance, "from 0.1 to 300")
            assert_clean(app)

    with ThreadedPilot(app, size=SIZE) as driver:

        @EXAMPLES
        @given(text=texts)
        def each(text: str) -> None:
            driver.run(lambda pilot: typed(pilot, text))

        each()


def test_what_is_pasted_into_the_check_in_shows_as_text_in_its_error_line(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, fill=after_race)

    async def typed(pilot: Pilot[int], text: str) -> None:
        if not isinstance(app.screen, CheckInScreen):
            await pilot.press("c")
            await settle(pilot)
            # Always refused, so the dialog stays open for the next example.
            app.screen.query_one("#sleep", Input).value = "-"
        energy = paste(app, "energy", text)
        note = paste(app, "note", text)
        await settle(pilot)
        assert note.value == as_pasted(note, text)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CheckInScreen)
        errors = rendered(app, "#checkin-errors")
        assert errors.startswith("Not saved: ")
        assert quoted_in(errors, energy, "from 0 to 10")
        assert_clean(app)

    with ThreadedPilot(app, size=SIZE) as driver:

        @EXAMPLES
        @given(text=texts)
        def each(text: str) -> None:
            driver.run(lambda pilot: typed(pilot, text))

        each()


def toasts(app: App[object]) -> str:
    """The notifications on screen, each unwrapped."""
    return "\n".join(str(toast.render()) for toast in app.screen.query(Toast))


def test_notifications_quoting_a_routine_id_or_an_error_show_it_as_text(tmp_path: Path) -> None:
    app = make_app(tmp_path, fill=after_race)

    async def told(pilot: Pilot[int], text: str) -> None:
        app.clear_notifications()
        # `recovery-tui stretch --routine TEXT`, or a task whose routine file is gone.
        app.start_routine(text)
        await settle(pilot, 5)
        assert isinstance(app.screen, TodayScreen)
        assert f"There is no routine called '{plain(text)}'" in toasts(app)
        assert_clean(app)
        app.clear_notifications()
        app.notify(str(JournalError(f"could not save {text}")), markup=False)
        app.notify(f"markup meant, text given: {text}")  # shown as text if it breaks
        await settle(pilot)
        assert f"could not save {plain(text)}" in toasts(app)
        assert_clean(app)
        assert app.is_running

    with ThreadedPilot(app, size=(120, 40), notifications=True) as driver:

        @EXAMPLES
        @given(text=texts)
        def each(text: str) -> None:
            driver.run(lambda pilot: told(pilot, text))

        each()


async def test_brackets_in_the_data_dir_path_show_in_its_notice(tmp_path: Path) -> None:
    """A damaged main file is named in the notice dialog: the path is shown as written."""
    from recovery_tui.paths import Dirs

    data = tmp_path / "runs [b]2026[" / "b] [/] \x1b[31m"  # ".../runs [b]2026[/b] [/] ESC[31m"
    data.mkdir(parents=True)
    (data / "recovery.json").write_text("{not json", encoding="utf-8")
    app = RecoveryApp(Dirs(data, tmp_path / "config"), clock=fixed_clock())
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await settle(pilot)
        assert_clean(app)
        # The dialog wraps a long path: its text is read from the widgets that show it.
        shown_notices = " ".join(str(s.render()) for s in app.screen.query(".bullet-text"))
        assert "runs [b]2026[/b] [/] [31m/recovery.json" in shown_notices


@pytest.mark.parametrize("markup", [True, False])
async def test_a_notification_whose_markup_breaks_is_shown_as_text(
    tmp_path: Path, markup: bool
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.notify("Saved to [$text-success]'/home/x/a[/b]c.svg'", markup=markup)
        await settle(pilot)
        assert "'/home/x/a[/b]c.svg'" in assert_clean(app)
        assert app.is_running


async def test_a_confirm_question_and_a_screen_title_show_as_text(tmp_path: Path) -> None:
    """The yes/no dialog and the header (a session's sub-title is its routine's name)."""
    app = make_app(tmp_path, fill=after_race)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.sub_title = "Calf [b]x10[/b] [/]\x1b[2J\u202eevil"
        await settle(pilot)
        assert "Calf [b]x10[/b] [/][2Jevil" in assert_clean(app)
        question = "Your run [/] of [red]today\x1b]0;t\x07?"
        app.push_screen(ConfirmScreen("Remove [/b]\x1b[31m?", question, "[/]Yes"))
        await settle(pilot)
        screen = assert_clean(app)
        assert "Remove [/b][31m?" in screen
        assert "Your run [/] of [red]today]0;t?" in screen
        assert "[/]Yes  y" in screen


async def test_a_note_left_as_shown_is_kept_as_stored(tmp_path: Path) -> None:
    """The one-line field shows a note from the command line on one line; saving another
    change keeps the note's line breaks, and a note typed anew is saved as typed."""
    note = "knees ok\nleft calf [b]tight[/b]"

    def noted(journal: Journal) -> None:
        after_race(journal)
        journal.save_checkin(CheckIn(DAY, {Area.KNEES: 4}, STAMP, "Europe/Paris", note=note))

    app = make_app(tmp_path, fill=noted)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.query_one("#note", Input).value == "knees ok left calf [b]tight[/b]"
        app.screen.query_one("#energy", Input).value = "6"
        await pilot.press("ctrl+s")
        await settle(pilot)
        checkin = app.journal.checkin(DAY)
        assert checkin is not None and (checkin.energy, checkin.note) == (6, note)

        await pilot.press("c")
        await settle(pilot)
        field = paste(app, "note", "stiff\x1b[31m [/]")
        await settle(pilot)
        assert field.value == "stiff[31m [/]"
        await pilot.press("ctrl+s")
        await settle(pilot)
        checkin = app.journal.checkin(DAY)
        assert checkin is not None and checkin.note == "stiff[31m [/]"

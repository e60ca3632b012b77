"""Text is data in History: any note, routine or step name (markup such as `[b]` or `[/]`,
escape codes, lone surrogates) goes through the day detail, the week table's note mark
and the runs list as plain text: no markup error, brackets shown, control codes gone."""

from __future__ import annotations

from datetime import date
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from recovery_samples import STAMP, TZ, checkin, run
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from recovery_tui.domain.history.recoveries import recovery_outcomes
from recovery_tui.domain.history.summaries import DaySummary, summarize_range
from recovery_tui.domain.models import Area, SessionRecord, SessionStatus, Side, StepRecord
from recovery_tui.domain.text import one_line, plain
from recovery_tui.screens.day_detail import checkin_text, session_text
from recovery_tui.widgets import recoveries_list
from recovery_tui.widgets.recoveries_list import RecoveriesList
from recovery_tui.widgets.week_table import WeekTable

DAY = date(2026, 11, 24)
MARKUP = [
    "[b]",
    "[/]",
    "[/b]",
    "[red]",
    "[link=https://example.org]",
    "[@click=app.quit]",
    "[on red]",
    "\\[",
    "]",
    "\x1b[31m",
    "\x1b]8;;x\x07",
    "\x00",
    "\r\n",
    "\ud800",
    "\udfff",
    "🏃‍♀️",
    "\u202e",
]
texts = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.text(st.characters(exclude_categories=()), max_size=8)),
    min_size=1,
    max_size=8,
).map("".join)


def day_with(text: str) -> DaySummary:
    session = SessionRecord(
        id="s1",
        day=DAY,
        routine_id="custom",
        routine_name=text,
        kind="routine",
        status=SessionStatus.STOPPED,
        planned_seconds=120,
        actual_seconds=70,
        started_at=STAMP,
        ended_at=STAMP,
        tz=TZ,
        steps=(
            StepRecord(text, Side.LEFT, 60, 60),
            StepRecord(text, Side.RIGHT, 60, 10, skipped=True),
        ),
    )
    note = checkin(DAY, {Area.KNEES: 3}, note=text)
    return summarize_range(DAY, DAY, [], [note], {}, [session])[0]


def drawn(widget: Widget) -> str:
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


class TextApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(id="checkin")
        yield Static(id="session")
        yield WeekTable(id="week")
        yield RecoveriesList(id="runs")


def outcome_of_a_race() -> list[object]:
    race = run(DAY)
    days = summarize_range(DAY, DAY, [race], [checkin(DAY, {Area.KNEES: 5})], {}, [])
    return list(recovery_outcomes(days))


def assert_clean(shown: str) -> None:
    assert "\x1b" not in shown and "\x00" not in shown
    shown.encode("utf-8")  # no lone surrogate reached the screen


async def test_any_text_shows_as_text_in_the_day_detail_the_week_and_the_runs_list() -> None:
    app = TextApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        checkin_static = app.query_one("#checkin", Static)
        session_static = app.query_one("#session", Static)
        week = app.query_one(WeekTable)
        runs = app.query_one(RecoveriesList)
        outcomes = outcome_of_a_race()

        @settings(
            max_examples=80,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(text=texts)
        def shows_as_text(text: str) -> None:
            day = day_with(text)
            note = checkin_text(day.checkin, day.cups)
            session = session_text(day.sessions[0])
            assert plain(text).strip() in note.plain
            assert one_line(text) in session.plain
            checkin_static.update(note)
            session_static.update(session)
            week.show([day])
            with patch.object(recoveries_list, "run_label", lambda _run, _unit=None: text):
                runs.show(outcomes)  # type: ignore[arg-type]
            label = runs.get_cell(outcomes[0].run.id, "run")  # type: ignore[attr-defined]
            assert str(label) == one_line(text)
            for widget in (checkin_static, session_static, week, runs):
                assert_clean(drawn(widget))
            marks = week.get_cell(DAY.isoformat(), "marks")
            assert str(marks) == ("*" if day.has_note else "")

        shows_as_text()


async def test_brackets_are_shown_as_typed() -> None:
    app = TextApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        typed = "[b]Calf raise[/b] [x10] [@click=app.quit]"
        day = day_with(typed)
        app.query_one("#checkin", Static).update(checkin_text(day.checkin, day.cups))
        app.query_one("#session", Static).update(session_text(day.sessions[0]))
        await pilot.pause()
        assert f"* note: {typed}" in drawn(app.query_one("#checkin", Static))
        session = drawn(app.query_one("#session", Static))
        assert f"{typed}  stopped" in session
        assert f"{typed} (left)" in session

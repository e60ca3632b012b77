"""Text from a routine file is data on every screen it reaches: a name, a step or a how-to
holding markup ([b], [/], [link=…]) or escape codes goes through the picker, the session
(both layouts) and its summary without a MarkupError, brackets shown as typed, control
characters never reaching the terminal."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from app_factory import fixed_clock, make_app
from big_clock_app import screen_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from routine_files import write_routine
from session_pilot import session_started
from textual.widgets import OptionList, Static

from recovery_tui.app import RecoveryApp
from recovery_tui.domain.text import one_line
from recovery_tui.screens.routine_picker import RoutinePicker

SPECIALS = ("[b]", "[/]", "[/b]", "[link=x]", "[@click=app.quit]", "\x1b[31m", "\x07", "\\", '"')
pieces = st.lists(
    st.one_of(st.text(st.characters(codec="utf-8"), max_size=8), st.sampled_from(SPECIALS)),
    min_size=1,
    max_size=6,
).map("".join)
# A name that is nothing but control characters is its own question (an empty name).
texts = pieces.filter(lambda text: bool(one_line(text)))


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, every character kept."""
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def routine_file(name: str, step: str, how: str) -> str:
    return (
        f"name = {toml_string(name)}\n"
        f"[[steps]]\nname = {toml_string(step)}\nseconds = 30\nsides = true\n"
        f"how = {toml_string(how)}\n"
        '[[steps]]\nname = "Slow breathing"\nseconds = 20\n'
    )


def text_of(app: RecoveryApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def no_controls(app: RecoveryApp) -> None:
    for line in screen_lines(app):
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in line)


async def run_through(tmp: Path, name: str, step: str, how: str) -> RecoveryApp:
    """Pick the routine, run it in both layouts to its end; returns the app for more looks."""
    write_routine(tmp / "config", "custom", routine_file(name, step, how))
    clock = fixed_clock()
    app = make_app(tmp, clock)
    shown_name, shown_step, shown_how = one_line(name), one_line(step), one_line(how)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, RoutinePicker)
        await pilot.press(*"custom.toml")
        await pilot.pause()
        (option,) = picker.query_one(OptionList).options
        assert str(option.prompt).startswith(shown_name)
        assert f"\n 1. {shown_step}  " in text_of(app, "#picker-preview")
        no_controls(app)

        await pilot.press("enter")
        screen = await session_started(pilot)
        assert shown_name in text_of(app, "#session-head") and screen.sub_title == shown_name
        assert f"Next: {shown_step} (left" in text_of(app, "#session-next")
        clock.advance(5)
        screen.tick()
        await pilot.pause()
        assert text_of(app, "#segment-name").startswith(shown_step)
        assert text_of(app, "#segment-how") == shown_how
        no_controls(app)
        await pilot.press("z")
        await pilot.pause()
        assert text_of(app, "#mat-step") == shown_step
        no_controls(app)

        await pilot.press("n", "n")
        await pilot.pause()
        assert screen.runner.engine.done
        assert f"{shown_name}: " in text_of(app, "#session-summary")
        assert shown_name in text_of(app, "#session-head")
        assert f"↷ {shown_step}" in str(app.screen.query_one("#session-steps").render())
        no_controls(app)
    return app


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=texts, step=texts, how=pieces)
def test_any_text_in_a_routine_file_is_shown_as_typed(name: str, step: str, how: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run_through(Path(tmp), name, step, how))


async def test_markup_is_seen_on_the_screen_as_typed(tmp_path: Path) -> None:
    name = "Calf raise [b]x10[/b] [/]"
    step = "Heel drop [@click=app.quit]now[/]"
    app = await run_through(tmp_path, name, step, "Slowly [i]down[/i]\x1b[2J.")
    assert app.return_code is None or app.return_code == 0

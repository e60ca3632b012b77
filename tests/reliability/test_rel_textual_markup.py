"""A Textual bug worked around in the app: Textual's own screenshot notice puts the saved
file's path into markup (``f"Saved screenshot to [$text-success]{path!r}"``), so a
Downloads folder whose path holds a closing tag such as ``[/b]`` stops the app with a
MarkupError when the notice is drawn, and one holding markup that parses (``[b]x[/b]``,
``[@click=app.quit]``) loses its brackets and turns bold or into a link to an action. The
palette's "Screenshot" command reaches it.

The first test is the minimal reproduction in a bare Textual app (it fails once Textual
fixes the bug: the app's own notice for a saved screenshot may then go); the second shows
the app survives the same event and shows the path as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_factory import SIZE, make_app
from textual import events
from textual.app import App
from textual.markup import MarkupError
from textual.pilot import Pilot
from textual.widgets._toast import Toast

SAVED = Path("/home/runner/Downloads [old/b]/recovery-tui.svg")  # holds "[old/b]": fine
BREAKS = Path("/home/runner/a[/b]c/recovery-tui.svg")  # holds "[/b]": no open tag
PARSES = Path("/home/runner/[b]x[/b] [@click=app.quit]y/recovery-tui.svg")  # valid markup


def screenshot_saved(app: App[object], path: Path) -> None:
    """What Textual sends itself when a screenshot has been written to ``path``."""
    app.post_message(events.DeliveryComplete(key="screenshot", path=path, name="screenshot"))


async def settle(pilot: Pilot[object]) -> None:
    for _ in range(4):
        await pilot.pause()


async def test_textual_alone_stops_on_its_screenshot_notice() -> None:
    app: App[None] = App()
    with pytest.raises(MarkupError):
        async with app.run_test(notifications=True) as pilot:
            screenshot_saved(app, BREAKS)
            await settle(pilot)


@pytest.mark.parametrize("path", [SAVED, BREAKS, PARSES])
async def test_the_app_shows_the_notice_with_the_path_as_written(
    tmp_path: Path, path: Path
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screenshot_saved(app, path)
        await settle(pilot)
        assert app.is_running
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        saved = [text for text in shown if "Saved screenshot" in text]
        assert len(saved) == 1 and repr(str(path)) in saved[0], shown

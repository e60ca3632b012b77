"""The baseline for start-up time and memory: a Textual app that only paints a label.

    .venv/bin/python bench/bare_app.py          # in a terminal, until killed or ctrl+q
    .venv/bin/python bench/bare_app.py --bench  # headless, exit after the first paint

With ``--bench`` it writes ``PAINT <unix time> <peak RSS in KiB>`` to stdout at its first
painted frame, the same signal ``bench_startup.py`` gets from recovery-tui's Today screen.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Hello from a bare Textual app")


def exit_after_first_paint(app: App[Any], screen_name: str | None = None) -> None:
    """Report the first frame painted (of ``screen_name``, when given), then exit.

    Headless apps compose each frame but skip the terminal; the frame is encoded here as a
    terminal would receive it so that cost is counted too. A frame composed while the app
    holds a batch of updates (``App.batch_update``, as Textual does while the app itself
    mounts) is dropped by Textual before it reaches a terminal, so it is not counted.
    ``os.write`` because Textual captures ``print`` while an app runs.
    """
    original = app._display
    done = False

    def display(screen: Any, renderable: Any) -> None:
        nonlocal done
        dropped = app._batch_count > 0
        original(screen, renderable)
        if done or dropped or renderable is None or not hasattr(renderable, "render_segments"):
            return
        if screen_name is not None and type(screen).__name__ != screen_name:
            return
        renderable.render_segments(app.console)
        done = True
        os.write(1, f"PAINT {time.time():.6f} {peak_rss_kib()}\n".encode())
        app.exit()

    app._display = display  # type: ignore[method-assign]


def peak_rss_kib() -> int:
    """This process's peak resident size so far (``VmHWM``; 0 where /proc is missing)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_app(app: App[Any], argv: list[str]) -> int:
    """In the terminal, or with ``--bench`` headless until the first paint is reported."""
    if "--bench" in argv:
        exit_after_first_paint(app)
        app.run(headless=True, size=(100, 32))
    else:
        app.run()
    return 0


def main(argv: list[str]) -> int:
    return run_app(BareApp(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""How long History takes to open and to move a week with twenty years of records.

Fills a temporary data dir with ``recovery-tui demo --days 7300`` (the command itself), then,
in the real app under ``App.run_test`` on a clock set to now:

- open: from pressing ``h`` on Today to the first paint of History with its week;
- move: from pressing ``←`` (the week before) to the repaint, several times;
- grid: the same for ``g`` (26 weeks, read only when first asked for);
- bare: ``journal.history(week)`` alone, no screen, over weeks never read before.

The medians of open and move must stay under 100 ms (a busy machine shows in the slowest).
``run()`` returns the numbers for a combined bench script; run as a script it prints a
small table.

    .venv/bin/python bench/bench_history.py
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pendulum
from support import make_demo

from recovery_tui.app import RecoveryApp
from recovery_tui.domain.clock import FakeClock, SystemClock
from recovery_tui.domain.history.navigation import shift_week, week_range
from recovery_tui.paths import Dirs
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository

DAYS = 7300  # twenty years
# The demo ends today on the system clock; the app's clock stands still at this moment.
NOW = pendulum.now(SystemClock().tz_name)
MOVES = 12
OPENS = 5  # History opened this many times, back to Today in between
BUDGET_MS = 100.0


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def make_data(base: Path, days: int = DAYS) -> tuple[Dirs, float]:
    """``demo --days DAYS``; returns the dirs and how long the command took (s)."""
    dirs = Dirs(base / "data", base / "config")
    started = time.perf_counter()
    make_demo(dirs.data, days)
    return dirs, time.perf_counter() - started


def bare_history(dirs: Dirs, clock: FakeClock) -> list[float]:
    """``journal.history`` for MOVES consecutive weeks back, in a freshly opened store."""
    times = []
    with Repository.open(dirs.data, clock) as repo:
        journal = Journal(repo, clock)
        today = date(NOW.year, NOW.month, NOW.day)
        end = today
        for _ in range(MOVES):
            start, last = week_range(end)
            began = time.perf_counter()
            journal.history(start, last)
            times.append(_ms(began))
            end = shift_week(end, -1, today)
    return times


class PaintTimeline:
    """Times of the screen's paints and of the ends of ``show_week`` / ``show_grid``.

    A key's cost is measured from sending it to the first paint after the screen finished
    its work: the Pilot's own waiting for an idle CPU (20 ms steps) is left out. Headless
    apps skip writing to a terminal, so each paint is also encoded as a terminal would
    receive it, to count that cost too.
    """

    def __init__(self, app: RecoveryApp) -> None:
        self.paints: list[float] = []
        self.done: list[float] = []
        self.done_by: dict[str, list[float]] = {}
        self.work: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
                self.paints.append(time.perf_counter())
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]

    def wrap(self, cls: type, name: str) -> Callable[[], None]:
        original = getattr(cls, name)
        timeline = self

        def timed(node: Any, *args: Any, **kwargs: Any) -> None:
            began = time.perf_counter()
            original(node, *args, **kwargs)
            timeline.done.append(time.perf_counter())
            timeline.done_by.setdefault(name, []).append(time.perf_counter())
            timeline.work.append(_ms(began))

        setattr(cls, name, timed)
        return lambda: setattr(cls, name, original)

    def latency(self, sent: float, name: str | None = None) -> float:
        """ms from ``sent`` to the first paint after the last wrapped call (of ``name``)."""
        finished = (self.done if name is None else self.done_by[name])[-1]
        assert finished >= sent, "the key did not reach the screen"
        painted = next(t for t in self.paints if t >= finished)
        return (painted - sent) * 1000


async def _drive(app: RecoveryApp) -> dict[str, Any]:
    from recovery_tui.screens.history import HistoryScreen

    timeline = PaintTimeline(app)
    undo_week = timeline.wrap(HistoryScreen, "show_week")
    undo_grid = timeline.wrap(HistoryScreen, "show_grid")
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()

            async def press(key: str) -> float:
                sent = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                return timeline.latency(sent)

            opens = []
            for _ in range(OPENS):
                opens.append(await press("h"))
                await pilot.press("escape")
                await pilot.pause()
            opens.append(await press("h"))
            assert isinstance(app.screen, HistoryScreen), app.screen
            moves = [await press("left") for _ in range(MOVES)]
            week_work = list(timeline.work)
            grid_ms = await press("g")
            return {
                "opens_ms": opens,
                "moves_ms": moves,
                "grid_ms": grid_ms,
                "week_work_ms": week_work,
            }
    finally:
        undo_week()
        undo_grid()


def run() -> dict[str, Any]:
    clock = FakeClock(NOW)
    with tempfile.TemporaryDirectory(prefix="bench-history-") as tmp:
        dirs, import_s = make_data(Path(tmp))
        bare = bare_history(dirs, clock)
        driven = asyncio.run(_drive(RecoveryApp(dirs=dirs, clock=clock)))
    moves = driven["moves_ms"]
    opens = driven["opens_ms"]
    return {
        "days": DAYS,
        "import_s": import_s,
        "open_median_ms": statistics.median(opens),
        "open_max_ms": max(opens),
        "move_median_ms": statistics.median(moves),
        "move_max_ms": max(moves),
        "grid_ms": driven["grid_ms"],
        "show_week_median_ms": statistics.median(driven["week_work_ms"]),
        "history_week_median_ms": statistics.median(bare),
        "history_week_first_ms": bare[0],
        "budget_ms": BUDGET_MS,
        "within_budget": statistics.median(opens) <= BUDGET_MS
        and statistics.median(moves) <= BUDGET_MS,
    }


def main() -> int:
    result = run()
    rows = [
        ("open History, median (press h → drawn)", result["open_median_ms"]),
        ("open History, slowest", result["open_max_ms"]),
        ("move a week, median (press ← → drawn)", result["move_median_ms"]),
        ("move a week, slowest", result["move_max_ms"]),
        ("screen work per week (read + fill), median", result["show_week_median_ms"]),
        ("journal.history(week) alone, median", result["history_week_median_ms"]),
        ("journal.history(week) alone, first call", result["history_week_first_ms"]),
        ("months grid (press g, 26 weeks)", result["grid_ms"]),
    ]
    print(
        f"History with {result['days']} days of demo records (demo took {result['import_s']:.1f} s)"
    )
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value:7.1f} ms")
    verdict = "within" if result["within_budget"] else "OVER"
    print(f"  open and move (medians) {verdict} the {BUDGET_MS:.0f} ms budget")
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    raise SystemExit(main())

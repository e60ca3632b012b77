"""How long the runs list and one recovery curve take to build with five years of records.

Fills a temporary data dir with ``make_demo(1826, ...)`` (what ``recovery-tui demo --days
1826`` writes), then, each time from a freshly opened store (nothing cached in memory):

- first page: the runs list as History opens it, the recoveries of the last six months
  (``services.recoveries.recoveries_page``: read, summarise, outcomes);
- whole list: every page back to the first record, as scrolling to the end would read;
- one curve: the latest half marathon's recovery (``recovery_of``) and its comparison
  with the earlier comparable ones (``comparison_with_earlier``);
- drawn: the curve widget given that recovery, to its plotext text (in a headless app);
- opening: what History does on opening, the first page, then the latest half's curve
  and sentence taken from it (earlier halves outside the page are read);
- in the app (real ``RecoveryApp`` under ``App.run_test``, 100×32, keys to repaint), each
  time in a fresh process, so nothing is loaded that a user's first time would not have:
  ``v`` on History the first time (mounting the view, reading the first page, drawing the
  list and the curve; History loads the plotting library once its week is drawn),
  ``enter`` on a run (its curve and sentence), ``space`` on a second run (the overlay),
  ``end`` (the next page).

The medians of the first page, the curve, the drawing and the opening, and each key in
the app, must stay under 100 ms.
``run()`` returns the numbers for a combined bench script; run as a script it prints a
small table.

    .venv/bin/python bench/bench_recoveries.py
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pendulum
from bench_history import PaintTimeline

from recovery_tui.app import RecoveryApp
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.demo import make_demo
from recovery_tui.domain.history.recoveries import RecoveryOutcome
from recovery_tui.domain.models import RunKind
from recovery_tui.paths import Dirs
from recovery_tui.services.journal import Journal
from recovery_tui.services.recoveries import (
    comparison_with_earlier,
    next_page_end,
    recoveries_page,
    recovery_of,
)
from recovery_tui.store import Repository

DAYS = 1826  # five years
NOW = pendulum.datetime(2026, 11, 26, 9, 30, tz="Europe/Paris")
TODAY = date(NOW.year, NOW.month, NOW.day)
REPEATS = 7
KEYS_REPEATS = 3  # the app is opened this many times (a process each) for the in-app keys
BUDGET_MS = 100.0
T = TypeVar("T")


def _timed(data: Path, clock: FakeClock, work: Callable[[Journal], T]) -> tuple[float, T]:
    """``work`` on a freshly opened store; its time in ms (opening not counted)."""
    with Repository.open(data, clock) as repo:
        journal = Journal(repo, clock)
        started = time.perf_counter()
        result = work(journal)
        return (time.perf_counter() - started) * 1000, result


def _whole_list(journal: Journal) -> list[RecoveryOutcome]:
    first = journal.first_day() or TODAY
    outcomes: list[RecoveryOutcome] = []
    end = TODAY
    while end >= first:
        outcomes += recoveries_page(journal, end, TODAY)
        end = next_page_end(end)
    return outcomes


def _is_half(outcome: RecoveryOutcome) -> bool:
    run = outcome.run
    return run.kind is RunKind.RACE and 21.0 <= run.distance_km <= 21.2


def _curve(journal: Journal) -> tuple[RecoveryOutcome, str | None]:
    runs = journal.repo.runs()
    half = max(
        (r for r in runs if r.kind is RunKind.RACE and 21.0 <= r.distance_km <= 21.2),
        key=lambda r: r.day,
    )
    outcome = recovery_of(journal, half, TODAY)
    assert outcome is not None, "the demo's latest half marathon has a recovery"
    return outcome, comparison_with_earlier(journal, outcome, runs, TODAY)


def _opening(journal: Journal) -> str | None:
    page = recoveries_page(journal, TODAY, TODAY)
    half = next(o for o in page if _is_half(o))
    return comparison_with_earlier(journal, half, journal.repo.runs(), TODAY, known=page)


async def _draw_times(outcome: RecoveryOutcome, sentence: str | None) -> list[float]:
    from textual.app import App, ComposeResult
    from textual_plotext import PlotextPlot

    from recovery_tui.widgets.recovery_curve import RecoveryCurve

    class CurveApp(App[None]):
        def compose(self) -> ComposeResult:
            yield RecoveryCurve()

    times = []
    app = CurveApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        curve = app.query_one(RecoveryCurve)
        plot = app.query_one(PlotextPlot)
        for _ in range(REPEATS):
            started = time.perf_counter()
            curve.show(outcome, sentence=sentence)
            plot.render()
            times.append((time.perf_counter() - started) * 1000)
    return times


async def _keys_in_app(dirs: Dirs, clock: FakeClock) -> dict[str, float]:
    """ms from each key to the repaint after the screen's work, in the real app."""
    from recovery_tui.screens.history import HistoryScreen
    from recovery_tui.widgets.history_recoveries import RecoveriesView
    from recovery_tui.widgets.recoveries_list import RecoveriesList
    from recovery_tui.widgets.recovery_curve import RecoveryCurve

    app = RecoveryApp(dirs=dirs, clock=clock)
    timeline = PaintTimeline(app)
    undo = [
        timeline.wrap(HistoryScreen, "show_recoveries"),
        timeline.wrap(RecoveryCurve, "show"),
        timeline.wrap(RecoveriesView, "add_runs"),
    ]
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()

            async def press(key: str, *names: str) -> list[float]:
                sent = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                return [timeline.latency(sent, name) for name in names]

            listed, drawn = await press("v", "show_recoveries", "show")
            table = app.screen.query_one(RecoveriesList)
            halves = [i for i, o in enumerate(table.outcomes) if _is_half(o)]
            table.move_cursor(row=halves[0], animate=False)
            await pilot.pause()
            (chosen,) = await press("enter", "show")
            table.move_cursor(row=1, animate=False)
            await pilot.pause()
            await pilot.press("space")
            table.move_cursor(row=halves[0], animate=False)
            await pilot.pause()
            (overlaid,) = await press("space", "show")
            (paged,) = await press("end", "add_runs")
            return {
                "list": listed,
                "curve": drawn,
                "choose": chosen,
                "overlay": overlaid,
                "page": paged,
            }
    finally:
        for step in undo:
            step()


def _keys_in_a_fresh_process(dirs: Dirs) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--keys", str(dirs.data), str(dirs.config)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.splitlines()[-1]))


def run() -> dict[str, Any]:
    clock = FakeClock(NOW)
    with tempfile.TemporaryDirectory(prefix="bench-recoveries-") as tmp:
        data = Path(tmp) / "data"
        demo = make_demo(DAYS, NOW, "Europe/Paris")
        with Repository.open(data, clock) as repo:
            repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)
        first = [
            _timed(data, clock, lambda j: recoveries_page(j, TODAY, TODAY)) for _ in range(REPEATS)
        ]
        whole = [_timed(data, clock, _whole_list) for _ in range(3)]
        curves = [_timed(data, clock, _curve) for _ in range(REPEATS)]
        openings = [_timed(data, clock, _opening) for _ in range(REPEATS)]
        # In the app first: the plotting library is not loaded yet, as for a user.
        dirs = Dirs(data, Path(tmp) / "config")
        keys = [_keys_in_a_fresh_process(dirs) for _ in range(KEYS_REPEATS)]
    outcome, sentence = curves[0][1]
    drawn = asyncio.run(_draw_times(outcome, sentence))
    medians = {
        "first_page_ms": statistics.median(t for t, _ in first),
        "curve_ms": statistics.median(t for t, _ in curves),
        "draw_ms": statistics.median(drawn),
        "opening_ms": statistics.median(t for t, _ in openings),
        **{f"app_{key}_ms": statistics.median(k[key] for k in keys) for key in keys[0]},
    }
    return {
        "days": DAYS,
        **medians,
        "first_page_rows": len(first[0][1]),
        "whole_list_ms": statistics.median(t for t, _ in whole),
        "whole_list_rows": len(whole[0][1]),
        "budget_ms": BUDGET_MS,
        "ratios": {name: value / BUDGET_MS for name, value in medians.items()},
        "within_budget": all(value <= BUDGET_MS for value in medians.values()),
    }


def main() -> int:
    result = run()
    rows = [
        (f"runs list, first page ({result['first_page_rows']} runs)", result["first_page_ms"]),
        ("one curve: recovery + comparison", result["curve_ms"]),
        ("one curve drawn by the widget", result["draw_ms"]),
        ("opening: first page + latest half's sentence", result["opening_ms"]),
        ("in the app: v, the runs list drawn (first time)", result["app_list_ms"]),
        ("in the app: v, then the curve drawn (first time)", result["app_curve_ms"]),
        ("in the app: enter on a run, its curve drawn", result["app_choose_ms"]),
        ("in the app: space on a second run, overlay drawn", result["app_overlay_ms"]),
        ("in the app: end, the next page listed", result["app_page_ms"]),
        (f"whole list, every page ({result['whole_list_rows']} runs)", result["whole_list_ms"]),
    ]
    print(f"Recoveries with {result['days']} days of demo records (medians)")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        ratio = value / BUDGET_MS
        print(f"  {name:<{width}}  {value:7.1f} ms  {ratio:5.2f}x the {BUDGET_MS:.0f} ms target")
    verdict = "within" if result["within_budget"] else "OVER"
    print(f"  every row but the whole list {verdict} the {BUDGET_MS:.0f} ms budget")
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--keys"]:
        keys_dirs = Dirs(Path(sys.argv[2]), Path(sys.argv[3]))
        print(json.dumps(asyncio.run(_keys_in_app(keys_dirs, FakeClock(NOW)))))
        raise SystemExit(0)
    raise SystemExit(main())

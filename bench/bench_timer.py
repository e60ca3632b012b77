"""Timers: how exact a session ends when the loop stalls, and what a real timer costs.

- end error, fake clock: the 30-minute stretch driven by a fake clock that moves in
  irregular steps (10 ms to 1 s) with stalls of 2 to 9 s thrown in; the error is how far
  the recorded end and the time spent are from the exact ones, worst of several seeded runs
  (target: 20 ms or less).
- end error, real clock: ``recovery-tui walk --minutes 5`` run to its end in a real
  pseudo-terminal (100x32, five years of ``demo`` records) on the system clock and its own
  event loop, the process stopped (SIGSTOP, then SIGCONT) for 2 to 9 s three times at seeded
  moments, as a busy machine or a stopped terminal would; the error is how far the saved
  record's time spent and its end are from the exact ones (same target).
- CPU: that walk's CPU time over 20 s of wall time from 8 s after launch (start-up and the
  5 s get-ready countdown behind it), from ``/proc/<pid>/stat``, as a share of one core
  (target: 1 % or less).
- memory: the walk's peak resident size over the whole session (``VmHWM``, the process's
  own) against the bare Textual app run the same way and read after the same 8 s (target:
  1.3x or less).

``start_walk()`` starts the real walk and returns at once, so that ``bench/run.py`` runs the
other benchmarks during its five minutes (a walk's timer takes under 1 % of a core).

    .venv/bin/python bench/bench_timer.py
"""

from __future__ import annotations

import json
import random
import signal
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pendulum
from support import BENCH, child_env, entry_point, make_demo, vm_kib
from terminal import TerminalProcess, shows_all

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.engine import SessionEngine
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.segments import Finished

# After start-up and the 5 s get-ready countdown: the steady state of a timer.
SETTLE_SECONDS = 8.0
WINDOW_SECONDS = 20.0
GET_READY = 5.0
WALK_MINUTES = 5
STALLS = 3
BARE_LABEL = "Hello from a bare Textual app"


# -- end error under a fake clock ------------------------------------------------------
def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def end_error_ms(seed: int) -> float:
    rng = random.Random(seed)
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 9, 30, tz="Europe/Paris"))
    routine = stretch_30()
    engine = SessionEngine(routine, clock, get_ready_seconds=GET_READY)
    start_mono = clock.monotonic()
    engine.start()
    finished: Finished | None = None
    while finished is None:
        step = rng.uniform(2, 9) if rng.random() < 0.02 else rng.uniform(0.01, 1.0)
        clock.advance(step)
        finished = next((e for e in engine.update() if isinstance(e, Finished)), None)
    exact = GET_READY + routine.total_seconds
    record = engine.record()
    errors = [
        abs(finished.at - start_mono - exact),
        abs(record.actual_seconds - routine.total_seconds),
        abs((_utc(record.ended_at or "") - _utc(record.started_at)).total_seconds() - exact),
    ]
    return max(errors) * 1000


# -- a real walk in a pseudo-terminal ---------------------------------------------------
def _saved_walk(data_dir: Path) -> dict[str, Any] | None:
    """The walk's record once it is saved as completed (read from its month file, which is
    always replaced whole)."""
    for month in sorted((data_dir / "months").glob("*.json"), reverse=True)[:2]:
        try:
            tables = json.loads(month.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for doc in tables.get("sessions", {}).values():
            if doc.get("kind") == "walk" and doc.get("status") == "completed":
                started = doc.get("started_at", "")
                if started >= RealWalk.since:
                    return dict(doc)
    return None


class RealWalk:
    """``recovery-tui walk --minutes 5`` with stalls; ``result()`` waits for its end."""

    since = ""  # records started before this run are not ours

    def __init__(self, data_dir: Path, seed: int = 1, minutes: int = WALK_MINUTES) -> None:
        RealWalk.since = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        self.data_dir = data_dir
        self.minutes = minutes
        self.rng = random.Random(seed)
        self.error: BaseException | None = None
        self.numbers: dict[str, Any] = {}
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.numbers = self._walk()
        except BaseException as error:  # handed to result()
            self.error = error

    def _walk(self) -> dict[str, Any]:
        env = child_env(self.data_dir)
        command = [*entry_point(), "walk", "--minutes", str(self.minutes)]
        exact = GET_READY + self.minutes * 60
        with TerminalProcess(command, env) as walk:
            time.sleep(SETTLE_SECONDS)
            if walk.process.poll() is not None:
                raise RuntimeError(f"the walk ended early:\n{walk.text()}")
            cpu0, wall0 = walk.cpu_seconds(), time.monotonic()
            time.sleep(WINDOW_SECONDS)
            cpu1, wall1 = walk.cpu_seconds(), time.monotonic()
            stalls = self._stall(walk, SETTLE_SECONDS + WINDOW_SECONDS, exact - 15)
            deadline = time.monotonic() + exact + 60 - (SETTLE_SECONDS + WINDOW_SECONDS)
            record = None
            while record is None and time.monotonic() < deadline:
                time.sleep(1.0)
                record = _saved_walk(self.data_dir)
            if record is None:
                raise RuntimeError(f"the walk was never saved as completed:\n{walk.text()}")
            peak = vm_kib(walk.pid, "VmHWM")
        spent = float(record["actual_seconds"])
        wall = (_utc(record["ended_at"]) - _utc(record["started_at"])).total_seconds()
        errors = [abs(spent - self.minutes * 60), abs(wall - exact)]
        return {
            "real_end_error_ms": max(errors) * 1000,
            "stalls_s": stalls,
            "cpu_percent": (cpu1 - cpu0) / (wall1 - wall0) * 100,
            "walk_rss_kib": peak,
        }

    def _stall(self, walk: TerminalProcess, first: float, last: float) -> list[float]:
        """Stop the process three times for 2-9 s, at seeded moments in [first, last] s of
        its life; returns the stalls' lengths."""
        moments = sorted(self.rng.uniform(first, last - 10) for _ in range(STALLS))
        lengths = []
        for moment in moments:
            wait = moment - (time.perf_counter() - walk.started)
            if wait > 0:
                time.sleep(wait)
            length = self.rng.uniform(2, 9)
            walk.signal(signal.SIGSTOP)
            time.sleep(length)
            walk.signal(signal.SIGCONT)
            lengths.append(length)
        return lengths

    def result(self) -> dict[str, Any]:
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.numbers


def bare_rss_kib() -> int:
    """The bare app's peak resident size, read as the walk's is, after the same settling."""
    command = [sys.executable, str(BENCH / "bare_app.py")]
    with TerminalProcess(command, child_env()) as bare:
        bare.wait_for(shows_all(BARE_LABEL), 20)
        time.sleep(SETTLE_SECONDS)
        return vm_kib(bare.pid, "VmHWM")


def start_walk(data_dir: Path) -> RealWalk:
    return RealWalk(data_dir)


def run(seeds: int = 20, data_dir: Path | None = None) -> dict[str, Any]:
    """Everything but the real walk is quick; ``walk.result()`` holds its numbers."""
    errors = [end_error_ms(seed) for seed in range(seeds)]
    return {"end_error_ms": max(errors), "seeds": seeds, "bare_rss_kib": bare_rss_kib()}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-timer-") as tmp:
        walk = start_walk(make_demo(Path(tmp) / "data", 1826))
        result = run()
        result.update(walk.result())
    ratio = result["walk_rss_kib"] / result["bare_rss_kib"]
    stalls = ", ".join(f"{s:.1f}" for s in result["stalls_s"])
    print(
        f"30-minute session, stalling fake clock: worst end error "
        f"{result['end_error_ms']:.3f} ms over {result['seeds']} runs (target <= 20 ms)\n"
        f"{WALK_MINUTES}-minute walk, real clock, stopped for {stalls} s: end error "
        f"{result['real_end_error_ms']:.3f} ms (target <= 20 ms)\n"
        f"real walk timer: {result['cpu_percent']:.2f} % of a core over "
        f"{WINDOW_SECONDS:.0f} s (target <= 1 %)\n"
        f"peak memory: {result['walk_rss_kib'] / 1024:.1f} MiB vs bare "
        f"{result['bare_rss_kib'] / 1024:.1f} MiB ({ratio:.2f}x, target <= 1.3x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

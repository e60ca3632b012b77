"""Timers: how exact a 30-minute session ends under a stalling loop, and what a real timer
costs while it runs.

- end error: the 30-minute stretch driven by a fake clock that moves in irregular steps
  (10 ms to 1 s) with stalls of 2 to 9 s thrown in (a suspended laptop, a busy machine);
  the error is how far the recorded end and the time spent are from the exact ones, worst
  of several seeded runs (target: 20 ms or less).
- CPU: ``recovery-tui walk --minutes 12`` in a real pseudo-terminal (100x32) with five years
  of records; after it has settled, the process's CPU time over 10 s of wall time
  (``/proc/<pid>/stat``), as a share of one core (target: 1 % or less).
- memory: the peak resident size (``VmHWM``) of that process against the bare Textual app
  run the same way (target: 1.3x or less).

    .venv/bin/python bench/bench_timer.py
"""

from __future__ import annotations

import fcntl
import os
import random
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pendulum

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.engine import SessionEngine
from recovery_tui.domain.routine_library import stretch_30
from recovery_tui.domain.segments import Finished

BENCH = Path(__file__).resolve().parent
# After start-up and the 5 s get-ready countdown: the steady state of a held stretch.
SETTLE_SECONDS = 8.0
WINDOW_SECONDS = 20.0
GET_READY = 5.0


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


# -- a real timer in a pseudo-terminal -------------------------------------------------
def _proc_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def _peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")


def _in_terminal(command: list[str], env: dict[str, str], measure: float) -> tuple[float, int]:
    """Run ``command`` on a 100x32 pseudo-terminal; after SETTLE_SECONDS, its CPU share over
    ``measure`` s (0 when ``measure`` is 0) and its peak RSS (KiB). The output is drained
    so the app never blocks on a full terminal."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
    child = subprocess.Popen(
        command,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**env, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"},
        start_new_session=True,
    )
    os.close(follower)
    stop = threading.Event()

    def drain() -> None:
        while not stop.is_set():
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                try:
                    os.read(leader, 65536)
                except OSError:
                    return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        time.sleep(SETTLE_SECONDS)
        if child.poll() is not None:
            raise RuntimeError(f"{command} exited early with {child.returncode}")
        share = 0.0
        if measure:
            cpu0, wall0 = _proc_cpu_seconds(child.pid), time.monotonic()
            time.sleep(measure)
            cpu1, wall1 = _proc_cpu_seconds(child.pid), time.monotonic()
            share = (cpu1 - cpu0) / (wall1 - wall0)
        rss = _peak_rss_kib(child.pid)
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        stop.set()
        reader.join(timeout=1)
        os.close(leader)
    return share, rss


def run(data_dir: Path | None = None, seeds: int = 20) -> dict[str, Any]:
    errors = [end_error_ms(seed) for seed in range(seeds)]
    with tempfile.TemporaryDirectory(prefix="bench-timer-") as tmp:
        if data_dir is None:
            from bench_startup import make_five_years

            data_dir = Path(tmp) / "data"
            make_five_years(data_dir)
        env = {**os.environ, "RECOVERY_TUI_DATA_DIR": str(data_dir)}
        entry = [sys.executable, "-m", "recovery_tui", "walk", "--minutes", "12"]
        cpu_share, ours_kib = _in_terminal(entry, env, WINDOW_SECONDS)
        bare = [sys.executable, str(BENCH / "bare_app.py")]
        _share, bare_kib = _in_terminal(bare, env, 0)
    return {
        "end_error_ms": max(errors),
        "seeds": seeds,
        "cpu_percent": cpu_share * 100,
        "window_s": WINDOW_SECONDS,
        "ours_rss_kib": ours_kib,
        "bare_rss_kib": bare_kib,
        "rss_ratio": ours_kib / bare_kib,
    }


def main() -> int:
    result = run()
    print(
        f"30-minute session, stalling fake clock: worst end error "
        f"{result['end_error_ms']:.3f} ms over {result['seeds']} runs (target <= 20 ms)\n"
        f"real walk timer: {result['cpu_percent']:.2f} % of a core over "
        f"{result['window_s']:.0f} s (target <= 1 %)\n"
        f"peak memory: {result['ours_rss_kib'] / 1024:.1f} MiB vs bare "
        f"{result['bare_rss_kib'] / 1024:.1f} MiB ({result['rss_ratio']:.2f}x, target <= 1.3x)"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    sys.exit(main())

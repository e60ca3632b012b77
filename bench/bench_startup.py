"""Start to the first painted Today frame, against a bare Textual app that paints a label.

Each app runs in a fresh process, headless at 100x32, several times; the time is from just
before the process is spawned to its first painted frame (imports, opening five years of
records, composing Today and encoding the frame as a terminal would get it). The median of
each and their ratio are reported (target: 1.25x or less). Peak memory of each process is
also returned (``ru_maxrss`` from ``wait4``).

    .venv/bin/python bench/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
TARGET_RATIO = 1.25
RUNS = 7


def _ours_child(data_dir: str) -> int:
    """In the child: recovery-tui as ``recovery-tui`` with no command opens it."""
    sys.path.insert(0, str(BENCH))
    from bare_app import exit_after_first_paint

    from recovery_tui.app import RecoveryApp
    from recovery_tui.paths import Dirs

    app = RecoveryApp(dirs=Dirs(Path(data_dir), Path(data_dir) / "config"))
    exit_after_first_paint(app, "TodayScreen")
    app.run(headless=True, size=(100, 32))
    return 0


def _time_child(command: list[str]) -> tuple[float, int]:
    """(ms from spawn to first paint, peak RSS in KiB) of one child run."""
    started = time.time()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert child.stdout is not None
    out = child.stdout.read().decode()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    painted = [line for line in out.splitlines() if line.startswith("PAINT ")]
    if child.returncode != 0 or not painted:
        raise RuntimeError(f"{command} failed ({child.returncode}): {out[-500:]}")
    return (float(painted[0].split()[1]) - started) * 1000, usage.ru_maxrss


def run(data_dir: Path | None = None, runs: int = RUNS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        if data_dir is None:
            data_dir = Path(tmp) / "data"
            make_five_years(data_dir)
        ours_cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(data_dir)]
        bare_cmd = [sys.executable, str(BENCH / "bare_app.py"), "--bench"]
        _time_child(ours_cmd)  # warm the file cache for both, untimed
        _time_child(bare_cmd)
        ours, bare = [], []
        for _ in range(runs):  # interleaved, so a busy moment hits both alike
            ours.append(_time_child(ours_cmd))
            bare.append(_time_child(bare_cmd))
    ours_ms = statistics.median(t for t, _ in ours)
    bare_ms = statistics.median(t for t, _ in bare)
    ours_kib = statistics.median(m for _, m in ours)
    bare_kib = statistics.median(m for _, m in bare)
    return {
        "ours_ms": ours_ms,
        "bare_ms": bare_ms,
        "ratio": ours_ms / bare_ms,
        "ours_rss_kib": ours_kib,
        "bare_rss_kib": bare_kib,
        "rss_ratio": ours_kib / bare_kib,
        "runs": runs,
    }


def make_five_years(data_dir: Path, days: int = 1826) -> None:
    """What ``recovery-tui demo --days 1826`` writes, ending today."""
    from recovery_tui.domain.clock import SystemClock
    from recovery_tui.domain.demo import make_demo
    from recovery_tui.store import Repository

    clock = SystemClock()
    demo = make_demo(days, clock.now(), clock.tz_name)
    with Repository.open(data_dir, clock) as repo:
        repo.bulk_import(demo.runs, demo.checkins, demo.tasks, demo.sessions)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return _ours_child(argv[1])
    result = run()
    print(
        f"first painted Today frame: {result['ours_ms']:.0f} ms median of {result['runs']}\n"
        f"bare Textual app (label):  {result['bare_ms']:.0f} ms median\n"
        f"ratio: {result['ratio']:.2f}x (target <= {TARGET_RATIO}x)\n"
        f"peak memory: {result['ours_rss_kib'] / 1024:.1f} MiB vs "
        f"{result['bare_rss_kib'] / 1024:.1f} MiB ({result['rss_ratio']:.2f}x)"
    )
    return 0 if result["ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Start to the first painted Today frame, headless, against a bare Textual app.

Each app runs in a fresh process, headless at 100x32, several times; the time is from just
before the process is spawned to its first frame that would reach a terminal (imports,
opening five years of ``demo`` records, composing Today and encoding the frame as a
terminal would get it; a frame Textual drops while it holds a batch of updates is not
counted). The median of each and their ratio are reported (target: 1.25x or less), with
each process's own peak resident size (``VmHWM``, read by the process itself at the paint:
a figure from the parent's ``wait4`` would include the memory of the process that spawned
it).

    .venv/bin/python bench/bench_startup.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from support import BENCH, child_env, interleaved, make_demo, median

TARGET_RATIO = 1.25
RUNS = 7


def _ours_child(data_dir: str) -> int:
    """In the child: recovery-tui as ``recovery-tui`` with no command opens it."""
    import gc

    gc.disable()  # as recovery_tui.cli.main does from the start of the process
    sys.path.insert(0, str(BENCH))
    from bare_app import exit_after_first_paint

    from recovery_tui.app import RecoveryApp
    from recovery_tui.paths import Dirs

    app = RecoveryApp(dirs=Dirs(Path(data_dir), Path(data_dir).parent / "config"))
    exit_after_first_paint(app, "TodayScreen")
    app.run(headless=True, size=(100, 32))
    return 0


def _time_child(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(ms from spawn to first paint, peak RSS in KiB at that paint) of one child run."""
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    out = done.stdout.decode()
    painted = [line.split() for line in out.splitlines() if line.startswith("PAINT ")]
    if done.returncode != 0 or not painted:
        raise RuntimeError(f"{command} failed ({done.returncode}): {out[-500:]}")
    _, when, rss = painted[0]
    return (float(when) - started) * 1000, int(rss)


def run(data_dir: Path | None = None, runs: int = RUNS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        if data_dir is None:
            data_dir = make_demo(Path(tmp) / "data", 1826)
        env = child_env(data_dir)
        ours_cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(data_dir)]
        bare_cmd = [sys.executable, str(BENCH / "bare_app.py"), "--bench"]
        _time_child(ours_cmd, env)  # warm the file cache for both, untimed
        _time_child(bare_cmd, env)
        ours, bare = interleaved(
            runs, lambda: _time_child(ours_cmd, env), lambda: _time_child(bare_cmd, env)
        )
    ours_ms, bare_ms = median([t for t, _ in ours]), median([t for t, _ in bare])
    ours_kib, bare_kib = median([m for _, m in ours]), median([m for _, m in bare])
    return {
        "ours_ms": ours_ms,
        "bare_ms": bare_ms,
        "ratio": ours_ms / bare_ms,
        "ours_rss_kib": ours_kib,
        "bare_rss_kib": bare_kib,
        "rss_ratio": ours_kib / bare_kib,
        "runs": runs,
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return _ours_child(argv[1])
    result = run()
    print(
        f"first painted Today frame: {result['ours_ms']:.0f} ms median of {result['runs']}\n"
        f"bare Textual app (label):  {result['bare_ms']:.0f} ms median\n"
        f"ratio: {result['ratio']:.2f}x (target <= {TARGET_RATIO}x)\n"
        f"peak memory at the paint: {result['ours_rss_kib'] / 1024:.1f} MiB vs "
        f"{result['bare_rss_kib'] / 1024:.1f} MiB ({result['rss_ratio']:.2f}x)"
    )
    return 0 if result["ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

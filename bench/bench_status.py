"""``recovery-tui status`` on five years of history: from spawn to exit of a fresh process,
as a tmux status line or a shell prompt runs it. Several runs, the median reported, against
a Python that only starts and exits (the floor no command can go under).

    .venv/bin/python bench/bench_status.py
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

RUNS = 15
TARGET_MS = 100.0


def _time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def run(data_dir: Path | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        data = data_dir or Path(tmp) / "data"
        env = {**os.environ, "RECOVERY_TUI_DATA_DIR": str(data)}
        # An installed package has its bytecode compiled when it is installed; a checkout
        # gets it on the first run, unless the environment forbids writing it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if data_dir is None:
            subprocess.run(
                [sys.executable, "-m", "recovery_tui", "demo", "--days", "1826"],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        status = [sys.executable, "-m", "recovery_tui", "status"]
        bare = [sys.executable, "-c", "pass"]
        _time(status, env)  # the first run writes the bytecode and fills the file cache
        ours, floor = [], []
        for _ in range(RUNS):
            ours.append(_time(status, env))
            floor.append(_time(bare, env))
    return {"status_ms": statistics.median(ours), "python_ms": statistics.median(floor)}


if __name__ == "__main__":
    result = run()
    print(
        f"status: {result['status_ms']:.0f} ms (median of {RUNS}; a bare Python start is "
        f"{result['python_ms']:.0f} ms); target {TARGET_MS:.0f} ms"
    )
    raise SystemExit(0 if result["status_ms"] <= TARGET_MS else 1)

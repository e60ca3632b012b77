"""The quick commands, from spawn to exit, against a Python that only starts and exits.

``recovery-tui today``, ``recovery-tui checkin --energy N`` (a real write) and
``recovery-tui status``, each a fresh process of the installed entry point on five years of
``demo`` data, as a shell prompt, a status bar or a script runs them; ``python -c pass`` is
the floor no command can go under. Interleaved runs, medians; target: each command 4x the
floor or less.

    .venv/bin/python bench/bench_cli.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from support import child_env, entry_point, make_demo, median

RUNS = 15
TARGET_RATIO = 4.0
COMMANDS = {
    "today": ["today"],
    "checkin": ["checkin", "--energy", "ENERGY"],
    "status": ["status"],
}


def _ms(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def run(data_dir: Path | None = None, runs: int = RUNS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        if data_dir is None:
            data_dir = make_demo(Path(tmp) / "data", 1826)
        env = child_env(data_dir)
        floor_cmd = [sys.executable, "-c", "pass"]
        times: dict[str, list[float]] = {name: [] for name in ["python", *COMMANDS]}
        for attempt in range(runs + 1):  # the first round fills the file cache, untimed
            round_ = {"python": _ms(floor_cmd, env)}
            for name, args in COMMANDS.items():
                args = [str(attempt % 10) if a == "ENERGY" else a for a in args]
                round_[name] = _ms([*entry_point(), *args], env)
            if attempt:
                for name, value in round_.items():
                    times[name].append(value)
    floor = median(times["python"])
    result: dict[str, Any] = {"python_ms": floor, "runs": runs}
    for name in COMMANDS:
        result[f"{name}_ms"] = median(times[name])
        result[f"{name}_ratio"] = result[f"{name}_ms"] / floor
    return result


def main() -> int:
    result = run()
    print(f"python -c pass: {result['python_ms']:.1f} ms (median of {result['runs']})")
    ok = True
    for name in COMMANDS:
        ratio = result[f"{name}_ratio"]
        ok = ok and ratio <= TARGET_RATIO
        print(f"recovery-tui {name}: {result[f'{name}_ms']:.1f} ms, {ratio:.2f}x")
    print(f"target: each <= {TARGET_RATIO:.0f}x")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""What the benchmarks share: the machine they ran on, the environment of the processes they
start, sample data made by the real ``demo`` command, and medians of interleaved runs.

Child processes run the package as an installed copy would: with its bytecode compiled
(``compile_package``), and without ``PYTHONDONTWRITEBYTECODE``, which would make every
start compile the package's sources again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

# compileall, platform and importlib.metadata are imported where used: bench_startup's
# child process imports this module and must not pay for them.

BENCH = Path(__file__).resolve().parent
PACKAGE = BENCH.parent / "recovery_tui"
T = TypeVar("T")


def compile_package() -> None:
    """Bytecode for the package, as ``pip install`` writes it for a wheel."""
    import compileall

    compileall.compile_dir(str(PACKAGE), quiet=1)


def child_env(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    if data_dir is not None:
        env["RECOVERY_TUI_DATA_DIR"] = str(data_dir)
        env["RECOVERY_TUI_CONFIG_DIR"] = str(data_dir.parent / "config")
    env.update(extra)
    return env


def entry_point() -> list[str]:
    """``recovery-tui`` as a user runs it: the console script beside this Python, or the
    module when the script is missing (a checkout run with another interpreter)."""
    script = Path(sys.executable).parent / "recovery-tui"
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "recovery_tui"]


def make_demo(data_dir: Path, days: int) -> Path:
    """Exactly what ``recovery-tui demo --days DAYS`` writes, ending today: the command
    itself is run."""
    subprocess.run(
        [*entry_point(), "demo", "--days", str(days)],
        env=child_env(data_dir),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return data_dir


def data_size(data_dir: Path) -> tuple[int, int]:
    """(files, bytes) of the data files (main file and month files; no backups)."""
    files = [data_dir / "recovery.json", *sorted((data_dir / "months").glob("*.json"))]
    present = [f for f in files if f.exists()]
    return len(present), sum(f.stat().st_size for f in present)


def interleaved(
    runs: int, first: Callable[[], T], second: Callable[[], T]
) -> tuple[list[T], list[T]]:
    """``first`` and ``second`` one after the other ``runs`` times, so a busy moment of the
    machine falls on both alike."""
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return a, b


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def cpu_model() -> str:
    import platform

    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, str]:
    """When and where the numbers were taken."""
    import datetime
    import platform
    from importlib import metadata

    try:
        load = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        load = "?"
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "textual": metadata.version("textual"),
        "tinydb": metadata.version("tinydb"),
        "system": f"{platform.system()} {platform.release()}",
        "load": load,
    }


def vm_kib(pid: int | str, field: str) -> int:
    """A memory figure of a process from ``/proc/<pid>/status`` (``VmHWM``: its peak
    resident size since it started, not counting the process that spawned it)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")

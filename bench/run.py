"""Every benchmark in one run, printed as one table of ratios measured side by side.

    .venv/bin/python bench/run.py

Five years of history (``make_demo(1826, ...)``, what ``recovery-tui demo --days 1826``
writes) are made once in a temporary directory and used by the start-up and timer
benchmarks; ``bench_write`` and ``bench_history`` build their own five years the same way.
See bench/README.md for what each row means.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_startup
import bench_timer
import bench_write

Row = tuple[str, str, str, str, str, str]


def _attempt(name: str, action: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
    try:
        return action()
    except Exception as error:  # one broken bench must not hide the others
        print(f"{name}: failed ({type(error).__name__}: {error})", file=sys.stderr)
        return None


def _history() -> dict[str, Any] | None:
    try:
        import bench_history
    except ImportError:
        return None
    return _attempt("bench_history", bench_history.run)


def _ok(value: float, target: float) -> str:
    return "yes" if value <= target else "NO"


def rows() -> list[Row]:
    table: list[Row] = []
    write = _attempt("bench_write", bench_write.run)
    if write:
        table.append((
            "one durable write vs stock TinyDB insert",
            f"{write['ours_write_ms']:.2f} ms",
            f"{write['stock_insert_ms']:.1f} ms",
            f"{write['ratio']:.3f}x",
            "<= 0.15x",
            _ok(write["ratio"], 0.15),
        ))  # fmt: skip
    else:
        table.append(("one durable write vs stock TinyDB insert", "n/a", "", "", "<= 0.15x", ""))
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        data = Path(tmp) / "data"
        bench_startup.make_five_years(data)
        startup = _attempt("bench_startup", lambda: bench_startup.run(data))
        timer = _attempt("bench_timer", lambda: bench_timer.run(data))
    if startup:
        table.append((
            "start to first painted Today vs bare app",
            f"{startup['ours_ms']:.0f} ms",
            f"{startup['bare_ms']:.0f} ms",
            f"{startup['ratio']:.2f}x",
            "<= 1.25x",
            _ok(startup["ratio"], 1.25),
        ))  # fmt: skip
    else:
        table.append(("start to first painted Today vs bare app", "n/a", "", "", "<= 1.25x", ""))
    history = _history()
    if history:
        opened = history.get("open_median_ms", history.get("open_ms"))
        moved = history["move_median_ms"]
        for label, value in (("open History (median)", opened), ("move a week (median)", moved)):
            table.append((label, f"{value:.0f} ms", "", f"{value:.0f} ms", "<= 100 ms",
                          _ok(value, 100)))  # fmt: skip
    else:
        table.append(("open History / move a week", "n/a", "", "", "<= 100 ms", ""))
    if timer:
        table.append((
            "30-min session end error, stalling clock",
            f"{timer['end_error_ms']:.3f} ms",
            "exact end",
            f"{timer['end_error_ms']:.3f} ms",
            "<= 20 ms",
            _ok(timer["end_error_ms"], 20),
        ))  # fmt: skip
        table.append((
            "CPU while a real walk timer runs",
            f"{timer['cpu_percent']:.2f} %",
            "1 core",
            f"{timer['cpu_percent']:.2f} %",
            "<= 1 %",
            _ok(timer["cpu_percent"], 1.0),
        ))  # fmt: skip
        table.append((
            "peak memory (walk running) vs bare app",
            f"{timer['ours_rss_kib'] / 1024:.1f} MiB",
            f"{timer['bare_rss_kib'] / 1024:.1f} MiB",
            f"{timer['rss_ratio']:.2f}x",
            "<= 1.3x",
            _ok(timer["rss_ratio"], 1.3),
        ))  # fmt: skip
    else:
        table.append(("timer: end error, CPU, memory", "n/a", "", "", "", ""))
    return table


def render(table: list[Row]) -> str:
    header: Row = ("metric", "measured", "baseline", "ratio/value", "target", "ok")
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]

    def line(row: Row) -> str:
        return " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in table)])


def main() -> int:
    started = time.monotonic()
    table = rows()
    print(render(table))
    print(f"({time.monotonic() - started:.0f} s, Python {sys.version.split()[0]})")
    return 0 if all(row[5] in ("yes", "") for row in table) else 1


if __name__ == "__main__":
    sys.exit(main())

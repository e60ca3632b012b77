"""Every benchmark in one run, printed as one table of ratios measured side by side.

    .venv/bin/python bench/run.py

The data is what ``recovery-tui demo`` writes (five years: ``--days 1826``; the write
benchmark also two weeks, History twenty years), made by the command itself in temporary
directories. The package's bytecode is compiled first and the programs timed run without
``PYTHONDONTWRITEBYTECODE``, as an installed copy does. A five-minute walk with stalls runs
in a pseudo-terminal while the other benchmarks run (it takes under 1 % of a core), so the
whole run takes about six minutes. See bench/README.md for what each row means. Exit code
0 only when every target holds.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import support

Row = tuple[str, str, str, str, str, str]


def _attempt(name: str, action: Callable[[], Any]) -> Any:
    try:
        return action()
    except Exception as error:  # one broken bench must not hide the others
        print(f"{name}: failed ({type(error).__name__}: {error})", file=sys.stderr)
        return None


def _ok(value: float, target: float) -> str:
    return "yes" if value <= target else "NO"


def _ratio_row(name: str, ours: str, base: str, ratio: float, target: float) -> Row:
    return (name, ours, base, f"{ratio:.2f}x", f"<= {target:g}x", _ok(ratio, target))


def _value_row(name: str, value: float, unit: str, target: float, digits: int = 0) -> Row:
    shown = f"{value:.{digits}f} {unit}"
    return (name, shown, "", shown, f"<= {target:g} {unit}", _ok(value, target))


def _failed(name: str, target: str) -> Row:
    return (name, "failed", "", "", target, "NO")


def rows() -> list[Row]:
    import bench_cli
    import bench_history
    import bench_recoveries
    import bench_startup
    import bench_terminal
    import bench_timer
    import bench_write

    table: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        data = support.make_demo(Path(tmp) / "data", 1826)
        walk_data = support.make_demo(Path(tmp) / "walk" / "data", 1826)
        walk = bench_timer.start_walk(walk_data)

        for days, label in ((1826, "five years"), (14, "two weeks")):
            write = _attempt("bench_write", lambda d=days: bench_write.run(d))
            name = f"durable write vs stock TinyDB insert, {label}"
            if write:
                table.append(
                    _ratio_row(
                        name,
                        f"{write['ours_ms']:.2f} ms",
                        f"{write['stock_ms']:.2f} ms",
                        write["ratio"],
                        write["target"],
                    )
                )
            else:
                table.append(_failed(name, f"<= {bench_write.TARGETS[days]:g}x"))

        terminal = _attempt("bench_terminal", lambda: bench_terminal.run(data))
        name = "complete Today in a terminal vs bare app"
        if terminal:
            table.append(
                _ratio_row(
                    name,
                    f"{terminal['ours_ms']:.0f} ms",
                    f"{terminal['bare_ms']:.0f} ms",
                    terminal["ratio"],
                    bench_terminal.TARGET_RATIO,
                )
            )
        else:
            table.append(_failed(name, "<= 1.25x"))

        startup = _attempt("bench_startup", lambda: bench_startup.run(data))
        name = "first painted Today, headless, vs bare app"
        if startup:
            table.append(
                _ratio_row(
                    name,
                    f"{startup['ours_ms']:.0f} ms",
                    f"{startup['bare_ms']:.0f} ms",
                    startup["ratio"],
                    bench_startup.TARGET_RATIO,
                )
            )
        else:
            table.append(_failed(name, "<= 1.25x"))

        cli = _attempt("bench_cli", lambda: bench_cli.run(data))
        for command in bench_cli.COMMANDS:
            name = f"recovery-tui {command} vs python -c pass"
            if cli:
                table.append(
                    _ratio_row(
                        name,
                        f"{cli[f'{command}_ms']:.0f} ms",
                        f"{cli['python_ms']:.0f} ms",
                        cli[f"{command}_ratio"],
                        bench_cli.TARGET_RATIO,
                    )
                )
            else:
                table.append(_failed(name, "<= 4x"))

        history = _attempt("bench_history", bench_history.run)
        for key, label in (("open", "open History"), ("move", "move a week")):
            name = f"{label}, twenty years (median)"
            if history:
                table.append(_value_row(name, history[f"{key}_median_ms"], "ms", 100))
            else:
                table.append(_failed(name, "<= 100 ms"))

        recoveries = _attempt("bench_recoveries", bench_recoveries.run)
        name = "runs list and curve, slowest median"
        if recoveries:
            worst = max(recoveries["ratios"], key=recoveries["ratios"].get)
            value = recoveries["ratios"][worst] * recoveries["budget_ms"]
            table.append(_value_row(f"{name} ({worst})", value, "ms", 100))
        else:
            table.append(_failed(name, "<= 100 ms"))

        timer = _attempt("bench_timer", bench_timer.run)
        name = "30-min session end error, stalling fake clock"
        if timer:
            table.append(_value_row(name, timer["end_error_ms"], "ms", 20, 3))
        else:
            table.append(_failed(name, "<= 20 ms"))

        real = _attempt("real walk", walk.result)
    minutes = bench_timer.WALK_MINUTES
    if real:
        table.append(
            _value_row(
                f"{minutes}-min walk end error, real clock, stopped 3 times",
                real["real_end_error_ms"],
                "ms",
                20,
                3,
            )
        )
        table.append(_value_row("CPU while a real walk timer runs", real["cpu_percent"], "%", 1, 2))
        if timer:
            table.append(
                _ratio_row(
                    "peak memory during a walk vs bare app",
                    f"{real['walk_rss_kib'] / 1024:.1f} MiB",
                    f"{timer['bare_rss_kib'] / 1024:.1f} MiB",
                    real["walk_rss_kib"] / timer["bare_rss_kib"],
                    1.3,
                )
            )
    else:
        table.append(_failed(f"{minutes}-min walk: end error, CPU, peak memory", ""))
    return table


def render(table: list[Row]) -> str:
    header: Row = ("metric", "measured", "baseline", "ratio/value", "target", "ok")
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]

    def line(row: Row) -> str:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        return ("| " + " | ".join(cells) + " |").rstrip()

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in table)])


def main() -> int:
    started = time.monotonic()
    support.compile_package()
    table = rows()
    machine = support.machine()
    print(
        f"recovery-tui benchmarks, {machine['date']}: {machine['cpu']}, {machine['cores']} "
        f"cores (load {machine['load']} at the end), {machine['system']}, Python "
        f"{machine['python']}, Textual {machine['textual']}, TinyDB {machine['tinydb']}\n"
    )
    print(render(table))
    print(f"\n({time.monotonic() - started:.0f} s)")
    return 0 if all(row[5] == "yes" for row in table) else 1


if __name__ == "__main__":
    sys.exit(main())

"""One durable write against stock TinyDB, on exactly the data ``demo`` makes.

``recovery-tui demo --days N`` fills a data dir (five years: N = 1826; two weeks: N = 14).
Every document it wrote (runs from the main file; check-ins, task states and sessions from
the month files) is then inserted into a stock ``TinyDB(path)`` (the default JSONStorage:
one file holding everything), and the two are timed one write after the other:

- ours: ``Repository.set_task_count`` for today: take the data lock, check the main file,
  rewrite the day's month file to a temporary file, fsync it, rename it over the old one and
  fsync the directory (the day's backup is taken by an untimed first write);
- stock: ``table.insert`` of the same task document: TinyDB 4.9's JSONStorage reads and
  parses the whole file, writes it all back in place, flushes and fsyncs it (no temporary
  file, no rename, no directory fsync, no lock: a crash mid-write leaves a cut-off file).

Medians of interleaved writes; targets: 0.15x or less at five years, and no slower than
stock (1x or less) at two weeks.

    .venv/bin/python bench/bench_write.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import data_size, interleaved, make_demo, median

FIVE_YEARS, TWO_WEEKS = 1826, 14
TARGETS = {FIVE_YEARS: 0.15, TWO_WEEKS: 1.0}
REPEATS = 31


def _documents(data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Every document the demo wrote, by table, as stored."""
    main = json.loads((data_dir / "recovery.json").read_text(encoding="utf-8"))
    tables: dict[str, list[dict[str, Any]]] = {
        "runs": list(main["runs"].values()),
        "checkins": [],
        "tasks": [],
        "sessions": [],
    }
    for month in sorted((data_dir / "months").glob("*.json")):
        for name, docs in json.loads(month.read_text(encoding="utf-8")).items():
            tables[name].extend(docs.values())
    return tables


def _ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def run(days: int, repeats: int = REPEATS) -> dict[str, Any]:
    from tinydb import TinyDB  # the stock baseline; only store/ and this bench use TinyDB

    from recovery_tui.domain.clock import SystemClock, today
    from recovery_tui.store import Repository

    with tempfile.TemporaryDirectory(prefix="bench-write-") as tmp:
        data = make_demo(Path(tmp) / "data", days)
        files, data_bytes = data_size(data)
        tables = _documents(data)
        stock_path = Path(tmp) / "stock.json"
        stock = TinyDB(stock_path)
        for name, docs in tables.items():
            stock.table(name).insert_multiple(docs)
        clock = SystemClock()
        day = today(clock)
        repo = Repository.open(data, clock)
        repo.set_task_count(day, "walk", 0)  # the day's first write also takes the backup
        month_bytes = (data / "months" / f"{day:%Y-%m}.json").stat().st_size
        table = stock.table("tasks")
        extra = dict(tables["tasks"][-1])
        counter = iter(range(10**6))
        ours, theirs = interleaved(
            repeats,
            lambda: _ms(lambda: repo.set_task_count(day, "walk", next(counter) % 4)),
            lambda: _ms(lambda: table.insert(dict(extra))),
        )
        repo.close()
        stock.close()
        stock_bytes = stock_path.stat().st_size
    ours_ms, stock_ms = median(ours), median(theirs)
    return {
        "days": days,
        "documents": sum(len(docs) for docs in tables.values()),
        "data_files": files,
        "data_kib": data_bytes / 1024,
        "month_kib": month_bytes / 1024,
        "stock_kib": stock_bytes / 1024,
        "ours_ms": ours_ms,
        "stock_ms": stock_ms,
        "ratio": ours_ms / stock_ms,
        "target": TARGETS.get(days, 1.0),
    }


def main() -> int:
    ok = True
    for days in (FIVE_YEARS, TWO_WEEKS):
        r = run(days)
        ok = ok and r["ratio"] <= r["target"]
        print(
            f"demo --days {days}: {r['documents']} documents, {r['data_files']} data files, "
            f"{r['data_kib']:.0f} KiB\n"
            f"  one durable write: {r['ours_ms']:.2f} ms median, rewrites the "
            f"{r['month_kib']:.0f} KiB month file\n"
            f"  stock TinyDB insert: {r['stock_ms']:.2f} ms median, rewrites its "
            f"{r['stock_kib']:.0f} KiB file\n"
            f"  ratio {r['ratio']:.3f}x (target <= {r['target']}x)"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

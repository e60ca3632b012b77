"""How long one durable write takes with five years of history, against stock TinyDB.

Builds about five years of day documents (a check-in, ten task states and two sessions a
day) with ``Repository.bulk_import`` in a temporary directory, then times one
``set_task_count`` (lock, re-read if changed, atomic write with fsync) against one insert
into a stock ``TinyDB(path)`` (default JSONStorage, no fsync) that holds the same documents
in one file. Prints the median of each and their ratio (target: 0.15x or less).

    .venv/bin/python bench/bench_write.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pendulum

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import (
    AREAS,
    CheckIn,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    Side,
    StepRecord,
    TaskState,
)
from recovery_tui.store import Repository

TZ = "Europe/Amsterdam"
LAST_DAY = date(2026, 11, 26)
YEARS = 5
TASK_IDS = (
    "hydrate", "walk", "stretch", "massage", "foam_roll",
    "ice", "heat", "checkin", "stand_check", "sleep",
)  # fmt: skip
TARGET_RATIO = 0.15


def _instant(day: date, hour: int) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00.000000Z"


def synthetic_history(days: int, seed: int = 7) -> tuple[list, list, list, list]:
    rng = random.Random(seed)
    runs, checkins, tasks, sessions = [], [], [], []
    for n in range(days):
        day = LAST_DAY - timedelta(days=days - n)
        if n % 7 == 0:
            km, effort = round(rng.uniform(5, 21.1), 1), rng.randint(3, 9)
            runs.append(Run(day, km, effort, RunKind.LONG, None, _instant(day, 9), TZ))
        checkins.append(
            CheckIn(
                day=day,
                soreness={a: rng.randint(0, 6) for a in AREAS},
                recorded_at=_instant(day, 7),
                tz=TZ,
                energy=rng.randint(3, 9),
                sleep_hours=round(rng.uniform(6, 9), 1),
                cups=rng.randint(4, 9),
                note="synthetic",
            )
        )
        tasks.extend(TaskState(day, t, rng.randint(0, 3), _instant(day, 20), TZ) for t in TASK_IDS)
        steps = tuple(
            StepRecord(f"Stretch {i}", Side.LEFT if i % 2 else Side.RIGHT, 150.0, 150.0)
            for i in range(12)
        )
        for kind, seconds, step_list in (("walk", 900.0, ()), ("stretch", 1800.0, steps)):
            sessions.append(
                SessionRecord(
                    id=f"{day.isoformat()}-{kind}",
                    day=day,
                    routine_id=kind,
                    routine_name=kind.title(),
                    kind=kind,
                    status=SessionStatus.COMPLETED,
                    planned_seconds=seconds,
                    actual_seconds=seconds,
                    started_at=_instant(day, 10),
                    ended_at=_instant(day, 11),
                    tz=TZ,
                    steps=step_list,
                )
            )
    return runs, checkins, tasks, sessions


def _median_ms(action: Callable[[int], None], repeats: int) -> float:
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(days: int = YEARS * 365 + 1, repeats: int = 21) -> dict[str, float]:
    from tinydb import TinyDB  # the stock baseline; only store/ and this bench use TinyDB

    runs, checkins, tasks, sessions = synthetic_history(days)
    documents = len(runs) + len(checkins) + len(tasks) + len(sessions)
    with tempfile.TemporaryDirectory(prefix="bench-write-") as tmp:
        clock = FakeClock(pendulum.datetime(2026, 11, 26, 21, tz=TZ))
        ours_dir = Path(tmp) / "ours"
        started = time.perf_counter()
        repo = Repository.open(ours_dir, clock)
        repo.bulk_import(runs, checkins, tasks, sessions)
        bulk_seconds = time.perf_counter() - started
        today = LAST_DAY - timedelta(days=1)
        repo.set_task_count(today, "walk", 0)  # the day's first write also takes the backup
        ours_ms = _median_ms(lambda i: repo.set_task_count(today, "walk", i % 4), repeats)
        repo.close()
        month_bytes = (ours_dir / "months" / f"{today:%Y-%m}.json").stat().st_size

        stock_path = Path(tmp) / "stock.json"
        stock = TinyDB(stock_path)
        stock.table("runs").insert_multiple(r.to_dict() for r in runs)
        stock.table("checkins").insert_multiple(c.to_dict() for c in checkins)
        stock.table("tasks").insert_multiple(t.to_dict() for t in tasks)
        stock.table("sessions").insert_multiple(s.to_dict() for s in sessions)
        table = stock.table("tasks")
        extra = TaskState(today, "walk", 1, _instant(today, 21), TZ).to_dict()
        stock_ms = _median_ms(lambda i: table.insert(dict(extra)), max(5, repeats // 2))
        stock.close()
        stock_bytes = stock_path.stat().st_size

    return {
        "days": float(days),
        "documents": float(documents),
        "bulk_import_seconds": bulk_seconds,
        "ours_write_ms": ours_ms,
        "stock_insert_ms": stock_ms,
        "ratio": ours_ms / stock_ms,
        "month_file_kib": month_bytes / 1024,
        "stock_file_kib": stock_bytes / 1024,
    }


def main() -> int:
    result = run()
    print(
        f"history: {result['days']:.0f} days, {result['documents']:.0f} documents "
        f"(bulk import {result['bulk_import_seconds']:.2f} s)\n"
        f"one durable write (set_task_count): {result['ours_write_ms']:.2f} ms median, "
        f"rewrites a {result['month_file_kib']:.0f} KiB month file\n"
        f"stock TinyDB insert:                {result['stock_insert_ms']:.2f} ms median, "
        f"rewrites a {result['stock_file_kib']:.0f} KiB file\n"
        f"ratio: {result['ratio']:.3f}x (target <= {TARGET_RATIO}x)"
    )
    return 0 if result["ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

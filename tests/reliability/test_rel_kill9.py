"""kill -9 at random moments during writes, 100 times: the files always parse, every write
the writer saw confirmed is there, and the next open leaves no temporary file behind.

The writer is a fork of this process (the store is already imported, so each round starts
in a millisecond); it prints each value after the call that saved it has returned.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from datetime import date
from pathlib import Path

import pendulum
import pytest

from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, CheckIn
from recovery_tui.store import Repository
from recovery_tui.store.atomic import TEMP_MARK

ROUNDS = 100
DAY = date(2026, 11, 26)
TASK = "walks"


def clock() -> FakeClock:
    return FakeClock(pendulum.datetime(2026, 11, 26, 9, 30, tz="Europe/Paris"))


def writer(data: Path, out: int, start: int) -> None:
    """Runs in the forked child until it is killed."""
    repo = Repository.open(data, clock())
    n = start
    while True:
        n += 1
        state = repo.bump_task(DAY, TASK, 1, 0, 10**9)
        os.write(out, f"bump {state.count}\n".encode())
        checkin = CheckIn(DAY, {Area.ANKLES: n % 11}, "2026-11-26T08:30:00Z", "UTC", note=str(n))
        repo.save_checkin(checkin)
        os.write(out, f"checkin {n}\n".encode())


def read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def kill_during_writes(data: Path, start: int, delay: float) -> tuple[int | None, int | None]:
    """Fork a writer, SIGKILL it after ``delay`` s; the last confirmed (bump, check-in)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            writer(data, write_end, start)
        finally:
            os._exit(1)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    text = read_all(read_end)
    os.close(read_end)
    bump = checkin = None
    for line in text.splitlines():
        kind, _, value = line.partition(" ")
        if kind == "bump" and value:
            bump = int(value)
        elif kind == "checkin" and value:
            checkin = int(value)
    return bump, checkin


def assert_every_file_parses(data: Path) -> None:
    for path in [data / "recovery.json", *(data / "months").glob("*.json")]:
        json.loads(path.read_bytes().decode("utf-8"))


@pytest.mark.slow
def test_kill_9_during_writes_loses_no_confirmed_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Repository.open(data, clock()).close()
    rng = random.Random(20261126)
    confirmed_bump = 0
    confirmed_checkin = 0
    n = 0
    interrupted_with_temp = 0
    for _ in range(ROUNDS):
        bump, checkin = kill_during_writes(data, n, rng.uniform(0.005, 0.060))
        confirmed_bump = bump if bump is not None else confirmed_bump
        confirmed_checkin = checkin if checkin is not None else confirmed_checkin
        assert_every_file_parses(data)
        interrupted_with_temp += bool(list(data.rglob(f".*{TEMP_MARK}*")))
        with Repository.open(data, clock()) as repo:
            assert repo.notices == []
            count = repo.task_states(DAY)[TASK].count if confirmed_bump else 0
            stored = repo.checkin(DAY)
        assert not list(data.rglob(f".*{TEMP_MARK}*"))
        # At most one more write than was confirmed may have landed before the kill.
        assert confirmed_bump <= count <= confirmed_bump + 1
        confirmed_bump = count
        if confirmed_checkin:
            assert stored is not None
            assert confirmed_checkin <= int(stored.note) <= confirmed_checkin + 1
            confirmed_checkin = int(stored.note)
        elif stored is not None:
            confirmed_checkin = int(stored.note)  # landed, though killed before saying so
        n = confirmed_checkin  # the next writer goes on from the stored value
    assert confirmed_bump > ROUNDS  # the writers really wrote, round after round
    # Some kills landed mid-write (a temporary file was left), so the hard case was met.
    assert interrupted_with_temp > 0

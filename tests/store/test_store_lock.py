"""Two running copies (the app and the CLI) writing to one data dir never lose a change."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from store_samples import make_checkin, make_run

from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import LockBusy, Repository

D = date(2026, 11, 26)


def test_interleaved_writes_from_two_repositories_are_all_kept(store_dir: Path, clock: FakeClock):
    app = Repository.open(store_dir, clock)
    cli = Repository.open(store_dir, clock)
    runs = [make_run(D, run_id="from-app"), make_run(D, run_id="from-cli")]
    for n in range(5):
        app.bump_task(D, "walk", 1)
        cli.bump_task(D, "walk", 1)
        app.save_checkin(make_checkin(date(2026, 11, 1 + 2 * n)))
        cli.save_checkin(make_checkin(date(2026, 11, 2 + 2 * n)))
    app.add_run(runs[0])
    cli.add_run(runs[1])
    app.set_setting("theme", "dark")
    cli.set_setting("bell", False)
    for repo in (app, cli):
        assert repo.task_states(D)["walk"].count == 10
        assert len(repo.checkins(date(2026, 11, 1), date(2026, 11, 30))) == 10
        assert {r.id for r in repo.runs()} == {"from-app", "from-cli"}
        assert (repo.get_setting("theme"), repo.get_setting("bell")) == ("dark", False)
    app.close()
    cli.close()


BUMPER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    import pendulum
    from recovery_tui.domain.clock import FakeClock
    from recovery_tui.store import Repository

    clock = FakeClock(pendulum.datetime(2026, 11, 26, 8, tz="Europe/Amsterdam"))
    repo = Repository.open(Path(sys.argv[1]), clock)
    for _ in range(int(sys.argv[2])):
        repo.bump_task(date(2026, 11, 26), "water", 1, high=10_000)
    repo.close()
    """
)


def test_two_processes_bumping_at_once_add_up(store_dir: Path, clock: FakeClock):
    Repository.open(store_dir, clock).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", BUMPER, str(store_dir), "25"]) for _ in range(2)
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    with Repository.open(store_dir, clock) as repo:
        assert repo.task_states(D)["water"].count == 50


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from recovery_tui.store.lock import DataLock

    lock = DataLock(Path(sys.argv[1]) / ".lock")
    with lock.hold():
        print("held", flush=True)
        sys.stdin.readline()
    """
)


@pytest.fixture
def lock_holder(store_dir: Path, clock: FakeClock):
    Repository.open(store_dir, clock).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.stdin.close()
        proc.wait(timeout=10)


def release(proc: subprocess.Popen) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    assert proc.wait(timeout=10) == 0


def test_opening_waits_for_the_lock_and_names_its_holder(
    store_dir: Path, clock: FakeClock, lock_holder: subprocess.Popen
):
    month = store_dir / "months" / "2026-11.json"
    with pytest.raises(LockBusy) as opening:
        Repository.open(store_dir, clock, lock_timeout=0.1)
    assert opening.value.holder_pid == lock_holder.pid
    release(lock_holder)
    with Repository.open(store_dir, clock, lock_timeout=0.1) as repo:
        repo.save_checkin(make_checkin(D))
        assert month.exists()


def test_a_busy_lock_saves_nothing_and_says_who_holds_it(store_dir: Path, clock: FakeClock):
    repo = Repository.open(store_dir, clock, lock_timeout=0.1)
    repo.set_task_count(D, "walk", 1)
    month = store_dir / "months" / "2026-11.json"
    before = month.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    with pytest.raises(LockBusy) as caught:
        repo.set_task_count(D, "walk", 2)
    assert caught.value.holder_pid == proc.pid
    assert f"pid {proc.pid}" in str(caught.value)
    assert str(store_dir) in str(caught.value)
    assert month.read_bytes() == before
    release(proc)
    assert repo.set_task_count(D, "walk", 2).count == 2
    repo.close()

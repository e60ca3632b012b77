"""A read-only data dir and a full disk: the old files stay byte-identical and the user is
told in words (CLI: one line and exit 1; app: a notification, the task not shown as done)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_factory import SIZE, make_app
from rel_support import assert_one_clear_line, cli, files_of

from recovery_tui.domain import plan as plan_rules
from recovery_tui.widgets.task_row import TaskRow

REAL_OPEN = os.open
REAL_REPLACE = os.replace
REAL_WRITE = os.write


def refuse_new_files(code: int) -> Callable[..., int]:
    """``os.open`` that cannot create files, as in a read-only directory."""

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and flags & os.O_EXCL:
            raise OSError(code, os.strerror(code), str(path))
        return REAL_OPEN(path, flags, *args, **kwargs)

    return fake_open


def refuse_replace(code: int) -> Callable[..., None]:
    def fake_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code), str(dst))

    return fake_replace


def disk_full(fd: int, data: Any) -> int:
    if fd > 2:  # our files; leave the terminal and pytest's capture alone
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return REAL_WRITE(fd, data)


FAULTS: dict[str, tuple[str, Callable[..., Any], str]] = {
    "EACCES on create": ("open", refuse_new_files(errno.EACCES), "Permission denied"),
    "EROFS on create": ("open", refuse_new_files(errno.EROFS), "Read-only file system"),
    "EROFS on replace": ("replace", refuse_replace(errno.EROFS), "Read-only file system"),
    "EACCES on replace": ("replace", refuse_replace(errno.EACCES), "Permission denied"),
    "ENOSPC on write": ("write", disk_full, "No space left on device"),
}


def filled(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two runs, so today's backups exist and the next write goes straight to the files.
    assert cli(capsys, data, "log-run", "--distance-km", "21.1", "--kind", "race")[0] == 0
    assert cli(capsys, data, "checkin", "--sore", "ankles=3", "--note", "x" * 1500)[0] == 0
    assert cli(capsys, data, "checkin", "--sore", "knees=2")[0] == 0
    assert cli(capsys, data, "log-run", "--distance-km", "5", "--date", "2026-01-01")[0] == 0


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
@pytest.mark.parametrize(
    "args",
    [("checkin", "--sore", "calves=5"), ("log-run", "--distance-km", "10")],
    ids=["checkin", "log-run"],
)
def test_the_cli_keeps_the_old_files_and_says_why_in_one_line(
    args: tuple[str, ...],
    fault: tuple[str, Callable[..., Any], str],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filled(data_dir, capsys)
    before = files_of(data_dir)
    name, fake, reason = fault
    with monkeypatch.context() as patched:
        patched.setattr(os, name, fake)
        code, out, err = cli(capsys, data_dir, *args)
    assert code == 1, (out, err)
    line = assert_one_clear_line(err)
    assert "could not save" in line and reason in line
    assert files_of(data_dir) == before
    assert not list(data_dir.rglob(".*.tmp-*"))
    assert cli(capsys, data_dir, *args)[0] == 0  # space again: the same command works


def test_a_really_read_only_directory(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled(data_dir, capsys)
    before = files_of(data_dir)
    folders = [data_dir, data_dir / "months"]
    for folder in folders:
        folder.chmod(0o555)
    try:
        if os.access(data_dir, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes (patched faults cover it)")
        code, _out, err = cli(capsys, data_dir, "checkin", "--sore", "calves=5")
        assert code == 1
        assert "Permission denied" in assert_one_clear_line(err)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert files_of(data_dir) == before


CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    # Without this the kernel kills the process at the limit; with it, write() gets EFBIG.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from recovery_tui.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def test_a_file_size_limit_in_a_subprocess(data_dir: Path, capsys: pytest.CaptureFixture[str]):
    filled(data_dir, capsys)
    before = files_of(data_dir)
    month = max((data_dir / "months").glob("*.json"), key=lambda p: p.stat().st_size)
    limit = month.stat().st_size // 2
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(limit), "checkin", "--sore", "calves=5"],
        env={**os.environ, "RECOVERY_TUI_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1, (result.stdout, result.stderr)
    line = assert_one_clear_line(result.stderr)
    assert "could not save" in line and "File too large" in line
    assert files_of(data_dir) == before
    assert not list(data_dir.rglob(".*.tmp-*"))


def row(app: Any, task_id: str) -> TaskRow:
    return next(r for r in app.screen.query(TaskRow) if r.spec.id == task_id)


@pytest.mark.parametrize(
    "fault",
    [FAULTS["EROFS on replace"], FAULTS["ENOSPC on write"], FAULTS["EACCES on create"]],
    ids=["read-only", "disk full", "permission"],
)
async def test_the_app_tells_and_does_not_show_the_tick(
    fault: tuple[str, Callable[..., Any], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date, timedelta

    from recovery_tui.domain.models import RunKind

    def race_yesterday(journal: Any) -> None:
        journal.log_run(21.1, date(2026, 11, 25), effort=8, kind=RunKind.RACE)
        journal.set_task(date(2026, 11, 26), plan_rules.WALKS, 1)
        journal.set_task(date(2026, 11, 26) - timedelta(days=40), plan_rules.WALKS, 1)

    app = make_app(tmp_path, fill=race_yesterday)
    name, fake, reason = fault
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = files_of(app.dirs.data)
        row(app, plan_rules.MASSAGE).focus()
        with monkeypatch.context() as patched:
            patched.setattr(os, name, fake)
            await pilot.press("space")
            await pilot.pause()
        assert not row(app, plan_rules.MASSAGE).done
        assert any(reason in n.message for n in app._notifications), [
            n.message for n in app._notifications
        ]
        assert files_of(app.dirs.data) == before
        await pilot.press("space")  # the disk is back: the same key now saves
        await pilot.pause()
        assert row(app, plan_rules.MASSAGE).done

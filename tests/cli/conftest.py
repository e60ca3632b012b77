"""The command-line tests share the in-process ``cli`` fixture on a fixed clock, and read
the activity files the services tests write (their helpers live in tests/services)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import NOW

from recovery_tui.cli import main
from recovery_tui.commands import common
from recovery_tui.domain.clock import FakeClock

# fit_samples imports activity_samples as a top-level module, as tests/services runs it.
SERVICES_TESTS = str(Path(__file__).resolve().parents[1] / "services")
if SERVICES_TESTS not in sys.path:
    sys.path.insert(0, SERVICES_TESTS)

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The clock every command of the test reads; a test may move it."""
    fake = FakeClock(NOW)
    monkeypatch.setattr(common, "system_clock", lambda: fake)
    return fake


@pytest.fixture
def cli(data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> Cli:
    """``recovery-tui ARGS`` in this process on the fixed clock: (code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return code, out, err

    return run

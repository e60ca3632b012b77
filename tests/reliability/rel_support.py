"""Helpers shared by the reliability tests: run the CLI in-process or in a subprocess, and
take a byte-for-byte picture of a data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_tui.cli import main


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes; the lock file only names the last holder."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """``recovery-tui ARGS`` in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main([*args, "--data-dir", str(data_dir)] if args else ["--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def run_cli(
    *args: str, data_dir: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {}), "RECOVERY_TUI_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "recovery_tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def assert_one_clear_line(err: str) -> str:
    """Exactly one line on stderr, and no Python traceback in it."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("recovery-tui:"), err
    return lines[0]

"""Shared by the command-line tests: the fixed moment they run at, the CLI in a
subprocess, and a byte-for-byte picture of a data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pendulum

# The commands that depend on today run in this process on a fixed clock, so a test that
# runs across midnight cannot change its answer.
NOW = pendulum.datetime(2026, 11, 26, 9, 30, tz="Europe/Paris")
TODAY = NOW.date()
YESTERDAY = (TODAY - timedelta(days=1)).isoformat()


def run_cli(
    *args: str,
    data_dir: Path,
    config_dir: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env["RECOVERY_TUI_DATA_DIR"] = str(data_dir)
    if config_dir is not None:
        full_env["RECOVERY_TUI_CONFIG_DIR"] = str(config_dir)
    return subprocess.run(
        [sys.executable, "-m", "recovery_tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    # The lock file only names the last process that held it; it holds no records.
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != ".lock"
    }

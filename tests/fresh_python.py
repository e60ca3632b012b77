"""Run code in a fresh interpreter (this test process has loaded everything long ago) and
read back the one line it marks: what a module-loading test checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARK = "LOADED:"


def marked_line(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    """The text after ``MARK`` on the last line ``code`` prints (it must exit with 0)."""
    full_env = {
        **os.environ,
        **(env or {}),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith(MARK), result.stdout
    return last.removeprefix(MARK)

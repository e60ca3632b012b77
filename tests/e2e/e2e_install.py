"""The built wheel, installed in a fresh virtual environment, once per test session.

The wheel is built from the checkout (``python -m build --wheel --no-isolation``, as in
tests/packaging) and installed with plain ``pip install <wheel>``, so pip resolves the
dependencies from the wheel's own metadata: a missing or wrong dependency fails here, as it
would for a user following the README.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"


def install_wheel(base: Path) -> Path:
    """Build the wheel into ``base/dist`` and install it into ``base/venv``; the venv."""
    dist = base / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT)  # fmt: skip
    (wheel,) = dist.glob("recovery_tui-*.whl")
    venv = base / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
         "--disable-pip-version-check", str(wheel)], cwd=base)  # fmt: skip
    return venv


def clean_env() -> dict[str, str]:
    """This process's environment without the checkout's PYTHONPATH: the installed app
    must import itself from its venv."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

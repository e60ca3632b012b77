"""The domain layer must stay importable without the UI or the database."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import recovery_tui.domain

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = ("textual", "tinydb")


def domain_modules() -> list[str]:
    found = pkgutil.walk_packages(recovery_tui.domain.__path__, prefix="recovery_tui.domain.")
    return ["recovery_tui.domain", *sorted(m.name for m in found)]


def test_finds_the_domain_modules() -> None:
    assert {"recovery_tui.domain.plan", "recovery_tui.domain.models"} <= set(domain_modules())


@pytest.mark.parametrize("module", domain_modules())
def test_domain_module_imports_neither_textual_nor_tinydb(module: str) -> None:
    # A fresh interpreter: in this process some other test may already have imported them.
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} pulls in {result.stdout.strip()}"

"""Keep the real home directory and the user's records out of every test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(base))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.delenv("RECOVERY_TUI_DATA_DIR", raising=False)
    monkeypatch.delenv("RECOVERY_TUI_CONFIG_DIR", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"

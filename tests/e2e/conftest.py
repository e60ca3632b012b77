"""The installed wheel is built once and shared by every end-to-end test."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_install import install_wheel


@pytest.fixture(scope="session")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the wheel built from the checkout and its dependencies."""
    return install_wheel(tmp_path_factory.mktemp("wheel"))

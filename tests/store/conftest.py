"""Shared fixtures for the store tests: a fake clock and an opened repository."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from recovery_tui.domain.clock import FakeClock
from recovery_tui.store import Repository


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(pendulum.datetime(2026, 11, 26, 8, 30, tz="Europe/Amsterdam"))


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def repo(store_dir: Path, clock: FakeClock) -> Iterator[Repository]:
    repository = Repository.open(store_dir, clock)
    yield repository
    repository.close()

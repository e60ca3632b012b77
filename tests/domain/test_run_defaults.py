"""One set of defaults for a run given without a kind or an effort."""

from __future__ import annotations

import pytest

from recovery_tui.domain.models import RunKind
from recovery_tui.domain.run_defaults import default_effort, default_kind
from recovery_tui.domain.window import window_days


@pytest.mark.parametrize(
    ("km", "kind"),
    [
        (5.0, RunKind.RACE),
        (5.1, RunKind.RACE),
        (7.0, RunKind.EASY),
        (10.0, RunKind.RACE),
        (12.0, RunKind.EASY),
        (16.0, RunKind.LONG),
        (21.1, RunKind.RACE),
        (30.0, RunKind.LONG),
        (42.2, RunKind.RACE),
        (80.0, RunKind.RACE),
    ],
)
def test_default_kind(km: float, kind: RunKind) -> None:
    assert default_kind(km) is kind


def test_a_marathon_given_alone_gets_a_marathons_recovery() -> None:
    kind = default_kind(42.2)
    assert window_days(42.2, default_effort(kind), kind) == 14


def test_an_easy_5_point_5_km_opens_no_window() -> None:
    kind = default_kind(5.5)
    assert kind is RunKind.EASY and window_days(5.5, default_effort(kind), kind) == 0

"""Effort from heart rate (ACSM intensity classes on the 0–10 scale of the Physical Activity
Guidelines for Americans), and the usual effort of each kind of run."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_tui.domain import validation as v
from recovery_tui.domain.effort import (
    EFFORT_BANDS,
    effort_from_heart_rate,
    estimate_effort,
    heart_rate_percent,
    parse_max_heart_rate,
)
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.run_defaults import DEFAULT_EFFORT, default_effort


def acsm_class(percent: int) -> str:
    """The published table, written out again so the bands are checked against it."""
    if percent < 57:
        return "very light"
    if percent <= 63:
        return "light"
    if percent <= 76:
        return "moderate"
    if percent <= 95:
        return "vigorous"
    return "near-maximal to maximal"


# The guidelines' scale: moderate is a 5 or 6, vigorous begins at 7 or 8.
SCALE = {
    "very light": {1, 2},
    "light": {3, 4},
    "moderate": {5, 6},
    "vigorous": {7, 8},
    "near-maximal to maximal": {9, 10},
}


@pytest.mark.parametrize("percent", range(30, 121))
def test_every_share_of_maximum_lands_on_its_class_steps(percent: int) -> None:
    effort = effort_from_heart_rate(percent * 2, 200)
    assert effort in SCALE[acsm_class(percent)]


@pytest.mark.parametrize(
    ("avg", "effort"),
    [(165, 8), (154, 7), (128, 5), (131, 6), (112, 4), (108, 3), (181, 9), (185, 10), (90, 1)],
)
def test_typical_runs_for_a_maximum_of_188(avg: int, effort: int) -> None:
    # half raced at 88 %, marathon at 82 %, easy runs at 68-70 %, ...
    assert effort_from_heart_rate(avg, 188) == effort


def test_the_bands_run_from_highest_to_lowest_and_cover_every_share() -> None:
    lows = [low for low, _, _ in EFFORT_BANDS]
    efforts = [effort for _, effort, _ in EFFORT_BANDS]
    assert lows == sorted(lows, reverse=True) and lows[-1] == 0
    assert efforts == list(range(10, 0, -1))


@given(st.integers(25, 250), st.integers(25, 250), st.integers(100, 240))
def test_a_higher_heart_rate_never_gives_a_lower_effort(a: int, b: int, top: int) -> None:
    low, high = sorted((a, b))
    assert 1 <= effort_from_heart_rate(low, top) <= effort_from_heart_rate(high, top) <= 10


def test_the_share_is_rounded_half_up() -> None:
    assert heart_rate_percent(153, 200) == 77  # 76.5 %
    assert effort_from_heart_rate(153, 200) == 7
    with pytest.raises(ValueError):
        heart_rate_percent(0, 190)
    with pytest.raises(ValueError):
        heart_rate_percent(150, 0)


@pytest.mark.parametrize(("kind", "effort"), [("race", 8), ("long", 6), ("easy", 3)])
def test_the_usual_effort_by_kind(kind: str, effort: int) -> None:
    assert default_effort(RunKind(kind)) == effort == DEFAULT_EFFORT[RunKind(kind)]


@pytest.mark.parametrize("kind", list(RunKind))
def test_log_run_without_an_effort_uses_the_same_defaults(kind: RunKind, tmp_path: Path) -> None:
    day = (date.today() - timedelta(days=1)).isoformat()
    env = {**os.environ, "RECOVERY_TUI_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "recovery_tui", "log-run", "--distance-km", "10", "--kind", kind,
         "--date", day],
        capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"(effort {default_effort(kind)}/10)" in done.stdout


def test_an_estimate_from_heart_rate_says_where_it_comes_from() -> None:
    estimate = estimate_effort(RunKind.RACE, 165, 188)
    assert estimate.effort == 8
    assert estimate.basis == (
        "Average heart rate 165 is 88% of your maximum 188: vigorous (ACSM intensity classes)."
    )


def test_an_average_above_the_maximum_questions_the_setting() -> None:
    estimate = estimate_effort(RunKind.RACE, 195, 188)
    assert estimate.effort == 10
    assert "above your maximum" in estimate.basis


def test_without_heart_rate_or_maximum_the_kind_decides() -> None:
    no_hr = estimate_effort(RunKind.EASY, None, 188)
    assert no_hr.effort == 3
    assert no_hr.basis == "No heart rate in the file: the usual effort for an easy run."
    no_max = estimate_effort(RunKind.LONG, 150, None)
    assert no_max.effort == 6
    assert no_max.basis.startswith("The usual effort for a long run;")
    race = estimate_effort(RunKind.RACE, None, None)
    assert race.basis == "No heart rate in the file: the usual effort for a race."
    assert "maximum heart rate" in no_max.basis


@pytest.mark.parametrize(("text", "value"), [("188", 188), (" 100 ", 100), ("240", 240)])
def test_a_maximum_heart_rate_setting(text: str, value: int) -> None:
    assert parse_max_heart_rate(text) == value


@pytest.mark.parametrize("text", ["99", "241", "", "fast", "18.8"])
def test_a_bad_maximum_heart_rate_is_refused_with_its_range(text: str) -> None:
    with pytest.raises(v.InvalidValue) as caught:
        parse_max_heart_rate(text)
    assert "maximum heart rate" in str(caught.value)

"""The system clock: local, aware, and cheap to start."""

from __future__ import annotations

import os
import subprocess
import sys
import time as time_module
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from recovery_tui.domain.clock import SystemClock, today
from recovery_tui.domain.models import Run, RunKind
from recovery_tui.domain.refuel import refuel_seconds_left


def test_system_clock_is_aware_and_local() -> None:
    clock = SystemClock()
    now = clock.now()
    assert now.tzinfo is not None
    assert today(clock) == now.date()
    assert isinstance(clock.tz_name, str) and clock.tz_name


def test_an_explicit_timezone_is_used() -> None:
    clock = SystemClock("Asia/Tokyo")
    assert clock.tz_name == "Asia/Tokyo"
    assert clock.now().utcoffset() == timedelta(hours=9)


def test_start_up_does_not_load_pendulum() -> None:
    probe = (
        "import sys; import recovery_tui.app, recovery_tui.screens.today;"
        "from recovery_tui.domain.clock import SystemClock; SystemClock().now();"
        "print('pendulum' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_refuel_window_with_a_fixed_offset_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    # The system clock's now() carries a fixed offset; the finish is placed by the
    # system's own timezone rules.
    monkeypatch.setenv("TZ", "Europe/Paris")
    time_module.tzset()
    offset = timezone(timedelta(hours=1))
    now = datetime(2026, 11, 26, 11, 10, tzinfo=offset)
    run = Run(
        day=date(2026, 11, 26),
        distance_km=21.1,
        effort=8,
        kind=RunKind.RACE,
        finish=time(11, 0),
        recorded_at="2026-11-26T10:10:00.000000Z",
        tz="Europe/Paris",
    )
    try:
        assert refuel_seconds_left(run, now) == 20 * 60
    finally:
        monkeypatch.undo()
        time_module.tzset()


def test_a_posix_tz_rule_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
    time_module.tzset()
    try:
        clock = SystemClock()
        assert clock.now().utcoffset() in (timedelta(hours=1), timedelta(hours=2))
        assert clock.tz_name in ("CET", "CEST")
    finally:
        monkeypatch.undo()
        time_module.tzset()


def test_refuel_across_the_spring_clock_change_with_a_zone_clock() -> None:
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    run = Run(
        day=date(2026, 3, 29),
        distance_km=10.0,
        effort=8,
        kind=RunKind.RACE,
        finish=time(1, 50),
        recorded_at="2026-03-29T00:50:00.000000Z",
        tz="Europe/Paris",
    )
    now = datetime(2026, 3, 29, 3, 5, tzinfo=paris)  # 15 real minutes after the finish
    assert refuel_seconds_left(run, now) == 15 * 60


def test_the_zone_named_by_tz_is_found_without_pendulum() -> None:
    probe = (
        "import sys; from recovery_tui.domain.clock import SystemClock;"
        "print(SystemClock().tz_name, 'pendulum' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": "Europe/Paris"},
    ).stdout
    assert out.split() == ["Europe/Paris", "False"]


def test_the_zone_localtime_links_to_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from zoneinfo import TZPATH

    from recovery_tui.domain import clock as clock_module

    database = next((Path(p) for p in TZPATH if (Path(p) / "Africa/Abidjan").exists()), None)
    if database is None:
        pytest.skip("no system zone database")
    link = tmp_path / "localtime"
    link.symlink_to(database / "Africa" / "Abidjan")
    monkeypatch.setattr(clock_module, "LOCALTIME", str(link))
    monkeypatch.setattr(clock_module, "ZONE_FILE", str(tmp_path / "no-timezone"))
    monkeypatch.setenv("TZ", "UTC0")  # a POSIX rule with Abidjan's offset, all year
    time_module.tzset()
    try:
        assert SystemClock().tz_name == "Africa/Abidjan"
    finally:
        monkeypatch.undo()
        time_module.tzset()


def test_a_zone_that_disagrees_with_the_system_offset_is_not_taken(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from recovery_tui.domain import clock as clock_module

    named = tmp_path / "timezone"
    named.write_text("Asia/Tokyo\n")
    monkeypatch.setattr(clock_module, "LOCALTIME", str(tmp_path / "no-localtime"))
    monkeypatch.setattr(clock_module, "ZONE_FILE", str(named))
    monkeypatch.setenv("TZ", "XYZ+5")  # five hours behind UTC, never Tokyo's offset
    time_module.tzset()
    try:
        assert SystemClock().tz_name == "XYZ"
    finally:
        monkeypatch.undo()
        time_module.tzset()


@pytest.mark.parametrize("delta", range(-30, 31))
def test_days_ago_words_a_day_as_pendulum_does(delta: int) -> None:
    """Under a week the phrase is made without pendulum (today and status never load it);
    it must read exactly as pendulum's."""
    import pendulum

    from recovery_tui.domain.formats import days_ago

    today_ = date(2026, 11, 27)
    day = today_ - timedelta(days=delta)
    words = {0: "today", 1: "yesterday", -1: "tomorrow"}
    span = pendulum.date(day.year, day.month, day.day).diff_for_humans(
        pendulum.date(today_.year, today_.month, today_.day), absolute=True
    )
    expected = words.get(delta, f"{span} ago" if delta > 0 else f"in {span}")
    assert days_ago(day, today_) == expected

"""SVG snapshots of Today, the check-in and help, on fixed dates with fixed data."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path

import pendulum
from app_factory import SIZE, make_app

from recovery_tui.domain.checkins import CheckInUpdate
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.models import Area, CheckIn, RedFlag, RunKind, Side, StandResult
from recovery_tui.screens.data_repaired import DataRepairedScreen
from recovery_tui.services.journal import Journal

TODAY = date(2026, 11, 26)
# Tall enough for the whole check-in form.
TALL = (100, 44)


def race_day(journal: Journal) -> None:
    journal.log_run(21.1, TODAY, effort=8, kind=RunKind.RACE, finish=time(9, 0))


def day_two_with_checkin(journal: Journal) -> None:
    journal.log_run(
        21.1, TODAY - timedelta(days=2), effort=8, kind=RunKind.RACE, finish=time(10, 30)
    )
    stamp, tz = journal.new_checkin_stamp()
    journal.save_checkin(
        CheckIn(
            day=TODAY,
            soreness={
                Area.ANKLES: 6,
                Area.KNEES: 4,
                Area.LOWER_BACK: 3,
                Area.CALVES: 5,
                Area.QUADRICEPS: 4,
                Area.GLUTES: 2,
            },
            energy=6,
            sleep_hours=7.5,
            cups=3,
            stand={Side.LEFT: StandResult.LEVEL, Side.RIGHT: StandResult.DROPPED},
            note="Stairs still hurt going down.",
            recorded_at=stamp,
            tz=tz,
        )
    )
    journal.set_task(TODAY, "walks", 1)
    journal.set_task(TODAY, "water", 3)


def test_today_without_a_run(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The welcome with 'press r' and the general-guidance note; no plan, no readiness."""
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE)


def test_today_on_race_day(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Day 0 of 7 after a half finished at 09:00, seen at 09:12: the refuel countdown at
    18:00, water first in the run-day tasks, readiness asking for a check-in (no date),
    the first-time note at the bottom."""
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 9, 12, tz="Europe/Paris"))
    assert snap_compare(make_app(tmp_path, clock=clock, fill=race_day), terminal_size=SIZE)


def test_today_day_two_with_checkin(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Day 2 of 7: walks 1/3, water 3/8, check-in ticked; 'Not yet: about N days more.'
    with its reasons (the leg stood on named) and the usual full recovery; the body map with
    each entered area's number and bar and '–' for the areas not entered."""
    app = make_app(tmp_path, fill=day_two_with_checkin)
    assert snap_compare(app, terminal_size=SIZE)


def test_today_at_80_columns(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Day 2 of 7 at 80×32, the narrow layout: readiness in one line under the headline
    ('Ready for an easy run? Not yet: about N days more.'), the tasks across the width, no
    side column; nothing cut."""
    app = make_app(tmp_path, fill=day_two_with_checkin)
    assert snap_compare(app, terminal_size=(80, 32))


def test_today_at_120_columns(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Day 2 of 7 at 120×32, the wide layout: the tasks on the left, readiness with its
    reasons and the body map on the right; the footer with every key."""
    app = make_app(tmp_path, fill=day_two_with_checkin)
    assert snap_compare(app, terminal_size=(120, 32))


def test_today_with_a_red_flag(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Day 2 with swelling ticked: the alarm in red above everything, the day reshaped (see a
    health professional about swelling first, rest, ice, a walk only if it does not hurt),
    readiness 'Not yet: no running until a health professional has seen this.'"""

    def flagged(journal: Journal) -> None:
        day_two_with_checkin(journal)
        journal.update_checkin(TODAY, CheckInUpdate(add_flags=frozenset({RedFlag.SWELLING})))

    assert snap_compare(make_app(tmp_path, fill=flagged), terminal_size=SIZE)


def test_checkin_modal(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The whole check-in form without a scrollbar: the areas entered (knees focused) and
    three shown as '– not entered', energy, sleep, water (the day's counter), both stands by
    the leg stood on, the eight red flags unticked in two columns, the note, the buttons.
    Scrolling at the standard size is covered in tests/app/test_today_screen.py."""
    app = make_app(tmp_path, fill=day_two_with_checkin)
    assert snap_compare(app, terminal_size=TALL, press=["c", "down"])


def test_help_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Help: the table of keys and the short how-to with the general-guidance warning."""
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, press=["f1"])


def test_data_mended_dialog(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Over Today at start-up, until read: a run left out of the main file (its distance
    edited to text) and a month file that did not read moved aside, each as a bullet with
    its paths (the data dir shown as ~/.local/share/recovery-tui), the line that nothing
    was deleted, and the OK button."""
    app = make_app(tmp_path, fill=day_two_with_checkin)
    data = app.dirs.data
    main = data / "recovery.json"
    tables = json.loads(main.read_text())
    tables["runs"]["extra"] = {**next(iter(tables["runs"].values())), "distance_km": "21k"}
    main.write_text(json.dumps(tables))
    (data / "months" / "2026-10.json").write_text("{broken", encoding="utf-8")

    async def mended(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        shown = app.screen
        assert isinstance(shown, DataRepairedScreen)
        app.pop_screen()
        home = "~/.local/share/recovery-tui"
        await app.push_screen(
            DataRepairedScreen([n.replace(str(data), home) for n in shown.notices])
        )
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=mended)

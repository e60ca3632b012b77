from __future__ import annotations

import csv
import io
import json
from datetime import date, time, timedelta

from recovery_tui.domain.history.export import (
    CSV_COLUMNS,
    TABLE_HEADS,
    day_to_json,
    rows_to_csv,
    rows_to_json,
    rows_to_table,
)
from recovery_tui.domain.history.summaries import DaySummary, summarize_range
from recovery_tui.domain.models import (
    AREAS,
    Area,
    CheckIn,
    RedFlag,
    Run,
    RunKind,
    SessionRecord,
    SessionStatus,
    Side,
    StandResult,
    TaskState,
)
from recovery_tui.domain.plan import WALKS

TZ = "Europe/Paris"
STAMP = "2025-03-01T08:00:00.000000Z"
RACE_DAY = date(2025, 3, 2)


def _session(day: date, kind: str, seconds: float) -> SessionRecord:
    return SessionRecord(
        id=f"{day}-{kind}-{seconds}",
        day=day,
        routine_id=kind,
        routine_name=kind,
        kind=kind,
        status=SessionStatus.COMPLETED,
        planned_seconds=seconds,
        actual_seconds=seconds,
        started_at=STAMP,
        ended_at=STAMP,
        tz=TZ,
    )


def _days() -> list[DaySummary]:
    """Three days: race day with nothing recorded, a full day, a day with only a note."""
    d1, d2 = RACE_DAY + timedelta(days=1), RACE_DAY + timedelta(days=2)
    run = Run(RACE_DAY, 21.1, 8, RunKind.RACE, time(10, 5), STAMP, TZ)
    checkins = [
        CheckIn(
            day=d1,
            soreness={Area.ANKLES: 7, Area.LOWER_BACK: 4, Area.KNEES: 0},
            recorded_at=STAMP,
            tz=TZ,
            energy=4,
            sleep_hours=8.5,
            cups=5,
            stand={Side.RIGHT: StandResult.DROPPED},
            red_flags=frozenset({RedFlag.SWELLING}),
            note='stairs, "ouch", downhill',
        ),
        CheckIn(day=d2, soreness={}, recorded_at=STAMP, tz=TZ, note="rest day"),
    ]
    states = {d1: {WALKS: TaskState(d1, WALKS, 2, STAMP, TZ)}}
    sessions = [
        _session(d1, "walk", 12 * 60 + 20),  # 12.333 min
        _session(d1, "stretch", 30 * 60 + 4),  # 30.067 min
        _session(d2, "walk", 10 * 60),
    ]
    return summarize_range(RACE_DAY, d2, [run], checkins, states, sessions)


def test_day_json_has_the_documented_keys_and_numbers() -> None:
    j = day_to_json(_days()[1])
    for key in ("date", "soreness", "tasks_done", "tasks_total", "walk_minutes"):
        assert key in j
    assert j["date"] == "2025-03-03"
    assert j["weekday"] == "Mon"
    assert j["recovery_day"] == 1
    assert j["soreness"] == {"ankles": 7, "knees": 0, "lower_back": 4}
    assert list(j["soreness"]) == ["ankles", "knees", "lower_back"]  # in Area order
    assert j["max_soreness"] == 7
    assert j["walk_minutes"] == 12.3
    assert j["stretch_minutes"] == 30.1
    assert j["walks"] == 2
    assert j["cups"] == 5
    assert j["red_flag"] is True
    assert j["red_flags"] == ["swelling"]
    assert j["stand"] == {"right": "dropped"}
    assert j["energy"] == 4
    assert j["sleep_hours"] == 8.5
    assert j["note"] == 'stairs, "ouch", downhill'


def test_day_without_checkin_has_empty_soreness_not_null() -> None:
    j = day_to_json(_days()[0])
    assert j["soreness"] == {}
    assert j["stand"] == {}
    assert j["max_soreness"] is None
    assert j["red_flag"] is None and j["red_flags"] is None, "unknown, not 'no flag'"
    assert j["note"] == ""


def test_rows_to_json_is_an_array_of_day_objects() -> None:
    days = _days()
    parsed = json.loads(rows_to_json(days))
    assert isinstance(parsed, list)
    assert parsed == [day_to_json(d) for d in days]
    assert [p["date"] for p in parsed] == ["2025-03-02", "2025-03-03", "2025-03-04"]


def test_csv_has_a_column_per_area_and_a_row_per_day() -> None:
    text = rows_to_csv(_days())
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert tuple(header) == CSV_COLUMNS
    assert [f"sore_{a.value}" for a in AREAS] == [h for h in header if h.startswith("sore_")]
    assert len(list(reader)) == 3


def _number(cell: str) -> float | None:
    return float(cell) if cell else None


def test_csv_parses_back_to_the_same_numbers_as_the_json() -> None:
    days = _days()
    from_json = json.loads(rows_to_json(days))
    rows = list(csv.DictReader(io.StringIO(rows_to_csv(days))))
    assert len(rows) == len(from_json)
    for row, j in zip(rows, from_json, strict=True):
        assert row["date"] == j["date"]
        assert row["weekday"] == j["weekday"]
        for key in (
            "recovery_day",
            "max_soreness",
            "tasks_done",
            "tasks_total",
            "walks",
            "walk_minutes",
            "stretch_minutes",
            "cups",
            "energy",
            "sleep_hours",
        ):
            assert _number(row[key]) == j[key], key
        for a in AREAS:
            assert _number(row[f"sore_{a.value}"]) == j["soreness"].get(a.value)
        for s in Side:
            assert (row[f"stand_{s.value}"] or None) == j["stand"].get(s.value)
        assert row["red_flag"] == {True: "true", False: "false", None: ""}[j["red_flag"]]
        assert row["note"] == j["note"]


def test_table_has_a_header_a_line_per_day_and_aligned_columns() -> None:
    days = _days()
    lines = rows_to_table(days).splitlines()
    header, body = lines[0], lines[1 : 1 + len(days)]
    assert header.startswith("Date")
    assert [line[:10] for line in body] == [d.date.isoformat() for d in days]
    # right-aligned numbers: each "done/total" ends where the "Tasks" head ends
    tasks_end = header.index("Tasks") + len("Tasks")
    for line, d in zip(body, days, strict=True):
        cell = f"{d.tasks_done}/{d.tasks_total}"
        assert line[tasks_end - len(cell) : tasks_end] == cell
    assert "Walk min" in header and "Cups" in header
    assert len(TABLE_HEADS) > len(AREAS)


def test_table_marks_missing_values_red_flags_and_notes() -> None:
    days = _days()
    lines = rows_to_table(days).splitlines()
    race_day, sore_day, note_day = lines[1:4]
    assert race_day.split()[3:12] == ["-"] * 9  # no check-in: every area unknown
    assert sore_day.split()[3:12] == ["7", "0", "-", "-", "-", "4", "-", "-", "-"]
    assert sore_day.rstrip().endswith("!*")
    assert note_day.rstrip().endswith("*")
    assert "12.3" in sore_day and "30.1" in sore_day
    assert lines[-1].startswith("- not recorded")


def test_empty_range_exports_cleanly() -> None:
    assert json.loads(rows_to_json([])) == []
    assert rows_to_csv([]).splitlines() == [",".join(CSV_COLUMNS)]
    assert rows_to_table([]).splitlines()[0].startswith("Date")


def test_a_checkin_without_soreness_has_no_worst_level() -> None:
    # Only a note that day: the worst soreness is unknown, not 0.
    day = _days()[2]
    assert day.max_soreness is None
    assert day_to_json(day)["max_soreness"] is None
    [row] = list(csv.DictReader(io.StringIO(rows_to_csv([day]))))
    assert row["max_soreness"] == ""


def test_cups_not_entered_are_null_empty_and_dash_not_zero() -> None:
    """Only a note that day, no water counted: cups are unknown in the JSON (null), the
    CSV (an empty cell) and the table ("-"), as ``max_soreness`` is."""
    days = _days()
    note_day = days[2]
    assert note_day.cups is None
    assert day_to_json(note_day)["cups"] is None
    [row] = list(csv.DictReader(io.StringIO(rows_to_csv([note_day]))))
    assert row["cups"] == ""
    lines = rows_to_table(days).splitlines()
    cups_end = lines[0].index("Cups") + len("Cups")
    cells = [line[:cups_end].split()[-1] for line in lines[1:4]]
    assert cells == ["-", "5", "-"]

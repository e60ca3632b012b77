"""CSV that is safe to open in a spreadsheet: a note that would start a formula starts with
an apostrophe; numbers and our own words are never touched; JSON keeps the note exact."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_tui.domain.history.export import (
    CSV_TEXT_COLUMNS,
    FORMULA_STARTS,
    neutral_cell,
    rows_to_csv,
    rows_to_json,
)
from recovery_tui.domain.history.summaries import DaySummary, summarize_range
from recovery_tui.domain.models import Area, CheckIn
from recovery_tui.domain.text import plain

DAY = date(2026, 11, 26)
STAMP = "2026-11-26T08:00:00.000000Z"


def day_with(note: str) -> DaySummary:
    checkin = CheckIn(DAY, {Area.CALVES: 3}, STAMP, "Europe/Paris", energy=4, note=note)
    (summary,) = summarize_range(DAY, DAY, [], [checkin], {}, [])
    return summary


def csv_row(note: str) -> dict[str, str]:
    (row,) = csv.DictReader(io.StringIO(rows_to_csv([day_with(note)])))
    return row


@pytest.mark.parametrize(
    "note",
    [
        '=HYPERLINK("http://evil.example","click")',
        "+1 then -1",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "-1",
    ],
)
def test_a_note_that_would_start_a_formula_starts_with_an_apostrophe(note: str) -> None:
    row = csv_row(note)
    assert row["note"] == "'" + plain(note)
    # JSON is data for programs: the note as typed.
    assert json.loads(rows_to_json([day_with(note)]))[0]["note"] == note


@pytest.mark.parametrize("note", ["stairs hurt", "5 km = fine", "", " =not first", "'quoted"])
def test_other_notes_are_left_as_they_are(note: str) -> None:
    assert csv_row(note)["note"] == note


def test_only_text_columns_are_neutralised() -> None:
    assert {"note"} == CSV_TEXT_COLUMNS
    formula, words = csv_row("=1"), csv_row("1")
    assert formula["note"] == "'=1" and words["note"] == "1"
    assert {k: v for k, v in formula.items() if k != "note"} == {
        k: v for k, v in words.items() if k != "note"
    }
    assert formula["energy"] == "4" and formula["sore_calves"] == "3"


@given(st.text())
def test_no_note_reaches_a_spreadsheet_as_a_formula(note: str) -> None:
    cell = neutral_cell(note)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell in (plain(note), "'" + plain(note))

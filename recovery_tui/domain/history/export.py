"""Day summaries as JSON, CSV and a plain-text table for ``recovery-tui history``.

All three are built from ``day_to_json`` so they cannot disagree with each other, and the
numbers come from ``DaySummary`` so they cannot disagree with the History screen.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from recovery_tui.domain.history.columns import AREA_HEADS, BEFORE_FIRST, count_text
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.models import AREAS, Side
from recovery_tui.domain.text import plain

CSV_COLUMNS: tuple[str, ...] = (
    "date",
    "weekday",
    "recovery_day",
    *(f"sore_{a.value}" for a in AREAS),
    "max_soreness",
    "tasks_done",
    "tasks_total",
    "walks",
    "walk_minutes",
    "stretch_minutes",
    "cups",
    "energy",
    "sleep_hours",
    *(f"stand_{s.value}" for s in Side),
    "red_flag",
    "note",
)


def day_to_json(d: DaySummary) -> dict[str, Any]:
    """A day as plain JSON values. ``soreness`` holds only the areas recorded ({} with no
    check-in), ``red_flag`` and ``red_flags`` are null with no check-in (unknown), ``cups`` null
    when not entered (neither counted nor in the check-in); minutes
    are rounded to one decimal. A day before the user's first record
    says so and holds nothing else: no plan asked anything of it."""
    if d.before_first:
        return {"date": d.date.isoformat(), "weekday": d.weekday, "before_first": True}
    checkin = d.checkin
    return {
        "date": d.date.isoformat(),
        "weekday": d.weekday,
        "recovery_day": d.recovery_day,
        "window_days": d.window_days,
        "soreness": {a.value: d.soreness[a] for a in AREAS if d.soreness and a in d.soreness},
        "max_soreness": d.max_soreness,
        "tasks_done": d.tasks_done,
        "tasks_total": d.tasks_total,
        "walks": d.walks,
        "walk_minutes": round(d.walk_minutes, 1),
        "stretch_minutes": round(d.stretch_minutes, 1),
        "cups": d.cups,
        "energy": d.energy,
        "sleep_hours": d.sleep_hours,
        "note": d.note,
        # No check-in, no answer: unknown (null, an empty CSV cell), never "no flag".
        "red_flag": d.red_flag if checkin is not None else None,
        "red_flags": sorted(f.value for f in checkin.red_flags) if checkin else None,
        "stand": {s.value: d.stand[s].value for s in Side if s in d.stand},
        "before_first": False,
    }


def rows_to_json(days: Sequence[DaySummary]) -> str:
    return json.dumps([day_to_json(d) for d in days], indent=2, ensure_ascii=False)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# A spreadsheet reads a cell starting with one of these as a formula (a tab or a carriage
# return can hide one after it). The OWASP guidance on CSV injection: put an apostrophe in
# front, which spreadsheets show as text and do not display.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The columns that hold text a user typed; the others are numbers and words of our own
# ("-1" there is a number, never a formula to neutralise).
CSV_TEXT_COLUMNS = frozenset({"note"})


def neutral_cell(text: str) -> str:
    """A user's text as a CSV cell a spreadsheet shows as text: control characters out
    (``plain``), and an apostrophe before a leading formula character."""
    cleaned = plain(text)
    return f"'{cleaned}" if cleaned.startswith(FORMULA_STARTS) else cleaned


def day_to_csv_row(d: DaySummary) -> dict[str, str]:
    """One CSV row; a day before the first record has only its date and weekday."""
    j = day_to_json(d)
    row: dict[str, Any] = {k: j.get(k) for k in CSV_COLUMNS}
    for a in AREAS:
        row[f"sore_{a.value}"] = j.get("soreness", {}).get(a.value)
    for s in Side:
        row[f"stand_{s.value}"] = j.get("stand", {}).get(s.value)
    cells = {k: _csv_cell(row[k]) for k in CSV_COLUMNS}
    return {k: neutral_cell(v) if k in CSV_TEXT_COLUMNS else v for k, v in cells.items()}


def rows_to_csv(days: Sequence[DaySummary]) -> str:
    """A header and one row per day; an empty cell is a value not recorded. A note that
    would start a spreadsheet formula starts with an apostrophe (``neutral_cell``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for d in days:
        writer.writerow(day_to_csv_row(d))
    return out.getvalue()


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _table_row(d: DaySummary) -> list[str]:
    j = day_to_json(d)
    if d.before_first:
        return [j["date"], d.weekday, *("" for _ in TABLE_HEADS[2:])]
    rday = "-" if d.recovery_day is None else f"{d.recovery_day}/{d.window_days}"
    sore = [
        "-" if d.soreness is None else str(d.soreness.get(a, "-"))  # area not recorded
        for a in AREAS
    ]
    flags = ("!" if d.red_flag else "") + ("*" if d.has_note else "")
    return [
        j["date"],
        d.weekday,
        rday,
        *sore,
        _num(d.max_soreness),
        f"{d.tasks_done}/{d.tasks_total}",
        str(d.walks),
        _num(j["walk_minutes"]),
        _num(j["stretch_minutes"]),
        count_text(d.cups),
        flags,
    ]


TABLE_HEADS = (
    "Date",
    "Day",
    "Rec",
    *AREA_HEADS.values(),
    "Max",
    "Tasks",
    "Walks",
    "Walk min",
    "Stretch min",
    "Cups",
    "",
)


def rows_to_table(days: Sequence[DaySummary]) -> str:
    """An aligned table for a terminal: text left, numbers right; "-" means not recorded,
    "!" a red flag, "*" a note; a blank row is a day before the first record."""
    rows = [list(TABLE_HEADS), *(_table_row(d) for d in days)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(TABLE_HEADS))]
    left = {0, 1, len(TABLE_HEADS) - 1}
    lines = []
    for r in rows:
        cells = [
            c.ljust(w) if i in left else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    legend = "- not recorded   ! red flag   * note"
    if any(d.before_first for d in days):
        legend += f"   {BEFORE_FIRST}"
    return "\n".join([*lines, "", legend])

"""The weekly report (``recovery-tui report``): what it holds, and its Markdown form.

A report is a ``WeekSummary`` of the week's ``DaySummary`` objects (the numbers of the
History screen and of ``history --format csv``: the day cells come from ``day_to_json``),
plus the recovery drawn as a chart and the comparison sentence. ``report_html`` gives the
HTML form of the same content. Nothing here reads files or the clock.

Text from the user (notes, routine names) is cleaned with ``plain`` and escaped for the
format it goes into; so is everything else, for one rule with no exceptions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recovery_tui.domain.alarms import HELP
from recovery_tui.domain.formats import day_label, days_text, long_date, minutes_text, period_label
from recovery_tui.domain.history.columns import AREA_HEADS, NOT_RECORDED, count_text, marks
from recovery_tui.domain.history.comparison import area_phrase
from recovery_tui.domain.history.curve_text import curve_chart
from recovery_tui.domain.history.export import day_to_json
from recovery_tui.domain.history.recoveries import READY, Ending, RecoveryOutcome
from recovery_tui.domain.history.summaries import DaySummary
from recovery_tui.domain.history.trends import WeekSummary, summarize_days
from recovery_tui.domain.models import AREAS, Run, SessionRecord, SessionStatus
from recovery_tui.domain.text import one_line
from recovery_tui.domain.units import DistanceUnit, distance_text
from recovery_tui.domain.window import run_label

DAY_HEADS = (
    "Day", "Rec", "Worst", *AREA_HEADS.values(),
    "Tasks", "Walks", "Walk min", "Stretch min", "Cups", "",
)  # fmt: skip
LEGEND = "Soreness 0–10 per area; - not recorded; ! red flag; * note."
DISCLAIMER = "General guidance, not medical advice."
ITEMS = " · "  # between tasks: their titles hold commas


@dataclass(frozen=True, slots=True)
class WeeklyReport:
    week: WeekSummary
    recovery: RecoveryOutcome | None  # the recovery the chart draws
    comparison: str | None  # the sentence against an earlier comparable recovery
    unit: DistanceUnit = DistanceUnit.KM  # how distances are said

    @property
    def start(self) -> date:
        return self.week.start

    @property
    def end(self) -> date:
        return self.week.end

    @property
    def title(self) -> str:
        return f"Recovery report: {period_label(self.start, self.end)}"


def report_run(days: Sequence[DaySummary]) -> Run | None:
    """The run whose recovery the report draws: among the runs whose window the week's
    plans follow, the one with the longest window (the hardest run), the latest on a tie."""
    runs = {d.plan.run.id: d for d in days if d.plan.run is not None and d.recovery_day is not None}
    if not runs:
        return None
    chosen = max(runs.values(), key=lambda d: (d.window_days, d.date))
    return chosen.plan.run


def weekly_report(
    days: Sequence[DaySummary],
    recovery: RecoveryOutcome | None = None,
    comparison: str | None = None,
    unit: DistanceUnit = DistanceUnit.KM,
) -> WeeklyReport:
    """``days``: the week's summaries, oldest first (``journal.history`` of the week)."""
    return WeeklyReport(summarize_days(days), recovery, comparison, unit)


# -- content shared by both formats (plain text, escaped by each format) ---------------------
def day_cells(day: DaySummary) -> list[str]:
    """The day's row: the same numbers as its CSV row; a day before the user's first
    record is left blank, as History shows it."""
    if day.before_first:
        return [day_label(day.date), *("" for _ in DAY_HEADS[1:])]
    j = day_to_json(day)
    rec = NOT_RECORDED if day.recovery_day is None else f"{day.recovery_day}/{day.window_days}"
    sore = [str(j["soreness"].get(a.value, NOT_RECORDED)) for a in AREAS]
    worst = NOT_RECORDED if j["max_soreness"] is None else str(j["max_soreness"])
    return [
        day_label(day.date),
        rec,
        worst,
        *sore,
        f"{j['tasks_done']}/{j['tasks_total']}",
        str(j["walks"]),
        minutes_text(j["walk_minutes"]),
        minutes_text(j["stretch_minutes"]),
        count_text(j["cups"]),
        marks(day),
    ]


def done_tasks(day: DaySummary) -> list[str]:
    return [t.title for t in day.plan.tasks if day.progress.get(t.id, 0) >= t.target]


def session_text(session: SessionRecord) -> str:
    """'Post-run stretch (30 min)', '12-minute walk (4 min, stopped)'."""
    minutes = minutes_text(session.actual_seconds / 60)
    stopped = ", stopped" if session.status is SessionStatus.STOPPED else ""
    return f"{one_line(session.routine_name)} ({minutes} min{stopped})"


def recovery_heading(outcome: RecoveryOutcome, unit: DistanceUnit = DistanceUnit.KM) -> str:
    label = run_label(outcome.run, unit)
    return f"{label[0].upper()}{label[1:]} on {long_date(outcome.run.day)} {outcome.run.day.year}"


def recovery_facts(outcome: RecoveryOutcome, unit: DistanceUnit = DistanceUnit.KM) -> list[str]:
    """The recovery's outcome in short sentences, in the order a reader asks."""
    run = outcome.run
    facts = [
        f"{distance_text(run.distance_km, unit)}, effort {run.effort}/10, "
        f"a recovery window of {days_text(outcome.window_days)}."
    ]
    if outcome.ending is Ending.ONGOING:
        facts.append(f"Still going: day {outcome.last_day} of {outcome.window_days}.")
    elif outcome.ending is Ending.CUT and outcome.cut_by is not None:
        facts.append(
            f"Counted to day {outcome.last_day}: the {run_label(outcome.cut_by, unit)} of "
            f"{period_label(outcome.cut_by.day, outcome.cut_by.day)} opened a longer window."
        )
    if outcome.peak is None or outcome.worst_area is None:
        facts.append("No soreness entered during this recovery.")
        return facts
    facts.append(
        f"Peak soreness {outcome.peak}/10 on day {outcome.peak_day} ({outcome.worst_area.label})."
    )
    if outcome.days_to_low is not None:
        facts.append(f"Every entered area at {READY} or less by day {outcome.days_to_low}.")
    else:
        facts.append(f"Not yet every entered area at {READY} or less.")
    if outcome.longest_area is not None:
        facts.append(f"Lasted longest: {area_phrase(outcome, outcome.longest_area)}.")
    facts.append(
        f"Walked {minutes_text(outcome.walk_minutes)} min and stretched "
        f"{minutes_text(outcome.stretch_minutes)} min during the recovery."
    )
    if outcome.red_flag_days:
        days = ", ".join(str(d) for d in outcome.red_flag_days)
        facts.append(f"Red flags reported on day {days}: {HELP}.")
    return facts


def done_lines(report: WeeklyReport) -> list[tuple[str, str]]:
    """(day, what was done) for each day of the week with a task ticked or a session."""
    lines = []
    for d in report.week.days:
        parts = []
        if done := done_tasks(d):
            parts.append("done: " + ITEMS.join(done))
        if d.sessions:
            parts.append("sessions: " + ITEMS.join(session_text(s) for s in d.sessions))
        if parts:
            lines.append((day_label(d.date), "; ".join(parts)))
    return lines


def totals_text(week: WeekSummary) -> str:
    """The week's totals; cups only when some were entered (none entered is not 0 cups)."""
    t = week.totals
    cups = f"; {int(t['cups'])} cups of water" if "cups" in t else ""
    return (
        f"Tasks {int(t['tasks_done'])}/{int(t['tasks_total'])} done; "
        f"{int(t['walks'])} walks, {minutes_text(t['walk_minutes'])} min; "
        f"stretching {minutes_text(t['stretch_minutes'])} min{cups}."
    )


def red_flag_lines(week: WeekSummary) -> list[str]:
    return [
        f"{day_label(d.date)}: {', '.join(f.label for f in sorted(d.checkin.red_flags))}: {HELP}."
        for d in week.days
        if d.checkin is not None and d.checkin.red_flags
    ]


# -- Markdown ----------------------------------------------------------------------------
# Characters that start markup anywhere in a line (CommonMark, tables, strikethrough,
# maths); the report is also read raw in a terminal, so harmless ones stay unescaped.
_MD_INLINE = frozenset("\\`*_[]<>&|~$")
# Characters that start a block (heading, list, quote, rule) at the start of a line.
_MD_LINE_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)](\s|$)))")


def no_trends_text(week: WeekSummary) -> str:
    """Said when no area has a trend: soreness entered and none sore, or none entered."""
    if any(day.max_soreness is not None for day in week.days):
        return "No area was sore this week."
    return "No soreness entered this week."


def md(text: str, line_start: bool = True) -> str:
    """Text for Markdown: cleaned, on one line, every character that could become markup
    escaped with a backslash, also what would start a block at the start of a line
    (table cells, ``line_start=False``, need not care)."""
    escaped = "".join(f"\\{c}" if c in _MD_INLINE else c for c in one_line(text))
    match = _MD_LINE_START.match(escaped) if line_start else None
    if match is None:
        return escaped
    if match.group(1)[0].isdigit():  # "1." would start a list: escape the dot
        end = match.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    return f"\\{escaped}"


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(md(c, line_start=False) for c in cells) + " |"


def report_markdown(report: WeeklyReport) -> str:
    out = [f"# {md(report.title)}", ""]
    outcome = report.recovery
    out.append("## Recovery")
    out.append("")
    if outcome is None:
        out += ["No recovery window this week.", ""]
    else:
        out += [f"**{md(recovery_heading(outcome, report.unit))}**", ""]
        out += [f"- {md(f)}" for f in recovery_facts(outcome, report.unit)]
        out.append("")
        if report.comparison:
            out += [f"> {md(report.comparison)}", ""]
        out += ["Soreness since the run (0–10, by day):", "", "```text"]
        out += curve_chart(outcome)
        out += ["```", ""]
    out += ["## Days", "", _md_row(DAY_HEADS)]
    out.append("|" + "|".join([":---", *["---:"] * (len(DAY_HEADS) - 2), ":---"]) + "|")
    out += [_md_row(day_cells(d)) for d in report.week.days]
    out += ["", md(LEGEND), ""]
    flags = red_flag_lines(report.week)
    if flags:
        out += ["## Red flags", "", *(f"- {md(line)}" for line in flags), ""]
    verdicts = [t.verdict for t in report.week.sore_trends]
    out += ["## Trends", ""]
    out += [f"- {md(v)}" for v in verdicts] if verdicts else [no_trends_text(report.week)]
    out += ["", "## Tasks and sessions", "", md(totals_text(report.week)), ""]
    out += [f"- **{md(day)}**: {md(done)}" for day, done in done_lines(report)]
    notes = [d for d in report.week.days if d.has_note]
    out += ["", "## Notes", ""]
    out += [f"- **{md(day_label(d.date))}**: {md(d.note)}" for d in notes] or ["No notes."]
    out += ["", "---", "", md(DISCLAIMER), ""]
    return "\n".join(out)

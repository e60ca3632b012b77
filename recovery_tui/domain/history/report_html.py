"""The weekly report as one self-contained HTML page: inline CSS, an inline SVG chart, no
link to anything outside, laid out to print on one A4 page.

The content is the Markdown report's (``report.py``); every piece of text goes through
``h``: cleaned with ``plain`` and escaped with ``html.escape``.
"""

from __future__ import annotations

from html import escape

from recovery_tui.domain.formats import day_label
from recovery_tui.domain.history.curve_svg import curve_svg
from recovery_tui.domain.history.report import (
    DAY_HEADS,
    DISCLAIMER,
    LEGEND,
    WeeklyReport,
    day_cells,
    done_lines,
    no_trends_text,
    recovery_facts,
    recovery_heading,
    red_flag_lines,
    totals_text,
)
from recovery_tui.domain.text import plain

CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; max-width: 190mm; margin: 1.5em auto;
       padding: 0 1em; }
h1 { font-size: 1.45em; margin: 0 0 .4em; }
h2 { font-size: 1.1em; margin: 1em 0 .3em; border-bottom: 1px solid #999; }
ul { margin: .2em 0; padding-left: 1.2em; }
ul.trends { columns: 3; }
ul.done { font-size: .9em; }
blockquote { margin: .5em 0; padding: .3em .8em; border-left: 3px solid #333; background: #f3f3f3; }
table { border-collapse: collapse; width: 100%; font-size: .8em; }
th, td { border: 1px solid #bbb; padding: .1em .3em; text-align: right; }
th:first-child, td:first-child { text-align: left; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f6f6f6; }
.legend, .disclaimer { font-size: .85em; color: #444; margin: .3em 0; }
svg.curve { display: block; width: 100%; height: auto; max-height: 80mm; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .ready { stroke: #000; stroke-width: 1.2; stroke-dasharray: 5 4; }
svg .tick, svg .legend { font: 10px sans-serif; fill: #333; }
svg .legend { fill: inherit; }
svg .mark { font: bold 10px sans-serif; paint-order: stroke; stroke: #fff; stroke-width: 2.5; }
svg .flag { fill: #000; opacity: .08; }
svg .flag-mark { font: bold 12px sans-serif; fill: #000; }
@page { size: A4; margin: 10mm; }
@media print {
  body { font-size: 8.5pt; line-height: 1.3; margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 1.3em; }
  h2 { margin: .6em 0 .2em; break-after: avoid; }
  svg.curve { max-height: 62mm; }
  table, svg.curve, blockquote { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def h(text: str) -> str:
    """Any text for the page: control characters and lone surrogates dropped, escaped."""
    return escape(plain(text), quote=True)


def _list(items: list[str], css_class: str = "") -> str:
    opening = f'<ul class="{css_class}">' if css_class else "<ul>"
    return opening + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _recovery(report: WeeklyReport) -> list[str]:
    outcome = report.recovery
    if outcome is None:
        return ["<p>No recovery window this week.</p>"]
    out = [f"<p><strong>{h(recovery_heading(outcome, report.unit))}</strong></p>"]
    out.append(_list([h(f) for f in recovery_facts(outcome, report.unit)]))
    if report.comparison:
        out.append(f"<blockquote>{h(report.comparison)}</blockquote>")
    if outcome.curve:
        out.append(
            curve_svg(
                outcome, f"Soreness by day since the {recovery_heading(outcome, report.unit)}"
            )
        )
    else:
        out.append("<p>No soreness entered during this recovery.</p>")
    return out


def _days(report: WeeklyReport) -> list[str]:
    head = "".join(f"<th>{h(c)}</th>" for c in DAY_HEADS)
    rows = [
        "<tr>" + "".join(f"<td>{h(c)}</td>" for c in day_cells(d)) + "</tr>"
        for d in report.week.days
    ]
    return [
        f'<table class="days"><thead><tr>{head}</tr></thead><tbody>',
        *rows,
        "</tbody></table>",
        f'<p class="legend">{h(LEGEND)}</p>',
    ]


def _done(report: WeeklyReport) -> list[str]:
    items = [f"<strong>{h(day)}</strong>: {h(done)}" for day, done in done_lines(report)]
    return [f"<p>{h(totals_text(report.week))}</p>", _list(items, "done") if items else ""]


def report_html(report: WeeklyReport) -> str:
    week = report.week
    body = [f"<h1>{h(report.title)}</h1>", "<h2>Recovery</h2>", *_recovery(report)]
    body += ["<h2>Days</h2>", *_days(report)]
    flags = red_flag_lines(week)
    if flags:
        body += ["<h2>Red flags</h2>", _list([h(line) for line in flags])]
    verdicts = [h(t.verdict) for t in week.sore_trends]
    trends = _list(verdicts, "trends") if verdicts else f"<p>{h(no_trends_text(week))}</p>"
    body += ["<h2>Trends</h2>", trends]
    body += ["<h2>Tasks and sessions</h2>", *_done(report)]
    notes = [
        f"<strong>{h(day_label(d.date))}</strong>: {h(d.note)}" for d in week.days if d.has_note
    ]
    body += ["<h2>Notes</h2>", _list(notes) if notes else "<p>No notes.</p>"]
    body.append(f'<p class="disclaimer">{h(DISCLAIMER)}</p>')
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{h(report.title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )

"""Whatever a note or a routine name holds (markup, <script>, escape codes, lone
surrogates), the HTML and Markdown reports show it as text and never as markup."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from recovery_samples import RACE_DAY, Q, Story, checkin, run, session

from recovery_tui.domain.history.recoveries import outcome_for, recovery_range
from recovery_tui.domain.history.report import report_markdown, weekly_report
from recovery_tui.domain.history.report_html import report_html
from recovery_tui.domain.text import one_line, plain

NASTY = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\x1b[31m",
    "\x1b]8;;http://x\x07",
    "\x00",
    "\ud800",
    "\udfff",
    "**",
    "_",
    "`",
    "[x](javascript:alert(1))",
    "![i](http://x/y.png)",
    "&amp;",
    "&lt;",
    "|",
    "~~",
    "\n# ",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n```\n",
    "\\",
    "<!--",
    "]]>",
    '"',
    "'",
    " ",
)
note_text = st.lists(
    st.one_of(
        st.sampled_from(NASTY),
        st.text(st.characters(categories=["L", "N", "P", "S", "Z", "Cc", "Cs"]), max_size=8),
    ),
    max_size=8,
).map("".join)
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")
DAY = RACE_DAY + timedelta(days=2)


def report_with(text: str) -> tuple[str, str]:
    """(Markdown, HTML) of a week whose note and walk are named ``text``."""
    story = Story(runs=[run(RACE_DAY)]).sore(RACE_DAY, [{Q: 1}, {Q: 6}])
    story.checkins.append(checkin(DAY, {Q: 4}, note=text))
    story.sessions.append(session(DAY, "walk", 12, name=text))
    days = story.summaries(RACE_DAY, RACE_DAY + timedelta(days=6))
    outcome = outcome_for(story.runs[0], story.summaries(*recovery_range(story.runs[0])))
    report = weekly_report(days, outcome, None)
    return report_markdown(report), report_html(report)


class Page(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.data: list[str] = []
        self.comments = 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments += 1


QUIET = report_with("A quiet note")
BLANK = report_with("")  # a blank note is no note: the report says "No notes."


def baseline(text: str) -> tuple[str, str]:
    return QUIET if text.strip() else BLANK


def shape(page: Page) -> list[tuple[str, tuple[tuple[str, str | None], ...]]]:
    return page.tags


def test_the_baseline_holds_the_note_as_text() -> None:
    assert "A quiet note" in "".join(Page(QUIET[1]).data)
    assert "A quiet note" in "".join(Page(MARKDOWN.render(QUIET[0])).data)
    assert "No notes." in "".join(Page(BLANK[1]).data)


@settings(max_examples=150, deadline=None)
@given(note_text)
def test_html_report_keeps_user_text_as_text(text: str) -> None:
    _, html = report_with(text)
    assert CONTROLS.search(html) is None
    html.encode("utf-8")  # no lone surrogate left to fail
    page = Page(html)
    assert page.comments == 0
    # The same elements with the same attributes as with a quiet note: nothing injected.
    assert shape(page) == shape(Page(baseline(text)[1]))
    if plain(text).strip():
        assert plain(text) in "".join(page.data)


@settings(max_examples=150, deadline=None)
@given(note_text)
def test_markdown_report_keeps_user_text_as_text(text: str) -> None:
    markdown, _ = report_with(text)
    assert CONTROLS.search(markdown) is None
    markdown.encode("utf-8")
    rendered = Page(MARKDOWN.render(markdown))
    assert rendered.comments == 0
    assert shape(rendered) == shape(Page(MARKDOWN.render(baseline(text)[0])))
    if one_line(text):
        assert one_line(text) in "".join(rendered.data)

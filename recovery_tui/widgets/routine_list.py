"""The routine picker's pieces: one entry per routine (its name, length, areas and file),
a line per file that failed to load, and the preview of a routine's steps. Names, steps and
paths come from the user's files: each is put in ``Content`` as plain text, never parsed."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from recovery_tui.domain.models import Area
from recovery_tui.domain.text import one_line
from recovery_tui.services.routine_choices import RoutineChoice

ADAPTED = "*"
BROKEN = "✗"


class RoutineOptions(OptionList, can_focus=False):
    """The list under the search field: the field keeps the keyboard, so typing always
    searches and ↑/↓/enter reach the list through the picker."""


def choice_option(choice: RoutineChoice, key: str) -> Option:
    parts: list[str | tuple[str, str]] = [(choice.title, "bold"), "\n", (choice.listed, "dim")]
    if not choice.offered:
        parts += ["\n", (choice.refused, "$warning")]
    return Option(Content.assemble(*parts), id=key, disabled=not choice.offered)


def broken_option(line: str) -> Option:
    return Option(
        Content.assemble((f"{BROKEN} ", "$error"), (line, "$error")),
        disabled=True,
    )


def _areas(areas: tuple[Area, ...]) -> str:
    return ", ".join(area.label for area in areas)


def preview(choice: RoutineChoice) -> Content:
    """The routine as it will run: what it is, its steps with their timing and areas."""
    routine = choice.routine
    parts: list[str | tuple[str, str]] = [(choice.title, "bold"), "\n", (choice.summary, "dim")]
    if routine.description:
        parts += ["\n", (one_line(routine.description), "italic")]
    if routine.reasons:
        parts += ["\n\n", ("Adapted today:", "bold")]
        parts += [f"\n• {one_line(reason)}" for reason in routine.reasons]
    count = len(routine.steps)
    parts += ["\n\n", (f"{count} step" if count == 1 else f"{count} steps", "bold")]
    for number, step in enumerate(routine.steps, start=1):
        mark = f" {ADAPTED}" if step.adapted else ""
        parts += [f"\n{number:>2}. ", one_line(step.name) + mark, ("  " + step.length_text, "dim")]
        if step.areas:
            parts.append((f"  ({_areas(step.areas)})", "dim italic"))
    if routine.adapted:
        parts.append((f"\n\n{ADAPTED} changed for today", "dim italic"))
    return Content.assemble(*parts)

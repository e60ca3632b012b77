"""A small text figure of a body whose areas are coloured by soreness.

Each area also shows its number and a bar, so the meaning survives ``NO_COLOR``.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from recovery_tui.domain.models import Area

# (figure part, area or None) from head to feet; the figure is 7 columns wide.
FIGURE: tuple[tuple[str, Area | None], ...] = (
    ("   O   ", None),
    ("  /|\\  ", None),
    ("  [=]  ", Area.LOWER_BACK),
    (" (   ) ", Area.HIPS),
    ("  (_)  ", Area.GLUTES),
    (" |>|<| ", Area.ADDUCTORS),
    (" |Q Q| ", Area.QUADRICEPS),
    (" |H H| ", Area.HAMSTRINGS),
    ("  o o  ", Area.KNEES),
    ("  | |  ", Area.CALVES),
    (" _/ \\_ ", Area.ANKLES),
)


def soreness_style(level: int | None) -> str:
    if level is None:
        return "dim"
    if level <= 2:
        return "green"
    if level <= 5:
        return "yellow"
    if level <= 7:
        return "dark_orange"
    return "bold red"


class BodyMap(Widget):
    soreness: reactive[dict[Area, int] | None] = reactive(None, always_update=True)

    def render(self) -> Text:
        text = Text()
        values = self.soreness
        for index, (part, area) in enumerate(FIGURE):
            if index:
                text.append("\n")
            level = None if area is None or values is None else values.get(area, 0)
            text.append(part, style=soreness_style(level) if area else "bold")
            if area is None:
                continue
            text.append(f" {area.label:<11}")
            if values is None:
                text.append("  -", style="dim")
                continue
            shown = level or 0
            text.append(f"{shown:>2} ", style="bold")
            text.append("█" * shown, style=soreness_style(shown))
            text.append("·" * (10 - shown), style="dim")
        if values is None:
            text.append("\n\nNo check-in yet today: press c", style="italic")
        return text

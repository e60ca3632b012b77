"""A small text figure of a body whose areas are coloured by soreness.

Each area also shows its number and a bar, so the meaning survives ``NO_COLOR``.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from recovery_tui.domain.models import Area
from recovery_tui.widgets.palette import soreness_style

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


class BodyMap(Widget):
    soreness: reactive[dict[Area, int] | None] = reactive(None, always_update=True)

    def render(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        values = self.soreness
        for index, (part, area) in enumerate(FIGURE):
            if index:
                parts.append("\n")
            level = None if area is None or values is None else values.get(area)
            parts.append((part, soreness_style(level) if area else "bold"))
            if area is None:
                continue
            parts.append(f" {area.label:<11}")
            if level is None:
                # Not entered: unknown, which is not 0.
                parts.append(("  –", "dim"))
                continue
            parts.append((f"{level:>2} ", "bold"))
            parts.append(("█" * level, soreness_style(level)))
            parts.append(("·" * (10 - level), "dim"))
        if values is None:
            parts.append(("\n\nNo check-in yet today: press c", "italic"))
        else:
            parts.append(("\n\n– not entered today", "dim italic"))
        return Content.assemble(*parts)

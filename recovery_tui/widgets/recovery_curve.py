"""The recovery curve: soreness per area against days since the run, drawn by plotext.

Each area is a thin line with its letter (``area_marks``) on every check-in, so the chart
reads under ``NO_COLOR``; the worst area is drawn last, in bold, and named in the title.
The ready line (2) runs across, a red-flag day gets a vertical line and a '!' on top.
Areas are toggled with the digits of the legend (0 shows them all, w only the worst).
With a second recovery, its points are the same letters in lower case on grey lines.

The widget only shows what it is given; textual-plotext is imported when the widget is
composed (or by ``load_plotting``), so opening the app does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from recovery_tui.domain.formats import period_label
from recovery_tui.domain.history.area_marks import mark
from recovery_tui.domain.history.recoveries import READY, RecoveryOutcome
from recovery_tui.domain.models import AREAS, Area
from recovery_tui.domain.soreness import MAX_LEVEL
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label
from recovery_tui.widgets.flow_legend import flow

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot
    from textual_plotext.plot import Plot

# plotext colour names, in Area order; the letters carry the meaning, colour only helps.
AREA_COLOURS: dict[Area, str] = dict(
    zip(
        AREAS,
        ("red+", "blue+", "green+", "magenta+", "cyan+", "orange+", "red", "blue", "green"),
        strict=True,
    )
)
OTHER_COLOUR = "gray"
READY_COLOUR = "green"
FLAG_COLOUR = "red"
# Under NO_COLOR everything in the text colour: greyed colours would only lose contrast.
PLAIN = "default"
FLAG_MARK = "!"
THIN_LINE = "braille"
WORST_LINE = "hd"


def load_plotting() -> None:
    """Load the plotting library now (about 15 ms): History does once its first frame is
    up, so the first curve does not wait for it."""
    import textual_plotext  # noqa: F401


def _name(outcome: RecoveryOutcome, unit: DistanceUnit = DistanceUnit.KM) -> str:
    return f"{run_label(outcome.run, unit)} of {period_label(outcome.run.day, outcome.run.day)}"


# The keys of the areas: the curve's own, and those of a view that holds it and passes
# them on (actions ``toggle_number``, ``show_all``, ``worst_only``).
AREA_BINDINGS: list[BindingType] = [
    *(
        Binding(str(n), f"toggle_number({n})", "Area", show=False, tooltip="Show or hide area n")
        for n in range(1, 10)
    ),
    Binding("0", "show_all", "All areas", tooltip="Show every area"),
    Binding("w", "worst_only", "Worst area", tooltip="Show only the worst area"),
]


class RecoveryCurve(Vertical, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = AREA_BINDINGS

    class AreasChanged(Message):
        """The areas shown changed (the screen may remember them)."""

        def __init__(self, shown: tuple[Area, ...]) -> None:
            super().__init__()
            self.shown = shown

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.outcome: RecoveryOutcome | None = None
        self.other: RecoveryOutcome | None = None
        self.sentence: str | None = None
        self.unit = DistanceUnit.KM  # how distances are said (the screen sets it)
        self.hidden: frozenset[Area] = frozenset()

    def compose(self) -> ComposeResult:
        from textual_plotext import PlotextPlot  # 12–17 ms: only once a curve is shown

        yield Static(id="curve-title")
        yield PlotextPlot(id="curve-plot")
        yield Static(id="curve-legend")

    # -- what the screen calls ---------------------------------------------------------
    def show(
        self,
        outcome: RecoveryOutcome | None,
        other: RecoveryOutcome | None = None,
        sentence: str | None = None,
    ) -> None:
        """Draw ``outcome`` (None: nothing to draw), overlaid with ``other`` if given, and
        ``sentence`` under it. An overlay starts on the worst area alone, a single curve
        on every area."""
        self.outcome, self.other, self.sentence = outcome, other, sentence
        areas = self.areas
        if other is not None and outcome is not None and outcome.worst_area is not None:
            self.hidden = frozenset(a for a in areas if a is not outcome.worst_area)
        else:
            self.hidden = frozenset()
        self._redraw()

    @property
    def areas(self) -> tuple[Area, ...]:
        """The areas that can be shown (entered in either recovery), in legend order."""
        entered = set(self.outcome.areas if self.outcome else ())
        entered |= set(self.other.areas if self.other else ())
        return tuple(a for a in AREAS if a in entered)

    @property
    def shown(self) -> tuple[Area, ...]:
        return tuple(a for a in self.areas if a not in self.hidden)

    def toggle_area(self, area: Area) -> None:
        if area in self.areas:
            self.hidden = self.hidden ^ {area}
            self._changed()

    def show_all_areas(self) -> None:
        self.hidden = frozenset()
        self._changed()

    def show_only(self, area: Area) -> None:
        if area in self.areas:
            self.hidden = frozenset(a for a in self.areas if a is not area)
            self._changed()

    def show_worst_only(self) -> None:
        worst = self.outcome.worst_area if self.outcome else None
        if worst is not None:
            self.show_only(worst)

    # -- keys ----------------------------------------------------------------------------
    def action_toggle_number(self, number: int) -> None:
        if 1 <= number <= len(self.areas):
            self.toggle_area(self.areas[number - 1])

    def action_show_all(self) -> None:
        self.show_all_areas()

    def action_worst_only(self) -> None:
        self.show_worst_only()

    # -- drawing -------------------------------------------------------------------------
    def _changed(self) -> None:
        self._redraw()
        self.post_message(self.AreasChanged(self.shown))

    def _redraw(self) -> None:
        self.query_one("#curve-title", Static).update(self._title())
        self.query_one("#curve-legend", Static).update(self._legend())
        plot = self._plot()
        self._draw(plot)
        plot.refresh()

    def _plot(self) -> PlotextPlot:
        from textual_plotext import PlotextPlot

        return self.query_one("#curve-plot", PlotextPlot)

    def _title(self) -> Content:
        outcome = self.outcome
        if outcome is None:
            return Content("No recovery to draw yet: log a hard run and check in.")
        name = _name(outcome, self.unit)
        parts: list[str | tuple[str, str]] = [(name[0].upper() + name[1:], "bold")]
        if outcome.worst_area is not None and outcome.peak is not None:
            parts.append(f" · peak {outcome.peak} on day {outcome.peak_day} · worst ")
            parts.append((outcome.worst_area.label, "bold reverse"))
        elif outcome.peak is None:
            parts.append(" · no soreness was entered in its days: nothing to draw")
        if self.other is not None:
            parts.append(f"\nCapitals: this one · lower case: {_name(self.other, self.unit)}")
        return Content.assemble(*parts)

    def _legend(self) -> Content:
        worst = self.outcome.worst_area if self.outcome else None
        items: list[Content] = []
        for number, area in enumerate(self.areas, start=1):
            hidden = area in self.hidden
            style = "dim strike" if hidden else ("bold" if area is worst else "")
            items.append(Content.styled(f"{number} {mark(area)} {area.label}", style))
        items.append(Content.styled(f"─ ready line ({READY})", "dim"))
        if self.outcome is not None and self.outcome.red_flag_days:
            items.append(Content.styled(f"{FLAG_MARK} red flag", "dim"))
        # Laid out here, not wrapped by the Static, so "7 C calves" never splits in two.
        legend = flow(items, self.query_one("#curve-legend").content_size.width)
        if self.sentence:
            return Content.assemble(legend, "\n", self.sentence)
        return legend

    def on_resize(self) -> None:
        self.query_one("#curve-legend", Static).update(self._legend())

    def _draw(self, plot: PlotextPlot) -> None:
        plt = plot.plt
        plt.clear_data()
        outcome = self.outcome
        if outcome is None:
            return
        span = max(outcome.span, self.other.span if self.other else 0)
        plt.xlim(-0.3, span - 0.7)
        plt.ylim(0, MAX_LEVEL)
        plt.xticks(list(range(span)))
        plt.yticks(list(range(0, MAX_LEVEL + 1, 2)))
        plt.xlabel("days since the run")
        plain = self.app.no_color
        plt.horizontal_line(READY, color=PLAIN if plain else READY_COLOUR)
        for day in outcome.red_flag_days:
            flag = PLAIN if plain else FLAG_COLOUR
            plt.vertical_line(day, color=flag)
            plt.scatter([day], [MAX_LEVEL], marker=FLAG_MARK, color=flag)
        # Every line first, then every letter, so no line covers a check-in's letter.
        drawn = [(self.other, True)] if self.other is not None else []
        drawn.append((outcome, False))
        for letters in (False, True):
            for recovery, other in drawn:
                self._series(plt, recovery, other, letters)

    def _series(self, plt: Plot, outcome: RecoveryOutcome, other: bool, letters: bool) -> None:
        worst = self.outcome.worst_area if self.outcome else None
        # The worst area last, so it sits on top.
        for area in sorted(self.shown, key=lambda a: a is worst):
            values = outcome.curve.get(area)
            if values is None:
                continue
            xs = [day for day, level in enumerate(values) if level is not None]
            ys = [values[day] for day in xs]
            colour = PLAIN if self.app.no_color else AREA_COLOURS[area]
            highlight = area is worst and not other
            if letters:
                style = "bold" if highlight else "default"
                plt.scatter(xs, ys, marker=mark(area, other), color=colour, style=style)
            else:
                # The worst area's line in half blocks: thicker, also without colour.
                line = WORST_LINE if highlight else THIN_LINE
                grey = other and colour != PLAIN
                plt.plot(xs, ys, marker=line, color=OTHER_COLOUR if grey else colour)

"""Theme colours for the soreness bands of ``domain.soreness``, shared by every widget."""

from __future__ import annotations

from recovery_tui.domain.soreness import Band, band

_BAND_STYLES: dict[Band, str] = {
    Band.NONE: "$success",
    Band.LOW: "$success",
    Band.MILD: "$warning",
    Band.MODERATE: "bold $warning",
    Band.HIGH: "bold $error",
    Band.SEVERE: "bold $error",
}


def soreness_style(level: int | None) -> str:
    """The style of a soreness level; a level not entered is dim."""
    return "dim" if level is None else _BAND_STYLES[band(level)]

"""Soreness levels (0–10) in named bands: the one scale every screen, chart and rule uses.

Ordinary muscle soreness after a hard run is usually mild to moderate; 9–10 is severe and
a reason to rest and, if it does not ease, to see a professional (docs/guidance.md).
"""

from __future__ import annotations

from enum import IntEnum

MAX_LEVEL = 10
# At or below this an area counts as recovered enough for an easy run.
LOW_SORENESS = 2


class Band(IntEnum):
    NONE = 0  # 0
    LOW = 1  # 1–2
    MILD = 2  # 3–4
    MODERATE = 3  # 5–6
    HIGH = 4  # 7–8
    SEVERE = 5  # 9–10

    @property
    def label(self) -> str:
        return self.name.lower()


# The highest level of each band, in order.
_BAND_TOPS: tuple[tuple[int, Band], ...] = (
    (0, Band.NONE),
    (2, Band.LOW),
    (4, Band.MILD),
    (6, Band.MODERATE),
    (8, Band.HIGH),
    (10, Band.SEVERE),
)


def band(level: int) -> Band:
    """The band of a soreness level (levels outside 0–10 are clamped)."""
    for top, found in _BAND_TOPS:
        if level <= top:
            return found
    return Band.SEVERE

"""Sparklines: one block character per value, on a fixed scale."""

from __future__ import annotations

from collections.abc import Sequence

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_MISSING = "·"


def sparkline(
    values: Sequence[int | float | None],
    low: float = 0,
    high: float = 10,
    missing: str = SPARK_MISSING,
) -> str:
    """One block character per value on a fixed scale (0–10 soreness by default), so two
    sparklines side by side compare honestly; values outside the scale are clamped."""
    if high <= low:
        raise ValueError("high must be above low")
    top = len(SPARK_BLOCKS) - 1
    out = []
    for v in values:
        if v is None:
            out.append(missing)
            continue
        share = (min(max(v, low), high) - low) / (high - low)
        out.append(SPARK_BLOCKS[round(share * top)])
    return "".join(out)

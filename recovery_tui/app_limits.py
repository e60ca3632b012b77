"""The smallest terminal the layout is designed for."""

MIN_WIDTH = 60
MIN_HEIGHT = 20
# Below this width side panels fold away and screens show their one-line summaries.
NARROW_WIDTH = 90

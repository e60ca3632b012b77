"""The smallest terminal the layout is designed for."""

MIN_WIDTH = 60
MIN_HEIGHT = 20

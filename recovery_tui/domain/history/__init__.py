"""History: day summaries, trends over a period, the months grid, exports and navigation."""

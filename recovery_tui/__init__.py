"""recovery-tui: a terminal daily companion for runners recovering after a hard run."""

__version__ = "0.1.0"

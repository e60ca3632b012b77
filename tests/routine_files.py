"""Custom routine files written into a test's config directory."""

from __future__ import annotations

from pathlib import Path

EVENING_CALVES = (
    'name = "Evening calves"\n'
    "[[steps]]\n"
    'name = "Wall calf stretch"\nseconds = 45\nsides = true\nareas = ["calves", "ankles"]\n'
    'how = "Hands on the wall, back heel down, lean in."\n'
    "[[steps]]\n"
    'name = "Ankle circles"\nseconds = 30\n'
)
# "secs" for "seconds": refused, with the reason, rather than ignored.
TYPO = 'name = "Typo"\n[[steps]]\nname = "Calf"\nsecs = 30\n'


def write_routine(config: Path, stem: str, text: str) -> Path:
    folder = config / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path

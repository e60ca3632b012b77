"""Small modules (docs/architecture.md, "Where a new piece goes"): no production file in
recovery_tui/ grows past MAX_LINES; a file that does has two jobs and is split."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "recovery_tui"
MAX_LINES = 400


def test_no_production_module_is_over_the_limit() -> None:
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 50  # the package was found
    too_big = {name: lines for name, lines in sizes.items() if lines > MAX_LINES}
    assert too_big == {}

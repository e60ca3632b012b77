"""The layers of DESIGN.md, checked on the source: screens and widgets show and forward,
only store/ touches TinyDB."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "recovery_tui"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_screens_and_widgets_never_reach_the_store() -> None:
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for folder in ("screens", "widgets")
        for path in (PACKAGE / folder).glob("*.py")
        for name in imported_modules(path)
        if name.startswith(("recovery_tui.store", "tinydb"))
    }
    assert offenders == set()


def test_only_the_store_imports_tinydb() -> None:
    offenders = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "store" not in path.relative_to(PACKAGE).parts
        and any(name.startswith("tinydb") for name in imported_modules(path))
    }
    assert offenders == set()

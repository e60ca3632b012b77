"""The layers of docs/architecture.md, checked on the source.

Each layer imports only itself and the layers below it; the UI (screens, widgets, the app)
reaches records through services, never the store; domain/ is pure; services and the store
know nothing of Textual. A checker test plants violations in a throwaway package to show
the rules bite.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "recovery_tui"

# Top to bottom, as in docs/architecture.md. A module belongs to the first layer whose
# prefix matches its dotted name (relative to the package).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cli", ("cli", "__main__")),
    ("commands", ("commands", "serve", "serve_text")),
    ("app", ("app",)),
    ("screens", ("screens",)),
    ("widgets", ("widgets",)),
    ("services", ("services",)),
    ("store", ("store",)),
    ("domain", ("domain",)),
    ("base", ("paths", "errors", "private", "app_limits", "__init__")),
)
# Layers that must go through services/ for records, not reach the store below it.
NO_STORE = frozenset({"cli", "commands", "app", "screens", "widgets"})
# Outside packages a layer must not import.
FORBIDDEN_OUTSIDE: dict[str, tuple[str, ...]] = {
    "domain": ("textual", "tinydb", "rich", "platformdirs"),
    "store": ("textual", "rich"),
    "services": ("textual", "rich"),
}


def layer_of(dotted: str) -> str | None:
    """The layer of a module named relative to the package ("screens.today")."""
    for layer, prefixes in LAYERS:
        for prefix in prefixes:
            if dotted == prefix or dotted.startswith(f"{prefix}."):
                return layer
    return None


def rank(layer: str) -> int:
    return [name for name, _ in LAYERS].index(layer)


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if "." not in node.module:  # "from recovery_tui import commands" names a module
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(package: Path) -> list[str]:
    """Every import that breaks the rules, as 'file: imported name (why)'."""
    root = package.name
    found: list[str] = []
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(package).with_suffix("").parts)
        own = layer_of(module.removesuffix(".__init__") or "__init__")
        if own is None:
            found.append(f"{module}: belongs to no layer")
            continue
        for name in sorted(imports_of(path)):
            where = f"{path.relative_to(package)}: {name}"
            top = name.split(".")[0]
            if top in FORBIDDEN_OUTSIDE.get(own, ()):
                found.append(f"{where} ({own} must not use {top})")
            if top != root:
                continue
            target = layer_of(name.removeprefix(f"{root}.")) if name != root else "base"
            if target is None:
                continue  # a name inside a module we already judged by its module
            if rank(target) < rank(own):
                found.append(f"{where} ({own} imports {target}, a layer above it)")
            elif target == "store" and own in NO_STORE:
                found.append(f"{where} ({own} reaches the store; go through services)")
    return found


def test_the_package_keeps_its_layers() -> None:
    assert violations(PACKAGE) == []


def test_the_checker_catches_a_screen_on_the_store_and_a_widget_on_a_screen(
    tmp_path: Path,
) -> None:
    fake = tmp_path / "recovery_tui"
    for folder in ("screens", "widgets", "store", "domain", "services"):
        (fake / folder).mkdir(parents=True)
        (fake / folder / "__init__.py").write_text("")
    (fake / "screens" / "bad.py").write_text("from recovery_tui.store import Repository\n")
    (fake / "widgets" / "bad.py").write_text("from recovery_tui.screens.today import X\n")
    (fake / "domain" / "bad.py").write_text("import textual\n")
    (fake / "services" / "bad.py").write_text("from recovery_tui.widgets import w\n")
    found = violations(fake)
    assert any(v.startswith("screens/bad.py") and "reaches the store" in v for v in found)
    assert any(v.startswith("widgets/bad.py") and "imports screens" in v for v in found)
    assert any(v.startswith("domain/bad.py") and "textual" in v for v in found)
    assert any(v.startswith("services/bad.py") and "imports widgets" in v for v in found)
    assert len(found) == 4


def test_only_the_store_imports_tinydb() -> None:
    offenders = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "store" not in path.relative_to(PACKAGE).parts
        and any(name.startswith("tinydb") for name in imports_of(path))
    }
    assert offenders == set()


def test_records_are_reached_through_the_journal_not_its_repository() -> None:
    """``journal.repo`` is there for tests to look at what was stored, not for the program."""
    users = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "services" not in path.relative_to(PACKAGE).parts
        and ".repo." in path.read_text(encoding="utf-8")
    }
    assert users == set()

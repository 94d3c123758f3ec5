"""Layering: the core never imports Qt; the UI never touches SQL."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_does_not_import_qt_or_ui() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py")
        if any(m.split(".")[0] in {"PySide6", "shiboken6", "ui"} for m in imported_modules(p))
    ]
    assert offenders == []


def test_ui_does_not_import_sqlalchemy_or_models() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
        if any(m.split(".")[0] == "sqlalchemy" or m in {"app.models", "app.db"} and p.name != "application.py"
               for m in imported_modules(p))
    ]
    assert offenders == []


def test_no_domain_literals_in_python() -> None:
    """Matters live in resources/catalog, not in code: no matter name appears in a .py file."""
    from app.catalog import load_catalog

    names = [m.name for m in load_catalog().matters]
    sources = {p: p.read_text(encoding="utf-8") for p in list((ROOT / "app").rglob("*.py")) + list((ROOT / "ui").rglob("*.py"))}
    hits = [(str(p.relative_to(ROOT)), n) for p, text in sources.items() for n in names if n in text]
    assert hits == []

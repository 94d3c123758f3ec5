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


# Calls that read the PC's wall clock. Durations (time.monotonic, perf_counter) are not times
# the program writes and stay allowed.
WALL_CLOCK_CALLS = (
    "datetime.now", "datetime.utcnow", "datetime.today", "date.today",
    "time.time", "time.time_ns", "time.localtime", "time.gmtime", "time.ctime", "time.asctime",
    "QDateTime.currentDateTime", "QDateTime.currentDateTimeUtc", "QDateTime.currentMSecsSinceEpoch",
    "QDateTime.currentSecsSinceEpoch", "QDate.currentDate", "QTime.currentTime",
)
WALL_CLOCK_NAMES = {"time", "time_ns", "localtime", "gmtime", "ctime", "asctime"}  # from time import …
ONE_CLOCK = ROOT / "app" / "clock.py"


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def wall_clock_reads(source: str) -> list[str]:
    """Where a module reads the wall clock itself: 'line: call'."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            if any(name == call or name.endswith("." + call) for call in WALL_CLOCK_CALLS):
                found.append(f"{node.lineno}: {name}()")
            elif name.endswith("strftime") and name.split(".")[-2:-1] == ["time"] and len(node.args) < 2:
                found.append(f"{node.lineno}: {name}() without a time")
        elif isinstance(node, ast.ImportFrom) and node.module == "time":
            found += [f"{node.lineno}: from time import {a.name}" for a in node.names if a.name in WALL_CLOCK_NAMES]
    return found


def test_one_clock_the_wall_clock_is_read_in_one_place() -> None:
    """Every time the program writes comes from the services' clock (app/clock.py)."""
    offenders = {
        str(p.relative_to(ROOT)): hits
        for p in list((ROOT / "app").rglob("*.py")) + list((ROOT / "ui").rglob("*.py"))
        if p != ONE_CLOCK and (hits := wall_clock_reads(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_clock_check_finds_each_way_of_reading_the_wall_clock() -> None:
    sources = [
        "import datetime as dt\nx = dt.datetime.now(dt.UTC)",
        "from datetime import date\nx = date.today()",
        "import datetime\nx = datetime.datetime.utcnow()",
        "import time\nx = time.time()",
        "from time import time\n",
        "import time\nx = time.strftime('%Y')",
        "from PySide6.QtCore import QDate\nx = QDate.currentDate()",
        "from PySide6.QtCore import QDateTime\nx = QDateTime.currentDateTime()",
    ]
    assert all(wall_clock_reads(s) for s in sources)
    allowed = "import time\nx = time.monotonic()\ny = ctx.now()\nz = self.ctx.today()\nw = clock()"
    assert wall_clock_reads(allowed) == []

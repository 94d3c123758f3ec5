"""The case list and search on a county's million cases, and the app's peak memory (issue 7).

    python benchmarks/bench_scale.py [--db /tmp/bench/county-1m.sqlite3 | --url postgresql+psycopg://…]
    python benchmarks/bench_scale.py --quick   # 5,000 cases in a temporary folder, no verdict on time

The database comes from benchmarks/generate_county.py (it is opened, and upgraded to the newest
schema, as the app would). Each figure is the median of ``--repeat`` warm runs, printed beside
its baseline — the same rows fetched by plain SQL through the same driver, written the way
one would by hand with the right index (``… ORDER BY … LIMIT 200``, a one-column prefix range) —
as a ratio:

- the case list's first page shown (the case list page refreshed: its page and its count);
- a page deep in the list (keyset paging) at several depths, with OFFSET for comparison;
- search by case number, id number, phone and name prefix (narrow and broad prefixes), and the
  count the list shows beside it;
- the peak RSS of a child process that opens the main window on the database (offscreen),
  shows the case list, scrolls it and runs the searches, beside a bare PySide6 window's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._common import median_ms, quick_exit, report, timed  # noqa: E402

PAGE = 200  # ui.case_model.PAGE_SIZE
FIRST_PAGE_MS = 150
SEARCH_MS = 100
PEAK_MB = 300

# The columns the case list shows, in plain SQL.
ROW_SQL = ("SELECT c.id, c.number, c.notice_number, a.name, m.name, c.status, c.received_at, "
           "c.due_date, c.due_uncertain, c.green_channel FROM case_file c "
           "JOIN applicant a ON a.id = c.applicant_id JOIN matter m ON m.id = c.matter_id ")
ORDER_SQL = " ORDER BY c.green_channel DESC, c.received_at DESC, c.id DESC"

# Each child's peak memory is its own high-water mark (VmHWM). Not getrusage's ru_maxrss:
# Linux carries that over from the parent through fork and exec, so every child would report
# at least the parent's size (this script's, with the database and Qt loaded).
PEAK_KB = """
def peak_kb():
    with open("/proc/self/status") as status:
        return int(status.read().split("VmHWM:")[1].split()[0])
"""

MEMORY_CHILD = PEAK_KB + """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.clock import system_clock
from app.db import open_database
from app.services import Services
from ui.application import make_application
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

app = make_application()
services = Services.create(open_database(sys.argv[1]), Path(sys.argv[2]), clock=system_clock)
services.office.sign_in_default()
runner = TaskRunner()
window = MainWindow(services, runner, Path(sys.argv[2]))
window.resize(1280, 800)
window.show()
runner.wait(); app.processEvents()
window.show_cases()
runner.wait(); app.processEvents()
page = window.cases
bar = page.table.verticalScrollBar()
for _ in range(20):  # scroll to the end of what is loaded, twenty times: 4,000 rows
    bar.setValue(bar.maximum())
    app.processEvents(); runner.wait(); app.processEvents()
rows = page.model.rowCount()
for term in sys.argv[3:]:
    page.search_edit.setText(term)
    page.search()
    runner.wait(); app.processEvents()
print("ROWS", rows, flush=True)
print("PEAK_KB", peak_kb(), flush=True)
os._exit(0)  # measured; skip the interpreter's teardown of Qt objects
"""

BARE_CHILD = PEAK_KB + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow(); window.setCentralWidget(QLabel("hello")); window.resize(1280, 800); window.show()
app.processEvents()
print("PEAK_KB", peak_kb(), flush=True)
"""


def _child_peak_mb(code: str, *args: str, timeout: float = 600) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(ROOT))
    try:
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                              cwd=ROOT, env=env, timeout=timeout)
    except subprocess.TimeoutExpired as exc:  # run() has killed it
        raise RuntimeError(f"child did not finish within {timeout:.0f} s and was killed") from exc
    if done.returncode != 0:
        raise RuntimeError(f"child failed: {done.stderr[-2000:]}")
    peak = next(line for line in done.stdout.splitlines() if line.startswith("PEAK_KB"))
    return int(peak.split()[1]) / 1024, done.stdout  # VmHWM is in KiB


def _range(column: str) -> str:
    # The same prefix test the service writes: a range on the column's own index.
    return f"({column} >= :p AND {column} < :p || :top)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench/county-1m.sqlite3"))
    parser.add_argument("--url", help="a database URL instead (e.g. PostgreSQL)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--quick", action="store_true",
                        help="5,000 cases over 3 townships in a temporary folder, 2 runs; no verdict on time")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="landdesk-scale-"))
    try:
        if args.quick:
            from benchmarks.generate_county import generate_county

            args.url, args.db, args.repeat = None, folder / "county.sqlite3", 2
            made = generate_county(f"sqlite:///{args.db}", 5_000, townships=3, years=2,
                                   folder=folder / "generator")
            print(f"generated {made['cases']:,.0f} cases in {made['seconds']:.1f} s")
        return run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: Path) -> int:  # noqa: PLR0915 - one figure after another
    url = args.url or f"sqlite:///{args.db}"
    if not args.url and not args.db.exists():
        print(f"{args.db} not found: make it with benchmarks/generate_county.py", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from sqlalchemy import text

    from app.clock import system_clock
    from app.db import open_database
    from app.services import Services
    from app.services.cases import COUNT_LIMIT
    from ui.application import make_application
    from ui.cases_page import CasesPage
    from ui.tasks import TaskRunner

    db = open_database(url)  # upgrades to the newest schema, as the app does
    services = Services.create(db, folder, clock=system_clock)
    services.office.sign_in_default()
    cases = services.cases
    top = "\U0010ffff"
    with db.engine.connect() as conn:
        total = conn.scalar(text("SELECT count(*) FROM case_file"))
    print(f"{url}: {total:,} cases; county-wide list: {cases.spans_county()}; "
          f"median of {args.repeat} warm runs each\n")
    conn = db.engine.connect()

    def plain(sql: str, **params: Any) -> Callable[[], object]:
        return lambda: conn.execute(text(sql), params).all()

    def both(name: str, ours: Callable[[], object], base: Callable[[], object], target_ms: float,
             ratio: float = float("inf")) -> bool:
        ours(), base()  # warm the caches
        mine, baseline = timed(ours, args.repeat), timed(base, args.repeat)
        ok = median_ms(mine) <= target_ms
        report(name, mine, baseline, ratio,
               extra=f"; target <= {target_ms:.0f} ms {'OK' if ok else 'MISSED'}")
        return ok

    results: list[bool] = []
    # ------------------------------------------------------------ the first page
    app = make_application()
    page_widget = CasesPage(services, TaskRunner(inline=True))
    page_widget.resize(1280, 700)
    page_widget.show()

    def shown() -> None:
        page_widget.refresh()
        app.processEvents()
        assert page_widget.model.rowCount() == PAGE

    results.append(both("case list first page shown (200 rows + count, list page refreshed)", shown,
                        plain(ROW_SQL + ORDER_SQL + " LIMIT 200"), FIRST_PAGE_MS))
    results.append(both("  of which the page query (cases.search)", lambda: cases.search(limit=PAGE),
                        plain(ROW_SQL + ORDER_SQL + " LIMIT 200"), FIRST_PAGE_MS))
    results.append(both("  of which the count (cases.count)", lambda: cases.count(cap=COUNT_LIMIT),
                        plain("SELECT count(*) FROM case_file"), FIRST_PAGE_MS))

    # ------------------------------------------------------------ the list filtered
    from app.services.cases import DueFilter
    from app.services.intake import CaseStatus

    for status in (CaseStatus.RECEIVED, CaseStatus.INCOMPLETE, CaseStatus.REJECTED):
        results.append(both(
            f"first page, status {status.value}",
            lambda status=status: cases.search(status=status, limit=PAGE),
            plain(ROW_SQL + "WHERE c.status = :s" + ORDER_SQL + " LIMIT 200", s=status.value),
            FIRST_PAGE_MS))
    today = services.ctx.today()
    results.append(both(
        "first page, overdue", lambda: cases.search(due=DueFilter.OVERDUE, limit=PAGE),
        plain(ROW_SQL + "WHERE c.status IN ('received', 'accepted') AND c.due_date < :d" + ORDER_SQL
              + " LIMIT 200", d=today.isoformat() if db.engine.dialect.name == "sqlite" else today),
        FIRST_PAGE_MS))

    # ------------------------------------------------------------ deep in the list
    for depth in sorted({min(10_000, total // 10), total // 2, total - 1_000}):
        last = cases.search(limit=1, offset=depth - 1)[0]  # where the view has scrolled to
        keyset = conn.execute(
            text(ROW_SQL + ORDER_SQL + f" LIMIT 1 OFFSET {depth - 1}")).one()
        raw_keys = {"g": keyset[9], "r": keyset[6], "i": keyset[0]}
        results.append(both(
            f"page after row {depth:,} (keyset)", lambda last=last: cases.search(limit=PAGE, after=last),
            plain(ROW_SQL + "WHERE (c.green_channel, c.received_at, c.id) < (:g, :r, :i)" + ORDER_SQL
                  + " LIMIT 200", **raw_keys), SEARCH_MS))
        offset = timed(plain(ROW_SQL + ORDER_SQL + f" LIMIT 200 OFFSET {depth}"), 1)
        print(f"  (the same page by OFFSET in plain SQL: {median_ms(offset):.0f} ms)")

    # ------------------------------------------------------------ search
    sample = conn.execute(text(
        "SELECT c.number, a.id_number, a.phone, a.name FROM case_file c "
        "JOIN applicant a ON a.id = c.applicant_id WHERE c.number IS NOT NULL"
        + ORDER_SQL + f" LIMIT 1 OFFSET {total // 8}")).one()
    number, id_number, phone, name = sample
    searches = [
        ("case number (whole)", number, "c.number"),
        ("case number (township + year)", number[:12], "c.number"),
        ("id number (whole)", id_number, "a.id_number"),
        ("id number (county + birth year)", id_number[:10], "a.id_number"),
        ("phone (whole)", phone, "a.phone"),
        ("phone (first 7 digits)", phone[:7], "a.phone"),
        ("phone (first 3 digits)", phone[:3], "a.phone"),
        ("name (surname)", name[:1], "a.name"),
        ("name (whole)", name, "a.name"),
    ]
    for label, term, column in searches:
        base = plain(ROW_SQL + "WHERE " + _range(column) + ORDER_SQL + " LIMIT 200", p=term, top=top)
        results.append(both(f"search {label} {term!r}", lambda term=term: cases.search(term, limit=PAGE),
                            base, SEARCH_MS))
        found = cases.count(term, cap=COUNT_LIMIT)
        counted = timed(lambda term=term: cases.count(term, cap=COUNT_LIMIT), args.repeat)
        shown_count = f"more than {COUNT_LIMIT:,}" if found > COUNT_LIMIT else f"{found:,}"
        print(f"  count shown: {shown_count} in {median_ms(counted):.1f} ms")
    conn.close()
    page_widget.close()

    # ------------------------------------------------------------ peak memory
    if not args.skip_memory:
        limit = 120 if args.quick else 600
        bare_mb, _ = _child_peak_mb(BARE_CHILD, timeout=limit)
        terms = [term for _, term, _ in searches]
        peak_mb, out = _child_peak_mb(MEMORY_CHILD, url, str(folder / "child"), *terms, timeout=limit)
        rows = next(line for line in out.splitlines() if line.startswith("ROWS")).split()[1]
        ok = peak_mb <= PEAK_MB
        results.append(ok)
        print(f"peak memory (main window on the database, case list scrolled to {int(rows):,} rows, "
              f"{len(terms)} searches): {peak_mb:.0f} MB, bare PySide6 window {bare_mb:.0f} MB, "
              f"ratio {peak_mb / bare_mb:.2f}x; target <= {PEAK_MB} MB {'OK' if ok else 'MISSED'}")
    db.dispose()
    missed = results.count(False)
    print(f"\n{len(results) - missed} of {len(results)} figures within target")
    return quick_exit(not missed, args.quick)


if __name__ == "__main__":
    sys.exit(main())

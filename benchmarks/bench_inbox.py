"""The signed-in user's inbox and counts on a 200,000-case office database (most done).

Generates the database with benchmarks/generate.py if it is missing, signs in
as the user holding the most open cases, and times RoutingService.counts(),
inbox() and office_overdue(). Every SQL statement they run is captured and
shown with SQLite's EXPLAIN QUERY PLAN, so the use of indexes is visible.
Baseline for scale: the plain ``SELECT count(*)`` of that user's open cases
through the same driver. Target: each under 100 ms.

``--quick``: 3,000 cases in a temporary folder, 3 runs each, no verdict on time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/landdesk-bench/inbox200k.sqlite3"))
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--quick", action="store_true",
                        help="3,000 cases in a temporary folder, 3 runs; no verdict on time")
    args = parser.parse_args()
    scratch = None
    if args.quick:
        scratch = Path(tempfile.mkdtemp(prefix="landdesk-bench-inbox-"))
        args.db, args.cases, args.repeat = scratch / "inbox.sqlite3", 3_000, 3
    try:
        return run(args)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import event, func, select, text

    from app.clock import system_clock
    from app.db import open_database
    from app.models import Case
    from app.services import Services
    from app.services.routing import RoutingService
    from benchmarks._common import quick_exit
    from benchmarks.generate import generate

    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        generate(args.db, args.cases)
    db = open_database(f"sqlite:///{args.db}")
    services = Services.create(db, args.db.parent, clock=system_clock)
    with db.read_session() as s:
        holder, held = s.execute(
            select(Case.holder_id, func.count()).where(Case.holder_id.is_not(None))
            .group_by(Case.holder_id).order_by(func.count().desc()).limit(1)
        ).one()
        total = s.scalar(select(func.count()).select_from(Case))
    services.ctx.user_id = holder
    routing = RoutingService(services.ctx, services.reference)
    routing.counts()  # warm: calendar and caches, as in the running app

    statements: list[str] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", capture)
    routing.counts()
    routing.inbox()
    routing.office_overdue()
    event.remove(db.engine, "before_cursor_execute", capture)

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        samples = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t)
        return statistics.median(samples) * 1000

    def baseline() -> None:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM case_file WHERE holder_id = :h AND status = 'accepted'"),
                         {"h": holder.hex}).scalar()

    base = timed(baseline)
    print(f"database: {total} cases, signed-in user holds {held} open cases")
    ok = True
    for name, fn in [("counts()", routing.counts), ("inbox()", routing.inbox),
                     ("office_overdue()", routing.office_overdue)]:
        ms = timed(fn)
        ok &= ms < 100
        print(f"{name}: {ms:.1f} ms (target < 100 ms) {'OK' if ms < 100 else 'MISSED'}; "
              f"plain count baseline {base:.2f} ms, ratio {ms / base:.1f}x")
    print("query plans:")
    with db.engine.connect() as conn:
        for statement in dict.fromkeys(statements):
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            print("  " + " ".join(statement.split())[:160])
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                            tuple([None] * statement.count("?"))):
                print(f"      {row[-1]}")
    db.dispose()
    return quick_exit(ok, args.quick)


if __name__ == "__main__":
    sys.exit(main())

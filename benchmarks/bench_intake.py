"""Accepting one case through the service vs a raw SQLAlchemy insert of the same rows.

Both write to the same kind of database (SQLite file, WAL, synchronous=FULL)
and commit once per case. The baseline inserts exactly the rows the service
wrote for its case — applicant, case, materials, events, sequence counter,
audit and change-log rows — copied from the service's own output, with Core
``insert()`` and no validation, numbering, deadline or hashing work.
Target: ratio <= 5x. ``--quick``: 10 cases, no verdict on time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import demo_database, quick_exit, report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="10 cases; no verdict on time")
    args = parser.parse_args()
    if args.quick:
        args.cases = 10

    from sqlalchemy import func, insert, select

    from app.clock import system_clock
    from app.db import open_database
    from app.models import (
        Applicant,
        AuditLog,
        Base,
        Case,
        CaseEvent,
        CaseMaterial,
        ChangeLog,
    )
    from app.services import Services
    from tests.test_intake_service import full_form

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours_path = demo_database(folder)
        base_path = folder / "baseline.sqlite3"
        shutil.copyfile(ours_path, base_path)  # same office, matters and users for both
        ours_db = open_database(f"sqlite:///{ours_path}")
        base_db = open_database(f"sqlite:///{base_path}")
        services = Services.create(ours_db, folder, clock=system_clock)
        form = full_form(services)
        with ours_db.session() as s:
            audit_mark = s.scalar(select(func.max(AuditLog.seq))) or 0
            change_mark = s.scalar(select(func.max(ChangeLog.seq))) or 0
        services.intake.accept(form)  # warm caches (catalogue, calendar) as a running app has them

        # The rows one acceptance writes, read back from the service's own database.
        with ours_db.session() as s:
            case = s.scalars(select(Case)).one()
            table_rows: list[tuple[type[Base], list[dict[str, object]]]] = []
            for model, where in [
                (Applicant, Applicant.id == case.applicant_id),
                (Case, Case.id == case.id),
                (CaseMaterial, CaseMaterial.case_id == case.id),
                (CaseEvent, CaseEvent.case_id == case.id),
                (AuditLog, AuditLog.seq > audit_mark),
                (ChangeLog, ChangeLog.seq > change_mark),
            ]:
                rows = []
                for obj in s.scalars(select(model).where(where)):
                    rows.append({c.key: getattr(obj, c.key) for c in model.__mapper__.column_attrs})
                table_rows.append((model, rows))
        audit_rows = len(table_rows[4][1])

        renamed = ("id", "case_id", "applicant_id")

        def baseline_once() -> None:
            # New ids for this case's own rows; office, matter and clerk ids stay.
            ids: dict[object, uuid.UUID] = {}
            with base_db.engine.begin() as conn:
                for model, rows in table_rows:
                    batch = []
                    for row in rows:
                        row = dict(row)
                        row.pop("seq", None)
                        for key in renamed:
                            if isinstance(row.get(key), uuid.UUID):
                                row[key] = ids.setdefault(row[key], uuid.uuid4())
                        if model is Case:
                            row["number"] = None
                        if model is Applicant:
                            row["id_number"] = uuid.uuid4().hex[:18]
                        batch.append(row)
                    conn.execute(insert(model), batch)

        def ours_once() -> None:
            services.intake.accept(form)

        import time

        ours: list[float] = []
        base: list[float] = []
        for _ in range(args.cases):  # interleaved, so disk and cache effects hit both alike
            t = time.perf_counter()
            ours_once()
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            baseline_once()
            base.append(time.perf_counter() - t)
        ours_db.dispose()
        base_db.dispose()
    print(f"rows per acceptance: {sum(len(r) for _, r in table_rows)} (audit entries {audit_rows})")
    ok = report(f"accept one case ({args.cases} runs)", ours, base, 5.0)
    return quick_exit(ok, args.quick)


if __name__ == "__main__":
    sys.exit(main())

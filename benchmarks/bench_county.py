"""The county summary on a county database of 200,000 cases spread over ten townships.

Copies the 200,000-case office made by benchmarks/generate.py (made first if missing),
spreads its cases over ten township offices, adds the county's own office, and times
CountyService.report() for the last full year (one GROUP BY township × matter × month,
summed into the three views) and one township's drill-down for a month. Baseline:
the plain ``SELECT office_id, count(*) … GROUP BY office_id`` of the same year through
the same driver. The ratio says what the conditional sums, the pause check and the
matter and month groupings cost on top of merely counting; the target is an absolute
one, under a second for the whole summary on an old PC.

``--quick`` makes a 3,000-case office in a temporary folder instead and times two runs of
each: it checks that the script still works, and says nothing about time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOWNSHIPS = 10


def prepare(source: Path, target: Path) -> None:
    from sqlalchemy import select, update

    from app.clock import system_clock
    from app.db import open_database
    from app.models import Case, Office, User

    now = system_clock()
    shutil.copyfile(source, target)
    db = open_database(f"sqlite:///{target}")
    with db.engine.begin() as conn:
        first = conn.scalar(select(Office.id))
        offices = [first]
        for n in range(2, TOWNSHIPS + 1):
            office_id = uuid.uuid4()
            conn.execute(Office.__table__.insert().values(
                id=office_id, code=f"3707021{n:02d}", name=f"第{n}镇自然资源所", county="", address="",
                phone="", complaint_phone="", reconsideration_body="", court="", is_county=False,
                created_at=now, updated_at=now))
            offices.append(office_id)
        county_id = uuid.uuid4()
        conn.execute(Office.__table__.insert().values(
            id=county_id, code="370702000", name="示例县自然资源局", county="", address="", phone="",
            complaint_phone="", reconsideration_body="", court="", is_county=True,
            created_at=now, updated_at=now))
        # The county's own user is the one who can sign in here (township users arrive without
        # passwords), which is how a county database knows it is the county's.
        conn.execute(update(User).values(password_hash=None))
        conn.execute(User.__table__.insert().values(
            id=uuid.uuid4(), office_id=county_id, username="county", display_name="县局", roles="admin",
            password_hash="benchmark-no-sign-in", must_change_password=False, failed_sign_ins=0,
            active=True, created_at=now))
        ids = list(conn.scalars(select(Case.id).order_by(Case.received_at)))
        for index, office_id in enumerate(offices[1:], start=1):
            chunk = ids[index::TOWNSHIPS]
            for start in range(0, len(chunk), 900):
                conn.execute(update(Case).where(Case.id.in_(chunk[start:start + 900])).values(office_id=office_id))
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=Path("/tmp/landdesk-bench/inbox200k.sqlite3"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/landdesk-bench/county200k.sqlite3"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cases", type=int, default=200_000, help="cases to generate if --source is missing")
    parser.add_argument("--quick", action="store_true",
                        help="3,000 cases in a temporary folder, 2 runs; no verdict on time")
    args = parser.parse_args()
    scratch = None
    if args.quick:
        scratch = Path(tempfile.mkdtemp(prefix="landdesk-bench-county-"))
        args.source, args.db = scratch / "office.sqlite3", scratch / "county.sqlite3"
        args.cases, args.repeat = 3_000, 2
    try:
        return run(args)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from app.clock import system_clock
    from app.db import open_database
    from app.models import Case
    from app.services import Services
    from app.services.county import ReportPeriod
    from benchmarks._common import median_ms, quick_exit, report, timed
    from benchmarks.generate import generate

    if not args.db.exists():
        if not args.source.exists():
            args.source.parent.mkdir(parents=True, exist_ok=True)
            generate(args.source, args.cases)
        prepare(args.source, args.db)
    db = open_database(f"sqlite:///{args.db}")
    services = Services.create(db, args.db.parent, clock=system_clock)
    with db.read_session() as s:
        total = s.scalar(select(func.count()).select_from(Case))
    county = services.county
    year = services.ctx.today().year - 1
    period = ReportPeriod(year)
    summary = county.report(period)  # warm, as the page is after its first showing
    township = summary.by_office[0].office

    def baseline() -> object:
        with db.read_session() as s:
            return s.execute(select(Case.office_id, func.count())
                             .where(Case.received_at >= period.start, Case.received_at < period.end)
                             .group_by(Case.office_id)).all()

    print(f"{total} cases over {len(summary.by_office)} townships; {year}: "
          f"{summary.totals.received} received, {len(summary.by_matter)} township×matter rows, "
          f"{len(summary.by_month)} township×month rows")
    ours = timed(lambda: county.report(period), args.repeat)
    plain = timed(baseline, args.repeat)
    report("county summary (one grouped query)", ours, plain, float("inf"))
    month = ReportPeriod(year, 6, 6)
    drill = timed(lambda: county.township_cases(township.id, month), args.repeat)
    rows = len(county.township_cases(township.id, month))
    print(f"drill-down: {township.name}, {month.label}: {rows} cases in {median_ms(drill):.1f} ms")
    ok = median_ms(ours) < 1000
    print(f"summary under 1 s: {'OK' if ok else 'MISSED'}")
    db.dispose()
    return quick_exit(ok, args.quick)


if __name__ == "__main__":
    sys.exit(main())

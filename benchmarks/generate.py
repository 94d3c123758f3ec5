"""Bulk generator of a large office database for benchmarks (not for real use).

Inserts rows with Core ``executemany`` in batches — going through the services
would take hours for 200,000 cases — so these rows have no audit or change-log
entries. The office, users, catalogue and calendar are made by the real
services first, so every foreign key and code is genuine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAFF = [
    ("zhangke", "张科长", "section_chief"),
    ("lifj", "李副局", "deputy_leader"),
    ("wangjz", "王局长", "leader"),
    ("zhaojb", "赵经办", "handler"),
    ("sunjb", "孙经办", "handler"),
]


def generate(path: Path, cases: int, done_fraction: float = 0.9, seed: int = 7) -> dict[str, int]:
    from sqlalchemy import insert, select

    from app.clock import system_clock
    from app.db import open_database
    from app.demo import DEMO_OFFICE, random_mobile, random_resident_id
    from app.models import Applicant, Case, CaseStep, Matter, Office, User
    from app.services import Services
    from app.services.context import LOCAL_TZ
    from app.services.users import DEMO_PASSWORD

    rng = random.Random(seed)
    db = open_database(f"sqlite:///{path}")
    services = Services.create(db, path.parent, clock=system_clock)
    if services.office.needs_setup():
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=DEMO_PASSWORD)
    with services.ctx.transaction("bench.staff") as s:
        office_id = s.scalar(select(Office.id))
        for username, name, role in STAFF:
            if s.scalar(select(User.id).where(User.username == username)) is None:
                s.add(User(office_id=office_id, username=username, display_name=name, roles=role))
    with db.session() as s:
        users = list(s.scalars(select(User.id)))
        clerk = s.scalar(select(User.id).where(User.username == "wangxm"))
        matters = [(m.id, m.promised_days) for m in s.scalars(select(Matter))]
    calendar = services.reference.calendar()
    today = services.ctx.today()
    now = services.ctx.now()
    start_day = today - dt.timedelta(days=3 * 365)
    span = (today - start_day).days
    batch = 5000
    made = 0
    t0 = time.perf_counter()
    with db.engine.begin() as conn:
        seq = 0
        while made < cases:
            n = min(batch, cases - made)
            applicants, case_rows, steps = [], [], []
            for k in range(n):
                seq += 1
                received_day = start_day + dt.timedelta(days=int(span * ((made + k) / cases)))
                received = dt.datetime.combine(received_day, dt.time(9, rng.randint(0, 59)), LOCAL_TZ)
                matter_id, promised = rng.choice(matters)
                due = calendar.add_working_days(received_day, promised).due
                done = rng.random() < done_fraction or due < today - dt.timedelta(days=60)
                applicant_id, case_id = uuid.uuid4(), uuid.uuid4()
                holder = None if done else rng.choice(users)
                applicants.append(dict(id=applicant_id, office_id=office_id, kind="person",
                                       name=f"申请人{seq:06d}", id_type="resident_id",
                                       id_number=random_resident_id(rng, today), phone=random_mobile(rng),
                                       address="示例镇", village="", legal_rep="", legal_rep_id_number="",
                                       created_at=now, updated_at=now))
                case_rows.append(dict(
                    id=case_id, office_id=office_id, number=f"{DEMO_OFFICE.code}{received_day.year}{seq:06d}",
                    matter_id=matter_id, applicant_id=applicant_id, clerk_id=clerk,
                    status="completed" if done else "accepted", green_channel=rng.random() < 0.03,
                    summary="", location="", agent_name="", agent_id_number="", agent_phone="",
                    received_at=received, accepted_at=received, decided_at=received,
                    promised_days=promised, due_date=due, due_uncertain=False, notice_late=False,
                    refusal_reason="", holder_id=holder, current_step=0 if done else 2,
                    completed_at=received + dt.timedelta(days=promised) if done else None,
                    result="approved" if done else "", decision_text="", version=1,
                    created_at=now, updated_at=now))
                steps.append(dict(id=uuid.uuid4(), case_id=case_id, seq=1, kind="forward", step_order=2,
                                  step_name="所长审核", role="section_chief", from_user_id=clerk,
                                  to_user_id=holder or rng.choice(users), sent_at=received,
                                  received_at=received if done or rng.random() < 0.7 else None,
                                  done_at=received if done else None,
                                  due_date=calendar.add_working_days(received_day, 1).due,
                                  due_uncertain=False, opinion="", result="", confirmed=done,
                                  reason="", return_target=""))
            conn.execute(insert(Applicant), applicants)
            conn.execute(insert(Case), case_rows)
            conn.execute(insert(CaseStep), steps)
            made += n
    elapsed = time.perf_counter() - t0
    db.dispose()
    print(f"generated {made} cases in {elapsed:.1f} s into {path}")
    return {"cases": made}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--cases", type=int, default=200_000)
    args = parser.parse_args()
    args.path.parent.mkdir(parents=True, exist_ok=True)
    generate(args.path, args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())

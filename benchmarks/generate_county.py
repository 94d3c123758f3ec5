"""Bulk generator of a county database for benchmarks (not for real use).

``python benchmarks/generate_county.py /tmp/bench/county-1m.sqlite3 --cases 1000000 --townships 30
--years 10`` (or ``--url postgresql://…`` instead of the path) makes what a county bureau's
database holds after years of monthly syncs: the county office (made by the real sync service),
its townships with their staff, the catalogue and the holiday calendar (made by the real
reference service), and ``--cases`` applications spread evenly over the last ``--years`` years
and at random over the townships, each with its applicant, materials, events, transfer-slip
row and, for a few, a pause of the clock.

Like benchmarks/generate.py (whose staff list and random identities it reuses) the cases are
written with Core ``executemany`` in batches — going through the services would take days for
a million cases — so they have no audit or change-log rows. The mix is roughly what the demo
office shows: most cases accepted and completed within the promised time, a few late, some
one-time notices (some supplemented and accepted later), refusals, green-channel cases and
paused ones; recent cases are still open, some of them past due. Prints the time taken and the
database's size. Issue 7 reuses it for the case list and search benchmarks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import STAFF  # noqa: E402

COUNTY_CODE = "370702000"
COUNTY_NAME = "示例县自然资源局"
# Enough two-character place names for 99 townships: 东岭, 西河, 南山 …
_PLACE_FIRST = "东西南北前后上下大小新老高红青白金石杨柳桃李"
_PLACE_SECOND = "岭河山湖庄集店桥坡营"
BATCH = 5000  # cases per executemany round
COMMIT_EVERY = 50_000  # cases per transaction: bounded memory on PostgreSQL, few fsyncs on SQLite
# Surnames with roughly their share of the population (王 and 李 about 7 % each), so a name-prefix
# search on the county database meets the crowded surnames a real clerk types.
_SURNAMES = ("王" * 7 + "李" * 7 + "张" * 7 + "刘" * 5 + "陈" * 5 + "杨" * 3 + "赵" * 2 + "黄" * 2
             + "周" * 2 + "吴" * 2 + "徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎")
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉红春梅志海云凤文德金成林宝荣福胜利"


def person_name(i: int) -> str:
    """A plausible Chinese name for applicant number ``i`` (the same one every run)."""
    h = (i * 2654435761 + 97) % 2**32  # Knuth's multiplicative hash spreads consecutive numbers
    surname = _SURNAMES[h % len(_SURNAMES)]
    h //= len(_SURNAMES)
    given = _GIVEN[h % len(_GIVEN)]
    h //= len(_GIVEN)
    if h % 3:  # two thirds have a two-character given name
        given += _GIVEN[(h // 3) % len(_GIVEN)]
    return surname + given


def township_names(count: int) -> list[tuple[str, str]]:
    """(code, name) of ``count`` townships: 370702101 东岭镇自然资源所, …"""
    names = [a + b for a in _PLACE_FIRST for b in _PLACE_SECOND]
    random.Random(3).shuffle(names)
    if not 1 <= count <= 99:
        raise ValueError("--townships must be between 1 and 99 (three-digit township codes)")
    return [(f"370702{101 + n:03d}", f"{names[n]}镇自然资源所") for n in range(count)]


@dataclass
class _Matter:
    id: uuid.UUID
    code: str
    promised_days: int
    materials: list[tuple[str, str, str, int, bool]]  # code, name, form, copies, required


@dataclass
class _Township:
    id: uuid.UUID
    code: str
    clerk: uuid.UUID
    staff: list[uuid.UUID]


def _setup(url: str, folder: Path, townships: int) -> tuple[Any, Any, list[_Township], list[_Matter]]:
    """The county office, townships, users, catalogue and calendar, through the real services."""
    from sqlalchemy import select

    from app.clock import system_clock
    from app.db import open_database
    from app.models import MaterialRequirement, Matter, Office, User
    from app.services import Services
    from app.services.users import DEMO_PASSWORD

    db = open_database(url)
    services = Services.create(db, folder, clock=system_clock)
    if services.office.needs_setup():
        services.sync.create_county_office(COUNTY_NAME, COUNTY_CODE, username="xianju",
                                           display_name="周县局", password=DEMO_PASSWORD)
        services.office.sign_in_default()
    with services.ctx.transaction("bench.townships") as s:
        known = set(s.scalars(select(Office.code)))
        for code, name in township_names(townships):
            if code in known:
                continue
            office_id = uuid.uuid4()
            s.add(Office(id=office_id, code=code, name=name, county=COUNTY_NAME, is_county=False))
            s.flush()
            # Township users arrive at the county without passwords (they sign in at home).
            s.add(User(office_id=office_id, username="wangxm", display_name="王晓梅",
                       roles="admin,window_clerk,section_chief"))
            for username, display_name, role in STAFF:
                s.add(User(office_id=office_id, username=username, display_name=display_name, roles=role))
    codes = {code for code, _ in township_names(townships)}
    with db.session() as s:
        offices = [(o.id, o.code) for o in s.scalars(select(Office).where(Office.code.in_(codes))
                                                      .order_by(Office.code))]
        result: list[_Township] = []
        for office_id, code in offices:
            users = list(s.execute(select(User.id, User.username).where(User.office_id == office_id)))
            clerk = next(u for u, name in users if name == "wangxm")
            result.append(_Township(office_id, code, clerk, [u for u, _ in users]))
        matters = []
        for m in s.scalars(select(Matter)):
            reqs = s.execute(select(MaterialRequirement.code, MaterialRequirement.name, MaterialRequirement.form,
                                    MaterialRequirement.copies, MaterialRequirement.required)
                             .where(MaterialRequirement.matter_id == m.id)
                             .order_by(MaterialRequirement.sort)).all()
            matters.append(_Matter(m.id, m.code, m.promised_days, [tuple(r) for r in reqs]))  # type: ignore[misc]
    return db, services, result, matters


def _event(events: list[dict[str, Any]], case_id: uuid.UUID, actor: uuid.UUID, kind: str, at: dt.datetime,
           note: str = "") -> None:
    events.append(dict(id=uuid.uuid4(), case_id=case_id, kind=kind, at=at, actor_id=actor, note=note, data={}))


def generate_county(url: str, cases: int, townships: int = 30, years: int = 10, *, seed: int = 11,
                    folder: Path | None = None,
                    progress: Callable[[int, int], None] | None = None) -> dict[str, float]:
    """Fill the county database at ``url``; returns counts and the seconds taken."""
    from sqlalchemy import insert

    from app.demo import random_mobile, random_resident_id
    from app.dto import Pause
    from app.models import Applicant, Case, CaseEvent, CaseMaterial, CasePause, CaseStep
    from app.services.context import LOCAL_TZ
    from app.workcalendar import WorkCalendar

    t0 = time.perf_counter()
    folder = folder or Path(f"/tmp/landdesk-county-gen-{uuid.uuid4().hex[:8]}")
    db, services, towns, matters = _setup(url, folder, townships)
    calendar: WorkCalendar = services.reference.calendar()
    rng = random.Random(seed)
    now = services.ctx.now()
    today = services.ctx.today()
    first_day = today.replace(year=today.year - years)
    days: list[dt.date] = []
    day = first_day
    while day <= today:
        if calendar.is_workday(day):
            days.append(day)
        day += dt.timedelta(days=1)
    sequences: dict[tuple[str, int, str], int] = {}

    def number(town: _Township, year: int, infix: str) -> str:
        key = (town.code, year, infix)
        sequences[key] = sequences.get(key, 0) + 1
        return f"{town.code}{year}{infix}{sequences[key]:06d}"

    def moment(day: dt.date, minutes: int) -> dt.datetime:
        """Beijing ``day`` at 8:30 + minutes, in UTC."""
        local = dt.datetime.combine(day, dt.time(8, 30), LOCAL_TZ) + dt.timedelta(minutes=minutes)
        return local.astimezone(dt.UTC)

    counts = {"cases": 0, "events": 0, "materials": 0, "steps": 0, "pauses": 0, "applicants": 0}
    made = 0
    conn = None
    generated_at = time.perf_counter()
    while made < cases:
        if conn is None:
            conn = db.engine.connect()
            if db.engine.dialect.name == "sqlite":
                # Bulk load only: the app's own connections keep synchronous=FULL.
                raw = conn.connection.driver_connection
                raw.execute("PRAGMA synchronous=OFF")  # type: ignore[union-attr]
                raw.execute("PRAGMA cache_size=-1000000")  # type: ignore[union-attr]
            transaction = conn.begin()
            in_transaction = 0
        n = min(BATCH, cases - made)
        applicants: list[dict[str, Any]] = []
        case_rows: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        materials: list[dict[str, Any]] = []
        steps: list[dict[str, Any]] = []
        pauses: list[dict[str, Any]] = []
        for i in range(made, made + n):
            town = rng.choice(towns)
            matter = rng.choice(matters)
            received_day = days[int(len(days) * i / cases)]
            received = moment(received_day, rng.randint(0, 480))
            if received > now:
                received = now - dt.timedelta(minutes=cases - i)
                received_day = received.astimezone(LOCAL_TZ).date()
            applicant_id, case_id = uuid.uuid4(), uuid.uuid4()
            applicants.append(dict(
                id=applicant_id, office_id=town.id, kind="person", name=person_name(i),
                id_type="resident_id", id_number=random_resident_id(rng, today), phone=random_mobile(rng),
                address="示例县", village="", legal_rep="", legal_rep_id_number="", created_at=received,
                updated_at=received))
            row: dict[str, Any] = dict(
                id=case_id, office_id=town.id, number=None, notice_number=None, matter_id=matter.id,
                applicant_id=applicant_id, clerk_id=town.clerk, status="accepted",
                green_channel=rng.random() < 0.03, summary="", location="", area_m2=None, agent_name="",
                agent_id_number="", agent_phone="", received_at=received, accepted_at=None,
                decided_at=received, promised_days=matter.promised_days, due_date=None,
                due_uncertain=False, notice_late=False, pending_due=None, refusal_reason="", holder_id=None,
                current_step=0, completed_at=None, result="", decision_number=None, decision_text="",
                version=1, created_at=received, updated_at=received)
            case_rows.append(row)
            for sort, (code, name, form, copies, required) in enumerate(matter.materials[:3], start=1):
                materials.append(dict(id=uuid.uuid4(), case_id=case_id, requirement_code=code, sort=sort,
                                      name=name, form=form, copies_required=copies, copies_received=copies,
                                      required=required, status="received", problem=""))
            event = partial(_event, events, case_id, town.clerk)

            event("received", received, "窗口收件")
            roll = rng.random()
            recent = (today - received_day).days <= 7
            if roll < 0.09:  # one-time notice (一次性告知)
                row["notice_number"] = number(town, received_day.year, "B")
                event("incomplete_notice", received, "一次性告知")
                if roll < 0.06 or recent:
                    row["status"] = "incomplete"
                    continue
                # Supplemented a few days later: received again then, and accepted (补正后受理).
                received_day = calendar.add_working_days(received_day, rng.randint(1, 5)).due
                if received_day > today:
                    row["status"] = "incomplete"
                    continue
                received = moment(received_day, rng.randint(0, 480))
                row["received_at"] = row["decided_at"] = received
                event("supplemented", received, "申请人补正材料")
            elif roll < 0.12:  # 不予受理
                row["status"] = "rejected"
                row["notice_number"] = number(town, received_day.year, "J")
                row["refusal_reason"] = "申请事项不属于本机关职权范围"
                event("rejected", received, "不予受理")
                continue
            elif roll < 0.13 and recent:  # 收件, decision still to come
                row["status"] = "received"
                row["due_date"] = calendar.add_working_days(received_day, 5).due
                continue
            # Accepted (受理) at the window.
            row["accepted_at"] = received
            row["number"] = number(town, received_day.year, "")
            event("accepted", received, "受理")
            promised = matter.promised_days
            case_pauses: list[Pause] = []
            open_pause = False
            if promised > 0 and rng.random() < 0.05:
                start = calendar.add_working_days(received_day, 1).due
                end = calendar.add_working_days(start, rng.randint(1, 8)).due
                if end < today:
                    case_pauses.append(Pause(start, end))
                elif start <= today:
                    case_pauses.append(Pause(start, None))
                    open_pause = True
                for p in case_pauses:
                    pauses.append(dict(id=uuid.uuid4(), case_id=case_id, kind="supplement", start_date=p.start,
                                       end_date=p.end, reason="补正材料", started_by=town.clerk,
                                       ended_by=town.clerk if p.end else None))
            due = calendar.add_working_days(received_day, promised, case_pauses, as_of=today).due
            row["due_date"] = due
            old = (today - received_day).days > 60
            done = not open_pause and (old or rng.random() < 0.6)
            done_day = None
            if done:
                if rng.random() < 0.06:  # completed late
                    done_day = calendar.add_working_days(due, rng.randint(1, 5)).due
                else:
                    done_day = calendar.add_working_days(received_day, rng.randint(0, promised), case_pauses,
                                                         as_of=today).due
                if done_day > today:
                    done_day = None
            holder = rng.choice(town.staff)
            if done_day is not None:
                completed = moment(done_day, rng.randint(0, 480))
                if completed <= received:
                    completed = received + dt.timedelta(minutes=rng.randint(5, 120))
                completed = min(completed, now)
                returned = rng.random() < 0.01
                row.update(status="returned" if returned else "completed", completed_at=completed,
                           result="" if returned else "approved", holder_id=None, current_step=1)
                if not returned:
                    row["decision_number"] = number(town, done_day.year, "D")
                event("returned_to_applicant" if returned else "completed", completed,
                      "退回申请人" if returned else "办结：准予")
            else:
                completed = None
                row.update(holder_id=holder, current_step=1)
            steps.append(dict(
                id=uuid.uuid4(), case_id=case_id, seq=1, kind="forward", step_order=1, step_name="窗口受理",
                role="window_clerk", from_user_id=town.clerk, to_user_id=town.clerk if completed else holder,
                sent_at=received, received_at=received, done_at=completed,
                due_date=due, due_uncertain=False, opinion="", result="agree" if completed else "",
                confirmed=completed is not None, reason="", return_target=""))
        conn.execute(insert(Applicant), applicants)
        conn.execute(insert(Case), case_rows)
        conn.execute(insert(CaseMaterial), materials)
        conn.execute(insert(CaseEvent), events)
        conn.execute(insert(CaseStep), steps)
        if pauses:
            conn.execute(insert(CasePause), pauses)
        for key, rows in (("applicants", applicants), ("cases", case_rows), ("materials", materials),
                          ("events", events), ("steps", steps), ("pauses", pauses)):
            counts[key] += len(rows)
        made += n
        in_transaction += n
        if in_transaction >= COMMIT_EVERY or made >= cases:
            transaction.commit()
            conn.close()
            conn = None
        if progress:
            progress(made, cases)
    insert_seconds = time.perf_counter() - generated_at
    if db.engine.dialect.name == "postgresql":
        # Planner statistics now, as autovacuum would have gathered them over the years, so the
        # benchmarks do not measure plans made for empty tables.
        from sqlalchemy import text

        with db.engine.begin() as analyze:
            analyze.execute(text("ANALYZE"))
    db.dispose()
    counts.update(seconds=time.perf_counter() - t0, insert_seconds=insert_seconds)
    return counts


def database_size(url: str) -> int:
    """Bytes on disk (SQLite file and its WAL, or pg_database_size)."""
    from sqlalchemy import create_engine, make_url, text

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, nargs="?", default=Path("/tmp/bench/county-1m.sqlite3"),
                        help="SQLite file to create (ignored with --url)")
    parser.add_argument("--url", help="a database URL instead, e.g. postgresql+psycopg://user@host/db (empty database)")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--townships", type=int, default=30)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if args.url:
        url = args.url
    else:
        if args.path.exists():
            print(f"{args.path} exists already; remove it first (the generator fills an empty database)",
                  file=sys.stderr)
            return 2
        args.path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{args.path}"
    last = [time.perf_counter()]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 30 or done == total:
            last[0] = time.perf_counter()
            print(f"  {done:,} / {total:,} cases", flush=True)

    counts = generate_county(url, args.cases, args.townships, args.years, seed=args.seed, progress=progress)
    size = database_size(url)
    print(f"generated {counts['cases']:,.0f} cases over {args.townships} townships and {args.years} years "
          f"({counts['applicants']:,.0f} applicants, {counts['events']:,.0f} events, "
          f"{counts['materials']:,.0f} materials, {counts['steps']:,.0f} transfer rows, "
          f"{counts['pauses']:,.0f} pauses) in {counts['seconds']:.1f} s "
          f"(bulk insert {counts['insert_seconds']:.1f} s); database size {size / 1e6:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

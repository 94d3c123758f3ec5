"""What differs between SQLite and PostgreSQL, checked on a real server (tests/pg.py).

Two PCs writing at once, text longer than its column, time zones, URLs, migrations:
the places where a program written against SQLite quietly goes wrong on a server.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import func, select, text

from app import audit
from app.db import current_revision, head_revision, open_database, run_migration
from app.demo import DEMO_OFFICE
from app.errors import DatabaseError, FormErrors
from app.models import AuditLog, Case, ChangeLog
from app.services import Services
from app.services.intake import CaseStatus
from tests.conftest import TEST_PASSWORD, MakeServices
from tests.pg import PostgresServer
from tests.test_intake_service import full_form

pytestmark = pytest.mark.both_backends


def _count(services: Services, model: type) -> int:
    with services.ctx.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _second_pc(services: Services, tmp_path) -> Services:  # type: ignore[no-untyped-def]
    """Another copy of the program on the same database, signed in as the same office."""
    url = services.ctx.db.engine.url.render_as_string(hide_password=False)
    folder = tmp_path / "pc2"
    folder.mkdir()
    return Services.create(open_database(url), folder, clock=services.ctx.clock)


def test_two_pcs_accepting_at_once_keep_one_audit_chain(services: Services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = _second_pc(services, tmp_path)
    per_pc = 6
    outcomes: dict[str, list[object]] = {"pc1": [], "pc2": []}
    start = threading.Barrier(2)

    def work(name: str, pc: Services) -> None:
        start.wait()
        for _ in range(per_pc):
            try:
                outcomes[name].append(pc.intake.accept(full_form(pc)))
            except Exception as exc:  # kept, so the assertion below shows what went wrong
                outcomes[name].append(exc)

    threads = [threading.Thread(target=work, args=args) for args in (("pc1", services), ("pc2", other))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        other.ctx.db.dispose()

    results = outcomes["pc1"] + outcomes["pc2"]
    assert [r for r in results if isinstance(r, Exception)] == []
    numbers = [r.number for r in results]  # type: ignore[attr-defined]
    assert len(set(numbers)) == 2 * per_pc  # no case number issued twice
    assert _count(services, Case) == 2 * per_pc
    with services.ctx.reading() as s:
        assert audit.verify_chain(s) is None
        # sync ships "every change after seq N": seq order must be the order changes committed
        change_seqs = list(s.scalars(select(ChangeLog.seq).order_by(ChangeLog.seq)))
    assert change_seqs == sorted(set(change_seqs))


def test_reading_does_not_wait_for_a_writer(services: Services) -> None:
    with services.ctx.transaction("test.hold_the_writer_lock") as s:
        s.execute(select(func.count()).select_from(Case)).scalar()
        # a second connection: on PostgreSQL it would wait here if readers took the writer lock
        assert services.cases.search() is not None


def test_too_long_text_is_refused_with_the_field_and_nothing_saved(services: Services) -> None:
    audit_before = _count(services, AuditLog)
    form = full_form(services)
    form.applicant.name = "某某县某某镇某某村农民专业合作社" * 10  # 160 characters, column holds 100
    form.location = "坐落" * 101
    with pytest.raises(FormErrors) as info:
        services.intake.accept(form)
    errors = info.value.by_field()
    assert errors["name"].reason == "length" and "最多 100 个字" in errors["name"].message
    assert "现在有 160 个字" in errors["name"].message
    assert errors["location"].reason == "length" and "最多 200 个字" in errors["location"].message
    assert _count(services, Case) == 0
    assert _count(services, AuditLog) == audit_before

    form.applicant.name = "某" * 100  # exactly the limit is fine
    form.location = "坐落" * 100
    assert services.intake.accept(form).number


def test_times_read_back_as_the_same_utc_moment(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    outcome = services.intake.accept(full_form(services))
    detail = services.cases.detail(outcome.case_id)
    assert detail.status is CaseStatus.ACCEPTED
    assert detail.received_at == clock.now and detail.received_at.utcoffset() == dt.timedelta(0)
    with services.ctx.db.engine.connect() as conn:
        stored = conn.execute(text("SELECT received_at FROM case_file")).scalar_one()
    # naive UTC in the database, whatever the server's or the PC's time zone
    assert str(stored)[:19] == clock.now.strftime("%Y-%m-%d %H:%M:%S") == "2026-11-23 02:00:00"


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # test_migrations does SQLite
def test_migrations_down_and_up_keep_every_row(demo_services: Services) -> None:
    engine = demo_services.ctx.db.engine
    tables = ["office", "app_user", "matter", "applicant", "case_file", "case_event",
              "case_material", "holiday", "audit_log", "change_log"]

    def counts() -> dict[str, int]:
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in tables}

    before = counts()
    assert before["case_file"] == 40
    run_migration(engine, "downgrade", "0001")
    assert current_revision(engine) == "0001"
    assert counts() == before
    run_migration(engine, "upgrade", "head")
    assert current_revision(engine) == head_revision()
    assert counts() == before
    with demo_services.ctx.reading() as s:
        assert audit.verify_chain(s) is None


# -- PostgreSQL only ------------------------------------------------------------------------

@pytest.fixture
def scratch_db(pg_server: PostgresServer) -> Iterator[str]:
    pg_server.drop_database("scratch")
    pg_server.create_database("scratch")
    yield "scratch"
    pg_server.drop_database("scratch")


def test_server_in_beijing_time_still_stores_utc(pg_server: PostgresServer, scratch_db: str,
                                                 tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    # A county server set up in China runs with timezone = 'Asia/Shanghai'.
    pg_server.execute("ALTER DATABASE scratch SET timezone TO 'Asia/Shanghai'")
    db = open_database(pg_server.url(scratch_db))
    try:
        services = Services.create(db, tmp_path, clock=clock)
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=TEST_PASSWORD)
        outcome = services.intake.accept(full_form(services))
        assert services.cases.detail(outcome.case_id).received_at == clock.now
    finally:
        db.dispose()
    # Another client (a report tool, the county's psql) sees the same UTC wall time.
    with psycopg.connect(host=str(pg_server.socket_dir), port=pg_server.port, user="postgres",
                         dbname=scratch_db) as conn:
        zone = conn.execute("SHOW timezone").fetchone()
        value = conn.execute("SELECT received_at::text FROM case_file").fetchone()
    assert zone == ("Asia/Shanghai",)
    assert value == ("2026-11-23 02:00:00",)


def test_plain_postgresql_url_uses_psycopg(pg_server: PostgresServer, scratch_db: str) -> None:
    url = pg_server.url(scratch_db).replace("postgresql+psycopg://", "postgresql://")
    db = open_database(url)
    try:
        assert db.engine.dialect.driver == "psycopg"
        assert current_revision(db.engine) == head_revision()
        assert db.sqlite_path is None
    finally:
        db.dispose()


def test_unreachable_server_is_a_clear_message_without_the_password(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"postgresql+psycopg://landdesk:s3cret-pw@/landdesk?host={tmp_path}&port=5999"
    with pytest.raises(DatabaseError) as info:
        open_database(url)
    assert "无法打开数据库" in info.value.message and "数据库服务器" in info.value.message
    assert "s3cret-pw" not in info.value.message


def test_make_services_gives_each_call_its_own_database(make_services: MakeServices) -> None:
    township = make_services("office")
    county = make_services("empty")
    township.intake.accept(full_form(township))
    assert _count(township, Case) == 1
    assert _count(county, Case) == 0
    assert county.office.needs_setup() and not township.office.needs_setup()

"""Audit log chain and change log, written with every change."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app import audit
from app.errors import FormErrors
from app.models import AuditLog, ChangeLog
from app.services import Services
from tests.conftest import FixedClock
from tests.test_intake_service import full_form

pytestmark = pytest.mark.both_backends  # the core services, on SQLite and PostgreSQL


def test_chain_verifies_and_detects_edits_and_deletions(services: Services) -> None:
    services.intake.accept(full_form(services))
    services.intake.accept(full_form(services))
    with services.ctx.reading() as s:
        assert audit.verify_chain(s) is None
        seqs = list(s.scalars(select(AuditLog.seq).order_by(AuditLog.seq)))
    target = seqs[len(seqs) // 2]
    with services.ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'tampered' WHERE seq = :seq"), {"seq": target})
    with services.ctx.reading() as s:
        assert audit.verify_chain(s) == target
    with services.ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = :seq"), {"seq": target})
    with services.ctx.reading() as s:
        assert audit.verify_chain(s) == target


def test_update_records_before_and_after(services: Services) -> None:
    outcome = services.intake.receive(full_form(services))
    services.intake.accept(services.intake.form_for(outcome.case_id), case_id=outcome.case_id)
    with services.ctx.reading() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "case_file",
                                                AuditLog.action == "intake.accept")).all()
        status_changes = [(r.before["status"], r.after["status"]) for r in rows
                          if r.before and "status" in r.before]
        assert status_changes == [("received", "accepted")]
        change = s.scalars(select(ChangeLog).where(ChangeLog.row_id == str(outcome.case_id))
                           .order_by(ChangeLog.seq.desc())).first()
        assert change is not None and change.op == "update" and change.payload["status"] == "accepted"


def test_failed_service_call_leaves_no_trace(services: Services) -> None:
    with services.ctx.reading() as s:
        before = (s.query(AuditLog).count(), s.query(ChangeLog).count())
    form = full_form(services)
    form.applicant.phone = "bad"
    with pytest.raises(FormErrors):
        services.intake.accept(form)
    with services.ctx.reading() as s:
        assert (s.query(AuditLog).count(), s.query(ChangeLog).count()) == before


def test_change_log_replays_in_foreign_key_order(services: Services) -> None:
    """The county applies the change log row by row: every row a record points at must come first."""
    from app.models import Base

    services.intake.accept(full_form(services))
    with services.ctx.reading() as s:
        changes = list(s.execute(select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.payload)
                                 .where(ChangeLog.op == "insert").order_by(ChangeLog.seq)))
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    seen: set[tuple[str, str]] = set()
    for table_name, row_id, payload in changes:
        for fk in tables[table_name].foreign_keys:
            target = payload.get(fk.parent.name)
            if target is not None and fk.column.table.name != table_name:
                # Rows from before the change log started (none here: the office was set up by
                # the services) or earlier in this log.
                assert (fk.column.table.name, str(target)) in seen, (table_name, fk.parent.name)
        seen.add((table_name, row_id))


def test_a_new_session_factory_always_gets_the_logging_hooks(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """event.contains() keys listeners by id(): a new factory at the address of a collected one
    looks "already hooked". Its sessions must log anyway — and a second install adds nothing."""
    import sqlalchemy.event

    from app.db import open_database
    from app.demo import DEMO_OFFICE
    from tests.conftest import TEST_PASSWORD

    monkeypatch.setattr(sqlalchemy.event, "contains", lambda *_args: True)  # what a recycled id() says
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        services = Services.create(db, tmp_path, clock=FixedClock())
        audit.install(db.session_factory)  # once more, as a second ServiceContext would
        services.office.create_office(DEMO_OFFICE, username="wangxm", display_name="王晓梅",
                                      password=TEST_PASSWORD)
        with services.ctx.reading() as s:
            offices = s.scalars(select(AuditLog).where(AuditLog.entity == "office")).all()
            changes = s.scalars(select(ChangeLog).where(ChangeLog.table_name == "office")).all()
            assert audit.verify_chain(s) is None
        assert len(offices) == 1 and len(changes) == 1
    finally:
        db.dispose()

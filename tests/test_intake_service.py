"""Intake through the real services: the rows written, the numbers issued, the documents built."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.dto import IncompleteNoticeData, ReceiptData, RefusalNoticeData
from app.errors import FormErrors, StateError
from app.models import Applicant, AuditLog, Case, CaseEvent, CaseMaterial, ChangeLog
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.intake import (
    ApplicantInput,
    CaseStatus,
    IntakeForm,
    MaterialStatus,
    MaterialTick,
)
from app.validators import resident_id_check_char

pytestmark = pytest.mark.both_backends  # the core services, on SQLite and PostgreSQL

ID_BODY = "37070219850715001"
VALID_ID = ID_BODY + resident_id_check_char(ID_BODY)


def full_form(services: Services, code: str = "TD-001", **changes: object) -> IntakeForm:
    matter = services.reference.matter(code)
    form = IntakeForm(
        matter_code=code,
        applicant=ApplicantInput(name="张建国", id_number=VALID_ID, phone="13853612345",
                                 address="示例镇东王村12号", village="东王村"),
        location="示例镇东王村", area="2亩",
        materials=[MaterialTick(m.code, MaterialStatus.RECEIVED, m.copies) if m.required
                   else MaterialTick(m.code, MaterialStatus.NOT_APPLICABLE) for m in matter.materials],
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def count(services: Services, model: type) -> int:
    with services.ctx.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_accept_writes_case_materials_events_audit_and_changes(services: Services) -> None:
    audit_before, changes_before = count(services, AuditLog), count(services, ChangeLog)
    outcome = services.intake.accept(full_form(services))

    assert outcome.status is CaseStatus.ACCEPTED
    assert outcome.number == "3707021012026000001"
    assert isinstance(outcome.document, ReceiptData)
    # TD-001 promises 10 working days; accepted Monday 2026-11-23 → counting from the 24th.
    assert outcome.document.due_date == dt.date(2026, 12, 7)
    assert not outcome.document.due_uncertain
    with services.ctx.reading() as s:
        case = s.scalars(select(Case)).one()
        assert case.status == "accepted" and case.number == outcome.number
        assert case.area_m2 is not None and round(case.area_m2) == 1333
        materials = s.scalars(select(CaseMaterial).where(CaseMaterial.case_id == case.id)).all()
        assert len(materials) == len(services.reference.matter("TD-001").materials)
        kinds = [e.kind for e in s.scalars(select(CaseEvent).order_by(CaseEvent.at))]
        assert kinds == ["received", "accepted"]
        entities = set(s.scalars(select(AuditLog.entity).where(AuditLog.action == "intake.accept")))
    assert {"case_file", "case_material", "case_event", "applicant"} <= entities
    assert count(services, AuditLog) > audit_before
    assert count(services, ChangeLog) > changes_before


def test_numbers_are_sequential_and_never_reused(services: Services) -> None:
    numbers = [services.intake.accept(full_form(services)).number for _ in range(3)]
    assert numbers == ["3707021012026000001", "3707021012026000002", "3707021012026000003"]
    # The applicant is the same person each time: one applicant row, kept up to date.
    assert count(services, Applicant) == 1


def test_year_rolls_the_sequence(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    services.intake.accept(full_form(services))
    clock.now = dt.datetime(2027, 1, 4, 9, 0, tzinfo=LOCAL_TZ)
    outcome = services.intake.accept(full_form(services))
    assert outcome.number == "3707021012027000001"
    assert outcome.warnings and "2027" in outcome.warnings[0]  # no official 2027 calendar yet
    assert isinstance(outcome.document, ReceiptData) and outcome.document.due_uncertain


def test_every_problem_reported_at_once_and_nothing_saved(services: Services) -> None:
    form = full_form(services, agent_id_number="123")
    form.applicant.id_number = VALID_ID[:-1] + ("0" if VALID_ID[-1] != "0" else "1")
    form.applicant.phone = "12"
    form.materials[0] = MaterialTick(form.materials[0].code, MaterialStatus.MISSING)
    with pytest.raises(FormErrors) as info:
        services.intake.accept(form)
    fields = set(info.value.by_field())
    assert {"id_number", "phone", "agent_id_number", "agent_name", "materials"} <= fields
    assert "校验" in info.value.by_field()["id_number"].message
    assert count(services, Case) == 0 and count(services, Applicant) == 0


def test_incomplete_notice_lists_every_missing_and_defective_material(services: Services) -> None:
    form = full_form(services)
    required = [t for t in form.materials if t.status is MaterialStatus.RECEIVED]
    required[0].status, required[0].copies_received = MaterialStatus.MISSING, 0
    required[1].status, required[1].problem = MaterialStatus.DEFECTIVE, "缺少村委会盖章"
    outcome = services.intake.notify_incomplete(form)
    assert outcome.status is CaseStatus.INCOMPLETE
    assert outcome.number == "3707021012026B000001"
    doc = outcome.document
    assert isinstance(doc, IncompleteNoticeData)
    names = {m.name: m.problem for m in doc.missing}
    matter = services.reference.matter("TD-001")
    by_code = {m.code: m.name for m in matter.materials}
    assert names == {by_code[required[0].code]: "未提交", by_code[required[1].code]: "缺少村委会盖章"}


def test_defective_material_needs_a_description(services: Services) -> None:
    form = full_form(services)
    form.materials[0] = MaterialTick(form.materials[0].code, MaterialStatus.DEFECTIVE)
    with pytest.raises(FormErrors) as info:
        services.intake.notify_incomplete(form)
    assert f"material:{form.materials[0].code}" in info.value.by_field()


def test_notice_refused_when_materials_complete(services: Services) -> None:
    with pytest.raises(FormErrors) as info:
        services.intake.notify_incomplete(full_form(services))
    assert "无需" in info.value.by_field()["materials"].message


def test_supplement_after_notice_then_accept_continues_the_same_case(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    form = full_form(services)
    first = next(t for t in form.materials if t.status is MaterialStatus.RECEIVED)
    first.status, first.copies_received = MaterialStatus.MISSING, 0
    notice = services.intake.notify_incomplete(form)
    clock.advance(days=3)
    again = services.intake.form_for(notice.case_id)
    for tick in again.materials:
        if tick.status is MaterialStatus.MISSING:
            tick.status = MaterialStatus.RECEIVED
    accepted = services.intake.accept(again, case_id=notice.case_id)
    assert accepted.case_id == notice.case_id
    assert count(services, Case) == 1
    detail = services.cases.detail(notice.case_id)
    assert detail.status is CaseStatus.ACCEPTED and detail.notice_number == notice.number
    assert [e.kind for e in detail.events] == ["received", "incomplete_notice", "supplemented", "accepted"]
    with pytest.raises(StateError):
        services.intake.accept(again, case_id=notice.case_id)


def test_refusal_needs_reason_and_records_it(services: Services) -> None:
    with pytest.raises(FormErrors):
        services.intake.refuse(full_form(services), "  ")
    outcome = services.intake.refuse(full_form(services), "申请事项不属于本机关职权范围")
    assert isinstance(outcome.document, RefusalNoticeData)
    assert outcome.document.reason == "申请事项不属于本机关职权范围"
    assert outcome.document.office.reconsideration_body == "示例县人民政府"


def test_green_channel_accepts_with_materials_to_follow(services: Services) -> None:
    form = full_form(services, green_channel=True)
    form.materials[0] = MaterialTick(form.materials[0].code, MaterialStatus.MISSING)
    with pytest.raises(FormErrors) as info:
        services.intake.accept(form)
    assert "pending_due" in info.value.by_field()
    form.pending_due = dt.date(2026, 12, 1)
    outcome = services.intake.accept(form)
    assert isinstance(outcome.document, ReceiptData)
    assert outcome.document.green_channel and len(outcome.document.pending_materials) == 1
    assert services.cases.search()[0].green_channel


def test_late_decision_on_received_case_counts_from_receipt(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    received = services.intake.receive(full_form(services))
    detail = services.cases.detail(received.case_id)
    # Five working days from Monday 23 Nov 2026 is Monday 30 Nov.
    assert detail.status is CaseStatus.RECEIVED and detail.due_date == dt.date(2026, 11, 30)
    clock.now = dt.datetime(2026, 12, 2, 9, 0, tzinfo=LOCAL_TZ)
    outcome = services.intake.accept(services.intake.form_for(received.case_id), case_id=received.case_id)
    assert any("第三十二条" in w or "5个工作日" in w for w in outcome.warnings)
    detail = services.cases.detail(received.case_id)
    assert detail.notice_late
    # Counted from 23 Nov, not from 2 Dec.
    assert detail.due_date == dt.date(2026, 12, 7)


def test_organisation_applicant_needs_credit_code_and_legal_rep(services: Services) -> None:
    form = full_form(services)
    form.applicant = ApplicantInput(kind="organisation", name="示例县恒达建材有限公司", id_type="uscc",
                                    id_number="91350100M000100Y43", phone="0536-8123456")
    with pytest.raises(FormErrors) as info:
        services.intake.accept(form)
    assert set(info.value.by_field()) == {"legal_rep"}
    form.applicant.legal_rep = "李强"
    assert services.intake.accept(form).status is CaseStatus.ACCEPTED


def test_reprint_rebuilds_the_same_receipt(services: Services) -> None:
    outcome = services.intake.accept(full_form(services))
    again = services.intake.document(outcome.case_id)
    assert again == outcome.document


def test_search_and_filters(demo_services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    rows = demo_services.cases.search(limit=500)
    assert len(rows) == demo_services.cases.count() == 40
    accepted = next(r for r in rows if r.status is CaseStatus.ACCEPTED)
    assert [r.id for r in demo_services.cases.search(accepted.number[:17] + accepted.number[17:])] == [accepted.id]
    assert all(r.status is CaseStatus.INCOMPLETE
               for r in demo_services.cases.search(status=CaseStatus.INCOMPLETE))
    # Green channel cases always come first.
    flags = [r.green_channel for r in rows]
    assert flags == sorted(flags, reverse=True)
    detail = demo_services.cases.detail(accepted.id)
    assert demo_services.cases.search(detail.phone[:7])
    assert demo_services.cases.search(detail.id_number)
    clock.advance(days=90)
    from app.services.cases import DueFilter

    overdue = demo_services.cases.search(due=DueFilter.OVERDUE, limit=500)
    assert overdue and all(r.overdue for r in overdue)
    assert demo_services.cases.counts().overdue == len(overdue)

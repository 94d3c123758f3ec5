"""Finding cases: the list with search and filters, and one case's detail."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import selectinload

from app.dto import MaterialForm, Tier
from app.errors import NotFoundError
from app.models import Applicant, AuditLog, Case, CaseEvent, Matter, User
from app.services.context import ServiceContext
from app.services.intake import ID_TYPE_LABELS, CaseStatus, MaterialStatus
from app.services.reference import ReferenceService


class DueFilter(StrEnum):
    ANY = "any"
    TODAY = "today"  # due today
    SOON = "soon"  # due within 2 working days
    OVERDUE = "overdue"


# Statuses whose due date is a live obligation of the office.
OPEN_STATUSES = (CaseStatus.RECEIVED.value, CaseStatus.ACCEPTED.value)


@dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    number: str  # case number, else the notice number, else ""
    applicant_name: str
    matter_name: str
    status: CaseStatus
    received_at: dt.datetime
    due_date: dt.date | None
    due_uncertain: bool
    green_channel: bool
    overdue: bool


@dataclass(frozen=True)
class CaseMaterialRow:
    name: str
    form: MaterialForm
    copies_required: int
    copies_received: int
    required: bool
    status: MaterialStatus
    problem: str


@dataclass(frozen=True)
class CaseEventRow:
    at: dt.datetime
    kind: str
    actor: str
    note: str


@dataclass(frozen=True)
class CaseDetail:
    id: uuid.UUID
    number: str | None
    notice_number: str | None
    status: CaseStatus
    matter_code: str
    matter_name: str
    tier_label: str
    applicant_kind: str
    applicant_name: str
    id_type_label: str
    id_number: str
    phone: str
    address: str
    village: str
    legal_rep: str
    agent_name: str
    agent_id_number: str
    agent_phone: str
    summary: str
    location: str
    area_m2: Decimal | None
    green_channel: bool
    received_at: dt.datetime
    accepted_at: dt.datetime | None
    decided_at: dt.datetime | None
    promised_days: int
    due_date: dt.date | None
    due_uncertain: bool
    pending_due: dt.date | None
    notice_late: bool
    refusal_reason: str
    clerk_name: str
    materials: tuple[CaseMaterialRow, ...]
    events: tuple[CaseEventRow, ...]


@dataclass(frozen=True)
class CaseCounts:
    open: int
    due_today: int
    due_soon: int
    overdue: int
    incomplete: int


class CaseQueryService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    def _filtered(self, base: Select[tuple[object, ...]], text: str, status: CaseStatus | None,
                  due: DueFilter) -> Select[tuple[object, ...]]:
        query = base.where(Case.office_id == self.ctx.office_id)
        text = text.strip()
        if text:
            term = text.upper()
            # Numbers and ids match by prefix so the index serves them; names by prefix too,
            # because clerks type the surname first.
            query = query.where(or_(
                Case.number.startswith(term),
                Case.notice_number.startswith(term),
                Applicant.id_number.startswith(term),
                Applicant.phone.startswith(text),
                Applicant.name.startswith(text),
            ))
        if status is not None:
            query = query.where(Case.status == status.value)
        today = self.ctx.today()
        if due is DueFilter.TODAY:
            query = query.where(Case.status.in_(OPEN_STATUSES), Case.due_date == today)
        elif due is DueFilter.SOON:
            limit = self.reference.calendar().add_working_days(today, 2).due
            query = query.where(Case.status.in_(OPEN_STATUSES), Case.due_date >= today,
                                Case.due_date <= limit)
        elif due is DueFilter.OVERDUE:
            query = query.where(Case.status.in_(OPEN_STATUSES), Case.due_date < today)
        return query

    def search(self, text: str = "", *, status: CaseStatus | None = None,
               due: DueFilter = DueFilter.ANY, offset: int = 0, limit: int = 100) -> list[CaseRow]:
        """One page of cases, green channel first, then newest first."""
        base = (
            select(Case.id, Case.number, Case.notice_number, Applicant.name, Matter.name,
                   Case.status, Case.received_at, Case.due_date, Case.due_uncertain,
                   Case.green_channel)
            .join(Applicant, Case.applicant_id == Applicant.id)
            .join(Matter, Case.matter_id == Matter.id)
        )
        query = self._filtered(base, text, status, due).order_by(
            Case.green_channel.desc(), Case.received_at.desc()
        ).offset(offset).limit(limit)
        today = self.ctx.today()
        with self.ctx.reading() as s:
            rows = s.execute(query).all()
        return [
            CaseRow(
                id=r[0], number=r[1] or r[2] or "", applicant_name=r[3], matter_name=r[4],
                status=CaseStatus(r[5]), received_at=r[6], due_date=r[7], due_uncertain=r[8],
                green_channel=r[9],
                overdue=bool(r[7] and r[5] in OPEN_STATUSES and r[7] < today),
            )
            for r in rows
        ]

    def count(self, text: str = "", *, status: CaseStatus | None = None,
              due: DueFilter = DueFilter.ANY) -> int:
        base = (select(func.count()).select_from(Case)
                .join(Applicant, Case.applicant_id == Applicant.id))
        with self.ctx.reading() as s:
            return int(s.scalar(self._filtered(base, text, status, due)) or 0)

    def counts(self) -> CaseCounts:
        today = self.ctx.today()
        soon = self.reference.calendar().add_working_days(today, 2).due
        is_open = and_(Case.office_id == self.ctx.office_id, Case.status.in_(OPEN_STATUSES))
        query = select(
            func.count().filter(is_open),
            func.count().filter(is_open, Case.due_date == today),
            func.count().filter(is_open, Case.due_date >= today, Case.due_date <= soon),
            func.count().filter(is_open, Case.due_date < today),
            func.count().filter(Case.office_id == self.ctx.office_id,
                                Case.status == CaseStatus.INCOMPLETE.value),
        ).select_from(Case)
        with self.ctx.reading() as s:
            row = s.execute(query).one()
        return CaseCounts(*(int(v) for v in row))

    def detail(self, case_id: uuid.UUID) -> CaseDetail:
        with self.ctx.reading() as s:
            case = s.scalar(
                select(Case).where(Case.id == case_id, Case.office_id == self.ctx.office_id)
                .options(selectinload(Case.materials), selectinload(Case.applicant),
                         selectinload(Case.matter), selectinload(Case.clerk))
            )
            if case is None:
                raise NotFoundError("找不到这件申请")
            events = s.execute(
                select(CaseEvent.at, CaseEvent.kind, User.display_name, CaseEvent.note, CaseEvent.id)
                .outerjoin(User, CaseEvent.actor_id == User.id)
                .where(CaseEvent.case_id == case_id).order_by(CaseEvent.at)
            ).all()
            # Events of one transaction share a timestamp (收件 and 一次性告知 in one click), and
            # only SQLite happens to return ties in the order they were written; the audit log's
            # seq is that order on every database.
            ids = [str(e.id) for e in events]
            written = dict(s.execute(
                select(AuditLog.entity_id, AuditLog.seq)
                .where(AuditLog.entity == CaseEvent.__tablename__, AuditLog.entity_id.in_(ids))
            ).all()) if ids else {}
            events.sort(key=lambda e: (e.at, written.get(str(e.id), 0)))
        a = case.applicant
        return CaseDetail(
            id=case.id, number=case.number, notice_number=case.notice_number,
            status=CaseStatus(case.status), matter_code=case.matter.code,
            matter_name=case.matter.name, tier_label=Tier(case.matter.tier).label,
            applicant_kind=a.kind, applicant_name=a.name,
            id_type_label=ID_TYPE_LABELS.get(a.id_type, a.id_type), id_number=a.id_number,
            phone=a.phone, address=a.address, village=a.village, legal_rep=a.legal_rep,
            agent_name=case.agent_name, agent_id_number=case.agent_id_number,
            agent_phone=case.agent_phone, summary=case.summary, location=case.location,
            area_m2=case.area_m2, green_channel=case.green_channel, received_at=case.received_at,
            accepted_at=case.accepted_at, decided_at=case.decided_at,
            promised_days=case.promised_days, due_date=case.due_date,
            due_uncertain=case.due_uncertain, pending_due=case.pending_due,
            notice_late=case.notice_late, refusal_reason=case.refusal_reason,
            clerk_name=case.clerk.display_name,
            materials=tuple(
                CaseMaterialRow(m.name, MaterialForm(m.form), m.copies_required,
                                m.copies_received, m.required, MaterialStatus(m.status), m.problem)
                for m in case.materials
            ),
            events=tuple(CaseEventRow(e[0], e[1], e[2] or "", e[3]) for e in events),
        )

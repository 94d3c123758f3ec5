"""Finding cases: the list with search and filters, and one case's detail."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, literal, or_, select, tuple_, union
from sqlalchemy.orm import selectinload

from app.dto import MaterialForm, Tier
from app.errors import NotFoundError
from app.models import Applicant, AuditLog, Case, CaseEvent, Matter, Office, User
from app.services.context import ServiceContext
from app.services.intake import ID_TYPE_LABELS, CaseStatus, MaterialStatus
from app.services.reference import ReferenceService

_Row = TypeVar("_Row", bound=tuple[Any, ...])


class DueFilter(StrEnum):
    ANY = "any"
    TODAY = "today"  # due today
    SOON = "soon"  # due within 2 working days
    OVERDUE = "overdue"


# Statuses whose due date is a live obligation of the office.
OPEN_STATUSES = (CaseStatus.RECEIVED.value, CaseStatus.ACCEPTED.value)
# A search's count stops here: on a county's million cases an exact count of a broad search costs
# a scan of every match, and "more than 1,000" tells the clerk as much (type more of the name).
COUNT_LIMIT = 1_000
# Above this many prefix matches a search walks the list's order instead of collecting every match:
# on the 1,000,000-case county both plans take about 100 ms near 10,000 matches (bench_scale.py).
SPARSE_LIMIT = 10_000


def _prefix(column: ColumnElement[str], term: str, dialect: str) -> ColumnElement[bool]:
    """``column`` starts with ``term``, written so the column's plain b-tree index serves it.

    SQLite uses an index for ``LIKE 'term%'`` only with case-sensitive LIKE or NOCASE columns,
    so there it is a range: SQLite compares text by code point, and U+10FFFF sorts after every
    character (rare CJK characters outside the BMP included). PostgreSQL keeps LIKE, which is
    right under any collation — a range is not, where the collation orders by pinyin — and uses
    the plain index on a database created with the C collation (else it needs a
    varchar_pattern_ops index).
    """
    if dialect == "sqlite":
        return and_(column >= term, column < term + "\U0010ffff")
    return column.startswith(term, autoescape=True)


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

    def spans_county(self) -> bool:
        """Whether the list holds every township's cases: the county bureau's database receives
        them all by sync, and its staff look cases up there (read only)."""
        office_id = self.ctx.office_id

        def load() -> bool:
            with self.ctx.reading() as s:
                return bool(s.scalar(select(Office.is_county).where(Office.id == office_id)))

        return office_id is not None and bool(self.ctx.cached(("spans_county", office_id), load))

    def _scope(self, query: Select[_Row]) -> Select[_Row]:
        # No WHERE at all for the county (SQLite counts a bare table from its smallest index).
        return query if self.spans_county() else query.where(Case.office_id == self.ctx.office_id)

    def _dialect(self) -> str:
        return self.ctx.db.engine.dialect.name

    def _ranges(self, text: str) -> list[tuple[ColumnElement[str], str]]:
        """The indexed columns a search text is matched against, each with its prefix."""
        term = text.upper()  # numbers and id numbers are stored upper-case (the X of an id)
        return [(Case.number, term), (Case.notice_number, term), (Applicant.id_number, term),
                (Applicant.phone, text), (Applicant.name, text)]

    def _is_broad(self, text: str) -> bool:
        """Whether more than SPARSE_LIMIT rows start with ``text`` (each index read only that far).

        A narrow search is fastest as a union of index lookups, sorted afterwards; a broad one
        (a common surname, "138", an id number's county prefix) by walking the list's order and
        keeping the rows that match, which stops as soon as the page is full.
        """
        probes = [
            select(func.count()).select_from(
                select(literal(1)).where(_prefix(column, term, self._dialect()))
                .limit(SPARSE_LIMIT + 1).subquery()
            ).scalar_subquery()
            for column, term in self._ranges(text)
        ]
        with self.ctx.reading() as s:
            found = s.execute(select(*probes)).one()
        return sum(int(n) for n in found) > SPARSE_LIMIT

    def _text_filter(self, text: str, *, joined: bool) -> ColumnElement[bool]:
        ranges = [_prefix(column, term, self._dialect()) for column, term in self._ranges(text)]
        if joined:  # the applicant is joined in: test each row as the list's order walks by
            return or_(*ranges)
        # A union of one lookup per index (the case numbers, then the applicants' id numbers,
        # phones and names joined to their cases), instead of reading a million rows: an OR across
        # the two tables would leave PostgreSQL a sequential scan of every case.
        number, notice, *applicant = ranges
        matching = union(
            select(Case.id).where(number),
            select(Case.id).where(notice),
            select(Case.id).join(Applicant, Case.applicant_id == Applicant.id).where(or_(*applicant)),
        ).subquery()
        return Case.id.in_(select(matching.c.id))

    def _filtered(self, base: Select[tuple[object, ...]], text: str, status: CaseStatus | None,
                  due: DueFilter, *, joined: bool = False) -> Select[tuple[object, ...]]:
        query = self._scope(base)
        text = text.strip()
        if text:
            query = query.where(self._text_filter(text, joined=joined))
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
               due: DueFilter = DueFilter.ANY, offset: int = 0, limit: int = 100,
               after: CaseRow | None = None) -> list[CaseRow]:
        """One page of cases, green channel first, then newest first.

        ``after`` (the last row of the previous page) continues the list from there through the
        (green_channel, received_at, id) index — keyset paging, as fast a million rows down as at
        the top — where ``offset`` would read and throw away every row before the page.
        """
        text = text.strip()
        order = (Case.green_channel.desc(), Case.received_at.desc(), Case.id.desc())
        columns = (Case.green_channel, Case.received_at, Case.id)
        base = (
            select(Case.id, Case.number, Case.notice_number, Applicant.name, Matter.name,
                   Case.status, Case.received_at, Case.due_date, Case.due_uncertain,
                   Case.green_channel)
            .join(Applicant, Case.applicant_id == Applicant.id)
            .join(Matter, Case.matter_id == Matter.id)
        )
        joined = not text or self._is_broad(text)
        page = self._filtered(base if joined else select(Case.id), text, status, due, joined=joined)
        if after is not None:
            values = (after.green_channel, after.received_at, after.id)
            page = page.where(tuple_(*columns) < tuple_(
                *(literal(v, type_=c.type) for c, v in zip(columns, values, strict=True))))
        page = page.order_by(*order).offset(offset).limit(limit)
        # Narrow: find the page's ids without touching the other rows' applicants and matters,
        # then read those rows.
        query = page if joined else base.where(Case.id.in_(page.scalar_subquery())).order_by(*order)
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
              due: DueFilter = DueFilter.ANY, cap: int | None = None) -> int:
        """How many cases match; with ``cap`` and a search text, counting stops early and any
        result above ``cap`` means "more than cap" (the case list uses COUNT_LIMIT)."""
        text = text.strip()
        if not text or cap is None:
            base = select(func.count()).select_from(Case)
            if text:
                base = base.join(Applicant, Case.applicant_id == Applicant.id)
            with self.ctx.reading() as s:
                return int(s.scalar(self._filtered(base, text, status, due, joined=bool(text)))
                           or 0)
        # One branch per indexed column, each reading at most cap + 1 matches along its own
        # index; their union is exact when no branch reached the cap, and above it when one did.
        branches = []
        for column, term in self._ranges(text):
            branch = self._filtered(select(Case.id), "", status, due).where(
                _prefix(column, term, self._dialect()))
            if column.table is Applicant.__table__:
                branch = branch.join(Applicant, Case.applicant_id == Applicant.id)
            inner = branch.limit(cap + 1).subquery()
            branches.append(select(inner.c.id))
        matches = union(*branches).subquery()
        with self.ctx.reading() as s:
            return int(s.scalar(select(func.count()).select_from(matches)) or 0)

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
                self._scope(select(Case).where(Case.id == case_id))
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

"""The county bureau's consolidated view of every township's cases (县局汇总).

The county database holds the cases synced up from each township office (rows
with that office's ``office_id``); the county's own office row has
``is_county=True``. Everything here is read-only and counted by the database
(GROUP BY with conditional sums), so a county with a million cases is never
walked row by row in Python.

Definitions, all for the cases *received* in the chosen period (Beijing months):

- received: every application registered at a window, whatever the intake decision;
- accepted: those with an acceptance time (受理);
- completed: those that ended after acceptance (办结, or returned to the applicant);
- on time: completed on or before the due date, the completion's Beijing date counting;
- completed late: completed after the due date;
- open overdue: still open (awaiting decision or in routing), past the due date, and not
  paused — a paused case's due date keeps moving until the clock restarts;
- overdue: open overdue plus completed late.

The monthly report to the county (app/services/monthly.py) counts by these same
definitions: both build their aggregate columns with ``count_columns``.

Months are bucketed with ranges computed in Python (Beijing month starts converted
to UTC) so the SQL is the same on SQLite and PostgreSQL; the one date function
needed (a UTC time's Beijing date) is compiled per dialect below.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, Self

from sqlalchemy import Date, and_, case, exists, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.expression import FunctionElement

from app.dto import Role
from app.errors import NotFoundError, PermissionDenied, ValidationError
from app.models import Applicant, Case, CasePause, CaseStep, Matter, Office, User
from app.services.cases import OPEN_STATUSES
from app.services.context import LOCAL_TZ, ServiceContext, local_date
from app.services.intake import CaseStatus
from app.services.routing import APPLICANT_LABEL, KIND_RETURN, result_label

FIRST_YEAR = 2000
LAST_YEAR = 2100
UNKNOWN_MATTER = "（未知事项）"


# ---------------------------------------------------------------- portable SQL


class beijing_date(FunctionElement[dt.date]):  # noqa: N801 - reads like the SQL function it is
    """The Beijing calendar date of a UTC timestamp column (China has had no DST since 1991)."""

    type = Date()
    name = "beijing_date"
    inherit_cache = True


@compiles(beijing_date, "sqlite")
def _beijing_date_sqlite(element: beijing_date, compiler: Any, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '+8 hours')"


@compiles(beijing_date, "postgresql")
def _beijing_date_postgresql(element: beijing_date, compiler: Any, **kw: Any) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)}) + INTERVAL '8 hours' AS DATE)"


def flag_sum(condition: Any) -> Any:
    """How many rows of the group meet ``condition`` (0 for an empty group, not NULL)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


# ---------------------------------------------------------------- what the UI gets


@dataclass(frozen=True)
class ReportPeriod:
    """Cases received from the first day of ``first_month`` to the last day of ``last_month``."""

    year: int
    first_month: int = 1
    last_month: int = 12

    def validated(self) -> ReportPeriod:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValidationError("year", self.year, "range", f"年份应在 {FIRST_YEAR}—{LAST_YEAR} 之间")
        for name, month in (("first_month", self.first_month), ("last_month", self.last_month)):
            if not 1 <= month <= 12:
                raise ValidationError(name, month, "range", "月份应在 1—12 之间")
        if self.first_month > self.last_month:
            raise ValidationError("last_month", self.last_month, "order", "结束月份不能早于开始月份")
        return self

    def months(self) -> range:
        return range(self.first_month, self.last_month + 1)

    def month_start(self, month: int) -> dt.datetime:
        """The UTC moment a Beijing month begins (month 13 = next January)."""
        year, month = (self.year + 1, 1) if month == 13 else (self.year, month)
        return dt.datetime(year, month, 1, tzinfo=LOCAL_TZ).astimezone(dt.UTC)

    @property
    def start(self) -> dt.datetime:
        return self.month_start(self.first_month)

    @property
    def end(self) -> dt.datetime:
        return self.month_start(self.last_month + 1)

    @property
    def label(self) -> str:
        if self.first_month == self.last_month:
            return f"{self.year}年{self.first_month}月"
        return f"{self.year}年{self.first_month}—{self.last_month}月"


@dataclass(frozen=True)
class CaseCounts:
    received: int = 0
    accepted: int = 0
    completed: int = 0
    on_time: int = 0
    completed_late: int = 0
    open: int = 0
    open_overdue: int = 0

    @property
    def overdue(self) -> int:
        return self.open_overdue + self.completed_late

    @property
    def on_time_rate(self) -> float | None:
        """Share of completed cases done on time; None when nothing was completed."""
        judged = self.on_time + self.completed_late
        return self.on_time / judged if judged else None

    def __add__(self, other: Self) -> Self:
        # Field by field, so subclasses with more figures (the monthly report's) add up too.
        return type(self)(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True)
class TownshipItem:
    id: uuid.UUID
    code: str
    name: str


@dataclass(frozen=True)
class OfficeLine:
    office: TownshipItem
    counts: CaseCounts


@dataclass(frozen=True)
class MatterLine:
    office: TownshipItem
    matter_code: str
    matter_name: str
    counts: CaseCounts


@dataclass(frozen=True)
class MonthLine:
    office: TownshipItem
    year: int
    month: int
    counts: CaseCounts


@dataclass(frozen=True)
class CountyReport:
    period: ReportPeriod
    today: dt.date
    office_id: uuid.UUID | None  # None: every township
    by_office: tuple[OfficeLine, ...]
    by_matter: tuple[MatterLine, ...]
    by_month: tuple[MonthLine, ...]
    totals: CaseCounts = field(default_factory=CaseCounts)


class CaseScope(StrEnum):
    ALL = "all"
    OPEN = "open"
    OVERDUE = "overdue"  # open and overdue, or completed late
    COMPLETED = "completed"


@dataclass(frozen=True)
class CountyCaseRow:
    id: uuid.UUID
    number: str  # case number, else the notice number, else ""
    applicant_name: str
    matter_name: str
    status: CaseStatus
    received_at: dt.datetime
    accepted_at: dt.datetime | None
    due_date: dt.date | None
    completed_at: dt.datetime | None
    on_time: bool | None  # None while not completed (or with no due date)
    overdue: bool  # open and past due (not paused), or completed late
    paused: bool


@dataclass(frozen=True)
class HistoryStep:
    seq: int
    is_return: bool
    step_name: str
    role_label: str
    from_name: str
    to_name: str
    sent_at: dt.datetime
    received_at: dt.datetime | None
    done_at: dt.datetime | None
    due_date: dt.date | None
    opinion: str
    result: str  # printed label: 同意, 退回, 办结（准予）…
    reason: str
    overdue: bool  # done after its due date, or open and past it


@dataclass(frozen=True)
class CaseHistory:
    case_id: uuid.UUID
    number: str
    office: TownshipItem
    applicant_name: str
    matter_name: str
    status: CaseStatus
    accepted_at: dt.datetime | None
    due_date: dt.date | None
    completed_at: dt.datetime | None
    result: str
    steps: tuple[HistoryStep, ...]


# ---------------------------------------------------------------- the service


class CountyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def is_county_office(self) -> bool:
        """Whether this installation is a county bureau (only there is the summary shown)."""
        if self.ctx.office_id is None:
            return False
        with self.ctx.reading() as s:
            return bool(s.scalar(select(Office.is_county).where(Office.id == self.ctx.office_id)))

    def townships(self) -> list[TownshipItem]:
        self._require_county()
        with self.ctx.reading() as s:
            rows = s.execute(select(Office.id, Office.code, Office.name)
                             .where(Office.is_county.is_(False)).order_by(Office.code))
            return [TownshipItem(*r) for r in rows]

    def years(self) -> list[int]:
        """The years for the filter: from the first case received to this year, newest first."""
        self._require_county()
        this_year = self.ctx.today().year
        with self.ctx.reading() as s:
            first, last = s.execute(select(func.min(Case.received_at), func.max(Case.received_at))).one()
        low = local_date(first).year if first else this_year
        high = max(local_date(last).year if last else this_year, this_year)
        return list(range(high, low - 1, -1))

    def report(self, period: ReportPeriod, office_id: uuid.UUID | None = None) -> CountyReport:
        """Counts per township, per township and matter, and per township and month."""
        self._require_county()
        period = period.validated()
        today = self.ctx.today()
        counts = self._count_columns(today)
        where = [Case.received_at >= period.start, Case.received_at < period.end]
        if office_id is not None:
            where.append(Case.office_id == office_id)
        month = case(*[(and_(Case.received_at >= period.month_start(m),
                             Case.received_at < period.month_start(m + 1)), m)
                       for m in period.months()], else_=0).label("month")
        # One pass over the period's cases, grouped by township × matter × month (at most a few
        # thousand groups); the three views are sums of those groups.
        with self.ctx.reading() as s:
            townships = {t.id: t for t in self._townships(s)}
            if office_id is not None and office_id not in townships:
                raise NotFoundError("找不到该乡镇所")
            groups = s.execute(
                select(Case.office_id, Matter.code, func.min(Matter.name), month, *counts)
                .select_from(Case).outerjoin(Matter, Matter.id == Case.matter_id)
                .where(*where).group_by(Case.office_id, Matter.code, month)).all()
        per_office: dict[uuid.UUID, CaseCounts] = {}
        per_matter: dict[tuple[uuid.UUID, str], tuple[str, CaseCounts]] = {}
        per_month: dict[tuple[uuid.UUID, int], CaseCounts] = {}
        for office, code, name, month_no, *values in groups:
            if office not in townships:
                continue
            counts_here = _counts(values)
            per_office[office] = per_office.get(office, CaseCounts()) + counts_here
            key = (office, code or "")
            known_name, so_far = per_matter.get(key, (name or UNKNOWN_MATTER, CaseCounts()))
            per_matter[key] = (known_name, so_far + counts_here)
            month_key = (office, int(month_no))
            per_month[month_key] = per_month.get(month_key, CaseCounts()) + counts_here
        shown = [t for t in townships.values() if office_id is None or t.id == office_id]
        by_office = tuple(OfficeLine(t, per_office.get(t.id, CaseCounts())) for t in shown)
        by_matter = tuple(sorted(
            (MatterLine(townships[office], code, name, counts_here)
             for (office, code), (name, counts_here) in per_matter.items()),
            key=lambda line: (line.office.code, line.matter_code)))
        by_month = tuple(sorted(
            (MonthLine(townships[office], period.year, month_no, counts_here)
             for (office, month_no), counts_here in per_month.items()),
            key=lambda line: (line.office.code, line.month)))
        totals = sum((line.counts for line in by_office), CaseCounts())
        return CountyReport(period=period, today=today, office_id=office_id, by_office=by_office,
                            by_matter=by_matter, by_month=by_month, totals=totals)

    def township_cases(self, office_id: uuid.UUID, period: ReportPeriod,
                       scope: CaseScope = CaseScope.ALL, matter_code: str | None = None) -> list[CountyCaseRow]:
        """One township's cases received in the period, oldest first (the drill-down)."""
        self._require_county()
        period = period.validated()
        today = self.ctx.today()
        paused = exists().where(CasePause.case_id == Case.id, CasePause.end_date.is_(None))
        is_open = Case.status.in_(OPEN_STATUSES)
        done_day = beijing_date(Case.completed_at)
        late = and_(Case.completed_at.is_not(None), Case.due_date.is_not(None), done_day > Case.due_date)
        open_overdue = and_(is_open, Case.due_date < today, ~paused)
        query = (
            select(Case.id, Case.number, Case.notice_number, Applicant.name, Matter.name, Case.status,
                   Case.received_at, Case.accepted_at, Case.due_date, Case.completed_at, paused)
            .select_from(Case)
            .outerjoin(Applicant, Applicant.id == Case.applicant_id)
            .outerjoin(Matter, Matter.id == Case.matter_id)
            .where(Case.office_id == office_id, Case.received_at >= period.start,
                   Case.received_at < period.end)
            .order_by(Case.received_at, Case.number)
        )
        if scope is CaseScope.OPEN:
            query = query.where(is_open)
        elif scope is CaseScope.OVERDUE:
            query = query.where(or_(open_overdue, late))
        elif scope is CaseScope.COMPLETED:
            query = query.where(Case.completed_at.is_not(None))
        if matter_code is not None:
            query = query.where(Matter.code == matter_code)
        with self.ctx.reading() as s:
            if s.scalar(select(Office.is_county).where(Office.id == office_id)) is not False:
                raise NotFoundError("找不到该乡镇所")
            rows = s.execute(query).all()
        result: list[CountyCaseRow] = []
        for (case_id, number, notice_number, applicant, matter_name, status, received_at, accepted_at,
             due, completed_at, is_paused) in rows:
            on_time = None
            if completed_at is not None and due is not None:
                on_time = local_date(completed_at) <= due
            still_open = status in OPEN_STATUSES
            overdue = (on_time is False) or bool(still_open and due is not None and due < today
                                                 and not is_paused)
            result.append(CountyCaseRow(
                id=case_id, number=number or notice_number or "", applicant_name=applicant or "",
                matter_name=matter_name or UNKNOWN_MATTER, status=CaseStatus(status),
                received_at=received_at, accepted_at=accepted_at, due_date=due,
                completed_at=completed_at, on_time=on_time, overdue=overdue, paused=bool(is_paused)))
        return result

    def transfer_history(self, case_id: uuid.UUID) -> CaseHistory:
        """A township case's transfer slip rows (传办/退件), as synced to the county."""
        self._require_county()
        today = self.ctx.today()
        sender, receiver = aliased(User), aliased(User)
        with self.ctx.reading() as s:
            head = s.execute(
                select(Case.id, Case.number, Case.notice_number, Office.id, Office.code, Office.name,
                       Office.is_county, Applicant.name, Matter.name, Case.status, Case.accepted_at,
                       Case.due_date, Case.completed_at, Case.result)
                .select_from(Case).join(Office, Office.id == Case.office_id)
                .outerjoin(Applicant, Applicant.id == Case.applicant_id)
                .outerjoin(Matter, Matter.id == Case.matter_id)
                .where(Case.id == case_id)).one_or_none()
            if head is None or head[6]:
                raise NotFoundError("找不到该办件")
            steps = s.execute(
                select(CaseStep, sender.display_name, receiver.display_name)
                .outerjoin(sender, sender.id == CaseStep.from_user_id)
                .outerjoin(receiver, receiver.id == CaseStep.to_user_id)
                .where(CaseStep.case_id == case_id).order_by(CaseStep.seq)).all()
            history = tuple(_history_step(row, from_name, to_name, today)
                            for row, from_name, to_name in steps)
        (_id, number, notice_number, office_id, code, name, _county, applicant, matter_name, status,
         accepted_at, due, completed_at, result) = head
        return CaseHistory(
            case_id=case_id, number=number or notice_number or "",
            office=TownshipItem(office_id, code, name), applicant_name=applicant or "",
            matter_name=matter_name or UNKNOWN_MATTER, status=CaseStatus(status),
            accepted_at=accepted_at, due_date=due, completed_at=completed_at,
            result=result_label(result) if result else "", steps=history)

    # ------------------------------------------------------------ helpers

    def _require_county(self) -> None:
        if not self.is_county_office():
            raise PermissionDenied("county_report",
                                   "县局汇总只能在县局使用：本单位是乡镇所，不能查看其他乡镇的办件")

    @staticmethod
    def _townships(s: Any) -> list[TownshipItem]:
        rows = s.execute(select(Office.id, Office.code, Office.name)
                         .where(Office.is_county.is_(False)).order_by(Office.code))
        return [TownshipItem(*r) for r in rows]

    @staticmethod
    def _count_columns(today: dt.date) -> list[Any]:
        return count_columns(today)


def count_columns(today: dt.date) -> list[Any]:
    """The CaseCounts fields, in order, as aggregate columns over ``case_file`` rows.

    Shared with the monthly report (app.services.monthly) so both count by the
    definitions at the top of this module, whatever they group by.
    """
    paused = exists().where(CasePause.case_id == Case.id, CasePause.end_date.is_(None))
    is_open = Case.status.in_(OPEN_STATUSES)
    done = Case.completed_at.is_not(None)
    judged = and_(done, Case.due_date.is_not(None))
    done_day = beijing_date(Case.completed_at)
    return [
        func.count(),
        flag_sum(Case.accepted_at.is_not(None)),
        flag_sum(done),
        flag_sum(and_(judged, done_day <= Case.due_date)),
        flag_sum(and_(judged, done_day > Case.due_date)),
        flag_sum(is_open),
        flag_sum(and_(is_open, Case.due_date < today, ~paused)),
    ]


def _counts(values: Any) -> CaseCounts:
    return CaseCounts(*(int(v or 0) for v in values))


def _history_step(row: CaseStep, from_name: str | None, to_name: str | None, today: dt.date) -> HistoryStep:
    is_return = row.kind == KIND_RETURN
    due = row.due_date
    if due is None:
        overdue = False
    elif row.done_at is not None:
        overdue = local_date(row.done_at) > due
    else:
        overdue = today > due
    if to_name is None:
        to_name = APPLICANT_LABEL if is_return and row.to_user_id is None else ""
    try:
        role_label = Role(row.role).label
    except ValueError:
        role_label = row.role
    return HistoryStep(
        seq=row.seq, is_return=is_return, step_name=row.step_name, role_label=role_label,
        from_name=from_name or "", to_name=to_name, sent_at=row.sent_at, received_at=row.received_at,
        done_at=row.done_at, due_date=due, opinion=row.opinion,
        result=result_label(row.result) if row.result else "", reason=row.reason, overdue=overdue)

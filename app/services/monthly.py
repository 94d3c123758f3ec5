"""The monthly report to the county (业务办理情况月报), by matter, with comparisons and a 12-month series.

What is counted is what the county summary counts (definitions at the top of
app/services/county.py, shared through ``county.count_columns``): the cases
*received* in the Beijing month, with their state as of the day the report is made
— so "completed" is how many of that month's applications have been completed by
now, "overdue" is those completed late plus those still open past their due date and
not paused. On top of those the report counts, for the same cases:

- not accepted (不予受理): the intake decision was a refusal;
- one-time notices (一次性告知): a notice was issued for the application, whether or
  not it was supplemented and accepted afterwards (its ``incomplete_notice`` event);
- green channel (绿色通道): flagged as a key project at intake;
- average working days used: for the completed cases that were accepted, the working
  days from acceptance to completion by the database calendar, paused days not counted
  (the way routing counts a case's time, ``WorkCalendar.working_days_between``);
- on-time rate = completed on time ÷ completed.

Scope: a township office reports on its own cases; a county database reports on every
township or on one (``office_code``). The counting is one GROUP BY over the thirteen
months from the same month last year to the chosen month (matter × month, conditional
sums, portable SQLite/PostgreSQL), from which the chosen month, the previous month, the
same month last year and the 12-month series are all read. Only the average working
days are computed in Python, for the chosen month's completed cases.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, exists, select

from app.dto import Pause
from app.errors import NotFoundError, PermissionDenied, ValidationError
from app.files import write_bytes_atomically
from app.models import Case, CaseEvent, CasePause, Matter, Office
from app.services.context import LOCAL_TZ, ServiceContext, local_date
from app.services.county import (
    FIRST_YEAR,
    LAST_YEAR,
    UNKNOWN_MATTER,
    CaseCounts,
    count_columns,
    flag_sum,
)
from app.services.intake import CaseStatus
from app.services.reference import ReferenceService

if TYPE_CHECKING:
    from app.services import Services

SERIES_MONTHS = 12
NOTICE_EVENT = "incomplete_notice"


# ---------------------------------------------------------------- months


@dataclass(frozen=True, order=True)
class ReportMonth:
    """A Beijing calendar month."""

    year: int
    month: int

    def validated(self) -> ReportMonth:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValidationError("year", self.year, "range", f"年份应在 {FIRST_YEAR}—{LAST_YEAR} 之间")
        if not 1 <= self.month <= 12:
            raise ValidationError("month", self.month, "range", "月份应在 1—12 之间")
        return self

    def shifted(self, months: int) -> ReportMonth:
        index = self.year * 12 + self.month - 1 + months
        return ReportMonth(index // 12, index % 12 + 1)

    @property
    def start(self) -> dt.datetime:
        """The UTC moment the month begins in Beijing."""
        return dt.datetime(self.year, self.month, 1, tzinfo=LOCAL_TZ).astimezone(dt.UTC)

    @property
    def end(self) -> dt.datetime:
        return self.shifted(1).start

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def short(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @classmethod
    def of(cls, day: dt.date) -> ReportMonth:
        return cls(day.year, day.month)


# ---------------------------------------------------------------- what callers get


@dataclass(frozen=True)
class MonthlyCounts(CaseCounts):
    """One group's figures (a matter, a month, or a total): the county summary's counts plus
    the monthly report's own; see the module docstring."""

    not_accepted: int = 0
    notices: int = 0
    green_channel: int = 0
    # For the average: working days used summed over the completed cases measured, and how many.
    days_used: int = 0
    days_measured: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """Completed on time ÷ completed; None when nothing was completed."""
        return self.on_time / self.completed if self.completed else None

    @property
    def average_days(self) -> float | None:
        """Average working days used per completed case; None when none was measured."""
        return self.days_used / self.days_measured if self.days_measured else None


@dataclass(frozen=True)
class MatterLine:
    matter_code: str
    matter_name: str
    counts: MonthlyCounts


@dataclass(frozen=True)
class Change:
    """A figure this month against an earlier one (环比 or 同比)."""

    earlier: float | None
    difference: float | None  # for rates: percentage points
    percent: float | None  # relative change; None for rates and when the earlier figure is 0


@dataclass(frozen=True)
class ComparisonLine:
    label: str  # 收件 / 受理 / 办结 / 按期办结率
    is_rate: bool
    current: float | None
    previous_month: Change
    last_year: Change


@dataclass(frozen=True)
class MatterComparison:
    matter_code: str
    matter_name: str
    current: MonthlyCounts
    previous_month: MonthlyCounts
    last_year: MonthlyCounts


@dataclass(frozen=True)
class SeriesPoint:
    month: ReportMonth
    received: int
    accepted: int
    completed: int
    on_time: int

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.completed if self.completed else None


@dataclass(frozen=True)
class ScopeChoice:
    code: str
    name: str


@dataclass(frozen=True)
class MonthlyReport:
    month: ReportMonth
    today: dt.date  # open and overdue cases are as of this day
    office_name: str  # whose report: the township, or the county for all townships
    scope_label: str  # "" for a township's own report, 全县汇总 or the township at the county
    office_code: str | None  # the township reported on; None: the whole county
    by_matter: tuple[MatterLine, ...]
    totals: MonthlyCounts
    # The comparison months: one-time notices and working days are counted for ``month`` only.
    previous_month: MonthlyCounts
    last_year: MonthlyCounts
    comparison: tuple[ComparisonLine, ...]
    matter_comparison: tuple[MatterComparison, ...]
    series: tuple[SeriesPoint, ...]  # twelve months ending with ``month``, oldest first
    made_by: str = ""  # the county or township that made it (printed under the tables)
    notes: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        return f"{self.office_name} {self.month.label} 业务办理情况月报"


def change(current: float | None, earlier: float | None, *, is_rate: bool = False) -> Change:
    if current is None or earlier is None:
        return Change(earlier, None, None)
    difference = current - earlier
    percent = None if is_rate or earlier == 0 else difference / earlier
    return Change(earlier, difference, percent)


def comparison_lines(current: MonthlyCounts, previous: MonthlyCounts,
                     last_year: MonthlyCounts) -> tuple[ComparisonLine, ...]:
    lines = []
    for label, getter, is_rate in (("收件", lambda c: c.received, False), ("受理", lambda c: c.accepted, False),
                                   ("办结", lambda c: c.completed, False),
                                   ("按期办结率", lambda c: c.on_time_rate, True)):
        now = getter(current)
        lines.append(ComparisonLine(label, is_rate, now, change(now, getter(previous), is_rate=is_rate),
                                    change(now, getter(last_year), is_rate=is_rate)))
    return tuple(lines)


def rate_runs(rates: Sequence[float | None]) -> list[list[float | None]]:
    """Each run of consecutive months with a rate, as a full-length row with None outside it."""
    runs: list[list[float | None]] = []
    previous: float | None = None
    for index, rate in enumerate(rates):
        if rate is not None:
            if previous is None:
                runs.append([None] * len(rates))
            runs[-1][index] = rate
        previous = rate
    return runs


# ---------------------------------------------------------------- the service


class MonthlyReportService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    def is_county(self) -> bool:
        if self.ctx.office_id is None:
            return False
        with self.ctx.reading() as s:
            return bool(s.scalar(select(Office.is_county).where(Office.id == self.ctx.office_id)))

    def scopes(self) -> list[ScopeChoice]:
        """The townships a county may report on one by one (empty at a township)."""
        if not self.is_county():
            return []
        with self.ctx.reading() as s:
            rows = s.execute(select(Office.code, Office.name).where(Office.is_county.is_(False))
                             .order_by(Office.code))
            return [ScopeChoice(code, name) for code, name in rows]

    def months(self) -> list[ReportMonth]:
        """The months to choose from: this month back to the first case received, newest first."""
        this = ReportMonth.of(self.ctx.today())
        office = self._office_filter(None)
        with self.ctx.reading() as s:
            query = select(Case.received_at).order_by(Case.received_at).limit(1)
            if office is not None:
                query = query.where(Case.office_id == office)
            first = s.scalar(query)
        oldest = ReportMonth.of(local_date(first)) if first else this.shifted(-SERIES_MONTHS + 1)
        oldest = min(oldest, this)
        result, month = [], this
        while month >= oldest:
            result.append(month)
            month = month.shifted(-1)
        return result

    def default_month(self) -> ReportMonth:
        """The month a report is usually made for: the one that just ended."""
        return ReportMonth.of(self.ctx.today()).shifted(-1)

    def report(self, year: int, month: int, office_code: str | None = None) -> MonthlyReport:
        """The report for one Beijing month (see the module docstring for what is counted)."""
        target = ReportMonth(year, month).validated()
        today = self.ctx.today()
        first = target.shifted(-SERIES_MONTHS)  # the same month last year
        buckets = [first.shifted(i) for i in range(SERIES_MONTHS + 1)]
        month_no = case(*[(and_(Case.received_at >= m.start, Case.received_at < m.end), i)
                          for i, m in enumerate(buckets)], else_=-1).label("bucket")
        notice = exists().where(CaseEvent.case_id == Case.id, CaseEvent.kind == NOTICE_EVENT)
        in_month = and_(Case.received_at >= target.start, Case.received_at < target.end)
        # The notice check looks up the case's events: asked for the report month's cases only
        # (the AND stops before the lookup for the other twelve months, whose notices are not
        # shown), which is most of the cost of the whole report on a county database otherwise.
        columns = [*count_columns(today), flag_sum(Case.status == CaseStatus.REJECTED.value),
                   flag_sum(and_(in_month, notice)), flag_sum(Case.green_channel.is_(True))]
        # One read session: the scope, the counts and the working days come from one snapshot.
        with self.ctx.reading() as s:
            home = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
            if home is None:
                raise PermissionDenied("monthly_report", "请先登录本单位再生成月报")
            made_by = home.name
            office_name, scope_label, code, office_id = self._scope(s, home, office_code)
            where = [Case.received_at >= first.start, Case.received_at < target.end]
            if office_id is not None:
                where.append(Case.office_id == office_id)
            groups = s.execute(
                select(Matter.code, month_no, *columns).select_from(Case)
                .outerjoin(Matter, Matter.id == Case.matter_id)
                .where(*where).group_by(Matter.code, month_no)).all()
            names = dict(s.execute(select(Matter.code, Matter.name).order_by(Matter.code)).all())
            days_used = self._days_used(s, target, office_id)
        current_names = {m.code: m.name for m in self.reference.matters()}
        names.update(current_names)  # the current catalogue's wording wins over older versions
        per: dict[tuple[str, int], MonthlyCounts] = defaultdict(MonthlyCounts)
        for matter_code, bucket, *values in groups:
            per[(matter_code or "", int(bucket))] += MonthlyCounts(*(int(v or 0) for v in values))
        for matter_code, (used, measured) in days_used.items():
            per[(matter_code, SERIES_MONTHS)] += MonthlyCounts(days_used=used, days_measured=measured)
        # Every matter of the current catalogue is listed (zeros included, as the county's form
        # has a line for each), then any older code that still had cases.
        codes = sorted(set(current_names) | {c for (c, b), counts in per.items() if counts.received})

        def counts_of(matter_code: str, bucket: int) -> MonthlyCounts:
            return per.get((matter_code, bucket), MonthlyCounts())

        bucket_totals: dict[int, MonthlyCounts] = defaultdict(MonthlyCounts)
        for (_code, bucket), counts in per.items():
            bucket_totals[bucket] += counts

        def total(bucket: int) -> MonthlyCounts:
            return bucket_totals.get(bucket, MonthlyCounts())

        this, previous, last_year = SERIES_MONTHS, SERIES_MONTHS - 1, 0
        by_matter = tuple(MatterLine(c, names.get(c, UNKNOWN_MATTER), counts_of(c, this)) for c in codes)
        totals = total(this)
        series = []
        for i in range(1, SERIES_MONTHS + 1):
            t = total(i)
            series.append(SeriesPoint(buckets[i], t.received, t.accepted, t.completed, t.on_time))
        notes = (
            f"统计口径：{target.label}（北京时间）收件的办件；办结、逾期等状态截至 {today:%Y-%m-%d}。",
            "逾期 = 超期办结 + 在办已超过办结期限（暂停计时中的不计）；按期办结率 = 按期办结 ÷ 办结。",
            "平均用时：受理至办结所用的工作日（按工作日历，不含法定节假日和暂停计时的期间）。",
        )
        return MonthlyReport(
            month=target, today=today, office_name=office_name, scope_label=scope_label, office_code=code,
            by_matter=by_matter, totals=totals, previous_month=total(previous), last_year=total(last_year),
            comparison=comparison_lines(totals, total(previous), total(last_year)),
            matter_comparison=tuple(MatterComparison(c, names.get(c, UNKNOWN_MATTER), counts_of(c, this),
                                                     counts_of(c, previous), counts_of(c, last_year))
                                    for c in codes),
            series=tuple(series), made_by=made_by, notes=notes)

    # ------------------------------------------------------------ helpers

    def _office_filter(self, office_code: str | None) -> uuid.UUID | None:
        with self.ctx.reading() as s:
            home = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
            if home is None:
                return None
            return self._scope(s, home, office_code)[3]

    @staticmethod
    def _scope(s: Any, home: Office, office_code: str | None) -> tuple[str, str, str | None, uuid.UUID | None]:
        """(name on the title, scope label, township code, office filter) for the caller's office."""
        code = (office_code or "").strip() or None
        if not home.is_county:
            if code is not None and code != home.code:
                raise PermissionDenied("monthly_report", "乡镇所只能生成本所的月报，不能统计其他乡镇")
            return home.name, "", home.code, home.id
        if code is None:
            return home.name, "全县汇总", None, None
        township = s.scalar(select(Office).where(Office.code == code, Office.is_county.is_(False)))
        if township is None:
            raise NotFoundError(f"找不到代码为 {code} 的乡镇所")
        return township.name, f"{home.name}汇总", township.code, township.id

    def _days_used(self, s: Any, month: ReportMonth, office_id: uuid.UUID | None) -> dict[str, tuple[int, int]]:
        """Per matter code: (working days used summed, cases measured) for the month's completed cases."""
        where = [Case.received_at >= month.start, Case.received_at < month.end,
                 Case.accepted_at.is_not(None), Case.completed_at.is_not(None)]
        if office_id is not None:
            where.append(Case.office_id == office_id)
        done = s.execute(select(Case.id, Matter.code, Case.accepted_at, Case.completed_at).select_from(Case)
                         .outerjoin(Matter, Matter.id == Case.matter_id).where(*where)).all()
        if not done:
            return {}
        pauses: dict[uuid.UUID, list[Pause]] = defaultdict(list)
        for case_id, start, end in s.execute(
                select(CasePause.case_id, CasePause.start_date, CasePause.end_date)
                .join(Case, Case.id == CasePause.case_id).where(*where)):
            pauses[case_id].append(Pause(start, end))
        calendar = self.reference.calendar()
        result: dict[str, tuple[int, int]] = {}
        for case_id, matter_code, accepted_at, completed_at in done:
            finished = local_date(completed_at)
            # A pause still open on a completed case (returned while paused) ends with the case.
            used = calendar.working_days_between(local_date(accepted_at), finished, pauses.get(case_id, ()),
                                                 as_of=finished)
            total, count = result.get(matter_code or "", (0, 0))
            result[matter_code or ""] = (total + used, count + 1)
        return result


# ---------------------------------------------------------------- files


def write_monthly_report(services: Services, year: int, month: int, out: Path,
                         office_code: str | None = None) -> Path:
    """The report as a PDF (``.pdf``) or an Excel workbook (``.xlsx``), by the suffix of ``out``."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("out", str(out), "suffix", "输出文件应以 .pdf 或 .xlsx 结尾")
    report = services.monthly.report(year, month, office_code)
    if suffix == ".xlsx":
        from app.reports.monthly_excel import write_monthly_excel

        return write_monthly_excel(report, out)
    from app.printing.monthly_doc import monthly_report_pdf

    return write_bytes_atomically(out, monthly_report_pdf(report))

"""Registers (台账) for any date range: intake, completion, return and inquiry registers.

A register is what an office files and shows the county's auditors: one line per
application, completion, return or inquiry in a range of Beijing dates (both ends
included), with a 合计 line and a summary sentence. The service returns a plain
:class:`Register` (columns, rows of values, totals); the Excel and PDF writers and
the 台账 page only lay it out, so the four registers look alike everywhere.

What each register lists, and why:

- 受理登记簿: every application *registered at the window* in the range (by
  ``Case.received_at``, the same rule as the county summary and the monthly report,
  so the counts agree), whatever the intake decision: 受理, 一次性告知补正, 不予受理,
  or 待定 (received, undecided). An application supplemented after a one-time notice
  is received again on the day the materials arrived (intake resets ``received_at``):
  it is listed on that day with its outcome, and the notice keeps a line of its own on
  the day it was given (from the case's events), so every notice is in the register of
  its day. 承诺办结日期 is the due date as it stands now: a pause (行政许可法 第四十五条)
  lawfully moves it.
- 办结登记簿: cases that ended in the range (办结 with a decision, or 退回申请人).
  实际用时 is counted in working days on the office's calendar from acceptance to
  completion, pauses (补正、公示、听证、专家评审) excluded; 是否按期 compares the Beijing
  completion date with the recorded due date, as the county summary does.
- 退件登记簿: every return slip (退件单) written in the range, to an earlier step or
  to the applicant.
- 首问登记簿: every call and visit logged in the range, with the columns of the
  daily 首问负责登记簿 (app.printing.routing_docs) so the two read alike.

证件号码 are printed masked in the middle (370702********1234): registers are
exported, printed, filed and handed to auditors, and 个人信息保护法 asks for the least
personal data a purpose needs; the auditor needs to tell applicants apart and match
a line to the file, which the first six and last four characters do. The full number
stays in the case record. Organisations' 统一社会信用代码 are public and are not masked.

Every register is read with a fixed number of queries, whatever its length (no query
per line): one for the lines, names joined in, and for the completion register one
for the pauses.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from app.dto import Pause, Role
from app.errors import NotFoundError, PermissionDenied, ValidationError
from app.files import write_bytes_atomically
from app.models import (
    Applicant,
    Case,
    CaseEvent,
    CasePause,
    CaseStep,
    Inquiry,
    Matter,
    Office,
    User,
)
from app.permissions import STAFF
from app.services.context import LOCAL_TZ, ServiceContext, local_date
from app.services.inquiries import Channel, Handling
from app.services.intake import CaseStatus
from app.services.reference import ReferenceService
from app.services.routing import APPLICANT_LABEL, KIND_RETURN, TARGET_APPLICANT, CaseResult

if TYPE_CHECKING:
    from app.services import Services

# A register longer than this many years is refused: it is an archive export, not a register,
# and a county with thirty townships would build a PDF of tens of thousands of pages.
MAX_YEARS = 5
FIRST_YEAR = 2000
LAST_YEAR = 2100
EMPTY_TEXT = "本期无记录"
UNKNOWN_MATTER = "（未知事项）"

Cell = str | int | float | dt.date | dt.datetime | None


class RegisterKind(StrEnum):
    INTAKE = "intake"
    COMPLETION = "completion"
    RETURNS = "returns"
    INQUIRY = "inquiry"

    @property
    def label(self) -> str:
        return {"intake": "受理登记簿", "completion": "办结登记簿", "returns": "退件登记簿",
                "inquiry": "首问登记簿"}[self.value]

    @classmethod
    def parse(cls, text: str) -> RegisterKind:
        """``intake`` / ``受理`` / ``受理登记簿`` … (the command line takes either)."""
        wanted = text.strip().lower()
        for kind in cls:
            if wanted in (kind.value, kind.label, kind.label.removesuffix("登记簿")):
                return kind
        if wanted == "return":
            return cls.RETURNS
        names = "、".join(f"{k.value}（{k.label}）" for k in cls)
        raise ValidationError("kind", text, "unknown", f"没有这种登记簿：{text}；可选：{names}")


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class RegisterColumn:
    key: str
    title: str
    # The longest line the column normally holds (times print as two lines, date over time):
    # the PDF sizes fixed-width columns by it, and a longer value wraps. Columns with
    # ``wrap`` share the rest of the width by ``weight``.
    sample: str = ""
    align: Align = Align.LEFT
    wrap: bool = False
    weight: float = 1.0


@dataclass(frozen=True)
class Register:
    """One register, ready to lay out.

    ``rows`` hold values, not text: dates as ``date``, times as *Beijing wall-clock*
    naive ``datetime`` (Excel has no time zones), counts as ``int``; :func:`cell_text`
    turns any of them into the printed text. ``highlighted`` lists the indexes of rows
    a reader should notice (a late completion).
    """

    kind: RegisterKind
    office_name: str
    scope: str  # "" for one office; "全部 3 个乡镇" at a county
    first: dt.date
    last: dt.date
    printed_on: dt.date
    columns: tuple[RegisterColumn, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total_row: tuple[Cell, ...]
    summary: str
    highlighted: frozenset[int] = field(default_factory=frozenset)

    @property
    def title(self) -> str:
        return self.kind.label

    @property
    def range_label(self) -> str:
        return f"{_cn_date(self.first)}至{_cn_date(self.last)}"

    @property
    def heading(self) -> str:
        """Who and which register: ``示例镇自然资源所 受理登记簿``."""
        office = f"{self.office_name}（{self.scope}）" if self.scope else self.office_name
        return f"{office} {self.title}"

    @property
    def file_stem(self) -> str:
        return f"{self.title}-{self.first:%Y%m%d}-{self.last:%Y%m%d}"

    @property
    def count(self) -> int:
        """Number of lines (a property, not ``__len__``: an empty register is still a register)."""
        return len(self.rows)


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cell_text(value: Cell) -> str:
    """How a register value is printed (the page, the PDF and the CLI agree)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def mask_id(id_type: str, number: str) -> str:
    """A person's ID number with the middle hidden (370702********1234); see the module text."""
    number = number.strip()
    if id_type == "uscc" or len(number) <= 4:
        return number
    if len(number) == 18:
        return number[:6] + "*" * 8 + number[-4:]
    keep = max(1, len(number) // 4)
    return number[:keep] + "*" * (len(number) - 2 * keep) + number[-keep:]


def _rate(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "—"


# ---------------------------------------------------------------- ranges


class QuickRange(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_YEAR = "this_year"


def quick_range(choice: QuickRange, today: dt.date) -> tuple[dt.date, dt.date]:
    """本月 / 上月 / 本年 as (first, last) Beijing dates, both included."""
    if choice is QuickRange.THIS_MONTH:
        first = today.replace(day=1)
    elif choice is QuickRange.LAST_MONTH:
        first = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    else:
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def check_range(first: dt.date | None, last: dt.date | None) -> tuple[dt.date, dt.date]:
    """The range, or a ValidationError at the field that is wrong (``first`` / ``last``)."""
    if first is None:
        raise ValidationError("first", first, "empty", "请填写开始日期")
    if last is None:
        raise ValidationError("last", last, "empty", "请填写结束日期")
    for name, day in (("first", first), ("last", last)):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValidationError(name, day, "range", f"日期应在 {FIRST_YEAR}—{LAST_YEAR} 年之间")
    if last < first:
        raise ValidationError("last", last, "order",
                              f"结束日期 {last:%Y-%m-%d} 早于开始日期 {first:%Y-%m-%d}，请重新选择")
    try:
        limit = first.replace(year=first.year + MAX_YEARS)
    except ValueError:  # 29 February
        limit = dt.date(first.year + MAX_YEARS, 3, 1)
    if last >= limit:
        raise ValidationError("last", last, "too_long",
                              f"一次最多登记 {MAX_YEARS} 年（至 {limit - dt.timedelta(days=1):%Y-%m-%d}），"
                              "请缩短日期范围")
    return first, last


def parse_day(value: dt.date | str, field_name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field_name, value, "format",
                              f"日期“{value}”格式不对，应写成 2026-11-01") from None


def _bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(first, dt.time.min, LOCAL_TZ).astimezone(dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, LOCAL_TZ).astimezone(dt.UTC)
    return start, end


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    """Beijing wall-clock time without tzinfo (what the register prints and Excel stores)."""
    return None if moment is None else moment.astimezone(LOCAL_TZ).replace(tzinfo=None)


class _office_of(FunctionElement[uuid.UUID]):  # noqa: N801 - reads like the SQL it stands for
    """``case_file.office_id`` in a filter that must not drive the query.

    Without statistics SQLite takes the equality on office_id as the most selective
    condition and walks every case of the office through ix_case_file_office_status_due,
    then sorts them: a month of a 200,000-case office took 0.5 s that way. ``+office_id``
    (a no-op to the value) makes it use the time range's index instead; PostgreSQL
    plans from its statistics and gets the plain column.
    """

    inherit_cache = True


@compiles(_office_of)
def _office_of_default(element: _office_of, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_office_of, "sqlite")
def _office_of_sqlite(element: _office_of, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


def _in_offices(column: Any, office_ids: Sequence[uuid.UUID]) -> ColumnElement[bool]:
    return _office_of(column).in_(office_ids)


# ---------------------------------------------------------------- columns


def _col(key: str, title: str, sample: str = "", align: Align = Align.LEFT, *, wrap: bool = False,
         weight: float = 1.0) -> RegisterColumn:
    return RegisterColumn(key, title, sample, align, wrap, weight)


SEQ = _col("seq", "序号", "9999", Align.CENTER)
# Two lines of five characters hold a township office's name (示例镇自然 / 资源所).
TOWNSHIP = _col("township", "乡镇", "示例镇自然")

INTAKE_COLUMNS = (
    SEQ,
    _col("number", "收件/受理编号", "3707021012026B000001"),
    _col("received_at", "收件时间", "2026-11-23", Align.CENTER),
    _col("applicant", "申请人", wrap=True, weight=0.9),
    _col("id_number", "证件号码", "91370702MA3MW4XY9K"),
    _col("phone", "联系电话", "0536-8123456"),
    _col("matter", "事项名称", wrap=True, weight=1.3),
    _col("result", "办理结果", "一次性告知", Align.CENTER),
    _col("due_date", "承诺办结日期", "2026-12-07", Align.CENTER),
    _col("green", "绿色通道", "绿色", Align.CENTER),
    _col("clerk", "受理人", "王晓梅", Align.CENTER),
    _col("note", "备注", wrap=True, weight=2.0),
)

COMPLETION_COLUMNS = (
    SEQ,
    _col("number", "受理编号", "3707021012026000001"),
    _col("applicant", "申请人", wrap=True, weight=1.0),
    _col("matter", "事项名称", wrap=True, weight=1.6),
    _col("accepted_on", "受理日期", "2026-11-23", Align.CENTER),
    _col("promised_days", "承诺时限（工作日）", "承诺时限", Align.CENTER),
    _col("due_date", "应办结日期", "2026-11-23", Align.CENTER),
    _col("completed_on", "办结日期", "2026-11-23", Align.CENTER),
    _col("result", "办结结果", "退回申请人", Align.CENTER),
    _col("days_used", "实际用时（工作日）", "实际用时", Align.CENTER),
    _col("on_time", "是否按期", "是否按期", Align.CENTER),
    _col("clerk", "受理人", "王晓梅", Align.CENTER),
    _col("finisher", "办结人", "王晓梅", Align.CENTER),
)

RETURN_COLUMNS = (
    SEQ,
    _col("slip", "退件单号", "3707021012026000001T01"),
    _col("applicant", "申请人", wrap=True, weight=0.9),
    _col("matter", "事项名称", wrap=True, weight=1.3),
    _col("returned_at", "退件时间", "2026-11-23", Align.CENTER),
    _col("from_step", "退件环节", wrap=True, weight=0.9),
    _col("returned_by", "退件人", "王晓梅", Align.CENTER),
    _col("returned_to", "退回至", wrap=True, weight=1.2),
    _col("reason", "退件原因", wrap=True, weight=1.9),
)

# The daily 首问负责登记簿's columns (app.printing.routing_docs), with the date in the time.
INQUIRY_COLUMNS = (
    SEQ,
    _col("at", "时间", "2026-11-23", Align.CENTER),
    _col("channel", "方式", "来访", Align.CENTER),
    _col("asker", "来访/来电人", wrap=True, weight=0.9),
    _col("phone", "联系电话", "0536-8123456"),
    _col("address", "住址", wrap=True, weight=0.9),
    _col("question", "咨询事项", wrap=True, weight=2.0),
    _col("materials", "接收材料", wrap=True, weight=0.8),
    _col("first_officer", "首问人", "王晓梅", Align.CENTER),
    _col("responsible", "责任人", "王晓梅", Align.CENTER),
    _col("handling", "办理情况", wrap=True, weight=0.9),
    _col("outcome", "结果", wrap=True, weight=1.0),
)

COLUMNS = {RegisterKind.INTAKE: INTAKE_COLUMNS, RegisterKind.COMPLETION: COMPLETION_COLUMNS,
           RegisterKind.RETURNS: RETURN_COLUMNS, RegisterKind.INQUIRY: INQUIRY_COLUMNS}

INTAKE_RESULTS = ("受理", "一次性告知补正", "不予受理", "待定")
NOTICE_EVENT = "incomplete_notice"  # the CaseEvent intake writes for a one-time notice
COMPLETION_RESULTS = (*(r.label for r in CaseResult), "退回申请人")
_CASE_RESULTS = tuple(r.value for r in CaseResult)


@dataclass(frozen=True)
class _Scope:
    office_ids: tuple[uuid.UUID, ...]
    office_name: str
    scope: str
    names: dict[uuid.UUID, str]  # office id → name, for the 乡镇 column
    several: bool


# ---------------------------------------------------------------- the service


class RegisterService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    def register(self, kind: RegisterKind | str, first: dt.date, last: dt.date,
                 office_id: uuid.UUID | None = None) -> Register:
        """The ``kind`` register of Beijing dates ``first`` … ``last`` (both included).

        At a township: its own office (``office_id`` None or its own). At a county
        database: every township (None) or the one given.
        """
        kind = RegisterKind(kind)
        first, last = check_range(first, last)
        self._require_reader()
        start, end = _bounds(first, last)
        with self.ctx.reading() as s:
            scope = self._scope(s, office_id)
            if kind is RegisterKind.INTAKE:
                rows, total, summary, marked = self._intake(s, scope, start, end)
            elif kind is RegisterKind.COMPLETION:
                rows, total, summary, marked = self._completion(s, scope, start, end)
            elif kind is RegisterKind.RETURNS:
                rows, total, summary, marked = self._returns(s, scope, start, end)
            else:
                rows, total, summary, marked = self._inquiries(s, scope, start, end)
        columns = COLUMNS[kind]
        if scope.several:
            columns = (columns[0], TOWNSHIP, *columns[1:])
            total = (total[0], "", *total[1:])
        return Register(kind=kind, office_name=scope.office_name, scope=scope.scope, first=first,
                        last=last, printed_on=self.ctx.today(), columns=columns, rows=tuple(rows),
                        total_row=tuple(total), summary=summary, highlighted=frozenset(marked))

    def write_excel(self, register: Register, path: Path) -> Path:
        from app.reports.registers_excel import write_register_excel

        return write_register_excel(register, path)

    def pdf(self, register: Register) -> bytes:
        from app.printing.register_docs import render_register

        return render_register(register)

    # ------------------------------------------------------------ who and where

    def _require_reader(self) -> None:
        # Registers hold applicants' personal data: staff and administrators of the office only.
        if not self.ctx.roles() & (STAFF | {Role.ADMIN}):
            raise PermissionDenied("registers", "只有本单位在岗工作人员可以查看和导出台账")

    def _scope(self, s: Any, office_id: uuid.UUID | None) -> _Scope:
        own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        if own is None:
            raise NotFoundError("尚未设置单位")
        if not own.is_county:
            if office_id is not None and office_id != own.id:
                raise PermissionDenied("registers", "乡镇所只能查看本所的台账")
            return _Scope((own.id,), own.name, "", {own.id: own.name}, False)
        townships = s.execute(select(Office.id, Office.name).where(Office.is_county.is_(False))
                              .order_by(Office.code)).all()
        names = {tid: name for tid, name in townships}
        if office_id is not None:
            if office_id not in names:
                raise NotFoundError("找不到该乡镇所")
            return _Scope((office_id,), names[office_id], "", names, False)
        return _Scope(tuple(names), own.name, f"全部 {len(names)} 个乡镇", names, True)

    @staticmethod
    def _lead(scope: _Scope, i: int, office_name: str | None) -> list[Cell]:
        return [i, office_name or ""] if scope.several else [i]

    # ------------------------------------------------------------ 受理登记簿

    def _intake(self, s: Any, scope: _Scope, start: dt.datetime,
                end: dt.datetime) -> tuple[list[tuple[Cell, ...]], list[Cell], str, set[int]]:
        # Names come joined, not as ids looked up per line: turning ids into UUID objects
        # was a third of the time of a year's register.
        clerk = aliased(User)
        party = (Applicant.name, Applicant.id_type, Applicant.id_number, Applicant.phone, Matter.name)
        query = (
            select(Office.name, Case.number, Case.notice_number, Case.status, Case.received_at,
                   Case.due_date, Case.due_uncertain, Case.green_channel, Case.pending_due,
                   Case.notice_late, Case.refusal_reason, Case.agent_name, clerk.display_name, *party)
            .select_from(Case)
            .join(Office, Office.id == Case.office_id)
            .outerjoin(clerk, clerk.id == Case.clerk_id)
            .outerjoin(Applicant, Applicant.id == Case.applicant_id)
            .outerjoin(Matter, Matter.id == Case.matter_id)
            .where(_in_offices(Case.office_id, scope.office_ids), Case.received_at >= start,
                   Case.received_at < end)
            .order_by(Case.received_at, Case.number, Case.notice_number, Case.id)
        )
        # One-time notices given in the range whose application was supplemented later: the
        # case is registered again on the day the materials came (received_at moves), yet the
        # notice was a window decision of its own day and belongs in that day's register.
        # Such a case was received again after the notice, so after ``start``, and keeps its
        # notice number: the received_at index finds the few candidates and their events are
        # read through the case index (the event table, the largest, is never scanned).
        issuer = aliased(User)
        candidates = select(Case.id).where(
            _in_offices(Case.office_id, scope.office_ids), Case.received_at >= start,
            Case.notice_number.is_not(None))
        earlier_notices = (
            select(Office.name, CaseEvent.at, CaseEvent.data, issuer.display_name, Case.number,
                   Case.notice_number, Case.status, Case.received_at, Case.agent_name, *party)
            .select_from(CaseEvent)
            .join(Case, Case.id == CaseEvent.case_id)
            .join(Office, Office.id == Case.office_id)
            .outerjoin(issuer, issuer.id == CaseEvent.actor_id)
            .outerjoin(Applicant, Applicant.id == Case.applicant_id)
            .outerjoin(Matter, Matter.id == Case.matter_id)
            .where(CaseEvent.case_id.in_(candidates), CaseEvent.kind == NOTICE_EVENT,
                   CaseEvent.at >= start, CaseEvent.at < end, CaseEvent.at < Case.received_at)
        )
        lines: list[tuple[dt.datetime, str, str | None, list[Cell]]] = []
        counts = dict.fromkeys(INTAKE_RESULTS, 0)
        green = 0
        for r in s.execute(query).all():
            (office_name, number, notice_number, status, received_at, due, due_uncertain, green_channel,
             pending_due, notice_late, refusal_reason, agent, clerk_name, applicant, id_type, id_number,
             phone, matter) = r
            notes: list[str] = []
            if number:
                result = "受理"
                if notice_number:
                    notes.append(f"经告知书 {notice_number} 补正后受理")
                if notice_late:
                    notes.append("逾期作出受理决定，自收件之日起视为受理")
                if pending_due is not None:
                    notes.append(f"容缺先行受理，材料须于 {pending_due:%Y-%m-%d} 前补齐")
                if due_uncertain:
                    notes.append("办结日期所在年份尚无节假日安排，日期待核")
            elif status == CaseStatus.INCOMPLETE:
                result = "一次性告知补正"
                notes.append("待申请人补正材料")
            elif status == CaseStatus.REJECTED:
                result = "不予受理"
                if refusal_reason:
                    notes.append(f"理由：{refusal_reason}")
            else:
                result = "待定"
                if due is not None:
                    notes.append(f"须于 {due:%Y-%m-%d} 前作出是否受理的决定")
            if agent:
                notes.append(f"代理人：{agent}")
            counts[result] += 1
            if green_channel:
                green += 1
            code = number or notice_number or ""
            lines.append((received_at, code, office_name, [
                code, _local(received_at), applicant or "", mask_id(id_type or "", id_number or ""),
                phone or "", matter or UNKNOWN_MATTER, result, due if number else None,
                "是" if green_channel else "", clerk_name or "", "；".join(notes)]))
        for r in s.execute(earlier_notices).all():
            (office_name, at, data, issuer_name, number, notice_number, status, received_at, agent,
             applicant, id_type, id_number, phone, matter) = r
            later = (f"受理（{number}）" if number
                     else f"不予受理（{notice_number}）" if status == CaseStatus.REJECTED
                     else f"再次告知（{notice_number}）" if status == CaseStatus.INCOMPLETE
                     else "待定")
            notes = [f"{local_date(received_at):%Y-%m-%d} 补正后{later}"]
            if agent:
                notes.append(f"代理人：{agent}")
            counts["一次性告知补正"] += 1
            code = str((data or {}).get("notice_number") or "")
            lines.append((at, code, office_name, [
                code, _local(at), applicant or "", mask_id(id_type or "", id_number or ""),
                phone or "", matter or UNKNOWN_MATTER, "一次性告知补正", None, "",
                issuer_name or "", "；".join(notes)]))
        lines.sort(key=lambda line: (line[0], line[1]))
        rows = [(*self._lead(scope, i, office_name), *cells)
                for i, (_at, _code, office_name, cells) in enumerate(lines, start=1)]
        n = len(rows)
        summary = (f"本期共收件 {n} 件：受理 {counts['受理']} 件（其中绿色通道 {green} 件），"
                   f"一次性告知补正 {counts['一次性告知补正']} 件，不予受理 {counts['不予受理']} 件，"
                   f"待定 {counts['待定']} 件。")
        total: list[Cell] = ["合计", f"共 {n} 件", "", "", "", "", "", f"受理 {counts['受理']} 件", "",
                             f"{green} 件", "", ""]
        return rows, total, summary, set()

    # ------------------------------------------------------------ 办结登记簿

    def _completion(self, s: Any, scope: _Scope, start: dt.datetime,
                    end: dt.datetime) -> tuple[list[tuple[Cell, ...]], list[Cell], str, set[int]]:
        final, clerk, sender, holder = aliased(CaseStep), aliased(User), aliased(User), aliased(User)
        ended = and_(_in_offices(Case.office_id, scope.office_ids),
                     Case.status.in_((CaseStatus.COMPLETED.value, CaseStatus.RETURNED.value)),
                     Case.completed_at >= start, Case.completed_at < end)
        # The row that ended the case: the final step with the decision, or the return to the
        # applicant (at most one per case). Cases are keyed by their number (every case that
        # was accepted has one) rather than their id, which would be a UUID object per line.
        query = (
            select(Office.name, Case.number, Case.status, Case.result, Case.accepted_at,
                   Case.promised_days, Case.due_date, Case.completed_at, clerk.display_name,
                   Applicant.name, Matter.name, final.kind, sender.display_name, holder.display_name)
            .select_from(Case)
            .join(Office, Office.id == Case.office_id)
            .outerjoin(clerk, clerk.id == Case.clerk_id)
            .outerjoin(Applicant, Applicant.id == Case.applicant_id)
            .outerjoin(Matter, Matter.id == Case.matter_id)
            .outerjoin(final, and_(final.case_id == Case.id,
                                   or_(final.result.in_(_CASE_RESULTS),
                                       and_(final.kind == KIND_RETURN,
                                            final.return_target == TARGET_APPLICANT))))
            .outerjoin(sender, sender.id == final.from_user_id)
            .outerjoin(holder, holder.id == final.to_user_id)
            .where(ended)
            .order_by(Case.completed_at, Case.number, Case.id)
        )
        # Few cases are ever paused: read the pauses through them, not the cases through theirs.
        pause_rows = s.execute(
            select(Case.number, CasePause.start_date, CasePause.end_date)
            .join(Case, Case.id == CasePause.case_id).where(ended)).all()
        pauses: dict[str | None, list[Pause]] = defaultdict(list)
        for number, p_start, p_end in pause_rows:
            pauses[number].append(Pause(p_start, p_end))
        cal = self.reference.calendar()
        rows: list[tuple[Cell, ...]] = []
        marked: set[int] = set()
        seen: set[str | None] = set()
        by_result = dict.fromkeys(COMPLETION_RESULTS, 0)
        on_time = late = days_total = days_counted = 0
        for r in s.execute(query).all():
            (office_name, number, status, result, accepted_at, promised, due, completed_at,
             clerk_name, applicant, matter, final_kind, sender_name, holder_name) = r
            if number in seen:
                continue
            seen.add(number)
            if status == CaseStatus.RETURNED:
                label = "退回申请人"
            else:
                try:
                    label = CaseResult(result).label
                except ValueError:
                    label = result or ""
            by_result[label] = by_result.get(label, 0) + 1
            done_day = local_date(completed_at)
            accepted_day = local_date(accepted_at) if accepted_at is not None else None
            used: int | None = None
            if accepted_day is not None:
                used = cal.working_days_between(accepted_day, done_day, pauses.get(number, ()))
                days_total += used
                days_counted += 1
            flag = ""
            if due is not None:
                if done_day <= due:
                    on_time += 1
                    flag = "按期"
                else:
                    late += 1
                    flag = "逾期"
                    marked.add(len(rows))
            finisher = sender_name if final_kind == KIND_RETURN else holder_name
            rows.append((
                *self._lead(scope, len(rows) + 1, office_name),
                number or "",
                applicant or "",
                matter or UNKNOWN_MATTER,
                accepted_day,
                promised,
                due,
                done_day,
                label,
                used,
                flag,
                clerk_name or "",
                finisher or "",
            ))
        n = len(rows)
        average = days_total / days_counted if days_counted else None
        parts = "，".join(f"{k} {v} 件" for k, v in by_result.items())
        summary = (f"本期共办结 {n} 件：{parts}；按期办结 {on_time} 件，逾期办结 {late} 件，"
                   f"按期办结率 {_rate(on_time, on_time + late)}；"
                   f"平均实际用时 {'—' if average is None else f'{average:.1f}'} 个工作日。")
        total: list[Cell] = ["合计", f"共 {n} 件", "", "", "", "", "", "", "",
                             "" if average is None else f"平均 {average:.1f}", f"按期 {on_time} 件", "", ""]
        return rows, total, summary, marked

    # ------------------------------------------------------------ 退件登记簿

    def _returns(self, s: Any, scope: _Scope, start: dt.datetime,
                 end: dt.datetime) -> tuple[list[tuple[Cell, ...]], list[Cell], str, set[int]]:
        before, sender, receiver = aliased(CaseStep), aliased(User), aliased(User)
        query = (
            select(Office.name, Case.number, CaseStep.seq, CaseStep.sent_at, CaseStep.step_name,
                   CaseStep.return_target, sender.display_name, CaseStep.to_user_id.is_(None),
                   receiver.display_name, CaseStep.reason, before.step_name, Applicant.name,
                   Matter.name)
            .select_from(CaseStep)
            .join(Case, Case.id == CaseStep.case_id)
            .join(Office, Office.id == Case.office_id)
            .outerjoin(sender, sender.id == CaseStep.from_user_id)
            .outerjoin(receiver, receiver.id == CaseStep.to_user_id)
            .outerjoin(before, and_(before.case_id == CaseStep.case_id, before.seq == CaseStep.seq - 1))
            .outerjoin(Applicant, Applicant.id == Case.applicant_id)
            .outerjoin(Matter, Matter.id == Case.matter_id)
            .where(CaseStep.kind == KIND_RETURN, CaseStep.sent_at >= start, CaseStep.sent_at < end,
                   _in_offices(Case.office_id, scope.office_ids))
            .order_by(CaseStep.sent_at, Case.number, CaseStep.seq)
        )
        rows: list[tuple[Cell, ...]] = []
        to_applicant = 0
        for i, r in enumerate(s.execute(query).all(), start=1):
            (office_name, number, seq, sent_at, step_name, target, sender_name, to_nobody,
             receiver_name, reason, before_name, applicant, matter) = r
            if target == TARGET_APPLICANT or to_nobody:
                to_applicant += 1
                from_step, returned_to = step_name, APPLICANT_LABEL
            else:
                from_step = before_name or ""
                returned_to = f"{step_name}（{receiver_name}）" if receiver_name else step_name
            rows.append((
                *self._lead(scope, i, office_name),
                f"{number or ''}T{seq:02d}",
                applicant or "",
                matter or UNKNOWN_MATTER,
                _local(sent_at),
                from_step,
                sender_name or "",
                returned_to,
                reason,
            ))
        n = len(rows)
        summary = (f"本期共退件 {n} 件：退回前面环节 {n - to_applicant} 件，"
                   f"退回申请人 {to_applicant} 件。")
        total: list[Cell] = ["合计", f"共 {n} 件", "", "", "", "", "", "", ""]
        return rows, total, summary, set()

    # ------------------------------------------------------------ 首问登记簿

    def _inquiries(self, s: Any, scope: _Scope, start: dt.datetime,
                   end: dt.datetime) -> tuple[list[tuple[Cell, ...]], list[Cell], str, set[int]]:
        first, responsible = aliased(User), aliased(User)
        query = (
            select(Inquiry, Office.name, first.display_name, responsible.display_name)
            .join(Office, Office.id == Inquiry.office_id)
            .outerjoin(first, first.id == Inquiry.first_officer_id)
            .outerjoin(responsible, responsible.id == Inquiry.responsible_officer_id)
            .where(Inquiry.office_id.in_(scope.office_ids), Inquiry.at >= start, Inquiry.at < end)
            .order_by(Inquiry.at, Inquiry.id)
        )
        rows: list[tuple[Cell, ...]] = []
        phone_calls = forwarded = still_open = 0
        for i, (q, office_name, first_name, responsible_name) in enumerate(s.execute(query).all(),
                                                                            start=1):
            try:
                channel = Channel(q.channel).label
            except ValueError:
                channel = q.channel
            if q.channel == Channel.PHONE:
                phone_calls += 1
            question = f"【{q.matter}】{q.question}" if q.matter.strip() else q.question
            if q.handling == Handling.FORWARDED or q.forwarded_to.strip():
                forwarded += 1
                handling = f"转办至{q.forwarded_to}" if q.forwarded_to.strip() else "转办"
            else:
                handling = Handling.ANSWERED.label
            outcome = q.outcome
            if q.closed_at is None:
                still_open += 1
                outcome = f"{outcome}（尚未办结）" if outcome else "尚未办结"
            first_officer = first_name or ""
            rows.append((
                *self._lead(scope, i, office_name),
                _local(q.at),
                channel,
                q.asker,
                q.phone,
                q.address,
                question,
                q.materials_received or "无",
                first_officer,
                responsible_name or first_officer,
                handling,
                outcome,
            ))
        n = len(rows)
        summary = (f"本期共登记 {n} 件（来电 {phone_calls} 件，来访 {n - phone_calls} 件）；"
                   f"当场答复 {n - forwarded} 件，转办 {forwarded} 件，其中尚未办结 {still_open} 件。")
        total: list[Cell] = ["合计", f"共 {n} 件", "", "", "", "", "", "", "", "", "", ""]
        return rows, total, summary, set()


# ---------------------------------------------------------------- command line


def write_register(services: Services, kind: str, first: dt.date | str, last: dt.date | str,
                   out: Path, office_code: str | None = None) -> Path:
    """``landdesk register KIND --from D --to D -o F.xlsx|F.pdf``: the format follows the suffix.

    ``office_code`` (county databases): one township's register instead of all of them.
    """
    register_kind = RegisterKind.parse(kind)
    first_day, last_day = parse_day(first, "first"), parse_day(last, "last")
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError("out", str(out), "suffix", "输出文件应以 .xlsx（Excel）或 .pdf 结尾")
    office_id = None
    if office_code:
        with services.ctx.reading() as s:
            office_id = s.scalar(select(Office.id).where(Office.code == office_code.strip()))
        if office_id is None:
            raise NotFoundError(f"找不到代码为 {office_code} 的乡镇所")
    register = services.registers.register(register_kind, first_day, last_day, office_id)
    if suffix == ".xlsx":
        return services.registers.write_excel(register, out)
    try:
        write_bytes_atomically(out, services.registers.pdf(register))
    except OSError as exc:
        raise ValidationError("out", str(out), "write",
                              f"无法保存 {out}：{exc.strerror or exc}") from exc
    return out


__all__ = [
    "EMPTY_TEXT",
    "Align",
    "QuickRange",
    "Register",
    "RegisterColumn",
    "RegisterKind",
    "RegisterService",
    "cell_text",
    "check_range",
    "mask_id",
    "quick_range",
    "write_register",
]

"""Task packages (项目化管理): 打包入库—二级管理—全程督查—验收出库—严格考核 (seed 004).

A leader enters a package (入库) with its measurable target, working days and milestones;
the head assigns it to one responsible person and co-workers (二级管理); they report
progress with evidence; leaders inspect it (督查) with a rectification deadline; the
responsible person submits it for acceptance; a leader accepts it (验收出库) or sends it
back, and scores an accepted package. Every step is a PackageEvent, shown as its history.

Status: entered → assigned → in_progress → submitted → accepted → scored; a package sent
back returns to in_progress (the history keeps the return); cancelled before acceptance.

Categories, units, working-day limits and grade bands are data (resources/management/
packages.toml). At the county every township's packages are listed, and nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn, cast

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.dto import Deadline, OfficeInfo
from app.errors import (
    FormErrors,
    NotFoundError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from app.evidence import EvidenceStore, StoredFile
from app.models import (
    Office,
    PackageEvent,
    PackageEvidence,
    PackageInspection,
    PackageMilestone,
    PackageProgress,
    TaskPackage,
    User,
    WorkTarget,
)
from app.permissions import LEADERS, Action
from app.resources import resource_path
from app.services.context import ServiceContext, local_date
from app.services.county import beijing_date
from app.services.inquiries import TEXT_MAX, office_staff, too_long
from app.services.numbering import next_office_number
from app.services.office import StaffItem, office_info
from app.services.reference import ReferenceService
from app.tomlfile import DataFileError, TomlReader, read_data_file

RULES_FILE = "packages.toml"
PACKAGE_KIND, PACKAGE_INFIX = "package", "RW"
INSPECTION_KIND, INSPECTION_INFIX = "inspection", "DC"
TITLE_MAX = 200
QUANTITY_MAX = Decimal("999999999999")
CENT = Decimal("0.01")
COUNTY_REFUSAL = "县局只能查看各乡镇所的任务包，不能入库、分配、督查或验收"
AREA_UNITS = {"公顷": Decimal(15), "亩": Decimal(1)}  # in 亩: 1 公顷 = 15 亩 exactly (app.units)


class PackageStatus(StrEnum):
    ENTERED = "entered"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    SCORED = "scored"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    PackageStatus.ENTERED: "已入库",
    PackageStatus.ASSIGNED: "已分配",
    PackageStatus.IN_PROGRESS: "实施中",
    PackageStatus.SUBMITTED: "待验收",
    PackageStatus.ACCEPTED: "已验收",
    PackageStatus.SCORED: "已评分",
    PackageStatus.CANCELLED: "已撤销",
}
# Before acceptance: still the office's work, may be re-assigned, inspected or cancelled.
OPEN_STATUSES = frozenset({PackageStatus.ENTERED, PackageStatus.ASSIGNED, PackageStatus.IN_PROGRESS,
                           PackageStatus.SUBMITTED})
DONE_STATUSES = frozenset({PackageStatus.ACCEPTED, PackageStatus.SCORED})
WORKING = frozenset({PackageStatus.ASSIGNED, PackageStatus.IN_PROGRESS})


class EventKind(StrEnum):
    ENTERED = "entered"
    ASSIGNED = "assigned"
    PROGRESS = "progress"
    MILESTONE = "milestone"
    EVIDENCE = "evidence"
    INSPECTED = "inspected"
    RECTIFIED = "rectified"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    SCORED = "scored"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS = {
    EventKind.ENTERED: "入库", EventKind.ASSIGNED: "分配", EventKind.PROGRESS: "报告进度",
    EventKind.MILESTONE: "完成节点", EventKind.EVIDENCE: "上传材料", EventKind.INSPECTED: "督查",
    EventKind.RECTIFIED: "整改", EventKind.SUBMITTED: "报验收", EventKind.ACCEPTED: "验收出库",
    EventKind.RETURNED: "退回", EventKind.SCORED: "评分", EventKind.CANCELLED: "撤销",
}


# ---------------------------------------------------------------- the rules file


class PackageRulesError(DataFileError):
    """packages.toml is malformed: says which file, line and field."""

    what = "任务包规则文件"


@dataclass(frozen=True)
class Category:
    name: str
    note: str


@dataclass(frozen=True)
class Grade:
    name: str
    min: Decimal


@dataclass(frozen=True)
class PackageRules:
    categories: tuple[Category, ...]
    units: tuple[str, ...]
    grades: tuple[Grade, ...]  # highest first; the last one starts at 0
    max_working_days: int
    inspection_default_days: int
    inspection_max_days: int

    def category_names(self) -> list[str]:
        return [c.name for c in self.categories]

    def grade(self, score: Decimal | None) -> str:
        if score is None:
            return ""
        return next((g.name for g in self.grades if score >= g.min), self.grades[-1].name)


_TOP = ("max_working_days", "units", "inspection", "categories", "grades")
PathKey = tuple[str | int, ...]


class _Reader(TomlReader):
    """Paths here count array elements from 0 (as Python does); messages count from 1."""

    def __init__(self, file: str, text: str) -> None:
        super().__init__(file, text, PackageRulesError)

    def fail(self, path: PathKey, reason: str) -> NoReturn:
        super().fail(tuple(p + 1 if isinstance(p, int) else p for p in path), reason)

    def text_of(self, table: Mapping[str, Any], path: PathKey, key: str, *, limit: int,
                required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.fail((*path, key), "应为文字，用英文双引号括起来")
        value = value.strip()
        if required and not value:
            self.fail((*path, key), "不能为空")
        if len(value) > limit:
            self.fail((*path, key), f"最多 {limit} 个字")
        return value

    def integer(self, table: Mapping[str, Any], path: PathKey, key: str, lo: int, hi: int) -> int:
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail((*path, key), "应为整数（不加引号），如 5")
        if not lo <= value <= hi:
            self.fail((*path, key), f"应在 {lo} 到 {hi} 之间")
        return value

    def tables(self, data: Mapping[str, Any], key: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail((key,), f"应写成若干个 [[{key}]] 表")
        if not value:
            self.fail((key,), f"至少要有一个 [[{key}]]")
        return value


def parse_rules(text: str, file: str = RULES_FILE) -> PackageRules:
    """Check the rules file's text; errors name the file, line and field."""
    r = _Reader(file, text)
    data = r.load()
    r.keys(data, (), _TOP, _TOP)
    max_days = r.integer(data, (), "max_working_days", 1, 1000)
    units_raw = data["units"]
    if not isinstance(units_raw, list) or not units_raw:
        r.fail(("units",), "应为至少一个单位的列表，如 [\"个\", \"公顷\"]")
    units: list[str] = []
    for index, unit in enumerate(units_raw):
        if not isinstance(unit, str) or not unit.strip() or len(unit.strip()) > 10:
            r.fail(("units", index), "单位应为 1 到 10 个字的文字")
        if unit.strip() in units:
            r.fail(("units", index), f"单位“{unit.strip()}”重复")
        units.append(unit.strip())
    inspection = data["inspection"]
    r.keys(inspection, ("inspection",), ("default_days", "max_days"), ("default_days", "max_days"))
    inspection_max = r.integer(inspection, ("inspection",), "max_days", 1, 250)
    inspection_default = r.integer(inspection, ("inspection",), "default_days", 1, inspection_max)
    categories: list[Category] = []
    for index, raw in enumerate(r.tables(data, "categories")):
        path: PathKey = ("categories", index)
        r.keys(raw, path, ("name", "note"), ("name",))
        name = r.text_of(raw, path, "name", limit=40)
        if any(c.name == name for c in categories):
            r.fail((*path, "name"), f"类别“{name}”重复")
        categories.append(Category(name, r.text_of(raw, path, "note", limit=200, required=False)))
    grades: list[Grade] = []
    for index, raw in enumerate(r.tables(data, "grades")):
        path = ("grades", index)
        r.keys(raw, path, ("name", "min"), ("name", "min"))
        name = r.text_of(raw, path, "name", limit=10)
        low = raw["min"]
        if isinstance(low, bool) or not isinstance(low, int | float) or not 0 <= low <= 100:
            r.fail((*path, "min"), "应为 0 到 100 之间的分数（不加引号）")
        bound = Decimal(str(low))
        if grades and bound >= grades[-1].min:
            r.fail((*path, "min"), "等次应从高到低排列，每个的最低分都低于上一个")
        if any(g.name == name for g in grades):
            r.fail((*path, "name"), f"等次“{name}”重复")
        grades.append(Grade(name, bound))
    if grades[-1].min != 0:
        r.fail(("grades", len(grades) - 1, "min"), "最后一个等次的最低分应为 0，每个分数都要有等次")
    return PackageRules(tuple(categories), tuple(units), tuple(grades), max_days,
                        inspection_default, inspection_max)


def load_rules(directory: Path | None = None) -> PackageRules:
    path = (directory or resource_path("management")) / RULES_FILE
    return parse_rules(read_data_file(path, PackageRulesError), path.name)


# ---------------------------------------------------------------- what callers give and get


@dataclass(frozen=True)
class MilestoneInput:
    title: str
    due_date: dt.date


@dataclass(frozen=True)
class PackageForm:
    title: str
    category: str
    start_date: dt.date
    working_days: int
    description: str = ""
    target_id: uuid.UUID | None = None
    target_quantity: str | Decimal | int | None = None  # empty: no measurable quantity
    unit: str = ""
    milestones: tuple[MilestoneInput, ...] = ()
    co_worker_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class PackageRef:
    id: uuid.UUID
    number: str
    due_date: dt.date


@dataclass(frozen=True)
class TargetChoice:
    id: uuid.UUID
    name: str
    unit: str
    first_year: int
    last_year: int
    planned: Decimal


@dataclass(frozen=True)
class PackageFilter:
    status: str = "open"  # a PackageStatus value, "open" (not yet accepted), "overdue" or "all"
    person_id: uuid.UUID | None = None  # responsible or co-worker
    category: str = ""
    year: int | None = None  # of the due date
    office_id: uuid.UUID | None = None  # the county's township filter
    mine: bool = False  # the signed-in user is responsible or a co-worker


@dataclass(frozen=True)
class PackageItem:
    id: uuid.UUID
    office_id: uuid.UUID
    office_code: str
    office_name: str
    number: str
    title: str
    category: str
    status: PackageStatus
    responsible_id: uuid.UUID | None
    responsible: str
    co_worker_ids: tuple[uuid.UUID, ...]
    co_workers: tuple[str, ...]
    start_date: dt.date
    working_days: int
    due_date: dt.date
    days_left: int | None  # working days to the due date (0 on the day); None when finished
    days_late: int  # working days past the due date while unfinished, or accepted late
    target_quantity: Decimal | None
    unit: str
    achieved: Decimal
    open_inspections: int
    overdue_inspections: int
    accepted_at: dt.datetime | None
    score: Decimal | None
    grade: str
    target_name: str

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def overdue(self) -> bool:
        return self.days_late > 0 and self.status not in DONE_STATUSES

    @property
    def progress(self) -> Decimal | None:
        """Achieved / target in percent (may pass 100), None without a target quantity."""
        if not self.target_quantity:
            return None
        return (self.achieved * 100 / self.target_quantity).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class MilestoneItem:
    id: uuid.UUID
    seq: int
    title: str
    due_date: dt.date
    done_at: dt.datetime | None
    done_by: str

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class EvidenceItem:
    id: uuid.UUID
    file_name: str
    sha256: str
    size: int
    note: str
    added_by: str
    added_at: dt.datetime
    progress_id: uuid.UUID | None
    inspection_id: uuid.UUID | None
    path: Path | None  # the kept copy, when this installation has it


@dataclass(frozen=True)
class ProgressItem:
    id: uuid.UUID
    as_of: dt.date
    quantity: Decimal
    cumulative: Decimal
    note: str
    reported_by: str
    reported_at: dt.datetime
    files: tuple[str, ...]


@dataclass(frozen=True)
class InspectionItem:
    id: uuid.UUID
    package_id: uuid.UUID
    number: str
    issued_by: str
    issued_at: dt.datetime
    finding: str
    requirement: str
    rectify_due: dt.date
    rectification: str
    rectified_by: str
    rectified_at: dt.datetime | None
    overdue: bool  # not rectified and the deadline has passed

    @property
    def rectified(self) -> bool:
        return self.rectified_at is not None


@dataclass(frozen=True)
class EventItem:
    kind: str
    label: str
    at: dt.datetime
    actor: str
    note: str


@dataclass(frozen=True)
class PackageDetail:
    item: PackageItem
    office: OfficeInfo
    description: str
    entered_by: str
    entered_at: dt.datetime
    assigned_by: str
    assigned_at: dt.datetime | None
    submitted_at: dt.datetime | None
    accepted_by: str
    acceptance_note: str
    score_note: str
    scored_by: str
    scored_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    cancel_reason: str
    milestones: tuple[MilestoneItem, ...]
    progress: tuple[ProgressItem, ...]
    inspections: tuple[InspectionItem, ...]
    evidence: tuple[EvidenceItem, ...]
    events: tuple[EventItem, ...]
    today: dt.date


@dataclass(frozen=True)
class PackageActions:
    """What the signed-in user may do with one package now (buttons; the service checks again)."""

    assign: bool = False
    report: bool = False
    inspect: bool = False
    rectify: bool = False
    submit: bool = False
    decide: bool = False  # accept or send back
    score: bool = False
    cancel: bool = False
    add_evidence: bool = False


@dataclass(frozen=True)
class InspectionNotice:
    """督查整改通知书 as printed."""

    office: OfficeInfo
    package: PackageItem
    inspection: InspectionItem


@dataclass(frozen=True)
class PackageRegister:
    """The year's packages (台账), with totals."""

    office_name: str
    year: int
    today: dt.date
    items: tuple[PackageItem, ...]
    cancelled: int
    at_county: bool

    @property
    def accepted(self) -> int:
        return sum(1 for i in self.items if i.status in DONE_STATUSES)

    @property
    def late(self) -> int:
        return sum(1 for i in self.items if i.days_late > 0)

    @property
    def open_inspections(self) -> int:
        return sum(i.open_inspections for i in self.items)

    @property
    def average_score(self) -> Decimal | None:
        scores = [i.score for i in self.items if i.score is not None]
        if not scores:
            return None
        return (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.1"))


@dataclass
class _Rows:
    """Rows loaded for a set of packages, in one query each."""

    names: dict[uuid.UUID, str] = field(default_factory=dict)
    offices: dict[uuid.UUID, tuple[str, str]] = field(default_factory=dict)
    achieved: dict[uuid.UUID, Decimal] = field(default_factory=dict)
    inspections: dict[uuid.UUID, tuple[int, int]] = field(default_factory=dict)
    targets: dict[uuid.UUID, str] = field(default_factory=dict)


# ---------------------------------------------------------------- small helpers


def ids_text(ids: Iterable[uuid.UUID]) -> str:
    return ",".join(str(i) for i in ids)


def parse_ids(text: str) -> tuple[uuid.UUID, ...]:
    return tuple(uuid.UUID(part) for part in text.split(",") if part.strip())


def parse_quantity(value: str | Decimal | int | None, field: str, what: str, *,
                   allow_zero: bool) -> Decimal | ValidationError:
    """A quantity typed by a user (两位小数), or the problem with it."""
    text = str(value).strip().replace(",", "").replace("，", "") if value is not None else ""
    try:
        quantity = Decimal(text)
    except InvalidOperation:
        return ValidationError(field, value, "number", f"{what}应为数字，如 12 或 3.5")
    if not quantity.is_finite():
        return ValidationError(field, value, "number", f"{what}应为数字，如 12 或 3.5")
    if quantity < 0 or (quantity == 0 and not allow_zero):
        return ValidationError(field, value, "range", f"{what}应大于 0" if not allow_zero
                               else f"{what}不能为负数")
    if quantity > QUANTITY_MAX:
        return ValidationError(field, value, "range", f"{what}过大")
    if quantity != quantity.quantize(CENT):
        return ValidationError(field, value, "decimals", f"{what}最多保留两位小数")
    return quantity.quantize(CENT)


def convertible(unit: str, target_unit: str) -> bool:
    return unit == target_unit or (unit in AREA_UNITS and target_unit in AREA_UNITS)


def convert(quantity: Decimal, unit: str, target_unit: str) -> Decimal:
    """A quantity in ``target_unit`` (公顷 ↔ 亩, exact factor 15); same unit unchanged."""
    if unit == target_unit:
        return quantity
    return quantity * AREA_UNITS[unit] / AREA_UNITS[target_unit]


def _text_error(errors: list[ValidationError], field: str, value: str, what: str, *,
                required: bool, limit: int = TEXT_MAX, example: str = "") -> str:
    text = value.strip()
    if required and not text:
        errors.append(ValidationError(field, value, "empty", f"请填写{what}{example}"))
    elif len(text) > limit:
        errors.append(too_long(field, text, limit, what))
    return text


def late_packages(s: Session, office_ids: list[uuid.UUID], year: int,
                  today: dt.date) -> dict[uuid.UUID, int]:
    """Per office, packages due in ``year`` (not cancelled) that are late: not accepted and past
    their due date today, or accepted (the acceptance's Beijing date) after their due date.

    The due day itself is not late. Offices with none are left out. For the 1000-point
    assessment (a deduction item per late package).
    """
    if not office_ids:
        return {}
    accepted_on = beijing_date(TaskPackage.accepted_at)
    late = or_(
        and_(TaskPackage.accepted_at.is_(None), TaskPackage.due_date < today),
        and_(TaskPackage.accepted_at.is_not(None), accepted_on > TaskPackage.due_date),
    )
    rows = s.execute(
        select(TaskPackage.office_id, func.count())
        .where(TaskPackage.office_id.in_(office_ids),
               TaskPackage.status != PackageStatus.CANCELLED.value,
               TaskPackage.due_date >= dt.date(year, 1, 1),
               TaskPackage.due_date <= dt.date(year, 12, 31),
               late)
        .group_by(TaskPackage.office_id)
    ).all()
    return {office_id: int(count) for office_id, count in rows}


def linked_progress(s: Session, target_id: uuid.UUID, unit: str) -> dict[dt.date, Decimal]:
    """Quantities reported on the packages linked to a target, per month (first day), in
    ``unit`` (公顷 and 亩 converted); for the target's plan-against-progress chart."""
    rows = s.execute(
        select(PackageProgress.as_of, PackageProgress.quantity, TaskPackage.unit)
        .join(TaskPackage, PackageProgress.package_id == TaskPackage.id)
        .where(TaskPackage.target_id == target_id,
               TaskPackage.status != PackageStatus.CANCELLED.value)
    ).all()
    months: dict[dt.date, Decimal] = {}
    for as_of, quantity, package_unit in rows:
        if not convertible(package_unit, unit):
            continue
        month = as_of.replace(day=1)
        months[month] = months.get(month, Decimal(0)) + convert(quantity, package_unit, unit)
    return months


# ---------------------------------------------------------------- the service


class PackageService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService, *,
                 evidence_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.reference = reference
        self.rules_dir: Path | None = None  # tests point this at their own rules file
        self.evidence = EvidenceStore(evidence_dir)

    # ------------------------------------------------------------ what there is

    def rules(self) -> PackageRules:
        key = ("package_rules", self.rules_dir)
        return cast(PackageRules, self.ctx.cached(key, lambda: load_rules(self.rules_dir)))

    def staff(self) -> list[StaffItem]:
        """Who can be made responsible or a co-worker: the office's working staff."""
        return office_staff(self.ctx)

    def is_county(self) -> bool:
        if self.ctx.office_id is None:
            return False
        return bool(self.ctx.cached(("is_county", self.ctx.office_id), self._load_is_county))

    def _load_is_county(self) -> bool:
        with self.ctx.reading() as s:
            return bool(s.scalar(select(Office.is_county).where(Office.id == self.ctx.office_id)))

    def offices(self) -> list[tuple[uuid.UUID, str, str]]:
        """(id, code, name) of the offices whose packages this database lists."""
        with self.ctx.reading() as s:
            query = select(Office.id, Office.code, Office.name).order_by(Office.code)
            if self.is_county():
                query = query.where(Office.is_county.is_(False))
            else:
                query = query.where(Office.id == self.ctx.office_id)
            return [(r[0], r[1], r[2]) for r in s.execute(query)]

    def due_date_for(self, start: dt.date, working_days: int) -> Deadline:
        """The due date ``working_days`` Chinese working days after ``start`` (shown while typing)."""
        return self.reference.calendar().add_working_days(start, max(0, working_days))

    def targets_for(self, year: int) -> list[TargetChoice]:
        """This office's targets covering ``year`` that a package may count towards."""
        with self.ctx.reading() as s:
            rows = s.scalars(
                select(WorkTarget).where(WorkTarget.office_id == self.ctx.office_id,
                                         WorkTarget.cancelled_at.is_(None),
                                         WorkTarget.first_year <= year, WorkTarget.last_year >= year)
                .order_by(WorkTarget.first_year, WorkTarget.name)
            ).all()
            return [TargetChoice(t.id, t.name, t.unit, t.first_year, t.last_year, t.planned) for t in rows]

    def may(self, action: Action) -> bool:
        try:
            self.ctx.require(action)
        except PermissionDenied:
            return False
        return not self.is_county()

    # ------------------------------------------------------------ entering and assigning

    def enter(self, form: PackageForm) -> PackageRef:
        """打包入库: a new package with its target, working days, milestones and co-workers."""
        self._writable(Action.MANAGE_PACKAGES)
        rules = self.rules()
        errors: list[ValidationError] = []
        title = _text_error(errors, "title", form.title, "任务包名称", required=True, limit=TITLE_MAX,
                            example="，如“2026年度村庄改造（东王村）”")
        description = _text_error(errors, "description", form.description, "任务说明", required=False)
        if form.category not in rules.category_names():
            errors.append(ValidationError("category", form.category, "unknown",
                                          f"请选择类别：{'、'.join(rules.category_names())}"))
        due: dt.date | None = None
        days = form.working_days
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= rules.max_working_days:
            errors.append(ValidationError("working_days", days, "range",
                                          f"工期应为 1 到 {rules.max_working_days} 个工作日"))
        else:
            due = self.due_date_for(form.start_date, days).due
        today = self.ctx.today()
        if form.start_date.year < today.year - 1 or form.start_date.year > today.year + 1:
            errors.append(ValidationError("start_date", form.start_date, "range",
                                          f"开始日期应在 {today.year - 1} 到 {today.year + 1} 年之间"))
        quantity: Decimal | None = None
        unit = form.unit.strip()
        raw_quantity = form.target_quantity
        if raw_quantity is not None and str(raw_quantity).strip():
            parsed = parse_quantity(raw_quantity, "target_quantity", "目标数量", allow_zero=False)
            if isinstance(parsed, ValidationError):
                errors.append(parsed)
            else:
                quantity = parsed
            if unit not in rules.units:
                errors.append(ValidationError("unit", form.unit, "unknown",
                                              f"请选择计量单位：{'、'.join(rules.units)}"))
        elif unit:
            errors.append(ValidationError("target_quantity", raw_quantity, "empty",
                                          "选了计量单位，请同时填写目标数量"))
        milestones: list[MilestoneInput] = []
        for index, milestone in enumerate(form.milestones, start=1):
            name = milestone.title.strip()
            if not name:
                errors.append(ValidationError("milestones", index, "empty", f"第 {index} 个节点没有写内容"))
            elif len(name) > TITLE_MAX:
                errors.append(too_long("milestones", name, TITLE_MAX, f"第 {index} 个节点"))
            elif due is not None and not form.start_date <= milestone.due_date <= due:
                errors.append(ValidationError(
                    "milestones", index, "range",
                    f"第 {index} 个节点“{name}”的日期 {milestone.due_date:%Y-%m-%d} 应在开始日期"
                    f" {form.start_date:%Y-%m-%d} 到截止日期 {due:%Y-%m-%d} 之间"))
            milestones.append(MilestoneInput(name, milestone.due_date))
        with self.ctx.reading() as s:
            if form.target_id is not None:
                target = s.get(WorkTarget, form.target_id)
                if target is None or target.office_id != self.ctx.office_id or target.cancelled_at:
                    errors.append(ValidationError("target_id", form.target_id, "unknown",
                                                  "找不到这项目标任务（可能已撤销）"))
                elif not target.first_year <= form.start_date.year <= target.last_year:
                    errors.append(ValidationError(
                        "target_id", form.target_id, "year",
                        f"目标任务“{target.name}”是 {target.first_year}—{target.last_year} 年的，"
                        f"任务包开始于 {form.start_date.year} 年"))
                elif quantity is None or not convertible(unit, target.unit):
                    errors.append(ValidationError(
                        "unit", form.unit, "target_unit",
                        f"计入目标任务“{target.name}”的任务包，目标数量须以“{target.unit}”计"
                        + ("（公顷和亩可互换）" if target.unit in AREA_UNITS else "")))
            errors += self._people_errors(s, form.co_worker_ids, None)
        if errors:
            raise FormErrors(errors)
        assert due is not None
        now = self.ctx.now()
        package_id = uuid.uuid4()
        with self.ctx.transaction("packages.enter") as s:
            number = next_office_number(s, self.ctx, kind=PACKAGE_KIND, infix=PACKAGE_INFIX,
                                        year=local_date(now).year)
            s.add(TaskPackage(
                id=package_id, office_id=self.ctx.office_id, number=number, title=title,
                category=form.category, description=description, target_id=form.target_id,
                target_quantity=quantity, unit=unit if quantity is not None else "",
                co_worker_ids=ids_text(form.co_worker_ids), start_date=form.start_date,
                working_days=days, due_date=due, status=PackageStatus.ENTERED.value,
                entered_by=self.ctx.user_id, entered_at=now,
            ))
            s.flush()  # the package row before the rows that point at it (PostgreSQL checks FKs)
            for seq, milestone in enumerate(sorted(milestones, key=lambda m: m.due_date), start=1):
                s.add(PackageMilestone(id=uuid.uuid4(), package_id=package_id, seq=seq,
                                       title=milestone.title, due_date=milestone.due_date))
            self._event(s, package_id, EventKind.ENTERED,
                        f"入库 {number}：{title}，{form.start_date:%Y-%m-%d} 起 {days} 个工作日，"
                        f"{due:%Y-%m-%d} 截止")
        return PackageRef(package_id, number, due)

    def assign(self, package_id: uuid.UUID, responsible_id: uuid.UUID | None,
               co_worker_ids: Sequence[uuid.UUID] = ()) -> None:
        """二级管理: the head names the responsible person and co-workers (again before acceptance)."""
        self._writable(Action.MANAGE_PACKAGES)
        with self.ctx.transaction("packages.assign") as s:
            package = self._load(s, package_id)
            self._require_status(package, OPEN_STATUSES, "分配")
            errors: list[ValidationError] = []
            if responsible_id is None:
                errors.append(ValidationError("responsible_id", None, "empty", "请选择责任人"))
            else:
                errors += self._people_errors(s, [responsible_id], "responsible_id")
            if responsible_id is not None and responsible_id in co_worker_ids:
                errors.append(ValidationError("co_worker_ids", responsible_id, "twice",
                                              "责任人不必再列为协办人"))
            errors += self._people_errors(s, co_worker_ids, None)
            if errors:
                raise FormErrors(errors)
            again = package.responsible_id is not None
            previous = self._name(s, package.responsible_id) if again else ""
            package.responsible_id = responsible_id
            package.co_worker_ids = ids_text(dict.fromkeys(co_worker_ids))
            package.assigned_by = self.ctx.user_id
            package.assigned_at = self.ctx.now()
            if package.status == PackageStatus.ENTERED.value:
                package.status = PackageStatus.ASSIGNED.value
            helpers = "、".join(self._name(s, i) for i in co_worker_ids) or "无"
            who = self._name(s, responsible_id)
            note = (f"改派：责任人由 {previous} 改为 {who}" if again and previous != who
                    else f"责任人 {who}") + f"，协办人 {helpers}"
            self._event(s, package_id, EventKind.ASSIGNED, note)

    # ------------------------------------------------------------ working on it

    def report_progress(self, package_id: uuid.UUID, as_of: dt.date,
                        quantity: str | Decimal | int, note: str, *,
                        evidence_files: Sequence[Path] = (),
                        milestones_done: Sequence[uuid.UUID] = ()) -> uuid.UUID:
        """A progress report: the quantity achieved since the last one, as of a date."""
        self._writable(Action.REPORT_PROGRESS)
        today = self.ctx.today()
        errors: list[ValidationError] = []
        parsed = parse_quantity(quantity, "quantity", "本期完成数量", allow_zero=True)
        if isinstance(parsed, ValidationError):
            errors.append(parsed)
        text = _text_error(errors, "note", note, "进度情况", required=True,
                           example="，如“已完成拆旧 12 户，复垦 3.5 公顷”")
        if as_of > today:
            errors.append(ValidationError("as_of", as_of, "future", "截止日期不能晚于今天"))
        stored = self._keep_all(evidence_files)
        now = self.ctx.now()
        progress_id = uuid.uuid4()
        with self.ctx.transaction("packages.progress") as s:
            package = self._load(s, package_id)
            self._require_worker(s, package)
            self._require_status(package, WORKING, "报告进度")
            if as_of < package.start_date:
                errors.append(ValidationError("as_of", as_of, "early",
                                              f"截止日期不能早于任务包的开始日期 {package.start_date:%Y-%m-%d}"))
            last = s.scalar(select(func.max(PackageProgress.as_of))
                            .where(PackageProgress.package_id == package_id))
            if last is not None and package.start_date <= as_of < last:
                errors.append(ValidationError("as_of", as_of, "before_last",
                                              f"上一次进度报告截至 {last:%Y-%m-%d}，本次不能更早"))
            milestones = self._milestones(s, package_id, milestones_done, errors)
            if errors:
                raise FormErrors(errors)
            assert isinstance(parsed, Decimal)
            s.add(PackageProgress(id=progress_id, package_id=package_id, as_of=as_of, quantity=parsed,
                                  note=text, reported_by=self.ctx.user_id, reported_at=now))
            s.flush()
            self._add_files(s, package_id, stored, progress_id=progress_id)
            if package.status == PackageStatus.ASSIGNED.value:
                package.status = PackageStatus.IN_PROGRESS.value
            amount = f"{_fmt(parsed)}{package.unit}" if package.unit else _fmt(parsed)
            self._event(s, package_id, EventKind.PROGRESS, f"截至 {as_of:%Y-%m-%d} 本期完成 {amount}：{text}"
                        + (f"（附材料 {len(stored)} 份）" if stored else ""))
            self._mark_done(s, package_id, milestones, now)
        return progress_id

    def complete_milestone(self, package_id: uuid.UUID, milestone_id: uuid.UUID) -> None:
        self._writable(Action.REPORT_PROGRESS)
        now = self.ctx.now()
        with self.ctx.transaction("packages.milestone") as s:
            package = self._load(s, package_id)
            self._require_worker(s, package)
            self._require_status(package, WORKING, "标记节点")
            errors: list[ValidationError] = []
            milestones = self._milestones(s, package_id, [milestone_id], errors)
            if errors:
                raise FormErrors(errors)
            self._mark_done(s, package_id, milestones, now)

    def add_evidence(self, package_id: uuid.UUID, path: Path | None, note: str = "") -> None:
        """A file kept for the package outside a report (minutes, photos, the acceptance form)."""
        self._writable(Action.REPORT_PROGRESS)
        errors: list[ValidationError] = []
        text = _text_error(errors, "note", note, "材料说明", required=False, limit=200)
        if path is None:
            errors.append(ValidationError("evidence_file", None, "empty", "请选择要保存的材料文件"))
        if errors or path is None:
            raise FormErrors(errors)
        stored = self._keep_all([path])
        with self.ctx.transaction("packages.evidence") as s:
            package = self._load(s, package_id)
            self._require_worker(s, package)
            if package.status == PackageStatus.CANCELLED.value:
                raise StateError(f"任务包 {package.number} 已撤销")
            self._add_files(s, package_id, stored, note=text)
            self._event(s, package_id, EventKind.EVIDENCE, f"{stored[0].file_name}" + (f"：{text}" if text else ""))

    # ------------------------------------------------------------ inspections

    def rectify_due_for(self, working_days: int) -> Deadline:
        return self.reference.calendar().add_working_days(self.ctx.today(), working_days)

    def inspect(self, package_id: uuid.UUID, finding: str, requirement: str, *,
                rectify_due: dt.date | None = None, rectify_days: int | None = None,
                evidence_files: Sequence[Path] = ()) -> str:
        """督查: what was found, what must be put right and by when; returns the notice number."""
        self._writable(Action.INSPECT)
        rules = self.rules()
        today = self.ctx.today()
        errors: list[ValidationError] = []
        found = _text_error(errors, "finding", finding, "督查发现的问题", required=True)
        required = _text_error(errors, "requirement", requirement, "整改要求", required=True)
        due: dt.date | None = None
        if rectify_due is not None and rectify_days is not None:
            errors.append(ValidationError("rectify_due", rectify_due, "both", "整改期限请只填日期或工作日数其中一项"))
        elif rectify_due is not None:
            if rectify_due <= today:
                errors.append(ValidationError("rectify_due", rectify_due, "past", "整改期限必须在今天之后"))
            else:
                due = rectify_due
        elif rectify_days is not None:
            if isinstance(rectify_days, bool) or not 1 <= rectify_days <= rules.inspection_max_days:
                errors.append(ValidationError("rectify_days", rectify_days, "range",
                                              f"整改期限应为 1 到 {rules.inspection_max_days} 个工作日"))
            else:
                due = self.rectify_due_for(rectify_days).due
        else:
            errors.append(ValidationError("rectify_due", None, "empty", "请填写整改期限"))
        if errors:
            raise FormErrors(errors)
        assert due is not None
        stored = self._keep_all(evidence_files)
        now = self.ctx.now()
        with self.ctx.transaction("packages.inspect") as s:
            package = self._load(s, package_id)
            self._require_status(package, WORKING | {PackageStatus.SUBMITTED}, "督查")
            number = next_office_number(s, self.ctx, kind=INSPECTION_KIND, infix=INSPECTION_INFIX,
                                        year=local_date(now).year)
            inspection_id = uuid.uuid4()
            s.add(PackageInspection(id=inspection_id, package_id=package_id, number=number,
                                    issued_by=self.ctx.user_id, issued_at=now, finding=found,
                                    requirement=required, rectify_due=due))
            s.flush()
            self._add_files(s, package_id, stored, inspection_id=inspection_id)
            self._event(s, package_id, EventKind.INSPECTED,
                        f"督查 {number}，限 {due:%Y-%m-%d} 前整改：{found}")
        return number

    def rectify(self, inspection_id: uuid.UUID, text: str, *,
                evidence_files: Sequence[Path] = ()) -> None:
        """The responsible person (or a co-worker, or a leader) records what was put right."""
        self._writable(Action.REPORT_PROGRESS)
        errors: list[ValidationError] = []
        answer = _text_error(errors, "rectification", text, "整改情况", required=True)
        stored = self._keep_all(evidence_files) if not errors else []
        now = self.ctx.now()
        with self.ctx.transaction("packages.rectify") as s:
            inspection = s.get(PackageInspection, inspection_id)
            if inspection is None:
                raise NotFoundError("找不到这份督查整改通知")
            package = self._load(s, inspection.package_id)
            self._require_worker(s, package)
            if inspection.rectified_at is not None:
                raise StateError(f"督查 {inspection.number} 已经记录过整改情况")
            if package.status not in (WORKING | {PackageStatus.SUBMITTED}):
                raise StateError(f"任务包 {package.number} {PackageStatus(package.status).label}，不能再记录整改")
            if errors:
                raise FormErrors(errors)
            inspection.rectification = answer
            inspection.rectified_by = self.ctx.user_id
            inspection.rectified_at = now
            self._add_files(s, package.id, stored, inspection_id=inspection_id)
            late = "（逾期）" if local_date(now) > inspection.rectify_due else ""
            self._event(s, package.id, EventKind.RECTIFIED, f"整改 {inspection.number}{late}：{answer}")

    # ------------------------------------------------------------ acceptance and score

    def submit(self, package_id: uuid.UUID, note: str = "") -> None:
        """报验收: the responsible person (or a leader) says the work is done."""
        self._writable(Action.REPORT_PROGRESS)
        errors: list[ValidationError] = []
        text = _text_error(errors, "note", note, "完成情况", required=False)
        if errors:
            raise FormErrors(errors)
        with self.ctx.transaction("packages.submit") as s:
            package = self._load(s, package_id)
            if package.responsible_id != self.ctx.user_id and not self._leader():
                raise PermissionDenied(Action.REPORT_PROGRESS.value, "只有责任人或领导可以报验收")
            self._require_status(package, {PackageStatus.IN_PROGRESS}, "报验收")
            package.submitted_at = self.ctx.now()
            package.status = PackageStatus.SUBMITTED.value
            self._event(s, package_id, EventKind.SUBMITTED, text or "报请验收")

    def accept(self, package_id: uuid.UUID, note: str) -> None:
        """验收出库: not while an inspection is still to be rectified."""
        self._writable(Action.MANAGE_PACKAGES)
        errors: list[ValidationError] = []
        text = _text_error(errors, "note", note, "验收意见", required=True,
                           example="，如“经现场核查，已完成拆旧复垦 3.5 公顷，同意验收”")
        if errors:
            raise FormErrors(errors)
        now = self.ctx.now()
        with self.ctx.transaction("packages.accept") as s:
            package = self._load(s, package_id)
            self._require_status(package, {PackageStatus.SUBMITTED}, "验收")
            open_numbers = s.scalars(select(PackageInspection.number)
                                     .where(PackageInspection.package_id == package_id,
                                            PackageInspection.rectified_at.is_(None))
                                     .order_by(PackageInspection.number)).all()
            if open_numbers:
                raise StateError(f"督查 {'、'.join(open_numbers)} 尚未整改，任务包不能验收出库")
            package.status = PackageStatus.ACCEPTED.value
            package.accepted_by = self.ctx.user_id
            package.accepted_at = now
            package.acceptance_note = text
            late = "（逾期完成）" if local_date(now) > package.due_date else ""
            self._event(s, package_id, EventKind.ACCEPTED, f"验收出库{late}：{text}")

    def send_back(self, package_id: uuid.UUID, reason: str) -> None:
        """退回: not accepted; back to the responsible person (in_progress)."""
        self._writable(Action.MANAGE_PACKAGES)
        errors: list[ValidationError] = []
        text = _text_error(errors, "reason", reason, "退回理由", required=True,
                           example="，如“复垦地块尚未平整，请完成后再报验收”")
        if errors:
            raise FormErrors(errors)
        with self.ctx.transaction("packages.return") as s:
            package = self._load(s, package_id)
            self._require_status(package, {PackageStatus.SUBMITTED}, "退回")
            package.status = PackageStatus.IN_PROGRESS.value
            package.submitted_at = None
            self._event(s, package_id, EventKind.RETURNED, text)

    def score(self, package_id: uuid.UUID, points: str | Decimal | int, note: str) -> str:
        """Score an accepted package (0–100); returns its grade (rules in packages.toml)."""
        self._writable(Action.MANAGE_PACKAGES)
        rules = self.rules()
        errors: list[ValidationError] = []
        value: Decimal | None = None
        with contextlib.suppress(InvalidOperation):
            value = Decimal(str(points).strip())
        if value is None or not value.is_finite() or not 0 <= value <= 100:
            errors.append(ValidationError("score", points, "range", "得分应为 0 到 100 之间的数字"))
        elif value != value.quantize(Decimal("0.1")):
            errors.append(ValidationError("score", points, "decimals", "得分最多保留一位小数"))
        text = _text_error(errors, "score_note", note, "评分说明", required=True)
        if errors:
            raise FormErrors(errors)
        assert value is not None
        grade = rules.grade(value)
        with self.ctx.transaction("packages.score") as s:
            package = self._load(s, package_id)
            self._require_status(package, {PackageStatus.ACCEPTED}, "评分")
            package.score = value.quantize(Decimal("0.1"))
            package.score_note = text
            package.scored_by = self.ctx.user_id
            package.scored_at = self.ctx.now()
            package.status = PackageStatus.SCORED.value
            self._event(s, package_id, EventKind.SCORED, f"{_fmt(package.score)} 分（{grade}）：{text}")
        return grade

    def cancel(self, package_id: uuid.UUID, reason: str) -> None:
        self._writable(Action.MANAGE_PACKAGES)
        errors: list[ValidationError] = []
        text = _text_error(errors, "reason", reason, "撤销理由", required=True)
        if errors:
            raise FormErrors(errors)
        with self.ctx.transaction("packages.cancel") as s:
            package = self._load(s, package_id)
            self._require_status(package, OPEN_STATUSES, "撤销")
            package.status = PackageStatus.CANCELLED.value
            package.cancelled_at = self.ctx.now()
            package.cancel_reason = text
            self._event(s, package_id, EventKind.CANCELLED, text)

    # ------------------------------------------------------------ reading

    def list_packages(self, filt: PackageFilter = PackageFilter()) -> list[PackageItem]:
        """Packages by due date (earliest first); at the county every township's."""
        today = self.ctx.today()
        with self.ctx.reading() as s:
            query = select(TaskPackage)
            if self.is_county():
                query = query.join(Office, TaskPackage.office_id == Office.id).where(Office.is_county.is_(False))
                if filt.office_id is not None:
                    query = query.where(TaskPackage.office_id == filt.office_id)
            else:
                query = query.where(TaskPackage.office_id == self.ctx.office_id)
            if filt.status == "open" or filt.status == "overdue":
                query = query.where(TaskPackage.status.in_([st.value for st in OPEN_STATUSES]))
                if filt.status == "overdue":
                    query = query.where(TaskPackage.due_date < today)
            elif filt.status != "all":
                query = query.where(TaskPackage.status == PackageStatus(filt.status).value)
            if filt.category:
                query = query.where(TaskPackage.category == filt.category)
            if filt.year is not None:
                query = query.where(TaskPackage.due_date >= dt.date(filt.year, 1, 1),
                                    TaskPackage.due_date <= dt.date(filt.year, 12, 31))
            person = self.ctx.user_id if filt.mine else filt.person_id
            if person is not None:
                query = query.where(or_(TaskPackage.responsible_id == person,
                                        TaskPackage.co_worker_ids.contains(str(person))))
            packages = s.scalars(query.order_by(TaskPackage.due_date, TaskPackage.number)).all()
            return self._items(s, packages, today)

    def find(self, number: str) -> uuid.UUID:
        """The id of the package with this number (one this office may see)."""
        wanted = number.strip()
        with self.ctx.reading() as s:
            package_id = s.scalar(select(TaskPackage.id).where(TaskPackage.number == wanted))
            if package_id is None:
                raise NotFoundError(f"没有编号为 {wanted} 的任务包")
            self._visible(s, package_id)
        return package_id

    def detail(self, package_id: uuid.UUID) -> PackageDetail:
        today = self.ctx.today()
        with self.ctx.reading() as s:
            package = self._visible(s, package_id)
            item = self._items(s, [package], today)[0]
            milestone_rows = s.scalars(select(PackageMilestone).where(PackageMilestone.package_id == package_id)
                                       .order_by(PackageMilestone.seq)).all()
            progress_rows = s.scalars(select(PackageProgress).where(PackageProgress.package_id == package_id)
                                      .order_by(PackageProgress.as_of, PackageProgress.reported_at)).all()
            inspection_rows = s.scalars(select(PackageInspection)
                                        .where(PackageInspection.package_id == package_id)
                                        .order_by(PackageInspection.issued_at)).all()
            evidence_rows = s.scalars(select(PackageEvidence).where(PackageEvidence.package_id == package_id)
                                      .order_by(PackageEvidence.added_at)).all()
            event_rows = s.scalars(select(PackageEvent).where(PackageEvent.package_id == package_id)
                                   .order_by(PackageEvent.at)).all()
            name = self._namer(s)
            files_by_progress: dict[uuid.UUID, list[str]] = {}
            for e in evidence_rows:
                if e.progress_id is not None:
                    files_by_progress.setdefault(e.progress_id, []).append(e.file_name)
            running = Decimal(0)
            progress: list[ProgressItem] = []
            for p in progress_rows:
                running += p.quantity
                progress.append(ProgressItem(p.id, p.as_of, p.quantity, running, p.note, name(p.reported_by),
                                             p.reported_at, tuple(files_by_progress.get(p.id, ()))))
            return PackageDetail(
                item=item, office=office_info(s, self.ctx, package.office_id),
                description=package.description,
                entered_by=name(package.entered_by), entered_at=package.entered_at,
                assigned_by=name(package.assigned_by), assigned_at=package.assigned_at,
                submitted_at=package.submitted_at, accepted_by=name(package.accepted_by),
                acceptance_note=package.acceptance_note, score_note=package.score_note,
                scored_by=name(package.scored_by), scored_at=package.scored_at,
                cancelled_at=package.cancelled_at, cancel_reason=package.cancel_reason,
                milestones=tuple(MilestoneItem(m.id, m.seq, m.title, m.due_date, m.done_at, name(m.done_by))
                                 for m in milestone_rows),
                progress=tuple(progress),
                inspections=tuple(self._inspection_item(i, name, today) for i in inspection_rows),
                evidence=tuple(EvidenceItem(e.id, e.file_name, e.sha256, e.size, e.note, name(e.added_by),
                                            e.added_at, e.progress_id, e.inspection_id,
                                            self.evidence.find(e.sha256, e.file_name))
                               for e in evidence_rows),
                events=tuple(EventItem(e.kind, _event_label(e.kind), e.at, name(e.actor_id), e.note)
                             for e in event_rows),
                today=today,
            )

    def actions(self, detail: PackageDetail) -> PackageActions:
        """The buttons to enable for the signed-in user on this package."""
        if self.is_county() or self.ctx.user_id is None:
            return PackageActions()
        roles = self.ctx.roles()
        item = detail.item
        status = item.status
        manage = self.may(Action.MANAGE_PACKAGES)
        reporter = self.may(Action.REPORT_PROGRESS)
        me = self.ctx.user_id
        worker = reporter and (me == item.responsible_id or me in item.co_worker_ids or bool(roles & LEADERS))
        return PackageActions(
            assign=manage and status in OPEN_STATUSES,
            report=worker and status in WORKING,
            inspect=self.may(Action.INSPECT) and status in (WORKING | {PackageStatus.SUBMITTED}),
            rectify=worker and status in (WORKING | {PackageStatus.SUBMITTED})
            and any(not i.rectified for i in detail.inspections),
            submit=reporter and (me == item.responsible_id or bool(roles & LEADERS))
            and status == PackageStatus.IN_PROGRESS,
            decide=manage and status == PackageStatus.SUBMITTED,
            score=manage and status == PackageStatus.ACCEPTED,
            cancel=manage and status in OPEN_STATUSES,
            add_evidence=worker and status != PackageStatus.CANCELLED,
        )

    def inspection_notice(self, inspection_id: uuid.UUID) -> InspectionNotice:
        today = self.ctx.today()
        with self.ctx.reading() as s:
            inspection = s.get(PackageInspection, inspection_id)
            if inspection is None:
                raise NotFoundError("找不到这份督查整改通知")
            package = self._visible(s, inspection.package_id)
            item = self._items(s, [package], today)[0]
            return InspectionNotice(office_info(s, self.ctx, package.office_id), item,
                                    self._inspection_item(inspection, self._namer(s), today))

    def register(self, year: int, office_id: uuid.UUID | None = None) -> PackageRegister:
        """The packages due in ``year`` (台账); at the county every township's or one's."""
        items = self.list_packages(PackageFilter(status="all", year=year, office_id=office_id))
        at_county = self.is_county()
        with self.ctx.reading() as s:
            if at_county and office_id is None:
                name = office_info(s, self.ctx).name + "（各乡镇所）"
            else:
                name = office_info(s, self.ctx, office_id).name
        kept = tuple(i for i in items if i.status != PackageStatus.CANCELLED)
        return PackageRegister(name, year, self.ctx.today(), kept, len(items) - len(kept), at_county)

    def years(self) -> list[int]:
        """Years that have packages (by due date), newest first; this year always included."""
        with self.ctx.reading() as s:
            query = select(TaskPackage.due_date)
            if not self.is_county():
                query = query.where(TaskPackage.office_id == self.ctx.office_id)
            dates = s.scalars(query.distinct()).all()
        return sorted({d.year for d in dates} | {self.ctx.today().year}, reverse=True)

    # ------------------------------------------------------------ internals

    def _writable(self, action: Action) -> None:
        # The county first: its leaders hold the roles, but the rows are the townships'.
        if self.is_county():
            raise PermissionDenied(action.value, COUNTY_REFUSAL)
        self.ctx.require(action)

    def _leader(self) -> bool:
        return bool(self.ctx.roles() & LEADERS)

    def _load(self, s: Session, package_id: uuid.UUID) -> TaskPackage:
        package = s.get(TaskPackage, package_id, with_for_update=True)
        if package is None or package.office_id != self.ctx.office_id:
            raise NotFoundError("找不到这个任务包")
        return package

    def _visible(self, s: Session, package_id: uuid.UUID) -> TaskPackage:
        package = s.get(TaskPackage, package_id)
        if package is None or (package.office_id != self.ctx.office_id and not self.is_county()):
            raise NotFoundError("找不到这个任务包")
        return package

    @staticmethod
    def _require_status(package: TaskPackage, allowed: Iterable[PackageStatus], what: str) -> None:
        status = PackageStatus(package.status)
        if status not in set(allowed):
            raise StateError(f"任务包 {package.number} {status.label}，不能{what}")

    def _require_worker(self, s: Session, package: TaskPackage) -> None:
        me = self.ctx.user_id
        if me == package.responsible_id or (me is not None and me in parse_ids(package.co_worker_ids)):
            return
        if self._leader():
            return
        raise PermissionDenied(Action.REPORT_PROGRESS.value,
                               f"只有任务包 {package.number} 的责任人、协办人或领导可以报告进度和整改")

    def _people_errors(self, s: Session, ids: Iterable[uuid.UUID], field_name: str | None) -> list[ValidationError]:
        errors = []
        staff = {p.id for p in office_staff(self.ctx)}
        for person in ids:
            if person not in staff:
                errors.append(ValidationError(field_name or "co_worker_ids", person, "unknown",
                                              "所选人员不是本单位在岗的工作人员"))
        return errors

    def _milestones(self, s: Session, package_id: uuid.UUID, ids: Sequence[uuid.UUID],
                    errors: list[ValidationError]) -> list[PackageMilestone]:
        found = []
        for milestone_id in ids:
            milestone = s.get(PackageMilestone, milestone_id)
            if milestone is None or milestone.package_id != package_id:
                errors.append(ValidationError("milestones", milestone_id, "unknown", "找不到这个节点"))
            elif milestone.done_at is not None:
                errors.append(ValidationError("milestones", milestone_id, "done",
                                              f"节点“{milestone.title}”已经完成"))
            else:
                found.append(milestone)
        return found

    def _mark_done(self, s: Session, package_id: uuid.UUID, milestones: list[PackageMilestone],
                   now: dt.datetime) -> None:
        for milestone in milestones:
            milestone.done_at = now
            milestone.done_by = self.ctx.user_id
            late = "（逾期）" if local_date(now) > milestone.due_date else ""
            self._event(s, package_id, EventKind.MILESTONE, f"{milestone.title}{late}")

    def _keep_all(self, paths: Sequence[Path]) -> list[StoredFile]:
        # Copied before the transaction: a copy left by a refused report is harmless (named
        # by its content) and the database never names a missing copy.
        return [self.evidence.keep(Path(p)) for p in paths]

    def _add_files(self, s: Session, package_id: uuid.UUID, stored: Sequence[StoredFile], *,
                   progress_id: uuid.UUID | None = None, inspection_id: uuid.UUID | None = None,
                   note: str = "") -> None:
        now = self.ctx.now()
        for f in stored:
            s.add(PackageEvidence(id=uuid.uuid4(), package_id=package_id, progress_id=progress_id,
                                  inspection_id=inspection_id, file_name=f.file_name[:200],
                                  sha256=f.sha256, size=f.size, note=note, added_by=self.ctx.user_id,
                                  added_at=now))

    def _event(self, s: Session, package_id: uuid.UUID, kind: EventKind, note: str) -> None:
        s.add(PackageEvent(id=uuid.uuid4(), package_id=package_id, kind=kind.value, at=self.ctx.now(),
                           actor_id=self.ctx.user_id, note=note))

    def _name(self, s: Session, user_id: uuid.UUID | None) -> str:
        if user_id is None:
            return ""
        user = s.get(User, user_id)
        return user.display_name if user is not None else ""

    @staticmethod
    def _namer(s: Session) -> Any:
        cache: dict[uuid.UUID, str] = {}

        def name(user_id: uuid.UUID | None) -> str:
            if user_id is None:
                return ""
            if user_id not in cache:
                user = s.get(User, user_id)
                cache[user_id] = user.display_name if user is not None else ""
            return cache[user_id]

        return name

    def _inspection_item(self, i: PackageInspection, name: Any, today: dt.date) -> InspectionItem:
        return InspectionItem(i.id, i.package_id, i.number, name(i.issued_by), i.issued_at, i.finding,
                              i.requirement, i.rectify_due, i.rectification, name(i.rectified_by),
                              i.rectified_at, i.rectified_at is None and i.rectify_due < today)

    def _items(self, s: Session, packages: Sequence[TaskPackage], today: dt.date) -> list[PackageItem]:
        if not packages:
            return []
        ids = [p.id for p in packages]
        rows = _Rows()
        people = {p.responsible_id for p in packages if p.responsible_id}
        for p in packages:
            people.update(parse_ids(p.co_worker_ids))
        if people:
            rows.names = dict(s.execute(select(User.id, User.display_name).where(User.id.in_(people))).all())
        office_ids = {p.office_id for p in packages}
        rows.offices = {r[0]: (r[1], r[2]) for r in
                        s.execute(select(Office.id, Office.code, Office.name).where(Office.id.in_(office_ids)))}
        # Chunked IN lists: SQLite allows some 32k parameters, a county year stays far below.
        for chunk in _chunks(ids, 900):
            for package_id, total in s.execute(
                    select(PackageProgress.package_id, func.sum(PackageProgress.quantity))
                    .where(PackageProgress.package_id.in_(chunk)).group_by(PackageProgress.package_id)):
                rows.achieved[package_id] = Decimal(total or 0)
            for package_id, due in s.execute(
                    select(PackageInspection.package_id, PackageInspection.rectify_due)
                    .where(PackageInspection.package_id.in_(chunk),
                           PackageInspection.rectified_at.is_(None))):
                open_count, late_count = rows.inspections.get(package_id, (0, 0))
                rows.inspections[package_id] = (open_count + 1, late_count + (1 if due < today else 0))
        target_ids = {p.target_id for p in packages if p.target_id}
        if target_ids:
            rows.targets = dict(s.execute(select(WorkTarget.id, WorkTarget.name)
                                          .where(WorkTarget.id.in_(target_ids))).all())
        calendar = self.reference.calendar()
        rules = self.rules()
        items = []
        for p in packages:
            status = PackageStatus(p.status)
            days_left: int | None = None
            days_late = 0
            if status in OPEN_STATUSES:
                if p.due_date >= today:
                    days_left = calendar.working_days_between(today, p.due_date)
                else:
                    days_late = max(1, calendar.working_days_between(p.due_date, today))
            elif status in DONE_STATUSES and p.accepted_at is not None:
                accepted_on = local_date(p.accepted_at)
                if accepted_on > p.due_date:
                    days_late = max(1, calendar.working_days_between(p.due_date, accepted_on))
            co_ids = parse_ids(p.co_worker_ids)
            code, office_name = rows.offices.get(p.office_id, ("", ""))
            open_count, late_count = rows.inspections.get(p.id, (0, 0))
            score = Decimal(p.score) if p.score is not None else None
            items.append(PackageItem(
                id=p.id, office_id=p.office_id, office_code=code, office_name=office_name,
                number=p.number, title=p.title, category=p.category, status=status,
                responsible_id=p.responsible_id, responsible=rows.names.get(p.responsible_id, "")
                if p.responsible_id else "",
                co_worker_ids=co_ids, co_workers=tuple(rows.names.get(i, "") for i in co_ids),
                start_date=p.start_date, working_days=p.working_days, due_date=p.due_date,
                days_left=days_left, days_late=days_late,
                target_quantity=Decimal(p.target_quantity) if p.target_quantity is not None else None,
                unit=p.unit, achieved=rows.achieved.get(p.id, Decimal(0)),
                open_inspections=open_count, overdue_inspections=late_count,
                accepted_at=p.accepted_at, score=score, grade=rules.grade(score),
                target_name=rows.targets.get(p.target_id, "") if p.target_id else "",
            ))
        return items


def _chunks(values: list[uuid.UUID], size: int) -> Iterable[list[uuid.UUID]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _event_label(kind: str) -> str:
    try:
        return EventKind(kind).label
    except ValueError:
        return kind


def _fmt(value: Decimal | None) -> str:
    """12.50 → 12.5, 3.00 → 3: quantities as people write them."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


fmt_quantity = _fmt

__all__ = [
    "Category",
    "EventItem",
    "EvidenceItem",
    "Grade",
    "InspectionItem",
    "InspectionNotice",
    "MilestoneInput",
    "MilestoneItem",
    "PackageActions",
    "PackageDetail",
    "PackageFilter",
    "PackageForm",
    "PackageItem",
    "PackageRef",
    "PackageRegister",
    "PackageRules",
    "PackageRulesError",
    "PackageService",
    "PackageStatus",
    "ProgressItem",
    "TargetChoice",
    "fmt_quantity",
    "late_packages",
    "linked_progress",
    "load_rules",
    "parse_rules",
]


# ---------------------------------------------------------------- for the command line


def write_package_file(services: Any, path: Path, *, year: int | None = None, number: str | None = None,
                       office_code: str | None = None) -> Path:
    """``landdesk packages register --year Y [--office CODE] -o F.pdf|F.xlsx`` or
    ``landdesk packages sheet NUMBER -o F.pdf``."""
    from app.files import write_bytes_atomically
    from app.printing.package_docs import render_package_register, render_package_sheet
    from app.reports.packages_excel import write_package_register

    packages: PackageService = services.packages
    path = Path(path)
    if number is not None:
        write_bytes_atomically(path, render_package_sheet(packages.detail(packages.find(number))))
        return path
    assert year is not None
    office_id = None
    if office_code:
        match = [o for o in packages.offices() if o[1] == office_code.strip()]
        if not match:
            raise NotFoundError(f"没有单位代码为 {office_code} 的乡镇所")
        office_id = match[0][0]
    register = packages.register(year, office_id=office_id)
    if path.suffix.lower() == ".xlsx":
        return write_package_register(register, path)
    write_bytes_atomically(path, render_package_register(register))
    return path

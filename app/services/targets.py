"""Targets broken down by year and month (层层分解), and progress against plan.

A *plan* (规划) covers several years (seed 000: 2009–2013, 600 villages and 3333.33 hm²); it is
broken down into *yearly targets* (one WorkTarget per year, ``parent_id`` = the plan), and a
yearly target — of a plan or standing alone — into twelve months (TargetMonth). Targets are
minimums (“左右”, “以上”): a breakdown may add up to more than its parent, never to less.

The *actual* of a target is what its task packages report: the sum of PackageProgress
quantities (``as_of`` in the month or year) on the packages linked to it that are not cancelled.
A plan's actual also counts the packages of its yearly targets. Progress in another area unit
(亩 against a target in 公顷) is converted; progress in an unrelated unit is not counted and
is reported as such.

At the county every township's targets are read (never changed), and targets of the same
name, unit and year are added up across townships (the county's 120 villages a year).
The county also sets targets of its own (全县村庄改造 2026–2030 600 个 → 2026 年 120 个) and
*allots* (下达) a yearly one to townships: one WorkTarget per township (office_id = the
township, parent_id = the county's target), which the downlink carries to the township. There
such a share is 县局下达: the township breaks it down by month and links packages to it, but
cannot change or cancel it; its months and packages travel up as the township's own rows.
The units, suggested targets and thresholds are data: resources/management/targets.toml.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.errors import FormErrors, NotFoundError, PermissionDenied, ValidationError
from app.files import write_bytes_atomically
from app.models import Office, PackageProgress, TargetMonth, TaskPackage, User, WorkTarget
from app.permissions import Action
from app.resources import resource_path
from app.services.context import ServiceContext
from app.services.reference import ReferenceService
from app.tomlfile import DataFileError, TomlReader, read_data_file

if TYPE_CHECKING:
    from app.services import Services

TARGETS_FILE = ("management", "targets.toml")
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_QUANTITY = Decimal("999999999999")  # Numeric(14, 2)
HUNDRED = Decimal(100)
COUNTY_READ_ONLY = "县局只能查看各乡镇所的目标任务，不能新建、分解、修改或撤销"
COUNTY_ISSUED = ("这是县局下达的目标任务，数量、名称和年度由县局确定，本所不能修改或撤销；"
                 "可以按月分解并关联任务包，如需调整请报县局重新下达")
DROPPED_REASON = "县局调整分解"
MONTHS = 12


# ---------------------------------------------------------------- the data file


class TargetsConfigError(DataFileError):
    """targets.toml is malformed: says which file, line and field."""

    what = "目标任务配置文件"


class UnitKind(StrEnum):
    COUNT = "count"
    AREA = "area"
    MONEY = "money"


@dataclass(frozen=True)
class UnitSpec:
    name: str
    kind: UnitKind
    decimals: int
    per_hectare: Decimal | None = None  # area units only: how many of this unit make 1 公顷

    @property
    def step(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)


@dataclass(frozen=True)
class Suggestion:
    name: str
    unit: str


@dataclass(frozen=True)
class TargetsConfig:
    units: tuple[UnitSpec, ...]
    suggestions: tuple[Suggestion, ...]
    far_behind_percent: Decimal = Decimal(80)
    max_plan_years: int = 10
    file: str = ""

    def unit(self, name: str) -> UnitSpec | None:
        return next((u for u in self.units if u.name == name), None)

    def convert(self, quantity: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
        """``quantity`` in ``from_unit`` expressed in ``to_unit``; None when they do not convert.

        An empty ``from_unit`` (a package that names no unit) is taken to be the target's own.
        """
        if not from_unit or from_unit == to_unit:
            return quantity
        source, target = self.unit(from_unit), self.unit(to_unit)
        if (source is None or target is None or source.per_hectare is None
                or target.per_hectare is None):
            return None
        return quantity * target.per_hectare / source.per_hectare

    def area_note(self, quantity: Decimal, unit: str) -> str:
        """``（333.33 亩）`` beside a figure in 公顷 and ``（22.22 公顷）`` beside one in 亩."""
        spec = self.unit(unit)
        if spec is None or spec.per_hectare is None:
            return ""
        other = next((u for u in self.units if u.per_hectare is not None and u.name != unit), None)
        if other is None:
            return ""
        converted = self.convert(quantity, unit, other.name)
        assert converted is not None
        return f"（{converted.quantize(Decimal('0.01'), ROUND_HALF_UP)} {other.name}）"


_TOP_KEYS = ("units", "suggestions", "progress", "limits")
_UNIT_KEYS = ("name", "kind", "decimals", "per_hectare")


class _Ctx(TomlReader):
    def __init__(self, file: str, text: str) -> None:
        super().__init__(file, text, TargetsConfigError)

    def text_value(self, table: Mapping[str, Any], path: tuple[str | int, ...], key: str) -> str:
        value = table.get(key)
        if not isinstance(value, str):
            self.fail((*path, key), "应为文字，用英文双引号括起来")
        value = value.strip()
        if not value:
            self.fail((*path, key), "不能为空")
        if len(value) > 100:
            self.fail((*path, key), "不能超过 100 个字")
        return value

    def number(self, table: Mapping[str, Any], path: tuple[str | int, ...], key: str, *,
               low: Decimal, high: Decimal, whole: bool = False) -> Decimal:
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or (whole and not isinstance(value, int)):
            self.fail((*path, key), "应为整数（不加引号）" if whole else "应为数字（不加引号）")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.fail((*path, key), "应为有限的数字")
        if not number.is_finite():
            self.fail((*path, key), "应为有限的数字")
        if not low <= number <= high:
            self.fail((*path, key), f"应在 {low}—{high} 之间，实际写的是 {number}")
        return number


def parse_targets_config(text: str, file: str) -> TargetsConfig:
    """Check targets.toml's text and return the configuration; errors name line and field."""
    ctx = _Ctx(file, text)
    data = ctx.keys(ctx.load(), (), _TOP_KEYS, ("units",))
    raw_units = data["units"]
    if not isinstance(raw_units, list) or not raw_units or not all(isinstance(u, dict) for u in raw_units):
        ctx.fail(("units",), "应写成若干个 [[units]] 表，至少一个")
    units: list[UnitSpec] = []
    for number, raw in enumerate(raw_units, start=1):
        path: tuple[str | int, ...] = ("units", number)
        ctx.keys(raw, path, _UNIT_KEYS, ("name", "kind", "decimals"))
        name = ctx.text_value(raw, path, "name")
        if len(name) > 10:
            ctx.fail((*path, "name"), "单位名称不能超过 10 个字")
        if any(u.name == name for u in units):
            ctx.fail((*path, "name"), f"单位“{name}”重复")
        kind_text = ctx.text_value(raw, path, "kind")
        if kind_text not in tuple(UnitKind):
            ctx.fail((*path, "kind"), f"类别“{kind_text}”不认识，应为 count（计数）、area（面积）或 money（金额）")
        kind = UnitKind(kind_text)
        decimals = int(ctx.number(raw, path, "decimals", low=Decimal(0), high=Decimal(2), whole=True))
        per_hectare: Decimal | None = None
        if kind is UnitKind.AREA:
            if "per_hectare" not in raw:
                ctx.fail((*path, "per_hectare"), "面积单位须写明 1 公顷折合多少该单位，如亩写 15")
            per_hectare = ctx.number(raw, path, "per_hectare", low=Decimal("0.0001"), high=Decimal(1000000))
        elif "per_hectare" in raw:
            ctx.fail((*path, "per_hectare"), "只有面积单位（kind = \"area\"）才写 per_hectare")
        units.append(UnitSpec(name, kind, decimals, per_hectare))

    suggestions: list[Suggestion] = []
    raw_suggestions = data.get("suggestions", [])
    if not isinstance(raw_suggestions, list) or not all(isinstance(s, dict) for s in raw_suggestions):
        ctx.fail(("suggestions",), "应写成若干个 [[suggestions]] 表")
    known = {u.name for u in units}
    for number, raw in enumerate(raw_suggestions, start=1):
        path = ("suggestions", number)
        ctx.keys(raw, path, ("name", "unit"), ("name", "unit"))
        unit = ctx.text_value(raw, path, "unit")
        if unit not in known:
            ctx.fail((*path, "unit"), f"单位“{unit}”不在 [[units]] 中（已有：{'、'.join(sorted(known))}）")
        suggestions.append(Suggestion(ctx.text_value(raw, path, "name"), unit))

    far_behind = Decimal(80)
    if "progress" in data:
        table = ctx.keys(data["progress"], ("progress",), ("far_behind_percent",), ())
        if "far_behind_percent" in table:
            far_behind = ctx.number(table, ("progress",), "far_behind_percent", low=Decimal(0), high=HUNDRED)
    max_years = 10
    if "limits" in data:
        table = ctx.keys(data["limits"], ("limits",), ("max_plan_years",), ())
        if "max_plan_years" in table:
            max_years = int(ctx.number(table, ("limits",), "max_plan_years", low=Decimal(2), high=Decimal(50),
                                       whole=True))
    return TargetsConfig(tuple(units), tuple(suggestions), far_behind, max_years, file)


def load_targets_config(path: Path | None = None) -> TargetsConfig:
    path = path or resource_path(*TARGETS_FILE)
    return parse_targets_config(read_data_file(path, TargetsConfigError), path.name)


# ---------------------------------------------------------------- arithmetic


def split_evenly(total: Decimal, parts: int, decimals: int = 2,
                 weights: Sequence[Decimal | int] | None = None) -> list[Decimal]:
    """``total`` shared over ``parts`` (by ``weights``, default equal) in steps of 10^-decimals.

    Each share is rounded down to the step and the steps left over go to the parts that lost
    most to rounding (earlier parts first on a tie), so the shares add up to exactly ``total``
    when it is a whole number of steps (3333.33 over 5 years: 666.67 × 3 + 666.66 × 2), and
    to the least amount not below it otherwise. A part of weight 0 gets 0 (e.g. 春节).
    """
    if parts <= 0:
        raise ValueError("parts must be positive")
    weights = list(weights) if weights is not None else [1] * parts
    if len(weights) != parts or any(Decimal(w) < 0 for w in weights):
        raise ValueError("one non-negative weight per part")
    weight_sum = sum(Decimal(w) for w in weights)
    if weight_sum == 0:
        raise ValueError("at least one part needs a weight")
    step = Decimal(1).scaleb(-decimals)
    exact = [total * Decimal(w) / weight_sum for w in weights]
    shares = [x.quantize(step, ROUND_DOWN) for x in exact]
    left = total - sum(shares, Decimal(0))
    order = sorted((i for i in range(parts) if Decimal(weights[i]) > 0),
                   key=lambda i: (-(exact[i] - shares[i]), i))
    index = 0
    while left > 0:
        shares[order[index % len(order)]] += step
        left -= step
        index += 1
    return [s.quantize(step) for s in shares]


def month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole``, to 0.1; None when there is nothing to compare with."""
    if whole <= 0:
        return None
    return (part * HUNDRED / whole).quantize(Decimal("0.1"), ROUND_HALF_UP)


def fmt_quantity(value: Decimal, decimals: int = 2) -> str:
    """``666.67``, ``120`` — as many decimals as the unit has, no exponent."""
    step = Decimal(1).scaleb(-decimals)
    return f"{value.quantize(step, ROUND_HALF_UP):f}"


# ---------------------------------------------------------------- what callers get


class TargetKind(StrEnum):
    PLAN = "plan"  # several years (规划)
    YEARLY = "yearly"  # one year (年度目标), of a plan or on its own


class Standing(StrEnum):
    NOT_STARTED = "not_started"  # the period has not begun
    AHEAD = "ahead"  # actual ≥ planned to date
    BEHIND = "behind"  # below planned to date
    FAR_BEHIND = "far_behind"  # below far_behind_percent of planned to date
    MET = "met"  # period over, target reached
    MISSED = "missed"  # period over, target not reached
    NO_PLAN = "no_plan"  # nothing planned to compare with

    @property
    def label(self) -> str:
        return STANDING_LABELS[self]


STANDING_LABELS = {
    Standing.NOT_STARTED: "尚未开始",
    Standing.AHEAD: "超前或持平",
    Standing.BEHIND: "滞后",
    Standing.FAR_BEHIND: "严重滞后",
    Standing.MET: "已完成",
    Standing.MISSED: "未完成",
    Standing.NO_PLAN: "无计划",
}


@dataclass(frozen=True)
class TargetOffice:
    id: uuid.UUID
    code: str
    name: str
    is_county: bool = False


@dataclass(frozen=True)
class TargetItem:
    id: uuid.UUID
    office: TargetOffice
    parent_id: uuid.UUID | None
    name: str
    unit: str
    first_year: int
    last_year: int
    planned: Decimal
    note: str
    created_by: str
    created_at: dt.datetime
    cancelled_at: dt.datetime | None
    cancelled_by: str
    cancel_reason: str
    broken_down: bool  # yearly: has months; plan: has yearly targets
    county_issued: bool = False  # a township's share of a county target (县局下达)
    allotted: bool = False  # a county yearly target with live shares handed to townships

    @property
    def kind(self) -> TargetKind:
        return TargetKind.PLAN if self.last_year > self.first_year else TargetKind.YEARLY

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def years_label(self) -> str:
        if self.kind is TargetKind.PLAN:
            return f"{self.first_year}—{self.last_year}年"
        return f"{self.first_year}年"


@dataclass(frozen=True)
class PeriodLine:
    """One month of a yearly target, or one year of a plan."""

    period: int  # month 1–12, or the year
    planned: Decimal | None  # None: not broken down
    actual: Decimal
    cum_planned: Decimal | None
    cum_actual: Decimal
    rate: Decimal | None  # cumulative actual ÷ cumulative planned, %
    share_of_total: Decimal | None  # cumulative actual ÷ the whole target, %
    started: bool  # the month (year) has begun as of today; before it rates are None
    ended: bool  # the month (year) is over as of today
    short: bool  # ended and its own actual fell below its planned
    target_id: uuid.UUID | None = None  # plans: the yearly target of that year, if any

    @property
    def label(self) -> str:
        return f"{self.period}月" if self.period <= MONTHS else f"{self.period}年"


@dataclass(frozen=True)
class Progress:
    """Planned against actual for a yearly target (12 months) or a plan (its years).

    ``target`` is None for the county's sum of townships' targets.
    """

    kind: TargetKind
    name: str
    unit: str
    first_year: int
    last_year: int
    scope: str  # the office, or at the county “示例县自然资源局（3 个乡镇所合计）”
    planned: Decimal  # the target (the plan's total, the year's amount)
    lines: tuple[PeriodLine, ...]
    breakdown_total: Decimal | None  # months (years) added up; None when not broken down
    actual: Decimal
    planned_to_date: Decimal
    standing: Standing
    today: dt.date
    decimals: int
    area_note: str  # the target in the other area unit, or ""
    uncounted_reports: int  # progress reports in a unit that does not convert
    packages: int  # packages whose progress counted
    target: TargetItem | None = None
    offices: tuple[tuple[TargetOffice, Decimal, Decimal], ...] = ()  # county: (office, planned, actual)
    allotment: Allotment | None = None  # a county target handed down to townships (分解下达情况)

    @property
    def percent_of_total(self) -> Decimal | None:
        return _ratio(self.actual, self.planned)

    @property
    def percent_to_date(self) -> Decimal | None:
        return _ratio(self.actual, self.planned_to_date)

    @property
    def gap(self) -> Decimal:
        """Actual minus planned to date: positive ahead, negative behind."""
        return self.actual - self.planned_to_date

    @property
    def shortfall(self) -> Decimal:
        """How much the breakdown falls below the target (a cancelled yearly target leaves one)."""
        if self.breakdown_total is None:
            return Decimal(0)
        return max(self.planned - self.breakdown_total, Decimal(0))

    @property
    def short_periods(self) -> tuple[int, ...]:
        return tuple(line.period for line in self.lines if line.short)

    @property
    def title(self) -> str:
        if self.kind is TargetKind.PLAN:
            return f"{self.scope} {self.name}（{self.first_year}—{self.last_year}年）"
        return f"{self.scope} {self.first_year}年 {self.name}"

    def fmt(self, value: Decimal | None) -> str:
        return "—" if value is None else fmt_quantity(value, self.decimals)


@dataclass(frozen=True)
class AllotmentLine:
    """One township's share of a county target and how far it has got (from its uplinked packages)."""

    office: TargetOffice
    target_id: uuid.UUID
    planned: Decimal
    actual: Decimal
    planned_to_date: Decimal
    standing: Standing
    broken_down: bool  # the township has broken its share down by month
    packages: int

    @property
    def percent(self) -> Decimal | None:
        return _ratio(self.actual, self.planned)

    @property
    def gap(self) -> Decimal:
        """Actual minus planned to date: positive ahead, negative behind."""
        return self.actual - self.planned_to_date


@dataclass(frozen=True)
class Allotment:
    """A county yearly target and its shares by township (分解下达情况)."""

    target: TargetItem
    lines: tuple[AllotmentLine, ...]
    decimals: int
    today: dt.date

    @property
    def planned(self) -> Decimal:
        return self.target.planned

    @property
    def allotted(self) -> Decimal:
        return sum((line.planned for line in self.lines), Decimal(0))

    @property
    def actual(self) -> Decimal:
        return sum((line.actual for line in self.lines), Decimal(0))

    @property
    def planned_to_date(self) -> Decimal:
        return sum((line.planned_to_date for line in self.lines), Decimal(0))

    @property
    def percent(self) -> Decimal | None:
        """The townships' actual against the county's own target."""
        return _ratio(self.actual, self.planned)

    @property
    def surplus(self) -> Decimal:
        """How much more than the county target was handed down (never negative: at-least rule)."""
        return self.allotted - self.planned

    def fmt(self, value: Decimal | None) -> str:
        return "—" if value is None else fmt_quantity(value, self.decimals)


@dataclass(frozen=True)
class CountyLine:
    """Townships' yearly targets of one name, unit and year, added up."""

    name: str
    unit: str
    year: int
    offices: int
    planned: Decimal
    actual: Decimal
    decimals: int

    @property
    def percent(self) -> Decimal | None:
        return _ratio(self.actual, self.planned)


# ---------------------------------------------------------------- the service


@dataclass
class _Actuals:
    by_month: dict[dt.date, Decimal]
    uncounted: int
    packages: int


class TargetService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
        self.config_path: Path | None = None  # tests point this at their own file

    # ------------------------------------------------------------ what there is

    def config(self) -> TargetsConfig:
        key = ("targets_config", self.config_path)
        return cast(TargetsConfig, self.ctx.cached(key, lambda: load_targets_config(self.config_path)))

    def units(self) -> list[UnitSpec]:
        return list(self.config().units)

    def suggestions(self) -> list[Suggestion]:
        return list(self.config().suggestions)

    def is_county(self) -> bool:
        if self.ctx.office_id is None:
            return False
        with self.ctx.reading() as s:
            return bool(s.scalar(select(Office.is_county).where(Office.id == self.ctx.office_id)))

    def may_edit(self) -> bool:
        """Whether the signed-in user may plan here (a leader; at the county its own targets only)."""
        try:
            self.ctx.require(Action.SET_TARGETS)
        except PermissionDenied:
            return False
        return True

    def offices(self) -> list[TargetOffice]:
        """At the county the county itself and every township; at a township itself only."""
        with self.ctx.reading() as s:
            return self._offices(s)

    def townships(self) -> list[TargetOffice]:
        """The townships a county target may be allotted to (county only)."""
        with self.ctx.reading() as s:
            if not self._is_county(s):
                raise PermissionDenied("county_targets", "只有县局可以向乡镇所下达目标任务")
            return [o for o in self._offices(s) if not o.is_county]

    def years(self) -> list[int]:
        """Years with targets, and this year, newest first."""
        this_year = self.ctx.today().year
        with self.ctx.reading() as s:
            ids = [o.id for o in self._offices(s)]
            rows = s.execute(select(WorkTarget.first_year, WorkTarget.last_year)
                             .where(WorkTarget.office_id.in_(ids))).all()
        years = {this_year}
        for first, last in rows:
            years.update(range(first, last + 1))
        return sorted(years, reverse=True)

    def list_targets(self, year: int | None = None, office_id: uuid.UUID | None = None, *,
                     include_cancelled: bool = False) -> list[TargetItem]:
        """Targets covering ``year`` (all years if None), each plan just above its yearly targets.

        At the county every township's (``office_id`` narrows to one); at a township its own.
        """
        with self.ctx.reading() as s:
            offices = {o.id: o for o in self._offices(s)}
            ids = list(offices) if office_id is None else [i for i in offices if i == office_id]
            query = select(WorkTarget).where(WorkTarget.office_id.in_(ids))
            if year is not None:
                query = query.where(WorkTarget.first_year <= year, WorkTarget.last_year >= year)
            if not include_cancelled:
                query = query.where(WorkTarget.cancelled_at.is_(None))
            rows = list(s.scalars(query))
            items = self._items(s, rows, offices)
        # A plan directly above its yearly targets.
        items.sort(key=lambda t: (t.office.code, t.cancelled, t.name, t.unit, t.kind is not TargetKind.PLAN,
                                  t.first_year))
        return items

    def target(self, target_id: uuid.UUID) -> TargetItem:
        with self.ctx.reading() as s:
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, target_id, offices)
            return self._items(s, [row], offices)[0]

    def children(self, plan_id: uuid.UUID) -> list[TargetItem]:
        """A plan's yearly targets (cancelled ones included), by year."""
        with self.ctx.reading() as s:
            offices = {o.id: o for o in self._offices(s)}
            self._row(s, plan_id, offices)
            rows = list(s.scalars(select(WorkTarget).where(WorkTarget.parent_id == plan_id)))
            items = self._items(s, rows, offices)
        return sorted(items, key=lambda t: (t.first_year, t.cancelled))

    def months(self, target_id: uuid.UUID) -> list[Decimal] | None:
        """The twelve monthly amounts of a yearly target, or None if not broken down."""
        with self.ctx.reading() as s:
            row = self._row(s, target_id, {o.id: o for o in self._offices(s)})
            return self._month_amounts(s, row)

    # ------------------------------------------------------------ planning

    def create_plan(self, name: str, unit: str, first_year: int, last_year: int,
                    planned: Decimal | str | int, note: str = "") -> TargetItem:
        """A plan over several years (Action.SET_TARGETS); break it down with break_down_plan."""
        self._require_write()
        config = self.config()
        errors: list[ValidationError] = []
        name_text = self._name(name, errors)
        spec = self._unit(unit, errors)
        amount = self._quantity("planned", planned, spec, errors)
        for field_name, year in (("first_year", first_year), ("last_year", last_year)):
            if not FIRST_YEAR <= year <= LAST_YEAR:
                errors.append(ValidationError(field_name, year, "range", f"年份应在 {FIRST_YEAR}—{LAST_YEAR} 之间"))
        if not errors and last_year <= first_year:
            errors.append(ValidationError("last_year", last_year, "order",
                                          "规划至少跨两年；只有一年的请新建年度目标"))
        if not errors and last_year - first_year + 1 > config.max_plan_years:
            errors.append(ValidationError("last_year", last_year, "range",
                                          f"一个规划最多 {config.max_plan_years} 年"))
        if amount is not None and amount <= 0:
            errors.append(ValidationError("planned", planned, "positive", "规划总量应大于 0"))
        if errors:
            raise FormErrors(errors)
        assert amount is not None
        return self._create("targets.create_plan", name_text, unit, first_year, last_year, amount, note)

    def create_yearly(self, name: str, unit: str, year: int, planned: Decimal | str | int,
                      note: str = "") -> TargetItem:
        """A yearly target standing on its own (a plan's years come from break_down_plan)."""
        self._require_write()
        errors: list[ValidationError] = []
        name_text = self._name(name, errors)
        spec = self._unit(unit, errors)
        amount = self._quantity("planned", planned, spec, errors)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            errors.append(ValidationError("year", year, "range", f"年份应在 {FIRST_YEAR}—{LAST_YEAR} 之间"))
        if amount is not None and amount <= 0:
            errors.append(ValidationError("planned", planned, "positive", "年度目标应大于 0"))
        if errors:
            raise FormErrors(errors)
        assert amount is not None
        return self._create("targets.create_yearly", name_text, unit, year, year, amount, note)

    def even_years(self, plan_id: uuid.UUID) -> dict[int, Decimal]:
        """The default breakdown of a plan: its total shared evenly over its years."""
        plan = self.target(plan_id)
        spec = self.config().unit(plan.unit)
        years = list(range(plan.first_year, plan.last_year + 1))
        shares = split_evenly(plan.planned, len(years), spec.decimals if spec else 2)
        return dict(zip(years, shares, strict=True))

    def even_months(self, target_id: uuid.UUID) -> list[Decimal]:
        target = self.target(target_id)
        spec = self.config().unit(target.unit)
        return split_evenly(target.planned, MONTHS, spec.decimals if spec else 2)

    def break_down_plan(self, plan_id: uuid.UUID,
                        amounts: Mapping[int, Decimal | str | int] | None = None) -> Progress:
        """Set the plan's yearly targets (default: an even split) in one transaction.

        Years missing a yearly target get one; existing ones get the new amount; a year given
        0 has its yearly target cancelled. The years must add up to at least the plan's total
        (a shortfall is refused, naming it), and a yearly target already broken down by month
        cannot be raised above its months' sum (edit the months first).
        """
        self._require_write()
        if amounts is None:
            amounts = self.even_years(plan_id)
        with self.ctx.transaction("targets.break_down_plan") as s:
            offices = {o.id: o for o in self._offices(s)}
            plan = self._row(s, plan_id, offices)
            self._require_own(s, plan)
            if plan.last_year <= plan.first_year:
                raise ValidationError("plan", plan_id, "not_plan", "这是年度目标，请按月分解")
            if plan.cancelled_at is not None:
                raise ValidationError("plan", plan_id, "cancelled", "该规划已撤销，不能再分解")
            spec = self.config().unit(plan.unit)
            errors: list[ValidationError] = []
            values: dict[int, Decimal] = {}
            for year, raw in amounts.items():
                if not plan.first_year <= year <= plan.last_year:
                    errors.append(ValidationError(f"year_{year}", year, "range",
                                                  f"{year} 年不在规划期 {plan.first_year}—{plan.last_year} 年内"))
                    continue
                value = self._quantity(f"year_{year}", raw, spec, errors)
                if value is not None:
                    values[year] = value
            if errors:
                raise FormErrors(errors)
            total = sum(values.values(), Decimal(0))
            planned = Decimal(plan.planned)
            if total < planned:
                raise ValidationError(
                    "years", total, "short",
                    f"各年合计 {self._fmt(total, plan.unit)}，比规划总量 {self._fmt(planned, plan.unit)}"
                    f"少 {self._fmt(planned - total, plan.unit)}；目标只能分解得更多，不能更少")
            existing = {row.first_year: row for row in s.scalars(
                select(WorkTarget).where(WorkTarget.parent_id == plan.id, WorkTarget.cancelled_at.is_(None)))}
            for year in range(plan.first_year, plan.last_year + 1):
                value = values.get(year, Decimal(0))
                row = existing.get(year)
                if row is None:
                    if value > 0:
                        self._refuse_duplicate(s, plan.name, plan.unit, year, year)
                        s.add(self._new_row(plan.name, plan.unit, year, year, value, "", plan.id))
                    continue
                shares = self._live_shares(s, row)
                if value == 0:
                    for each in [row, *shares]:
                        each.cancelled_at, each.cancelled_by = self.ctx.now(), self.ctx.user_id
                        each.cancel_reason = "规划重新分解，该年不再安排"
                    continue
                handed_down = sum((Decimal(r.planned) for r in shares), Decimal(0))
                if shares and handed_down < value:
                    raise ValidationError(
                        f"year_{year}", value, "allotment_short",
                        f"{year} 年已下达各乡镇所合计 {self._fmt(handed_down, plan.unit)}，少于新的年度目标 "
                        f"{self._fmt(value, plan.unit)}；请先重新下达该年目标")
                months = self._month_amounts(s, row)
                if months is not None and sum(months, Decimal(0)) < value:
                    raise ValidationError(
                        f"year_{year}", value, "months_short",
                        f"{year} 年已按月分解（合计 {self._fmt(sum(months, Decimal(0)), plan.unit)}），少于新的年度目标 "
                        f"{self._fmt(value, plan.unit)}；请先修改该年的月度分解")
                row.planned = value
        return self.plan_progress(plan_id)

    def set_months(self, target_id: uuid.UUID, amounts: Sequence[Decimal | str | int] | None = None) -> Progress:
        """Replace a yearly target's twelve months in one transaction (default: even split).

        A month may be 0 (春节); the months must add up to at least the yearly target.
        """
        self._require_write()
        if amounts is None:
            amounts = self.even_months(target_id)
        if len(amounts) != MONTHS:
            raise ValidationError("months", len(amounts), "count", "月度分解须填写 1—12 月共 12 个数")
        with self.ctx.transaction("targets.set_months") as s:
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, target_id, offices)
            self._require_own(s, row)
            if row.last_year != row.first_year:
                raise ValidationError("target", target_id, "not_yearly", "规划请先分解到年度，再把年度目标分解到月")
            if row.cancelled_at is not None:
                raise ValidationError("target", target_id, "cancelled", "该目标已撤销，不能再分解")
            spec = self.config().unit(row.unit)
            errors: list[ValidationError] = []
            values = [self._quantity(f"month_{m}", raw, spec, errors) for m, raw in enumerate(amounts, start=1)]
            if errors:
                raise FormErrors(errors)
            months = [v if v is not None else Decimal(0) for v in values]
            total = sum(months, Decimal(0))
            planned = Decimal(row.planned)
            if total < planned:
                raise ValidationError(
                    "months", total, "short",
                    f"各月合计 {self._fmt(total, row.unit)}，比年度目标 {self._fmt(planned, row.unit)}"
                    f"少 {self._fmt(planned - total, row.unit)}；目标只能分解得更多，不能更少")
            # The twelve rows are updated in place, never deleted and made again: the county applies
            # a batch's inserts before its deletes, and a new row for a month still held there
            # would clash with the old one (one row per target and month).
            held = {m.month: m for m in s.scalars(select(TargetMonth).where(TargetMonth.target_id == row.id))}
            for month, value in enumerate(months, start=1):
                first_day = month_start(row.first_year, month)
                if first_day in held:
                    held[first_day].planned = value
                else:
                    s.add(TargetMonth(target_id=row.id, month=first_day, planned=value))
        return self.progress(target_id)

    def update(self, target_id: uuid.UUID, planned: Decimal | str | int, note: str | None = None) -> TargetItem:
        """Change a target's amount (and note) keeping every breakdown at least its parent."""
        self._require_write()
        with self.ctx.transaction("targets.update") as s:
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, target_id, offices)
            self._require_own(s, row)
            self._require_not_issued(s, row)
            if row.cancelled_at is not None:
                raise ValidationError("planned", planned, "cancelled", "该目标已撤销，不能修改")
            errors: list[ValidationError] = []
            amount = self._quantity("planned", planned, self.config().unit(row.unit), errors)
            if errors:
                raise FormErrors(errors)
            assert amount is not None
            if amount <= 0:
                raise ValidationError("planned", planned, "positive", "目标应大于 0")
            below = self._children_total(s, row)
            if below is not None and below < amount:
                what = "各年合计" if row.last_year > row.first_year else "各月合计"
                raise ValidationError(
                    "planned", amount, "breakdown_short",
                    f"{what} {self._fmt(below, row.unit)}，少于新的目标 {self._fmt(amount, row.unit)}；"
                    f"请先修改分解")
            shares = self._live_shares(s, row)
            handed_down = sum((Decimal(r.planned) for r in shares), Decimal(0))
            if shares and handed_down < amount:
                raise ValidationError(
                    "planned", amount, "allotment_short",
                    f"已下达各乡镇所合计 {self._fmt(handed_down, row.unit)}，少于新的目标 "
                    f"{self._fmt(amount, row.unit)}；请先重新下达")
            if row.parent_id is not None:
                siblings = sum((Decimal(r.planned) for r in s.scalars(select(WorkTarget).where(
                    WorkTarget.parent_id == row.parent_id, WorkTarget.cancelled_at.is_(None),
                    WorkTarget.id != row.id))), Decimal(0))
                parent = s.get(WorkTarget, row.parent_id)
                assert parent is not None
                if siblings + amount < Decimal(parent.planned):
                    short = Decimal(parent.planned) - siblings - amount
                    raise ValidationError(
                        "planned", amount, "short",
                        f"改后各年合计 {self._fmt(siblings + amount, row.unit)}，比规划总量 "
                        f"{self._fmt(Decimal(parent.planned), row.unit)}少 {self._fmt(short, row.unit)}")
            row.planned = amount
            if note is not None:
                row.note = note.strip()
        return self.target(target_id)

    def cancel(self, target_id: uuid.UUID, reason: str) -> TargetItem:
        """Cancel a target with its reason (never deleted); a plan's yearly targets go with it."""
        self._require_write()
        if not reason.strip():
            raise ValidationError("reason", reason, "required", "撤销目标必须写明原因")
        with self.ctx.transaction("targets.cancel") as s:
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, target_id, offices)
            self._require_own(s, row)
            self._require_not_issued(s, row)
            if row.cancelled_at is not None:
                raise ValidationError("reason", reason, "cancelled", "该目标已经撤销过了")
            now = self.ctx.now()
            children = list(s.scalars(select(WorkTarget).where(WorkTarget.parent_id == row.id,
                                                               WorkTarget.cancelled_at.is_(None))))
            for each in [row, *children]:
                each.cancelled_at, each.cancelled_by = now, self.ctx.user_id
                each.cancel_reason = reason.strip() if each is row else f"所属规划撤销：{reason.strip()}"
            # The townships' shares go with the county target (or with its plan's years).
            for each in [s2 for r in [row, *children] for s2 in self._live_shares(s, r)]:
                each.cancelled_at, each.cancelled_by = now, self.ctx.user_id
                each.cancel_reason = f"县局撤销目标：{reason.strip()}"
        return self.target(target_id)

    # ------------------------------------------------------------ progress

    def progress(self, target_id: uuid.UUID) -> Progress:
        """A yearly target month by month (a plan: see plan_progress)."""
        today = self.ctx.today()
        with self.ctx.reading() as s:
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, target_id, offices)
            if row.last_year != row.first_year:
                raise ValidationError("target", target_id, "plan", "这是规划，请按年度查看进度")
            item = self._items(s, [row], offices)[0]
            months = self._month_amounts(s, row)
            # A county target is met by the townships' work on their shares.
            shares = self._live_shares(s, row)
            actuals = self._actuals(s, [row.id, *(r.id for r in shares)], row.unit)
            if shares and months is None:
                # The county's months are its townships' months added up, once every share has them.
                share_months = [self._month_amounts(s, r) for r in shares]
                if all(m is not None for m in share_months):
                    months = [sum(column, Decimal(0)) for column in zip(*cast(list[list[Decimal]], share_months),
                                                                         strict=True)]
        progress = self._month_progress(item.name, item.unit, item.first_year, item.office.name, item.planned,
                                        months, actuals, today, target=item)
        return replace(progress, allotment=self.allotment(target_id)) if shares else progress

    def plan_progress(self, plan_id: uuid.UUID) -> Progress:
        """A plan year by year: each year's target against what its packages achieved."""
        today = self.ctx.today()
        config = self.config()
        with self.ctx.reading() as s:
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, plan_id, offices)
            if row.last_year == row.first_year:
                raise ValidationError("target", plan_id, "yearly", "这是年度目标，请按月查看进度")
            item = self._items(s, [row], offices)[0]
            children = list(s.scalars(select(WorkTarget).where(WorkTarget.parent_id == row.id)))
            live = {c.first_year: c for c in children if c.cancelled_at is None}
            months = {c.first_year: self._month_amounts(s, c) for c in live.values()}
            shares = [r.id for c in live.values() for r in self._live_shares(s, c)]
            actuals = self._actuals(s, [row.id, *(c.id for c in children), *shares], row.unit)
        decimals = self._decimals(item.unit)
        lines: list[PeriodLine] = []
        cum_planned: Decimal | None = Decimal(0) if live else None
        cum_actual = Decimal(0)
        planned_to_date = Decimal(0)
        for year in range(item.first_year, item.last_year + 1):
            child = live.get(year)
            planned = Decimal(child.planned) if child is not None else None
            actual = sum((v for m, v in actuals.by_month.items() if m.year == year), Decimal(0))
            cum_actual += actual
            if cum_planned is not None and planned is not None:
                cum_planned += planned
            started, ended = dt.date(year, 1, 1) <= today, dt.date(year, 12, 31) < today
            lines.append(PeriodLine(
                year, planned, actual, cum_planned, cum_actual,
                _ratio(cum_actual, cum_planned) if cum_planned is not None and started else None,
                _ratio(cum_actual, item.planned) if started else None, started, ended,
                ended and planned is not None and actual < planned, child.id if child is not None else None))
            year_plan = planned if planned is not None else item.planned / (item.last_year - item.first_year + 1)
            planned_to_date += _to_date(year, months.get(year), year_plan, today)
        breakdown = sum((Decimal(c.planned) for c in live.values()), Decimal(0)) if live else None
        return Progress(
            TargetKind.PLAN, item.name, item.unit, item.first_year, item.last_year, item.office.name,
            item.planned, tuple(lines), breakdown, cum_actual, planned_to_date.quantize(Decimal("0.01")),
            _standing(cum_actual, planned_to_date, item.planned, item.first_year, item.last_year, today,
                      config.far_behind_percent),
            today, decimals, config.area_note(item.planned, item.unit), actuals.uncounted, actuals.packages,
            target=item)

    def overview(self, year: int, office_id: uuid.UUID | None = None, *,
                 include_cancelled: bool = False) -> list[Progress]:
        """Every target covering ``year`` with its progress (plans by year, yearly targets by month)."""
        return [self.plan_progress(item.id) if item.kind is TargetKind.PLAN else self.progress(item.id)
                for item in self.list_targets(year, office_id, include_cancelled=include_cancelled)]

    # ------------------------------------------------------------ the county

    def allot(self, county_target_id: uuid.UUID, shares: Mapping[uuid.UUID, Decimal | str | int]) -> Allotment:
        """下达: hand a county yearly target down to townships, one share each (county only).

        Each township given more than 0 gets (or keeps, updated in place) one yearly target with
        the county target's name, unit and year and ``parent_id`` = the county target; the shares
        must add up to at least the county target. A township left out (or given 0) has its share
        cancelled (县局调整分解), never deleted; allotting to it again revives the same row, so
        its months and packages stay linked. The downlink carries the shares to the townships.
        """
        self._require_write()
        with self.ctx.transaction("targets.allot") as s:
            if not self._is_county(s):
                raise PermissionDenied("set_targets", "只有县局可以向乡镇所下达目标任务")
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, county_target_id, offices)
            self._require_own(s, row)
            if row.last_year != row.first_year:
                raise ValidationError("target", county_target_id, "not_yearly",
                                      "规划请先分解到年度，再把年度目标下达到乡镇所")
            if row.cancelled_at is not None:
                raise ValidationError("target", county_target_id, "cancelled", "该目标已撤销，不能再下达")
            spec = self.config().unit(row.unit)
            errors: list[ValidationError] = []
            values: dict[uuid.UUID, Decimal] = {}
            for office_id, raw in shares.items():
                office = offices.get(office_id)
                if office is None or office.is_county:
                    errors.append(ValidationError(f"office_{office_id}", office_id, "unknown",
                                                  "只能下达到本县的乡镇所"))
                    continue
                value = self._quantity(f"office_{office.code}", raw, spec, errors)
                if value is not None and value > 0:
                    values[office_id] = value
            if errors:
                raise FormErrors(errors)
            total = sum(values.values(), Decimal(0))
            planned = Decimal(row.planned)
            if total < planned:
                raise ValidationError(
                    "shares", total, "short",
                    f"各乡镇所合计 {self._fmt(total, row.unit)}，比县局目标 {self._fmt(planned, row.unit)}"
                    f"少 {self._fmt(planned - total, row.unit)}；目标只能分解得更多，不能更少")
            # The share each township holds: its live one, else its latest cancelled one (revived).
            held: dict[uuid.UUID, WorkTarget] = {}
            for share in s.scalars(select(WorkTarget).where(
                    WorkTarget.parent_id == row.id, WorkTarget.office_id != row.office_id)
                    .order_by(WorkTarget.created_at)):
                current = held.get(share.office_id)
                if current is None or current.cancelled_at is not None:
                    held[share.office_id] = share
            now = self.ctx.now()
            for office_id, value in sorted(values.items(), key=lambda entry: offices[entry[0]].code):
                share = held.get(office_id)
                clash = s.scalar(select(WorkTarget.id).where(
                    WorkTarget.office_id == office_id, WorkTarget.name == row.name, WorkTarget.unit == row.unit,
                    WorkTarget.first_year == row.first_year, WorkTarget.last_year == row.last_year,
                    WorkTarget.cancelled_at.is_(None),
                    *([WorkTarget.id != share.id] if share is not None else [])).limit(1))
                if clash is not None:
                    # Both would be added up in the county's sums: the township settles it first.
                    raise ValidationError(
                        f"office_{offices[office_id].code}", value, "duplicate",
                        f"{offices[office_id].name}已自行设定{row.first_year}年“{row.name}”（{row.unit}）的目标，"
                        f"不能再下达同名目标；请该所撤销自己的目标后再下达")
                if share is None:
                    s.add(WorkTarget(office_id=office_id, parent_id=row.id, name=row.name, unit=row.unit,
                                     first_year=row.first_year, last_year=row.last_year, planned=value, note="",
                                     created_by=self.ctx.user_id, created_at=now))
                    continue
                # Updated in place, never deleted and made again (sync-safe).
                share.planned, share.name, share.unit = value, row.name, row.unit
                if share.cancelled_at is not None:
                    share.cancelled_at, share.cancelled_by, share.cancel_reason = None, None, ""
            for office_id, share in held.items():
                if office_id not in values and share.cancelled_at is None:
                    share.cancelled_at, share.cancelled_by = now, self.ctx.user_id
                    share.cancel_reason = DROPPED_REASON
        return self.allotment(county_target_id)

    def allotment(self, county_target_id: uuid.UUID) -> Allotment:
        """A county yearly target's shares by township with their actuals (分解下达情况; county only)."""
        today = self.ctx.today()
        config = self.config()
        with self.ctx.reading() as s:
            if not self._is_county(s):
                raise PermissionDenied("county_targets", "分解下达情况只能在县局查看")
            offices = {o.id: o for o in self._offices(s)}
            row = self._row(s, county_target_id, offices)
            if row.office_id != self.ctx.office_id or row.last_year != row.first_year:
                raise ValidationError("target", county_target_id, "not_county_yearly",
                                      "只有县局本级的年度目标才下达到乡镇所")
            item = self._items(s, [row], offices)[0]
            year = row.first_year
            lines: list[AllotmentLine] = []
            for share in self._live_shares(s, row):
                planned = Decimal(share.planned)
                months = self._month_amounts(s, share)
                actuals = self._actuals(s, [share.id], share.unit)
                actual = sum((v for m, v in actuals.by_month.items() if m.year == year), Decimal(0))
                to_date = _to_date(year, months, planned, today)
                lines.append(AllotmentLine(
                    offices[share.office_id], share.id, planned, actual, to_date.quantize(Decimal("0.01")),
                    _standing(actual, to_date, planned, year, year, today, config.far_behind_percent),
                    months is not None, actuals.packages))
        lines.sort(key=lambda line: line.office.code)
        return Allotment(item, tuple(lines), self._decimals(item.unit), today)

    def county_summary(self, year: int) -> list[CountyLine]:
        """Townships' yearly targets of ``year`` added up by name and unit (county only)."""
        groups = self._county_groups(year)
        lines = []
        for (name, unit), members in groups.items():
            planned = sum((Decimal(r.planned) for r, _o, _a in members), Decimal(0))
            actual = sum((a for _r, _o, a in members), Decimal(0))
            lines.append(CountyLine(name, unit, year, len({o.id for _r, o, _a in members}), planned, actual,
                                    self._decimals(unit)))
        return sorted(lines, key=lambda line: (line.name, line.unit))

    def county_progress(self, name: str, unit: str, year: int) -> Progress:
        """The county's sum of one target across townships, month by month (county only)."""
        today = self.ctx.today()
        with self.ctx.reading() as s:
            if not self._is_county(s):
                raise PermissionDenied("county_targets", "全县目标汇总只能在县局查看")
            offices = self._township_offices(s)
            county_name = s.scalar(select(Office.name).where(Office.id == self.ctx.office_id)) or "全县"
            rows = list(s.scalars(select(WorkTarget).where(
                WorkTarget.office_id.in_(list(offices)), WorkTarget.name == name, WorkTarget.unit == unit,
                WorkTarget.first_year == year, WorkTarget.last_year == year, WorkTarget.cancelled_at.is_(None))))
            if not rows:
                raise NotFoundError(f"各乡镇所没有 {year} 年“{name}”（{unit}）的目标")
            months_sum: list[Decimal] | None = [Decimal(0)] * MONTHS
            per_office: list[tuple[TargetOffice, Decimal, Decimal]] = []
            by_month: dict[dt.date, Decimal] = {}
            uncounted = packages = 0
            for row in rows:
                months = self._month_amounts(s, row)
                if months is None:
                    months_sum = None  # one township not broken down: no county months either
                elif months_sum is not None:
                    months_sum = [a + b for a, b in zip(months_sum, months, strict=True)]
                actuals = self._actuals(s, [row.id], unit)
                uncounted += actuals.uncounted
                packages += actuals.packages
                for month, value in actuals.by_month.items():
                    by_month[month] = by_month.get(month, Decimal(0)) + value
                in_year = sum((v for m, v in actuals.by_month.items() if m.year == year), Decimal(0))
                per_office.append((offices[row.office_id], Decimal(row.planned), in_year))
        per_office.sort(key=lambda entry: entry[0].code)
        planned = sum((p for _o, p, _a in per_office), Decimal(0))
        scope = f"{county_name}（{len(per_office)} 个乡镇所合计）"
        progress = self._month_progress(name, unit, year, scope, planned, months_sum,
                                        _Actuals(by_month, uncounted, packages), today)
        return replace(progress, offices=tuple(per_office))

    # ------------------------------------------------------------ helpers

    def _month_progress(self, name: str, unit: str, year: int, scope: str, planned: Decimal,
                        months: list[Decimal] | None, actuals: _Actuals, today: dt.date,
                        target: TargetItem | None = None) -> Progress:
        config = self.config()
        lines: list[PeriodLine] = []
        cum_planned: Decimal | None = Decimal(0) if months is not None else None
        cum_actual = Decimal(0)
        for month in range(1, MONTHS + 1):
            start = month_start(year, month)
            plan = months[month - 1] if months is not None else None
            actual = actuals.by_month.get(start, Decimal(0))
            cum_actual += actual
            if cum_planned is not None and plan is not None:
                cum_planned += plan
            started = start <= today
            ended = dt.date(year, month, calendar.monthrange(year, month)[1]) < today
            lines.append(PeriodLine(
                month, plan, actual, cum_planned, cum_actual,
                _ratio(cum_actual, cum_planned) if cum_planned is not None and started else None,
                _ratio(cum_actual, planned) if started else None, started, ended,
                ended and plan is not None and actual < plan))
        to_date = _to_date(year, months, planned, today)
        return Progress(
            TargetKind.YEARLY, name, unit, year, year, scope, planned, tuple(lines),
            sum(months, Decimal(0)) if months is not None else None, cum_actual, to_date.quantize(Decimal("0.01")),
            _standing(cum_actual, to_date, planned, year, year, today, config.far_behind_percent),
            today, self._decimals(unit), config.area_note(planned, unit), actuals.uncounted, actuals.packages,
            target=target)

    def _county_groups(self, year: int) -> dict[tuple[str, str], list[tuple[WorkTarget, TargetOffice, Decimal]]]:
        with self.ctx.reading() as s:
            if not self._is_county(s):
                raise PermissionDenied("county_targets", "全县目标汇总只能在县局查看")
            offices = self._township_offices(s)
            rows = list(s.scalars(select(WorkTarget).where(
                WorkTarget.office_id.in_(list(offices)), WorkTarget.first_year == year,
                WorkTarget.last_year == year, WorkTarget.cancelled_at.is_(None))))
            groups: dict[tuple[str, str], list[tuple[WorkTarget, TargetOffice, Decimal]]] = {}
            for row in rows:
                actuals = self._actuals(s, [row.id], row.unit)
                actual = sum((v for m, v in actuals.by_month.items() if m.year == year), Decimal(0))
                groups.setdefault((row.name, row.unit), []).append((row, offices[row.office_id], actual))
        return groups

    def _actuals(self, s: Session, target_ids: list[uuid.UUID], unit: str) -> _Actuals:
        """Progress on the targets' live packages by month, in ``unit``."""
        config = self.config()
        rows = s.execute(
            select(PackageProgress.as_of, PackageProgress.quantity, TaskPackage.unit, TaskPackage.id)
            .join(TaskPackage, TaskPackage.id == PackageProgress.package_id)
            .where(TaskPackage.target_id.in_(target_ids), TaskPackage.cancelled_at.is_(None),
                   TaskPackage.status != "cancelled")).all()
        by_month: dict[dt.date, Decimal] = {}
        uncounted = 0
        packages: set[uuid.UUID] = set()
        for as_of, quantity, package_unit, package_id in rows:
            value = config.convert(Decimal(quantity), package_unit or "", unit)
            if value is None:
                uncounted += 1
                continue
            packages.add(package_id)
            key = month_start(as_of.year, as_of.month)
            by_month[key] = by_month.get(key, Decimal(0)) + value
        return _Actuals({k: v.quantize(Decimal("0.01"), ROUND_HALF_UP) for k, v in by_month.items()},
                        uncounted, len(packages))

    @staticmethod
    def _month_amounts(s: Session, row: WorkTarget) -> list[Decimal] | None:
        found = {m.month.month: Decimal(m.planned) for m in s.scalars(
            select(TargetMonth).where(TargetMonth.target_id == row.id))}
        if not found:
            return None
        return [found.get(month, Decimal(0)) for month in range(1, MONTHS + 1)]

    def _children_total(self, s: Session, row: WorkTarget) -> Decimal | None:
        if row.last_year > row.first_year:
            children = [Decimal(c.planned) for c in s.scalars(select(WorkTarget).where(
                WorkTarget.parent_id == row.id, WorkTarget.cancelled_at.is_(None)))]
            return sum(children, Decimal(0)) if children else None
        months = self._month_amounts(s, row)
        return sum(months, Decimal(0)) if months is not None else None

    def _create(self, action: str, name: str, unit: str, first_year: int, last_year: int, planned: Decimal,
                note: str) -> TargetItem:
        """A plan or a yearly target standing on its own, unless one of that name and years exists."""
        with self.ctx.transaction(action) as s:
            self._refuse_duplicate(s, name, unit, first_year, last_year)
            row = self._new_row(name, unit, first_year, last_year, planned, note, None)
            s.add(row)
            s.flush()
            target_id = row.id
        return self.target(target_id)

    def _new_row(self, name: str, unit: str, first_year: int, last_year: int, planned: Decimal, note: str,
                 parent_id: uuid.UUID | None) -> WorkTarget:
        assert self.ctx.office_id is not None
        return WorkTarget(office_id=self.ctx.office_id, parent_id=parent_id, name=name, unit=unit,
                          first_year=first_year, last_year=last_year, planned=planned, note=note.strip(),
                          created_by=self.ctx.user_id, created_at=self.ctx.now())

    def _refuse_duplicate(self, s: Session, name: str, unit: str, first_year: int, last_year: int) -> None:
        """One live target per name, unit and period in an office, so the county can add them up."""
        clash = s.scalar(select(WorkTarget.id).where(
            WorkTarget.office_id == self.ctx.office_id, WorkTarget.name == name, WorkTarget.unit == unit,
            WorkTarget.first_year == first_year, WorkTarget.last_year == last_year,
            WorkTarget.cancelled_at.is_(None)).limit(1))
        if clash is not None:
            period = f"{first_year}年" if first_year == last_year else f"{first_year}—{last_year}年"
            raise ValidationError("name", name, "duplicate",
                                  f"本所已有{period}“{name}”（{unit}）的目标；请修改它，或先撤销再新建")

    def _require_write(self) -> None:
        self.ctx.require(Action.SET_TARGETS)

    def _require_own(self, s: Session, row: WorkTarget) -> None:
        """Only the office's own targets change here; a share the county handed down changes
        only through the county's next allotment."""
        if row.office_id != self.ctx.office_id:
            if self._is_county(s):
                raise PermissionDenied("set_targets", COUNTY_READ_ONLY)
            raise PermissionDenied("set_targets", "只能修改本所的目标任务")

    def _require_not_issued(self, s: Session, row: WorkTarget) -> None:
        if self._issued_by_county(s, row):
            raise PermissionDenied("set_targets", COUNTY_ISSUED)

    @staticmethod
    def _issued_by_county(s: Session, row: WorkTarget) -> bool:
        if row.parent_id is None:
            return False
        parent_office = s.scalar(select(WorkTarget.office_id).where(WorkTarget.id == row.parent_id))
        if parent_office is None or parent_office == row.office_id:
            return False
        return bool(s.scalar(select(Office.is_county).where(Office.id == parent_office)))

    @staticmethod
    def _live_shares(s: Session, row: WorkTarget) -> list[WorkTarget]:
        """The townships' live shares of a county yearly target."""
        if row.last_year != row.first_year:
            return []
        return list(s.scalars(select(WorkTarget).where(
            WorkTarget.parent_id == row.id, WorkTarget.office_id != row.office_id,
            WorkTarget.cancelled_at.is_(None))))

    def _is_county(self, s: Session) -> bool:
        own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        return bool(own is not None and own.is_county)

    def _offices(self, s: Session) -> list[TargetOffice]:
        own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        if own is None:
            raise NotFoundError("尚未设置单位")
        if not own.is_county:
            return [TargetOffice(own.id, own.code, own.name)]
        rows = s.execute(select(Office.id, Office.code, Office.name)
                         .where(Office.is_county.is_(False)).order_by(Office.code))
        return [TargetOffice(own.id, own.code, own.name, True), *(TargetOffice(*r) for r in rows)]

    def _township_offices(self, s: Session) -> dict[uuid.UUID, TargetOffice]:
        """The county's sums are over townships only: the county's own target is what they meet."""
        return {o.id: o for o in self._offices(s) if not o.is_county}

    @staticmethod
    def _row(s: Session, target_id: uuid.UUID, offices: Mapping[uuid.UUID, TargetOffice]) -> WorkTarget:
        row = s.get(WorkTarget, target_id)
        if row is None or row.office_id not in offices:
            raise NotFoundError("找不到该目标任务")
        return row

    def _items(self, s: Session, rows: Iterable[WorkTarget],
               offices: Mapping[uuid.UUID, TargetOffice]) -> list[TargetItem]:
        rows = list(rows)
        if not rows:
            return []
        ids = [r.id for r in rows]
        user_ids = {u for r in rows for u in (r.created_by, r.cancelled_by) if u is not None}
        names = dict(s.execute(select(User.id, User.display_name).where(User.id.in_(user_ids))).all()) \
            if user_ids else {}
        with_months = set(s.scalars(select(TargetMonth.target_id).where(TargetMonth.target_id.in_(ids))))
        child = aliased(WorkTarget)
        parent = aliased(WorkTarget)
        # A plan is broken down by its yearly targets; a yearly target only by its months.
        with_children = set(s.scalars(select(child.parent_id).join(parent, parent.id == child.parent_id).where(
            child.parent_id.in_(ids), child.cancelled_at.is_(None), parent.last_year > parent.first_year)))
        # Yearly children in another office are a county target's shares (县局下达).
        with_shares = set(s.scalars(select(child.parent_id).join(parent, parent.id == child.parent_id).where(
            child.parent_id.in_(ids), child.cancelled_at.is_(None), child.office_id != parent.office_id,
            parent.first_year == parent.last_year)))
        county_offices = set(s.scalars(select(Office.id).where(Office.is_county.is_(True))))
        parent_ids = {r.parent_id for r in rows if r.parent_id is not None}
        parent_office = dict(s.execute(select(WorkTarget.id, WorkTarget.office_id)
                                       .where(WorkTarget.id.in_(parent_ids))).all()) if parent_ids else {}
        issued = {r.id for r in rows if r.parent_id is not None and parent_office.get(r.parent_id) in county_offices
                  and r.office_id not in county_offices}
        return [TargetItem(
            id=r.id, office=offices[r.office_id], parent_id=r.parent_id, name=r.name, unit=r.unit,
            first_year=r.first_year, last_year=r.last_year, planned=Decimal(r.planned), note=r.note,
            created_by=names.get(r.created_by, "") if r.created_by else "", created_at=r.created_at,
            cancelled_at=r.cancelled_at, cancelled_by=names.get(r.cancelled_by, "") if r.cancelled_by else "",
            cancel_reason=r.cancel_reason, broken_down=r.id in with_months or r.id in with_children,
            county_issued=r.id in issued, allotted=r.id in with_shares)
            for r in rows]

    def _name(self, name: str, errors: list[ValidationError]) -> str:
        text = " ".join(name.split())
        if not text:
            errors.append(ValidationError("name", name, "required", "请填写目标名称，如 村庄改造"))
        elif len(text) > 100:
            errors.append(ValidationError("name", name, "length", "目标名称不能超过 100 个字"))
        return text

    def _unit(self, unit: str, errors: list[ValidationError]) -> UnitSpec | None:
        spec = self.config().unit(unit.strip())
        if spec is None:
            known = "、".join(u.name for u in self.config().units)
            errors.append(ValidationError("unit", unit, "unknown", f"单位“{unit}”不在可选单位中（{known}）"))
        return spec

    @staticmethod
    def _quantity(field_name: str, raw: Decimal | str | int, spec: UnitSpec | None,
                  errors: list[ValidationError]) -> Decimal | None:
        text = str(raw).strip().replace(",", "")
        try:
            value = Decimal(text) if text else Decimal(0)
        except InvalidOperation:
            errors.append(ValidationError(field_name, raw, "format", f"“{raw}”不是数字"))
            return None
        if not value.is_finite():
            errors.append(ValidationError(field_name, raw, "format", f"“{raw}”不是数字"))
            return None
        if value < 0:
            errors.append(ValidationError(field_name, raw, "negative", "数量不能为负数"))
            return None
        if value > MAX_QUANTITY:
            errors.append(ValidationError(field_name, raw, "too_large", "数量过大"))
            return None
        decimals = spec.decimals if spec is not None else 2
        if value != value.quantize(Decimal(1).scaleb(-decimals)):
            unit = spec.name if spec is not None else ""
            errors.append(ValidationError(
                field_name, raw, "decimals",
                f"以“{unit}”计的数量须为整数" if decimals == 0 else f"数量最多保留 {decimals} 位小数"))
            return None
        return value.quantize(Decimal("0.01"))

    def _decimals(self, unit: str) -> int:
        spec = self.config().unit(unit)
        return spec.decimals if spec is not None else 2

    def _fmt(self, value: Decimal, unit: str) -> str:
        return f"{fmt_quantity(value, self._decimals(unit))} {unit}"


def _to_date(year: int, months: Sequence[Decimal] | None, planned: Decimal, today: dt.date) -> Decimal:
    """What should be done by ``today`` of one year's target: the months passed plus the
    current month's share by days (or, without months, the year's share by days)."""
    if today < dt.date(year, 1, 1):
        return Decimal(0)
    if today > dt.date(year, 12, 31):
        return sum(months, Decimal(0)) if months is not None else planned
    if months is None:
        days = 366 if calendar.isleap(year) else 365
        return planned * Decimal(today.timetuple().tm_yday) / Decimal(days)
    done = sum(months[: today.month - 1], Decimal(0))
    length = calendar.monthrange(year, today.month)[1]
    return done + months[today.month - 1] * Decimal(today.day) / Decimal(length)


def _standing(actual: Decimal, planned_to_date: Decimal, planned: Decimal, first_year: int, last_year: int,
              today: dt.date, far_behind_percent: Decimal) -> Standing:
    if today < dt.date(first_year, 1, 1):
        return Standing.NOT_STARTED
    if today > dt.date(last_year, 12, 31):
        return Standing.MET if actual >= planned else Standing.MISSED
    if planned_to_date <= 0:
        return Standing.NO_PLAN if planned <= 0 else Standing.AHEAD
    if actual >= planned_to_date:
        return Standing.AHEAD
    if actual * HUNDRED < planned_to_date * far_behind_percent:
        return Standing.FAR_BEHIND
    return Standing.BEHIND


# ---------------------------------------------------------------- for the command line


def write_target_file(services: Services, target_id: uuid.UUID, path: Path) -> Path:
    """``landdesk targets print TARGET -o F.pdf|F.xlsx``: a target's (or plan's) progress."""
    from app.printing.target_docs import target_progress_pdf
    from app.reports.targets_excel import write_targets_excel

    item = services.targets.target(target_id)
    progress = (services.targets.plan_progress(target_id) if item.kind is TargetKind.PLAN
                else services.targets.progress(target_id))
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_targets_excel(progress, path)
    write_bytes_atomically(path, target_progress_pdf(progress))
    return path


def write_named_target(services: Services, name: str, year: int, path: Path, *, plan: bool = False,
                       office_code: str | None = None) -> Path:
    """``landdesk targets print --name 村庄改造 --year 2026 [--plan] [--office CODE] -o F.pdf|F.xlsx``.

    At a township: its yearly target of that name (or the plan covering the year). At the county:
    its own target of that name if it has one (with the shares handed down), else the sum over
    townships; with ``office_code`` that office's target.
    """
    targets = services.targets
    office_id = None
    if office_code:
        match = [o for o in targets.offices() if o.code == office_code]
        if not match:
            raise NotFoundError(f"没有单位代码为 {office_code} 的乡镇所")
        office_id = match[0].id
    kind = TargetKind.PLAN if plan else TargetKind.YEARLY
    found = [t for t in targets.list_targets(year, office_id) if t.name == name and t.kind is kind]
    if targets.is_county() and office_id is None and any(t.office.is_county for t in found):
        # The county's own target (with its 分解下达情况) before the townships' sum.
        found = [t for t in found if t.office.is_county]
    elif targets.is_county() and office_id is None and not plan:
        units = sorted({t.unit for t in found})
        if len(units) != 1:
            raise NotFoundError(f"{year} 年各乡镇所没有“{name}”的年度目标" if not units
                                else f"“{name}”有多种计量单位（{'、'.join(units)}），请用 --office 指定乡镇所")
        progress = targets.county_progress(name, units[0], year)
        path = Path(path)
        if path.suffix.lower() == ".xlsx":
            from app.reports.targets_excel import write_targets_excel

            return write_targets_excel(progress, path)
        from app.printing.target_docs import target_progress_pdf

        write_bytes_atomically(path, target_progress_pdf(progress))
        return path
    if len(found) != 1:
        what = "规划" if plan else "年度目标"
        raise NotFoundError(f"找不到 {year} 年“{name}”的{what}" if not found
                            else f"{year} 年“{name}”的{what}不止一个，请用 --office 指定乡镇所")
    return write_target_file(services, found[0].id, path)


def allot_named_target(services: Services, name: str, year: int, shares: Mapping[str, str]) -> Allotment:
    """``landdesk targets allot --name 村庄改造 --year 2026 370702101=70 370702102=50`` (county only).

    ``shares`` maps township codes to amounts; a township of the county not named gets no
    share (one it had is cancelled).
    """
    targets = services.targets
    own = [t for t in targets.list_targets(year) if t.office.is_county and t.name == name
           and t.kind is TargetKind.YEARLY]
    if len(own) != 1:
        raise NotFoundError(f"县局没有 {year} 年“{name}”的年度目标" if not own
                            else f"县局 {year} 年“{name}”的年度目标不止一个")
    by_code = {o.code: o.id for o in targets.townships()}
    unknown = sorted(set(shares) - set(by_code))
    if unknown:
        raise NotFoundError(f"没有单位代码为 {'、'.join(unknown)} 的乡镇所")
    return targets.allot(own[0].id, {by_code[code]: amount for code, amount in shares.items()})

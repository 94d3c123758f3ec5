"""The 1000-point assessment (千分制考核): the scheme as data, and scoring. No database here.

The county bureau issues a scheme per year (``resources/assessment/scheme-YYYY.toml``):
categories whose points add up to 1000, items within each category whose points add up to
the category's, bonus rules (加分, capped per rule and in total), deduction rules (扣分,
capped per rule) and veto items (一票否决). Each item is scored either from case data
(``computed``: time-limit compliance) or by a leader's entered deductions (``entered``,
each with a note and evidence). An item never goes below 0.

Year-end outcome, from seed 004 (滨海县《精细化管理》), whose scores are out of 100:

    “对年终考核得分低于95以下的，不得参加综合先进单位评选；对年终考核得分低于90分以下的，
    单位主要负责人不得作为后备干部推荐人选和提拔使用对象。”
    “得分95以上的所，全额发放考核工资、目标资金；得分95以下的所，每递减一个百分点，
    全所人员考核工资下浮1%，直至扣完考核工资为止。”

So on the 1000-point scale the thresholds are percentages of the scheme total (950 points is
95%), and the pay coefficient loses 1% for each *percentage point* below 95 — proportionally,
so 94.5% gives 0.995 — never below 0. The numbers live in the scheme's ``[outcome]`` table.
A triggered veto voids awards and the head's recommendation whatever the score; the pay
coefficient still follows the score (the seed ties pay only to the score).

Arithmetic is Decimal throughout, so 95.0% is eligible and 94.99% is not, exactly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.errors import FormErrors, ValidationError
from app.resources import resource_path

# The catalogue's TOML line locator and syntax hints serve every data file of the county.
from app.tomlfile import DataFileError, TomlReader, read_data_file

SCHEME_DIR = "assessment"
SCHEME_FILE = re.compile(r"^scheme-(\d{4})\.toml$")
SCHEME_TOTAL = Decimal(1000)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
MAX_NOTE = 2000

PathKey = tuple[str | int, ...]


class AssessmentSchemeError(DataFileError):
    """A scheme file is malformed: says which file, line and field."""

    what = "考核方案文件"


class Method(StrEnum):
    ENTERED = "entered"
    COMPUTED = "computed"


class Measure(StrEnum):
    """What a computed item counts from the office's case data for the year."""

    ON_TIME_RATE = "on_time_rate"
    OVERDUE_CASES = "overdue_cases"
    LATE_NOTICES = "late_notices"
    OVERDUE_FOLLOW_UPS = "overdue_follow_ups"
    LATE_SUPERVISION = "late_supervision"
    LATE_PACKAGES = "late_packages"  # task packages not accepted by their due date
    STUDY_WEEKS_SHORT = "study_weeks_short"  # person-weeks below the self-study minimum
    ARTICLES_SHORT = "articles_short"  # person-quarters without the research article(s)


class EntryKind(StrEnum):
    ITEM = "item"  # a deduction on an entered item (项目扣分)
    BONUS = "bonus"  # 加分
    DEDUCTION = "deduction"  # 扣分 under a deduction rule, off the total
    VETO = "veto"  # 一票否决

    @property
    def label(self) -> str:
        return {"item": "项目扣分", "bonus": "加分", "deduction": "扣分", "veto": "一票否决"}[self.value]


# ---------------------------------------------------------------- the scheme


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    points: Decimal
    method: Method
    standard: str = ""
    measure: Measure | None = None
    per: Decimal = Decimal(0)  # points off per case (per percentage point for on_time_rate)


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    points: Decimal
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Rule:
    """A bonus or deduction rule: entries add up to at most ``max`` points."""

    code: str
    name: str
    max: Decimal
    standard: str = ""


@dataclass(frozen=True)
class Veto:
    code: str
    name: str
    standard: str = ""


@dataclass(frozen=True)
class OutcomeRules:
    awards_threshold: Decimal = Decimal(95)
    recommend_threshold: Decimal = Decimal(90)
    full_pay_threshold: Decimal = Decimal(95)
    pay_cut_per_point: Decimal = Decimal(1)  # percent of the pay per percentage point below


@dataclass(frozen=True)
class Scheme:
    year: int
    version: str
    issued_by: str
    issued_on: dt.date
    total: Decimal
    bonus_cap: Decimal
    outcome: OutcomeRules
    categories: tuple[Category, ...]
    bonuses: tuple[Rule, ...]
    deductions: tuple[Rule, ...]
    vetoes: tuple[Veto, ...]
    file: str = ""
    checksum: str = ""

    def items(self) -> Iterable[tuple[Category, Item]]:
        for category in self.categories:
            for item in category.items:
                yield category, item

    def lookup(self, code: str) -> tuple[EntryKind, Item | Rule | Veto] | None:
        """What an entry's code refers to (an entered or computed item, a rule, a veto)."""
        for _category, item in self.items():
            if item.code == code:
                return EntryKind.ITEM, item
        for kind, rules in ((EntryKind.BONUS, self.bonuses), (EntryKind.DEDUCTION, self.deductions)):
            for rule in rules:
                if rule.code == code:
                    return kind, rule
        for veto in self.vetoes:
            if veto.code == code:
                return EntryKind.VETO, veto
        return None


# ---------------------------------------------------------------- loading


class _Ctx(TomlReader):
    def __init__(self, file: str, text: str) -> None:
        super().__init__(file, text, AssessmentSchemeError)


def _text(ctx: _Ctx, table: Mapping[str, Any], path: PathKey, key: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        ctx.fail((*path, key), "应为文字，用英文双引号括起来")
    value = value.strip()
    if required and not value:
        ctx.fail((*path, key), "不能为空")
    return value


def _points(ctx: _Ctx, table: Mapping[str, Any], path: PathKey, key: str, *, positive: bool = True) -> Decimal:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        ctx.fail((*path, key), "应为分数（数字，不加引号），如 60 或 2.5")
    try:
        points = Decimal(str(value))
    except InvalidOperation:  # nan / inf
        ctx.fail((*path, key), "应为有限的数字")
    if not points.is_finite():
        ctx.fail((*path, key), "应为有限的数字")
    if points < 0 or (positive and points == 0):
        ctx.fail((*path, key), "应大于 0" if positive else "不能为负数")
    if points > 10000:
        ctx.fail((*path, key), f"分数 {points} 过大")
    if points != points.quantize(CENT):
        ctx.fail((*path, key), "分数最多保留两位小数")
    return points


def _code(ctx: _Ctx, table: Mapping[str, Any], path: PathKey, seen: dict[str, PathKey]) -> str:
    code = _text(ctx, table, path, "code")
    if not re.fullmatch(r"[A-Z]{2,4}(-[0-9]{1,3})?", code):
        ctx.fail((*path, "code"), f"编码“{code}”格式不对，应为大写字母（可加“-数字”），如 TD 或 TD-01")
    if code in seen:
        ctx.fail((*path, "code"), f"编码 {code} 重复；每个编码在方案中只能出现一次")
    seen[code] = path
    return code


def _array(ctx: _Ctx, data: Mapping[str, Any], path: PathKey, key: str, *, required: bool) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        ctx.fail((*path, key), f"应写成若干个 [[{'.'.join(str(p) for p in path if isinstance(p, str))}"
                               f"{'.' if path else ''}{key}]] 表")
    if required and not value:
        ctx.fail((*path, key), f"至少要有一个 [[{key}]]")
    return value


_HEADER = ("year", "version", "issued_by", "issued_on", "total", "bonus_cap", "outcome",
           "categories", "bonuses", "deductions", "vetoes")
_HEADER_REQUIRED = ("year", "version", "issued_by", "issued_on", "total", "categories")
_OUTCOME = ("awards_threshold", "recommend_threshold", "full_pay_threshold", "pay_cut_per_point")
_ITEM = ("code", "name", "points", "method", "standard", "measure", "per")
_RULE = ("code", "name", "max", "standard")
_VETO = ("code", "name", "standard")


def parse_scheme(text: str, file: str) -> Scheme:
    """Check a scheme file's text and return the :class:`Scheme`; errors name line and field."""
    ctx = _Ctx(file, text)
    data = ctx.load()
    ctx.keys(data, (), _HEADER, _HEADER_REQUIRED)
    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        ctx.fail(("year",), "应为 2000—2100 之间的年份，如 2026")
    version = _text(ctx, data, (), "version")
    issued_by = _text(ctx, data, (), "issued_by")
    issued_on = data["issued_on"]
    if isinstance(issued_on, dt.datetime) or not isinstance(issued_on, dt.date):
        ctx.fail(("issued_on",), "应为日期，写成 issued_on = 2026-01-10（不加引号）")
    total = _points(ctx, data, (), "total")
    if total != SCHEME_TOTAL:
        ctx.fail(("total",), f"千分制考核的总分应为 {SCHEME_TOTAL}，实际写的是 {total}")
    bonus_cap = _points(ctx, data, (), "bonus_cap", positive=False) if "bonus_cap" in data else Decimal(0)

    outcome = OutcomeRules()
    if "outcome" in data:
        table = data["outcome"]
        ctx.keys(table, ("outcome",), _OUTCOME, ())
        values = {k: _points(ctx, table, ("outcome",), k, positive=False) for k in _OUTCOME if k in table}
        for key, value in values.items():
            if key != "pay_cut_per_point" and value > HUNDRED:
                ctx.fail(("outcome", key), "是百分比，不能大于 100")
        outcome = OutcomeRules(**values)
        if outcome.recommend_threshold > outcome.awards_threshold:
            ctx.fail(("outcome", "recommend_threshold"), "推荐提拔的分数线不应高于评先评优的分数线")

    seen: dict[str, PathKey] = {}
    categories: list[Category] = []
    for c_no, raw in enumerate(_array(ctx, data, (), "categories", required=True), start=1):
        c_path: PathKey = ("categories", c_no)
        ctx.keys(raw, c_path, ("code", "name", "points", "items"), ("code", "name", "points", "items"))
        code = _code(ctx, raw, c_path, seen)
        name = _text(ctx, raw, c_path, "name")
        points = _points(ctx, raw, c_path, "points")
        items: list[Item] = []
        for i_no, raw_item in enumerate(_array(ctx, raw, c_path, "items", required=True), start=1):
            items.append(_item(ctx, raw_item, (*c_path, "items", i_no), seen))
        item_sum = sum((i.points for i in items), Decimal(0))
        if item_sum != points:
            ctx.fail((*c_path, "points"), f"“{name}”为 {points} 分，但其下各项目分值之和为 {item_sum} 分，两者应相等")
        categories.append(Category(code, name, points, tuple(items)))
    category_sum = sum((c.points for c in categories), Decimal(0))
    if category_sum != total:
        ctx.fail(("total",), f"各类分值之和为 {category_sum} 分，应正好为 {total} 分"
                             f"（{'、'.join(f'{c.name}{c.points}' for c in categories)}）")

    rules: dict[str, list[Rule]] = {"bonuses": [], "deductions": []}
    for key, found in rules.items():
        for r_no, raw in enumerate(_array(ctx, data, (), key, required=False), start=1):
            r_path: PathKey = (key, r_no)
            ctx.keys(raw, r_path, _RULE, ("code", "name", "max"))
            found.append(Rule(_code(ctx, raw, r_path, seen), _text(ctx, raw, r_path, "name"),
                              _points(ctx, raw, r_path, "max"), _text(ctx, raw, r_path, "standard", required=False)))
    vetoes: list[Veto] = []
    for v_no, raw in enumerate(_array(ctx, data, (), "vetoes", required=False), start=1):
        v_path: PathKey = ("vetoes", v_no)
        ctx.keys(raw, v_path, _VETO, ("code", "name"))
        vetoes.append(Veto(_code(ctx, raw, v_path, seen), _text(ctx, raw, v_path, "name"),
                           _text(ctx, raw, v_path, "standard", required=False)))
    return Scheme(year=year, version=version, issued_by=issued_by, issued_on=issued_on, total=total,
                  bonus_cap=bonus_cap, outcome=outcome, categories=tuple(categories),
                  bonuses=tuple(rules["bonuses"]), deductions=tuple(rules["deductions"]),
                  vetoes=tuple(vetoes), file=file,
                  checksum=hashlib.sha256(text.encode("utf-8")).hexdigest())


def _item(ctx: _Ctx, raw: Any, path: PathKey, seen: dict[str, PathKey]) -> Item:
    ctx.keys(raw, path, _ITEM, ("code", "name", "points", "method"))
    code = _code(ctx, raw, path, seen)
    name = _text(ctx, raw, path, "name")
    points = _points(ctx, raw, path, "points")
    method_text = _text(ctx, raw, path, "method")
    if method_text not in tuple(Method):
        ctx.fail((*path, "method"), f"评分方式“{method_text}”不认识，应为 entered（录入）或 computed（自动计算）")
    method = Method(method_text)
    standard = _text(ctx, raw, path, "standard", required=False)
    if method is Method.ENTERED:
        for key in ("measure", "per"):
            if key in raw:
                ctx.fail((*path, key), "录入项目（method = \"entered\"）不用写此字段；自动计算的项目才写")
        return Item(code, name, points, method, standard)
    for key in ("measure", "per"):
        if key not in raw:
            ctx.fail((*path, key), f"自动计算的项目（method = \"computed\"）须写 {key}")
    measure_text = _text(ctx, raw, path, "measure")
    if measure_text not in tuple(Measure):
        ctx.fail((*path, "measure"), f"计算内容“{measure_text}”不认识，应为：{'、'.join(Measure)}")
    per = _points(ctx, raw, path, "per")
    return Item(code, name, points, method, standard, Measure(measure_text), per)


def scheme_dir(directory: Path | None = None) -> Path:
    return directory if directory is not None else resource_path(SCHEME_DIR)


def available_years(directory: Path | None = None) -> list[int]:
    root = scheme_dir(directory)
    years = [int(m.group(1)) for p in root.glob("scheme-*.toml") if (m := SCHEME_FILE.match(p.name))]
    return sorted(years)


def load_scheme(year: int, directory: Path | None = None) -> Scheme:
    """The scheme that applies to ``year``: that year's file, else the latest earlier one."""
    root = scheme_dir(directory)
    usable = [y for y in available_years(root) if y <= year]
    if not usable:
        raise AssessmentSchemeError(str(root), None, "file", f"没有适用于 {year} 年的考核方案文件（scheme-{year}.toml）")
    name = f"scheme-{usable[-1]}.toml"
    scheme = parse_scheme(read_data_file(root / name, AssessmentSchemeError), name)
    if scheme.year != usable[-1]:
        raise AssessmentSchemeError(name, None, "year", f"文件名是 {usable[-1]} 年的方案，文件里却写着 year = {scheme.year}")
    return scheme


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class CaseFacts:
    """What the computed items count, for one office and year (see AssessmentService)."""

    on_time: int = 0
    completed_late: int = 0
    open_overdue: int = 0
    late_notices: int = 0
    overdue_follow_ups: int = 0
    late_supervision: int = 0
    late_packages: int = 0
    study_weeks_short: int = 0
    articles_short: int = 0

    @property
    def judged(self) -> int:
        return self.on_time + self.completed_late

    @property
    def overdue(self) -> int:
        return self.completed_late + self.open_overdue


@dataclass(frozen=True)
class EntryFact:
    """An entered score as scoring sees it (the service's entries, withdrawn ones left out)."""

    code: str
    points: Decimal
    note: str
    evidence: str = ""


@dataclass(frozen=True)
class ItemResult:
    category_code: str
    item: Item
    deducted: Decimal
    got: Decimal
    detail: str  # what the computation found, or the entered deductions' notes
    notes: tuple[str, ...] = ()

    @property
    def computed(self) -> bool:
        return self.item.method is Method.COMPUTED


@dataclass(frozen=True)
class CategoryResult:
    category: Category
    got: Decimal
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    points: Decimal  # after the rule's cap
    notes: tuple[str, ...]


@dataclass(frozen=True)
class VetoResult:
    veto: Veto
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    percentage: Decimal
    vetoed: bool
    awards_eligible: bool
    head_recommended: bool
    pay_coefficient: Decimal

    @property
    def text(self) -> str:
        """One line for screens and the score sheet."""
        if self.vetoed:
            return "一票否决：不得评先评优，所长不予推荐提拔"
        parts = ["可参加评先评优" if self.awards_eligible else "不得评先评优"]
        parts.append("所长可推荐提拔" if self.head_recommended else "所长不予推荐提拔")
        return "，".join(parts)


@dataclass(frozen=True)
class AssessmentResult:
    scheme: Scheme
    categories: tuple[CategoryResult, ...]
    base: Decimal  # sum of the items
    bonus: Decimal  # after every cap
    deduction: Decimal
    total: Decimal
    bonuses: tuple[RuleResult, ...]
    deductions: tuple[RuleResult, ...]
    vetoes: tuple[VetoResult, ...]  # the triggered ones
    verdict: Verdict

    @property
    def percentage(self) -> Decimal:
        return self.verdict.percentage


def pay_coefficient(percentage: Decimal, rules: OutcomeRules = OutcomeRules()) -> Decimal:
    """1 at or above the full-pay line; 1% (``pay_cut_per_point``) off per percentage point below
    it, proportionally; never below 0. Seed 004: “每递减一个百分点，考核工资下浮1%，直至扣完为止”."""
    if percentage >= rules.full_pay_threshold:
        return Decimal(1)
    cut = (rules.full_pay_threshold - percentage) * rules.pay_cut_per_point / HUNDRED
    return max(Decimal(0), Decimal(1) - cut)


def verdict(total: Decimal, vetoed: bool, scheme_total: Decimal = SCHEME_TOTAL,
            rules: OutcomeRules = OutcomeRules()) -> Verdict:
    """Thresholds of seed 004 on the exact percentage (95.0 passes, 94.99 does not)."""
    percentage = total * HUNDRED / scheme_total
    return Verdict(
        percentage=percentage,
        vetoed=vetoed,
        awards_eligible=not vetoed and percentage >= rules.awards_threshold,
        head_recommended=not vetoed and percentage >= rules.recommend_threshold,
        pay_coefficient=pay_coefficient(percentage, rules),
    )


def computed_deduction(item: Item, facts: CaseFacts) -> tuple[Decimal, str]:
    """Points off a computed item (capped at its points) and a line saying why."""
    assert item.measure is not None
    measure = item.measure
    if measure is Measure.ON_TIME_RATE:
        if not facts.judged:
            return Decimal(0), "本年度尚无到期办结的办件"
        rate = Decimal(facts.on_time) * HUNDRED / Decimal(facts.judged)
        off = ((HUNDRED - rate) * item.per).quantize(CENT, ROUND_HALF_UP)
        detail = f"按时办结 {facts.on_time}/{facts.judged} 件，按时办结率 {rate.quantize(CENT, ROUND_HALF_UP)}%"
        return min(off, item.points), detail
    count, what = {
        Measure.OVERDUE_CASES: (facts.overdue, f"超期办件 {facts.overdue} 件"
                                               f"（超期办结 {facts.completed_late}，未办结已超期 {facts.open_overdue}）"),
        Measure.LATE_NOTICES: (facts.late_notices, f"未按时一次性告知 {facts.late_notices} 件"),
        Measure.OVERDUE_FOLLOW_UPS: (facts.overdue_follow_ups, f"差评未按期回访整改 {facts.overdue_follow_ups} 件"),
        Measure.LATE_SUPERVISION: (facts.late_supervision, f"督办单未按期答复 {facts.late_supervision} 件"),
        Measure.LATE_PACKAGES: (facts.late_packages, f"任务包未按期验收出库 {facts.late_packages} 项"),
        Measure.STUDY_WEEKS_SHORT: (facts.study_weeks_short,
                                    f"每周自学不足规定时间 {facts.study_weeks_short} 人次"),
        Measure.ARTICLES_SHORT: (facts.articles_short, f"季度调研文章未完成 {facts.articles_short} 人次"),
    }[measure]
    return min(Decimal(count) * item.per, item.points), what


def score(scheme: Scheme, entries: Sequence[EntryFact], facts: CaseFacts) -> AssessmentResult:
    """The year's result from the scheme, the entered scores and the case facts."""
    by_code: dict[str, list[EntryFact]] = {}
    for entry in entries:
        by_code.setdefault(entry.code, []).append(entry)

    categories: list[CategoryResult] = []
    for category in scheme.categories:
        results: list[ItemResult] = []
        for item in category.items:
            mine = by_code.get(item.code, [])
            notes = tuple(f"扣 {fmt_points(e.points)} 分：{e.note}" for e in mine)
            if item.method is Method.COMPUTED:
                off, detail = computed_deduction(item, facts)
            else:
                off = min(item.points, sum((e.points for e in mine), Decimal(0)))
                detail = "；".join(notes)
            results.append(ItemResult(category.code, item, off, item.points - off, detail, notes))
        got = sum((r.got for r in results), Decimal(0))
        categories.append(CategoryResult(category, got, tuple(results)))
    base = sum((c.got for c in categories), Decimal(0))

    def rule_results(rules: Sequence[Rule]) -> tuple[RuleResult, ...]:
        out = []
        for rule in rules:
            mine = by_code.get(rule.code, [])
            if mine:
                points = min(rule.max, sum((e.points for e in mine), Decimal(0)))
                out.append(RuleResult(rule, points, tuple(f"{fmt_points(e.points)} 分：{e.note}" for e in mine)))
        return tuple(out)

    bonuses = rule_results(scheme.bonuses)
    deductions = rule_results(scheme.deductions)
    bonus = min(scheme.bonus_cap, sum((r.points for r in bonuses), Decimal(0)))
    deduction = sum((r.points for r in deductions), Decimal(0))
    total = max(Decimal(0), base + bonus - deduction)
    vetoes = tuple(VetoResult(v, tuple(e.note for e in by_code[v.code]))
                   for v in scheme.vetoes if by_code.get(v.code))
    return AssessmentResult(
        scheme=scheme, categories=tuple(categories), base=base, bonus=bonus, deduction=deduction,
        total=total, bonuses=bonuses, deductions=deductions, vetoes=vetoes,
        verdict=verdict(total, bool(vetoes), scheme.total, scheme.outcome))


# ---------------------------------------------------------------- checking an entry


def check_entry(scheme: Scheme, code: str, points: Decimal | str | int | float, note: str,
                already: Sequence[EntryFact] = ()) -> tuple[EntryKind, Decimal]:
    """Validate one entry against the scheme; every problem is reported at its field at once.

    ``already`` are the office's standing entries for the year: an item, or a rule, cannot
    take more than its points in total. A veto's points are always 0. Returns the kind and
    the points to store.
    """
    errors: list[ValidationError] = []
    found = scheme.lookup(code.strip())
    kind: EntryKind | None = None
    target: Item | Rule | Veto | None = None
    if found is None:
        errors.append(ValidationError("item_code", code, "unknown", f"考核方案中没有编码为“{code}”的项目"))
    else:
        kind, target = found
        if isinstance(target, Item) and target.method is Method.COMPUTED:
            errors.append(ValidationError("item_code", code, "computed",
                                          f"“{target.name}”由办件数据自动计算，不能手工录入"))
    if len(note) > MAX_NOTE:
        errors.append(ValidationError("note", note, "length", f"说明不能超过 {MAX_NOTE} 字"))
    elif not note.strip():
        reason = "一票否决必须写明事实和依据" if kind is EntryKind.VETO else "扣分、加分都必须写明理由"
        errors.append(ValidationError("note", note, "required", reason))

    value = Decimal(0)
    if kind is not EntryKind.VETO:
        try:
            value = Decimal(str(points).strip())
            if not value.is_finite():
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            errors.append(ValidationError("points", points, "number", "分数应为数字，如 2 或 0.5"))
        else:
            limit = _limit(target)
            used = sum((e.points for e in already if e.code == code), Decimal(0))
            if value <= 0:
                errors.append(ValidationError("points", points, "range", "分数应大于 0"))
            elif value != value.quantize(CENT):
                errors.append(ValidationError("points", points, "precision", "分数最多保留两位小数"))
            elif limit is not None and value + used > limit:
                left = max(Decimal(0), limit - used)
                errors.append(ValidationError(
                    "points", points, "limit",
                    f"本项最多 {fmt_points(limit)} 分，已录入 {fmt_points(used)} 分，最多还能录入 {fmt_points(left)} 分"))
    if errors:
        raise FormErrors(errors)
    assert kind is not None
    return kind, value


def _limit(target: Item | Rule | Veto | None) -> Decimal | None:
    if isinstance(target, Item):
        return target.points
    if isinstance(target, Rule):
        return target.max
    return None


def fmt_points(points: Decimal) -> str:
    """12, 2.5, 0.25 — no trailing zeros, never exponent notation."""
    return format(points.normalize(), "f")

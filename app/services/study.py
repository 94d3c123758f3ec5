"""Study records (学习监督): self-study, research articles, trainings and certificates.

Seed 004 asks every person in post for at least 2 hours of self-study a week, written down,
and one research article a quarter; those who fall short are named in a notice (通报); training
is given by tier (领导干部 / 中层干部 / 普通干部); certificates earned are rewarded. The numbers
and the tiers are data: ``resources/management/study.toml`` (:class:`StudyRules`).

How a quarter is judged, for one person:

- weeks run Monday to Sunday; a week belongs to the quarter holding its Thursday (as ISO 8601
  weeks belong to a year), so each week is judged exactly once;
- a week is judged only once it has ended (its Sunday is before today) and only if the person
  had at least ``week_min_working_days`` working days in it by the work calendar, counted from
  the day they joined: the Spring Festival week has none, a new colleague's first half week
  too few;
- a judged week is short when its self-study hours add up to less than the weekly minimum
  (1.5 h is short, 2.0 h is not);
- the quarter's articles are those dated in the calendar quarter; a person who could be judged
  for fewer than ``article_min_weeks`` weeks of the quarter owes none, and a quarter is judged
  for articles only once it has ended;
- a person joined on the day their account was created, or on the day of their first study
  record if that is earlier (records entered for the time before the office used landdesk);
  people whose account is disabled have left and are not counted (the schema keeps no leaving
  date).

Withdrawn records stay on file with who withdrew them and why; they count for nothing.

At the county (县局) every township's records arrive in the sync batches: every listing here
then covers every township (office name and code on each line, optional office filter) and
every write is refused.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

# The catalogue's TOML line locator and syntax hints serve every data file of the county.
from app.dto import Role
from app.errors import FormErrors, NotFoundError, PermissionDenied, ValidationError
from app.evidence import EvidenceStore
from app.models import CalendarYear, Holiday, Office, StudyRecord, User
from app.permissions import Action
from app.resources import resource_path
from app.services.context import ServiceContext, local_date
from app.services.reference import ReferenceService
from app.tomlfile import DataFileError, TomlReader, read_data_file
from app.workcalendar import CalendarEntry, WorkCalendar

RULES_FILE = ("management", "study.toml")
COUNTY_REFUSAL = "县局只能查看各乡镇所的学习记录，不能登记或撤销"
MAX_TITLE = 200
MAX_ORGANISER = 100
MAX_CERTIFICATE_NO = 60
MAX_NOTE = 2000
FIRST_YEAR = 2000

PathKey = tuple[str | int, ...]


class StudyKind(StrEnum):
    """What a study record is; the code branches on these four."""

    SELF_STUDY = "self_study"
    ARTICLE = "article"
    TRAINING = "training"
    CERTIFICATE = "certificate"

    @property
    def label(self) -> str:
        return {"self_study": "自学", "article": "调研文章", "training": "培训",
                "certificate": "证书"}[self.value]


class LineStatus(StrEnum):
    MET = "met"  # 达标
    SHORT = "short"  # 未达标
    PENDING = "pending"  # nothing short yet, the quarter's article still to come

    @property
    def label(self) -> str:
        return {"met": "达标", "short": "未达标", "pending": "待完成"}[self.value]


# ================================================================ rules (study.toml)


class StudyRulesError(DataFileError):
    """The study rules file is malformed: says which file, line and field."""

    what = "学习制度文件"


@dataclass(frozen=True)
class Tier:
    code: str
    name: str
    roles: frozenset[Role]
    focus: str
    training_hours_per_year: Decimal
    default: bool = False


@dataclass(frozen=True)
class ArticleLevel:
    code: str
    name: str


@dataclass(frozen=True)
class StudyRules:
    version: str
    weekly_self_study_hours: Decimal
    articles_per_quarter: int
    week_min_working_days: int
    article_min_weeks: int
    hours_step: Decimal
    max_self_study_hours_per_day: Decimal
    max_training_hours: Decimal
    own_entry_days: int
    tiers: tuple[Tier, ...]
    article_levels: tuple[ArticleLevel, ...]
    certificate_kinds: tuple[str, ...]

    def tier_for(self, roles: Iterable[Role]) -> Tier:
        """The first tier (in file order) one of whose roles the person holds, else the default."""
        held = set(roles)
        for tier in self.tiers:
            if tier.roles & held:
                return tier
        return next(t for t in self.tiers if t.default)

    def tier(self, code: str) -> Tier | None:
        return next((t for t in self.tiers if t.code == code), None)

    def level(self, code: str) -> ArticleLevel | None:
        return next((a for a in self.article_levels if a.code == code), None)


_TOP = ("version", "rules", "tiers", "article_levels", "certificate_kinds")
_RULES = {
    "weekly_self_study_hours": "hours", "articles_per_quarter": "count", "week_min_working_days": "days",
    "article_min_weeks": "count", "hours_step": "hours", "max_self_study_hours_per_day": "hours",
    "max_training_hours": "hours", "own_entry_days": "count",
}
_TIER_KEYS = ("code", "name", "roles", "focus", "training_hours_per_year", "default")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,11}$")  # fits study_record.tier (12 characters)


class _Doc(TomlReader):
    def __init__(self, file: str, text: str) -> None:
        super().__init__(file, text, StudyRulesError)

    def text_of(self, table: Mapping[str, Any], path: PathKey, key: str, *, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.fail((*path, key), "应为文字，用英文双引号括起来")
        value = value.strip()
        if required and not value:
            self.fail((*path, key), "不能为空")
        return value

    def number(self, table: Mapping[str, Any], path: PathKey, key: str, *, integer: bool,
               allow_zero: bool = False) -> Decimal:
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or (integer and not isinstance(value, int)):
            self.fail((*path, key), "应为整数（不加引号），如 3" if integer else "应为数字（不加引号），如 2 或 0.5")
        try:
            number = Decimal(str(value))
        except InvalidOperation:  # pragma: no cover - TOML floats always convert
            self.fail((*path, key), "不是有效的数字")
        if not number.is_finite() or number < 0 or (number == 0 and not allow_zero):
            self.fail((*path, key), "应为大于 0 的数字" if not allow_zero else "不能为负数")
        if number > 10000:
            self.fail((*path, key), "数值过大（不应超过 10000）")
        return number

    def array(self, data: Mapping[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            self.fail((key,), f"至少要写一项 [[{key}]]")
        return value


def parse_rules(text: str, file: str = "study.toml") -> StudyRules:
    """Check the rules file's text and return :class:`StudyRules`; errors name the line and field."""
    doc = _Doc(file, text)
    data = doc.keys(doc.load(), (), _TOP, _TOP)
    version = doc.text_of(data, (), "version")
    table = doc.keys(data["rules"], ("rules",), tuple(_RULES), tuple(_RULES))
    values = {key: doc.number(table, ("rules",), key, integer=kind in ("count", "days"),
                              allow_zero=key == "article_min_weeks" or key == "articles_per_quarter")
              for key, kind in _RULES.items()}
    for key, kind in _RULES.items():
        # Hours are kept with one decimal place (study_record.hours is NUMERIC(5,1)).
        if kind == "hours" and values[key] != values[key].quantize(Decimal("0.1")):
            doc.fail(("rules", key), "学时最多保留一位小数，如 0.5")
    step = values["hours_step"]
    if step > 8:
        doc.fail(("rules", "hours_step"), "登记学时的步长不应超过 8 小时")
    for key in ("weekly_self_study_hours", "max_self_study_hours_per_day", "max_training_hours"):
        if values[key] % step:
            doc.fail(("rules", key), f"应为 hours_step（{step}）的整数倍")
    if values["week_min_working_days"] > 7:
        doc.fail(("rules", "week_min_working_days"), "一周最多 7 天")
    if values["max_self_study_hours_per_day"] > 24:
        doc.fail(("rules", "max_self_study_hours_per_day"), "一天最多 24 小时")
    if values["weekly_self_study_hours"] > values["max_self_study_hours_per_day"] * 7:
        doc.fail(("rules", "weekly_self_study_hours"), "每周要求的自学时间超过了一周能登记的上限")

    known_roles = {r.value: r for r in Role}
    tiers: list[Tier] = []
    seen: set[str] = set()
    for no, raw in enumerate(doc.array(data, "tiers"), start=1):
        path: PathKey = ("tiers", no)
        doc.keys(raw, path, _TIER_KEYS, ("code", "name", "roles"))
        code = doc.text_of(raw, path, "code")
        if not _CODE.match(code):
            doc.fail((*path, "code"), "应为 1—12 位小写英文字母、数字或下划线，以字母开头，如 leader")
        if code in seen:
            doc.fail((*path, "code"), f"层级代码 {code} 重复")
        seen.add(code)
        roles_raw = raw["roles"]
        if not isinstance(roles_raw, list) or not all(isinstance(r, str) for r in roles_raw):
            doc.fail((*path, "roles"), '应为角色代码的列表，如 ["leader", "deputy_leader"]')
        roles: set[Role] = set()
        for role in roles_raw:
            if role not in known_roles:
                close = difflib.get_close_matches(role, list(known_roles), n=1, cutoff=0.6)
                hint = f"是否想写 {close[0]}？" if close else ""
                doc.fail((*path, "roles"), f"未知角色“{role}”。{hint}可用的角色为：{'、'.join(known_roles)}")
            if any(Role(role) in t.roles for t in tiers):
                doc.fail((*path, "roles"), f"角色 {role} 已经属于前面的层级")
            roles.add(Role(role))
        default = raw.get("default", False)
        if not isinstance(default, bool):
            doc.fail((*path, "default"), "应为 true 或 false（小写，不加引号）")
        hours = (doc.number(raw, path, "training_hours_per_year", integer=False, allow_zero=True)
                 if "training_hours_per_year" in raw else Decimal(0))
        tiers.append(Tier(code, doc.text_of(raw, path, "name"), frozenset(roles),
                          doc.text_of(raw, path, "focus", required=False), hours, default))
    defaults = [t for t in tiers if t.default]
    if len(defaults) != 1:
        doc.fail(("tiers",), "应正好有一个层级写 default = true（不属于其他层级的人员归入该层级）")

    levels: list[ArticleLevel] = []
    seen = set()
    for no, raw in enumerate(doc.array(data, "article_levels"), start=1):
        path = ("article_levels", no)
        doc.keys(raw, path, ("code", "name"), ("code", "name"))
        code = doc.text_of(raw, path, "code")
        if not _CODE.match(code):
            doc.fail((*path, "code"), "应为 1—12 位小写英文字母、数字或下划线，以字母开头，如 county")
        if code in seen:
            doc.fail((*path, "code"), f"采用级别代码 {code} 重复")
        seen.add(code)
        levels.append(ArticleLevel(code, doc.text_of(raw, path, "name")))

    kinds: list[str] = []
    for no, raw in enumerate(doc.array(data, "certificate_kinds"), start=1):
        path = ("certificate_kinds", no)
        doc.keys(raw, path, ("name",), ("name",))
        kinds.append(doc.text_of(raw, path, "name"))

    return StudyRules(
        version=version,
        weekly_self_study_hours=values["weekly_self_study_hours"],
        articles_per_quarter=int(values["articles_per_quarter"]),
        week_min_working_days=int(values["week_min_working_days"]),
        article_min_weeks=int(values["article_min_weeks"]),
        hours_step=step,
        max_self_study_hours_per_day=values["max_self_study_hours_per_day"],
        max_training_hours=values["max_training_hours"],
        own_entry_days=int(values["own_entry_days"]),
        tiers=tuple(tiers),
        article_levels=tuple(levels),
        certificate_kinds=tuple(kinds),
    )


def rules_path() -> Path:
    return resource_path(*RULES_FILE)


def load_rules(path: Path | None = None) -> StudyRules:
    """The rules from ``path`` (default: the shipped study.toml), re-read when the file changes."""
    target = path or rules_path()
    try:
        stamp = os.stat(target).st_mtime_ns
    except OSError as exc:
        raise StudyRulesError(target.name, None, "file", f"无法读取：{exc.strerror or exc}") from None
    return _load_rules(target, stamp)


@lru_cache(maxsize=4)
def _load_rules(path: Path, _stamp: int) -> StudyRules:
    return parse_rules(read_data_file(path, StudyRulesError), path.name)


# ================================================================ weeks and quarters


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last calendar day of a quarter."""
    first = dt.date(year, 3 * quarter - 2, 1)
    last = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, last - dt.timedelta(days=1)


def quarter_weeks(year: int, quarter: int) -> list[dt.date]:
    """The Mondays of the weeks judged in a quarter: those whose Thursday falls in it."""
    first, last = quarter_bounds(year, quarter)
    thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
    mondays: list[dt.date] = []
    while thursday <= last:
        mondays.append(thursday - dt.timedelta(days=3))
        thursday += dt.timedelta(days=7)
    return mondays


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年第{'一二三四'[quarter - 1]}季度"


# ================================================================ what callers get


@dataclass(frozen=True)
class StudyOffice:
    id: uuid.UUID
    code: str
    name: str


@dataclass(frozen=True)
class PersonItem:
    id: uuid.UUID
    office_id: uuid.UUID
    username: str
    name: str
    tier_code: str
    tier_name: str
    joined: dt.date  # counted from this day (see the module docstring)


@dataclass(frozen=True)
class StudyInput:
    """One record as typed in. ``user_id`` None records for oneself.

    ``title``: the topic (self-study), the article's title, the training's title, or the
    certificate's name. ``organiser``: where an article was published, who gave a training,
    who issued a certificate. ``level``: an article's adoption level code, or a training's tier
    code (both from study.toml).
    """

    kind: StudyKind
    on_date: dt.date
    title: str
    hours: Decimal | str | int | float | None = None
    organiser: str = ""
    level: str = ""
    certificate_no: str = ""
    note: str = ""
    evidence_file: Path | None = None
    user_id: uuid.UUID | None = None


@dataclass(frozen=True)
class StudyItem:
    id: uuid.UUID
    office: StudyOffice
    user_id: uuid.UUID
    person: str
    kind: StudyKind
    on_date: dt.date
    hours: Decimal
    title: str
    level: str  # training: tier code; article: adoption level code
    level_name: str
    organiser: str
    certificate_no: str
    note: str
    evidence_file: str
    evidence_sha256: str
    recorded_by: str
    recorded_at: dt.datetime
    withdrawn_at: dt.datetime | None
    withdrawn_by: str
    withdraw_reason: str

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclass(frozen=True)
class WeekInfo:
    """A week of the quarter as the calendar sees it (not yet per person)."""

    monday: dt.date
    working_days: int
    ended: bool

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)


@dataclass(frozen=True)
class ShortWeek:
    monday: dt.date
    hours: Decimal

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def label(self) -> str:
        return f"{self.monday:%m.%d}—{self.sunday:%m.%d}（{fmt_hours(self.hours)}h）"


@dataclass(frozen=True)
class PersonLine:
    person: PersonItem
    weeks_judged: int  # ended weeks with enough working days
    short_weeks: tuple[ShortWeek, ...]
    self_study_hours: Decimal
    articles: int
    articles_required: int
    trainings: int
    training_hours: Decimal
    certificates: int
    tier_training_hours: Decimal  # this year through the quarter's end (or today)
    tier_training_required: Decimal
    quarter_ended: bool

    @property
    def weeks_short(self) -> int:
        return len(self.short_weeks)

    @property
    def article_short(self) -> bool:
        return self.quarter_ended and self.articles < self.articles_required

    @property
    def status(self) -> LineStatus:
        if self.short_weeks or self.article_short:
            return LineStatus.SHORT
        if self.articles < self.articles_required:
            return LineStatus.PENDING
        return LineStatus.MET

    def reasons(self) -> str:
        """Why the person falls short, in words for the register and the notice."""
        parts: list[str] = []
        if self.short_weeks:
            parts.append(f"自学不足 {self.weeks_short} 周：" + "、".join(w.label for w in self.short_weeks))
        if self.article_short:
            parts.append(f"调研文章 {self.articles} 篇，应不少于 {self.articles_required} 篇")
        return "；".join(parts)


@dataclass(frozen=True)
class OfficeRegister:
    office: StudyOffice
    lines: tuple[PersonLine, ...]

    @property
    def counted(self) -> int:
        return len(self.lines)

    @property
    def met(self) -> int:
        return sum(1 for line in self.lines if line.status is LineStatus.MET)

    @property
    def short(self) -> tuple[PersonLine, ...]:
        return tuple(line for line in self.lines if line.status is LineStatus.SHORT)

    @property
    def person_weeks_short(self) -> int:
        return sum(line.weeks_short for line in self.lines)

    @property
    def articles_short(self) -> int:
        return sum(1 for line in self.lines if line.article_short)

    @property
    def compliance_rate(self) -> Decimal | None:
        """Share of people not short (pending ones included: nothing is missing yet), 0–1."""
        if not self.lines:
            return None
        return Decimal(self.counted - len(self.short)) / Decimal(self.counted)


@dataclass(frozen=True)
class StudyRegister:
    """学习情况季度登记表 for one office, or at the county for every (or one) township."""

    year: int
    quarter: int
    first_day: dt.date
    last_day: dt.date
    today: dt.date
    rules: StudyRules
    weeks: tuple[WeekInfo, ...]
    offices: tuple[OfficeRegister, ...]
    at_county: bool
    county_name: str  # the county bureau's name at the county, else the office's county
    calendar_uncertain: bool  # the quarter's year has no published holiday arrangement

    @property
    def label(self) -> str:
        return quarter_label(self.year, self.quarter)

    @property
    def ended(self) -> bool:
        return self.last_day < self.today

    @property
    def lines(self) -> tuple[PersonLine, ...]:
        return tuple(line for office in self.offices for line in office.lines)

    @property
    def compliance_rate(self) -> Decimal | None:
        lines = self.lines
        if not lines:
            return None
        return Decimal(sum(1 for x in lines if x.status is not LineStatus.SHORT)) / Decimal(len(lines))


@dataclass(frozen=True)
class StudyCard:
    """个人学习记录卡: one person's records and quarters in one year."""

    person: PersonItem
    office: StudyOffice
    year: int
    today: dt.date
    rules: StudyRules
    records: tuple[StudyItem, ...]  # standing records of the year, oldest first
    quarters: tuple[tuple[int, PersonLine | None], ...]  # None: the quarter has not begun
    tier_training_hours: Decimal
    tier_training_required: Decimal


@dataclass(frozen=True)
class StudyShortfall:
    """For the assessment: person-weeks short of self-study and person-quarters without the
    required article(s), over the year's weeks and quarters that have ended."""

    weeks_short: int = 0
    articles_short: int = 0


def fmt_hours(value: Decimal) -> str:
    """2 / 1.5 — no trailing zeros."""
    text = f"{value.normalize():f}" if value else "0"
    return text


# ================================================================ computing


@dataclass
class _Person:
    id: uuid.UUID
    office_id: uuid.UUID
    username: str
    name: str
    roles: tuple[Role, ...]
    joined: dt.date


@dataclass(frozen=True)
class _Rec:
    user_id: uuid.UUID
    kind: str
    on_date: dt.date
    hours: Decimal
    tier: str


@dataclass
class _Facts:
    """Everything the quarter computations need, loaded in a few queries."""

    people: dict[uuid.UUID, list[_Person]]  # by office, ordered by tier then name
    records: dict[uuid.UUID, list[_Rec]] = field(default_factory=dict)  # by person


def _roles(text: str) -> tuple[Role, ...]:
    known = {r.value for r in Role}
    return tuple(Role(r) for r in text.split(",") if r in known)


def calendar_from(s: Session) -> WorkCalendar:
    """The work calendar as the database holds it (for callers without a ReferenceService)."""
    entries = [CalendarEntry(day=h.day, is_workday=h.is_workday, name=h.name) for h in s.scalars(select(Holiday))]
    return WorkCalendar(entries, set(s.scalars(select(CalendarYear.year))))


def _load_facts(s: Session, rules: StudyRules, office_ids: Sequence[uuid.UUID], first: dt.date,
                last: dt.date, only_user: uuid.UUID | None = None) -> _Facts:
    """Active people of the offices, and their standing records dated first..last."""
    if not office_ids:
        return _Facts({})
    query = (select(User.id, User.office_id, User.username, User.display_name, User.roles, User.created_at)
             .where(User.office_id.in_(office_ids), User.active.is_(True)))
    if only_user is not None:
        query = query.where(User.id == only_user)
    rows = s.execute(query).all()
    ids = [r[0] for r in rows]
    first_records: dict[uuid.UUID, dt.date] = dict(s.execute(  # type: ignore[arg-type]
        select(StudyRecord.user_id, func.min(StudyRecord.on_date))
        .where(StudyRecord.user_id.in_(ids), StudyRecord.withdrawn_at.is_(None))
        .group_by(StudyRecord.user_id)).all()) if ids else {}
    people: dict[uuid.UUID, list[_Person]] = {o: [] for o in office_ids}
    order = {t.code: i for i, t in enumerate(rules.tiers)}
    for user_id, office_id, username, name, roles_text, created_at in rows:
        joined = local_date(created_at)
        if user_id in first_records:
            joined = min(joined, first_records[user_id])
        people[office_id].append(_Person(user_id, office_id, username, name, _roles(roles_text), joined))
    for group in people.values():
        group.sort(key=lambda p: (order[rules.tier_for(p.roles).code], p.joined, p.name))
    facts = _Facts(people)
    if ids:
        for rec in s.execute(
                select(StudyRecord.user_id, StudyRecord.kind, StudyRecord.on_date, StudyRecord.hours,
                       StudyRecord.tier)
                .where(StudyRecord.user_id.in_(ids), StudyRecord.withdrawn_at.is_(None),
                       StudyRecord.on_date >= first, StudyRecord.on_date <= last)):
            facts.records.setdefault(rec[0], []).append(
                _Rec(rec[0], rec[1], rec[2], Decimal(rec[3] or 0), rec[4] or ""))
    return facts


def _working_days(calendar: WorkCalendar, first: dt.date, last: dt.date) -> int:
    if last < first:
        return 0
    return calendar.working_days_between(first - dt.timedelta(days=1), last)


def _person_line(rules: StudyRules, calendar: WorkCalendar, person: _Person, records: Sequence[_Rec],
                 year: int, quarter: int, today: dt.date) -> PersonLine | None:
    """One person's quarter; None when none of its weeks is theirs (not yet joined, or joined too
    late in it, or gone by ``today``)."""
    first, last = quarter_bounds(year, quarter)
    if person.joined > min(last, today):
        return None
    tier = rules.tier_for(person.roles)
    weekly = rules.weekly_self_study_hours
    eligible = judged = 0
    short: list[ShortWeek] = []
    mondays = quarter_weeks(year, quarter)
    for monday in mondays:
        sunday = monday + dt.timedelta(days=6)
        days = _working_days(calendar, max(monday, person.joined), sunday)
        if days < rules.week_min_working_days:
            continue
        eligible += 1
        if sunday >= today:
            continue  # not over yet: the person may still study this week
        judged += 1
        hours = sum((r.hours for r in records if r.kind == StudyKind.SELF_STUDY and monday <= r.on_date <= sunday),
                    Decimal(0))
        if hours < weekly:
            short.append(ShortWeek(monday, hours))
    if eligible == 0:
        return None  # no week of the quarter is theirs (joined in its last days)
    span_first = mondays[0] if mondays else first
    span_last = mondays[-1] + dt.timedelta(days=6) if mondays else last
    self_hours = sum((r.hours for r in records if r.kind == StudyKind.SELF_STUDY
                      and span_first <= r.on_date <= span_last), Decimal(0))
    in_quarter = [r for r in records if first <= r.on_date <= last]
    trainings = [r for r in in_quarter if r.kind == StudyKind.TRAINING]
    year_end = min(last, today)
    tier_hours = sum((r.hours for r in records if r.kind == StudyKind.TRAINING and r.tier == tier.code
                      and r.on_date.year == year and r.on_date <= year_end), Decimal(0))
    return PersonLine(
        person=PersonItem(person.id, person.office_id, person.username, person.name, tier.code, tier.name,
                          person.joined),
        weeks_judged=judged,
        short_weeks=tuple(short),
        self_study_hours=self_hours,
        articles=sum(1 for r in in_quarter if r.kind == StudyKind.ARTICLE),
        articles_required=rules.articles_per_quarter if eligible >= rules.article_min_weeks else 0,
        trainings=len(trainings),
        training_hours=sum((r.hours for r in trainings), Decimal(0)),
        certificates=sum(1 for r in in_quarter if r.kind == StudyKind.CERTIFICATE),
        tier_training_hours=tier_hours,
        tier_training_required=tier.training_hours_per_year,
        quarter_ended=last < today,
    )


def _window(year: int, quarters: Iterable[int]) -> tuple[dt.date, dt.date]:
    """Dates whose records a computation over these quarters needs (the whole year for tier hours)."""
    firsts, lasts = [dt.date(year, 1, 1)], [dt.date(year, 12, 31)]
    for q in quarters:
        mondays = quarter_weeks(year, q)
        if mondays:
            firsts.append(mondays[0])
            lasts.append(mondays[-1] + dt.timedelta(days=6))
    return min(firsts), max(lasts)


def _office_lines(rules: StudyRules, calendar: WorkCalendar, facts: _Facts, office_id: uuid.UUID,
                  year: int, quarter: int, today: dt.date) -> list[PersonLine]:
    lines = []
    for person in facts.people.get(office_id, []):
        line = _person_line(rules, calendar, person, facts.records.get(person.id, []), year, quarter, today)
        if line is not None:
            lines.append(line)
    return lines


def shortfalls(s: Session, office_ids: list[uuid.UUID], year: int, today: dt.date) -> dict[uuid.UUID, StudyShortfall]:
    """Person-weeks short and person-quarters without the required article(s), per office, over
    the weeks and quarters of ``year`` that have ended by ``today`` (for the 千分制 assessment)."""
    rules = load_rules()
    calendar = calendar_from(s)
    quarters = [q for q in range(1, 5) if quarter_bounds(year, q)[0] <= today]
    first, last = _window(year, quarters)
    facts = _load_facts(s, rules, office_ids, first, last)
    out: dict[uuid.UUID, StudyShortfall] = {}
    for office_id in office_ids:
        weeks = articles = 0
        for quarter in quarters:
            for line in _office_lines(rules, calendar, facts, office_id, year, quarter, today):
                weeks += line.weeks_short
                articles += int(line.article_short)
        out[office_id] = StudyShortfall(weeks, articles)
    return out


# ================================================================ the service

# Made once: a fresh alias per query defeats SQLAlchemy's statement cache (the demo's 300
# records took 17 s, most of it building the same SELECT again).
_PERSON = aliased(User, name="person")
_RECORDER = aliased(User, name="recorder")
_WITHDRAWER = aliased(User, name="withdrawer")



class StudyService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService, *,
                 evidence_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.reference = reference
        self.rules_file: Path | None = None  # tests point this at their own rules
        self.evidence = EvidenceStore(evidence_dir)

    # ------------------------------------------------------------ what there is

    def rules(self) -> StudyRules:
        return load_rules(self.rules_file)

    def is_county(self) -> bool:
        office_id = self.ctx.office_id
        if office_id is None:
            return False

        def load() -> bool:
            with self.ctx.reading() as s:
                return bool(s.scalar(select(Office.is_county).where(Office.id == office_id)))

        # An office never turns into the county or back: asked once per office.
        return bool(self.ctx.cached(("office_is_county", office_id), load))

    def may_manage(self) -> bool:
        """Whether the signed-in user may record for others, withdraw theirs and see the register."""
        return self._allowed(Action.MANAGE_STUDY)

    def may_record(self) -> bool:
        return self._allowed(Action.RECORD_STUDY) and not self.is_county()

    def offices(self) -> list[StudyOffice]:
        """At the county every township; at a township itself."""
        with self.ctx.reading() as s:
            return self._offices(s)

    def quarters(self, back: int = 8) -> list[tuple[int, int]]:
        """(year, quarter) choices for the register: this quarter and ``back`` before it, newest first."""
        today = self.ctx.today()
        year, quarter = today.year, quarter_of(today)
        out = []
        for _ in range(back + 1):
            out.append((year, quarter))
            year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
        return out

    def people(self, office_id: uuid.UUID | None = None) -> list[PersonItem]:
        """The people whose records the user may see: everyone of the office for a manager
        (at the county: of the chosen township), else just oneself."""
        rules = self.rules()
        today = self.ctx.today()
        manage = self.may_manage()
        if not manage and not self._allowed(Action.RECORD_STUDY):
            return []
        with self.ctx.reading() as s:
            office = self._office(s, office_id)
            only = None if manage else self.ctx.user_id
            facts = _load_facts(s, rules, [office.id], today, today, only_user=only)
        return [PersonItem(p.id, p.office_id, p.username, p.name, rules.tier_for(p.roles).code,
                           rules.tier_for(p.roles).name, p.joined)
                for p in facts.people.get(office.id, [])]

    # ------------------------------------------------------------ recording

    def record(self, entry: StudyInput) -> StudyItem:
        """Record one study record; every problem comes back at once, at its field (FormErrors)."""
        self._refuse_at_county()
        me = self.ctx.user_id
        user_id = entry.user_id or me
        for_other = user_id != me
        self.ctx.require(Action.MANAGE_STUDY if for_other else Action.RECORD_STUDY)
        rules = self.rules()
        today = self.ctx.today()
        try:
            kind = StudyKind(entry.kind)
        except ValueError:
            raise FormErrors([ValidationError("kind", entry.kind, "unknown", "请选择记录类别")]) from None
        errors: list[ValidationError] = []
        hours = self._check_fields(rules, kind, entry, today, manager=self.may_manage(), errors=errors)
        if errors:
            raise FormErrors(errors)
        file_name = digest = ""
        if entry.evidence_file is not None:
            # Copied before the transaction: a copy left by a refused record is harmless (named by
            # its content) and the database never names a missing copy.
            stored = self.evidence.keep(entry.evidence_file)
            file_name, digest = stored.file_name, stored.sha256
        title = entry.title.strip()
        with self.ctx.transaction("study.record") as s:
            person = s.get(User, user_id) if user_id else None
            if person is None or person.office_id != self.ctx.office_id:
                raise FormErrors([ValidationError("user_id", user_id, "unknown", "找不到这个人员（只能为本所人员登记）")])
            if not person.active:
                raise FormErrors([ValidationError("user_id", user_id, "inactive",
                                                  f"{person.display_name} 的账号已停用，不能再登记学习记录")])
            same = select(StudyRecord.id).where(
                StudyRecord.user_id == user_id, StudyRecord.kind == kind.value,
                StudyRecord.on_date == entry.on_date, StudyRecord.title == title,
                StudyRecord.withdrawn_at.is_(None))
            if s.scalar(same.limit(1)) is not None:
                raise FormErrors([ValidationError("title", title, "duplicate",
                                                  f"{entry.on_date:%Y-%m-%d} 已登记过同样的{kind.label}记录")])
            if kind is StudyKind.SELF_STUDY:
                that_day = s.scalar(select(func.coalesce(func.sum(StudyRecord.hours), 0)).where(
                    StudyRecord.user_id == user_id, StudyRecord.kind == kind.value,
                    StudyRecord.on_date == entry.on_date, StudyRecord.withdrawn_at.is_(None)))
                day_total = Decimal(that_day or 0) + hours
                if day_total > rules.max_self_study_hours_per_day:
                    raise FormErrors([ValidationError(
                        "hours", entry.hours, "day_total",
                        f"{entry.on_date:%Y-%m-%d} 的自学合计将达 {fmt_hours(day_total)} 小时，"
                        f"一天最多登记 {fmt_hours(rules.max_self_study_hours_per_day)} 小时")])
            row = StudyRecord(
                office_id=person.office_id, user_id=user_id, kind=kind.value, on_date=entry.on_date,
                hours=hours, title=title, tier=entry.level.strip(), organiser=entry.organiser.strip(),
                certificate_no=entry.certificate_no.strip(), note=entry.note.strip(),
                evidence_file=file_name, evidence_sha256=digest, recorded_by=me, recorded_at=self.ctx.now())
            s.add(row)
            s.flush()
            [item] = self._items(s, [StudyRecord.id == row.id])
        return item

    def withdraw(self, record_id: uuid.UUID, reason: str) -> StudyItem:
        """Take back a wrong record: it stays on file, marked, with who withdrew it and why."""
        self._refuse_at_county()
        if not reason.strip():
            raise FormErrors([ValidationError("reason", reason, "required", "撤销学习记录必须写明原因")])
        with self.ctx.transaction("study.withdraw") as s:
            row = s.get(StudyRecord, record_id)
            if row is None or row.office_id != self.ctx.office_id:
                raise NotFoundError("找不到这条学习记录")
            self.ctx.require(Action.RECORD_STUDY if row.user_id == self.ctx.user_id else Action.MANAGE_STUDY)
            if row.withdrawn_at is not None:
                raise FormErrors([ValidationError("reason", reason, "withdrawn", "这条学习记录已经撤销过了")])
            row.withdrawn_at = self.ctx.now()
            row.withdrawn_by = self.ctx.user_id
            row.withdraw_reason = reason.strip()
        return self.record_item(record_id)

    def evidence_copy(self, item: StudyItem) -> Path | None:
        """The kept copy of a record's evidence file, if this installation has it."""
        return self.evidence.find(item.evidence_sha256, item.evidence_file)

    # ------------------------------------------------------------ reading

    def record_item(self, record_id: uuid.UUID) -> StudyItem:
        with self.ctx.reading() as s:
            found = self._items(s, [StudyRecord.id == record_id])
            if not found:
                raise NotFoundError("找不到这条学习记录")
            self._check_may_read(s, found[0].user_id, found[0].office.id)
        return found[0]

    def records(self, user_id: uuid.UUID | None = None, year: int | None = None, *,
                kind: StudyKind | None = None, office_id: uuid.UUID | None = None,
                include_withdrawn: bool = True) -> list[StudyItem]:
        """Records, newest first: of one person (default: oneself), or with ``user_id`` None and
        ``office_id`` given, of a whole office (managers; at the county any township)."""
        where: list[Any] = []
        with self.ctx.reading() as s:
            if user_id is None and office_id is not None:
                office = self._office(s, office_id)
                self.ctx.require(Action.MANAGE_STUDY)
                where.append(StudyRecord.office_id == office.id)
            else:
                person = user_id or self.ctx.user_id
                office_of = s.scalar(select(User.office_id).where(User.id == person))
                if office_of is None:
                    raise NotFoundError("没有这个人员")
                self._check_may_read(s, person, office_of)
                where.append(StudyRecord.user_id == person)
            if year is not None:
                where += [StudyRecord.on_date >= dt.date(year, 1, 1), StudyRecord.on_date <= dt.date(year, 12, 31)]
            if kind is not None:
                where.append(StudyRecord.kind == kind.value)
            if not include_withdrawn:
                where.append(StudyRecord.withdrawn_at.is_(None))
            items = self._items(s, where)
        return sorted(items, key=lambda i: (i.on_date, i.recorded_at), reverse=True)

    def week_hours(self, user_id: uuid.UUID | None = None, day: dt.date | None = None) -> Decimal:
        """Self-study hours of the week (Monday–Sunday) holding ``day`` (default today)."""
        day = day or self.ctx.today()
        monday = day - dt.timedelta(days=day.weekday())
        return sum((i.hours for i in self.records(user_id, kind=StudyKind.SELF_STUDY, include_withdrawn=False)
                    if monday <= i.on_date <= monday + dt.timedelta(days=6)), Decimal(0))

    def register(self, year: int, quarter: int, office_id: uuid.UUID | None = None) -> StudyRegister:
        """The quarterly register: this office, or at the county every township (or ``office_id``)."""
        self.ctx.require(Action.MANAGE_STUDY)
        if quarter not in (1, 2, 3, 4):
            raise ValidationError("quarter", quarter, "range", "季度应为 1—4")
        today = self.ctx.today()
        if not FIRST_YEAR <= year <= today.year:
            raise ValidationError("year", year, "range", f"年度应在 {FIRST_YEAR}—{today.year} 年之间")
        rules = self.rules()
        calendar = self.reference.calendar()
        first_day, last_day = quarter_bounds(year, quarter)
        with self.ctx.reading() as s:
            own = self._own(s)
            offices = self._offices(s)
            if office_id is not None:
                offices = [o for o in offices if o.id == office_id]
                if not offices:
                    raise NotFoundError("找不到该单位" if own.is_county else "只能查看本所的学习情况")
            first, last = _window(year, [quarter])
            facts = _load_facts(s, rules, [o.id for o in offices], first, last)
            county_name = own.name if own.is_county else own.county
        registers = tuple(OfficeRegister(o, tuple(_office_lines(rules, calendar, facts, o.id, year, quarter, today)))
                          for o in offices)
        weeks = tuple(WeekInfo(m, _working_days(calendar, m, m + dt.timedelta(days=6)),
                               m + dt.timedelta(days=6) < today) for m in quarter_weeks(year, quarter))
        return StudyRegister(year=year, quarter=quarter, first_day=first_day, last_day=last_day, today=today,
                             rules=rules, weeks=weeks, offices=registers, at_county=own.is_county,
                             county_name=county_name, calendar_uncertain=not calendar.is_covered(year))

    def card(self, user_id: uuid.UUID | None = None, year: int | None = None) -> StudyCard:
        """A person's study record card for a year (default: oneself, this year)."""
        today = self.ctx.today()
        year = year or today.year
        person_id = user_id or self.ctx.user_id
        if person_id is None:
            raise NotFoundError("没有这个人员")
        rules = self.rules()
        calendar = self.reference.calendar()
        with self.ctx.reading() as s:
            office_id = s.scalar(select(User.office_id).where(User.id == person_id))
            if office_id is None:
                raise NotFoundError("没有这个人员")
            self._check_may_read(s, person_id, office_id)
            office = next(o for o in self._offices(s, include_own=True) if o.id == office_id)
            first, last = _window(year, range(1, 5))
            facts = _load_facts(s, rules, [office_id], first, last, only_user=person_id)
            user = s.get(User, person_id)
            assert user is not None
        people = facts.people.get(office_id, [])
        if people:
            person = people[0]
        else:  # a disabled account: still printable, counted from its creation
            person = _Person(user.id, office_id, user.username, user.display_name, _roles(user.roles),
                             local_date(user.created_at))
        recs = facts.records.get(person.id, [])
        quarters: list[tuple[int, PersonLine | None]] = []
        for quarter in range(1, 5):
            begun = quarter_bounds(year, quarter)[0] <= today
            line = _person_line(rules, calendar, person, recs, year, quarter, today) if begun else None
            quarters.append((quarter, line))
        tier = rules.tier_for(person.roles)
        tier_hours = sum((r.hours for r in recs if r.kind == StudyKind.TRAINING and r.tier == tier.code
                          and r.on_date.year == year), Decimal(0))
        items = [i for i in self.records(person.id, year, include_withdrawn=False)]
        return StudyCard(
            person=PersonItem(person.id, office_id, person.username, person.name, tier.code, tier.name, person.joined),
            office=office, year=year, today=today, rules=rules, records=tuple(reversed(items)),
            quarters=tuple(quarters), tier_training_hours=tier_hours,
            tier_training_required=tier.training_hours_per_year)

    # ------------------------------------------------------------ helpers

    def _allowed(self, action: Action) -> bool:
        try:
            self.ctx.require(action)
        except PermissionDenied:
            return False
        return True

    def _refuse_at_county(self) -> None:
        if self.is_county():
            raise PermissionDenied("study", COUNTY_REFUSAL)

    def _own(self, s: Session) -> Office:
        own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        if own is None:
            raise NotFoundError("尚未设置单位")
        return own

    def _offices(self, s: Session, *, include_own: bool = False) -> list[StudyOffice]:
        own = self._own(s)
        if not own.is_county:
            return [StudyOffice(own.id, own.code, own.name)]
        query = select(Office.id, Office.code, Office.name).order_by(Office.code)
        if not include_own:
            query = query.where(Office.is_county.is_(False))
        return [StudyOffice(*r) for r in s.execute(query)]

    def _office(self, s: Session, office_id: uuid.UUID | None) -> StudyOffice:
        offices = self._offices(s)
        if office_id is None:
            if not offices:
                raise NotFoundError("县局尚未收到任何乡镇所的数据")
            return offices[0]
        for office in offices:
            if office.id == office_id:
                return office
        raise PermissionDenied("study", "只能查看本所的学习记录")

    def _check_may_read(self, s: Session, person: uuid.UUID, office_id: uuid.UUID) -> None:
        own = self._own(s)
        if own.is_county:
            self.ctx.require(Action.MANAGE_STUDY)
            if office_id == own.id and person != self.ctx.user_id:
                raise PermissionDenied("study", "只能查看各乡镇所的学习记录")
            return
        if office_id != own.id:
            raise PermissionDenied("study", "只能查看本所的学习记录")
        self.ctx.require(Action.RECORD_STUDY if person == self.ctx.user_id else Action.MANAGE_STUDY)

    def _check_fields(self, rules: StudyRules, kind: StudyKind, entry: StudyInput, today: dt.date, *,
                      manager: bool, errors: list[ValidationError]) -> Decimal:
        """The record's fields, checked against the rules; returns the hours (0 where none)."""
        day = entry.on_date
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            errors.append(ValidationError("on_date", day, "type", "请填写日期"))
        elif day > today:
            errors.append(ValidationError("on_date", day, "future", f"日期不能晚于今天（{today:%Y-%m-%d}）"))
        elif day.year < FIRST_YEAR:
            errors.append(ValidationError("on_date", day, "range", f"日期不能早于 {FIRST_YEAR} 年"))
        elif not manager and (today - day).days > rules.own_entry_days:
            errors.append(ValidationError(
                "on_date", day, "too_old",
                f"本人只能登记 {rules.own_entry_days} 天以内的学习记录；更早的记录请由所领导登记"))
        title = entry.title.strip()
        what = {StudyKind.SELF_STUDY: "学习内容", StudyKind.ARTICLE: "文章题目", StudyKind.TRAINING: "培训名称",
                StudyKind.CERTIFICATE: "证书名称"}[kind]
        if not title:
            errors.append(ValidationError("title", entry.title, "required", f"请填写{what}"))
        elif len(title) > MAX_TITLE:
            errors.append(ValidationError("title", entry.title, "length", f"{what}不能超过 {MAX_TITLE} 个字"))
        organiser = entry.organiser.strip()
        if len(organiser) > MAX_ORGANISER:
            errors.append(ValidationError("organiser", organiser, "length", f"不能超过 {MAX_ORGANISER} 个字"))
        if len(entry.note.strip()) > MAX_NOTE:
            errors.append(ValidationError("note", entry.note, "length", f"备注不能超过 {MAX_NOTE} 个字"))
        hours = Decimal(0)
        if kind in (StudyKind.SELF_STUDY, StudyKind.TRAINING):
            top = rules.max_self_study_hours_per_day if kind is StudyKind.SELF_STUDY else rules.max_training_hours
            hours = self._hours(rules, entry.hours, top, errors)
        elif entry.hours not in (None, "", 0):
            errors.append(ValidationError("hours", entry.hours, "not_applicable", f"{kind.label}不登记学时"))
        level = entry.level.strip()
        if kind is StudyKind.ARTICLE:
            if not organiser:
                errors.append(ValidationError("organiser", organiser, "required", "请填写发表刊物或采用单位"))
            if rules.level(level) is None:
                names = "、".join(a.name for a in rules.article_levels)
                errors.append(ValidationError("level", level, "unknown", f"请选择采用级别（{names}）"))
        elif kind is StudyKind.TRAINING:
            if not organiser:
                errors.append(ValidationError("organiser", organiser, "required", "请填写培训的主办单位"))
            if rules.tier(level) is None:
                names = "、".join(t.name for t in rules.tiers)
                errors.append(ValidationError("level", level, "unknown", f"请选择培训层级（{names}）"))
        elif level:
            errors.append(ValidationError("level", level, "not_applicable", f"{kind.label}不选层级"))
        number = entry.certificate_no.strip()
        if kind is StudyKind.CERTIFICATE:
            if not number:
                errors.append(ValidationError("certificate_no", number, "required", "请填写证书编号"))
            elif len(number) > MAX_CERTIFICATE_NO:
                errors.append(ValidationError("certificate_no", number, "length",
                                              f"证书编号不能超过 {MAX_CERTIFICATE_NO} 个字符"))
        elif number:
            errors.append(ValidationError("certificate_no", number, "not_applicable", "只有证书才填写证书编号"))
        if entry.evidence_file is not None and kind is not StudyKind.CERTIFICATE and kind is not StudyKind.ARTICLE:
            errors.append(ValidationError("evidence_file", str(entry.evidence_file), "not_applicable",
                                          "只有证书和调研文章附证明材料文件"))
        return hours

    @staticmethod
    def _hours(rules: StudyRules, raw: object, top: Decimal, errors: list[ValidationError]) -> Decimal:
        step = rules.hours_step
        text = str(raw).strip() if raw is not None else ""
        if not text:
            errors.append(ValidationError("hours", raw, "required", "请填写学时（小时）"))
            return Decimal(0)
        try:
            value = Decimal(text)
        except InvalidOperation:
            errors.append(ValidationError("hours", raw, "number", "学时应为数字，如 2 或 1.5"))
            return Decimal(0)
        if not value.is_finite() or value <= 0:
            errors.append(ValidationError("hours", raw, "positive", "学时应大于 0"))
        elif value % step:
            errors.append(ValidationError("hours", raw, "step", f"学时按 {fmt_hours(step)} 小时登记，如 1.5 或 2"))
        elif value > top:
            errors.append(ValidationError("hours", raw, "too_many", f"一次最多登记 {fmt_hours(top)} 小时"))
        else:
            return value
        return Decimal(0)

    def _items(self, s: Session, where: list[Any]) -> list[StudyItem]:
        rules = self.rules()
        person, recorder, withdrawer = _PERSON, _RECORDER, _WITHDRAWER
        rows = s.execute(
            select(StudyRecord, person.display_name, recorder.display_name, withdrawer.display_name,
                   Office.code, Office.name)
            .join(person, person.id == StudyRecord.user_id)
            .join(Office, Office.id == StudyRecord.office_id)
            .outerjoin(recorder, recorder.id == StudyRecord.recorded_by)
            .outerjoin(withdrawer, withdrawer.id == StudyRecord.withdrawn_by)
            .where(*where)).all()
        items = []
        for row, name, by, withdrawn_by, code, office_name in rows:
            kind = StudyKind(row.kind)
            level_name = ""
            if kind is StudyKind.TRAINING:
                tier = rules.tier(row.tier)
                level_name = tier.name if tier else row.tier
            elif kind is StudyKind.ARTICLE:
                level = rules.level(row.tier)
                level_name = level.name if level else row.tier
            items.append(StudyItem(
                id=row.id, office=StudyOffice(row.office_id, code, office_name), user_id=row.user_id,
                person=name, kind=kind, on_date=row.on_date, hours=Decimal(row.hours or 0), title=row.title,
                level=row.tier, level_name=level_name, organiser=row.organiser, certificate_no=row.certificate_no,
                note=row.note, evidence_file=row.evidence_file, evidence_sha256=row.evidence_sha256,
                recorded_by=by or "", recorded_at=row.recorded_at, withdrawn_at=row.withdrawn_at,
                withdrawn_by=withdrawn_by or "", withdraw_reason=row.withdraw_reason))
        return items


# ---------------------------------------------------------------- for the command line


def write_register(services: Any, year: int, quarter: int, path: Path, office_code: str | None = None) -> Path:
    """``landdesk study register --year Y --quarter Q [--office CODE] -o F.pdf|F.xlsx``."""
    from app.files import write_bytes_atomically
    from app.printing.study_docs import render_register
    from app.reports.study_excel import write_register_xlsx

    office_id = None
    if office_code:
        match = [o for o in services.study.offices() if o.code == office_code]
        if not match:
            raise NotFoundError(f"没有单位代码为 {office_code} 的乡镇所")
        office_id = match[0].id
    register = services.study.register(year, quarter, office_id)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_register_xlsx(register, path)
    write_bytes_atomically(path, render_register(register))
    return path


def write_card(services: Any, username: str, year: int, path: Path) -> Path:
    """``landdesk study card --user NAME --year Y -o F.pdf``: a person's study record card."""
    from app.files import write_bytes_atomically
    from app.printing.study_docs import render_card

    match = [p for p in services.study.people() if p.username == username]
    if not match:
        raise NotFoundError(f"本所没有登录名为 {username} 的人员")
    write_bytes_atomically(Path(path), render_card(services.study.card(match[0].id, year)))
    return Path(path)

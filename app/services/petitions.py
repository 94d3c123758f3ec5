"""Petition pairing (结对消访): each leader of the office takes one long-standing petitioner.

Seed 004: “领导班子成员将每人联系一个信访老户开展‘结对消访’活动，化解涉土信访历史遗留问题”.

- A long-standing petitioner (信访老户) is registered with the leader paired with them (a
  主要领导, 分管领导 or 所长 of the office, active). The seed gives each leader one household:
  pairing a leader who already has an open one is allowed but answered with a warning.
- Contacts (上门走访, 约谈, 电话 …, the forms in resources/management/petitions.toml) are logged
  with their date (never in the future, never before the pairing), who led them, who took
  part, what was said, what came of it and the next step. Only leaders record them
  (Action.PETITION); the contact's leader is the paired one or another leader.
- A case closes only with a resolution kind from the data file, a written resolution of at
  least ``min_resolution_chars`` characters and at least one logged contact; a closed case
  takes no contacts; it reopens with a reason.
- Re-pairing to another leader and reopening need a reason. There is no event table for
  petitions, so both are appended as a dated line to the case's history (信访经过), which
  travels to the county with the case; the audit log keeps who changed what and when, and
  :meth:`PetitionService.case` reads the case's events back from it.
- The open pairings list shows the days since the last contact (since the pairing when there
  is none), flagged past ``contact_interval_days`` and sorted with the most neglected first.

At the county every township's cases are listed (with the office on each line and an office
filter) and every write is refused: the townships own their cases.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

# The catalogue's TOML line locator and syntax hints serve every data file of the office.
from app.dto import Role
from app.errors import (
    FormErrors,
    NotFoundError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from app.models import AuditLog, Office, PetitionCase, PetitionContact, User
from app.permissions import Action
from app.resources import resource_path
from app.services.context import LOCAL_TZ, ServiceContext, local_date
from app.services.numbering import next_office_number
from app.services.office import StaffItem, roles_of
from app.services.reference import ReferenceService
from app.tomlfile import DataFileError, TomlReader, read_data_file
from app.validators import mask_id_number, parse_resident_id, validate_phone

if TYPE_CHECKING:
    from app.services import Services

RULES_FILE = ("management", "petitions.toml")
LEADER_ROLES = frozenset({Role.LEADER, Role.DEPUTY_LEADER, Role.SECTION_CHIEF})
# Leaders first in lists and pickers: 主要领导, 分管领导, then 所长.
_ROLE_RANK = {Role.LEADER: 0, Role.DEPUTY_LEADER: 1, Role.SECTION_CHIEF: 2}
COUNTY_READ_ONLY = "县局只能查看各乡镇所的结对消访台账，不能登记或修改；请由乡镇所办理后同步上报"
MAX_TEXT = 4000
MIN_REASON_CHARS = 4
EARLIEST = dt.date(1949, 10, 1)


class PetitionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"open": "结对化解中", "closed": "已化解结案"}[self.value]


class EventKind(StrEnum):
    REGISTER = "register"
    REPAIR = "repair"
    CLOSE = "close"
    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return {"register": "登记结对", "repair": "改换结对领导", "close": "化解结案",
                "reopen": "重新打开"}[self.value]

    @property
    def action(self) -> str:
        """The audit log's action name of the transaction that makes this event."""
        return f"petition.{self.value}"


# ---------------------------------------------------------------- the data file


class PetitionRulesError(DataFileError):
    """resources/management/petitions.toml is malformed: says which file, line and field."""

    what = "结对消访设置文件"


@dataclass(frozen=True)
class Choice:
    """A contact form or a resolution kind: the stored code and the printed name."""

    code: str
    name: str
    note: str = ""


@dataclass(frozen=True)
class PetitionRules:
    version: str
    contact_interval_days: int
    min_resolution_chars: int
    forms: tuple[Choice, ...]
    resolutions: tuple[Choice, ...]
    file: str = ""

    def form_name(self, code: str) -> str:
        return next((c.name for c in self.forms if c.code == code), code)

    def resolution_name(self, code: str) -> str:
        return next((c.name for c in self.resolutions if c.code == code), code)


PathKey = tuple[str | int, ...]
_TOP = ("version", "contact_interval_days", "min_resolution_chars", "forms", "resolutions")
_CHOICE = ("code", "name", "note")
_CODE = re.compile(r"[a-z][a-z0-9_]*")
# The columns the codes are stored in: petition_contact.form and petition_case.resolution_kind.
_CODE_LENGTH = {"forms": 12, "resolutions": 16}


class _Reader(TomlReader):
    def __init__(self, file: str, text: str) -> None:
        super().__init__(file, text, PetitionRulesError)

    def text_value(self, table: Mapping[str, Any], path: PathKey, key: str, *, required: bool = True,
                   longest: int = 200) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.fail((*path, key), "应为文字，用英文双引号括起来")
        value = value.strip()
        if required and not value:
            self.fail((*path, key), "不能为空")
        if len(value) > longest:
            self.fail((*path, key), f"最多 {longest} 个字，现为 {len(value)} 个字")
        return value

    def whole(self, table: Mapping[str, Any], key: str, low: int, high: int, example: int) -> int:
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail((key,), f"应为整数（不加引号），如 {key} = {example}")
        if not low <= value <= high:
            self.fail((key,), f"应在 {low}—{high} 之间，现为 {value}")
        return value

    def choices(self, data: Mapping[str, Any], key: str) -> tuple[Choice, ...]:
        raw = data[key]
        if not isinstance(raw, list) or not all(isinstance(v, dict) for v in raw):
            self.fail((key,), f"应写成若干个 [[{key}]] 表，每个有 code 和 name")
        if not raw:
            self.fail((key,), f"至少要有一个 [[{key}]]")
        out: list[Choice] = []
        codes: set[str] = set()
        names: set[str] = set()
        for number, table in enumerate(raw, start=1):
            path: PathKey = (key, number)
            self.keys(table, path, _CHOICE, ("code", "name"))
            code = self.text_value(table, path, "code")
            if not _CODE.fullmatch(code) or len(code) > _CODE_LENGTH[key]:
                self.fail((*path, "code"), f"编码“{code}”不对：应以小写英文字母开头，只用小写字母、数字和下划线，"
                                           f"最长 {_CODE_LENGTH[key]} 个字符，如 visit")
            if code in codes:
                self.fail((*path, "code"), f"编码 {code} 重复")
            name = self.text_value(table, path, "name", longest=12)
            if name in names:
                self.fail((*path, "name"), f"名称“{name}”重复")
            codes.add(code)
            names.add(name)
            out.append(Choice(code, name, self.text_value(table, path, "note", required=False)))
        return tuple(out)


def parse_petition_rules(text: str, file: str) -> PetitionRules:
    """Check the data file's text and return the rules; errors name file, line and field."""
    reader = _Reader(file, text)
    data = reader.load()
    reader.keys(data, (), _TOP, _TOP)
    version = reader.text_value(data, (), "version", longest=40)
    interval = reader.whole(data, "contact_interval_days", 1, 366, 30)
    min_chars = reader.whole(data, "min_resolution_chars", 1, 500, 20)
    return PetitionRules(version=version, contact_interval_days=interval, min_resolution_chars=min_chars,
                         forms=reader.choices(data, "forms"), resolutions=reader.choices(data, "resolutions"),
                         file=file)


def load_petition_rules(path: Path | None = None) -> PetitionRules:
    """The shipped rules (resources/management/petitions.toml), or those at ``path``."""
    path = path or resource_path(*RULES_FILE)
    return parse_petition_rules(read_data_file(path, PetitionRulesError), path.name)


# ---------------------------------------------------------------- what callers give and get


@dataclass(frozen=True)
class PetitionInput:
    """A long-standing petitioner to register and the leader to pair with them."""

    petitioner: str
    subject: str
    leader_id: uuid.UUID | None
    id_number: str = ""
    phone: str = ""
    address: str = ""
    village: str = ""
    history: str = ""
    first_petition_on: dt.date | None = None
    paired_on: dt.date | None = None  # default today; earlier when an existing pairing is entered


@dataclass(frozen=True)
class ContactInput:
    on_date: dt.date
    form: str  # a code of the data file's forms
    content: str
    outcome: str
    leader_id: uuid.UUID | None = None  # default: the paired leader
    participants: str = ""
    next_step: str = ""


@dataclass(frozen=True)
class OfficeRef:
    id: uuid.UUID
    code: str
    name: str


@dataclass(frozen=True)
class PetitionItem:
    """One line of the pairings list and of the ledger (台账)."""

    id: uuid.UUID
    office: OfficeRef
    number: str
    petitioner: str
    id_number_masked: str
    village: str
    subject: str
    leader_id: uuid.UUID
    leader_name: str
    paired_at: dt.datetime
    status: PetitionStatus
    contacts: int
    last_contact_on: dt.date | None
    days_since: int | None  # open cases only: since the last contact, or since the pairing
    overdue: bool  # open and past the contact interval
    resolution_kind: str  # the printed name
    closed_at: dt.datetime | None

    @property
    def paired_on(self) -> dt.date:
        return local_date(self.paired_at)


@dataclass(frozen=True)
class ContactItem:
    id: uuid.UUID
    on_date: dt.date
    form: str  # code
    form_name: str
    leader_id: uuid.UUID | None
    leader_name: str
    participants: str
    content: str
    outcome: str
    next_step: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class PetitionEvent:
    """Registered, re-paired, closed, reopened: read back from the audit log."""

    kind: EventKind
    at: dt.datetime
    actor: str
    text: str


@dataclass(frozen=True)
class PetitionDetail:
    item: PetitionItem
    id_number: str  # in full: the case record is kept by the office, not posted
    phone: str
    address: str
    history: str
    first_petition_on: dt.date | None
    paired_by: str
    resolution_kind_code: str
    resolution: str
    closed_by: str
    contacts: tuple[ContactItem, ...]
    events: tuple[PetitionEvent, ...]
    interval_days: int
    resolution_names: tuple[str, ...]  # the kinds a case may be closed with, for the blank record

    @property
    def id(self) -> uuid.UUID:
        return self.item.id

    @property
    def is_open(self) -> bool:
        return self.item.status is PetitionStatus.OPEN


@dataclass(frozen=True)
class Paired:
    """The result of a registration or re-pairing, with a warning to show (not an error)."""

    case: PetitionDetail
    warning: str = ""


@dataclass(frozen=True)
class PetitionLedger:
    """结对消访台账: the lines to print or export, with what the heading says."""

    office_name: str
    scope: str  # which cases: 结对化解中 / 已化解结案 / 全部, and a leader or township filter
    printed_on: dt.date
    interval_days: int
    lines: tuple[PetitionItem, ...]
    by_county: bool
    unpaired_leaders: tuple[str, ...] = field(default=())

    @property
    def open_count(self) -> int:
        return sum(1 for line in self.lines if line.status is PetitionStatus.OPEN)

    @property
    def closed_count(self) -> int:
        return len(self.lines) - self.open_count

    @property
    def overdue_count(self) -> int:
        return sum(1 for line in self.lines if line.overdue)

    @property
    def summary(self) -> str:
        text = (f"共 {len(self.lines)} 户：结对化解中 {self.open_count} 户（其中超过 {self.interval_days} 天"
                f"未联系 {self.overdue_count} 户），已化解结案 {self.closed_count} 户。")
        if self.unpaired_leaders:
            text += f"尚未结对的领导班子成员：{'、'.join(self.unpaired_leaders)}。"
        return text


# ---------------------------------------------------------------- the service


class PetitionService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference
        self.rules_path: Path | None = None  # tests point this at their own file

    # ------------------------------------------------------------ reference

    def rules(self) -> PetitionRules:
        key = ("petition_rules", self.rules_path)
        return cast(PetitionRules, self.ctx.cached(key, lambda: load_petition_rules(self.rules_path)))

    def is_county(self) -> bool:
        with self.ctx.reading() as s:
            return self._is_county(s)

    def may_record(self) -> bool:
        """Whether the signed-in person may register, log, close (a leader at a township)."""
        try:
            self._may_write()
        except PermissionDenied:
            return False
        return True

    def offices(self) -> list[OfficeRef]:
        """At the county every township (for the filter); at a township itself."""
        with self.ctx.reading() as s:
            if self._is_county(s):
                rows = s.execute(select(Office.id, Office.code, Office.name)
                                 .where(Office.is_county.is_(False)).order_by(Office.code))
                return [OfficeRef(*r) for r in rows]
            own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
            return [OfficeRef(own.id, own.code, own.name)] if own else []

    def leaders(self, office_id: uuid.UUID | None = None) -> list[StaffItem]:
        """The people a petitioner may be paired with: active 主要领导, 分管领导 and 所长."""
        with self.ctx.reading() as s:
            return self._leaders(s, office_id or self.ctx.office_id)

    def free_leaders(self) -> list[StaffItem]:
        """This office's leaders with no open pairing: whom to pair next (one household each)."""
        with self.ctx.reading() as s:
            return self._free_leaders(s, self.ctx.office_id)

    def pairing_warning(self, leader_id: uuid.UUID | None, excluding: uuid.UUID | None = None) -> str:
        """Why pairing this leader goes against the seed's “one household each”, or ""."""
        if leader_id is None:
            return ""
        with self.ctx.reading() as s:
            return self._pairing_warning(s, leader_id, excluding)

    # ------------------------------------------------------------ reading

    def pairings(self, status: PetitionStatus | None = PetitionStatus.OPEN, *, leader_id: uuid.UUID | None = None,
                 office_id: uuid.UUID | None = None) -> list[PetitionItem]:
        """Pairings, open ones most neglected first (then by number); closed ones newest first.

        ``status`` None lists both (open first). At the county every township's, optionally
        one township's (``office_id``); at a township its own.
        """
        today = self.ctx.today()
        rules = self.rules()
        with self.ctx.reading() as s:
            offices = self._readable_offices(s, office_id)
            items = self._items(s, offices, today, rules, status=status, leader_id=leader_id)
        return _sorted(items)

    def case(self, case_id: uuid.UUID) -> PetitionDetail:
        today = self.ctx.today()
        rules = self.rules()
        with self.ctx.reading() as s:
            row = s.get(PetitionCase, case_id)
            if row is None:
                raise NotFoundError("找不到该结对消访档案")
            offices = self._readable_offices(s, row.office_id)
            [item] = self._items(s, offices, today, rules, case_id=case_id)
            names = self._names(s, [row.paired_by, row.closed_by])
            contacts = s.execute(
                select(PetitionContact).where(PetitionContact.petition_id == case_id)
                .order_by(PetitionContact.on_date, PetitionContact.recorded_at)).scalars().all()
            people = self._names(s, [*(c.leader_id for c in contacts), *(c.recorded_by for c in contacts)])
            contact_items = tuple(ContactItem(
                id=c.id, on_date=c.on_date, form=c.form, form_name=rules.form_name(c.form),
                leader_id=c.leader_id, leader_name=people.get(c.leader_id, ""), participants=c.participants,
                content=c.content, outcome=c.outcome, next_step=c.next_step,
                recorded_by=people.get(c.recorded_by, ""), recorded_at=c.recorded_at) for c in contacts)
            events = self._events(s, row, rules)
            return PetitionDetail(
                item=item, id_number=row.id_number, phone=row.phone, address=row.address, history=row.history,
                first_petition_on=row.first_petition_on, paired_by=names.get(row.paired_by, ""),
                resolution_kind_code=row.resolution_kind, resolution=row.resolution,
                closed_by=names.get(row.closed_by, ""), contacts=contact_items, events=events,
                interval_days=rules.contact_interval_days,
                resolution_names=tuple(c.name for c in rules.resolutions))

    def find(self, number: str) -> PetitionDetail:
        """A case by its file number (3707021012026XF000001), readable here."""
        with self.ctx.reading() as s:
            case_id = s.scalar(select(PetitionCase.id).where(PetitionCase.number == number.strip()))
        if case_id is None:
            raise NotFoundError(f"找不到编号为 {number.strip()} 的结对消访档案")
        return self.case(case_id)

    def ledger(self, status: PetitionStatus | None = None, *, leader_id: uuid.UUID | None = None,
               office_id: uuid.UUID | None = None) -> PetitionLedger:
        """结对消访台账 for printing and Excel: the list with its heading and summary."""
        items = self.pairings(status, leader_id=leader_id, office_id=office_id)
        rules = self.rules()
        with self.ctx.reading() as s:
            by_county = self._is_county(s)
            own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
            if own is None:
                raise NotFoundError("尚未设置单位")
            scope = [{None: "全部", PetitionStatus.OPEN: "结对化解中", PetitionStatus.CLOSED: "已化解结案"}[status]]
            if office_id is not None:
                township = s.get(Office, office_id)
                scope.append(township.name if township else "")
            if leader_id is not None:
                scope.append(f"结对领导：{self._names(s, [leader_id]).get(leader_id, '')}")
            unpaired: tuple[str, ...] = ()
            if not by_county and leader_id is None and status is not PetitionStatus.CLOSED:
                unpaired = tuple(p.display_name for p in self._free_leaders(s, own.id))
        return PetitionLedger(office_name=own.name, scope="，".join(p for p in scope if p),
                              printed_on=self.ctx.today(), interval_days=rules.contact_interval_days,
                              lines=tuple(items), by_county=by_county, unpaired_leaders=unpaired)

    # ------------------------------------------------------------ writing

    def register(self, form: PetitionInput) -> Paired:
        """Register a long-standing petitioner paired with a leader (Action.PETITION).

        Every problem comes back at once at its field (FormErrors). A leader who already has
        an open pairing is accepted with a warning in the result.
        """
        self._may_write()
        today = self.ctx.today()
        with self.ctx.transaction(EventKind.REGISTER.action) as s:
            office = self._writable_office(s)
            errors: list[ValidationError] = []
            petitioner = _required(form.petitioner, "petitioner", "请填写信访人姓名", 100, errors)
            subject = _required(form.subject, "subject", "请填写信访事项（如：宅基地界址纠纷）", 200, errors)
            id_number = form.id_number.strip()
            if id_number:
                try:
                    id_number = parse_resident_id(id_number, "id_number", today=today).number
                except ValidationError as exc:
                    errors.append(exc)
            phone = form.phone.strip()
            if phone:
                try:
                    phone = validate_phone(phone, "phone")
                except ValidationError as exc:
                    errors.append(exc)
            address = _optional(form.address, "address", 200, errors)
            village = _optional(form.village, "village", 100, errors)
            history = _optional(form.history, "history", MAX_TEXT, errors)
            first = form.first_petition_on
            if first is not None and not EARLIEST <= first <= today:
                errors.append(ValidationError("first_petition_on", first, "range",
                                              "首次信访日期不能晚于今天" if first > today else "首次信访日期不对"))
            paired_on = form.paired_on or today
            if paired_on > today:
                errors.append(ValidationError("paired_on", paired_on, "future", "结对日期不能晚于今天"))
            elif first is not None and paired_on < first:
                errors.append(ValidationError("paired_on", paired_on, "order", "结对日期不能早于首次信访日期"))
            leader = self._check_leader(s, office.id, form.leader_id, "leader_id", errors)
            if id_number and not any(e.field == "id_number" for e in errors):
                twin = s.scalar(select(PetitionCase.number).where(
                    PetitionCase.office_id == office.id, PetitionCase.id_number == id_number,
                    PetitionCase.status == PetitionStatus.OPEN.value))
                if twin:
                    errors.append(ValidationError("id_number", id_number, "duplicate",
                                                  f"此人已有正在结对化解的档案 {twin}，请在原档案中记录"))
            if errors:
                raise FormErrors(errors)
            assert leader is not None
            warning = self._pairing_warning(s, leader.id, None)
            at = self.ctx.now() if paired_on == today else _start_of(paired_on)
            number = next_office_number(s, self.ctx, kind="petition", infix="XF", year=paired_on.year)
            row = PetitionCase(
                office_id=office.id, number=number, petitioner=petitioner, id_number=id_number, phone=phone,
                address=address, village=village, subject=subject, history=history,
                first_petition_on=first, leader_id=leader.id, paired_at=at, paired_by=self.ctx.user_id,
                status=PetitionStatus.OPEN.value)
            s.add(row)
            s.flush()
            case_id = row.id
        return Paired(self.case(case_id), warning)

    def repair(self, case_id: uuid.UUID, leader_id: uuid.UUID | None, reason: str) -> Paired:
        """Pair the case with another leader (调整结对), with the reason kept in its history."""
        self._may_write()
        with self.ctx.transaction(EventKind.REPAIR.action) as s:
            office = self._writable_office(s)
            row = self._own_case(s, case_id, office.id)
            if row.status != PetitionStatus.OPEN.value:
                raise StateError("已结案的档案不能调整结对领导；如需继续化解，请先重新打开")
            errors: list[ValidationError] = []
            leader = self._check_leader(s, office.id, leader_id, "leader_id", errors)
            if leader is not None and leader.id == row.leader_id:
                errors.append(ValidationError("leader_id", leader_id, "same", f"本档案已由{leader.display_name}结对"))
            why = _reason(reason, "reason", "请写明调整结对的原因（如：原结对领导工作调动）", errors)
            if errors:
                raise FormErrors(errors)
            assert leader is not None
            warning = self._pairing_warning(s, leader.id, row.id)
            before = self._names(s, [row.leader_id]).get(row.leader_id, "")
            row.history = _append(row.history, self.ctx.today(),
                                  f"结对领导由{before}改为{leader.display_name}，原因：{why}")
            row.leader_id = leader.id
        return Paired(self.case(case_id), warning)

    def log_contact(self, case_id: uuid.UUID, contact: ContactInput) -> PetitionDetail:
        """Log one contact with the petitioner (the paired leader or another leader)."""
        self._may_write()
        rules = self.rules()
        today = self.ctx.today()
        with self.ctx.transaction("petition.contact") as s:
            office = self._writable_office(s)
            row = self._own_case(s, case_id, office.id)
            if row.status != PetitionStatus.OPEN.value:
                raise StateError(f"档案 {row.number} 已化解结案，不能再登记联系情况；如需继续，请先重新打开")
            errors: list[ValidationError] = []
            paired_on = local_date(row.paired_at)
            if contact.on_date > today:
                errors.append(ValidationError("on_date", contact.on_date, "future", "联系日期不能晚于今天"))
            elif contact.on_date < paired_on:
                errors.append(ValidationError("on_date", contact.on_date, "before_pairing",
                                              f"联系日期不能早于结对日期（{paired_on:%Y-%m-%d}）"))
            if contact.form not in {c.code for c in rules.forms}:
                names = "、".join(c.name for c in rules.forms)
                errors.append(ValidationError("form", contact.form, "unknown", f"请选择联系方式：{names}"))
            leader = self._check_leader(s, office.id, contact.leader_id or row.leader_id, "leader_id", errors)
            participants = _optional(contact.participants, "participants", 500, errors)
            content = _required(contact.content, "content", "请填写联系的主要内容：谈了什么、信访人有何诉求", MAX_TEXT,
                                errors)
            outcome = _required(contact.outcome, "outcome", "请填写联系的结果：信访人态度、达成了什么", MAX_TEXT, errors)
            next_step = _optional(contact.next_step, "next_step", MAX_TEXT, errors)
            if errors:
                raise FormErrors(errors)
            assert leader is not None
            s.add(PetitionContact(
                petition_id=row.id, on_date=contact.on_date, form=contact.form, leader_id=leader.id,
                participants=participants, content=content, outcome=outcome, next_step=next_step,
                recorded_by=self.ctx.user_id, recorded_at=self.ctx.now()))
        return self.case(case_id)

    def close(self, case_id: uuid.UUID, resolution_kind: str, resolution: str) -> PetitionDetail:
        """化解结案: a resolution kind, a written resolution, and at least one logged contact."""
        self._may_write()
        rules = self.rules()
        with self.ctx.transaction(EventKind.CLOSE.action) as s:
            office = self._writable_office(s)
            row = self._own_case(s, case_id, office.id)
            if row.status != PetitionStatus.OPEN.value:
                raise StateError(f"档案 {row.number} 已经结案")
            errors: list[ValidationError] = []
            if resolution_kind not in {c.code for c in rules.resolutions}:
                names = "、".join(c.name for c in rules.resolutions)
                errors.append(ValidationError("resolution_kind", resolution_kind, "unknown",
                                              f"请选择结案方式：{names}"))
            text = resolution.strip()
            if len(text) < rules.min_resolution_chars:
                errors.append(ValidationError(
                    "resolution", resolution, "short",
                    f"请写明化解情况（至少 {rules.min_resolution_chars} 个字，现为 {len(text)} 个字）："
                    "问题怎样解决、信访人是否认可、有无书面协议或承诺"))
            elif len(text) > MAX_TEXT:
                errors.append(ValidationError("resolution", resolution, "length", f"最多 {MAX_TEXT} 个字"))
            contacts = s.scalar(select(func.count()).select_from(PetitionContact)
                                .where(PetitionContact.petition_id == row.id)) or 0
            if not contacts:
                errors.append(ValidationError("contacts", 0, "none",
                                              "还没有登记过任何联系情况，不能结案：结案前至少要有一次联系记录"))
            if errors:
                raise FormErrors(errors)
            row.status = PetitionStatus.CLOSED.value
            row.resolution_kind = resolution_kind
            row.resolution = text
            row.closed_at = self.ctx.now()
            row.closed_by = self.ctx.user_id
        return self.case(case_id)

    def reopen(self, case_id: uuid.UUID, reason: str) -> PetitionDetail:
        """Reopen a closed case (the petitioner came back); the old resolution goes into the history."""
        self._may_write()
        rules = self.rules()
        with self.ctx.transaction(EventKind.REOPEN.action) as s:
            office = self._writable_office(s)
            row = self._own_case(s, case_id, office.id)
            if row.status != PetitionStatus.CLOSED.value:
                raise StateError(f"档案 {row.number} 没有结案，不需要重新打开")
            errors: list[ValidationError] = []
            why = _reason(reason, "reason", "请写明重新打开的原因（如：信访人再次到县信访局上访）", errors)
            if errors:
                raise FormErrors(errors)
            closed_on = local_date(row.closed_at) if row.closed_at else self.ctx.today()
            row.history = _append(
                row.history, self.ctx.today(),
                f"重新打开，原因：{why}（原于{closed_on:%Y-%m-%d}以“{rules.resolution_name(row.resolution_kind)}”"
                f"结案：{row.resolution}）")
            row.status = PetitionStatus.OPEN.value
            row.resolution_kind = ""
            row.resolution = ""
            row.closed_at = None
            row.closed_by = None
        return self.case(case_id)

    # ------------------------------------------------------------ helpers

    def _may_write(self) -> None:
        # The county is refused first, whoever signs in there: its copy of a township's
        # cases is read-only, and "no permission" would send its leaders looking for a role.
        if self.is_county():
            raise PermissionDenied(Action.PETITION.value, COUNTY_READ_ONLY)
        self.ctx.require(Action.PETITION)

    def _is_county(self, s: Session) -> bool:
        if self.ctx.office_id is None:
            return False
        return bool(s.scalar(select(Office.is_county).where(Office.id == self.ctx.office_id)))

    def _writable_office(self, s: Session) -> Office:
        office = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        if office is None:
            raise NotFoundError("尚未设置单位")
        if office.is_county:
            raise PermissionDenied(Action.PETITION.value, COUNTY_READ_ONLY)
        return office

    def _own_case(self, s: Session, case_id: uuid.UUID, office_id: uuid.UUID) -> PetitionCase:
        row = s.get(PetitionCase, case_id)
        if row is None:
            raise NotFoundError("找不到该结对消访档案")
        if row.office_id != office_id:
            raise PermissionDenied(Action.PETITION.value, "这份档案属于其他单位，不能修改")
        return row

    def _readable_offices(self, s: Session, office_id: uuid.UUID | None) -> dict[uuid.UUID, OfficeRef]:
        """The offices whose cases may be read here (a filter narrows the county's to one)."""
        own = s.get(Office, self.ctx.office_id) if self.ctx.office_id else None
        if own is None:
            raise NotFoundError("尚未设置单位")
        if not own.is_county:
            if office_id is not None and office_id != own.id:
                raise PermissionDenied(Action.PETITION.value, "乡镇所只能查看本所的结对消访档案")
            return {own.id: OfficeRef(own.id, own.code, own.name)}
        query = select(Office.id, Office.code, Office.name).where(Office.is_county.is_(False))
        if office_id is not None:
            query = query.where(Office.id == office_id)
        found = {r.id: OfficeRef(*r) for r in s.execute(query)}
        if office_id is not None and not found:
            raise NotFoundError("找不到该乡镇所")
        return found

    def _items(self, s: Session, offices: Mapping[uuid.UUID, OfficeRef], today: dt.date, rules: PetitionRules,
               *, status: PetitionStatus | None = None, leader_id: uuid.UUID | None = None,
               case_id: uuid.UUID | None = None) -> list[PetitionItem]:
        if not offices:
            return []
        stats = (select(PetitionContact.petition_id.label("pid"), func.count().label("n"),
                        func.max(PetitionContact.on_date).label("last"))
                 .group_by(PetitionContact.petition_id).subquery())
        query = (select(PetitionCase, User.display_name, stats.c.n, stats.c.last)
                 .outerjoin(User, User.id == PetitionCase.leader_id)
                 .outerjoin(stats, stats.c.pid == PetitionCase.id)
                 .where(PetitionCase.office_id.in_(list(offices))))
        if status is not None:
            query = query.where(PetitionCase.status == status.value)
        if leader_id is not None:
            query = query.where(PetitionCase.leader_id == leader_id)
        if case_id is not None:
            query = query.where(PetitionCase.id == case_id)
        out: list[PetitionItem] = []
        for row, leader_name, count, last in s.execute(query):
            state = PetitionStatus(row.status)
            days: int | None = None
            if state is PetitionStatus.OPEN:
                since = last if last is not None else local_date(row.paired_at)
                days = max(0, (today - since).days)
            out.append(PetitionItem(
                id=row.id, office=offices[row.office_id], number=row.number, petitioner=row.petitioner,
                id_number_masked=mask_id_number(row.id_number) if row.id_number else "", village=row.village,
                subject=row.subject, leader_id=row.leader_id, leader_name=leader_name or "",
                paired_at=row.paired_at, status=state, contacts=int(count or 0), last_contact_on=last,
                days_since=days, overdue=days is not None and days > rules.contact_interval_days,
                resolution_kind=rules.resolution_name(row.resolution_kind) if row.resolution_kind else "",
                closed_at=row.closed_at))
        return out

    def _leaders(self, s: Session, office_id: uuid.UUID | None) -> list[StaffItem]:
        if office_id is None:
            return []
        rows = s.execute(select(User.id, User.display_name, User.roles)
                         .where(User.office_id == office_id, User.active.is_(True))).all()
        out = []
        for user_id, name, roles_text in rows:
            roles = roles_of(roles_text)
            ranks = [_ROLE_RANK[r] for r in roles if r in LEADER_ROLES]
            if ranks:
                out.append((min(ranks), name, StaffItem(user_id, name, roles)))
        return [item for *_key, item in sorted(out, key=lambda t: (t[0], t[1]))]

    def _free_leaders(self, s: Session, office_id: uuid.UUID | None) -> list[StaffItem]:
        busy = set(s.scalars(select(PetitionCase.leader_id).where(
            PetitionCase.office_id == office_id, PetitionCase.status == PetitionStatus.OPEN.value)))
        return [p for p in self._leaders(s, office_id) if p.id not in busy]

    def _check_leader(self, s: Session, office_id: uuid.UUID, leader_id: uuid.UUID | None, key: str,
                      errors: list[ValidationError]) -> StaffItem | None:
        if leader_id is None:
            errors.append(ValidationError(key, None, "empty", "请选择结对领导"))
            return None
        for person in self._leaders(s, office_id):
            if person.id == leader_id:
                return person
        errors.append(ValidationError(key, leader_id, "not_leader",
                                      "只能由本所在岗的主要领导、分管领导或所长结对（此人不是或已停用）"))
        return None

    def _pairing_warning(self, s: Session, leader_id: uuid.UUID, excluding: uuid.UUID | None) -> str:
        query = select(PetitionCase.number, PetitionCase.petitioner).where(
            PetitionCase.leader_id == leader_id, PetitionCase.status == PetitionStatus.OPEN.value)
        if excluding is not None:
            query = query.where(PetitionCase.id != excluding)
        others = s.execute(query.order_by(PetitionCase.number)).all()
        if not others:
            return ""
        name = self._names(s, [leader_id]).get(leader_id, "")
        held = "、".join(f"{petitioner}（{number}）" for number, petitioner in others)
        return (f"{name}已结对 {len(others)} 户信访老户：{held}。按“领导班子成员每人联系一个信访老户”，"
                "宜另选尚未结对的领导。")

    @staticmethod
    def _names(s: Session, ids: Sequence[uuid.UUID | None]) -> dict[uuid.UUID | None, str]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        return {user_id: name for user_id, name in s.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))}

    def _events(self, s: Session, row: PetitionCase, rules: PetitionRules) -> tuple[PetitionEvent, ...]:
        """The case's registration, re-pairings, closings and reopenings, from the audit log.

        The county has no audit entries of a township's work (its own log records the import),
        so there the history text is the record.
        """
        kinds = {k.action: k for k in EventKind}
        entries = s.execute(
            select(AuditLog.action, AuditLog.at, AuditLog.user_id, AuditLog.before, AuditLog.after)
            .where(AuditLog.entity == PetitionCase.__tablename__, AuditLog.entity_id == str(row.id),
                   AuditLog.action.in_(list(kinds)))
            .order_by(AuditLog.seq)).all()
        leader_ids: list[uuid.UUID | None] = [user for _a, _t, user, _b, _f in entries]
        for _a, _t, _u, before, after in entries:
            for values in (before or {}, after or {}):
                if values.get("leader_id"):
                    leader_ids.append(uuid.UUID(values["leader_id"]))
        names = self._names(s, leader_ids)
        out: list[PetitionEvent] = []
        for action, at, user_id, before, after in entries:
            kind = kinds[action]
            before, after = before or {}, after or {}
            if kind is EventKind.REGISTER:
                leader = names.get(uuid.UUID(after["leader_id"]), "") if after.get("leader_id") else ""
                text = f"与{leader}结对"
            elif kind is EventKind.CLOSE:
                text = f"{rules.resolution_name(after.get('resolution_kind', ''))}：{after.get('resolution', '')}"
            else:
                old, new = str(before.get("history") or ""), str(after.get("history") or "")
                text = new[len(old):].strip() if new.startswith(old) else new.rsplit("\n", 1)[-1]
                text = re.sub(r"^【\d{4}-\d{2}-\d{2}】", "", text)
            out.append(PetitionEvent(kind, at, names.get(user_id, ""), text))
        return tuple(out)


# ---------------------------------------------------------------- for the command line


def write_ledger(services: Services, path: Path, status: PetitionStatus | None = None,
                 office_code: str | None = None) -> Path:
    """``landdesk petitions ledger [--status open|closed] [--office CODE] -o F.pdf|F.xlsx``:
    the ledger as a landscape PDF or an Excel workbook (by the file's suffix)."""
    from app.files import write_bytes_atomically
    from app.printing.petition_docs import render_ledger
    from app.reports.petitions_excel import write_ledger_excel

    office_id = None
    if office_code:
        match = [o for o in services.petitions.offices() if o.code == office_code.strip()]
        if not match:
            raise NotFoundError(f"没有单位代码为 {office_code} 的乡镇所")
        office_id = match[0].id
    ledger = services.petitions.ledger(status, office_id=office_id)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_ledger_excel(ledger, path)
    write_bytes_atomically(path, render_ledger(ledger))
    return path


def write_record(services: Services, number: str, path: Path) -> Path:
    """``landdesk petitions record NUMBER -o F.pdf``: one case's contact record."""
    from app.files import write_bytes_atomically
    from app.printing.petition_docs import render_record

    write_bytes_atomically(Path(path), render_record(services.petitions.find(number)))
    return Path(path)


# ---------------------------------------------------------------- small helpers


def _sorted(items: list[PetitionItem]) -> list[PetitionItem]:
    def key(item: PetitionItem) -> tuple[Any, ...]:
        if item.status is PetitionStatus.OPEN:
            return (0, -(item.days_since or 0), item.number)
        closed = item.closed_at.timestamp() if item.closed_at else 0.0
        return (1, -closed, item.number)

    return sorted(items, key=key)


def _required(value: str, key: str, message: str, longest: int, errors: list[ValidationError]) -> str:
    text = value.strip()
    if not text:
        errors.append(ValidationError(key, value, "empty", message))
    elif len(text) > longest:
        errors.append(ValidationError(key, value, "length", f"最多 {longest} 个字，现为 {len(text)} 个字"))
    return text


def _optional(value: str, key: str, longest: int, errors: list[ValidationError]) -> str:
    text = value.strip()
    if len(text) > longest:
        errors.append(ValidationError(key, value, "length", f"最多 {longest} 个字，现为 {len(text)} 个字"))
    return text


def _reason(value: str, key: str, message: str, errors: list[ValidationError]) -> str:
    text = " ".join(value.split())
    if len(text) < MIN_REASON_CHARS:
        errors.append(ValidationError(key, value, "empty", message))
    elif len(text) > 500:
        errors.append(ValidationError(key, value, "length", f"最多 500 个字，现为 {len(text)} 个字"))
    return text


def _append(history: str, day: dt.date, line: str) -> str:
    """The history with a dated line added: kept in the case itself, so it reaches the county."""
    entry = f"【{day:%Y-%m-%d}】{line}"
    return f"{history.rstrip()}\n{entry}" if history.strip() else entry


def _start_of(day: dt.date) -> dt.datetime:
    """The first moment of a Beijing day, for a pairing made before it was entered."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


__all__ = [
    "COUNTY_READ_ONLY",
    "Choice",
    "ContactInput",
    "ContactItem",
    "EventKind",
    "OfficeRef",
    "Paired",
    "PetitionDetail",
    "PetitionEvent",
    "PetitionInput",
    "PetitionItem",
    "PetitionLedger",
    "PetitionRules",
    "PetitionRulesError",
    "PetitionService",
    "PetitionStatus",
    "load_petition_rules",
    "parse_petition_rules",
    "write_ledger",
    "write_record",
]

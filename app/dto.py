"""Plain data objects passed between the core, printing and the UI.

Services return these (never live ORM rows) so windows and PDF renderers can
hold them across threads and sessions.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum


class Tier(StrEnum):
    GENERAL = "general"  # 一般：一审制
    IMPORTANT = "important"  # 重要
    MAJOR = "major"  # 重大：集体会审

    @property
    def label(self) -> str:
        return {"general": "一般", "important": "重要", "major": "重大"}[self.value]


class MaterialForm(StrEnum):
    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件及复印件（原件核对后退还）

    @property
    def label(self) -> str:
        return {
            "original": "原件",
            "copy": "复印件",
            "original_and_copy": "原件及复印件",
        }[self.value]


class Role(StrEnum):
    WINDOW_CLERK = "window_clerk"  # 窗口人员
    HANDLER = "handler"  # 经办人
    SECTION_CHIEF = "section_chief"  # 所长/科长
    DEPUTY_LEADER = "deputy_leader"  # 分管领导
    LEADER = "leader"  # 主要领导
    COLLECTIVE = "collective"  # 集体会审
    ADMIN = "admin"  # 系统管理员

    @property
    def label(self) -> str:
        return {
            "window_clerk": "窗口人员",
            "handler": "经办人",
            "section_chief": "所长/科长",
            "deputy_leader": "分管领导",
            "leader": "主要领导",
            "collective": "集体会审",
            "admin": "系统管理员",
        }[self.value]


# ---------------------------------------------------------------- catalogue


@dataclass(frozen=True)
class MaterialSpec:
    """One material a matter requires (申请材料)."""

    code: str  # stable inside its matter, e.g. "M01"
    name: str
    form: MaterialForm
    copies: int  # number of copies (份数), >= 1
    required: bool  # False: conditional (视情形提交)
    condition: str = ""  # when conditional: the situation that requires it
    note: str = ""
    source: str = ""  # where the applicant gets it (来源渠道)


@dataclass(frozen=True)
class FeeSpec:
    name: str
    amount: str  # as printed, e.g. "80元/件" — amounts are set by documents, not computed
    basis: str  # legal basis of the fee


@dataclass(frozen=True)
class RoutingStepSpec:
    order: int  # 1-based
    name: str  # e.g. "窗口受理", "所长审核"
    role: Role
    time_limit_days: int  # working days; 0 = same day (不过夜)


@dataclass(frozen=True)
class MatterSpec:
    """One matter of the catalogue (事项), as read from resources/catalog."""

    code: str
    name: str
    category: str  # 土地管理, 矿产管理, 测绘管理, 执法监察, 信访 …
    tier: Tier
    legal_days: int  # 法定时限, working days
    promised_days: int  # 承诺时限, working days, <= legal_days; 0 = 即办
    description: str  # what the matter is (事项说明)
    applicants: str  # who may apply (申请条件/对象)
    materials: tuple[MaterialSpec, ...]
    fees: tuple[FeeSpec, ...]  # empty: free (prints 不收费)
    legal_basis: tuple[str, ...]
    steps: tuple[RoutingStepSpec, ...]
    window: str  # 办理窗口
    consult_phone: str
    complaint_phone: str
    file: str = ""  # catalogue file it came from, for messages

    @property
    def is_free(self) -> bool:
        return not self.fees

    @property
    def fee_text(self) -> str:
        if self.is_free:
            return "不收费"
        return "；".join(f"{f.name} {f.amount}（依据：{f.basis}）" for f in self.fees)


@dataclass(frozen=True)
class Catalog:
    version: str  # e.g. "2026.1"
    issued_by: str
    issued_on: dt.date
    matters: tuple[MatterSpec, ...]

    def matter(self, code: str) -> MatterSpec:
        for m in self.matters:
            if m.code == code:
                return m
        raise KeyError(code)


# ---------------------------------------------------------------- printing


@dataclass(frozen=True)
class OfficeInfo:
    name: str  # e.g. "××镇自然资源所"
    code: str  # 9-digit township code
    county: str = ""  # supervising bureau, e.g. "××县自然资源局"
    address: str = ""
    phone: str = ""  # consultation phone at the window
    complaint_phone: str = ""
    reconsideration_body: str = ""  # 行政复议机关, e.g. "××县人民政府"
    court: str = ""  # 行政诉讼管辖法院, e.g. "××县人民法院"


@dataclass(frozen=True)
class PartyInfo:
    """The applicant as printed on documents."""

    name: str
    kind: str  # "person" or "organisation"
    id_type: str  # 居民身份证 / 统一社会信用代码 / …
    id_number: str
    phone: str = ""
    address: str = ""
    agent_name: str = ""  # 代理人
    agent_id_number: str = ""
    legal_rep: str = ""  # 法定代表人 (organisations)


@dataclass(frozen=True)
class ReceivedMaterial:
    name: str
    form: MaterialForm
    copies: int
    note: str = ""


@dataclass(frozen=True)
class MissingMaterial:
    """A material missing or not conforming, for the one-time notice."""

    name: str
    problem: str  # "未提交" or what is wrong with it
    requirement: str  # what must be brought (form, copies, where to get it)


@dataclass(frozen=True)
class ReceiptData:
    """受理回执 (two parts: stub and applicant copy)."""

    office: OfficeInfo
    case_number: str
    applicant: PartyInfo
    matter_code: str
    matter_name: str
    materials: tuple[ReceivedMaterial, ...]
    accepted_at: dt.datetime  # aware, shown in Asia/Shanghai
    promised_days: int
    due_date: dt.date
    due_uncertain: bool  # deadline in a year without holiday data
    clerk_name: str
    contact_phone: str
    green_channel: bool = False
    pending_materials: tuple[MissingMaterial, ...] = ()  # green channel: to follow
    pending_due: dt.date | None = None


@dataclass(frozen=True)
class IncompleteNoticeData:
    """一次性告知书 (补正材料通知)."""

    office: OfficeInfo
    notice_number: str
    applicant: PartyInfo
    matter_name: str
    received_at: dt.datetime  # when the application was received
    issued_at: dt.datetime
    missing: tuple[MissingMaterial, ...]
    clerk_name: str
    contact_phone: str


@dataclass(frozen=True)
class RefusalNoticeData:
    """不予受理通知书."""

    office: OfficeInfo
    notice_number: str
    applicant: PartyInfo
    matter_name: str
    received_at: dt.datetime
    issued_at: dt.datetime
    reason: str
    clerk_name: str
    contact_phone: str


# ---------------------------------------------------------------- routing documents


@dataclass(frozen=True)
class SlipRow:
    """One hand-off as printed on the transfer slip (传办单)."""

    seq: int
    kind: str  # "forward" or "return"
    step_name: str
    from_name: str
    to_name: str
    sent_at: dt.datetime
    received_at: dt.datetime | None
    done_at: dt.datetime | None
    due_date: dt.date | None
    opinion: str
    result: str  # as printed: 同意 / 不同意 / 退回 …
    reason: str = ""  # returns: why


@dataclass(frozen=True)
class TransferSlipData:
    office: OfficeInfo
    case_number: str
    matter_name: str
    tier_label: str
    applicant: PartyInfo
    accepted_at: dt.datetime
    due_date: dt.date | None
    due_uncertain: bool
    green_channel: bool
    rows: tuple[SlipRow, ...]
    remaining_steps: tuple[str, ...]  # names of the catalogue steps still to come: blank rows
    pauses: tuple[str, ...]  # e.g. "公示 2026-11-25 至 2026-12-01（不计入办理时限）"
    printed_at: dt.datetime


@dataclass(frozen=True)
class ReturnSlipData:
    """退件单: who returned the case, to whom, when and why."""

    office: OfficeInfo
    slip_number: str
    case_number: str
    matter_name: str
    applicant: PartyInfo
    step_name: str
    returned_by: str
    returned_to: str  # a person's name, or "申请人"
    returned_at: dt.datetime
    reason: str


@dataclass(frozen=True)
class DecisionNoticeData:
    """办结通知（准予 / 不予 / 撤回）."""

    office: OfficeInfo
    decision_number: str
    case_number: str
    applicant: PartyInfo
    matter_name: str
    accepted_at: dt.datetime
    decided_at: dt.datetime
    result: str  # approved / not_approved / withdrawn
    result_label: str  # 准予 / 不予批准 / 申请人撤回
    text: str  # the decision's content and reasons
    clerk_name: str
    contact_phone: str


@dataclass(frozen=True)
class SupervisionNoticeData:
    """督办单."""

    office: OfficeInfo
    number: str
    case_number: str
    matter_name: str
    applicant_name: str
    issued_by: str
    issued_to: str
    issued_at: dt.datetime
    reason: str
    reply_due: dt.date
    reply: str = ""
    replied_by: str = ""
    replied_at: dt.datetime | None = None


@dataclass(frozen=True)
class InquiryRow:
    at: dt.datetime
    channel: str  # 来电 / 来访
    asker: str
    phone: str
    address: str
    matter: str
    question: str
    materials_received: str
    first_officer: str
    responsible_officer: str
    handling: str  # 当场答复 / 转办
    forwarded_to: str
    outcome: str


@dataclass(frozen=True)
class InquiryRegisterData:
    """首问负责登记簿 for one day."""

    office: OfficeInfo
    day: dt.date
    rows: tuple[InquiryRow, ...]


# ---------------------------------------------------------------- calendar


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    uncertain: bool  # some counted day lies in a year without calendar data
    uncertain_years: tuple[int, ...] = ()


@dataclass(frozen=True)
class Pause:
    """A period that does not count (补正, 听证, 专家评审, 公示 …).

    ``start`` and ``end`` are inclusive calendar dates; ``end`` None = still paused.
    """

    start: dt.date
    end: dt.date | None
    reason: str = ""


# ---------------------------------------------------------------- ids


def new_id() -> uuid.UUID:
    return uuid.uuid4()


__all__ = [
    "Catalog",
    "Deadline",
    "FeeSpec",
    "IncompleteNoticeData",
    "MaterialForm",
    "MaterialSpec",
    "MatterSpec",
    "MissingMaterial",
    "OfficeInfo",
    "PartyInfo",
    "Pause",
    "ReceiptData",
    "ReceivedMaterial",
    "RefusalNoticeData",
    "Role",
    "RoutingStepSpec",
    "Tier",
    "new_id",
]

"""督办单: a leader asks the person handling a case to explain or speed up, by a date.

Only leaders (所长/科长, 分管领导, 主要领导) issue notices; only the person a
notice is addressed to replies to it. A notice with no reply after its reply
day is overdue and stays on the overdue list until answered. Each notice has
a number of its own — {office code}{year}DB{sequence} — issued like case
numbers, never reused, and both issuing and replying are also written into
the case's history.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from app.dto import Deadline, SupervisionNoticeData
from app.errors import FormErrors, NotFoundError, PermissionDenied, StateError, ValidationError
from app.models import Applicant, Case, CaseEvent, Matter, SupervisionNotice, User
from app.permissions import Action
from app.services.context import ServiceContext, local_date
from app.services.inquiries import TEXT_MAX, office_staff, staff_member, too_long
from app.services.intake import CaseStatus
from app.services.numbering import next_office_number
from app.services.office import StaffItem, office_info
from app.services.reference import ReferenceService

NUMBER_KIND = "supervision"
NUMBER_INFIX = "DB"
MAX_REPLY_DAYS = 60
# A case in one of these states is finished: there is nothing left to supervise.
FINAL_STATUSES = frozenset({CaseStatus.COMPLETED.value, CaseStatus.REJECTED.value,
                            CaseStatus.RETURNED.value})


@dataclass(frozen=True)
class CaseRef:
    """The case a notice is about, as the issuing form shows it."""

    id: uuid.UUID
    number: str
    matter_name: str
    applicant_name: str
    status: CaseStatus
    holder_id: uuid.UUID | None
    holder_name: str
    due_date: dt.date | None


@dataclass(frozen=True)
class NoticeItem:
    id: uuid.UUID
    number: str
    case_id: uuid.UUID | None
    case_number: str
    matter_name: str
    applicant_name: str
    issued_by_id: uuid.UUID | None
    issued_by: str
    issued_to_id: uuid.UUID | None
    issued_to: str
    issued_at: dt.datetime
    reason: str
    reply_due: dt.date
    reply: str
    replied_by: str
    replied_at: dt.datetime | None
    overdue: bool  # no reply and the reply day has passed

    @property
    def replied(self) -> bool:
        return self.replied_at is not None

    @property
    def replied_late(self) -> bool:
        return self.replied_at is not None and local_date(self.replied_at) > self.reply_due


class SupervisionService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    # ------------------------------------------------------------ lookups for the form

    def addressees(self) -> list[StaffItem]:
        """Who may be sent a notice: the office's working staff."""
        return office_staff(self.ctx)

    def find_case(self, number: str) -> CaseRef:
        """A case by its number as typed (spaces and lower case forgiven)."""
        clean = "".join(number.split()).upper()
        if not clean:
            raise ValidationError("case", number, "empty", "请填写受理编号")
        holder = aliased(User)
        with self.ctx.reading() as s:
            row = s.execute(
                select(Case, Matter.name, Applicant.name, holder.display_name)
                .join(Matter, Case.matter_id == Matter.id)
                .join(Applicant, Case.applicant_id == Applicant.id)
                .outerjoin(holder, Case.holder_id == holder.id)
                .where(Case.office_id == self.ctx.office_id, Case.number == clean)
            ).first()
        if row is None:
            raise ValidationError("case", number, "unknown", f"找不到受理编号为 {clean} 的办件")
        case: Case = row[0]
        return CaseRef(case.id, case.number or "", row[1], row[2], CaseStatus(case.status),
                       case.holder_id, row[3] or "", case.due_date)

    def reply_due_for(self, days: int) -> Deadline:
        """The reply day ``days`` working days after today (to show before issuing)."""
        return self.reference.calendar().add_working_days(self.ctx.today(), days)

    # ------------------------------------------------------------ writing

    def issue(self, case_id: uuid.UUID, issued_to: uuid.UUID | None, reason: str, *,
              reply_due: dt.date | None = None, reply_days: int | None = None) -> str:
        """Issue a notice on a case; returns its number. The reply day is either a date
        after today or a number of working days from today. Leaders only."""
        self.ctx.require(Action.SUPERVISE)
        errors: list[ValidationError] = []
        today = self.ctx.today()
        text = reason.strip()
        if not text:
            errors.append(ValidationError("reason", reason, "empty",
                                          "请填写督办事由，例如“已超过承诺时限两天仍未办结，请说明原因”"))
        elif len(text) > TEXT_MAX:
            errors.append(too_long("reason", text, TEXT_MAX, "督办事由"))
        due: Deadline | None = None
        if reply_due is not None and reply_days is not None:
            errors.append(ValidationError("reply_due", reply_due, "both",
                                          "回复期限请只填日期或工作日数其中一项"))
        elif reply_due is not None:
            if reply_due <= today:
                errors.append(ValidationError("reply_due", reply_due, "past",
                                              "回复期限必须在今天之后"))
            else:
                due = Deadline(reply_due, not self.reference.calendar().is_covered(reply_due.year))
        elif reply_days is not None:
            if isinstance(reply_days, bool) or not 1 <= reply_days <= MAX_REPLY_DAYS:
                errors.append(ValidationError("reply_days", reply_days, "range",
                                              f"回复期限应为 1 到 {MAX_REPLY_DAYS} 个工作日"))
            else:
                due = self.reply_due_for(reply_days)
        else:
            errors.append(ValidationError("reply_due", None, "empty", "请填写回复期限"))
        with self.ctx.reading() as s:
            case = s.get(Case, case_id)
            if case is None or case.office_id != self.ctx.office_id:
                errors.append(ValidationError("case", case_id, "unknown", "找不到要督办的办件"))
            elif case.status in FINAL_STATUSES:
                errors.append(ValidationError("case", case.number, "final",
                                              f"这件办件已经{CaseStatus(case.status).label}，不需要再督办"))
            if issued_to is None:
                errors.append(ValidationError("issued_to", None, "empty", "请选择被督办人"))
            elif issued_to == self.ctx.user_id:
                errors.append(ValidationError("issued_to", issued_to, "self", "不能给自己下达督办单"))
            elif staff_member(s, self.ctx, issued_to, Action.REPLY_SUPERVISION) is None:
                errors.append(ValidationError("issued_to", issued_to, "unknown",
                                              "被督办人不是本单位在岗的工作人员"))
        if errors:
            raise FormErrors(errors)
        assert due is not None and issued_to is not None and self.ctx.office_id is not None
        now = self.ctx.now()
        notice_id = uuid.uuid4()
        with self.ctx.transaction("supervision.issue") as s:
            number = next_office_number(s, self.ctx, kind=NUMBER_KIND, infix=NUMBER_INFIX, year=local_date(now).year)
            s.add(SupervisionNotice(
                id=notice_id, office_id=self.ctx.office_id, case_id=case_id, number=number,
                issued_by=self.ctx.user_id, issued_to=issued_to, issued_at=now, reason=text,
                reply_due=due.due,
            ))
            s.add(CaseEvent(
                id=uuid.uuid4(), case_id=case_id, kind="supervised", at=now, actor_id=self.ctx.user_id,
                note=f"下达督办单 {number}，限 {due.due:%Y-%m-%d} 前回复：{text}",
                data={"notice_number": number, "issued_to": str(issued_to),
                      "reply_due": due.due.isoformat()},
            ))
        return number

    def reply(self, notice_id: uuid.UUID, text: str) -> None:
        """The addressee's reply: what was done, or why it is late."""
        self.ctx.require(Action.REPLY_SUPERVISION)
        answer = text.strip()
        now = self.ctx.now()
        with self.ctx.transaction("supervision.reply") as s:
            # Who and when first: a stranger's or a second reply is refused whatever it says.
            notice = self._load(s, notice_id)
            if notice.issued_to != self.ctx.user_id:
                raise PermissionDenied(Action.REPLY_SUPERVISION.value,
                                       "只有被督办人本人可以答复这份督办单")
            if notice.replied_at is not None:
                raise StateError(f"督办单 {notice.number} 已经答复过了")
            if not answer:
                raise FormErrors([ValidationError("reply", text, "empty", "请填写办理情况回复")])
            if len(answer) > TEXT_MAX:
                raise FormErrors([too_long("reply", answer, TEXT_MAX, "回复")])
            notice.reply = answer
            notice.replied_by = self.ctx.user_id
            notice.replied_at = now
            if notice.case_id is not None:
                late = "（逾期）" if local_date(now) > notice.reply_due else ""
                s.add(CaseEvent(
                    id=uuid.uuid4(), case_id=notice.case_id, kind="supervision_replied", at=now,
                    actor_id=self.ctx.user_id, note=f"答复督办单 {notice.number}{late}：{answer}",
                    data={"notice_number": notice.number},
                ))

    def _load(self, s: Session, notice_id: uuid.UUID) -> SupervisionNotice:
        notice = s.get(SupervisionNotice, notice_id)
        if notice is None or notice.office_id != self.ctx.office_id:
            raise NotFoundError("找不到这份督办单")
        return notice

    # ------------------------------------------------------------ reading

    def _query(self) -> Select[Any]:
        by, to, replier = aliased(User), aliased(User), aliased(User)
        return (
            select(SupervisionNotice, Case.number, Matter.name, Applicant.name,
                   by.display_name, to.display_name, replier.display_name)
            .outerjoin(Case, SupervisionNotice.case_id == Case.id)
            .outerjoin(Matter, Case.matter_id == Matter.id)
            .outerjoin(Applicant, Case.applicant_id == Applicant.id)
            .outerjoin(by, SupervisionNotice.issued_by == by.id)
            .outerjoin(to, SupervisionNotice.issued_to == to.id)
            .outerjoin(replier, SupervisionNotice.replied_by == replier.id)
            .where(SupervisionNotice.office_id == self.ctx.office_id)
        )

    def _items(self, query: Select[Any]) -> list[NoticeItem]:
        today = self.ctx.today()
        with self.ctx.reading() as s:
            rows = s.execute(query).all()
        items = []
        for row in rows:
            n: SupervisionNotice = row[0]
            items.append(NoticeItem(
                id=n.id, number=n.number, case_id=n.case_id, case_number=row[1] or "",
                matter_name=row[2] or "", applicant_name=row[3] or "", issued_by_id=n.issued_by,
                issued_by=row[4] or "", issued_to_id=n.issued_to, issued_to=row[5] or "",
                issued_at=n.issued_at, reason=n.reason, reply_due=n.reply_due, reply=n.reply,
                replied_by=row[6] or "", replied_at=n.replied_at,
                overdue=n.replied_at is None and n.reply_due < today,
            ))
        return items

    def list_open(self, *, mine: bool = False) -> list[NoticeItem]:
        """Notices not yet answered, the earliest reply day first; ``mine``: addressed to me."""
        query = self._query().where(SupervisionNotice.replied_at.is_(None))
        if mine:
            query = query.where(SupervisionNotice.issued_to == self.ctx.user_id)
        return self._items(query.order_by(SupervisionNotice.reply_due, SupervisionNotice.issued_at))

    def list_overdue(self) -> list[NoticeItem]:
        """Unanswered notices whose reply day has passed (the reply day itself is not late)."""
        query = self._query().where(SupervisionNotice.replied_at.is_(None),
                                    SupervisionNotice.reply_due < self.ctx.today())
        return self._items(query.order_by(SupervisionNotice.reply_due, SupervisionNotice.issued_at))

    def for_case(self, case_id: uuid.UUID) -> list[NoticeItem]:
        query = self._query().where(SupervisionNotice.case_id == case_id)
        return self._items(query.order_by(SupervisionNotice.issued_at))

    def get(self, notice_id: uuid.UUID) -> NoticeItem:
        found = self._items(self._query().where(SupervisionNotice.id == notice_id))
        if not found:
            raise NotFoundError("找不到这份督办单")
        return found[0]

    def notice_data(self, notice_id: uuid.UUID) -> SupervisionNoticeData:
        """The notice as printed (with its reply once there is one)."""
        item = self.get(notice_id)
        with self.ctx.reading() as s:
            office = office_info(s, self.ctx)
        return SupervisionNoticeData(
            office=office, number=item.number, case_number=item.case_number,
            matter_name=item.matter_name, applicant_name=item.applicant_name,
            issued_by=item.issued_by, issued_to=item.issued_to, issued_at=item.issued_at,
            reason=item.reason, reply_due=item.reply_due, reply=item.reply,
            replied_by=item.replied_by, replied_at=item.replied_at,
        )


__all__ = [
    "CaseRef",
    "NoticeItem",
    "SupervisionService",
]

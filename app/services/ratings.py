"""好差评: five levels, and a follow-up for the two lowest until someone has put it right.

A rating is recorded against a case (at completion) or a first-inquiry entry
(after a visit). 不满意 and 非常不满意 open a follow-up: a named person must
visit or call the person again (回访) and say what was changed (整改) within a
number of working days; the follow-up stays listed until both are written and
it is closed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from app.errors import FormErrors, NotFoundError, PermissionDenied, StateError, ValidationError
from app.models import Case, Inquiry, ServiceRating, Setting, User
from app.permissions import Action
from app.services.context import ServiceContext
from app.services.inquiries import (
    TEXT_MAX,
    StaffItem,
    day_bounds,
    is_leader,
    office_staff,
    staff_member,
    too_long,
)
from app.services.reference import ReferenceService

FOLLOW_UP_SETTING = "rating_follow_up_days"
DEFAULT_FOLLOW_UP_DAYS = 5
MAX_FOLLOW_UP_DAYS = 30


class RatingLevel(IntEnum):
    VERY_DISSATISFIED = 1
    DISSATISFIED = 2
    FAIRLY_SATISFIED = 3
    SATISFIED = 4
    VERY_SATISFIED = 5

    @property
    def label(self) -> str:
        return {1: "非常不满意", 2: "不满意", 3: "基本满意", 4: "满意", 5: "非常满意"}[self.value]

    @property
    def needs_follow_up(self) -> bool:
        return self.value <= RatingLevel.DISSATISFIED


@dataclass(frozen=True)
class FollowUpItem:
    """A bad rating's follow-up (差评回访整改)."""

    id: uuid.UUID
    level: RatingLevel
    comment: str
    rated_at: dt.datetime
    case_id: uuid.UUID | None
    case_number: str
    inquiry_id: uuid.UUID | None
    inquiry_asker: str
    follow_up_due: dt.date
    follow_up_by_id: uuid.UUID | None
    follow_up_by: str
    return_visit: str
    rectification: str
    closed_at: dt.datetime | None
    overdue: bool

    @property
    def subject(self) -> str:
        """What was rated, as a clerk names it."""
        if self.case_id is not None:
            return f"办件 {self.case_number}" if self.case_number else "办件"
        return f"首问登记：{self.inquiry_asker}"


@dataclass(frozen=True)
class RatingSummary:
    day_from: dt.date
    day_to: dt.date
    counts: dict[RatingLevel, int]  # every level, zeros included
    total: int
    satisfied: int  # 基本满意 and better
    open_follow_ups: int  # of ratings in the range
    overdue_follow_ups: int

    @property
    def satisfaction_rate(self) -> float | None:
        return self.satisfied / self.total if self.total else None


class RatingService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    # ------------------------------------------------------------ settings and lists

    def follow_up_days(self) -> int:
        """Working days allowed for a bad rating's return visit and rectification."""
        with self.ctx.reading() as s:
            setting = s.get(Setting, FOLLOW_UP_SETTING)
            value = setting.value.get("days") if setting is not None else None
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_FOLLOW_UP_DAYS:
            return value
        return DEFAULT_FOLLOW_UP_DAYS

    def set_follow_up_days(self, days: int) -> int:
        self.ctx.require(Action.MANAGE_USERS)
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_FOLLOW_UP_DAYS:
            raise FormErrors([ValidationError("follow_up_days", days, "range",
                                              f"回访整改期限应为 1 到 {MAX_FOLLOW_UP_DAYS} 个工作日")])
        with self.ctx.transaction("setting.rating_follow_up") as s:
            setting = s.get(Setting, FOLLOW_UP_SETTING)
            if setting is None:
                s.add(Setting(key=FOLLOW_UP_SETTING, value={"days": days}))
            else:
                setting.value = {"days": days}
        return days

    def follow_up_due(self, day: dt.date | None = None) -> dt.date:
        """When a follow-up opened on ``day`` (default today) is due."""
        start = day or self.ctx.today()
        return self.reference.calendar().add_working_days(start, self.follow_up_days()).due

    def officers(self) -> list[StaffItem]:
        return office_staff(self.ctx)

    # ------------------------------------------------------------ writing

    def rate(self, level: int, comment: str = "", *, case_id: uuid.UUID | None = None,
             inquiry_id: uuid.UUID | None = None,
             follow_up_by: uuid.UUID | None = None) -> uuid.UUID:
        """Record a rating of a case or an inquiry. A bad one opens a follow-up due in
        ``follow_up_days()`` working days, by ``follow_up_by`` (default: the case's holder,
        else its clerk; the inquiry's responsible officer)."""
        self.ctx.require(Action.RATE)
        errors: list[ValidationError] = []
        chosen: RatingLevel | None = None
        try:
            if isinstance(level, bool):
                raise ValueError(level)
            chosen = RatingLevel(level)
        except ValueError:
            errors.append(ValidationError("level", level, "range",
                                          "请选择评价等级：非常满意、满意、基本满意、不满意或非常不满意"))
        text = comment.strip()
        if chosen is not None and chosen.needs_follow_up and not text:
            errors.append(ValidationError("comment", comment, "empty",
                                          "差评请写明群众不满意的地方，回访整改要针对它"))
        elif len(text) > TEXT_MAX:
            errors.append(too_long("comment", text, TEXT_MAX, "评价意见"))
        if case_id is None and inquiry_id is None:
            errors.append(ValidationError("subject", None, "empty", "请选择被评价的办件或首问登记"))
        elif case_id is not None and inquiry_id is not None:
            errors.append(ValidationError("subject", (case_id, inquiry_id), "both",
                                          "一条评价只能针对一件办件或一条首问登记"))
        due = self.follow_up_due() if chosen is not None and chosen.needs_follow_up else None
        by: uuid.UUID | None = None
        with self.ctx.reading() as s:
            default_by = None
            if not any(e.field == "subject" for e in errors):
                default_by = self._subject(s, case_id, inquiry_id, errors)
            if due is not None:
                by = follow_up_by or default_by
                if by is None:
                    if not any(e.field == "subject" for e in errors):
                        errors.append(ValidationError("follow_up_by", None, "empty",
                                                      "请指定负责回访整改的人员"))
                elif staff_member(s, self.ctx, by, Action.RATE) is None:
                    errors.append(ValidationError("follow_up_by", by, "unknown",
                                                  "负责回访整改的人员不是本单位在岗的工作人员"))
        if errors:
            raise FormErrors(errors)
        assert chosen is not None and self.ctx.office_id is not None
        rating_id = uuid.uuid4()
        with self.ctx.transaction("rating.rate") as s:
            s.add(ServiceRating(
                id=rating_id, office_id=self.ctx.office_id, case_id=case_id, inquiry_id=inquiry_id,
                level=int(chosen), comment=text, rated_at=self.ctx.now(),
                recorded_by=self.ctx.user_id, follow_up_due=due, follow_up_by=by,
            ))
        return rating_id

    def _subject(self, s: Session, case_id: uuid.UUID | None, inquiry_id: uuid.UUID | None,
                 errors: list[ValidationError]) -> uuid.UUID | None:
        """Check the rated case or inquiry belongs to this office; its default follow-up person."""
        if case_id is not None:
            case = s.get(Case, case_id)
            if case is None or case.office_id != self.ctx.office_id:
                errors.append(ValidationError("subject", case_id, "unknown", "找不到被评价的办件"))
                return None
            return case.holder_id or case.clerk_id
        inquiry = s.get(Inquiry, inquiry_id)
        if inquiry is None or inquiry.office_id != self.ctx.office_id:
            errors.append(ValidationError("subject", inquiry_id, "unknown", "找不到被评价的首问登记"))
            return None
        return inquiry.responsible_officer_id or inquiry.first_officer_id

    def record_follow_up(self, rating_id: uuid.UUID, return_visit: str, rectification: str) -> None:
        """Write down the return visit and the rectification so far (either may wait)."""
        self.ctx.require(Action.RATE)
        visit, fix = return_visit.strip(), rectification.strip()
        with self.ctx.transaction("rating.follow_up") as s:
            row = self._open_follow_up(s, rating_id)  # state and permission before the texts
            errors: list[ValidationError] = []
            if not visit and not fix:
                errors.append(ValidationError("return_visit", return_visit, "empty",
                                              "请填写回访情况或整改措施"))
            for field, value, what in (("return_visit", visit, "回访情况"),
                                       ("rectification", fix, "整改措施")):
                if len(value) > TEXT_MAX:
                    errors.append(too_long(field, value, TEXT_MAX, what))
            if errors:
                raise FormErrors(errors)
            if row.return_visit != visit:
                row.return_visit = visit
            if row.rectification != fix:
                row.rectification = fix

    def close(self, rating_id: uuid.UUID) -> None:
        """Close a follow-up: both the return visit and the rectification must be written."""
        self.ctx.require(Action.RATE)
        with self.ctx.transaction("rating.close") as s:
            row = self._open_follow_up(s, rating_id)
            errors: list[ValidationError] = []
            if not row.return_visit.strip():
                errors.append(ValidationError("return_visit", "", "empty",
                                              "还没有填写回访情况，不能办结"))
            if not row.rectification.strip():
                errors.append(ValidationError("rectification", "", "empty",
                                              "还没有填写整改措施，不能办结"))
            if errors:
                raise FormErrors(errors)
            row.closed_at = self.ctx.now()

    def _open_follow_up(self, s: Session, rating_id: uuid.UUID) -> ServiceRating:
        row = s.get(ServiceRating, rating_id)
        if row is None or row.office_id != self.ctx.office_id:
            raise NotFoundError("找不到这条评价")
        if row.follow_up_due is None:
            raise StateError("这条评价不是差评，不需要回访整改")
        if row.closed_at is not None:
            raise StateError("这条差评的回访整改已经办结")
        if row.follow_up_by != self.ctx.user_id and not is_leader(self.ctx):
            raise PermissionDenied(Action.RATE.value, "只有负责回访整改的人员或领导可以填写和办结")
        return row

    # ------------------------------------------------------------ reading

    def _follow_up_query(self) -> Select[Any]:
        by = aliased(User)
        return (
            select(ServiceRating, Case.number, Inquiry.asker, by.display_name)
            .outerjoin(Case, ServiceRating.case_id == Case.id)
            .outerjoin(Inquiry, ServiceRating.inquiry_id == Inquiry.id)
            .outerjoin(by, ServiceRating.follow_up_by == by.id)
            .where(ServiceRating.office_id == self.ctx.office_id,
                   ServiceRating.follow_up_due.is_not(None))
        )

    def _follow_up_item(self, row: Any, today: dt.date) -> FollowUpItem:
        r: ServiceRating = row[0]
        assert r.follow_up_due is not None
        return FollowUpItem(
            id=r.id, level=RatingLevel(r.level), comment=r.comment, rated_at=r.rated_at,
            case_id=r.case_id, case_number=row[1] or "", inquiry_id=r.inquiry_id,
            inquiry_asker=row[2] or "", follow_up_due=r.follow_up_due,
            follow_up_by_id=r.follow_up_by, follow_up_by=row[3] or "",
            return_visit=r.return_visit, rectification=r.rectification, closed_at=r.closed_at,
            overdue=r.closed_at is None and r.follow_up_due < today,
        )

    def open_follow_ups(self, *, mine: bool = False) -> list[FollowUpItem]:
        """Follow-ups not yet closed, the most urgent first; ``overdue`` past their due day."""
        query = self._follow_up_query().where(ServiceRating.closed_at.is_(None))
        if mine:
            query = query.where(ServiceRating.follow_up_by == self.ctx.user_id)
        query = query.order_by(ServiceRating.follow_up_due, ServiceRating.rated_at)
        today = self.ctx.today()
        with self.ctx.reading() as s:
            return [self._follow_up_item(r, today) for r in s.execute(query).all()]

    def follow_up(self, rating_id: uuid.UUID) -> FollowUpItem:
        with self.ctx.reading() as s:
            row = s.execute(self._follow_up_query().where(ServiceRating.id == rating_id)).first()
        if row is None:
            raise NotFoundError("找不到这条差评")
        return self._follow_up_item(row, self.ctx.today())

    def summary(self, day_from: dt.date, day_to: dt.date) -> RatingSummary:
        """Ratings per level recorded on Beijing days ``day_from`` … ``day_to``."""
        start, end = day_bounds(day_from, day_to)
        today = self.ctx.today()
        is_open = ServiceRating.follow_up_due.is_not(None) & ServiceRating.closed_at.is_(None)
        query = (
            select(ServiceRating.level, func.count(),
                   func.count().filter(is_open),
                   func.count().filter(is_open, ServiceRating.follow_up_due < today))
            .where(ServiceRating.office_id == self.ctx.office_id,
                   ServiceRating.rated_at >= start, ServiceRating.rated_at < end)
            .group_by(ServiceRating.level)
        )
        with self.ctx.reading() as s:
            rows = s.execute(query).all()
        counts = {level: 0 for level in sorted(RatingLevel, reverse=True)}
        open_count = overdue = 0
        for level, n, n_open, n_overdue in rows:
            counts[RatingLevel(level)] = int(n)
            open_count += int(n_open)
            overdue += int(n_overdue)
        total = sum(counts.values())
        satisfied = sum(n for level, n in counts.items() if level >= RatingLevel.FAIRLY_SATISFIED)
        return RatingSummary(day_from, day_to, counts, total, satisfied, open_count, overdue)


__all__ = [
    "DEFAULT_FOLLOW_UP_DAYS",
    "FollowUpItem",
    "RatingLevel",
    "RatingService",
    "RatingSummary",
]

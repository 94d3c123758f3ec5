"""首问负责制: every call or visit is logged by whoever took it, and followed to its end.

The person who first answers the phone or the counter is the *first officer*
(首问人) and stays named on the record; unless someone else is named, they are
also the *responsible officer* (责任人) who sees the matter through. A question
answered on the spot is done when it is logged; one forwarded to another
section or office stays open until its outcome is recorded.

Days are Beijing days: the register of 23 November holds what was logged from
00:00 to 24:00 Beijing time, whatever the PC clock's zone and although the
database stores UTC.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.dto import InquiryRegisterData, InquiryRow
from app.errors import FormErrors, NotFoundError, PermissionDenied, StateError, ValidationError
from app.models import Inquiry, ServiceRating, User
from app.permissions import ALLOWED, LEADERS, Action
from app.services.context import LOCAL_TZ, ServiceContext
from app.services.office import StaffItem, office_info, roles_of
from app.services.reference import ReferenceService
from app.validators import validate_phone

ASKER_MAX = 100
ADDRESS_MAX = 200
MATTER_MAX = 100
FORWARDED_TO_MAX = 100
TEXT_MAX = 2000


class Channel(StrEnum):
    PHONE = "phone"  # 来电
    VISIT = "visit"  # 来访

    @property
    def label(self) -> str:
        return {"phone": "来电", "visit": "来访"}[self.value]


class Handling(StrEnum):
    ANSWERED = "answered"  # 当场答复
    FORWARDED = "forwarded"  # 转办

    @property
    def label(self) -> str:
        return {"answered": "当场答复", "forwarded": "转办"}[self.value]


class InquiryFilter(StrEnum):
    """Which inquiries a search lists."""

    ANY = "any"
    ANSWERED = "answered"
    FORWARDED = "forwarded"
    OPEN = "open"  # forwarded and its outcome not yet recorded


@dataclass
class InquiryInput:
    """The quick-entry form as typed (raw text; ``log`` checks and cleans it)."""

    channel: str = Channel.VISIT.value
    asker: str = ""  # a person's name or a unit's name
    address: str = ""
    phone: str = ""
    matter: str = ""  # free text, or a catalogue matter's name (its code is turned into the name)
    question: str = ""
    materials_received: str = ""
    responsible_officer_id: uuid.UUID | None = None  # None: the first officer is responsible
    handling: str = Handling.ANSWERED.value
    forwarded_to: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class InquiryItem:
    id: uuid.UUID
    at: dt.datetime
    channel: Channel
    asker: str
    phone: str
    address: str
    matter: str
    question: str
    materials_received: str
    first_officer_id: uuid.UUID
    first_officer: str
    responsible_officer_id: uuid.UUID | None
    responsible_officer: str
    handling: Handling
    forwarded_to: str
    outcome: str
    closed_at: dt.datetime | None
    rating: int | None  # the latest service rating's level, if the asker rated the service

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


# ---------------------------------------------------------------- helpers shared by the watch services


def day_bounds(first: dt.date, last: dt.date | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants [start, end) covering Beijing days ``first`` … ``last`` (inclusive)."""
    last = first if last is None else last
    start = dt.datetime.combine(first, dt.time.min, LOCAL_TZ).astimezone(dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, LOCAL_TZ).astimezone(dt.UTC)
    return start, end


def office_staff(ctx: ServiceContext) -> list[StaffItem]:
    """The office's active people who hold a working role (not administrators only), by name."""
    staff_roles = ALLOWED[Action.INQUIRY]
    with ctx.reading() as s:
        users = s.scalars(
            select(User).where(User.office_id == ctx.office_id, User.active)
            .order_by(User.display_name)
        ).all()
    found: list[StaffItem] = []
    for u in users:
        roles = roles_of(u.roles)
        if set(roles) & staff_roles:
            found.append(StaffItem(u.id, u.display_name, roles))
    return found


def staff_member(s: Session, ctx: ServiceContext, user_id: uuid.UUID, action: Action) -> User | None:
    """The active user of this office with ``user_id`` who may do ``action``, else None."""
    user = s.get(User, user_id)
    if user is None or user.office_id != ctx.office_id or not user.active:
        return None
    roles = set(roles_of(user.roles))
    return user if roles & ALLOWED[action] else None


def is_leader(ctx: ServiceContext) -> bool:
    return bool(ctx.roles() & LEADERS)


def too_long(field: str, value: str, limit: int, what: str) -> ValidationError:
    return ValidationError(field, value, "length", f"{what}最多 {limit} 个字，现在有 {len(value)} 个字")


# ---------------------------------------------------------------- the service


class InquiryService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    # ------------------------------------------------------------ reference lists

    def officers(self) -> list[StaffItem]:
        return office_staff(self.ctx)

    # ------------------------------------------------------------ writing

    def check(self, form: InquiryInput) -> InquiryInput:
        """The cleaned form, or FormErrors naming every problem at once."""
        errors: list[ValidationError] = []
        try:
            channel = Channel(form.channel)
        except ValueError:
            errors.append(ValidationError("channel", form.channel, "unknown", "请选择来电或来访"))
            channel = Channel.VISIT
        asker = " ".join(form.asker.split())
        if not asker:
            errors.append(ValidationError("asker", form.asker, "empty",
                                          "请填写来电或来访人的姓名，或者单位名称"))
        elif len(asker) > ASKER_MAX:
            errors.append(too_long("asker", asker, ASKER_MAX, "姓名或单位名称"))
        address = form.address.strip()
        if len(address) > ADDRESS_MAX:
            errors.append(too_long("address", address, ADDRESS_MAX, "住址"))
        phone = form.phone.strip()
        if phone:
            try:
                phone = validate_phone(phone, "phone")
            except ValidationError as exc:
                errors.append(exc)
        matter = self._matter_text(form.matter)
        if len(matter) > MATTER_MAX:
            errors.append(too_long("matter", matter, MATTER_MAX, "咨询事项"))
        question = form.question.strip()
        if not question:
            errors.append(ValidationError("question", form.question, "empty",
                                          "请填写来电来访反映或咨询的内容"))
        elif len(question) > TEXT_MAX:
            errors.append(too_long("question", question, TEXT_MAX, "咨询内容"))
        materials = form.materials_received.strip()
        if len(materials) > TEXT_MAX:
            errors.append(too_long("materials_received", materials, TEXT_MAX, "接收材料"))
        try:
            handling = Handling(form.handling)
        except ValueError:
            errors.append(ValidationError("handling", form.handling, "unknown",
                                          "办理方式只能是当场答复或转办"))
            handling = Handling.ANSWERED
        forwarded_to = form.forwarded_to.strip()
        if handling is Handling.FORWARDED:
            if not forwarded_to:
                errors.append(ValidationError("forwarded_to", form.forwarded_to, "empty",
                                              "转办时请写明转给哪个股室、单位或哪位同志"))
            elif len(forwarded_to) > FORWARDED_TO_MAX:
                errors.append(too_long("forwarded_to", forwarded_to, FORWARDED_TO_MAX, "转办对象"))
        else:
            forwarded_to = ""  # answered on the spot: nothing was forwarded
        outcome = form.outcome.strip()
        if len(outcome) > TEXT_MAX:
            errors.append(too_long("outcome", outcome, TEXT_MAX, "办理结果"))
        responsible = form.responsible_officer_id
        if responsible is not None:
            with self.ctx.reading() as s:
                if staff_member(s, self.ctx, responsible, Action.INQUIRY) is None:
                    errors.append(ValidationError("responsible_officer_id", responsible, "unknown",
                                                  "所选责任人不是本单位在岗的工作人员"))
        if errors:
            raise FormErrors(errors)
        return InquiryInput(
            channel=channel.value, asker=asker, address=address, phone=phone, matter=matter,
            question=question, materials_received=materials, responsible_officer_id=responsible,
            handling=handling.value, forwarded_to=forwarded_to, outcome=outcome,
        )

    def _matter_text(self, raw: str) -> str:
        text = raw.strip()
        if not text:
            return ""
        try:
            return self.reference.matter(text.upper()).name  # a catalogue code: keep its name
        except NotFoundError:  # anything else is free text
            return text

    def log(self, form: InquiryInput) -> uuid.UUID:
        """Record a call or visit; the signed-in user is its first officer."""
        self.ctx.require(Action.INQUIRY)
        clean = self.check(form)
        now = self.ctx.now()
        assert self.ctx.office_id is not None and self.ctx.user_id is not None
        inquiry_id = uuid.uuid4()
        with self.ctx.transaction("inquiry.log") as s:
            s.add(Inquiry(
                id=inquiry_id, office_id=self.ctx.office_id, at=now, channel=clean.channel,
                asker=clean.asker, address=clean.address, phone=clean.phone, matter=clean.matter,
                question=clean.question, materials_received=clean.materials_received,
                first_officer_id=self.ctx.user_id,
                responsible_officer_id=clean.responsible_officer_id or self.ctx.user_id,
                handling=clean.handling, forwarded_to=clean.forwarded_to, outcome=clean.outcome,
                # Answered on the spot is done; a forwarded matter waits for its outcome.
                closed_at=now if clean.handling == Handling.ANSWERED else None,
            ))
        return inquiry_id

    def set_outcome(self, inquiry_id: uuid.UUID, outcome: str, *, close: bool = False) -> None:
        """Record what came of it; ``close`` also marks a forwarded matter as done (needs an outcome)."""
        self.ctx.require(Action.INQUIRY)
        text = outcome.strip()
        with self.ctx.transaction("inquiry.close" if close else "inquiry.outcome") as s:
            row = self._load(s, inquiry_id)
            self._may_change(row)
            if close and row.closed_at is not None:
                raise StateError("这条登记已经办结")
            if close and not text:
                raise FormErrors([ValidationError("outcome", outcome, "empty",
                                                  "办结前请填写办理结果，例如“已转国土所，当日答复”")])
            if len(text) > TEXT_MAX:
                raise FormErrors([too_long("outcome", text, TEXT_MAX, "办理结果")])
            if row.outcome != text:
                row.outcome = text
            if close:
                row.closed_at = self.ctx.now()

    def close(self, inquiry_id: uuid.UUID, outcome: str) -> None:
        self.set_outcome(inquiry_id, outcome, close=True)

    def _may_change(self, row: Inquiry) -> None:
        me = self.ctx.user_id
        if me in (row.first_officer_id, row.responsible_officer_id) or is_leader(self.ctx):
            return
        raise PermissionDenied(Action.INQUIRY.value, "只有首问人、责任人或领导可以修改这条登记")

    def _load(self, s: Session, inquiry_id: uuid.UUID) -> Inquiry:
        row = s.get(Inquiry, inquiry_id)
        if row is None or row.office_id != self.ctx.office_id:
            raise NotFoundError("找不到这条首问登记")
        return row

    # ------------------------------------------------------------ reading

    def _select(self) -> Select[Any]:
        first = aliased(User)
        responsible = aliased(User)
        latest_rating = (
            select(ServiceRating.level).where(ServiceRating.inquiry_id == Inquiry.id)
            .order_by(ServiceRating.rated_at.desc()).limit(1).correlate(Inquiry).scalar_subquery()
        )
        return (
            select(Inquiry, first.display_name, responsible.display_name, latest_rating)
            .join(first, Inquiry.first_officer_id == first.id)
            .outerjoin(responsible, Inquiry.responsible_officer_id == responsible.id)
        )

    def _filtered(self, query: Select[Any], text: str, day_from: dt.date | None,
                  day_to: dt.date | None, which: InquiryFilter) -> Select[Any]:
        query = query.where(Inquiry.office_id == self.ctx.office_id)
        text = text.strip()
        if text:
            query = query.where(or_(
                Inquiry.asker.contains(text, autoescape=True),
                Inquiry.phone.startswith(text, autoescape=True),
                Inquiry.matter.contains(text, autoescape=True),
                Inquiry.question.contains(text, autoescape=True),
                Inquiry.forwarded_to.contains(text, autoescape=True),
            ))
        if day_from is not None:
            query = query.where(Inquiry.at >= day_bounds(day_from)[0])
        if day_to is not None:
            query = query.where(Inquiry.at < day_bounds(day_to)[1])
        if which is InquiryFilter.ANSWERED:
            query = query.where(Inquiry.handling == Handling.ANSWERED.value)
        elif which is InquiryFilter.FORWARDED:
            query = query.where(Inquiry.handling == Handling.FORWARDED.value)
        elif which is InquiryFilter.OPEN:
            query = query.where(Inquiry.closed_at.is_(None))
        return query

    @staticmethod
    def _item(row: Any) -> InquiryItem:
        q: Inquiry = row[0]
        return InquiryItem(
            id=q.id, at=q.at, channel=Channel(q.channel), asker=q.asker, phone=q.phone,
            address=q.address, matter=q.matter, question=q.question,
            materials_received=q.materials_received, first_officer_id=q.first_officer_id,
            first_officer=row[1] or "", responsible_officer_id=q.responsible_officer_id,
            responsible_officer=row[2] or "", handling=Handling(q.handling),
            forwarded_to=q.forwarded_to, outcome=q.outcome, closed_at=q.closed_at, rating=row[3],
        )

    def search(self, text: str = "", *, day_from: dt.date | None = None,
               day_to: dt.date | None = None, which: InquiryFilter = InquiryFilter.ANY,
               offset: int = 0, limit: int = 100) -> list[InquiryItem]:
        """One page of inquiries, newest first. ``text`` matches name/unit, phone (beginning),
        matter, question or where it was forwarded; days are Beijing days, both inclusive."""
        query = self._filtered(self._select(), text, day_from, day_to, which)
        query = query.order_by(Inquiry.at.desc(), Inquiry.id).offset(offset).limit(limit)
        with self.ctx.reading() as s:
            return [self._item(r) for r in s.execute(query).all()]

    def count(self, text: str = "", *, day_from: dt.date | None = None,
              day_to: dt.date | None = None, which: InquiryFilter = InquiryFilter.ANY) -> int:
        query = self._filtered(select(func.count()).select_from(Inquiry), text, day_from, day_to, which)
        with self.ctx.reading() as s:
            return int(s.scalar(query) or 0)

    def get(self, inquiry_id: uuid.UUID) -> InquiryItem:
        with self.ctx.reading() as s:
            row = s.execute(self._select().where(Inquiry.id == inquiry_id,
                                                 Inquiry.office_id == self.ctx.office_id)).first()
        if row is None:
            raise NotFoundError("找不到这条首问登记")
        return self._item(row)

    def register(self, day: dt.date | None = None) -> InquiryRegisterData:
        """首问负责登记簿 of one Beijing day (default: today), in the order things happened."""
        day = day or self.ctx.today()
        start, end = day_bounds(day)
        query = (self._select()
                 .where(Inquiry.office_id == self.ctx.office_id, Inquiry.at >= start, Inquiry.at < end)
                 .order_by(Inquiry.at, Inquiry.id))
        with self.ctx.reading() as s:
            office = office_info(s, self.ctx)
            items = [self._item(r) for r in s.execute(query).all()]
        return InquiryRegisterData(
            office=office, day=day,
            rows=tuple(
                InquiryRow(
                    at=i.at, channel=i.channel.label, asker=i.asker, phone=i.phone,
                    address=i.address, matter=i.matter, question=i.question,
                    materials_received=i.materials_received, first_officer=i.first_officer,
                    responsible_officer=i.responsible_officer or i.first_officer,
                    handling=i.handling.label, forwarded_to=i.forwarded_to, outcome=i.outcome,
                )
                for i in items
            ),
        )


__all__ = [
    "Channel",
    "Handling",
    "InquiryFilter",
    "InquiryInput",
    "InquiryItem",
    "InquiryService",
    "StaffItem",
    "day_bounds",
    "office_staff",
]

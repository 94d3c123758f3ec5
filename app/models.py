"""SQLAlchemy 2 typed models.

Domain rows use UUID keys so records made in different townships never clash
when the county consolidates them.  The two logs use integer sequences because
their order *is* their meaning (the audit hash chain, the sync change range).
Relationships are ``lazy="raise"``: services load what they need explicitly and
an accidental lazy load fails loudly instead of quietly issuing queries.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, hands back aware UTC; refuses naive input.

    SQLite has no time zones and PC clocks are set to local time, so the only
    safe rule is: everything in the database is UTC and only the UI converts
    to Asia/Shanghai.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


# Times the flush stamps from the acting service's clock (app/audit.py), never the PC's:
# "insert" when the row is made, "change" when it is made and whenever its columns change.
STAMP_ON_INSERT: dict[str, Any] = {"stamp": "insert"}
STAMP_ON_CHANGE: dict[str, Any] = {"stamp": "change"}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime, uuid.UUID: Uuid, dict[str, Any]: JSON}


class Office(Base):
    __tablename__ = "office"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    county: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    complaint_phone: Mapped[str] = mapped_column(String(40), default="")
    reconsideration_body: Mapped[str] = mapped_column(String(100), default="")
    court: Mapped[str] = mapped_column(String(100), default="")
    is_county: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_INSERT)
    updated_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_CHANGE)


class User(Base):
    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("office_id", "username"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"), index=True)
    # Unique per office, not globally: the county holds every township's "wangxm".
    username: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(40))
    roles: Mapped[str] = mapped_column(String(200), default="")  # comma-separated Role values
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_INSERT)

    office: Mapped[Office] = relationship(lazy="raise")


class CatalogVersion(Base):
    __tablename__ = "catalog_version"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    version: Mapped[str] = mapped_column(String(40))
    issued_by: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[dt.date] = mapped_column(Date)
    checksum: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(20))  # bundled / county / local
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    loaded_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_INSERT)


class Matter(Base):
    __tablename__ = "matter"
    __table_args__ = (UniqueConstraint("catalog_version_id", "code"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    catalog_version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("catalog_version.id"))
    code: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(40))
    tier: Mapped[str] = mapped_column(String(20))
    legal_days: Mapped[int] = mapped_column(Integer)
    promised_days: Mapped[int] = mapped_column(Integer)
    # Everything else the catalogue says (fees, legal basis, steps, phones) is
    # kept whole: it is printed and routed from, never queried by column.
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)

    catalog_version: Mapped[CatalogVersion] = relationship(lazy="raise")
    materials: Mapped[list[MaterialRequirement]] = relationship(
        lazy="raise", order_by="MaterialRequirement.sort"
    )


class MaterialRequirement(Base):
    __tablename__ = "material_requirement"
    __table_args__ = (UniqueConstraint("matter_id", "code"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    matter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("matter.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    sort: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(20))
    copies: Mapped[int] = mapped_column(Integer)
    required: Mapped[bool] = mapped_column(Boolean)
    condition: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")


class Applicant(Base):
    __tablename__ = "applicant"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # person / organisation
    name: Mapped[str] = mapped_column(String(100), index=True)
    id_type: Mapped[str] = mapped_column(String(20))  # resident_id / uscc / other
    id_number: Mapped[str] = mapped_column(String(40), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    village: Mapped[str] = mapped_column(String(100), default="")
    legal_rep: Mapped[str] = mapped_column(String(40), default="")
    legal_rep_id_number: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_INSERT)
    updated_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_CHANGE)


class Case(Base):
    """办件: one application from intake to its end."""

    __tablename__ = "case_file"
    __table_args__ = (
        Index("ix_case_file_office_status_due", "office_id", "status", "due_date"),
        Index("ix_case_file_received_at", "received_at"),
        # The completion register and "completed in a month" (130 ms → 17 ms for a day's
        # register of a 200,000-case office).
        Index("ix_case_file_completed_at", "completed_at"),
        # The case list's order (green channel first, newest first, id to break ties): its
        # first page and every later page (keyset) read 200 index entries, not a million rows.
        Index("ix_case_file_list_order", "green_channel", "received_at", "id"),
        # The same order within one status: the list filtered by status or due date at the county
        # (whose list has no office to narrow it) reads its page, not every case (600 ms → 1 ms).
        Index("ix_case_file_status_order", "status", "green_channel", "received_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    number: Mapped[str | None] = mapped_column(String(24), unique=True, default=None)
    notice_number: Mapped[str | None] = mapped_column(String(24), unique=True, default=None)
    matter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("matter.id"), index=True)
    applicant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applicant.id"), index=True)
    clerk_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    status: Mapped[str] = mapped_column(String(20))
    green_channel: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str] = mapped_column(Text, default="")  # 申请事项说明
    location: Mapped[str] = mapped_column(String(200), default="")  # 坐落
    area_m2: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    agent_name: Mapped[str] = mapped_column(String(40), default="")
    agent_id_number: Mapped[str] = mapped_column(String(40), default="")
    agent_phone: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[dt.datetime] = mapped_column()
    accepted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    decided_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    promised_days: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    due_uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    # 行政许可法 第三十二条: a late one-time notice makes the application count
    # as accepted from the day the materials arrived; we record that it happened.
    notice_late: Mapped[bool] = mapped_column(Boolean, default=False)
    pending_due: Mapped[dt.date | None] = mapped_column(Date, default=None)  # green channel
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
    # Routing (after acceptance): who holds the case now, at which catalogue step.
    holder_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None, index=True)
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    completed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    result: Mapped[str] = mapped_column(String(20), default="")  # approved / not_approved / withdrawn
    decision_number: Mapped[str | None] = mapped_column(String(24), unique=True, default=None)
    decision_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_INSERT)
    updated_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_CHANGE)

    __mapper_args__ = {"version_id_col": version}

    matter: Mapped[Matter] = relationship(lazy="raise")
    applicant: Mapped[Applicant] = relationship(lazy="raise")
    clerk: Mapped[User] = relationship(lazy="raise", foreign_keys=[clerk_id])
    materials: Mapped[list[CaseMaterial]] = relationship(
        lazy="raise", order_by="CaseMaterial.sort", cascade="all, delete-orphan"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        lazy="raise", order_by="CaseEvent.at", cascade="all, delete-orphan"
    )
    # Declared so the unit of work writes a case before the rows that point at it.
    steps: Mapped[list[CaseStep]] = relationship(lazy="raise", order_by="CaseStep.seq")
    pauses: Mapped[list[CasePause]] = relationship(lazy="raise", order_by="CasePause.start_date")
    reviews: Mapped[list[CollectiveReview]] = relationship(lazy="raise")


class CaseMaterial(Base):
    __tablename__ = "case_material"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    requirement_code: Mapped[str] = mapped_column(String(20), default="")
    sort: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(20))
    copies_required: Mapped[int] = mapped_column(Integer)
    copies_received: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean)
    # received / missing / defective / not_applicable (conditional and not needed)
    status: Mapped[str] = mapped_column(String(20))
    problem: Mapped[str] = mapped_column(Text, default="")


class CaseEvent(Base):
    __tablename__ = "case_event"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[dt.datetime] = mapped_column()
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Holiday(Base):
    """One exception to the Mon–Fri rule (法定节假日 on a weekday, 调休 on a weekend)."""

    __tablename__ = "holiday"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(20))  # chinesecalendar / county / local
    updated_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_CHANGE)


class CalendarYear(Base):
    """A year whose official holiday arrangement is known; others are guessed as Mon–Fri."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_CHANGE)


class SequenceCounter(Base):
    """Per-office, per-year number sequences (case numbers, notice numbers): never reused."""

    __tablename__ = "sequence_counter"

    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


class AuditLog(Base):
    """Who changed what, when, before and after — chained by hashes."""

    __tablename__ = "audit_log"
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column()
    office_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's last link. Updating this one row serialises writers, so two
    PCs on one PostgreSQL database can never fork the chain."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class ChangeLog(Base):
    """Every row change, in order, for the township → county sync."""

    __tablename__ = "change_log"
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column()
    office_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(10))  # insert / update / delete
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    batch_seq: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    # SHA-256 of the row after the change (None for a delete) and of the row it replaced
    # (None for an insert): the county applies a change only onto the version it was made from.
    row_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    base_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class CaseStep(Base):
    """One hand-off of a case (传办单的一行), or a return (退件单) when ``kind`` is "return".

    Accountability is read from these rows: who sent it, to whom, when it was
    signed for, when it was done, with what opinion, within which limit.
    """

    __tablename__ = "case_step"
    __table_args__ = (
        UniqueConstraint("case_id", "seq"),
        Index("ix_case_step_to_user_open", "to_user_id", "done_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, … in the order of hand-offs
    kind: Mapped[str] = mapped_column(String(10), default="forward")  # forward / return
    step_order: Mapped[int] = mapped_column(Integer)  # the catalogue step this row is for
    step_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    from_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    to_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    sent_at: Mapped[dt.datetime] = mapped_column()
    received_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # 签收
    done_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    due_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    due_uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    opinion: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(20), default="")  # agree / disagree / returned / …
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)  # the handler's confirmation
    reason: Mapped[str] = mapped_column(Text, default="")  # for returns: why
    return_target: Mapped[str] = mapped_column(String(20), default="")  # step / applicant


class CasePause(Base):
    """A period that does not count towards the time limit (行政许可法 第四十五条)."""

    __tablename__ = "case_pause"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # supplement / public_notice / hearing / expert_review
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    started_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    ended_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)


class CollectiveReview(Base):
    """集体会审 of a major matter: the meeting and what it decided."""

    __tablename__ = "collective_review"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    participants: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(String(20))  # agree / disagree / defer
    minutes: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    recorded_at: Mapped[dt.datetime] = mapped_column()


class SupervisionNotice(Base):
    """督办单: a leader asks for an explanation on a case by a date."""

    __tablename__ = "supervision_notice"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"), index=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_file.id"), default=None, index=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    issued_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    issued_to: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    issued_at: Mapped[dt.datetime] = mapped_column()
    reason: Mapped[str] = mapped_column(Text)
    reply_due: Mapped[dt.date] = mapped_column(Date)
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    replied_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class Inquiry(Base):
    """首问负责制: every call or visit, whoever took it."""

    __tablename__ = "inquiry"
    __table_args__ = (Index("ix_inquiry_office_at", "office_id", "at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    at: Mapped[dt.datetime] = mapped_column()
    channel: Mapped[str] = mapped_column(String(10))  # phone / visit
    asker: Mapped[str] = mapped_column(String(100), index=True)  # name or unit
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)
    matter: Mapped[str] = mapped_column(String(100), default="")
    question: Mapped[str] = mapped_column(Text)
    materials_received: Mapped[str] = mapped_column(Text, default="")
    first_officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    responsible_officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    handling: Mapped[str] = mapped_column(String(20))  # answered / forwarded
    forwarded_to: Mapped[str] = mapped_column(String(100), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class ServiceRating(Base):
    """好差评: five levels; the two lowest open a follow-up that stays listed until closed."""

    __tablename__ = "service_rating"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"), index=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_file.id"), default=None)
    inquiry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("inquiry.id"), default=None)
    level: Mapped[int] = mapped_column(Integer)  # 5 非常满意 … 1 非常不满意
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_at: Mapped[dt.datetime] = mapped_column()
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date, default=None)
    follow_up_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    return_visit: Mapped[str] = mapped_column(Text, default="")  # 回访情况
    rectification: Mapped[str] = mapped_column(Text, default="")  # 整改措施
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


# Tables whose changes are not themselves logged (the logs, and bookkeeping).
UNLOGGED_TABLES = frozenset({"audit_log", "audit_head", "change_log"})


# ---------------------------------------------------------------- sync bookkeeping (app/sync)


class SyncKey(Base):
    """This office's own signing (Ed25519) and receiving (X25519) keys: one row.

    Kept in the database so a backup restores the office's identity with its data.
    """

    __tablename__ = "sync_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    office_code: Mapped[str] = mapped_column(String(9))
    ed25519_private: Mapped[str] = mapped_column(String(64))  # base64 of the 32 raw bytes
    x25519_private: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(info=STAMP_ON_INSERT)


class SyncPeer(Base):
    """A registered public key: the county at a township, every township at the county."""

    __tablename__ = "sync_peer"

    office_code: Mapped[str] = mapped_column(String(9), primary_key=True)
    office_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))  # township / county
    ed25519_public: Mapped[str] = mapped_column(String(64))
    x25519_public: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(50))
    registered_at: Mapped[dt.datetime] = mapped_column()


class SyncBatch(Base):
    """A batch file this township made: enough to re-make it byte for byte."""

    __tablename__ = "sync_batch"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    first_change: Mapped[int] = mapped_column(Integer)
    last_change: Mapped[int] = mapped_column(Integer)
    record_count: Mapped[int] = mapped_column(Integer)
    batch_hash: Mapped[str] = mapped_column(String(64))
    prev_batch_hash: Mapped[str] = mapped_column(String(64))
    data_key: Mapped[str] = mapped_column(String(64))  # base64; lets a re-made file be identical
    wrapped_key: Mapped[str] = mapped_column(Text)
    recipient: Mapped[str] = mapped_column(String(50))  # the county key's fingerprint
    made_at: Mapped[dt.datetime] = mapped_column()
    file_name: Mapped[str] = mapped_column(String(100))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON)
    flagged: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20))  # sent / acknowledged / resend
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class SyncOfficeState(Base):
    """Where the chain of one office's batches stands.

    At the county: one row per township (last batch applied, its hash, last downlink made).
    At a township: one row for itself, learned from the county's downlinks (what the
    county holds), so a restored database never reuses a batch number.
    """

    __tablename__ = "sync_office_state"

    office_code: Mapped[str] = mapped_column(String(9), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    downlink_seq: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column()


class SyncHeld(Base):
    """A batch that arrived before the one it follows; applied when the gap is filled."""

    __tablename__ = "sync_held"
    __table_args__ = (UniqueConstraint("office_code", "batch_seq"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_code: Mapped[str] = mapped_column(String(9))
    batch_seq: Mapped[int] = mapped_column(Integer)
    batch_hash: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200))
    stored_path: Mapped[str] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column()


class SyncRow(Base):
    """At the county: which office a row came from and the hash of the version held."""

    __tablename__ = "sync_row"
    __table_args__ = (Index("ix_sync_row_office_code", "office_code"),)

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(9))
    row_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncVersion(Base):
    """At the county: every version of a township's row it has held (by hash). A record that
    brings one of them again is a re-sent or older version of the same chain, not a conflict."""

    __tablename__ = "sync_version"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_hash: Mapped[str] = mapped_column(String(64), primary_key=True)


class SyncConflict(Base):
    """An incoming version that did not start from the version the county holds."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_office_resolved", "office_code", "resolved"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_code: Mapped[str] = mapped_column(String(9))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    county_version: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    incoming_version: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    change_seq: Mapped[int] = mapped_column(Integer)
    batch_seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column()
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncImport(Base):
    """One imported (or refused, or held) file and what it did, shown in the import history."""

    __tablename__ = "sync_import"
    __table_args__ = (Index("ix_sync_import_office_seq", "office_code", "batch_seq"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    file_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # uplink / downlink
    office_code: Mapped[str] = mapped_column(String(9), default="")
    office_name: Mapped[str] = mapped_column(String(100), default="")
    batch_seq: Mapped[int] = mapped_column(Integer, default=0)
    batch_hash: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(10))  # applied / duplicate / held / refused
    message: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[dt.datetime] = mapped_column()


# Tables that stay in this database: never sent in a batch (settings are per PC, the
# sync tables describe this office's side of the exchange).
LOCAL_TABLES = frozenset({"setting", "sync_key", "sync_peer", "sync_batch", "sync_office_state",
                          "sync_held", "sync_row", "sync_version", "sync_conflict", "sync_import"})


# ---------------------------------------------------------------- 千分制考核 (app/assessment.py)


class AssessmentEntry(Base):
    """One entered score of the year-end assessment: a deduction on an item, a bonus, a
    deduction off the total, or a veto — always with a note, and evidence where there is some.

    The scheme itself is a data file the county issues (resources/assessment); an entry names
    the scheme version it was made under. A township's own entries (自评) travel to the county
    in its batches; wrong entries are withdrawn (with a reason), never deleted.
    """

    __tablename__ = "assessment_entry"
    __table_args__ = (Index("ix_assessment_entry_office_year", "office_id", "year"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))  # the office assessed
    year: Mapped[int] = mapped_column(Integer)
    scheme_version: Mapped[str] = mapped_column(String(40))
    item_code: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(12))  # item / bonus / deduction / veto
    points: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    note: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="")
    evidence_file: Mapped[str] = mapped_column(String(200), default="")  # file name only
    evidence_sha256: Mapped[str] = mapped_column(String(64), default="")
    entered_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    entered_at: Mapped[dt.datetime] = mapped_column()
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    withdrawn_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    withdraw_reason: Mapped[str] = mapped_column(Text, default="")


# ---------------------------------------------------------------- 精细化管理 (issue 8)
# Targets broken down by year and month, task packages (打包入库 → 验收出库), study records
# and petition pairing. Each office owns its rows; batches carry them to the county, which
# reads every township's but changes none.


class WorkTarget(Base):
    """A measurable goal of the office over one or more years (目标任务), e.g. 村庄改造 120 个.

    A yearly target may break down a plan of several years (``parent_id``), and is broken
    down further by month (TargetMonth). Quantities are in the target's own unit.
    """

    __tablename__ = "work_target"
    __table_args__ = (Index("ix_work_target_office_years", "office_id", "first_year", "last_year"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    # No foreign key: sync batches and recovery files order rows by table, not by parent within
    # one table, so a yearly target may arrive before its plan. The service checks the link.
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(10))
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    planned: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    created_at: Mapped[dt.datetime] = mapped_column()
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    cancelled_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")


class TargetMonth(Base):
    """The part of a yearly target planned for one month (层层分解到月)."""

    __tablename__ = "target_month"
    __table_args__ = (UniqueConstraint("target_id", "month", name="uq_target_month_target_month"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    target_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_target.id"))
    month: Mapped[dt.date] = mapped_column(Date)  # the first day of the month
    planned: Mapped[Decimal] = mapped_column(Numeric(14, 2))


class TaskPackage(Base):
    """A task package (任务包): entered, assigned to one responsible person, reported on,
    inspected, accepted or sent back, and scored.

    ``status``: entered (入库) → assigned (已分配) → in_progress (实施中) → submitted (报验收)
    → accepted (验收出库) or returned (退回整改, then in_progress again) → scored (已评分);
    or cancelled (撤销) before acceptance.
    """

    __tablename__ = "task_package"
    __table_args__ = (Index("ix_task_package_office_status", "office_id", "status"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    number: Mapped[str] = mapped_column(String(24), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    target_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("work_target.id"), default=None,
                                                        index=True)
    target_quantity: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    unit: Mapped[str] = mapped_column(String(10), default="")
    responsible_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    co_worker_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated user ids
    start_date: Mapped[dt.date] = mapped_column(Date)
    working_days: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    entered_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    entered_at: Mapped[dt.datetime] = mapped_column()
    assigned_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    assigned_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    accepted_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    acceptance_note: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 1), default=None)
    score_note: Mapped[str] = mapped_column(Text, default="")
    scored_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    scored_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")


class PackageMilestone(Base):
    """A milestone of a package: what is to be reached by when (节点)."""

    __tablename__ = "package_milestone"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("task_package.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[dt.date] = mapped_column(Date)
    done_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    done_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)


class PackageProgress(Base):
    """A progress report (进度报告): the quantity achieved since the last report, as of a date."""

    __tablename__ = "package_progress"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("task_package.id"), index=True)
    as_of: Mapped[dt.date] = mapped_column(Date, index=True)  # the month the work counts in
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal(0))
    note: Mapped[str] = mapped_column(Text)
    reported_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    reported_at: Mapped[dt.datetime] = mapped_column()


class PackageInspection(Base):
    """督查 of a package: what was found, what must be put right, and by when."""

    __tablename__ = "package_inspection"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("task_package.id"), index=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    issued_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    issued_at: Mapped[dt.datetime] = mapped_column()
    finding: Mapped[str] = mapped_column(Text)
    requirement: Mapped[str] = mapped_column(Text, default="")
    rectify_due: Mapped[dt.date] = mapped_column(Date)
    rectification: Mapped[str] = mapped_column(Text, default="")
    rectified_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    rectified_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class PackageEvent(Base):
    """The package's history: entered, assigned, submitted, accepted, returned, scored …"""

    __tablename__ = "package_event"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("task_package.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column()
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class PackageEvidence(Base):
    """A file kept as evidence for a package (photos, minutes, acceptance forms).

    The file itself is copied into the data folder under its SHA-256; the row names it.
    """

    __tablename__ = "package_evidence"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("task_package.id"), index=True)
    progress_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("package_progress.id"), default=None)
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("package_inspection.id"),
                                                            default=None)
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    added_at: Mapped[dt.datetime] = mapped_column()


class StudyRecord(Base):
    """学习记录: self-study hours, a research article, a training attended, a certificate earned.

    Wrong records are withdrawn with a reason, never deleted.
    """

    __tablename__ = "study_record"
    __table_args__ = (Index("ix_study_record_office_date", "office_id", "on_date"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # self_study / article / training / certificate
    on_date: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 1), default=Decimal(0))
    title: Mapped[str] = mapped_column(String(200))
    tier: Mapped[str] = mapped_column(String(12), default="")  # training: leader / middle / staff
    organiser: Mapped[str] = mapped_column(String(100), default="")
    certificate_no: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    evidence_file: Mapped[str] = mapped_column(String(200), default="")
    evidence_sha256: Mapped[str] = mapped_column(String(64), default="")
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    recorded_at: Mapped[dt.datetime] = mapped_column()
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    withdrawn_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    withdraw_reason: Mapped[str] = mapped_column(Text, default="")


class PetitionCase(Base):
    """信访老户 paired with a leader (结对消访); closed only with a recorded resolution."""

    __tablename__ = "petition_case"
    __table_args__ = (Index("ix_petition_case_office_status", "office_id", "status"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    office_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("office.id"))
    number: Mapped[str] = mapped_column(String(24), unique=True)
    petitioner: Mapped[str] = mapped_column(String(100))
    id_number: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    village: Mapped[str] = mapped_column(String(100), default="")
    subject: Mapped[str] = mapped_column(String(200))
    history: Mapped[str] = mapped_column(Text, default="")
    first_petition_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    leader_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    paired_at: Mapped[dt.datetime] = mapped_column()
    paired_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    status: Mapped[str] = mapped_column(String(10))  # open / closed
    resolution_kind: Mapped[str] = mapped_column(String(16), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)


class PetitionContact(Base):
    """One contact with the petitioner: when, how, who, what was said and what came of it."""

    __tablename__ = "petition_contact"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    petition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("petition_case.id"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(12))  # visit / talk / phone / letter
    leader_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    participants: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    next_step: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    recorded_at: Mapped[dt.datetime] = mapped_column()

"""One-window intake (一窗受理): an application ends as accepted, incomplete or refused.

Each public method is one transaction. Forms are checked completely before
anything is written, and every problem is reported at once (a clerk fixes
the whole form in one go, just as the applicant gets one notice listing
every missing material).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.dto import (
    Deadline,
    IncompleteNoticeData,
    MaterialForm,
    MissingMaterial,
    OfficeInfo,
    PartyInfo,
    ReceiptData,
    ReceivedMaterial,
    RefusalNoticeData,
)
from app.errors import FormErrors, NotFoundError, StateError, ValidationError
from app.models import Applicant, Case, CaseEvent, CaseMaterial
from app.permissions import Action
from app.services.context import ServiceContext, local_date
from app.services.numbering import next_office_number
from app.services.office import office_info, user_name
from app.services.reference import MatterItem, ReferenceService
from app.units import parse_area
from app.validators import parse_resident_id, validate_phone, validate_uscc
from app.workcalendar import coverage_warning

# 行政许可法 第三十二条: the one-time notice is due on the spot or within five days.
NOTICE_DAYS = 5


class CaseStatus(StrEnum):
    RECEIVED = "received"  # 已收件，待审查（5 个工作日内须决定）
    INCOMPLETE = "incomplete"  # 已一次性告知，待补正
    ACCEPTED = "accepted"  # 已受理，办理中（在各环节之间传办）
    REJECTED = "rejected"  # 不予受理
    COMPLETED = "completed"  # 已办结（准予 / 不予 / 撤回）
    RETURNED = "returned"  # 已退件（退回申请人）

    @property
    def label(self) -> str:
        return {
            "received": "已收件待审",
            "incomplete": "待补正",
            "accepted": "已受理",
            "rejected": "不予受理",
            "completed": "已办结",
            "returned": "已退件",
        }[self.value]


class MaterialStatus(StrEnum):
    RECEIVED = "received"  # 已收
    MISSING = "missing"  # 未提交
    DEFECTIVE = "defective"  # 不符合要求
    NOT_APPLICABLE = "not_applicable"  # 不适用（视情形提交的材料）

    @property
    def label(self) -> str:
        return {"received": "已收", "missing": "未提交", "defective": "不符合要求",
                "not_applicable": "不适用"}[self.value]


ID_TYPE_LABELS = {"resident_id": "居民身份证", "uscc": "统一社会信用代码", "other": "其他证件"}


@dataclass
class MaterialTick:
    code: str
    status: MaterialStatus
    copies_received: int = 0
    problem: str = ""


@dataclass
class ApplicantInput:
    kind: str = "person"  # person / organisation
    name: str = ""
    id_type: str = "resident_id"  # resident_id / uscc / other
    id_number: str = ""
    phone: str = ""
    address: str = ""
    village: str = ""
    legal_rep: str = ""
    legal_rep_id_number: str = ""


@dataclass
class IntakeForm:
    matter_code: str = ""
    applicant: ApplicantInput = field(default_factory=ApplicantInput)
    agent_name: str = ""
    agent_id_number: str = ""
    agent_phone: str = ""
    summary: str = ""
    location: str = ""
    area: str = ""  # as typed: "1333.33", "2亩", "0.5公顷"
    green_channel: bool = False
    pending_due: dt.date | None = None  # green channel: when missing materials must follow
    materials: list[MaterialTick] = field(default_factory=list)


class Decision(StrEnum):
    RECEIVE = "receive"
    ACCEPT = "accept"
    INCOMPLETE = "incomplete"
    REFUSE = "refuse"


@dataclass(frozen=True)
class CleanApplicant:
    kind: str
    name: str
    id_type: str
    id_number: str
    phone: str
    address: str
    village: str
    legal_rep: str
    legal_rep_id_number: str


@dataclass(frozen=True)
class CleanForm:
    matter: MatterItem
    applicant: CleanApplicant
    agent_name: str
    agent_id_number: str
    agent_phone: str
    summary: str
    location: str
    area_m2: Decimal | None
    green_channel: bool
    pending_due: dt.date | None
    materials: tuple[MaterialTick, ...]  # in catalogue order, one per requirement

    def defects(self) -> list[MaterialTick]:
        return [t for t in self.materials if t.status in (MaterialStatus.MISSING, MaterialStatus.DEFECTIVE)]


@dataclass(frozen=True)
class IntakeOutcome:
    case_id: uuid.UUID
    status: CaseStatus
    number: str  # case number, or the notice's number
    document: ReceiptData | IncompleteNoticeData | RefusalNoticeData | None
    warnings: tuple[str, ...] = ()


def _material_field(code: str) -> str:
    return f"material:{code}"


class IntakeService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    # ------------------------------------------------------------ checking

    def check(self, form: IntakeForm, decision: Decision, reason: str = "") -> CleanForm:
        """Validate the whole form for a decision; raise FormErrors listing every problem."""
        errors: list[ValidationError] = []
        matter: MatterItem | None = None
        if not form.matter_code:
            errors.append(ValidationError("matter", "", "empty", "请选择申请事项"))
        else:
            try:
                matter = self.reference.matter(form.matter_code)
            except NotFoundError as exc:
                errors.append(ValidationError("matter", form.matter_code, "unknown", exc.message))

        applicant = self._check_applicant(form.applicant, errors)

        agent_name = form.agent_name.strip()
        agent_id = form.agent_id_number.strip()
        agent_phone = form.agent_phone.strip()
        if agent_name or agent_id:
            if not agent_name:
                errors.append(ValidationError("agent_name", "", "empty", "填写了代理人证件号码，请同时填写代理人姓名"))
            try:
                agent_id = parse_resident_id(agent_id, "agent_id_number", today=self.ctx.today()).number
            except ValidationError as exc:
                errors.append(exc)
        if agent_phone:
            try:
                agent_phone = validate_phone(agent_phone, "agent_phone")
            except ValidationError as exc:
                errors.append(exc)

        area: Decimal | None = None
        if form.area.strip():
            try:
                area = parse_area(form.area, "area")
            except ValidationError as exc:
                errors.append(exc)

        ticks: tuple[MaterialTick, ...] = ()
        if matter is not None:
            ticks = self._check_materials(matter, form, decision, errors)

        pending_due = form.pending_due
        if decision is Decision.ACCEPT and matter is not None and ticks:
            outstanding = [t for t in ticks if t.status in (MaterialStatus.MISSING, MaterialStatus.DEFECTIVE)]
            if outstanding and not form.green_channel:
                errors.append(ValidationError(
                    "materials", len(outstanding), "incomplete",
                    f"还有 {len(outstanding)} 项材料未齐或不符合要求，不能受理；"
                    "请出具一次性告知书，或对重点项目勾选“绿色通道”先行受理",
                ))
            elif outstanding and pending_due is None:
                errors.append(ValidationError("pending_due", None, "empty",
                                              "绿色通道先行受理时，请填写补齐材料的期限"))
            elif outstanding and pending_due is not None and pending_due < self.ctx.today():
                errors.append(ValidationError("pending_due", pending_due, "past",
                                              "补齐材料的期限不能早于今天"))
            if not outstanding:
                pending_due = None
        else:
            pending_due = None
        if decision is Decision.INCOMPLETE and matter is not None and ticks and not any(
            t.status in (MaterialStatus.MISSING, MaterialStatus.DEFECTIVE) for t in ticks
        ):
            errors.append(ValidationError("materials", 0, "complete",
                                          "材料已经齐全，无需出具一次性告知书，请直接受理"))
        if decision is Decision.REFUSE and not reason.strip():
            errors.append(ValidationError("reason", reason, "empty",
                                          "请填写不予受理的理由（例如：申请事项不属于本机关职权范围）"))
        if errors:
            raise FormErrors(errors)
        assert matter is not None and applicant is not None
        return CleanForm(
            matter=matter, applicant=applicant, agent_name=agent_name, agent_id_number=agent_id,
            agent_phone=agent_phone, summary=form.summary.strip(), location=form.location.strip(),
            area_m2=area, green_channel=form.green_channel, pending_due=pending_due,
            materials=ticks,
        )

    def _check_applicant(self, a: ApplicantInput, errors: list[ValidationError]) -> CleanApplicant | None:
        before = len(errors)
        name = a.name.strip()
        if not name:
            errors.append(ValidationError("name", a.name, "empty",
                                          "请填写申请人姓名" if a.kind == "person" else "请填写单位名称"))
        id_number = a.id_number.strip()
        try:
            if a.id_type == "resident_id":
                id_number = parse_resident_id(id_number, "id_number", today=self.ctx.today()).number
            elif a.id_type == "uscc":
                id_number = validate_uscc(id_number, "id_number")
            elif a.id_type == "other":
                if not id_number:
                    raise ValidationError("id_number", "", "empty", "请填写证件号码")
            else:
                raise ValidationError("id_type", a.id_type, "unknown", "请选择证件类型")
        except ValidationError as exc:
            errors.append(exc)
        phone = a.phone.strip()
        if not phone:
            errors.append(ValidationError("phone", "", "empty", "请填写联系电话，办结后要通知申请人"))
        else:
            try:
                phone = validate_phone(phone, "phone")
            except ValidationError as exc:
                errors.append(exc)
        legal_rep = a.legal_rep.strip()
        legal_rep_id = a.legal_rep_id_number.strip()
        if a.kind == "organisation":
            if not legal_rep:
                errors.append(ValidationError("legal_rep", "", "empty", "单位申请请填写法定代表人（负责人）姓名"))
            if legal_rep_id:
                try:
                    legal_rep_id = parse_resident_id(legal_rep_id, "legal_rep_id_number", today=self.ctx.today()).number
                except ValidationError as exc:
                    errors.append(exc)
        elif a.kind != "person":
            errors.append(ValidationError("kind", a.kind, "unknown", "申请人类型只能是个人或单位"))
        if len(errors) > before:
            return None
        return CleanApplicant(
            kind=a.kind, name=name, id_type=a.id_type, id_number=id_number, phone=phone,
            address=a.address.strip(), village=a.village.strip(), legal_rep=legal_rep,
            legal_rep_id_number=legal_rep_id,
        )

    def _check_materials(self, matter: MatterItem, form: IntakeForm, decision: Decision,
                         errors: list[ValidationError]) -> tuple[MaterialTick, ...]:
        given = {t.code: t for t in form.materials}
        unknown = set(given) - {m.code for m in matter.materials}
        for code in sorted(unknown):
            errors.append(ValidationError(_material_field(code), code, "unknown",
                                          f"材料 {code} 不在“{matter.name}”的材料清单中"))
        ticks: list[MaterialTick] = []
        for m in matter.materials:
            tick = given.get(m.code)
            if tick is None:
                tick = MaterialTick(m.code, MaterialStatus.MISSING, 0, "")
            status = MaterialStatus(tick.status)
            problem = tick.problem.strip()
            copies = tick.copies_received
            where = _material_field(m.code)
            if status is MaterialStatus.NOT_APPLICABLE and m.required:
                errors.append(ValidationError(where, status, "required",
                                              f"“{m.name}”是必交材料，不能标为不适用"))
            if status is MaterialStatus.DEFECTIVE and not problem and decision is not Decision.REFUSE:
                errors.append(ValidationError(where, problem, "problem",
                                              f"请写明“{m.name}”哪里不符合要求，告知书要逐项列明"))
            if status is MaterialStatus.RECEIVED:
                if copies <= 0:
                    copies = m.copies
                if copies < m.copies:
                    errors.append(ValidationError(
                        where, copies, "copies",
                        f"“{m.name}”需要 {m.copies} 份，只收到 {copies} 份；请补足或标为不符合要求",
                    ))
            else:
                copies = 0
            ticks.append(MaterialTick(m.code, status, copies, problem))
        return tuple(ticks)

    # ------------------------------------------------------------ decisions

    def receive(self, form: IntakeForm) -> IntakeOutcome:
        """收件: take the materials now and decide within five working days."""
        self.ctx.require(Action.INTAKE)
        clean = self.check(form, Decision.RECEIVE)
        now = self.ctx.now()
        deadline = self._notice_deadline(now)
        with self.ctx.transaction("intake.receive") as s:
            case = self._new_case(s, clean, CaseStatus.RECEIVED, now)
            case.due_date, case.due_uncertain = deadline.due, deadline.uncertain
            self._event(s, case, "received", now, f"收件，须于 {deadline.due:%Y-%m-%d} 前决定是否受理")
        return IntakeOutcome(case.id, CaseStatus.RECEIVED, "", None,
                             tuple(w for w in [coverage_warning(deadline)] if w))

    def accept(self, form: IntakeForm, case_id: uuid.UUID | None = None) -> IntakeOutcome:
        self.ctx.require(Action.INTAKE)
        clean = self.check(form, Decision.ACCEPT)
        now = self.ctx.now()
        warnings: list[str] = []
        with self.ctx.transaction("intake.accept") as s:
            # Number first: the counter update is the only statement before the inserts,
            # so the whole decision is written by one flush at commit.
            number = next_office_number(s, self.ctx, kind="case", infix="", year=local_date(now).year)
            case = self._open_case(s, clean, case_id, now)
            start = now
            if case_id is not None and case.status == CaseStatus.RECEIVED and self._notice_late(case, now):
                # Deemed accepted on the day the materials arrived (第三十二条), so the clock
                # started then, not today.
                start = case.received_at
                case.notice_late = True
                warnings.append("自收件之日起已超过5个工作日才作出决定，依法自收到申请材料之日起即为受理，"
                                "办结期限从收件日起算")
            deadline = self.reference.calendar().add_working_days(local_date(start), clean.matter.promised_days)
            case.status = CaseStatus.ACCEPTED
            case.accepted_at = start if case.notice_late else now
            case.decided_at = now
            case.due_date, case.due_uncertain = deadline.due, deadline.uncertain
            case.pending_due = clean.pending_due
            case.number = number
            self._event(s, case, "accepted", now, f"受理，编号 {case.number}，承诺 {deadline.due:%Y-%m-%d} 前办结",
                        {"due_date": deadline.due.isoformat(), "green_channel": clean.green_channel})
            warning = coverage_warning(deadline)
            if warning:
                warnings.append(warning)
            # Routing starts at the window step, held by the accepting clerk (传办单 row 1).
            from app.services.routing import (  # routing imports intake
                open_first_step,
                plan_from_spec,
            )

            case.holder_id = self.ctx.user_id
            case.current_step = 1
            open_first_step(s, case, plan_from_spec(self.reference.matter_spec(clean.matter.id)),
                            self.reference.calendar())
            document = self._receipt(s, case)
        return IntakeOutcome(case.id, CaseStatus.ACCEPTED, case.number or "", document, tuple(warnings))

    def notify_incomplete(self, form: IntakeForm, case_id: uuid.UUID | None = None) -> IntakeOutcome:
        self.ctx.require(Action.INTAKE)
        clean = self.check(form, Decision.INCOMPLETE)
        now = self.ctx.now()
        warnings: list[str] = []
        with self.ctx.transaction("intake.incomplete") as s:
            number = next_office_number(s, self.ctx, kind="notice", infix="B", year=local_date(now).year)
            case = self._open_case(s, clean, case_id, now)
            if case_id is not None and case.status == CaseStatus.RECEIVED and self._notice_late(case, now):
                case.notice_late = True
                warnings.append("一次性告知已超过收件后5个工作日的法定期限（行政许可法第三十二条），"
                                "依法自收到申请材料之日起即为受理，请报所长处理")
            case.status = CaseStatus.INCOMPLETE
            case.decided_at = now
            case.due_date, case.due_uncertain = None, False
            case.notice_number = number
            self._event(s, case, "incomplete_notice", now, f"一次性告知，需补正 {len(clean.defects())} 项",
                        {"notice_number": case.notice_number,
                         "items": [t.code for t in clean.defects()]})
            document = self._incomplete_notice(s, case, now)
        return IntakeOutcome(case.id, CaseStatus.INCOMPLETE, case.notice_number or "", document,
                             tuple(warnings))

    def refuse(self, form: IntakeForm, reason: str, case_id: uuid.UUID | None = None) -> IntakeOutcome:
        self.ctx.require(Action.INTAKE)
        clean = self.check(form, Decision.REFUSE, reason)
        now = self.ctx.now()
        with self.ctx.transaction("intake.refuse") as s:
            number = next_office_number(s, self.ctx, kind="refusal", infix="J", year=local_date(now).year)
            case = self._open_case(s, clean, case_id, now)
            case.status = CaseStatus.REJECTED
            case.decided_at = now
            case.due_date, case.due_uncertain = None, False
            case.refusal_reason = reason.strip()
            case.notice_number = number
            self._event(s, case, "rejected", now, f"不予受理：{case.refusal_reason}",
                        {"notice_number": case.notice_number})
            document = self._refusal_notice(s, case, now)
        return IntakeOutcome(case.id, CaseStatus.REJECTED, case.notice_number or "", document)

    # ------------------------------------------------------------ documents again

    def document(self, case_id: uuid.UUID) -> ReceiptData | IncompleteNoticeData | RefusalNoticeData | None:
        """The document the case's decision produced, rebuilt from the record for a reprint."""
        with self.ctx.reading() as s:
            case = self._load(s, case_id)
            when = case.decided_at or case.received_at
            if case.status == CaseStatus.INCOMPLETE:
                return self._incomplete_notice(s, case, when)
            if case.status == CaseStatus.REJECTED:
                return self._refusal_notice(s, case, when)
            if case.number:
                return self._receipt(s, case)
            return None

    def form_for(self, case_id: uuid.UUID) -> IntakeForm:
        """The intake form of an earlier application, to continue it (补正 after a notice, 收件 review)."""
        with self.ctx.reading() as s:
            case = self._load(s, case_id)
            a = case.applicant
            return IntakeForm(
                matter_code=case.matter.code,
                applicant=ApplicantInput(
                    kind=a.kind, name=a.name, id_type=a.id_type, id_number=a.id_number,
                    phone=a.phone, address=a.address, village=a.village, legal_rep=a.legal_rep,
                    legal_rep_id_number=a.legal_rep_id_number,
                ),
                agent_name=case.agent_name, agent_id_number=case.agent_id_number,
                agent_phone=case.agent_phone, summary=case.summary, location=case.location,
                area=str(case.area_m2) if case.area_m2 is not None else "",
                green_channel=case.green_channel, pending_due=case.pending_due,
                materials=[
                    MaterialTick(m.requirement_code, MaterialStatus(m.status), m.copies_received, m.problem)
                    for m in case.materials
                ],
            )

    # ------------------------------------------------------------ internals

    def _notice_deadline(self, received: dt.datetime) -> Deadline:
        return self.reference.calendar().add_working_days(local_date(received), NOTICE_DAYS)

    def _notice_late(self, case: Case, now: dt.datetime) -> bool:
        return local_date(now) > self._notice_deadline(case.received_at).due

    def _load(self, s: Session, case_id: uuid.UUID) -> Case:
        case = s.scalar(
            select(Case).where(Case.id == case_id, Case.office_id == self.ctx.office_id)
            .options(selectinload(Case.materials), selectinload(Case.applicant),
                     selectinload(Case.matter), selectinload(Case.clerk))
        )
        if case is None:
            raise NotFoundError("找不到这件申请")
        return case

    def _upsert_applicant(self, s: Session, a: CleanApplicant) -> Applicant:
        row = s.scalar(select(Applicant).where(Applicant.office_id == self.ctx.office_id,
                                               Applicant.id_number == a.id_number))
        values = a.__dict__
        if row is None:
            row = Applicant(id=uuid.uuid4(), office_id=self.ctx.office_id, **values)
            s.add(row)
        else:
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
        return row

    def _new_case(self, s: Session, clean: CleanForm, status: CaseStatus, now: dt.datetime) -> Case:
        applicant = self._upsert_applicant(s, clean.applicant)
        assert self.ctx.office_id is not None and self.ctx.user_id is not None
        case = Case(
            id=uuid.uuid4(), office_id=self.ctx.office_id, matter_id=clean.matter.id,
            applicant_id=applicant.id, clerk_id=self.ctx.user_id, status=status.value,
            green_channel=clean.green_channel, summary=clean.summary, location=clean.location,
            area_m2=clean.area_m2, agent_name=clean.agent_name, agent_id_number=clean.agent_id_number,
            agent_phone=clean.agent_phone, received_at=now, promised_days=clean.matter.promised_days,
        )
        case.applicant = applicant
        s.add(case)
        self._set_materials(s, case, clean, fresh=True)
        return case

    def _open_case(self, s: Session, clean: CleanForm, case_id: uuid.UUID | None, now: dt.datetime) -> Case:
        """A new case, or an earlier received/incomplete one continued with updated materials."""
        if case_id is None:
            case = self._new_case(s, clean, CaseStatus.RECEIVED, now)
            self._event(s, case, "received", now, "窗口收件")
            return case
        case = self._load(s, case_id)
        if case.status not in (CaseStatus.RECEIVED, CaseStatus.INCOMPLETE):
            raise StateError(f"这件申请已经{CaseStatus(case.status).label}，不能再作受理决定")
        if case.matter_id != clean.matter.id:
            raise StateError("继续办理时不能更换申请事项；请作为新申请登记")
        applicant = self._upsert_applicant(s, clean.applicant)
        case.applicant_id = applicant.id
        case.applicant = applicant
        for key in ("green_channel", "summary", "location", "area_m2", "agent_name",
                    "agent_id_number", "agent_phone"):
            value = getattr(clean, key)
            if getattr(case, key) != value:
                setattr(case, key, value)
        if case.status == CaseStatus.INCOMPLETE:
            # Supplements arrived: the application is received again today (补正后重新计算).
            case.received_at = now
            self._event(s, case, "supplemented", now, "申请人补正材料")
        self._set_materials(s, case, clean, fresh=False)
        return case

    def _set_materials(self, s: Session, case: Case, clean: CleanForm, *, fresh: bool) -> None:
        existing = {} if fresh else {m.requirement_code: m for m in case.materials}
        if fresh:
            case.materials = []
        for sort, (spec, tick) in enumerate(zip(clean.matter.materials, clean.materials, strict=True), 1):
            row = existing.get(spec.code)
            if row is None:
                row = CaseMaterial(
                    id=uuid.uuid4(), case_id=case.id, requirement_code=spec.code, sort=sort,
                    name=spec.name, form=spec.form.value, copies_required=spec.copies,
                    required=spec.required, status=tick.status.value,
                    copies_received=tick.copies_received, problem=tick.problem,
                )
                case.materials.append(row)
                s.add(row)
            else:
                if row.status != tick.status.value:
                    row.status = tick.status.value
                if row.copies_received != tick.copies_received:
                    row.copies_received = tick.copies_received
                if row.problem != tick.problem:
                    row.problem = tick.problem

    def _event(self, s: Session, case: Case, kind: str, at: dt.datetime, note: str,
               data: dict[str, object] | None = None) -> None:
        s.add(CaseEvent(id=uuid.uuid4(), case_id=case.id, kind=kind, at=at,
                        actor_id=self.ctx.user_id, note=note, data=data or {}))

    def _party(self, case: Case) -> PartyInfo:
        a = case.applicant
        return PartyInfo(
            name=a.name, kind=a.kind, id_type=ID_TYPE_LABELS.get(a.id_type, a.id_type),
            id_number=a.id_number, phone=a.phone, address=a.address, agent_name=case.agent_name,
            agent_id_number=case.agent_id_number, legal_rep=a.legal_rep,
        )

    def _context_rows(self, s: Session, case: Case) -> tuple[OfficeInfo, str, MatterItem]:
        office = office_info(s, self.ctx, case.office_id)
        clerk = user_name(s, self.ctx, case.clerk_id)
        matter = next((m for m in self.reference.matters() if m.id == case.matter_id), None)
        if matter is None:  # an older catalogue version: read what the case recorded
            spec = self.reference.matter_spec(case.matter_id)
            matter = MatterItem(case.matter_id, spec["code"], spec["name"], spec["category"],
                                spec["tier"], spec["legal_days"], spec["promised_days"], (),
                                "", spec.get("consult_phone", ""), "")
        return office, clerk, matter

    def _receipt(self, s: Session, case: Case) -> ReceiptData:
        office, clerk, matter = self._context_rows(s, case)
        assert case.accepted_at is not None and case.due_date is not None and case.number
        received = [m for m in case.materials if m.status == MaterialStatus.RECEIVED]
        pending = [m for m in case.materials if m.status in (MaterialStatus.MISSING, MaterialStatus.DEFECTIVE)]
        return ReceiptData(
            office=office,
            case_number=case.number,
            applicant=self._party(case),
            matter_code=matter.code,
            matter_name=matter.name,
            materials=tuple(ReceivedMaterial(m.name, MaterialForm(m.form), m.copies_received) for m in received),
            accepted_at=case.accepted_at,
            promised_days=case.promised_days,
            due_date=case.due_date,
            due_uncertain=case.due_uncertain,
            clerk_name=clerk,
            contact_phone=matter.consult_phone or office.phone,
            green_channel=case.green_channel,
            pending_materials=tuple(self._missing(m, matter) for m in pending),
            pending_due=case.pending_due,
        )

    @staticmethod
    def _missing(m: CaseMaterial, matter: MatterItem) -> MissingMaterial:
        """One line of the one-time notice: what is wrong and exactly what to bring."""
        problem = "未提交" if m.status == MaterialStatus.MISSING else m.problem or "不符合要求"
        spec = next((x for x in matter.materials if x.code == m.requirement_code), None)
        parts = [f"提交{MaterialForm(m.form).label} {m.copies_required} 份"]
        if spec is not None and spec.note:
            parts.append(spec.note)
        if spec is not None and spec.source:
            parts.append(f"来源：{spec.source}")
        return MissingMaterial(name=m.name, problem=problem, requirement="；".join(parts))

    def _incomplete_notice(self, s: Session, case: Case, issued_at: dt.datetime) -> IncompleteNoticeData:
        office, clerk, matter = self._context_rows(s, case)
        defects = [m for m in case.materials if m.status in (MaterialStatus.MISSING, MaterialStatus.DEFECTIVE)]
        return IncompleteNoticeData(
            office=office, notice_number=case.notice_number or "",
            applicant=self._party(case), matter_name=matter.name, received_at=case.received_at,
            issued_at=issued_at, missing=tuple(self._missing(m, matter) for m in defects),
            clerk_name=clerk, contact_phone=matter.consult_phone or office.phone,
        )

    def _refusal_notice(self, s: Session, case: Case, issued_at: dt.datetime) -> RefusalNoticeData:
        office, clerk, matter = self._context_rows(s, case)
        return RefusalNoticeData(
            office=office, notice_number=case.notice_number or "",
            applicant=self._party(case), matter_name=matter.name, received_at=case.received_at,
            issued_at=issued_at, reason=case.refusal_reason, clerk_name=clerk,
            contact_phone=matter.consult_phone or office.phone,
        )

"""Case routing after acceptance: 传办 (send), 签收 (receive), 意见, 退件, 暂停计时, 集体会审, 办结.

The steps a case goes through come from its matter in the catalogue
(``spec["steps"]``: order, name, role, time limit in working days), never from
the tier in Python: 一审制 matters stay at the window, important ones go up to the
section chief (≤ 1 working day), the deputy leader (≤ 2) and the leader (the
same day), major ones through a collective review before the leader signs.

Every hand-off is one ``CaseStep`` row (a line of the transfer slip 传办单): who
sent it, to whom, when, when it was signed for, when it was done, with which
opinion and result, within which time limit. A return (退件) is a row of kind
"return": addressed to the person who did the earlier step (they sign for it and
carry on from there), or to nobody when the case goes back to the applicant.
At most one row of a case is open (``done_at`` empty): the one its holder works on.

Rules every action follows:

- one ``ctx.transaction("routing.<action>")``, so the audit and change logs are
  written with the change and everything rolls back on any error;
- an action on a closed case (办结 / 退件) is a ``StateError``;
- ``ctx.require(action, is_holder=...)``: the user has a role that may do it and
  holds the case; and their roles must fit the open step's role (a handler cannot
  act at the leader's step) — otherwise ``PermissionDenied``;
- then the state (signed for? paused? at the last step?) — ``StateError``;
- then the input — ``FormErrors`` (several fields) or ``ValidationError`` (one).

Paused time (行政许可法 第四十五条: 补正, 公示, 听证, 专家评审) does not count: a pause
covers whole calendar days from its start to its end, both included, and the
clock runs again the day after it ends — just as it starts the day after
acceptance. Resuming moves the case's due date and the open step's due date.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.dto import (
    DecisionNoticeData,
    PartyInfo,
    Pause,
    ReturnSlipData,
    Role,
    RoutingStepSpec,
    SlipRow,
    Tier,
    TransferSlipData,
)
from app.errors import FormErrors, NotFoundError, PermissionDenied, StateError, ValidationError
from app.models import (
    Applicant,
    Case,
    CaseEvent,
    CasePause,
    CaseStep,
    CollectiveReview,
    Matter,
    User,
)
from app.permissions import LEADERS, Action, allowed
from app.services.context import LOCAL_TZ, ServiceContext, local_date
from app.services.intake import ID_TYPE_LABELS, CaseStatus
from app.services.numbering import next_office_number
from app.services.office import StaffItem, office_info, roles_of, user_name
from app.services.reference import ReferenceService
from app.workcalendar import WorkCalendar

# "Due soon" on the home screen: within this many working days after today.
SOON_WORKING_DAYS = 2


class CaseResult(StrEnum):
    APPROVED = "approved"
    NOT_APPROVED = "not_approved"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {"approved": "准予", "not_approved": "不予批准", "withdrawn": "申请人撤回"}[self.value]


class PauseKind(StrEnum):
    SUPPLEMENT = "supplement"
    PUBLIC_NOTICE = "public_notice"
    HEARING = "hearing"
    EXPERT_REVIEW = "expert_review"

    @property
    def label(self) -> str:
        return {"supplement": "补正材料", "public_notice": "公示", "hearing": "听证",
                "expert_review": "专家评审"}[self.value]


# Results of a step: an opinion (同意 / 不同意), a return, a review's decision, or the case's result.
OPINION_RESULTS = {"agree": "同意", "disagree": "不同意"}
REVIEW_DECISIONS = {"agree": "同意", "disagree": "不同意", "defer": "暂缓，另行会审"}
RESULT_LABELS: dict[str, str] = {
    **OPINION_RESULTS,
    "defer": "暂缓",
    "returned": "退回",
    **{r.value: f"办结（{r.label}）" for r in CaseResult},
}

KIND_FORWARD = "forward"
KIND_RETURN = "return"
TARGET_STEP = "step"
TARGET_APPLICANT = "applicant"
APPLICANT_LABEL = "申请人"


def result_label(code: str) -> str:
    """How a step's result code is printed (同意, 不同意, 退回, 办结（准予）…)."""
    return RESULT_LABELS.get(code, code)


def plan_from_spec(spec: dict[str, Any]) -> tuple[RoutingStepSpec, ...]:
    """The routing steps of a matter, as its catalogue spec (Matter.spec) lists them."""
    steps = [
        RoutingStepSpec(order=int(s["order"]), name=str(s["name"]), role=Role(s["role"]),
                        time_limit_days=int(s["time_limit_days"]))
        for s in spec.get("steps", ())
    ]
    return tuple(sorted(steps, key=lambda s: s.order))


def step_roles(role: Role) -> frozenset[Role]:
    """Who may act at a step of this role. A collective review is convened and recorded by a leader."""
    if role is Role.COLLECTIVE:
        return LEADERS
    return frozenset({role})


def final_role(plan: Sequence[RoutingStepSpec]) -> Role:
    """The role that completes (办结) a case of this plan: its last step's (一审制: the window clerk)."""
    if not plan:
        raise StateError("事项目录没有为这个事项设置办理环节，请联系县局更新事项目录")
    return plan[-1].role


def can_complete_at(plan: Sequence[RoutingStepSpec], order: int) -> bool:
    """Completion is at the final step; or earlier when every remaining step has the same role
    (一审制: the window clerk who accepted the case also decides it, without a hand-off to
    themselves)."""
    rest = [s for s in plan if s.order >= order]
    if not rest or rest[0].order != order:
        return False
    return rest[0].role is not Role.COLLECTIVE and all(s.role is rest[0].role for s in rest)


def open_first_step(session: Session, case: Case, plan: Sequence[RoutingStepSpec],
                    calendar: WorkCalendar) -> CaseStep:
    """The first routing row of a just-accepted case: the window step, held by the accepting clerk.

    Sent by nobody and signed for at acceptance. IntakeService.accept may call this in its
    own transaction; RoutingService also does it lazily for cases accepted without it.
    """
    if not plan:
        raise StateError("事项目录没有为这个事项设置办理环节，请联系县局更新事项目录")
    assert case.accepted_at is not None
    first = plan[0]
    holder = case.holder_id or case.clerk_id
    deadline = calendar.add_working_days(local_date(case.accepted_at), first.time_limit_days)
    row = CaseStep(
        id=uuid.uuid4(), case_id=case.id, seq=1, kind=KIND_FORWARD, step_order=first.order,
        step_name=first.name, role=first.role.value, from_user_id=None, to_user_id=holder,
        sent_at=case.accepted_at, received_at=case.accepted_at, due_date=deadline.due,
        due_uncertain=deadline.uncertain, opinion="", result="", confirmed=False, reason="",
        return_target="",
    )
    session.add(row)
    if case.holder_id != holder:
        case.holder_id = holder
    if case.current_step != first.order:
        case.current_step = first.order
    return row


# ---------------------------------------------------------------- data for the UI


@dataclass(frozen=True)
class StepRow:
    seq: int
    kind: str  # forward / return
    step_order: int
    step_name: str
    role: Role
    from_name: str
    to_name: str  # a person, or 申请人 for a return to the applicant
    to_user_id: uuid.UUID | None
    sent_at: dt.datetime
    received_at: dt.datetime | None
    done_at: dt.datetime | None
    due_date: dt.date | None
    due_uncertain: bool
    opinion: str
    result: str  # code: agree / disagree / returned / approved …; see result_label()
    reason: str
    return_target: str  # "" / step / applicant
    overdue: bool  # open and past due (not while paused), or done after its due date


@dataclass(frozen=True)
class PauseRow:
    kind: PauseKind
    start_date: dt.date
    end_date: dt.date | None
    reason: str


@dataclass(frozen=True)
class CollectiveRow:
    meeting_date: dt.date
    participants: str
    decision: str  # agree / disagree / defer
    minutes: str


@dataclass(frozen=True)
class RoutingState:
    case_id: uuid.UUID
    number: str | None
    status: CaseStatus
    tier: Tier
    plan: tuple[RoutingStepSpec, ...]
    current_step: int
    holder_id: uuid.UUID | None
    holder_name: str
    history: tuple[StepRow, ...]
    open_step: StepRow | None
    pauses: tuple[PauseRow, ...]
    paused: bool
    due_date: dt.date | None  # while paused: as it stands today (it keeps moving until resumed)
    due_uncertain: bool
    collective: CollectiveRow | None
    result: str
    actions: frozenset[Action]  # what the signed-in user may do now
    next_step: RoutingStepSpec | None
    next_candidates: tuple[StaffItem, ...]
    earlier_steps: tuple[tuple[int, str], ...]  # (order, name) the case can be returned to


@dataclass(frozen=True)
class InboxRow:
    case_id: uuid.UUID
    number: str
    applicant_name: str
    matter_name: str
    step_name: str
    sent_at: dt.datetime | None
    received_at: dt.datetime | None
    step_due: dt.date | None
    case_due: dt.date | None
    green_channel: bool
    overdue: bool
    due_today: bool
    due_soon: bool  # after today, within SOON_WORKING_DAYS working days
    paused: bool
    holder_name: str = ""  # filled in the office-wide lists, where the holder is not "me"


@dataclass(frozen=True)
class InboxCounts:
    inbox: int
    unreceived: int
    due_today: int
    due_soon: int
    overdue: int


@dataclass
class _Loaded:
    case: Case
    matter: Matter
    plan: tuple[RoutingStepSpec, ...]
    steps: list[CaseStep]
    pauses: list[CasePause]

    @property
    def open_step(self) -> CaseStep | None:
        return next((r for r in reversed(self.steps) if r.done_at is None), None)

    @property
    def open_pause(self) -> CasePause | None:
        return next((p for p in self.pauses if p.end_date is None), None)

    def spec(self, order: int) -> RoutingStepSpec | None:
        return next((s for s in self.plan if s.order == order), None)

    @property
    def current(self) -> int:
        """The catalogue step the case is at (a case without routing rows is at the first)."""
        return self.case.current_step or (self.plan[0].order if self.plan else 0)

    def next_spec(self) -> RoutingStepSpec | None:
        return next((s for s in self.plan if s.order > self.current), None)

    @property
    def tier(self) -> Tier:
        return Tier(self.matter.tier)

    def needs_review(self) -> bool:
        return self.tier is Tier.MAJOR or any(s.role is Role.COLLECTIVE for s in self.plan)


def _min_due(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


class RoutingService:
    def __init__(self, ctx: ServiceContext, reference: ReferenceService) -> None:
        self.ctx = ctx
        self.reference = reference

    # ------------------------------------------------------------ reading

    def state(self, case_id: uuid.UUID) -> RoutingState:
        roles = self.ctx.roles()
        cal = self.reference.calendar()
        today = self.ctx.today()
        with self.ctx.reading() as s:
            c = self._load(s, case_id)
            steps = list(c.steps)
            if not steps and c.case.status == CaseStatus.ACCEPTED and c.plan:
                steps = [self._virtual_first_step(c, cal)]
                c = _Loaded(c.case, c.matter, c.plan, steps, c.pauses)
            case_row = c.case
            paused = c.open_pause is not None
            history = tuple(self._step_row(s, r, today, paused) for r in steps)
            open_row = c.open_step
            open_step = next((h for h in history if open_row is not None and h.seq == open_row.seq), None)
            holder = self._holder(c)
            due, uncertain = case_row.due_date, case_row.due_uncertain
            if paused and case_row.accepted_at is not None:
                d = cal.add_working_days(local_date(case_row.accepted_at), case_row.promised_days,
                                         self._pause_list(c.pauses), as_of=today)
                due, uncertain = d.due, d.uncertain
            review = self._latest_review(s, case_row.id)
            is_open = case_row.status == CaseStatus.ACCEPTED
            nxt = c.next_spec() if is_open else None
            candidates = tuple(self._staff(s, nxt.role)) if nxt is not None else ()
            return RoutingState(
                case_id=case_row.id,
                number=case_row.number,
                status=CaseStatus(case_row.status),
                tier=c.tier,
                plan=c.plan,
                current_step=c.current if is_open else case_row.current_step,
                holder_id=holder,
                holder_name=user_name(s, self.ctx, holder) if holder else "",
                history=history,
                open_step=open_step,
                pauses=tuple(PauseRow(PauseKind(p.kind), p.start_date, p.end_date, p.reason)
                             for p in c.pauses),
                paused=paused,
                due_date=due,
                due_uncertain=uncertain,
                collective=(CollectiveRow(review.meeting_date, review.participants, review.decision,
                                          review.minutes) if review is not None else None),
                result=case_row.result,
                actions=self._actions(c, roles, review),
                next_step=nxt,
                next_candidates=candidates,
                earlier_steps=self._earlier_steps(c) if is_open else (),
            )

    def staff(self, role: Role | None = None) -> list[StaffItem]:
        """Active users of this office; with ``role``, those who may act at a step of that role."""
        with self.ctx.reading() as s:
            return self._staff(s, role)

    def inbox(self) -> list[InboxRow]:
        """Cases the signed-in user holds: green channel first, then the earliest due."""
        cal = self.reference.calendar()
        today = self.ctx.today()
        soon = cal.add_working_days(today, SOON_WORKING_DAYS).due
        with self.ctx.reading() as s:
            stmt = self._open_cases_query().where(self._held_by_me())
            rows = s.execute(stmt).all()
            result = [self._inbox_row(s, r, today, soon) for r in rows]
        result.sort(key=lambda r: (not r.green_channel,
                                   _min_due(r.step_due, r.case_due) or dt.date.max,
                                   r.sent_at or dt.datetime.max.replace(tzinfo=dt.UTC)))
        return result

    def counts(self) -> InboxCounts:
        """The home screen's numbers for the signed-in user, in one aggregate query."""
        cal = self.reference.calendar()
        today = self.ctx.today()
        soon = cal.add_working_days(today, SOON_WORKING_DAYS).due
        due = self._effective_due()
        running = CasePause.id.is_(None)

        def count_if(*conds: Any) -> Any:
            return func.coalesce(func.sum(case((and_(*conds), 1), else_=0)), 0)

        stmt = (
            select(
                func.count(Case.id),
                count_if(CaseStep.id.is_not(None), CaseStep.received_at.is_(None)),
                count_if(running, due == today),
                count_if(running, due > today, due <= soon),
                count_if(running, due < today),
            )
            .select_from(Case)
            .outerjoin(CaseStep, and_(CaseStep.case_id == Case.id, CaseStep.done_at.is_(None)))
            .outerjoin(CasePause, and_(CasePause.case_id == Case.id, CasePause.end_date.is_(None)))
            .where(Case.office_id == self.ctx.office_id, Case.status == CaseStatus.ACCEPTED.value,
                   self._held_by_me())
        )
        with self.ctx.reading() as s:
            row = s.execute(stmt).one()
        return InboxCounts(inbox=int(row[0]), unreceived=int(row[1]), due_today=int(row[2]),
                           due_soon=int(row[3]), overdue=int(row[4]))

    def office_overdue(self, limit: int = 200) -> list[InboxRow]:
        """Every open overdue case of the office (not paused): green channel first, most overdue first."""
        cal = self.reference.calendar()
        today = self.ctx.today()
        soon = cal.add_working_days(today, SOON_WORKING_DAYS).due
        due = self._effective_due()
        stmt = (self._open_cases_query()
                .where(CasePause.id.is_(None), due < today)
                .order_by(Case.green_channel.desc(), due, Case.accepted_at)
                .limit(limit))
        with self.ctx.reading() as s:
            return [self._inbox_row(s, r, today, soon, with_holder=True) for r in s.execute(stmt).all()]

    # ------------------------------------------------------------ actions

    def receive(self, case_id: uuid.UUID) -> None:
        """签收: the open step addressed to me; the time is recorded."""
        self._prime()
        now = self.ctx.now()
        with self.ctx.transaction("routing.receive") as s:
            c = self._for_action(s, case_id, Action.RECEIVE)
            step = self._open(c)
            if step.received_at is not None:
                raise StateError(f"“{step.step_name}”已于 {self._local(step.received_at)} 签收，无需重复签收")
            step.received_at = now
            self._event(s, c.case, "routing_received", now, f"签收“{step.step_name}”",
                        {"seq": step.seq})

    def record_opinion(self, case_id: uuid.UUID, opinion: str, result: str) -> None:
        """My opinion and result (agree 同意 / disagree 不同意) on the step I signed for."""
        self._prime()
        now = self.ctx.now()
        with self.ctx.transaction("routing.opinion") as s:
            c = self._for_action(s, case_id, Action.OPINION)
            step = self._open(c)
            self._require_received(step, Action.OPINION)
            errors: list[ValidationError] = []
            text = opinion.strip()
            if not text:
                errors.append(ValidationError("opinion", opinion, "empty", "请填写办理意见"))
            if result not in OPINION_RESULTS:
                errors.append(ValidationError("result", result, "unknown", "请选择办理结果：同意或不同意"))
            if errors:
                raise FormErrors(errors)
            step.opinion = text
            step.result = result
            self._event(s, c.case, "routing_opinion", now,
                        f"“{step.step_name}”意见：{OPINION_RESULTS[result]}。{text}",
                        {"seq": step.seq, "result": result})

    def send(self, case_id: uuid.UUID, to_user_id: uuid.UUID, opinion: str = "") -> None:
        """传办: close my step and open the next catalogue step for ``to_user_id``.

        The receiver must hold the next step's role; its due date is that step's time limit
        in working days from today (0 = today, 不过夜). Sending to oneself is signed for at once.
        """
        self._prime()
        cal = self.reference.calendar()
        now, today = self.ctx.now(), self.ctx.today()
        with self.ctx.transaction("routing.send") as s:
            c = self._for_action(s, case_id, Action.SEND)
            step = self._open(c)
            self._require_received(step, Action.SEND)
            self._require_running(c, "传办")
            nxt = c.next_spec()
            if nxt is None:
                raise StateError(f"“{step.step_name}”已是最后一个办理环节，请办结，不能再传办")
            if Role(step.role) is Role.COLLECTIVE:
                review = self._latest_review(s, c.case.id)
                if review is None or review.decision == "defer":
                    raise StateError("集体会审尚未作出决定，请先记录会审结果再传办")
            receiver = self._receiver(s, to_user_id, nxt)
            if opinion.strip():
                step.opinion = opinion.strip()
            step.done_at = now
            step.confirmed = True
            deadline = cal.add_working_days(today, nxt.time_limit_days, self._pause_list(c.pauses),
                                            as_of=today)
            row = CaseStep(
                id=uuid.uuid4(), case_id=c.case.id, seq=self._next_seq(c), kind=KIND_FORWARD,
                step_order=nxt.order, step_name=nxt.name, role=nxt.role.value,
                from_user_id=self.ctx.user_id, to_user_id=receiver.id, sent_at=now,
                received_at=now if receiver.id == self.ctx.user_id else None,
                due_date=deadline.due, due_uncertain=deadline.uncertain, opinion="", result="",
                confirmed=False, reason="", return_target="",
            )
            s.add(row)
            c.case.holder_id = receiver.id
            c.case.current_step = nxt.order
            self._event(s, c.case, "routing_sent", now,
                        f"传办至“{nxt.name}”（{receiver.display_name}），限 {deadline.due:%Y-%m-%d} 前办理",
                        {"seq": row.seq, "to": str(receiver.id), "due_date": deadline.due.isoformat()})

    def return_case(self, case_id: uuid.UUID, reason: str, to_step: int | None) -> ReturnSlipData:
        """退件: to an earlier step (back to whoever did it) or, with ``to_step`` None, to the
        applicant — the case then ends as returned. Returns the return slip's data."""
        self._prime()
        cal = self.reference.calendar()
        now, today = self.ctx.now(), self.ctx.today()
        with self.ctx.transaction("routing.return") as s:
            c = self._for_action(s, case_id, Action.RETURN)
            step = self._open(c)
            self._require_received(step, Action.RETURN)
            if to_step is not None:
                self._require_running(c, "退回前面环节")
            errors: list[ValidationError] = []
            text = reason.strip()
            if not text:
                errors.append(ValidationError("reason", reason, "empty", "请写明退件理由"))
            target_row: CaseStep | None = None
            target_spec: RoutingStepSpec | None = None
            if to_step is not None:
                earlier = dict(self._earlier_steps(c))
                if to_step not in earlier:
                    errors.append(ValidationError("to_step", to_step, "unknown",
                                                  "只能退回到本件已经办理过的前面环节"))
                else:
                    target_row = self._last_forward_row(c, to_step)
                    target_spec = c.spec(to_step)
                    if target_row is not None and target_row.to_user_id is not None:
                        person = s.get(User, target_row.to_user_id)
                        if person is None or not person.active:
                            errors.append(ValidationError(
                                "to_step", to_step, "inactive",
                                "该环节原经办人已停用，请退回其他环节或联系管理员"))
            if errors:
                raise FormErrors(errors)
            step.done_at = now
            step.confirmed = True
            step.result = "returned"
            step.reason = text
            seq = self._next_seq(c)
            if to_step is None:
                row = CaseStep(
                    id=uuid.uuid4(), case_id=c.case.id, seq=seq, kind=KIND_RETURN,
                    step_order=step.step_order, step_name=step.step_name, role=step.role,
                    from_user_id=self.ctx.user_id, to_user_id=None, sent_at=now, received_at=None,
                    done_at=now, due_date=None, due_uncertain=False, opinion="", result="returned",
                    confirmed=True, reason=text, return_target=TARGET_APPLICANT,
                )
                s.add(row)
                pause = c.open_pause
                if pause is not None:  # the clock stops for good: close the pause today
                    pause.end_date = max(today, pause.start_date)
                    pause.ended_by = self.ctx.user_id
                c.case.status = CaseStatus.RETURNED.value
                c.case.holder_id = None
                c.case.completed_at = now
                to_name = APPLICANT_LABEL
                self._event(s, c.case, "returned_to_applicant", now, f"退回申请人：{text}",
                            {"seq": seq})
            else:
                assert target_row is not None and target_spec is not None
                to_user = target_row.to_user_id
                deadline = cal.add_working_days(today, target_spec.time_limit_days,
                                                self._pause_list(c.pauses), as_of=today)
                row = CaseStep(
                    id=uuid.uuid4(), case_id=c.case.id, seq=seq, kind=KIND_RETURN,
                    step_order=target_spec.order, step_name=target_spec.name,
                    role=target_spec.role.value, from_user_id=self.ctx.user_id, to_user_id=to_user,
                    sent_at=now, received_at=now if to_user == self.ctx.user_id else None,
                    due_date=deadline.due, due_uncertain=deadline.uncertain, opinion="",
                    result="", confirmed=False, reason=text, return_target=TARGET_STEP,
                )
                s.add(row)
                c.case.holder_id = to_user
                c.case.current_step = target_spec.order
                to_name = user_name(s, self.ctx, to_user) if to_user else ""
                self._event(s, c.case, "routing_returned", now,
                            f"退回“{target_spec.name}”（{to_name}）：{text}",
                            {"seq": seq, "to_step": target_spec.order})
            return self._return_slip(s, c.case, row, step.step_name, to_name)

    def pause(self, case_id: uuid.UUID, kind: PauseKind, reason: str,
              start: dt.date | None = None) -> None:
        """Stop the clock from ``start`` (default today) for 补正, 公示, 听证 or 专家评审."""
        self._prime()
        now, today = self.ctx.now(), self.ctx.today()
        with self.ctx.transaction("routing.pause") as s:
            c = self._for_action(s, case_id, Action.PAUSE)
            if c.open_pause is not None:
                p = c.open_pause
                raise StateError(f"本件已于 {p.start_date:%Y-%m-%d} 起因{PauseKind(p.kind).label}暂停计时，"
                                 "请先恢复计时")
            errors: list[ValidationError] = []
            try:
                kind = PauseKind(kind)
            except ValueError:
                errors.append(ValidationError("kind", kind, "unknown",
                                              "请选择暂停原因：补正材料、公示、听证或专家评审"))
            text = reason.strip()
            if not text:
                errors.append(ValidationError("reason", reason, "empty", "请写明暂停计时的理由"))
            day = start or today
            accepted = local_date(c.case.accepted_at) if c.case.accepted_at else today
            last_end = max((p.end_date for p in c.pauses if p.end_date is not None), default=None)
            if day > today:
                errors.append(ValidationError("start", day, "future", "暂停计时的起始日不能晚于今天"))
            elif day < accepted:
                errors.append(ValidationError("start", day, "before_accept",
                                              f"暂停计时的起始日不能早于受理日 {accepted:%Y-%m-%d}"))
            elif last_end is not None and day <= last_end:
                errors.append(ValidationError("start", day, "overlap",
                                              f"上一次暂停到 {last_end:%Y-%m-%d} 为止，新的暂停须从其后开始"))
            if errors:
                raise FormErrors(errors)
            kind = PauseKind(kind)
            s.add(CasePause(id=uuid.uuid4(), case_id=c.case.id, kind=kind.value, start_date=day,
                            end_date=None, reason=text, started_by=self.ctx.user_id))
            self._event(s, c.case, "routing_paused", now,
                        f"因{kind.label}暂停计时，自 {day:%Y-%m-%d} 起不计入办理时限：{text}",
                        {"kind": kind.value, "start": day.isoformat()})

    def resume(self, case_id: uuid.UUID, end: dt.date | None = None) -> None:
        """Restart the clock: the pause ends on ``end`` (default today, included), counting resumes
        the next working day; the case's and the open step's due dates move accordingly."""
        self._prime()
        cal = self.reference.calendar()
        now, today = self.ctx.now(), self.ctx.today()
        with self.ctx.transaction("routing.resume") as s:
            c = self._for_action(s, case_id, Action.PAUSE)
            pause = c.open_pause
            if pause is None:
                raise StateError("本件没有在暂停计时，无需恢复")
            day = end or today
            if day < pause.start_date:
                raise ValidationError("end", day, "before_start",
                                      f"暂停的结束日不能早于起始日 {pause.start_date:%Y-%m-%d}")
            if day > today:
                raise ValidationError("end", day, "future", "暂停的结束日不能晚于今天")
            pause.end_date = day
            pause.ended_by = self.ctx.user_id
            pauses = self._pause_list(c.pauses)
            case_row = c.case
            old_due = case_row.due_date
            if case_row.accepted_at is not None:
                d = cal.add_working_days(local_date(case_row.accepted_at), case_row.promised_days,
                                         pauses, as_of=today)
                case_row.due_date, case_row.due_uncertain = d.due, d.uncertain
            step = c.open_step
            if step is not None:
                spec = c.spec(step.step_order)
                if spec is not None:
                    d = cal.add_working_days(local_date(step.sent_at), spec.time_limit_days, pauses,
                                             as_of=today)
                    step.due_date, step.due_uncertain = d.due, d.uncertain
            paused_days = cal.working_days_between(pause.start_date - dt.timedelta(days=1), day)
            self._event(s, case_row, "routing_resumed", now,
                        f"{PauseKind(pause.kind).label}结束，恢复计时；暂停 {pause.start_date:%Y-%m-%d} 至 "
                        f"{day:%Y-%m-%d}（{paused_days} 个工作日不计入），"
                        f"办结期限由 {old_due} 顺延至 {case_row.due_date}",
                        {"start": pause.start_date.isoformat(), "end": day.isoformat(),
                         "working_days": paused_days,
                         "due_date": case_row.due_date.isoformat() if case_row.due_date else None})

    def record_collective_review(self, case_id: uuid.UUID, meeting_date: dt.date, participants: str,
                                 decision: str, minutes: str) -> None:
        """集体会审 of a major matter, at its collective step: meeting date, who attended,
        the decision (agree / disagree / defer: 暂缓，另行会审) and the minutes."""
        self._prime()
        now, today = self.ctx.now(), self.ctx.today()
        with self.ctx.transaction("routing.collective") as s:
            c = self._for_action(s, case_id, Action.COLLECTIVE)
            step = self._open(c)
            if c.tier is not Tier.MAJOR:
                raise StateError(f"只有重大事项需要集体会审，本事项为{c.tier.label}事项")
            if Role(step.role) is not Role.COLLECTIVE:
                raise StateError(f"本件目前在“{step.step_name}”环节，集体会审须在会审环节记录")
            self._require_received(step, Action.COLLECTIVE)
            errors: list[ValidationError] = []
            accepted = local_date(c.case.accepted_at) if c.case.accepted_at else today
            if meeting_date > today:
                errors.append(ValidationError("meeting_date", meeting_date, "future",
                                              "会审日期不能晚于今天：请在会议开过之后记录"))
            elif meeting_date < accepted:
                errors.append(ValidationError("meeting_date", meeting_date, "before_accept",
                                              f"会审日期不能早于受理日 {accepted:%Y-%m-%d}"))
            people = participants.strip()
            if not people:
                errors.append(ValidationError("participants", participants, "empty", "请填写参会人员"))
            if decision not in REVIEW_DECISIONS:
                errors.append(ValidationError("decision", decision, "unknown",
                                              "请选择会审结论：同意、不同意或暂缓"))
            notes = minutes.strip()
            if not notes:
                errors.append(ValidationError("minutes", minutes, "empty", "请填写会议纪要要点"))
            if errors:
                raise FormErrors(errors)
            s.add(CollectiveReview(id=uuid.uuid4(), case_id=c.case.id, meeting_date=meeting_date,
                                   participants=people, decision=decision, minutes=notes,
                                   recorded_by=self.ctx.user_id, recorded_at=now))
            step.result = decision
            step.opinion = f"集体会审（{meeting_date:%Y-%m-%d}）：{REVIEW_DECISIONS[decision]}"
            self._event(s, c.case, "collective_review", now,
                        f"集体会审 {meeting_date:%Y-%m-%d}，参会：{people}；结论：{REVIEW_DECISIONS[decision]}",
                        {"meeting_date": meeting_date.isoformat(), "decision": decision})

    def complete(self, case_id: uuid.UUID, result: CaseResult, text: str) -> DecisionNoticeData:
        """办结 at the final step by its holder: approved / not approved / withdrawn, with the
        decision's text; gives the decision notice (numbered {office}{year}D{6 digits})."""
        self._prime()
        now = self.ctx.now()
        with self.ctx.transaction("routing.complete") as s:
            c = self._for_action(s, case_id, Action.COMPLETE)
            step = self._open(c)
            self._require_received(step, Action.COMPLETE)
            if not can_complete_at(c.plan, step.step_order):
                last = c.plan[-1] if c.plan else None
                raise StateError(f"本件还在“{step.step_name}”环节，须传办至最后的“{last.name if last else ''}”"
                                 "环节才能办结")
            self._require_running(c, "办结")
            if c.needs_review():
                review = self._latest_review(s, c.case.id)
                if review is None or review.decision == "defer":
                    raise StateError("重大事项须经集体会审作出决定后才能办结")
            errors: list[ValidationError] = []
            try:
                result = CaseResult(result)
            except ValueError:
                errors.append(ValidationError("result", result, "unknown",
                                              "请选择办结结果：准予、不予批准或申请人撤回"))
            body = text.strip()
            if not body:
                errors.append(ValidationError("text", text, "empty", "请填写决定内容及理由"))
            if errors:
                raise FormErrors(errors)
            result = CaseResult(result)
            number = next_office_number(s, self.ctx, kind="decision", infix="D", year=local_date(now).year)
            step.done_at = now
            step.confirmed = True
            step.result = result.value
            case_row = c.case
            case_row.status = CaseStatus.COMPLETED.value
            case_row.completed_at = now
            case_row.result = result.value
            case_row.decision_number = number
            case_row.decision_text = body
            case_row.holder_id = None
            self._event(s, case_row, "completed", now, f"办结：{result.label}，决定书编号 {number}",
                        {"result": result.value, "decision_number": number})
            return self._decision_notice(s, case_row, self.ctx.user_id)

    # ------------------------------------------------------------ documents

    def transfer_slip(self, case_id: uuid.UUID) -> TransferSlipData:
        """传办单: the whole history, plus the names of the steps still to come (blank rows)."""
        cal = self.reference.calendar()
        now = self.ctx.now()
        with self.ctx.reading() as s:
            c = self._load(s, case_id)
            case_row = c.case
            if not case_row.number or case_row.accepted_at is None:
                raise StateError("尚未受理的申请没有传办单")
            steps = c.steps or ([self._virtual_first_step(c, cal)]
                                if case_row.status == CaseStatus.ACCEPTED and c.plan else [])
            rows = tuple(
                SlipRow(
                    seq=r.seq, kind=r.kind, step_name=r.step_name,
                    from_name=user_name(s, self.ctx, r.from_user_id) if r.from_user_id else "",
                    to_name=(user_name(s, self.ctx, r.to_user_id) if r.to_user_id
                             else APPLICANT_LABEL if r.return_target == TARGET_APPLICANT else ""),
                    sent_at=r.sent_at, received_at=r.received_at, done_at=r.done_at,
                    due_date=r.due_date, opinion=r.opinion, result=result_label(r.result),
                    reason=r.reason,
                )
                for r in steps
            )
            remaining: tuple[str, ...] = ()
            if case_row.status == CaseStatus.ACCEPTED:
                remaining = tuple(sp.name for sp in c.plan if sp.order > c.current)
            pauses = tuple(
                f"{PauseKind(p.kind).label} {p.start_date:%Y-%m-%d} 至 "
                f"{p.end_date:%Y-%m-%d}" if p.end_date else
                f"{PauseKind(p.kind).label} {p.start_date:%Y-%m-%d} 起（尚未恢复）"
                for p in c.pauses
            )
            pauses = tuple(f"{text}（不计入办理时限）" for text in pauses)
            office = office_info(s, self.ctx, case_row.office_id)
            return TransferSlipData(
                office=office, case_number=case_row.number, matter_name=c.matter.name,
                tier_label=c.tier.label, applicant=self._party(s, case_row),
                accepted_at=case_row.accepted_at, due_date=case_row.due_date,
                due_uncertain=case_row.due_uncertain, green_channel=case_row.green_channel,
                rows=rows, remaining_steps=remaining, pauses=pauses, printed_at=now,
            )

    def return_slip(self, case_id: uuid.UUID, seq: int) -> ReturnSlipData:
        """退件单 of the return recorded as row ``seq`` of the case's history."""
        with self.ctx.reading() as s:
            c = self._load(s, case_id)
            row = next((r for r in c.steps if r.seq == seq and r.kind == KIND_RETURN), None)
            if row is None:
                raise NotFoundError(f"本件没有第 {seq} 号退件记录")
            before = next((r for r in reversed(c.steps) if r.seq < seq), None)
            from_step = before.step_name if before is not None else row.step_name
            to_name = (user_name(s, self.ctx, row.to_user_id) if row.to_user_id
                       else APPLICANT_LABEL)
            return self._return_slip(s, c.case, row, from_step, to_name)

    def decision_notice(self, case_id: uuid.UUID) -> DecisionNoticeData:
        with self.ctx.reading() as s:
            c = self._load(s, case_id)
            if c.case.status != CaseStatus.COMPLETED:
                raise StateError("本件尚未办结，没有办结通知")
            done_by = next((r.to_user_id for r in reversed(c.steps)
                            if r.kind == KIND_FORWARD and r.result in {x.value for x in CaseResult}),
                           None)
            return self._decision_notice(s, c.case, done_by)

    # ------------------------------------------------------------ internals: loading

    def _prime(self) -> None:
        """Load the cached roles and calendar before a write transaction opens (they read)."""
        self.ctx.roles()
        self.reference.calendar()

    def _load(self, s: Session, case_id: uuid.UUID) -> _Loaded:
        case_row = s.scalar(select(Case).where(Case.id == case_id, Case.office_id == self.ctx.office_id))
        if case_row is None:
            raise NotFoundError("找不到这件办件")
        matter = s.get(Matter, case_row.matter_id)
        if matter is None:
            raise NotFoundError("办件的事项不存在")
        steps = list(s.scalars(select(CaseStep).where(CaseStep.case_id == case_row.id)
                               .order_by(CaseStep.seq)))
        pauses = list(s.scalars(select(CasePause).where(CasePause.case_id == case_row.id)
                                .order_by(CasePause.start_date)))
        return _Loaded(case_row, matter, plan_from_spec(matter.spec), steps, pauses)

    def _for_action(self, s: Session, case_id: uuid.UUID, action: Action) -> _Loaded:
        """Load a case for an action: open? the user's role and holding? the step's role?"""
        c = self._load(s, case_id)
        status = CaseStatus(c.case.status)
        if status is not CaseStatus.ACCEPTED:
            if status in (CaseStatus.COMPLETED, CaseStatus.RETURNED):
                raise StateError(f"本件{status.label}，不能再{action.label}")
            raise StateError(f"本件{status.label}，尚未受理，不能{action.label}")
        if not c.plan:
            raise StateError("事项目录没有为这个事项设置办理环节，请联系县局更新事项目录")
        if not c.steps:
            c.steps.append(open_first_step(s, c.case, c.plan, self.reference.calendar()))
        self.ctx.require(action, is_holder=self._holder(c) == self.ctx.user_id)
        step = self._open(c)
        self._require_step_role(step, action)
        return c

    def _require_step_role(self, step: CaseStep, action: Action) -> None:
        needed = step_roles(Role(step.role))
        if not self.ctx.roles() & needed:
            who = "、".join(sorted(r.label for r in needed))
            raise PermissionDenied(action.value,
                                   f"“{step.step_name}”环节须由{who}办理，您不能在这个环节{action.label}")

    @staticmethod
    def _open(c: _Loaded) -> CaseStep:
        step = c.open_step
        if step is None:
            raise StateError("本件没有待办理的环节")
        return step

    @staticmethod
    def _require_received(step: CaseStep, action: Action) -> None:
        if step.received_at is None:
            raise StateError(f"请先签收“{step.step_name}”，再{action.label}")

    @staticmethod
    def _require_running(c: _Loaded, what: str) -> None:
        p = c.open_pause
        if p is not None:
            raise StateError(f"本件正因{PauseKind(p.kind).label}暂停计时，请先恢复计时再{what}")

    @staticmethod
    def _holder(c: _Loaded) -> uuid.UUID | None:
        if c.case.status != CaseStatus.ACCEPTED:
            return c.case.holder_id
        return c.case.holder_id or c.case.clerk_id

    @staticmethod
    def _next_seq(c: _Loaded) -> int:
        return max((r.seq for r in c.steps), default=0) + 1

    @staticmethod
    def _pause_list(pauses: Iterable[CasePause]) -> list[Pause]:
        return [Pause(p.start_date, p.end_date, p.reason) for p in pauses]

    @staticmethod
    def _last_forward_row(c: _Loaded, order: int) -> CaseStep | None:
        return next((r for r in reversed(c.steps)
                     if r.step_order == order and r.to_user_id is not None), None)

    @staticmethod
    def _earlier_steps(c: _Loaded) -> tuple[tuple[int, str], ...]:
        current = c.current
        done = {r.step_order for r in c.steps if r.to_user_id is not None and r.step_order < current}
        return tuple((sp.order, sp.name) for sp in c.plan if sp.order in done)

    @staticmethod
    def _latest_review(s: Session, case_id: uuid.UUID) -> CollectiveReview | None:
        return s.scalar(select(CollectiveReview).where(CollectiveReview.case_id == case_id)
                        .order_by(CollectiveReview.recorded_at.desc(),
                                  CollectiveReview.meeting_date.desc()).limit(1))

    def _virtual_first_step(self, c: _Loaded, cal: WorkCalendar) -> CaseStep:
        """The window step of a case accepted before routing rows were written (not saved)."""
        first = c.plan[0]
        accepted = c.case.accepted_at or c.case.received_at
        d = cal.add_working_days(local_date(accepted), first.time_limit_days)
        return CaseStep(
            id=uuid.uuid4(), case_id=c.case.id, seq=1, kind=KIND_FORWARD, step_order=first.order,
            step_name=first.name, role=first.role.value, from_user_id=None,
            to_user_id=c.case.holder_id or c.case.clerk_id, sent_at=accepted, received_at=accepted,
            done_at=None, due_date=d.due, due_uncertain=d.uncertain, opinion="", result="",
            confirmed=False, reason="", return_target="",
        )

    def _actions(self, c: _Loaded, roles: frozenset[Role],
                 review: CollectiveReview | None) -> frozenset[Action]:
        if c.case.status != CaseStatus.ACCEPTED or not c.plan:
            return frozenset()
        step = c.open_step
        if step is None:
            return frozenset()
        is_holder = self._holder(c) == self.ctx.user_id
        if not is_holder or not roles & step_roles(Role(step.role)):
            return frozenset()
        found: set[Action] = set()

        def may(action: Action) -> bool:
            return allowed(roles, action, is_holder=is_holder)

        received = step.received_at is not None
        running = c.open_pause is None
        role = Role(step.role)
        if may(Action.PAUSE):
            found.add(Action.PAUSE)
        if not received:
            if may(Action.RECEIVE):
                found.add(Action.RECEIVE)
            return frozenset(found)
        if may(Action.OPINION):
            found.add(Action.OPINION)
        if may(Action.RETURN):
            found.add(Action.RETURN)
        decided = review is not None and review.decision != "defer"
        if running and c.next_spec() is not None and may(Action.SEND) and \
                (role is not Role.COLLECTIVE or decided):
            found.add(Action.SEND)
        if role is Role.COLLECTIVE and c.tier is Tier.MAJOR and may(Action.COLLECTIVE):
            found.add(Action.COLLECTIVE)
        if running and can_complete_at(c.plan, step.step_order) and may(Action.COMPLETE) and \
                (decided or not c.needs_review()):
            found.add(Action.COMPLETE)
        return frozenset(found)

    def _receiver(self, s: Session, to_user_id: uuid.UUID, spec: RoutingStepSpec) -> User:
        user = s.get(User, to_user_id) if to_user_id else None
        if user is None or user.office_id != self.ctx.office_id or not user.active:
            raise ValidationError("to_user_id", to_user_id, "unknown", "请选择本单位在岗的接收人")
        needed = step_roles(spec.role)
        if not set(roles_of(user.roles)) & needed:
            who = "、".join(sorted(r.label for r in needed))
            raise ValidationError("to_user_id", to_user_id, "role",
                                  f"“{spec.name}”环节须由{who}办理，{user.display_name}没有这个角色")
        return user

    def _staff(self, s: Session, role: Role | None) -> list[StaffItem]:
        needed = step_roles(role) if role is not None else None
        users = s.scalars(select(User).where(User.office_id == self.ctx.office_id, User.active)
                          .order_by(User.display_name, User.username))
        items = []
        for u in users:
            roles = roles_of(u.roles)
            if needed is None or set(roles) & needed:
                items.append(StaffItem(u.id, u.display_name, roles))
        return items

    # ------------------------------------------------------------ internals: inbox queries

    def _held_by_me(self) -> Any:
        me = self.ctx.user_id
        # A case accepted before routing rows existed is held by its accepting clerk.
        return or_(Case.holder_id == me,
                   and_(Case.holder_id.is_(None), Case.current_step == 0, Case.clerk_id == me))

    @staticmethod
    def _effective_due() -> Any:
        """The earlier of the open step's due date and the case's."""
        return case(
            (and_(CaseStep.due_date.is_not(None),
                  or_(Case.due_date.is_(None), CaseStep.due_date < Case.due_date)), CaseStep.due_date),
            else_=Case.due_date,
        )

    def _open_cases_query(self) -> Any:
        matter = aliased(Matter)
        return (
            select(Case.id, Case.number, Applicant.name, matter.name, matter.spec,
                   Case.green_channel, Case.due_date, Case.accepted_at, CaseStep.step_name,
                   CaseStep.sent_at, CaseStep.received_at, CaseStep.due_date,
                   CasePause.id.is_not(None), func.coalesce(Case.holder_id, Case.clerk_id))
            .select_from(Case)
            .join(Applicant, Applicant.id == Case.applicant_id)
            .join(matter, matter.id == Case.matter_id)
            .outerjoin(CaseStep, and_(CaseStep.case_id == Case.id, CaseStep.done_at.is_(None)))
            .outerjoin(CasePause, and_(CasePause.case_id == Case.id, CasePause.end_date.is_(None)))
            .where(Case.office_id == self.ctx.office_id, Case.status == CaseStatus.ACCEPTED.value)
        )

    def _inbox_row(self, s: Session, r: Any, today: dt.date, soon: dt.date, *,
                   with_holder: bool = False) -> InboxRow:
        (case_id, number, applicant, matter_name, spec, green, case_due, accepted_at, step_name,
         sent_at, received_at, step_due, paused, holder_id) = r
        if step_name is None:  # accepted before routing rows existed: the window step, signed for
            plan = plan_from_spec(spec)
            step_name = plan[0].name if plan else ""
            sent_at = received_at = accepted_at
            if plan and accepted_at is not None:
                step_due = self.reference.calendar().add_working_days(
                    local_date(accepted_at), plan[0].time_limit_days).due
        due = _min_due(step_due, case_due)
        running = not paused
        return InboxRow(
            case_id=case_id, number=number or "", applicant_name=applicant, matter_name=matter_name,
            step_name=step_name, sent_at=sent_at, received_at=received_at, step_due=step_due,
            case_due=case_due, green_channel=bool(green),
            overdue=running and due is not None and due < today,
            due_today=running and due == today,
            due_soon=running and due is not None and today < due <= soon,
            paused=bool(paused),
            holder_name=user_name(s, self.ctx, holder_id) if with_holder and holder_id else "",
        )

    # ------------------------------------------------------------ internals: rows and documents

    def _step_row(self, s: Session, r: CaseStep, today: dt.date, paused: bool) -> StepRow:
        if r.done_at is None:
            overdue = not paused and r.due_date is not None and r.due_date < today
        else:
            overdue = r.due_date is not None and local_date(r.done_at) > r.due_date
        return StepRow(
            seq=r.seq, kind=r.kind, step_order=r.step_order, step_name=r.step_name,
            role=Role(r.role),
            from_name=user_name(s, self.ctx, r.from_user_id) if r.from_user_id else "",
            to_name=(user_name(s, self.ctx, r.to_user_id) if r.to_user_id
                     else APPLICANT_LABEL if r.return_target == TARGET_APPLICANT else ""),
            to_user_id=r.to_user_id, sent_at=r.sent_at, received_at=r.received_at,
            done_at=r.done_at, due_date=r.due_date, due_uncertain=r.due_uncertain,
            opinion=r.opinion, result=r.result, reason=r.reason, return_target=r.return_target,
            overdue=overdue,
        )

    def _event(self, s: Session, case_row: Case, kind: str, at: dt.datetime, note: str,
               data: dict[str, object] | None = None) -> None:
        s.add(CaseEvent(id=uuid.uuid4(), case_id=case_row.id, kind=kind, at=at,
                        actor_id=self.ctx.user_id, note=note, data=data or {}))

    def _party(self, s: Session, case_row: Case) -> PartyInfo:
        a = s.get(Applicant, case_row.applicant_id)
        assert a is not None
        return PartyInfo(
            name=a.name, kind=a.kind, id_type=ID_TYPE_LABELS.get(a.id_type, a.id_type),
            id_number=a.id_number, phone=a.phone, address=a.address, agent_name=case_row.agent_name,
            agent_id_number=case_row.agent_id_number, legal_rep=a.legal_rep,
        )

    @staticmethod
    def _local(moment: dt.datetime) -> str:
        return f"{moment.astimezone(LOCAL_TZ):%Y-%m-%d %H:%M}"

    def _return_slip(self, s: Session, case_row: Case, row: CaseStep, from_step: str,
                     to_name: str) -> ReturnSlipData:
        matter = s.get(Matter, case_row.matter_id)
        return ReturnSlipData(
            office=office_info(s, self.ctx, case_row.office_id),
            slip_number=f"{case_row.number or ''}T{row.seq:02d}",
            case_number=case_row.number or "",
            matter_name=matter.name if matter is not None else "",
            applicant=self._party(s, case_row),
            step_name=from_step,
            returned_by=user_name(s, self.ctx, row.from_user_id) if row.from_user_id else "",
            returned_to=to_name,
            returned_at=row.sent_at,
            reason=row.reason,
        )

    def _decision_notice(self, s: Session, case_row: Case, done_by: uuid.UUID | None) -> DecisionNoticeData:
        office = office_info(s, self.ctx, case_row.office_id)
        matter = s.get(Matter, case_row.matter_id)
        assert matter is not None and case_row.accepted_at is not None
        assert case_row.completed_at is not None and case_row.decision_number
        result = CaseResult(case_row.result)
        return DecisionNoticeData(
            office=office, decision_number=case_row.decision_number,
            case_number=case_row.number or "", applicant=self._party(s, case_row),
            matter_name=matter.name, accepted_at=case_row.accepted_at,
            decided_at=case_row.completed_at, result=result.value, result_label=result.label,
            text=case_row.decision_text,
            clerk_name=user_name(s, self.ctx, done_by) if done_by else "",
            contact_phone=str(matter.spec.get("consult_phone") or office.phone),
        )

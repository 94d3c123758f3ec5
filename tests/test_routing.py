"""Case routing through the real services, with every deadline worked out by hand.

The 2026 calendar around the tests (no public holiday between 23 Nov 2026 and
1 Jan 2027, so only weekends are rest days):

    November 2026            December 2026
    Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su
    23 24 25 26 27 28 29         1  2  3  4  5  6
    30                        7  8  9 10 11 12 13
                             14 15 16 17 18 19 20

Counting starts the day after the event (acceptance, hand-off), the N-th
working day counted is the due date, and 0 days means the same day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import delete, func, select

from app.dto import DecisionNoticeData, ReturnSlipData, Role, Tier
from app.errors import FormErrors, PermissionDenied, StateError, ValidationError
from app.models import AuditLog, Case, CaseEvent, CasePause, CaseStep, CollectiveReview, User
from app.permissions import Action
from app.services import Services
from app.services.context import LOCAL_TZ
from app.services.intake import CaseStatus
from app.services.routing import (
    CaseResult,
    InboxCounts,
    PauseKind,
    RoutingService,
    can_complete_at,
    final_role,
    plan_from_spec,
    result_label,
)
from tests.conftest import FixedClock
from tests.test_intake_service import full_form

pytestmark = pytest.mark.both_backends  # the core services, on SQLite and PostgreSQL

D = dt.date


@dataclass(frozen=True)
class People:
    clerk: uuid.UUID  # 王晓梅: admin + window clerk + section chief (the office's first user)
    clerk2: uuid.UUID  # 周窗口: window clerk
    handler: uuid.UUID  # 李经办
    chief: uuid.UUID  # 赵所长
    deputy: uuid.UUID  # 钱分管
    leader: uuid.UUID  # 孙主任
    admin: uuid.UUID  # 吴管理: administrator only


def add_user(services: Services, username: str, name: str, roles: str) -> uuid.UUID:
    uid = uuid.uuid4()
    with services.ctx.transaction("test.users") as s:
        s.add(User(id=uid, office_id=services.ctx.office_id, username=username, display_name=name,
                   roles=roles))
    return uid


@pytest.fixture
def people(services: Services) -> People:
    assert services.ctx.user_id is not None
    return People(
        clerk=services.ctx.user_id,
        clerk2=add_user(services, "zhouck", "周窗口", "window_clerk"),
        handler=add_user(services, "lijb", "李经办", "handler"),
        chief=add_user(services, "zhaosz", "赵所长", "section_chief"),
        deputy=add_user(services, "qianfg", "钱分管", "deputy_leader"),
        leader=add_user(services, "sunzr", "孙主任", "leader"),
        admin=add_user(services, "wugl", "吴管理", "admin"),
    )


@pytest.fixture
def routing(services: Services) -> RoutingService:
    return RoutingService(services.ctx, services.reference)


def act(services: Services, user_id: uuid.UUID) -> None:
    services.ctx.user_id = user_id


def at(clock: FixedClock, month: int, day: int, hour: int = 10, minute: int = 0) -> None:
    clock.now = dt.datetime(2026, month, day, hour, minute, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


def accept(services: Services, code: str, **changes: object) -> uuid.UUID:
    return services.intake.accept(full_form(services, code, **changes)).case_id


def rows(services: Services, model: type) -> int:
    with services.ctx.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def events(services: Services, case_id: uuid.UUID) -> list[str]:
    with services.ctx.reading() as s:
        return list(s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)
                              .order_by(CaseEvent.at, CaseEvent.kind)))


def case_row(services: Services, case_id: uuid.UUID) -> Case:
    with services.ctx.reading() as s:
        row = s.get(Case, case_id)
        assert row is not None
        return row


def step_rows(services: Services, case_id: uuid.UUID) -> list[CaseStep]:
    with services.ctx.reading() as s:
        return list(s.scalars(select(CaseStep).where(CaseStep.case_id == case_id).order_by(CaseStep.seq)))


def pass_on(services: Services, routing: RoutingService, case_id: uuid.UUID, by: uuid.UUID,
            to: uuid.UUID, opinion: str = "同意") -> None:
    """``by`` signs for the case if needed, agrees and sends it to ``to``."""
    act(services, by)
    state = routing.state(case_id)
    if Action.RECEIVE in state.actions:
        routing.receive(case_id)
    routing.record_opinion(case_id, opinion, "agree")
    routing.send(case_id, to)


# ---------------------------------------------------------------- plans


def test_plans_come_from_the_catalogue(services: Services) -> None:
    important = plan_from_spec(services.reference.matter_spec(services.reference.matter("TD-001").id))
    assert [(s.role, s.time_limit_days) for s in important] == [
        (Role.WINDOW_CLERK, 0), (Role.HANDLER, 5), (Role.SECTION_CHIEF, 1),
        (Role.DEPUTY_LEADER, 2), (Role.LEADER, 0), (Role.WINDOW_CLERK, 1)]
    general = plan_from_spec(services.reference.matter_spec(services.reference.matter("TD-004").id))
    assert final_role(general) is Role.WINDOW_CLERK
    # 一审制: the clerk at the window step may complete, since every remaining step is theirs.
    assert can_complete_at(general, 1) and can_complete_at(general, 2)
    assert not can_complete_at(important, 1) and not can_complete_at(important, 5)
    assert can_complete_at(important, 6)
    assert result_label("agree") == "同意" and result_label("approved") == "办结（准予）"


# ---------------------------------------------------------------- general tier


def test_general_matter_is_completed_by_the_window_clerk(services: Services, routing: RoutingService,
                                                         people: People) -> None:
    # TD-004 (一般, 承诺 1 个工作日): accepted Mon 23 Nov → due Tue 24 Nov.
    case_id = accept(services, "TD-004")
    state = routing.state(case_id)
    assert state.tier is Tier.GENERAL and state.status is CaseStatus.ACCEPTED
    assert state.due_date == D(2026, 11, 24)
    assert state.current_step == 1 and state.holder_id == people.clerk
    assert state.holder_name == "王晓梅"
    # The window step (time limit 0) is due the day of acceptance, signed for at acceptance.
    assert state.open_step is not None and state.open_step.due_date == D(2026, 11, 23)
    assert state.open_step.received_at is not None
    assert Action.COMPLETE in state.actions and Action.RECEIVE not in state.actions

    notice = routing.complete(case_id, CaseResult.APPROVED, "经核对地类，同意备案。")
    assert isinstance(notice, DecisionNoticeData)
    assert notice.decision_number == "3707021012026D000001"
    assert notice.result == "approved" and notice.result_label == "准予"
    assert notice.clerk_name == "王晓梅" and notice.case_number == case_row(services, case_id).number

    row = case_row(services, case_id)
    assert row.status == CaseStatus.COMPLETED and row.result == "approved"
    assert row.completed_at == services.ctx.now() and row.holder_id is None
    assert row.decision_text == "经核对地类，同意备案。"
    steps = step_rows(services, case_id)
    assert len(steps) == 1 and steps[0].done_at is not None and steps[0].result == "approved"
    assert "completed" in events(services, case_id)
    assert routing.decision_notice(case_id) == notice
    after = routing.state(case_id)
    assert after.actions == frozenset() and after.open_step is None

    # A closed case cannot be acted on again.
    with pytest.raises(StateError):
        routing.complete(case_id, CaseResult.APPROVED, "再次办结")
    with pytest.raises(StateError):
        routing.pause(case_id, PauseKind.SUPPLEMENT, "补正")

    # Decision numbers share the intake counter mechanism: the next one is 000002.
    second = routing.complete(accept(services, "TD-009"), CaseResult.NOT_APPROVED, "查询人不具备查询资格。")
    assert second.decision_number == "3707021012026D000002" and second.result_label == "不予批准"


def test_complete_checks_its_input(services: Services, routing: RoutingService, people: People) -> None:
    case_id = accept(services, "TD-004")
    with pytest.raises(FormErrors) as info:
        routing.complete(case_id, "maybe", "  ")  # type: ignore[arg-type]
    assert set(info.value.by_field()) == {"result", "text"}
    assert case_row(services, case_id).status == CaseStatus.ACCEPTED
    steps = step_rows(services, case_id)  # only the window step opened at acceptance, still open
    assert len(steps) == 1 and steps[0].done_at is None


# ---------------------------------------------------------------- important tier


def test_important_matter_full_lifecycle(services: Services, clock: FixedClock, routing: RoutingService,
                                         people: People) -> None:
    # TD-001 (重要, 承诺 10 个工作日): accepted Mon 23 Nov 10:00;
    # counting Nov 24, 25, 26, 27, 30, Dec 1, 2, 3, 4, 7 → due Mon 7 Dec.
    case_id = accept(services, "TD-001")
    state = routing.state(case_id)
    assert state.tier is Tier.IMPORTANT and state.due_date == D(2026, 12, 7)
    assert state.next_step is not None and state.next_step.role is Role.HANDLER
    assert [c.display_name for c in state.next_candidates] == ["李经办"]
    assert Action.COMPLETE not in state.actions and Action.SEND in state.actions

    # The window cannot send to the section chief: the next catalogue step is the handler's.
    with pytest.raises(ValidationError) as wrong:
        routing.send(case_id, people.chief)
    assert wrong.value.field == "to_user_id"
    with pytest.raises(StateError):
        routing.complete(case_id, CaseResult.APPROVED, "越级办结")

    # Mon 23 10:30 window → handler: 5 working days, Nov 24, 25, 26, 27, 30 → Mon 30 Nov.
    at(clock, 11, 23, 10, 30)
    routing.send(case_id, people.handler, "材料齐全，转经办人实地踏勘")
    st = routing.state(case_id)
    assert st.holder_id == people.handler and st.current_step == 2
    assert st.open_step is not None and st.open_step.due_date == D(2026, 11, 30)
    assert st.open_step.received_at is None and st.open_step.from_name == "王晓梅"
    assert st.actions == frozenset()  # the clerk no longer holds it

    act(services, people.handler)
    assert routing.state(case_id).actions == {Action.RECEIVE, Action.PAUSE}
    # Sending or recording an opinion before signing for it is refused.
    with pytest.raises(StateError):
        routing.send(case_id, people.chief)
    with pytest.raises(StateError):
        routing.record_opinion(case_id, "同意", "agree")
    # Tue 24 09:00 the handler signs; Wed 25 sends to the chief:
    # 1 working day from Wed 25 → Thu 26 Nov.
    at(clock, 11, 24, 9)
    routing.receive(case_id)
    with pytest.raises(StateError):
        routing.receive(case_id)
    with pytest.raises(FormErrors) as bad:
        routing.record_opinion(case_id, "", "perhaps")
    assert set(bad.value.by_field()) == {"opinion", "result"}
    routing.record_opinion(case_id, "经实地踏勘，四至清楚，符合规划", "agree")
    at(clock, 11, 25, 15)
    routing.send(case_id, people.chief)
    assert routing.state(case_id).open_step.due_date == D(2026, 11, 26)  # type: ignore[union-attr]

    # Thu 26: chief → deputy leader, 2 working days: Fri 27, Mon 30 → Mon 30 Nov (over the weekend).
    at(clock, 11, 26, 9)
    pass_on(services, routing, case_id, people.chief, people.deputy)
    assert routing.state(case_id).open_step.due_date == D(2026, 11, 30)  # type: ignore[union-attr]

    # Mon 30: deputy → leader, 0 days (主要领导签批不过夜) → due Mon 30 Nov itself.
    at(clock, 11, 30, 9)
    pass_on(services, routing, case_id, people.deputy, people.leader)
    assert routing.state(case_id).open_step.due_date == D(2026, 11, 30)  # type: ignore[union-attr]

    # The leader signs the same day and sends it to the window for 发放: 1 working day → Tue 1 Dec.
    at(clock, 11, 30, 16)
    act(services, people.leader)
    st = routing.state(case_id)
    assert st.next_step is not None and st.next_step.role is Role.WINDOW_CLERK
    assert {c.display_name for c in st.next_candidates} == {"王晓梅", "周窗口"}
    pass_on(services, routing, case_id, people.leader, people.clerk2, "同意，予以批准")
    assert routing.state(case_id).open_step.due_date == D(2026, 12, 1)  # type: ignore[union-attr]

    # Tue 1 Dec: the window clerk signs for it and completes at the last step.
    at(clock, 12, 1, 9)
    act(services, people.clerk2)
    st = routing.state(case_id)
    assert st.next_step is None and st.current_step == 6
    routing.receive(case_id)
    assert Action.COMPLETE in routing.state(case_id).actions
    notice = routing.complete(case_id, CaseResult.APPROVED, "准予使用宅基地，面积 1333.33 平方米。")
    assert notice.clerk_name == "周窗口" and notice.result_label == "准予"

    final = routing.state(case_id)
    assert final.status is CaseStatus.COMPLETED and final.result == "approved"
    history = final.history
    assert [(h.step_order, h.to_name) for h in history] == [
        (1, "王晓梅"), (2, "李经办"), (3, "赵所长"), (4, "钱分管"), (5, "孙主任"), (6, "周窗口")]
    assert [h.due_date for h in history] == [
        D(2026, 11, 23), D(2026, 11, 30), D(2026, 11, 26), D(2026, 11, 30), D(2026, 11, 30),
        D(2026, 12, 1)]
    assert all(h.done_at is not None for h in history) and not any(h.overdue for h in history)
    assert history[1].opinion == "经实地踏勘，四至清楚，符合规划" and history[1].result == "agree"
    assert history[0].opinion == "材料齐全，转经办人实地踏勘"
    assert history[1].received_at == dt.datetime(2026, 11, 24, 9, tzinfo=LOCAL_TZ)

    kinds = events(services, case_id)
    assert kinds.count("routing_sent") == 5 and kinds.count("routing_received") == 5
    assert kinds.count("routing_opinion") == 4 and kinds.count("completed") == 1
    with services.ctx.reading() as s:
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.action.like("routing.%"))))
        notes = list(s.scalars(select(CaseEvent.note).where(CaseEvent.case_id == case_id,
                                                            CaseEvent.kind == "routing_sent")))
    assert actions == {"routing.send", "routing.receive", "routing.opinion", "routing.complete"}
    assert notes[0] == "传办至“实地踏勘与审查”（李经办），限 2026-11-30 前办理"

    slip = routing.transfer_slip(case_id)
    assert [r.step_name for r in slip.rows][-1] == "窗口发放农村宅基地批准书"
    assert slip.remaining_steps == () and slip.tier_label == "重要"
    assert [r.result for r in slip.rows] == ["", "同意", "同意", "同意", "同意", "办结（准予）"]


def test_overdue_steps_are_flagged(services: Services, clock: FixedClock, routing: RoutingService,
                                   people: People) -> None:
    case_id = accept(services, "TD-001")
    routing.send(case_id, people.handler)  # due Mon 30 Nov
    at(clock, 12, 1)  # Tue 1 Dec: one day late, not yet signed for
    act(services, people.handler)
    st = routing.state(case_id)
    assert st.open_step is not None and st.open_step.overdue
    routing.receive(case_id)
    routing.send(case_id, people.chief)
    done = routing.state(case_id).history[1]
    assert done.done_at is not None and done.overdue  # done after its due date: stays on record


# ---------------------------------------------------------------- major tier


def test_major_matter_needs_a_collective_review(services: Services, clock: FixedClock,
                                                routing: RoutingService, people: People) -> None:
    # TD-006 (重大, 承诺 15 个工作日): accepted Mon 23 Nov; Nov 24–27, 30 (5), Dec 1–4 (9),
    # Dec 7–11 (14), Dec 14 (15) → due Mon 14 Dec.
    case_id = accept(services, "TD-006")
    assert routing.state(case_id).due_date == D(2026, 12, 14)
    assert routing.state(case_id).tier is Tier.MAJOR

    # window → handler Mon 23: 5 working days → Mon 30 Nov.
    routing.send(case_id, people.handler)
    # Fri 27 handler → chief: 1 working day → Mon 30 Nov.
    at(clock, 11, 27)
    pass_on(services, routing, case_id, people.handler, people.chief)
    assert routing.state(case_id).open_step.due_date == D(2026, 11, 30)  # type: ignore[union-attr]

    # The collective step is held by a leader who convenes it; the handler cannot hold it.
    at(clock, 11, 30)
    act(services, people.chief)
    routing.receive(case_id)
    st = routing.state(case_id)
    assert st.next_step is not None and st.next_step.role is Role.COLLECTIVE
    assert {c.display_name for c in st.next_candidates} == {"王晓梅", "赵所长", "钱分管", "孙主任"}
    with pytest.raises(ValidationError):
        routing.send(case_id, people.handler)
    # The review at the chief's own step is refused: it belongs to the collective step.
    with pytest.raises(StateError):
        routing.record_collective_review(case_id, D(2026, 11, 30), "全体班子成员", "agree", "同意")
    # Mon 30 chief → collective (to himself, so signed for at once): 5 working days → Mon 7 Dec.
    routing.record_opinion(case_id, "同意提交集体会审", "agree")
    routing.send(case_id, people.chief)
    st = routing.state(case_id)
    assert st.open_step is not None and st.open_step.due_date == D(2026, 12, 7)
    assert st.open_step.received_at is not None
    assert Action.COLLECTIVE in st.actions and Action.SEND not in st.actions
    # No decision yet: the case cannot go on to the leader.
    with pytest.raises(StateError):
        routing.send(case_id, people.leader)

    at(clock, 12, 3, 16)
    with pytest.raises(FormErrors) as bad:
        routing.record_collective_review(case_id, D(2026, 12, 4), " ", "maybe", "")
    assert set(bad.value.by_field()) == {"meeting_date", "participants", "decision", "minutes"}
    # A deferred meeting is recorded but decides nothing.
    routing.record_collective_review(case_id, D(2026, 12, 2), "赵所长、钱分管、孙主任", "defer",
                                     "需补充永久基本农田补划论证，下次会审")
    with pytest.raises(StateError):
        routing.send(case_id, people.leader)
    routing.record_collective_review(case_id, D(2026, 12, 3), "赵所长、钱分管、孙主任、李经办", "agree",
                                     "一致同意上报预审")
    st = routing.state(case_id)
    assert st.collective is not None and st.collective.decision == "agree"
    assert st.collective.meeting_date == D(2026, 12, 3) and Action.SEND in st.actions
    # Thu 3 Dec collective → leader: same day → Thu 3 Dec.
    routing.send(case_id, people.leader)
    assert routing.state(case_id).open_step.due_date == D(2026, 12, 3)  # type: ignore[union-attr]
    # Thu 3 Dec leader → window: 1 working day → Fri 4 Dec.
    pass_on(services, routing, case_id, people.leader, people.clerk)
    assert routing.state(case_id).open_step.due_date == D(2026, 12, 4)  # type: ignore[union-attr]

    # Fri 4 Dec the window completes. Defence in depth: without a review row, it is refused.
    at(clock, 12, 4)
    act(services, people.clerk)
    routing.receive(case_id)
    with services.ctx.transaction("test.remove_review") as s:
        saved = list(s.scalars(select(CollectiveReview).where(CollectiveReview.case_id == case_id)))
        kept = [(r.meeting_date, r.participants, r.decision, r.minutes, r.recorded_at) for r in saved]
        for r in saved:
            s.delete(r)
    assert Action.COMPLETE not in routing.state(case_id).actions
    with pytest.raises(StateError, match="集体会审"):
        routing.complete(case_id, CaseResult.APPROVED, "同意上报")
    with services.ctx.transaction("test.restore_review") as s:
        for meeting, who, decision, minutes, when in kept:
            s.add(CollectiveReview(case_id=case_id, meeting_date=meeting, participants=who,
                                   decision=decision, minutes=minutes, recorded_at=when))
    notice = routing.complete(case_id, CaseResult.APPROVED, "经集体会审，同意上报县自然资源局预审。")
    assert notice.decision_number == "3707021012026D000001"
    history = routing.state(case_id).history
    assert [h.due_date for h in history] == [
        D(2026, 11, 23), D(2026, 11, 30), D(2026, 11, 30), D(2026, 12, 7), D(2026, 12, 3),
        D(2026, 12, 4)]
    assert history[3].result == "agree" and "集体会审" in history[3].opinion
    assert "collective_review" in events(services, case_id)


def test_collective_review_only_for_major_matters(services: Services, routing: RoutingService,
                                                  people: People) -> None:
    case_id = accept(services, "TD-001")
    with pytest.raises(StateError, match="重大事项"):
        routing.record_collective_review(case_id, D(2026, 11, 23), "全体", "agree", "同意")
    act(services, people.handler)  # not a leader role, not the holder
    with pytest.raises(PermissionDenied):
        routing.record_collective_review(case_id, D(2026, 11, 23), "全体", "agree", "同意")


# ---------------------------------------------------------------- pauses


def test_public_notice_over_a_weekend_moves_the_due_dates(services: Services, clock: FixedClock,
                                                          routing: RoutingService, people: People) -> None:
    cal = services.reference.calendar()
    # TD-001 accepted Mon 23 Nov → due Mon 7 Dec; handler's 5 days from Mon 23 → Mon 30 Nov.
    case_id = accept(services, "TD-001")
    routing.send(case_id, people.handler)
    act(services, people.handler)
    routing.receive(case_id)

    # Thu 26 Nov: public notice starts (公示); the clock stops from Thu 26 (included).
    at(clock, 11, 26, 11)
    with pytest.raises(FormErrors) as bad:
        routing.pause(case_id, PauseKind.PUBLIC_NOTICE, "", start=D(2026, 11, 27))
    assert set(bad.value.by_field()) == {"reason", "start"}  # no reason; starts tomorrow
    routing.pause(case_id, PauseKind.PUBLIC_NOTICE, "宅基地申请村内公示")
    with pytest.raises(StateError):
        routing.pause(case_id, PauseKind.HEARING, "又一次")
    with pytest.raises(StateError):
        routing.send(case_id, people.chief)  # no hand-off while the clock is stopped
    st = routing.state(case_id)
    assert st.paused and st.pauses[0].kind is PauseKind.PUBLIC_NOTICE
    assert st.pauses[0].start_date == D(2026, 11, 26) and st.pauses[0].end_date is None

    # Mon 30 Nov, still paused: Thu 26, Fri 27 and Mon 30 do not count so far,
    # so the due date as it stands is 7 Dec + 3 working days → Thu 10 Dec; nothing is overdue.
    at(clock, 11, 30)
    st = routing.state(case_id)
    assert st.due_date == D(2026, 12, 10)
    assert st.open_step is not None and not st.open_step.overdue  # its stored due (30 Nov) is today
    assert case_row(services, case_id).due_date == D(2026, 12, 7)  # stored value moves at resume

    # Tue 1 Dec the notice period ends (included): paused Thu 26, Fri 27, Mon 30, Tue 1 =
    # 4 working days (Sat 28, Sun 29 were rest days anyway).
    at(clock, 12, 1, 17)
    with pytest.raises(ValidationError) as early:
        routing.resume(case_id, end=D(2026, 11, 25))
    assert early.value.field == "end"
    routing.resume(case_id)
    with pytest.raises(StateError):
        routing.resume(case_id)
    st = routing.state(case_id)
    assert not st.paused and st.pauses[0].end_date == D(2026, 12, 1)
    # Case: Mon 7 Dec + 4 working days (8, 9, 10, 11) → Fri 11 Dec.
    assert st.due_date == D(2026, 12, 11)
    assert cal.working_days_between(D(2026, 12, 7), D(2026, 12, 11)) == 4
    # Handler's step: counted Tue 24, Wed 25, then Dec 2, 3, 4 → Fri 4 Dec (was Mon 30 Nov).
    assert st.open_step is not None and st.open_step.due_date == D(2026, 12, 4)
    row = case_row(services, case_id)
    assert row.due_date == D(2026, 12, 11)
    with services.ctx.reading() as s:
        note = s.scalar(select(CaseEvent.note).where(CaseEvent.kind == "routing_resumed"))
    assert note is not None and "4 个工作日不计入" in note and "2026-12-11" in note

    # A later pause cannot overlap the first one.
    with pytest.raises(FormErrors) as overlap:
        routing.pause(case_id, PauseKind.EXPERT_REVIEW, "专家论证", start=D(2026, 11, 30))
    assert overlap.value.by_field()["start"].reason == "overlap"

    # The next step is counted from its hand-off, unaffected by the closed pause:
    # Wed 2 Dec → chief, 1 working day → Thu 3 Dec.
    at(clock, 12, 2)
    routing.send(case_id, people.chief)
    assert routing.state(case_id).open_step.due_date == D(2026, 12, 3)  # type: ignore[union-attr]
    slip = routing.transfer_slip(case_id)
    assert slip.pauses == ("公示 2026-11-26 至 2026-12-01（不计入办理时限）",)
    assert slip.due_date == D(2026, 12, 11)


# ---------------------------------------------------------------- returns


def test_return_to_an_earlier_step_and_to_the_applicant(services: Services, clock: FixedClock,
                                                        routing: RoutingService, people: People) -> None:
    case_id = accept(services, "TD-001")
    routing.send(case_id, people.handler)
    at(clock, 11, 24)
    pass_on(services, routing, case_id, people.handler, people.chief)

    # Wed 25 the chief signs and returns it to the handler's step.
    at(clock, 11, 25, 9)
    act(services, people.chief)
    routing.receive(case_id)
    st = routing.state(case_id)
    assert st.earlier_steps == ((1, "窗口受理"), (2, "实地踏勘与审查"))
    with pytest.raises(FormErrors) as bad:
        routing.return_case(case_id, " ", 4)
    assert set(bad.value.by_field()) == {"reason", "to_step"}
    slip = routing.return_case(case_id, "界址示意图与实地不符，请重新踏勘", 2)
    assert isinstance(slip, ReturnSlipData)
    assert slip.returned_by == "赵所长" and slip.returned_to == "李经办"
    assert slip.step_name == "所长审核" and slip.reason == "界址示意图与实地不符，请重新踏勘"
    assert slip.returned_at == services.ctx.now() and slip.case_number == case_row(services, case_id).number

    st = routing.state(case_id)
    assert st.holder_id == people.handler and st.current_step == 2
    assert st.open_step is not None and st.open_step.kind == "return"
    assert st.open_step.return_target == "step"
    # Back at the handler's step: 5 working days from Wed 25 → Nov 26, 27, 30, Dec 1, 2 → Wed 2 Dec.
    assert st.open_step.due_date == D(2026, 12, 2)
    assert st.history[2].result == "returned" and st.history[2].done_at is not None
    assert routing.return_slip(case_id, st.open_step.seq) == slip

    # The handler signs for the return and sends it again: chief 1 day from Thu 26 → Fri 27.
    at(clock, 11, 26)
    act(services, people.handler)
    with pytest.raises(StateError):
        routing.send(case_id, people.chief)
    routing.receive(case_id)
    routing.record_opinion(case_id, "已重新踏勘，界址图已更正", "agree")
    routing.send(case_id, people.chief)
    assert routing.state(case_id).open_step.due_date == D(2026, 11, 27)  # type: ignore[union-attr]

    slip_data = routing.transfer_slip(case_id)
    assert [(r.seq, r.kind, r.step_name, r.to_name) for r in slip_data.rows] == [
        (1, "forward", "窗口受理", "王晓梅"),
        (2, "forward", "实地踏勘与审查", "李经办"),
        (3, "forward", "所长审核", "赵所长"),
        (4, "return", "实地踏勘与审查", "李经办"),
        (5, "forward", "所长审核", "赵所长"),
    ]
    assert slip_data.rows[2].result == "退回" and slip_data.rows[3].reason.startswith("界址示意图")
    assert slip_data.remaining_steps == ("分管领导审核", "主要领导签批", "窗口发放农村宅基地批准书")

    # Fri 27 the chief returns it to the applicant: the case ends as returned.
    at(clock, 11, 27)
    act(services, people.chief)
    routing.receive(case_id)
    to_applicant = routing.return_case(case_id, "申请人不符合“一户一宅”条件", None)
    assert to_applicant.returned_to == "申请人" and to_applicant.returned_by == "赵所长"
    assert to_applicant.step_name == "所长审核"
    row = case_row(services, case_id)
    assert row.status == CaseStatus.RETURNED and row.holder_id is None
    st = routing.state(case_id)
    assert st.status is CaseStatus.RETURNED and st.actions == frozenset() and st.open_step is None
    assert st.history[-1].kind == "return" and st.history[-1].to_name == "申请人"
    assert routing.return_slip(case_id, st.history[-1].seq) == to_applicant
    assert routing.transfer_slip(case_id).remaining_steps == ()
    assert routing.inbox() == []
    with pytest.raises(StateError):
        routing.send(case_id, people.deputy)
    with pytest.raises(StateError):
        routing.decision_notice(case_id)
    kinds = events(services, case_id)
    assert "routing_returned" in kinds and "returned_to_applicant" in kinds


# ---------------------------------------------------------------- inbox and counts


def test_inbox_counts_and_office_overdue(services: Services, clock: FixedClock, routing: RoutingService,
                                         people: People) -> None:
    # Mon 23 Nov, all accepted by 王晓梅:
    plain = accept(services, "TD-001")  # → handler, step due Mon 30 Nov (5 days), case due 7 Dec
    green = accept(services, "TD-001", green_channel=True)  # the same, green channel
    urgent = accept(services, "KC-002")  # 即办: case due Mon 23; handler step 0 days → Mon 23
    window_green = accept(services, "TD-009", green_channel=True)  # stays at the window, due Mon 23
    for case_id in (plain, green, urgent):
        routing.send(case_id, people.handler)

    act(services, people.handler)
    routing.receive(green)
    routing.receive(urgent)
    # Mon 23: 3 in the handler's inbox, 1 not signed for, 1 due today, none due within
    # Tue 24 – Wed 25, none overdue.
    assert routing.counts() == InboxCounts(inbox=3, unreceived=1, due_today=1, due_soon=0, overdue=0)

    # Thu 26: "soon" = Fri 27 and Mon 30 → both TD-001 cases; the KC-002 one is 3 days late.
    at(clock, 11, 26)
    assert routing.counts() == InboxCounts(inbox=3, unreceived=1, due_today=0, due_soon=2, overdue=1)
    inbox = routing.inbox()
    # Green channel first even though the urgent case is due earlier.
    assert [r.case_id for r in inbox] == [green, urgent, plain]
    assert inbox[0].green_channel and inbox[0].due_soon and inbox[0].step_due == D(2026, 11, 30)
    assert inbox[0].case_due == D(2026, 12, 7) and inbox[0].step_name == "实地踏勘与审查"
    assert inbox[1].overdue and not inbox[1].due_soon
    assert inbox[2].received_at is None and inbox[2].applicant_name == "张建国"

    # A paused case is neither due nor overdue.
    routing.pause(urgent, PauseKind.EXPERT_REVIEW, "地质灾害专家现场评估")
    assert routing.counts() == InboxCounts(inbox=3, unreceived=1, due_today=0, due_soon=2, overdue=0)
    assert [r.paused for r in routing.inbox()] == [False, True, False]
    routing.resume(urgent)

    # The clerk still holds the window case (no routing row yet): counted and listed as well.
    act(services, people.clerk)
    assert routing.counts() == InboxCounts(inbox=1, unreceived=0, due_today=0, due_soon=0, overdue=1)
    mine = routing.inbox()
    assert [r.case_id for r in mine] == [window_green]
    assert mine[0].step_name == "窗口受理并当场查询" and mine[0].step_due == D(2026, 11, 23)

    # The leader's view of the office: overdue cases, green channel first.
    act(services, people.leader)
    assert routing.counts() == InboxCounts(0, 0, 0, 0, 0)
    # KC-002: paused Thu 26 – Thu 26 (1 working day), so its case due moves to Tue 24 → still late.
    overdue = routing.office_overdue()
    assert [r.case_id for r in overdue] == [window_green, urgent]
    assert all(r.overdue for r in overdue)
    assert [r.holder_name for r in overdue] == ["王晓梅", "李经办"]  # the office list names holders
    assert all(r.holder_name == "" for r in mine)  # my own list does not
    assert routing.office_overdue(limit=1)[0].case_id == window_green


def test_staff_lists_people_by_step_role(services: Services, routing: RoutingService, people: People) -> None:
    names = [p.display_name for p in routing.staff()]
    assert len(names) == 7 and "吴管理" in names
    assert [p.display_name for p in routing.staff(Role.HANDLER)] == ["李经办"]
    chiefs = {p.display_name for p in routing.staff(Role.SECTION_CHIEF)}
    assert chiefs == {"王晓梅", "赵所长"}
    assert {p.display_name for p in routing.staff(Role.COLLECTIVE)} == {"王晓梅", "赵所长", "钱分管", "孙主任"}
    with services.ctx.transaction("test.deactivate") as s:
        user = s.get(User, people.handler)
        assert user is not None
        user.active = False
    assert routing.staff(Role.HANDLER) == []


# ---------------------------------------------------------------- first routing row


def test_the_first_step_is_opened_once_for_cases_accepted_without_one(
        services: Services, routing: RoutingService, people: People) -> None:
    case_id = accept(services, "TD-001")
    # A case accepted before routing existed (a database upgraded from schema 0001) has no rows.
    with services.ctx.db.engine.begin() as conn:
        conn.execute(delete(CaseStep).where(CaseStep.case_id == case_id))
    assert step_rows(services, case_id) == []
    slip = routing.transfer_slip(case_id)  # reading shows the window step all the same
    assert [r.step_name for r in slip.rows] == ["窗口受理"]
    assert slip.remaining_steps[0] == "实地踏勘与审查" and len(slip.remaining_steps) == 5
    routing.pause(case_id, PauseKind.SUPPLEMENT, "补交宅基地退出协议")
    first = step_rows(services, case_id)
    assert len(first) == 1 and first[0].to_user_id == people.clerk and first[0].from_user_id is None
    accepted_at = case_row(services, case_id).accepted_at
    assert first[0].sent_at == accepted_at and first[0].received_at == accepted_at
    row = case_row(services, case_id)
    assert row.holder_id == people.clerk and row.current_step == 1
    routing.resume(case_id)
    assert len(step_rows(services, case_id)) == 1
    with services.ctx.reading() as s:
        assert s.scalar(select(func.count()).select_from(CasePause)) == 1


def test_not_yet_accepted_cases_cannot_be_routed(services: Services, routing: RoutingService,
                                                 people: People) -> None:
    outcome = services.intake.receive(full_form(services, "TD-001"))
    with pytest.raises(StateError, match="尚未受理"):
        routing.send(outcome.case_id, people.handler)
    state = routing.state(outcome.case_id)
    assert state.status is CaseStatus.RECEIVED and state.actions == frozenset()
    with pytest.raises(StateError):
        routing.transfer_slip(outcome.case_id)


def test_a_first_step_written_at_acceptance_is_used_as_it_is(services: Services, routing: RoutingService,
                                                            people: People) -> None:
    """IntakeService.accept opens the window step in its own transaction."""
    case_id = accept(services, "TD-001")
    assert [r.seq for r in step_rows(services, case_id)] == [1]
    assert routing.counts() == InboxCounts(inbox=1, unreceived=0, due_today=1, due_soon=0, overdue=0)
    routing.send(case_id, people.handler)
    assert [r.seq for r in step_rows(services, case_id)] == [1, 2]


def test_returning_to_the_applicant_ends_an_open_pause(services: Services, clock: FixedClock,
                                                       routing: RoutingService) -> None:
    case_id = accept(services, "TD-001")
    routing.pause(case_id, PauseKind.SUPPLEMENT, "补交村民小组会议记录")
    at(clock, 11, 25)
    with pytest.raises(StateError):
        routing.return_case(case_id, "重新踏勘", 1)  # not while the clock is stopped …
    routing.return_case(case_id, "申请人逾期未补正，退回申请", None)  # … but to the applicant, yes
    st = routing.state(case_id)
    assert st.status is CaseStatus.RETURNED and not st.paused
    assert st.pauses[0].end_date == D(2026, 11, 25)

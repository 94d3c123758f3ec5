"""Who may do what: the whole role × action matrix, and the routing service enforcing it.

The expected table below is written out by hand from the issue (roles: window
clerk, handler, section chief, deputy leader, leader, administrator) rather
than copied from app.permissions, so a change to the rules has to change both.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from app.dto import Role
from app.errors import PermissionDenied
from app.models import (
    AuditLog,
    Case,
    CaseEvent,
    CasePause,
    CaseStep,
    ChangeLog,
    CollectiveReview,
    SequenceCounter,
    User,
)
from app.permissions import HOLDER_ONLY, Action, allowed, require
from app.services import Services
from app.services.routing import CaseResult, PauseKind, RoutingService
from tests.test_intake_service import full_form

pytestmark = pytest.mark.both_backends  # the core services, on SQLite and PostgreSQL

W, H, C, DL, L, A = (Role.WINDOW_CLERK, Role.HANDLER, Role.SECTION_CHIEF, Role.DEPUTY_LEADER,
                     Role.LEADER, Role.ADMIN)
STAFF = {W, H, C, DL, L}
LEADERS = {C, DL, L}

# action: (roles that may do it, whether it also needs the case to be in the user's hands)
EXPECTED: dict[Action, tuple[set[Role], bool]] = {
    Action.INTAKE: ({W}, False),
    Action.RECEIVE: (STAFF, True),
    Action.OPINION: (STAFF, True),
    Action.SEND: (STAFF, True),
    Action.RETURN: (STAFF, True),
    Action.PAUSE: (STAFF, True),
    Action.COLLECTIVE: (LEADERS, True),
    Action.COMPLETE: (STAFF, True),
    Action.SUPERVISE: (LEADERS, False),
    Action.REPLY_SUPERVISION: (STAFF, False),
    Action.INQUIRY: (STAFF, False),
    Action.RATE: (STAFF, False),
    Action.MANAGE_USERS: ({A}, False),
    Action.EDIT_CALENDAR: ({A}, False),
    Action.SYNC: ({A}, False),
    Action.EDIT_CATALOG: ({A}, False),
    Action.RESTORE: ({A}, False),
    Action.ASSESS: ({Role.LEADER, Role.DEPUTY_LEADER, A}, False),
    # 精细化管理 (issue 8): the head and the leaders plan, assign, inspect, accept and pair
    # petitioners; everyone reports on their own packages and records their own study.
    Action.SET_TARGETS: (LEADERS, False),
    Action.MANAGE_PACKAGES: (LEADERS, False),
    Action.REPORT_PROGRESS: (STAFF, False),
    Action.INSPECT: (LEADERS, False),
    Action.RECORD_STUDY: (STAFF | {A}, False),
    Action.MANAGE_STUDY: (LEADERS, False),
    Action.PETITION: (LEADERS, False),
}

MATRIX = [
    pytest.param(action, role, holder, id=f"{action.value}-{role.value}-{'holder' if holder else 'other'}")
    for action, role, holder in itertools.product(Action, Role, (True, False))
]


def test_every_action_has_an_expectation() -> None:
    assert set(EXPECTED) == set(Action)
    assert {a for a, (_, holder) in EXPECTED.items() if holder} == HOLDER_ONLY


@pytest.mark.parametrize(("action", "role", "is_holder"), MATRIX)
def test_role_action_matrix(action: Action, role: Role, is_holder: bool) -> None:
    roles, holder_only = EXPECTED[action]
    expected = role in roles and (is_holder or not holder_only)
    assert allowed(frozenset({role}), action, is_holder=is_holder) is expected
    if expected:
        require(frozenset({role}), action, is_holder=is_holder)
    else:
        with pytest.raises(PermissionDenied) as info:
            require(frozenset({role}), action, is_holder=is_holder)
        assert info.value.action == action.value
        assert action.label in info.value.message
        if role in roles:  # the role is right: it is the holding that is missing
            assert "不在您手上" in info.value.message


def test_collective_is_a_step_not_a_person() -> None:
    assert not any(allowed(frozenset({Role.COLLECTIVE}), a) for a in Action)


def test_several_roles_add_up() -> None:
    # The office's first user is administrator, window clerk and section chief at once.
    roles = frozenset({A, W, C})
    assert all(allowed(roles, a) for a in Action)
    assert not allowed(frozenset({A}), Action.SEND)
    assert not allowed(frozenset(), Action.INQUIRY)


# ---------------------------------------------------------------- the service enforces it


def add_user(services: Services, username: str, name: str, roles: str) -> uuid.UUID:
    uid = uuid.uuid4()
    with services.ctx.transaction("test.users") as s:
        s.add(User(id=uid, office_id=services.ctx.office_id, username=username, display_name=name,
                   roles=roles))
    return uid


def snapshot(services: Services, case_id: uuid.UUID) -> dict[str, Any]:
    """Row counts of everything routing writes, and the case's routing columns."""
    with services.ctx.reading() as s:
        counts = {
            model.__tablename__: int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (CaseStep, CaseEvent, CasePause, CollectiveReview, SequenceCounter,
                          AuditLog, ChangeLog)
        }
        case = s.get(Case, case_id)
        assert case is not None
        counts["case"] = (case.version, case.status, case.holder_id, case.current_step,
                          case.due_date, case.result, case.decision_number)
    return counts


OPERATIONS: dict[str, Callable[[RoutingService, uuid.UUID, uuid.UUID], object]] = {
    "receive": lambda r, cid, to: r.receive(cid),
    "record_opinion": lambda r, cid, to: r.record_opinion(cid, "同意", "agree"),
    "send": lambda r, cid, to: r.send(cid, to, "同意"),
    "return_to_applicant": lambda r, cid, to: r.return_case(cid, "材料虚假", None),
    "return_to_step": lambda r, cid, to: r.return_case(cid, "重新审查", 1),
    "pause": lambda r, cid, to: r.pause(cid, PauseKind.SUPPLEMENT, "补正"),
    "resume": lambda r, cid, to: r.resume(cid),
    "collective": lambda r, cid, to: r.record_collective_review(
        cid, dt.date(2026, 11, 23), "全体", "agree", "同意"),
    "complete": lambda r, cid, to: r.complete(cid, CaseResult.APPROVED, "准予"),
}


@pytest.fixture
def routing(services: Services) -> RoutingService:
    return RoutingService(services.ctx, services.reference)


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("who", ["administrator_only", "handler_not_holder", "leader_not_holder"])
def test_routing_refuses_and_changes_nothing(services: Services, routing: RoutingService,
                                             operation: str, who: str) -> None:
    handler = add_user(services, "lijb", "李经办", "handler")
    actors = {
        "administrator_only": add_user(services, "wugl", "吴管理", "admin"),
        "handler_not_holder": handler,
        "leader_not_holder": add_user(services, "sunzr", "孙主任", "leader"),
    }
    # A case at the window step, in the hands of the clerk who accepted it (王晓梅).
    case_id = services.intake.accept(full_form(services, "TD-001")).case_id
    before = snapshot(services, case_id)
    services.ctx.user_id = actors[who]
    with pytest.raises(PermissionDenied) as info:
        OPERATIONS[operation](routing, case_id, handler)
    message = info.value.message
    if who == "administrator_only":
        assert message.startswith("您没有“")
    else:
        assert "不在您手上" in message or "您没有“" in message
    assert snapshot(services, case_id) == before
    assert routing.state(case_id).actions == frozenset()


@pytest.mark.parametrize("operation", sorted(set(OPERATIONS) - {"collective"}))
def test_the_holder_must_also_fit_the_step(services: Services, routing: RoutingService,
                                           operation: str) -> None:
    """A handler cannot act at a step of another role, even holding the case (roles changed)."""
    handler = add_user(services, "lijb", "李经办", "handler")
    chief = add_user(services, "zhaosz", "赵所长", "section_chief")
    case_id = services.intake.accept(full_form(services, "TD-001")).case_id
    routing.send(case_id, handler)  # the handler's step 实地踏勘与审查
    with services.ctx.transaction("test.roles") as s:
        user = s.get(User, handler)
        assert user is not None
        user.roles = "window_clerk"  # moved to the window since
    services.ctx.forget(("roles", handler))
    before = snapshot(services, case_id)
    services.ctx.user_id = handler
    with pytest.raises(PermissionDenied) as info:
        OPERATIONS[operation](routing, case_id, chief)
    assert "实地踏勘与审查" in info.value.message and "经办人" in info.value.message
    assert snapshot(services, case_id) == before
    assert routing.state(case_id).actions == frozenset()


def test_holding_the_case_with_the_right_role_is_enough(services: Services, routing: RoutingService) -> None:
    handler = add_user(services, "lijb", "李经办", "handler")
    case_id = services.intake.accept(full_form(services, "TD-001")).case_id
    routing.send(case_id, handler)
    services.ctx.user_id = handler
    assert routing.state(case_id).actions == {Action.RECEIVE, Action.PAUSE}
    routing.receive(case_id)
    assert routing.state(case_id).actions == {Action.OPINION, Action.RETURN, Action.SEND, Action.PAUSE}
